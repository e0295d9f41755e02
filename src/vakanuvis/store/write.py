"""Writing documents into the knowledge base: each document whole or not at all, nothing half-stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, Table, delete, insert, select, update

from vakanuvis.fields import flat_values
from vakanuvis.model import Document, citation_fields
from vakanuvis.resolve.name_resolution import mention_name_keys
from vakanuvis.resolve.work_resolution import citation_name_keys
from vakanuvis.sections import SectionedDocument
from vakanuvis.store import schema
from vakanuvis.store.bulk import insert_rows
from vakanuvis.store.edits import reapply_document_edits
from vakanuvis.store.locks import lock_corpus
from vakanuvis.store.search import document_entries, index_document, index_entries_of

PER_DOCUMENT_TABLES = (
    schema.blocks,
    schema.page_starts,
    schema.sentences,
    schema.markers,
    schema.footnotes,
    schema.furniture,
    schema.dates,
    schema.mentions,
    schema.citations,
    schema.events,
    schema.event_roles,
)


def document_id_for_sha256(engine: Engine, sha256: str) -> str | None:
    """The id of the stored document with these bytes, if any."""
    with engine.connect() as connection:
        return connection.execute(
            select(schema.documents.c.id).where(schema.documents.c.sha256 == sha256)
        ).scalar_one_or_none()


def save_document(engine: Engine, document: Document | SectionedDocument) -> None:
    """Store `document` and all it carries, replacing a previous analysis of the same id atomically."""
    with engine.begin() as connection:
        lock_corpus(connection)  # two ingests of one file, or an ingest during resolution, wait in turn
        store_document(connection, document)


def save_documents(engine: Engine, documents: list[Document | SectionedDocument]) -> list[Exception | None]:
    """Store several documents in one transaction, each in a savepoint of its own: a document that fails
    is left out whole, and the others are stored. Returns each document's error, or None when stored.

    One commit for several documents writes each index page they share once, not once per document."""
    errors: list[Exception | None] = []
    with engine.begin() as connection:
        lock_corpus(connection)
        for document in documents:
            try:
                with connection.begin_nested():
                    store_document(connection, document)
                errors.append(None)
            except Exception as error:  # noqa: BLE001 — one document's failure leaves the others stored
                errors.append(error)
    return errors


def store_document(connection: Connection, document: Document | SectionedDocument) -> None:
    """Store `document` inside the caller's transaction, which holds the corpus lock (`lock_corpus`).
    A big text (`SectionedDocument`) is analysed here, section by section, each section's rows stored
    before the next is analysed."""
    if isinstance(document, SectionedDocument):
        _store_sections(connection, document)
        return
    _insert_document_row(connection, document)
    for table, rows in _document_rows(document):
        insert_rows(connection, table, rows)
    reapply_document_edits(connection, document.id)
    index_document(connection, document)
    _await_resolution(connection, document.id)


def _insert_document_row(connection: Connection, document: Document) -> None:
    documents = schema.documents
    if connection.execute(select(documents.c.id).where(documents.c.id == document.id)).first():
        _delete_document_rows(connection, document.id)
    connection.execute(
        insert(schema.documents).values(
            **flat_values(document), ingested_at=datetime.now(UTC).isoformat(timespec="seconds")
        )
    )


def _store_sections(connection: Connection, document: SectionedDocument) -> None:
    """The documents row once the first section gave the metadata (its text once all are read), then each
    section's rows and search entries."""
    head = document.head
    footnotes: set[int] = set()
    pages: set[int] = set()
    indexed: set[int] = set()
    for number, section in enumerate(document.sections()):
        if number == 0:
            _insert_document_row(connection, head)
            search = schema.search_entries
            connection.execute(delete(search).where(search.c.document_id == head.id))
        part = section.document
        for table, rows in _document_rows(part, section.first, section.text_start, footnotes, pages):
            insert_rows(connection, table, rows)
        entries = document_entries(part, section.first["sentences"], section.text_start, indexed)
        insert_rows(connection, schema.search_entries, entries)
        del part, section, entries
    connection.execute(
        update(schema.documents).where(schema.documents.c.id == head.id).values(text=head.text)
    )
    reapply_document_edits(connection, head.id)
    index_entries_of(connection, head.id)
    _await_resolution(connection, head.id)


def _await_resolution(connection: Connection, document_id: str) -> None:
    """Resolution takes it from here (resolve_pending), at the end of the ingest."""
    pending = schema.pending_resolution
    connection.execute(delete(pending).where(pending.c.document_id == document_id))
    connection.execute(insert(pending).values(document_id=document_id))


def _delete_document_rows(connection: Connection, document_id: str) -> None:
    for table in PER_DOCUMENT_TABLES:
        connection.execute(delete(table).where(table.c.document_id == document_id))
    connection.execute(delete(schema.documents).where(schema.documents.c.id == document_id))


