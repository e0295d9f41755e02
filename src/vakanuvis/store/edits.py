"""Hand corrections of the knowledge base: recorded with who and when, undoable, and re-applied after
every re-analysis, so they survive re-ingesting a document and re-resolving the corpus.

Edits name what they change by stable ids: entity keys, events as "<document>-e<index>" (the pipeline
is deterministic and a document's id comes from its bytes), findings by a hash of kind and evidence.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from vakanuvis.errors import BadEdit, EditConflict, UnknownRecord
from vakanuvis.lang.visible import visible_trimmed
from vakanuvis.store import schema
from vakanuvis.store.locks import lock_corpus

MERGE = "merge-entities"
RENAME = "rename-entity"
DATE = "date-event"
REVIEW = "review-finding"
ENTITY_ACTIONS = (MERGE, RENAME)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def finding_id(record: dict[str, Any]) -> str:
    """A stable id for a finding record: its kind and the exact places of its evidence."""
    places = [
        [item.get("document"), item.get("start"), item.get("end"), item.get("footnote")]
        for item in record.get("evidence", [])
    ]
    digest = hashlib.sha1(json.dumps([record["kind"], places]).encode()).hexdigest()
    return digest[:16]


def edit_record(row) -> dict[str, Any]:
    return {
        "id": row.id,
        "at": row.at,
        "token": row.token_name,
        "action": row.action,
        "target": row.target,
        "before": row.before,
        "after": row.after,
        "undone": row.undone_at is not None,
        "undone_at": row.undone_at,
        "undone_by": row.undone_by,
    }


def list_edits(engine: Engine) -> list[dict[str, Any]]:
    """Every edit, newest first."""
    with engine.connect() as connection:
        rows = connection.execute(select(schema.edits).order_by(schema.edits.c.id.desc())).all()
    return [edit_record(row) for row in rows]


def _record(connection: Connection, token: str, action: str, target: str, before, after) -> dict[str, Any]:
    new_id = connection.execute(
        insert(schema.edits)
        .values(at=_now(), token_name=token, action=action, target=target, before=before, after=after)
        .returning(schema.edits.c.id)
    ).scalar_one()
    row = connection.execute(select(schema.edits).where(schema.edits.c.id == new_id)).one()
    return edit_record(row)


def _entity(connection: Connection, key: str):
    row = connection.execute(select(schema.entities).where(schema.entities.c.key == key)).first()
    if row is None:
        raise UnknownRecord("entity", key)
    return row


# ---------------------------------------------------------------- entities


def rename_entity(engine: Engine, key: str, name: str, token: str) -> dict[str, Any]:
    """Give an entity a new canonical name; the old one stays among its aliases."""
    name = visible_trimmed(name)
    if not name:
        raise BadEdit(
            "a name needs at least one visible character (spaces and invisible characters alone are not a name)"
        )
    with engine.begin() as connection:
        lock_corpus(connection)
        row = _entity(connection, key)
        before = {"name": row.name, **_entity_snapshot(connection, [key], [])}
        edit = _record(connection, token, RENAME, key, before, {"name": name})
        _apply_rename(connection, key, name)
        _reindex_entities(connection, {key})
    return edit


def _apply_rename(connection: Connection, key: str, name: str) -> None:
    ent = schema.entities
    row = connection.execute(select(ent).where(ent.c.key == key)).first()
    if row is None:
        return
    aliases = list(dict.fromkeys([*row.aliases, row.name]))
    connection.execute(update(ent).where(ent.c.key == key).values(name=name, aliases=aliases))


def merge_entities(engine: Engine, into: str, merge: list[str], token: str) -> dict[str, Any]:
    """Make the entities `merge` one with `into`: their mentions and names go to it."""
    merge = [key for key in dict.fromkeys(merge) if key != into]
    if not merge:
        raise BadEdit("name at least one entity, other than the one merged into, to merge")
    with engine.begin() as connection:
        lock_corpus(connection)
        for key in (into, *merge):
            _entity(connection, key)
        before = _entity_snapshot(connection, [into, *merge], merge)
        edit = _record(connection, token, MERGE, into, before, {"into": into, "merge": merge})
        _apply_merge(connection, into, merge)
        _reindex_entities(connection, {into, *merge})
    return edit


def _reindex_entities(connection: Connection, keys: set[str]) -> None:
    from vakanuvis.store.search import reindex_records

    reindex_records(connection, "entity", keys)


def _entity_row(row) -> dict[str, Any]:
    return {column: getattr(row, column) for column in schema.entities.c.keys()}


def _apply_merge(connection: Connection, into: str, merge: list[str]) -> None:
    ent, m = schema.entities, schema.mentions
    target = connection.execute(select(ent).where(ent.c.key == into)).first()
    if target is None:
        return
    merged = connection.execute(select(ent).where(ent.c.key.in_(merge))).all()
    names = [target.name, *target.aliases]
    for row in merged:
        names += [row.name, *row.aliases]
    aliases = [name for name in dict.fromkeys(names) if name != target.name]
    connection.execute(update(m).where(m.c.entity_key.in_(merge)).values(entity_key=into))
    connection.execute(update(ent).where(ent.c.key == into).values(aliases=aliases))
    connection.execute(ent.delete().where(ent.c.key.in_(merge)))


def _entity_snapshot(connection: Connection, keys: list[str], moved: list[str]) -> dict[str, Any]:
    """What an entity edit is about to change: the rows of the entities `keys` (None for one that does not
    exist) and the mentions, as (document, index), of the entities `moved` whose mentions it moves."""
    ent, m = schema.entities, schema.mentions
    rows = {row.key: _entity_row(row) for row in connection.execute(select(ent).where(ent.c.key.in_(keys)))}
    mentions = {
        key: [
            list(r)
            for r in connection.execute(
                select(m.c.document_id, m.c.idx)
                .where(m.c.entity_key == key)
                .order_by(m.c.document_id, m.c.idx)
            )
        ]
        for key in moved
    }
    return {"entities": {key: rows.get(key) for key in keys}, "mentions": mentions}


def _restore_entities(connection: Connection, edit, fresh: frozenset[str] = frozenset()) -> None:
    """Put back what an entity edit changed, from what it recorded: the rows of its entities (except those
    in `fresh`, just written again by resolution) and the links of the mentions it moved."""
    ent, m = schema.entities, schema.mentions
    before = _snapshot_of(connection, edit)
    for key, row in before["entities"].items():
        if key in fresh:
            continue
        connection.execute(ent.delete().where(ent.c.key == key))
        if row is not None:
            connection.execute(insert(ent).values(**row))
    for key, places in before["mentions"].items():
        by_document: dict[str, list[int]] = {}
        for document_id, idx in places:
            by_document.setdefault(document_id, []).append(idx)
        for document_id, indices in by_document.items():
            for chunk in (indices[i : i + 500] for i in range(0, len(indices), 500)):
                connection.execute(
                    update(m)
                    .where(m.c.document_id == document_id, m.c.idx.in_(chunk), m.c.entity_key == edit.target)
                    .values(entity_key=key)
                )


def _snapshot_of(connection: Connection, edit) -> dict[str, Any]:
    """The edit's record of what it changed; edits recorded before snapshots were kept give what they can."""
    before = edit.before
    if isinstance(before.get("entities"), dict):
        return before
    current = connection.execute(select(schema.entities).where(schema.entities.c.key == edit.target)).first()
    row = _entity_row(current) if current is not None else None
    if edit.action == RENAME:
        if row is not None:
            row["name"] = before["name"]
            row["aliases"] = [a for a in row["aliases"] if a != before["name"]]
        return {"entities": {edit.target: row}, "mentions": {}}
    if row is not None:
        row["aliases"] = before["aliases"]
    rows = {r["key"]: r for r in before["entities"]}
    return {"entities": {edit.target: row, **rows}, "mentions": before["mentions"]}


