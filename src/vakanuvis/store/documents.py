"""Loading a stored document back into the data model, and the corpus-wide entities and sources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, func, select

from vakanuvis.errors import UnknownDocument
from vakanuvis.fields import from_flat
from vakanuvis.model import (
    Block,
    DateMention,
    Document,
    Entity,
    EntityMention,
    Event,
    Footnote,
    Furniture,
    Marker,
    Sentence,
    Source,
    stored_citation,
)
from vakanuvis.store import schema


def load_document(engine: Engine, document_id: str, *, leave_out: tuple[str, ...] = ()) -> Document:
    """The stored document with every annotation, as the pipeline produced it (entity keys as resolved);
    the kinds of record `leave_out` names ("mentions", "citations", "events", "furniture") stay empty."""
    with engine.connect() as connection:
        row = connection.execute(select(schema.documents).where(schema.documents.c.id == document_id)).first()
        if row is None:
            raise UnknownDocument(document_id)

        def rows(table, order):
            return connection.execute(
                select(table).where(table.c.document_id == document_id).order_by(order)
            ).all()

        document = from_flat(Document, row._mapping)

        def records(table, record_type, order):
            return [from_flat(record_type, r._mapping) for r in rows(table, order)]

        document.blocks = records(schema.blocks, Block, schema.blocks.c.idx)
        document.page_starts = [
            (r.offset, r.page) for r in rows(schema.page_starts, schema.page_starts.c.page)
        ]
        document.sentences = records(schema.sentences, Sentence, schema.sentences.c.idx)
        document.markers = records(schema.markers, Marker, schema.markers.c.idx)
        document.footnotes = records(schema.footnotes, Footnote, schema.footnotes.c.number)
        if "furniture" not in leave_out:
            document.furniture = records(schema.furniture, Furniture, schema.furniture.c.idx)
        document.dates = records(schema.dates, DateMention, schema.dates.c.idx)
        if "mentions" not in leave_out:
            document.mentions = records(schema.mentions, EntityMention, schema.mentions.c.idx)
        document.citations = [
            stored_citation(r.footnote, r.start, r.end, r.raw, r.fields, r.source_key)
            for r in (rows(schema.citations, schema.citations.c.idx) if "citations" not in leave_out else [])
        ]
        document.events = [
            Event(
                document.dates[r.date_idx],
                r.sentence,
                list(r.footnotes),
                r.predicate,
                r.kind,
                r.headline,
                {role: list(found) for role, found in r.roles.items()},
                r.dateline,
            )
            for r in (rows(schema.events, schema.events.c.idx) if "events" not in leave_out else [])
        ]
    return document


def given_metadata(engine: Engine, document_id: str) -> dict[str, Any]:
    """The metadata fields a user gave for the stored document (not those read off its text)."""
    d = schema.documents
    with engine.connect() as connection:
        row = connection.execute(select(d).where(d.c.id == document_id)).first()
    if row is None:
        return {}
    return {name: row._mapping[name] for name, how in row.origins.items() if how == "given" and name in d.c}


def document_ids(engine: Engine) -> list[str]:
    with engine.connect() as connection:
        return list(
            connection.execute(select(schema.documents.c.id).order_by(schema.documents.c.id)).scalars()
        )


def content_state(engine: Engine) -> str:
    """What everything derived from the whole corpus reads, as one number: the content version, which the
    database's own triggers raise on every write to the stored documents, the resolution's state and what
    waits for it, and the edits made or undone (but a finding's review, which changes no fact; migration
    0014). Equal states, equal knowledge base; read in one seek (a digest of every document row cost 4 ms
    on 1,000 documents)."""
    version = schema.content_version
    with engine.connect() as connection:
        return str(connection.execute(select(version.c.n).where(version.c.id == 1)).scalar_one())


def load_entities(engine: Engine) -> dict[str, Entity]:
    """Every resolved entity by key."""
    with engine.connect() as connection:
        return {
            r.key: Entity(r.key, r.type, r.name, list(r.aliases), r.wikidata, r.lat, r.lon, r.start, r.end)
            for r in connection.execute(select(schema.entities)).all()
        }


def load_sources(engine: Engine) -> dict[str, Source]:
    """Every distinct work by key, without its citations (they stay with their documents)."""
    with engine.connect() as connection:
        return {
            r.key: Source(r.key, r.type, list(r.authors), r.title, r.title_latin, r.place, r.year)
            for r in connection.execute(select(schema.sources)).all()
        }


def document_length(engine: Engine, document_id: str) -> int:
    """How many characters the document's cleaned text holds, without reading it."""
    d = schema.documents
    with engine.connect() as connection:
        length = connection.execute(
            select(func.length(d.c.text)).where(d.c.id == document_id)
        ).scalar_one_or_none()
    if length is None:
        raise UnknownDocument(document_id)
    return int(length)


