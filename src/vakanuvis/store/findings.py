"""The checks' findings kept per document (`document_findings`), and the compact rows their inputs are
known by: what may change in a stored document after it was stored (the entity and work keys resolution
and merges give its mentions and citations, the dates edits correct), read for every document without
reading any document back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, func, insert, literal, or_, select, text
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.exc import IntegrityError

from vakanuvis.store import schema
from vakanuvis.store.edits import DATE, parse_event_id
from vakanuvis.store.rows import chunks


@dataclass
class StoredInputs:
    """One document's rows that its checks' inputs are known by."""

    stored: tuple[str, str]  # its content hash and when it was stored: a new version is a new document
    entity_keys: str = ""  # its mentions' entity keys in their order, SEPARATOR between
    source_keys: str = ""  # its citations' work keys, the same way
    organizations: list[str] = field(default_factory=list)  # surfaces of undated ones (of STATE_TYPES), once
    date_edits: list[tuple[int, Any]] = field(default_factory=list)  # (edit id, date given) in force


SEPARATOR = "\x1f"


def _indexed_keys(connection: Connection, table: Table, column: str) -> list[tuple[str, str]]:
    """(document, the key of each of its rows in the order of idx, joined by SEPARATOR), by one aggregate
    in the database over the index on (document_id, idx, key): no row goes through Python."""
    if connection.dialect.name == "postgresql":
        joined = func.string_agg(table.c[column], aggregate_order_by(literal(SEPARATOR), table.c.idx))
        rows = connection.execute(select(table.c.document_id, joined).group_by(table.c.document_id))
    else:  # SQLite, told to read the index alone, joins them in its order (else it reads every row)
        index = f"ix_{table.name}_document_keys"
        rows = connection.execute(
            text(
                f'SELECT document_id, group_concat("{column}", :separator) FROM {table.name} '
                f"INDEXED BY {index} GROUP BY document_id"
            ),
            {"separator": SEPARATOR},
        )
    return [(document_id, keys) for document_id, keys in rows]


def stored_inputs(engine: Engine, state_types: tuple[str, ...]) -> dict[str, StoredInputs]:
    """Every stored document's `StoredInputs`, by id (in the order of the ids); `state_types`: the types of
    entity the anachronism rule reads existence dates of."""
    d, m, e, ent = schema.documents, schema.mentions, schema.edits, schema.entities
    with engine.connect() as connection:
        found = {
            row.id: StoredInputs((row.sha256, row.ingested_at))
            for row in connection.execute(select(d.c.id, d.c.sha256, d.c.ingested_at).order_by(d.c.id))
        }
        for document_id, keys in _indexed_keys(connection, m, "entity_key"):
            if document_id in found:
                found[document_id].entity_keys = keys or ""
        for document_id, keys in _indexed_keys(connection, schema.citations, "source_key"):
            if document_id in found:
                found[document_id].source_keys = keys or ""
        undated = (
            select(m.c.document_id, m.c.surface)
            .distinct()
            .join(ent, ent.c.key == m.c.entity_key)
            .where(
                ent.c.type.in_(state_types),
                or_(ent.c.start.is_(None), ent.c.start == ""),
                or_(ent.c.end.is_(None), ent.c.end == ""),
            )
            .order_by(m.c.document_id, m.c.surface)
        )
        for row in connection.execute(undated):
            if row.document_id in found:
                found[row.document_id].organizations.append(row.surface)
        corrected = select(e.c.id, e.c.target, e.c.after).where(e.c.action == DATE, e.c.undone_at.is_(None))
        for edit in connection.execute(corrected.order_by(e.c.id)):
            document_id, _ = parse_event_id(edit.target)
            if document_id in found:
                found[document_id].date_edits.append((edit.id, edit.after))
    return found


@dataclass
class KeptFindings:
    inputs: str  # the digest of the inputs they were found with
    findings: list[dict[str, Any]]
    occurrences: list[dict[str, Any]]


def kept_inputs(engine: Engine) -> dict[str, str]:
    """The digest each document's kept findings were found with."""
    f = schema.document_findings
    with engine.connect() as connection:
        return {
            row.document_id: row.inputs for row in connection.execute(select(f.c.document_id, f.c.inputs))
        }


def kept_findings(engine: Engine, document_ids: Iterable[str]) -> dict[str, KeptFindings]:
    f = schema.document_findings
    found = {}
    with engine.connect() as connection:
        for chunk in chunks(list(document_ids)):
            for row in connection.execute(select(f).where(f.c.document_id.in_(chunk))):
                found[row.document_id] = KeptFindings(row.inputs, row.findings, row.occurrences)
    return found


def keep_findings(engine: Engine, kept: dict[str, KeptFindings]) -> None:
    """Keep these documents' findings in place of what was kept for them (but for a document deleted
    meanwhile: its findings went with it). What is kept is only ever a saving: when another process keeps
    the same documents' findings at the same time, one of them keeps them."""
    if not kept:
        return
    f, d = schema.document_findings, schema.documents
    try:
        with engine.begin() as connection:
            for chunk in chunks(kept):
                present = set(connection.execute(select(d.c.id).where(d.c.id.in_(chunk))).scalars())
                connection.execute(delete(f).where(f.c.document_id.in_(chunk)))
                rows = [
                    {
                        "document_id": each,
                        "inputs": kept[each].inputs,
                        "findings": kept[each].findings,
                        "occurrences": kept[each].occurrences,
                    }
                    for each in chunk
                    if each in present
                ]
                if rows:
                    connection.execute(insert(f), rows)
    except IntegrityError:
        pass  # kept meanwhile by another process, or its document deleted