def _document_rows(
    document: Document,
    first: dict[str, int] | None = None,
    text_start: int = 0,
    footnotes: set[int] | None = None,
    pages: set[int] | None = None,
) -> Iterator[tuple[Table, list[dict[str, Any]]]]:
    """The rows of each per-document table, one table at a time (only one table's rows are held at once).

    Of a section of a big text (`sections.Section`): its records are numbered from `first` (by kind), its
    text starts at `text_start` of the whole; `footnotes` and `pages` are the footnote numbers and pages
    earlier sections stored, which are not stored again (and are added to)."""
    doc = document.id
    first = first or {}
    footnotes = set() if footnotes is None else footnotes
    pages = set() if pages is None else pages
    text = document.text

    def numbered(kind: str, records: list) -> Iterator[tuple[int, Any]]:
        return enumerate(records, start=first.get(kind, 0))

    yield (
        schema.blocks,
        [
            {"document_id": doc, "idx": i, **flat_values(b, span_footnote=False)}
            for i, b in numbered("blocks", document.blocks)
        ],
    )
    yield (
        schema.page_starts,
        [
            {"document_id": doc, "page": page, "offset": offset}
            for offset, page in _new_pages(document, pages)
        ],
    )
    yield (
        schema.sentences,
        [
            {
                "document_id": doc,
                "idx": i,
                **flat_values(s, span_footnote=False),
                "text": text[s.span.start - text_start : s.span.end - text_start],
            }
            for i, s in numbered("sentences", document.sentences)
        ],
    )
    yield (
        schema.markers,
        [{"document_id": doc, "idx": i, **flat_values(m)} for i, m in numbered("markers", document.markers)],
    )
    yield (
        schema.footnotes,
        [
            {"document_id": doc, **flat_values(f), "pages": f.pages or [f.page]}
            for f in _unique_footnotes(document, footnotes)
        ],
    )
    yield (
        schema.furniture,
        [
            {"document_id": doc, "idx": i, **flat_values(f)}
            for i, f in numbered("furniture", document.furniture)
        ],
    )
    yield (
        schema.dates,
        [{"document_id": doc, "idx": i, **flat_values(d)} for i, d in numbered("dates", document.dates)],
    )
    # each mention's and citation's node in the graphs, worked out here (in the worker, when there are
    # workers); resolution trusts them while the rules and the authority file stay the same
    mention_nodes = mention_name_keys(doc, document.mentions)
    yield (
        schema.mentions,
        [
            {"document_id": doc, "idx": i, **flat_values(m), "name_key": node}
            for (i, m), node in zip(numbered("mentions", document.mentions), mention_nodes, strict=True)
        ],
    )
    del mention_nodes
    citation_nodes = citation_name_keys(doc, document.citations)
    yield (
        schema.citations,
        [
            {
                "document_id": doc,
                "idx": i,
                "footnote": c.footnote,
                "start": c.span.start,
                "end": c.span.end,
                "raw": c.raw,
                "fields": citation_fields(c),
                "source_key": c.source_key,
                "name_key": node,
            }
            for (i, c), node in zip(numbered("citations", document.citations), citation_nodes, strict=True)
        ],
    )
    del citation_nodes
    date_index = {id(d): i for i, d in numbered("dates", document.dates)}
    yield (
        schema.events,
        [
            {
                "document_id": doc,
                "idx": i,
                "date_idx": date_index[id(e.date)],
                "sentence": e.sentence,
                "edtf": e.date.edtf,
                "earliest": e.date.earliest,
                "latest": e.date.latest,
                "text": e.date.text,
                "footnotes": e.footnotes,
                "predicate": e.predicate,
                "kind": e.kind,
                "headline": e.headline,
                "roles": e.roles,
                "dateline": e.dateline,
            }
            for i, e in numbered("events", document.events)
        ],
    )
    yield (
        schema.event_roles,
        [
            {"document_id": doc, "event_idx": i, "role": role, "mention_idx": m}
            for i, e in numbered("events", document.events)
            for role, found in e.roles.items()
            for m in dict.fromkeys(found)
        ],
    )


def _new_pages(document: Document, seen: set[int]) -> Iterator[tuple[int, int]]:
    """Page starts of pages not `seen` before (a page cut into two sections starts in the first)."""
    for offset, page in document.page_starts:
        if page not in seen:
            seen.add(page)
            yield offset, page


def _unique_footnotes(document: Document, seen: set[int]):
    """Footnotes by number; a number seen twice keeps its first footnote (the check stage reports it)."""
    for note in document.footnotes:
        if note.number not in seen:
            seen.add(note.number)
            yield note
