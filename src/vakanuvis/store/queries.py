"""Reading the knowledge base into the plain records the CLI contract and the API return."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Engine, func, select, true, tuple_

from vakanuvis.errors import UnknownDocument, UnknownRecord
from vakanuvis.fields import flat_fields
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.model import Document
from vakanuvis.reference.authority import load_authority, name_key
from vakanuvis.store import schema

ACTOR_TYPES = ("person", "organization")
PLACE_TYPES = ("place",)
ENTITY_EVENTS = 100  # an entity's page lists at most this many of its events (the first in time)
PLACE_EVENTS = 50  # the places list names at most this many events of each place
# events in chronological order, ties by document and place in it
EVENT_ORDER = (
    schema.events.c.earliest,
    schema.events.c.latest,
    schema.events.c.document_id,
    schema.events.c.idx,
)


def list_documents(engine: Engine, leave_out: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The stored documents' fields (`leave_out` less), in the order they were stored."""
    d = schema.documents
    columns = [d.c[field.name] for field in flat_fields(Document) if field.name not in leave_out]
    with engine.connect() as connection:
        rows = connection.execute(select(*columns).order_by(d.c.ingested_at, d.c.id)).all()
    return [dict(row._mapping) for row in rows]


def _document_value(engine: Engine, document_id: str, column):
    """One column of a stored document; UnknownDocument when there is no such document."""
    with engine.connect() as connection:
        value = connection.execute(
            select(column).where(schema.documents.c.id == document_id)
        ).scalar_one_or_none()
    if value is None:
        raise UnknownDocument(document_id)
    return value


def require_document(engine: Engine, document_id: str) -> None:
    """Raise UnknownDocument unless `document_id` is stored."""
    _document_value(engine, document_id, schema.documents.c.id)


def document_text(engine: Engine, document_id: str) -> str:
    return _document_value(engine, document_id, schema.documents.c.text)


