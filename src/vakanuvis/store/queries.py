"""Reading the knowledge base into the plain records the CLI contract and the API return."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Engine, func, select, tuple_

from vakanuvis.errors import UnknownDocument, UnknownRecord
from vakanuvis.fields import flat_fields
from vakanuvis.model import Document
from vakanuvis.reference.authority import load_authority, name_key
from vakanuvis.store import schema

ACTOR_TYPES = ("person", "organization")
PLACE_TYPES = ("place",)
SENTENCES_SELECTED_BY_KEY = 2000  # above this, reading every mention at once is quicker


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


def list_footnotes(engine: Engine, document_id: str) -> list[dict[str, Any]]:
    """Each footnote with the body sentence that carries its marker."""
    require_document(engine, document_id)
    f, m, s = schema.footnotes, schema.markers, schema.sentences
    with engine.connect() as connection:
        notes = connection.execute(
            select(f.c.number, f.c.text, f.c.page).where(f.c.document_id == document_id).order_by(f.c.number)
        ).all()
        carrying = dict(
            connection.execute(
                select(m.c.number, s.c.text)
                .join(s, (s.c.document_id == m.c.document_id) & (s.c.idx == m.c.sentence))
                .where(m.c.document_id == document_id)
                .order_by(m.c.idx.desc())  # the first marker of a number wins
            ).all()
        )
    return [
        {"number": n.number, "text": n.text, "sentence": carrying.get(n.number), "page": n.page}
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
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Events in chronological order, each with what happened and who and what took part in it.

    A period holds the events that lie wholly inside it ("1920-08-23", "Ağustos 1920 sonları" in August to
    September 1920, not "1920" nor "1920-1922"); with `overlapping`, also those that only reach into it.
    `limit` and `offset` page in SQL when no actor or place is asked for (those are read off the roles)."""
    if document_id:
        require_document(engine, document_id)
    query = _events_query(document_id, date_from, date_to, overlapping)
    filtered = bool(actor or place)
    if not filtered and limit is not None:
        query = query.limit(limit).offset(offset)
    with engine.connect() as connection:
        rows = connection.execute(query).all()
        names = _role_entities(connection, rows)
    events = []
    for row in rows:
        event = _event_record(row, names)
        if actor and not any(actor.casefold() in a.casefold() for a in event["actors"]):
            continue
        if place and not any(place.casefold() in p.casefold() for p in event["places"]):
            continue
        events.append(event)
    if filtered and limit is not None:
        events = events[offset : offset + limit]
    return events


def count_events(
    engine: Engine,
    document_id: str | None = None,
    *,
    date_from: date | None = None,
    date_to: date | None = None,
    overlapping: bool = False,
) -> int:
    """How many events `list_events` holds for these filters (without actor or place), counted in SQL."""
    query = _events_query(document_id, date_from, date_to, overlapping).order_by(None)
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(query.subquery())).scalar_one()


def _events_query(document_id: str | None, date_from: date | None, date_to: date | None, overlapping: bool):
    e, s, d = schema.events, schema.sentences, schema.dates
    query = (
        select(
            e,
            s.c.text.label("sentence_text"),
            d.c.year_from,
            d.c.modifier,
            d.c.extent,
            d.c.calendar,
            d.c.original,
        )
        .join(s, (s.c.document_id == e.c.document_id) & (s.c.idx == e.c.sentence))
        .join(d, (d.c.document_id == e.c.document_id) & (d.c.idx == e.c.date_idx))
        .where(_document_filter(e, document_id))
        .order_by(e.c.earliest, e.c.latest, e.c.document_id, e.c.idx)
    )
    if date_from or date_to:
        # an event whose year is unknown ("XXXX-03-16") or whose period is open at one end ("…’e kadar") is
        # not known to be of the period asked for: a period shows only what it holds
        query = query.where(e.c.earliest > date.min, e.c.latest < date.max)
    if date_from:
        query = query.where((e.c.latest if overlapping else e.c.earliest) >= date_from)
    if date_to:
        query = query.where((e.c.earliest if overlapping else e.c.latest) <= date_to)
    return query


def _role_entities(connection, rows) -> dict[tuple[str, int], tuple[str, str, str]]:
    """(document, mention index) -> (entity key, canonical name, type) of every mention in these events'
    roles: by key when they are few, else every mention of their documents."""
    wanted = {(row.document_id, index) for row in rows for found in row.roles.values() for index in found}
    if not wanted:
        return {}
    m, ent = schema.mentions, schema.entities
    query = select(m.c.document_id, m.c.idx, ent.c.key, ent.c.name, ent.c.type).join(
        ent, ent.c.key == m.c.entity_key
    )
    if len(wanted) <= SENTENCES_SELECTED_BY_KEY:
        query = query.where(tuple_(m.c.document_id, m.c.idx).in_(sorted(wanted)))
    else:
        query = query.where(m.c.document_id.in_({document for document, _ in wanted}))
    return {
        (row.document_id, row.idx): (row.key, row.name, row.type)
        for row in connection.execute(query)
        if (row.document_id, row.idx) in wanted
    }


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


