"""Corpus-wide resolution: one entity per real thing and one source per work, across all documents."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Column, Connection, Engine, Table, bindparam, delete, insert, select, update

from vakanuvis.model import Citation, Entity, EntityMention, Source, Span
from vakanuvis.resolve.entities import resolve_entities
from vakanuvis.resolve.sources import merge_sources
from vakanuvis.store import schema
from vakanuvis.store.edits import refresh_after_resolution
from vakanuvis.store.locks import lock_corpus


def resolve_corpus(engine: Engine) -> None:
    """Re-resolve every stored mention and citation, and rewrite the entity and source tables."""
    _resolve_stored_entities(engine)
    _resolve_stored_sources(engine)
    refresh_after_resolution(engine)  # hand edits replayed, entities and sources reindexed for search


def unresolved_rows(engine: Engine) -> bool:
    """True when some mention or citation was stored but not yet resolved (an ingest was interrupted)."""
    with engine.connect() as connection:
        return any(
            connection.execute(select(table.c.idx).where(column == "").limit(1)).first() is not None
            for table, column in (
                (schema.mentions, schema.mentions.c.entity_key),
                (schema.citations, schema.citations.c.source_key),
            )
        )


def _resolve_stored_entities(engine: Engine) -> None:
    m = schema.mentions
    with engine.begin() as connection:
        lock_corpus(connection)  # concurrent ingests resolve one after the other, each seeing all rows
        rows = connection.execute(
            select(
                m.c.document_id,
                m.c.idx,
                m.c.start,
                m.c.end,
                m.c.footnote,
                m.c.text,
                m.c.surface,
                m.c.type,
                m.c.entity_key,
            )
        ).all()
        by_document: dict[str, list[EntityMention]] = defaultdict(list)
        row_of: dict[int, tuple[str, int, str]] = {}
        for row in rows:
            mention = EntityMention(Span(row.start, row.end, row.footnote), row.text, row.surface, row.type)
            by_document[row.document_id].append(mention)
            row_of[id(mention)] = (row.document_id, row.idx, row.entity_key)
        entities = resolve_entities(dict(by_document)) if by_document else []
        replace_entities(connection, entities)
        changed = [
            {"row_document": document_id, "row_idx": idx, "new_key": mention.entity_key}
            for mentions in by_document.values()
            for mention in mentions
            for document_id, idx, stored_key in [row_of[id(mention)]]
            if mention.entity_key != stored_key  # most rows keep their key: only changes are written
        ]
        _rewrite_keys(connection, m, m.c.entity_key, changed)


def _resolve_stored_sources(engine: Engine) -> None:
    c = schema.citations
    with engine.begin() as connection:
        lock_corpus(connection)  # concurrent ingests resolve one after the other, each seeing all rows
        rows = connection.execute(
            select(
                c.c.document_id,
                c.c.idx,
                c.c.footnote,
                c.c.start,
                c.c.end,
                c.c.raw,
                c.c.fields,
                c.c.source_key,
            )
        ).all()
        pairs: list[tuple[str, Citation]] = []
        row_of: dict[int, tuple[str, int, str]] = {}
        for row in rows:
            citation = Citation(
                footnote=row.footnote, span=Span(row.start, row.end, row.footnote), raw=row.raw, **row.fields
            )
            pairs.append((row.document_id, citation))
            row_of[id(citation)] = (row.document_id, row.idx, row.source_key)
        sources = merge_sources(pairs) if pairs else []
        replace_sources(connection, sources)
        changed = [
            {"row_document": document_id, "row_idx": idx, "new_key": citation.source_key}
            for _document_id, citation in pairs
            for document_id, idx, stored_key in [row_of[id(citation)]]
            if citation.source_key != stored_key
        ]
        _rewrite_keys(connection, c, c.c.source_key, changed)


def _rewrite_keys(connection: Connection, table: Table, key: Column, changed: list[dict]) -> None:
    """Write the new keys of the rows whose key changed, in one statement executed for many rows."""
    if changed:
        connection.execute(
            update(table)
            .where(table.c.document_id == bindparam("row_document"), table.c.idx == bindparam("row_idx"))
            .values({key.name: bindparam("new_key")}),
            changed,
        )


def replace_entities(connection: Connection, entities: list[Entity]) -> None:
    """The corpus-wide entity table, rewritten whole."""
    connection.execute(delete(schema.entities))
    if entities:
        connection.execute(
            insert(schema.entities),
            [
                {
                    "key": e.key,
                    "type": e.type,
                    "name": e.name,
                    "aliases": e.aliases,
                    "wikidata": e.wikidata,
                    "lat": e.lat,
                    "lon": e.lon,
                    "start": e.start,
                    "end": e.end,
                }
                for e in entities
            ],
        )


def replace_sources(connection: Connection, sources: list[Source]) -> None:
    """The corpus-wide table of works, rewritten whole."""
    connection.execute(delete(schema.sources))
    if sources:
        connection.execute(
            insert(schema.sources),
            [
                {
                    "key": s.key,
                    "type": s.type,
                    "authors": s.authors,
                    "title": s.title,
                    "title_latin": s.title_latin,
                    "place": s.place,
                    "year": s.year,
                }
                for s in sources
            ],
        )
