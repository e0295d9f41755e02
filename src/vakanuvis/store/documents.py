"""Loading a stored document back into the data model, and the corpus-wide entities and sources."""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import Engine, select

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


def load_document(engine: Engine, document_id: str) -> Document:
    """The stored document with every annotation, as the pipeline produced it (entity keys as resolved)."""
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
        document.furniture = records(schema.furniture, Furniture, schema.furniture.c.idx)
        document.dates = records(schema.dates, DateMention, schema.dates.c.idx)
        document.mentions = records(schema.mentions, EntityMention, schema.mentions.c.idx)
        document.citations = [
            stored_citation(r.footnote, r.start, r.end, r.raw, r.fields, r.source_key)
            for r in rows(schema.citations, schema.citations.c.idx)
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
            for r in rows(schema.events, schema.events.c.idx)
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
    """A digest of what everything derived from the whole corpus reads: each stored document (id, content
    hash, when stored), the resolution's state and what waits for it, and the edits made or undone (but a
    finding's review, which changes no fact). Equal digests, equal knowledge base."""
    d, e = schema.documents, schema.edits
    digest = hashlib.sha1()
    with engine.connect() as connection:
        for query in (
            select(d.c.id, d.c.sha256, d.c.ingested_at).order_by(d.c.id),
            select(schema.resolution_state).order_by(schema.resolution_state.c.name),
            select(schema.pending_resolution.c.document_id).order_by(schema.pending_resolution.c.document_id),
            select(e.c.id, e.c.undone_at).where(e.c.action != "review-finding").order_by(e.c.id),
        ):
            for row in connection.execute(query):
                digest.update(repr(tuple(row)).encode())
            digest.update(b"\x1e")
    return digest.hexdigest()


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