def list_footnotes(
    engine: Engine, document_id: str, *, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Each footnote (or `limit` of them from the `offset`-th, by number) with the body sentence that carries
    its marker, and the confidence of its words when it was read by OCR (the key is left out for a text
    layer, as the CLI's contract has it)."""
    require_document(engine, document_id)
    f, m, s = schema.footnotes, schema.markers, schema.sentences
    with engine.connect() as connection:
        notes = connection.execute(
            select(f.c.number, f.c.text, f.c.page, f.c.ocr_confidence)
            .where(f.c.document_id == document_id)
            .order_by(f.c.number)
            .limit(limit)
            .offset(offset)
        ).all()
        numbers = [n.number for n in notes]
        carrying = dict(
            connection.execute(
                select(m.c.number, s.c.text)
                .join(s, (s.c.document_id == m.c.document_id) & (s.c.idx == m.c.sentence))
                .where(m.c.document_id == document_id, m.c.number.in_(numbers))
                .order_by(m.c.idx.desc())  # the first marker of a number wins
            ).all()
        )
    return [
        {"number": n.number, "text": n.text, "sentence": carrying.get(n.number), "page": n.page}
        | ({"ocr_confidence": n.ocr_confidence} if n.ocr_confidence is not None else {})
        for n in notes
    ]


def _document_filter(table, document_id: str | None):
    return table.c.document_id == document_id if document_id else True


def list_events(
    engine: Engine,
    document_id: str | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    actor: str | None = None,
    place: str | None = None,
    overlapping: bool = False,
    entity: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events in chronological order, each with what happened and who and what took part in it.

    A period holds the events that lie wholly inside it ("1920-08-23", "Ağustos 1920 sonları" in August to
    September 1920, not "1920" nor "1920-1922"); with `overlapping`, also those that only reach into it.
    `actor` and `place` keep the events one of whose participants (places) has that in its name; `entity`
    those an entity (by key) takes part in. All is filtered and paged (`limit`, `offset`) in SQL."""
    if document_id:
        require_document(engine, document_id)
    with engine.connect() as connection:
        filters = (document_id, date_from, date_to, overlapping, actor, place, entity)
        return _events_counted(connection, filters, limit, offset, counted=False)[0]


def _events_counted(
    connection: Any, filters: tuple, limit: int | None, offset: int, *, counted: bool
) -> tuple[list[dict[str, Any]], int | None]:
    """`list_events`'s page of events for these filters and, when `counted`, how many the filters keep in
    all: counted over the same filtered rows the page is cut from, in the same query (None when a page
    past the end leaves no row to carry it)."""
    # the page is cut on the events table alone (by its indexes); only its events are then joined to their
    # sentences and dates
    keys = _filtered_events(connection, *filters)
    if limit is not None:
        keys = keys.limit(limit).offset(offset)
    page = keys.subquery()
    if counted:
        counted_page = keys.add_columns(func.count().over().label("total")).subquery()
        query = _events_of_page(counted_page).add_columns(counted_page.c.total)
    else:
        query = _events_of_page(page)
    rows = connection.execute(query).all()
    names = _role_entities(connection, page) if rows else {}  # the page's keys alone, not counted again
    total = rows[0].total if counted and rows else (0 if counted and not offset else None)
    return [_event_record(row, names) for row in rows], total


def count_events(
    engine: Engine,
    document_id: str | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    actor: str | None = None,
    place: str | None = None,
    overlapping: bool = False,
    entity: str | None = None,
) -> int:
    """How many events `list_events` holds for these filters, counted in SQL."""
    if document_id:
        require_document(engine, document_id)
    with engine.connect() as connection:
        conditions = _filters(connection, document_id, date_from, date_to, overlapping, actor, place, entity)
        return connection.execute(
            select(func.count()).select_from(schema.events).where(*conditions)
        ).scalar_one()


def _filtered_events(connection, document_id, date_from, date_to, overlapping, actor, place, entity):
    """The keys of the events these filters keep, in chronological order."""
    e = schema.events
    conditions = _filters(connection, document_id, date_from, date_to, overlapping, actor, place, entity)
    return select(e.c.document_id, e.c.idx).where(*conditions).order_by(*EVENT_ORDER)


def _filters(connection, document_id, date_from, date_to, overlapping, actor, place, entity) -> list:
    """The conditions on the events table of a document, a period and who or where took part."""
    return [
        *_event_conditions(document_id, date_from, date_to, overlapping),
        *_taking_part(connection, actor, place, entity),
    ]


def _taking_part(connection, actor: str | None, place: str | None, entity: str | None) -> list:
    """Conditions on the events table: an actor or place by part of its name, an entity by its key."""
    conditions = []
    if actor:
        conditions.append(_takes_part(_entities_named(connection, actor), places=False))
    if place:
        conditions.append(_takes_part(_entities_named(connection, place, PLACE_TYPES), places=True))
    if entity:
        conditions.append(_takes_part([entity], places=None))
    return conditions


def _entities_named(connection, part: str, types: tuple[str, ...] | None = None) -> list[str]:
    """The keys of the entities whose name holds `part`, in any case (Turkish casing included)."""
    ent = schema.entities
    wanted = turkish_lower(part)
    query = select(ent.c.key, ent.c.name)
    if types:
        query = query.where(ent.c.type.in_(types))
    return [row.key for row in connection.execute(query) if wanted in turkish_lower(row.name)]


def _takes_part(keys: list[str], *, places: bool | None):
    """An event one of whose roles holds a mention of one of these entities: in a role other than the
    place (`places` False: an actor), in any role (True: a place; None: any entity). The entities' mentions
    are found first (by their index), then their events."""
    e, r, m = schema.events, schema.event_roles, schema.mentions
    # a set of mentions, not a join: joined, SQLite looks through all the roles of a mention's document for
    # each mention (36,000 roles × 6,800 mentions of one entity in a 10 MB text: 27 s, against 0.04 s)
    mentions = select(m.c.document_id, m.c.idx).where(m.c.entity_key.in_(keys))
    found = select(r.c.document_id, r.c.event_idx).where(
        tuple_(r.c.document_id, r.c.mention_idx).in_(mentions)
    )
    if places is False:
        found = found.where(r.c.role != "place")
    return tuple_(e.c.document_id, e.c.idx).in_(found)


def events_of_places(engine: Engine, document_id: str | None = None) -> dict[str, tuple[int, list[str]]]:
    """Place key -> (how many events are set there, the first PLACE_EVENTS of their ids), in SQL."""
    r, m, ent = schema.event_roles, schema.mentions, schema.entities
    placed = (
        select(r.c.document_id, r.c.event_idx, m.c.entity_key)
        .distinct()
        .join(m, (m.c.document_id == r.c.document_id) & (m.c.idx == r.c.mention_idx))
        .join(ent, ent.c.key == m.c.entity_key)
        .where(ent.c.type.in_(PLACE_TYPES), _document_filter(r, document_id))
        .subquery()
    )
    numbered = select(
        placed,
        func.row_number()
        .over(partition_by=placed.c.entity_key, order_by=(placed.c.document_id, placed.c.event_idx))
        .label("n"),
        func.count().over(partition_by=placed.c.entity_key).label("total"),
    ).subquery()
    query = select(numbered).where(numbered.c.n <= PLACE_EVENTS).order_by(numbered.c.entity_key, numbered.c.n)
    found: dict[str, tuple[int, list[str]]] = {}
    with engine.connect() as connection:
        for row in connection.execute(query):
            total, ids = found.setdefault(row.entity_key, (row.total, []))
            ids.append(f"{row.document_id}-e{row.event_idx}")
    return found


def event_participants(
    engine: Engine,
    document_id: str | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    types: tuple[str, ...] = ACTOR_TYPES,
    roles: tuple[str, ...] | None = None,
) -> list[tuple[str, str]]:
    """(event id, entity key) of every entity of these types in these roles (all when None) of the
    events of a period, read in one query (no event record built): what networks and maps are drawn of."""
    e, r, m, ent = schema.events, schema.event_roles, schema.mentions, schema.entities
    query = (
        select(r.c.document_id, r.c.event_idx, m.c.entity_key)
        .join(m, (m.c.document_id == r.c.document_id) & (m.c.idx == r.c.mention_idx))
        .join(ent, ent.c.key == m.c.entity_key)
        .where(ent.c.type.in_(types), _document_filter(r, document_id))
        # the roles' own order, so that every database gives an event's participants (and a network's
        # nodes of as many events) in the same order
        .order_by(r.c.document_id, r.c.event_idx, r.c.role, r.c.mention_idx)
    )
    if date_from or date_to:
        query = query.join(e, (e.c.document_id == r.c.document_id) & (e.c.idx == r.c.event_idx)).where(
            *_event_conditions(document_id, date_from, date_to, False)
        )
    if roles is not None:
        query = query.where(r.c.role.in_(roles))
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return list(dict.fromkeys((f"{document}-e{index}", key) for document, index, key in rows))


def _events_of_page(page):
    """The events whose keys `page` holds, with their sentences and dates, in chronological order."""
    e, s, d = schema.events, schema.sentences, schema.dates
    return (
        select(
            e,
            s.c.text.label("sentence_text"),
            d.c.year_from,
            d.c.modifier,
            d.c.extent,
            d.c.calendar,
            d.c.original,
        )
        .join(page, (page.c.document_id == e.c.document_id) & (page.c.idx == e.c.idx))
        .join(s, (s.c.document_id == e.c.document_id) & (s.c.idx == e.c.sentence))
        .join(d, (d.c.document_id == e.c.document_id) & (d.c.idx == e.c.date_idx))
        .order_by(*EVENT_ORDER)
    )


def _event_conditions(
    document_id: str | None, date_from: date | None, date_to: date | None, overlapping: bool
) -> list:
    """The conditions on the events table alone of a document and a period."""
    e = schema.events
    conditions = [_document_filter(e, document_id)]
    if date_from or date_to:
        # an event whose year is unknown ("XXXX-03-16") or whose period is open at one end ("…’e kadar") is
        # not known to be of the period asked for: a period shows only what it holds
        conditions += [e.c.earliest > date.min, e.c.latest < date.max]
    if date_from:
        conditions.append((e.c.latest if overlapping else e.c.earliest) >= date_from)
    if date_to:
        conditions.append((e.c.earliest if overlapping else e.c.latest) <= date_to)
    return conditions


def _role_entities(connection, page) -> dict[tuple[str, int], tuple[str, str, str]]:
    """(document, mention index) -> (entity key, canonical name, type) of every mention in the roles of the
    events whose keys `page` holds: through the roles table, by index (a list of (document, mention) pairs
    made SQLite read every mention of the corpus)."""
    r, m, ent = schema.event_roles, schema.mentions, schema.entities
    query = (
        select(m.c.document_id, m.c.idx, ent.c.key, ent.c.name, ent.c.type)
        .distinct()
        .select_from(page)
        .join(r, (r.c.document_id == page.c.document_id) & (r.c.event_idx == page.c.idx))
        .join(m, (m.c.document_id == r.c.document_id) & (m.c.idx == r.c.mention_idx))
        .join(ent, ent.c.key == m.c.entity_key)
    )
    rows = connection.execute(query).all()  # fetched at once: row by row costs twice as much
    return {(document, index): (key, name, kind) for document, index, key, name, kind in rows}


def _event_record(row, names: dict[tuple[str, int], tuple[str, str, str]]) -> dict[str, Any]:
    roles: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = {}
    place_names: list[str] = []
    actor_names: list[str] = []
    for role, found in row.roles.items():
        for index in found:
            entity = names.get((row.document_id, index))
            if entity is None:
                continue
            key, name, kind = entity
            roles.setdefault(role, [])
            if name not in roles[role]:
                roles[role].append(name)
                keys.setdefault(role, []).append(key)
            if kind in PLACE_TYPES:
                place_names.append(name)
            if role != "place":
                actor_names.append(name)
    return {
        "id": f"{row.document_id}-e{row.idx}",
        "document": row.document_id,
        "date": row.edtf,
        "start": row.earliest.isoformat(),
        "end": row.latest.isoformat(),
        "text": row.text,
        "sentence": row.sentence_text,
        # who and what took part (every role but the place) and where, by canonical name
        "actors": _unique(actor_names),
        "places": _unique(place_names),
        "footnotes": row.footnotes,
        # what happened: the predicate as written, its kind, a headline; role -> names (and entity keys)
        "predicate": row.predicate,
        "kind": row.kind,
        "headline": row.headline,
        "roles": roles,
        "role_keys": keys,
        "dateline": row.dateline,
        # where the year came from ("text", "context", "document", "unknown"), a part or open end
        # of the date and what it then covers, the calendar written in and the value in it
        "year_from": row.year_from,
        "modifier": row.modifier,
        "extent": row.extent,
        "calendar": row.calendar,
        "original": row.original,
    }


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def list_entities(engine: Engine, document_id: str | None = None) -> list[dict[str, Any]]:
    """Entities with their mention counts (within the document, when one is given), most mentioned first."""
    if document_id:
        require_document(engine, document_id)
    m, ent = schema.mentions, schema.entities
    with engine.connect() as connection:
        counts: dict[str, int] = dict(
            connection.execute(
                select(m.c.entity_key, func.count())
                .where(_document_filter(m, document_id))
                .group_by(m.c.entity_key)
            ).all()
        )
        rows = connection.execute(select(ent).order_by(ent.c.name)).all()
    records = [
        {
            "id": row.key,
            "type": row.type,
            "name": row.name,
            "aliases": row.aliases,
            "mentions": counts[row.key],
            "wikidata": row.wikidata,
            "lat": row.lat,
            "lon": row.lon,
        }
        for row in rows
        if counts.get(row.key)
    ]
    return sorted(records, key=lambda r: (-r["mentions"], r["name"]))


def _entities_of_name(connection: Any, name: str) -> list[tuple[Any, int]]:
    """The entities a name may stand for, in any script or spelling, with their mention counts, most
    mentioned first: its name or an alias as written, else the same name key ('Chicherin', 'Чичерин' →
    Çiçerin), else an authority entry's form."""
    ent, m = schema.entities, schema.mentions
    rows = connection.execute(select(ent)).all()
    wanted = name.casefold()
    found = [r for r in rows if r.name.casefold() == wanted or wanted in (a.casefold() for a in r.aliases)]
    if not found:
        key = name_key(name)
        found = [r for r in rows if key and (name_key(r.name) == key or key in map(name_key, r.aliases))]
    if not found:
        entry = load_authority().find(name)
        found = [r for r in rows if entry is not None and r.key == entry.key]
    if not found:
        return []
    counts = dict(
        connection.execute(
            select(m.c.entity_key, func.count())
            .where(m.c.entity_key.in_([r.key for r in found]))
            .group_by(m.c.entity_key)
        ).all()
    )
    ranked = sorted(found, key=lambda r: (counts.get(r.key, 0), r.key), reverse=True)
    return [(r, counts.get(r.key, 0)) for r in ranked]


def entity_detail(
    engine: Engine, key_or_name: str, most_mentions: int | None = None, mentions_from: int = 0
) -> dict[str, Any]:
    """One entity by id or by (alias) name, with a page of its mentions in context (`most_mentions` of
    them from the `mentions_from`-th, in document order; all when `most_mentions` is None) and how many
    there are, the footnotes it is mentioned in, and its first events."""
    m = schema.mentions
    with engine.connect() as connection:
        row, others = _entity_asked_for(connection, key_or_name)
        mentions = _mentions_in_context(connection, row.key, most_mentions, mentions_from)
        mentions_count = _count_mentions(connection, row.key)
        notes = connection.execute(
            select(m.c.document_id, m.c.footnote)
            .distinct()
            .where(m.c.entity_key == row.key, m.c.footnote.is_not(None))
        ).all()
        filters = (None, None, None, False, None, None, row.key)
        events, events_count = _events_counted(connection, filters, ENTITY_EVENTS, 0, counted=True)
    return {
        "id": row.key,
        "type": row.type,
        "name": row.name,
        "aliases": row.aliases,
        "wikidata": row.wikidata,
        "lat": row.lat,
        "lon": row.lon,
        "start": row.start,
        "end": row.end,
        "mentions": mentions,
        "mentions_count": mentions_count,
        "footnotes": [{"document": n.document_id, "footnote": n.footnote} for n in notes],
        "events": events,
        "events_count": events_count,
        # the other entities the name asked for may stand for ("Tevfik": the Grand Vizier, Tevfik Bey …)
        "others": [
            {"id": other.key, "type": other.type, "name": other.name, "mentions": count}
            for other, count in others
        ],
    }


def entity_mentions(
    engine: Engine, key_or_name: str, *, limit: int, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """One page of an entity's mentions in context, in document order, and how many there are (nothing
    else of the entity is read)."""
    with engine.connect() as connection:
        row, _ = _entity_asked_for(connection, key_or_name)
        return _mentions_in_context(connection, row.key, limit, offset), _count_mentions(connection, row.key)


def _entity_asked_for(connection: Any, key_or_name: str) -> tuple[Any, list[tuple[Any, int]]]:
    """The entity row an id or a name stands for, and the other entities of that name with their mention
    counts (none when asked for by id)."""
    ent = schema.entities
    row = connection.execute(select(ent).where(ent.c.key == key_or_name)).first()
    if row is not None:
        return row, []
    named = _entities_of_name(connection, key_or_name)
    if not named:
        raise UnknownRecord("entity", key_or_name)
    return named[0][0], named[1:]


def _count_mentions(connection: Any, key: str) -> int:
    m = schema.mentions
    return connection.execute(select(func.count()).select_from(m).where(m.c.entity_key == key)).scalar_one()


def _mentions_in_context(connection: Any, key: str, limit: int | None, offset: int) -> list[dict[str, Any]]:
    """A page of the entity's mentions, each with the body sentence it stands in (None in a footnote).
    The page is cut first; each of its mentions then finds its sentence by one index seek (the last
    sentence of its document starting at or before it), so a document of 100,000 sentences costs no more
    than a short one."""
    m, s = schema.mentions, schema.sentences
    page = (
        select(m.c.document_id, m.c.start, m.c.end, m.c.footnote, m.c.text)
        .where(m.c.entity_key == key)
        .order_by(m.c.document_id, m.c.footnote.is_not(None), m.c.start)
        .limit(limit)
        .offset(offset)
        .subquery()
    )
    before = s.alias("before")
    holding = (
        select(before.c.idx)
        .where(before.c.document_id == page.c.document_id, before.c.start <= page.c.start)
        .order_by(before.c.start.desc())
        .limit(1)
        .correlate(page)
        .scalar_subquery()
    )
    sentence = (
        select(s.c.text)
        .where(
            s.c.document_id == page.c.document_id,
            s.c.idx == holding,
            s.c.end > page.c.start,
            page.c.footnote.is_(None),
        )
        .scalar_subquery()
    )
    rows = connection.execute(
        select(
            page.c.document_id.label("document"),
            page.c.start,
            page.c.end,
            page.c.footnote,
            page.c.text,
            sentence.label("sentence"),
        ).order_by(page.c.document_id, page.c.footnote.is_not(None), page.c.start)
    )
    fields = tuple(rows.keys())  # a plain dict per row: a row's mapping view costs ten times as much
    return [dict(zip(fields, row, strict=True)) for row in rows.all()]


def count_footnotes(engine: Engine, document_id: str) -> int:
    f = schema.footnotes
    with engine.connect() as connection:
        return connection.execute(
            select(func.count()).select_from(f).where(f.c.document_id == document_id)
        ).scalar_one()


def entities_of_types(engine: Engine, types: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every entity of these types, by id, type and name only (no mentions counted): what a network names
    its nodes by."""
    ent = schema.entities
    with engine.connect() as connection:
        rows = connection.execute(select(ent.c.key, ent.c.type, ent.c.name).where(ent.c.type.in_(types)))
        return [{"id": row.key, "type": row.type, "name": row.name} for row in rows]


def entity_names(engine: Engine, keys: set[str]) -> dict[str, str]:
    """The canonical name of each of these entities."""
    ent = schema.entities
    with engine.connect() as connection:
        return dict(connection.execute(select(ent.c.key, ent.c.name).where(ent.c.key.in_(keys))).all())


def works_cited_in(engine: Engine, notes: set[tuple[str, int]]) -> set[str]:
    """The keys of the works cited in these footnotes, each given as (document id, footnote number)."""
    if not notes:
        return set()
    c = schema.citations
    with engine.connect() as connection:
        rows = connection.execute(
            select(c.c.document_id, c.c.footnote, c.c.source_key).where(
                c.c.document_id.in_({document for document, _ in notes}),
                c.c.footnote.in_({footnote for _, footnote in notes}),
            )
        ).all()
    return {key for document, footnote, key in rows if key and (document, footnote) in notes}


def list_sources(
    engine: Engine, document_id: str | None = None, *, keys: set[str] | None = None
) -> list[dict[str, Any]]:
    """Distinct works with every place that cites them; only the works `keys` names, when given."""
    if document_id:
        require_document(engine, document_id)
    c, src = schema.citations, schema.sources
    with engine.connect() as connection:
        citations = connection.execute(
            select(c.c.source_key, c.c.document_id, c.c.footnote, c.c.fields)
            .where(_document_filter(c, document_id))
            .where(c.c.source_key.in_(keys) if keys is not None else true())
            .order_by(c.c.document_id, c.c.footnote, c.c.idx)
        ).all()
        rows = connection.execute(
            select(src).where(src.c.key.in_(keys) if keys is not None else true())
        ).all()
    cited_in: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for citation in citations:
        cited_in[citation.source_key].append(
            {
                "document": citation.document_id,
                "footnote": citation.footnote,
                "locator": citation.fields.get("locator"),
            }
        )
    records = [
        {**_source_fields(row), "cited_in": cited_in[row.key]} for row in rows if cited_in.get(row.key)
    ]
    return sorted(records, key=lambda r: (r["cited_in"][0]["document"], r["cited_in"][0]["footnote"]))


def _source_fields(row) -> dict[str, Any]:
    """A stored work as the contract's source record, without its citations."""
    return {
        "id": row.key,
        "type": row.type,
        "authors": row.authors,
        "title": row.title,
        "title_latin": row.title_latin,
        "place": row.place,
        "year": row.year,
    }


def source_detail(engine: Engine, source_id: str) -> dict[str, Any]:
    """One work, with the full text of every footnote that cites it."""
    c, f, src = schema.citations, schema.footnotes, schema.sources
    with engine.connect() as connection:
        row = connection.execute(select(src).where(src.c.key == source_id)).first()
        if row is None:
            raise UnknownRecord("source", source_id)
        places = connection.execute(
            select(
                c.c.document_id, c.c.footnote, c.c.raw, c.c.fields, f.c.text.label("footnote_text"), f.c.page
            )
            .join(f, (f.c.document_id == c.c.document_id) & (f.c.number == c.c.footnote))
            .where(c.c.source_key == source_id)
            .order_by(c.c.document_id, c.c.footnote)
        ).all()
    return {
        **_source_fields(row),
        "cited_in": [
            {
                "document": p.document_id,
                "footnote": p.footnote,
                "page": p.page,
                "locator": p.fields.get("locator"),
                "citation": p.raw,
                "footnote_text": p.footnote_text,
            }
            for p in places
        ],
    }