def _edit_entities(edit) -> list[str]:
    """The entities an entity edit names: its target, then (a merge's) the entities merged into it."""
    return [edit.target, *(edit.after.get("merge", []) if edit.action == MERGE else [])]


def _entity_keys(edit) -> set[str]:
    return set(_edit_entities(edit))


def _apply_entity_edit(connection: Connection, edit) -> None:
    """Make an entity edit again on the present state, recording anew what it changes there."""
    keys = _edit_entities(edit)
    if (
        connection.execute(select(schema.entities.c.key).where(schema.entities.c.key.in_(keys))).first()
        is None
    ):
        return
    before = _entity_snapshot(connection, keys, keys[1:])
    if edit.action == RENAME:
        before = {"name": (before["entities"][edit.target] or edit.before)["name"], **before}
    connection.execute(update(schema.edits).where(schema.edits.c.id == edit.id).values(before=before))
    if edit.action == MERGE:
        _apply_merge(connection, edit.after["into"], edit.after["merge"])
    else:
        _apply_rename(connection, edit.target, edit.after["name"])


# ---------------------------------------------------------------- events


def parse_event_id(event_id: str) -> tuple[str, int]:
    document_id, _, index = event_id.rpartition("-e")
    if not document_id or not index.isdigit():
        raise UnknownRecord("event", event_id)
    return document_id, int(index)