def _entity_names_by_sentence(
    connection, document_id: str | None, sentences: set[tuple[str, int]] | None = None
) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """(document, sentence index) -> [(canonical name, type)] in text order, from body mentions.

    Only of `sentences` when given. Few sentences are joined with their mentions in SQL (an index seek each);
    otherwise each mention finds its sentence by bisection over its document's sentence starts (a range join
    over a whole corpus would compare every mention with every sentence of its document).
    """
    m, s, ent = schema.mentions, schema.sentences, schema.entities
    if sentences is not None and not sentences:
        return {}
    if sentences is not None and len(sentences) <= SENTENCES_SELECTED_BY_KEY:
        # a few sentences (an events query over a short period): each one's mentions by an index seek
        few = (
            select(m.c.document_id, s.c.idx, ent.c.name, ent.c.type)
            .join(s, (s.c.document_id == m.c.document_id) & (m.c.start >= s.c.start) & (m.c.start < s.c.end))
            .join(ent, ent.c.key == m.c.entity_key)
            .where(
                m.c.footnote.is_(None),
                tuple_(s.c.document_id, s.c.idx).in_(sorted(sentences)),
                m.c.document_id.in_({document for document, _ in sentences}),
            )
            .order_by(m.c.document_id, m.c.start)
        )
        named_few: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
        for row in connection.execute(few):
            named_few[(row.document_id, row.idx)].append((row.name, row.type))
        return named_few
    mention_query = (
        select(m.c.document_id, m.c.start, ent.c.name, ent.c.type)
        .join(ent, ent.c.key == m.c.entity_key)
        .where(m.c.footnote.is_(None), _document_filter(m, document_id))
        .order_by(m.c.document_id, m.c.start)
    )
    sentence_query = select(s.c.document_id, s.c.idx, s.c.start, s.c.end).where(
        _document_filter(s, document_id)
    )
    bounds: dict[str, list[tuple[int, int, int]]] = defaultdict(list)  # document -> [(start, end, idx)]
    for row in connection.execute(sentence_query):
        bounds[row.document_id].append((row.start, row.end, row.idx))
    starts: dict[str, list[int]] = {}
    for document, spans in bounds.items():
        spans.sort()
        starts[document] = [start for start, _, _ in spans]
    named: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    for row in connection.execute(mention_query):
        position = bisect_right(starts.get(row.document_id, []), row.start) - 1
        if position < 0:
            continue
        start, end, idx = bounds[row.document_id][position]
        if row.start < end and (sentences is None or (row.document_id, idx) in sentences):
            named[(row.document_id, idx)].append((row.name, row.type))
    return named


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


def _entity_named(connection: Any, name: str) -> Any:
    """The entity a name stands for, in any script or spelling: its name or an alias as written, else the
    same name key ('Chicherin', 'Чичерин' → Çiçerin), else an authority entry's form; the entity with
    most mentions when several fit."""
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
    if len(found) <= 1:
        return found[0] if found else None
    counts = dict(
        connection.execute(
            select(m.c.entity_key, func.count())
            .where(m.c.entity_key.in_([r.key for r in found]))
            .group_by(m.c.entity_key)
        ).all()
    )
    return max(found, key=lambda r: (counts.get(r.key, 0), r.key))


def entity_detail(engine: Engine, key_or_name: str) -> dict[str, Any]:
    """One entity by id or by (alias) name, with its mentions in context and its events."""
    ent, m, s = schema.entities, schema.mentions, schema.sentences
    with engine.connect() as connection:
        row = connection.execute(select(ent).where(ent.c.key == key_or_name)).first()
        if row is None:
            row = _entity_named(connection, key_or_name)
        if row is None:
            raise UnknownRecord("entity", key_or_name)
        mentions = connection.execute(
            select(
                m.c.document_id.label("document"),
                m.c.start,
                m.c.end,
                m.c.footnote,
                m.c.text,
                s.c.text.label("sentence"),
            )
            .outerjoin(
                s,
                (s.c.document_id == m.c.document_id)
                & (m.c.footnote.is_(None))
                & (m.c.start >= s.c.start)
                & (m.c.start < s.c.end),
            )
            .where(m.c.entity_key == row.key)
            .order_by(m.c.document_id, m.c.footnote.is_not(None), m.c.start)
        ).all()
    events = [
        event for event in list_events(engine) if row.name in event["actors"] or row.name in event["places"]
    ]
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
        "mentions": [dict(mention._mapping) for mention in mentions],
        "events": events,
    }


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
                c.c.document_id.in_({document for document, _ in notes})
            )
        ).all()
    return {key for document, footnote, key in rows if key and (document, footnote) in notes}


def list_sources(engine: Engine, document_id: str | None = None) -> list[dict[str, Any]]:
    """Distinct works with every place that cites them."""
    if document_id:
        require_document(engine, document_id)
    c, src = schema.citations, schema.sources
    with engine.connect() as connection:
        citations = connection.execute(
            select(c.c.source_key, c.c.document_id, c.c.footnote, c.c.fields)
            .where(_document_filter(c, document_id))
            .order_by(c.c.document_id, c.c.footnote, c.c.idx)
        ).all()
        rows = connection.execute(select(src)).all()
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