def block_bounds(engine: Engine, document_id: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to the blocks it cuts into, each found by one index seek."""
    b = schema.blocks
    with engine.connect() as connection:
        first = connection.execute(
            select(b.c.start)
            .where(b.c.document_id == document_id, b.c.start <= start, b.c.end > start)
            .order_by(b.c.start.desc())
            .limit(1)
        ).scalar_one_or_none()
        last = connection.execute(
            select(b.c.end)
            .where(b.c.document_id == document_id, b.c.start < end, b.c.end > end)
            .order_by(b.c.start.desc())
            .limit(1)
        ).scalar_one_or_none()
    return (min(start, first) if first is not None else start, max(end, last) if last is not None else end)


@dataclass
class DocumentWindow:
    """A stretch [start, end) of a stored document's body (see `load_document_window`)."""

    document: Document
    start: int
    end: int
    length: int  # of the whole text
    first_block: int  # the document's index of `document.blocks[0]`
    first_sentence: int  # the document's index of `document.sentences[0]`


def load_document_window(
    engine: Engine, document_id: str, start: int, end: int, length: int
) -> DocumentWindow:
    """The stored document with only what lies in [start, end) of its body: `text` holds that stretch
    alone (as a string of the document's whole length would be too big, the characters before `start`
    are left out: `text[offset - start]` is the character at `offset`), and the blocks, sentences, page
    starts, markers, dates and mentions overlapping it, with the footnotes whose markers stand in it and
    their dates, mentions and citations. Every offset stays the document's own. Blocks and sentences
    are the document's from its `first_block` and `first_sentence` on; `length` is the whole text's
    (`document_length`)."""
    start, end = max(0, min(start, length)), max(0, min(end, length))
    firsts: dict[str, int] = {}
    d = schema.documents
    with engine.connect() as connection:
        columns = [c for c in d.c if c.name != "text"]
        row = connection.execute(
            select(*columns, func.substr(d.c.text, start + 1, end - start).label("text")).where(
                d.c.id == document_id
            )
        ).first()
        if row is None:
            raise UnknownDocument(document_id)
        document = from_flat(Document, row._mapping)

        def overlapping(table, record_type, *, body_only: bool = True):
            query = select(table).where(
                table.c.document_id == document_id, table.c.start < end, table.c.end > start
            )
            if body_only and "footnote" in table.c:
                query = query.where(table.c.footnote.is_(None))
            found = connection.execute(query.order_by(table.c.idx)).all()
            firsts[table.name] = found[0].idx if found else 0
            return [from_flat(record_type, r._mapping) for r in found]

        document.blocks = overlapping(schema.blocks, Block)
        document.sentences = overlapping(schema.sentences, Sentence)
        ps = schema.page_starts
        document.page_starts = [
            (r.offset, r.page)
            for r in connection.execute(select(ps).where(ps.c.document_id == document_id).order_by(ps.c.page))
            if start <= r.offset < end
        ]
        mk = schema.markers
        document.markers = [
            from_flat(Marker, r._mapping)
            for r in connection.execute(
                select(mk)
                .where(
                    mk.c.document_id == document_id,
                    mk.c.offset >= start,
                    # a marker after the text's last character belongs to the last window
                    mk.c.offset < end if end < length else mk.c.offset <= end,
                )
                .order_by(mk.c.idx)
            )
        ]
        numbers = sorted({marker.number for marker in document.markers})

        def of_notes(table, record_type):
            return [
                from_flat(record_type, r._mapping)
                for r in connection.execute(
                    select(table)
                    .where(table.c.document_id == document_id, table.c.footnote.in_(numbers))
                    .order_by(table.c.idx)
                )
            ]

        document.dates = overlapping(schema.dates, DateMention) + of_notes(schema.dates, DateMention)
        document.mentions = overlapping(schema.mentions, EntityMention) + of_notes(
            schema.mentions, EntityMention
        )
        fn, c = schema.footnotes, schema.citations
        document.footnotes = [
            from_flat(Footnote, r._mapping)
            for r in connection.execute(
                select(fn)
                .where(fn.c.document_id == document_id, fn.c.number.in_(numbers))
                .order_by(fn.c.number)
            )
        ]
        document.citations = [
            stored_citation(r.footnote, r.start, r.end, r.raw, r.fields, r.source_key)
            for r in connection.execute(
                select(c).where(c.c.document_id == document_id, c.c.footnote.in_(numbers)).order_by(c.c.idx)
            )
        ]
    return DocumentWindow(document, start, end, length, firsts.get("blocks", 0), firsts.get("sentences", 0))