def edtf_bounds(value: str) -> tuple[date, date]:
    """Earliest and latest day of an EDTF string; BadEdit when it is not EDTF."""
    from edtf import parse_edtf, struct_time_to_date

    try:
        parsed = parse_edtf(value.strip())
        earliest = struct_time_to_date(parsed.lower_strict())
        latest = struct_time_to_date(parsed.upper_strict())
    except Exception as error:  # noqa: BLE001 — the edtf parser raises several kinds for bad input
        raise BadEdit(f"{value!r} is not an EDTF date (e.g. 1920-04-23, 1920-04, 1919-07/1919-08)") from error
    if earliest > latest:
        raise BadEdit(f"{value!r} ends before it begins")
    return earliest, latest


def correct_event_date(engine: Engine, event_id: str, edtf: str, token: str) -> dict[str, Any]:
    """Set an event's date (and its date mention's) to `edtf`."""
    document_id, idx = parse_event_id(event_id)
    earliest, latest = edtf_bounds(edtf)
    e = schema.events
    with engine.begin() as connection:
        lock_corpus(connection)
        row = connection.execute(select(e).where(e.c.document_id == document_id, e.c.idx == idx)).first()
        if row is None:
            raise UnknownRecord("event", event_id)
        before = {"edtf": row.edtf, "earliest": row.earliest.isoformat(), "latest": row.latest.isoformat()}
        after = {"edtf": edtf.strip(), "earliest": earliest.isoformat(), "latest": latest.isoformat()}
        edit = _record(connection, token, DATE, event_id, before, after)
        _apply_date(connection, event_id, after)
    return edit


def _event_date(connection: Connection, event_id: str) -> dict[str, str] | None:
    document_id, idx = parse_event_id(event_id)
    e = schema.events
    row = connection.execute(select(e).where(e.c.document_id == document_id, e.c.idx == idx)).first()
    if row is None:
        return None
    return {"edtf": row.edtf, "earliest": row.earliest.isoformat(), "latest": row.latest.isoformat()}


def _apply_date_edit(connection: Connection, edit) -> None:
    """Make a date correction again on the present state, recording anew the date it replaces."""
    current = _event_date(connection, edit.target)
    if current is None:
        return
    connection.execute(update(schema.edits).where(schema.edits.c.id == edit.id).values(before=current))
    _apply_date(connection, edit.target, edit.after)


def _apply_date(connection: Connection, event_id: str, value: dict[str, str]) -> None:
    document_id, idx = parse_event_id(event_id)
    e, d = schema.events, schema.dates
    values = {
        "edtf": value["edtf"],
        "earliest": date.fromisoformat(value["earliest"]),
        "latest": date.fromisoformat(value["latest"]),
    }
    date_idx = connection.execute(
        select(e.c.date_idx).where(e.c.document_id == document_id, e.c.idx == idx)
    ).scalar_one_or_none()
    if date_idx is None:
        return
    connection.execute(update(e).where(e.c.document_id == document_id, e.c.idx == idx).values(**values))
    connection.execute(update(d).where(d.c.document_id == document_id, d.c.idx == date_idx).values(**values))


# ---------------------------------------------------------------- findings


def review_finding(engine: Engine, finding: str, reviewed: bool, token: str) -> dict[str, Any]:
    """Mark a finding (by its stable id) as reviewed or not."""
    with engine.begin() as connection:
        lock_corpus(connection)
        before = {"reviewed": finding in _reviewed(connection)}
        return _record(connection, token, REVIEW, finding, before, {"reviewed": bool(reviewed)})


def reviewed_findings(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return _reviewed(connection)


def _reviewed(connection: Connection) -> set[str]:
    state: dict[str, bool] = {}
    for row in _active(connection, (REVIEW,)):
        state[row.target] = bool(row.after["reviewed"])
    return {key for key, reviewed in state.items() if reviewed}


# ---------------------------------------------------------------- undo and replay


def _active(connection: Connection, actions, target: str | None = None):
    ed = schema.edits
    query = select(ed).where(ed.c.undone_at.is_(None), ed.c.action.in_(actions)).order_by(ed.c.id)
    if target is not None:
        query = query.where(ed.c.target == target)
    return connection.execute(query).all()


def undo_edit(engine: Engine, edit_id: int, token: str) -> dict[str, Any]:
    """Take an edit back; the others stay, as if it had never been made. Undoing twice is a conflict.

    The later standing edits of the same kind are taken back too, newest first (each from what it recorded
    it changed), then this one, and the later ones are made again on what is left, each recording anew what
    it changes: the state is the one the standing edits give, in whatever order edits are undone."""
    ed = schema.edits
    with engine.begin() as connection:
        lock_corpus(connection)
        edit = connection.execute(select(ed).where(ed.c.id == edit_id)).first()
        if edit is None:
            raise UnknownRecord("edit", str(edit_id))
        if edit.undone_at is not None:
            raise EditConflict(f"edit {edit_id} was already undone ({edit.undone_at}, by {edit.undone_by})")
        if edit.action in ENTITY_ACTIONS:
            later = [row for row in _active(connection, ENTITY_ACTIONS) if row.id > edit_id]
            for row in reversed(later):
                _restore_entities(connection, row)
            _restore_entities(connection, edit)
            _check_replayable(connection, edit, later)
            for row in later:
                _apply_entity_edit(connection, _fresh(connection, row))
            _reindex_entities(connection, set().union(_entity_keys(edit), *map(_entity_keys, later)))
        elif edit.action == DATE:
            later = [row for row in _active(connection, (DATE,), edit.target) if row.id > edit_id]
            for row in reversed(later):
                _apply_date(connection, row.target, row.before)
            _apply_date(connection, edit.target, edit.before)
            for row in later:
                _apply_date_edit(connection, _fresh(connection, row))
        connection.execute(update(ed).where(ed.c.id == edit_id).values(undone_at=_now(), undone_by=token))
        row = connection.execute(select(ed).where(ed.c.id == edit_id)).one()
    return edit_record(row)


def _fresh(connection: Connection, edit):
    """The edit's row as it stands now (an earlier replay may have recorded it anew)."""
    return connection.execute(select(schema.edits).where(schema.edits.c.id == edit.id)).one()


def _check_replayable(connection: Connection, undone, later) -> None:
    """Refuse (EditConflict, and the transaction is rolled back) when a later edit could not be made again
    without `undone`: an entity it names would not be there."""
    existing = set(connection.execute(select(schema.entities.c.key)).scalars())
    for row in later:
        missing = sorted(_entity_keys(row) - existing)
        if row.action == MERGE:
            existing -= set(row.after["merge"])
        if missing:
            raise EditConflict(
                f"edit {undone.id} cannot be undone: the later edit {row.id} ({row.action} {row.target}) "
                f"depends on it ({', '.join(missing)} would not be there); undo edit {row.id} first"
            )


def reapply_entity_edits(connection: Connection, keys: set[str] | None = None) -> set[str]:
    """Make the standing merges and renames again, in order, after resolution wrote the entities `keys`
    (or all) afresh: those edits that involve them, directly or through another such edit, are taken back
    from what they recorded (leaving the fresh rows as resolution wrote them) and made again, each
    recording anew what it changes. Returns the keys of the entities involved."""
    standing = _active(connection, ENTITY_ACTIONS)
    if keys is None:
        involved = set().union(*map(_entity_keys, standing)) if standing else set()
        fresh = frozenset(connection.execute(select(schema.entities.c.key)).scalars())
    else:
        involved, fresh = set(keys), frozenset(keys)
        grown = True
        while grown:
            grown = False
            for edit in standing:
                if _entity_keys(edit) & involved and not _entity_keys(edit) <= involved:
                    involved |= _entity_keys(edit)
                    grown = True
    replayed = [edit for edit in standing if _entity_keys(edit) & involved]
    for edit in reversed(replayed):
        _restore_entities(connection, edit, fresh)
    for edit in replayed:
        _apply_entity_edit(connection, _fresh(connection, edit))
    return set().union(*map(_entity_keys, replayed)) if replayed else set()


def reapply_document_edits(connection: Connection, document_id: str) -> None:
    """Make the standing date corrections of one document again, after it was stored again."""
    ed = schema.edits
    rows = connection.execute(
        select(ed)
        .where(ed.c.undone_at.is_(None), ed.c.action == DATE, ed.c.target.like(f"{document_id}-e%"))
        .order_by(ed.c.id)
    ).all()
    for edit in rows:
        if parse_event_id(edit.target)[0] == document_id:
            _apply_date_edit(connection, edit)


def refresh_after_resolution(engine: Engine) -> None:
    """After resolution rewrote entities and sources: replay entity edits, then reindex them for search."""
    from vakanuvis.store.search import index_corpus_records

    with engine.begin() as connection:
        lock_corpus(connection)
        reapply_entity_edits(connection)
        index_corpus_records(connection)
