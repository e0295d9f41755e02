"""Writing documents into the knowledge base: each document whole or not at all, nothing half-stored."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, delete, insert, select

from vakanuvis.fields import flat_values
from vakanuvis.model import Document, citation_fields
from vakanuvis.resolve.name_resolution import mention_name_keys
from vakanuvis.resolve.work_resolution import citation_name_keys
from vakanuvis.store import schema
from vakanuvis.store.bulk import insert_rows
from vakanuvis.store.edits import reapply_document_edits
from vakanuvis.store.locks import lock_corpus
from vakanuvis.store.search import index_document

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


def save_document(engine: Engine, document: Document) -> None:
    """Store `document` and all it carries, replacing a previous analysis of the same id atomically."""
    with engine.begin() as connection:
        lock_corpus(connection)  # two ingests of one file, or an ingest during resolution, wait in turn
        store_document(connection, document)


def save_documents(engine: Engine, documents: list[Document]) -> list[Exception | None]:
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


def store_document(connection: Connection, document: Document) -> None:
    """Store `document` inside the caller's transaction, which holds the corpus lock (`lock_corpus`)."""
    documents = schema.documents
    if connection.execute(select(documents.c.id).where(documents.c.id == document.id)).first():
        _delete_document_rows(connection, document.id)
    connection.execute(
        insert(schema.documents).values(
            **flat_values(document), ingested_at=datetime.now(UTC).isoformat(timespec="seconds")
        )
    )
    for table, rows in _document_rows(document).items():
        insert_rows(connection, table, rows)
    reapply_document_edits(connection, document.id)
    index_document(connection, document)
    # resolution takes it from here (resolve_pending), at the end of the ingest
    pending = schema.pending_resolution
    connection.execute(delete(pending).where(pending.c.document_id == document.id))
    connection.execute(insert(pending).values(document_id=document.id))


def _delete_document_rows(connection: Connection, document_id: str) -> None:
    for table in PER_DOCUMENT_TABLES:
        connection.execute(delete(table).where(table.c.document_id == document_id))
    connection.execute(delete(schema.documents).where(schema.documents.c.id == document_id))


def _document_rows(document: Document) -> dict:
    doc = document.id
    # each mention's and citation's node in the graphs, worked out here (in the worker, when there are
    # workers); resolution trusts them while the rules and the authority file stay the same
    mention_nodes = mention_name_keys(doc, document.mentions)
    citation_nodes = citation_name_keys(doc, document.citations)
    date_index = {id(d): i for i, d in enumerate(document.dates)}
    return {
        schema.blocks: [
            {"document_id": doc, "idx": i, **flat_values(b, span_footnote=False)}
            for i, b in enumerate(document.blocks)
        ],
        schema.page_starts: [
            {"document_id": doc, "page": page, "offset": offset} for offset, page in document.page_starts
        ],
        schema.sentences: [
            {
                "document_id": doc,
                "idx": i,
                **flat_values(s, span_footnote=False),
                "text": document.text[s.span.start : s.span.end],
            }
            for i, s in enumerate(document.sentences)
        ],
        schema.markers: [
            {"document_id": doc, "idx": i, **flat_values(m)} for i, m in enumerate(document.markers)
        ],
        schema.footnotes: [
            {"document_id": doc, **flat_values(f), "pages": f.pages or [f.page]}
            for f in _unique_footnotes(document)
        ],
        schema.furniture: [
            {"document_id": doc, "idx": i, **flat_values(f)} for i, f in enumerate(document.furniture)
        ],
        schema.dates: [
            {"document_id": doc, "idx": i, **flat_values(d)} for i, d in enumerate(document.dates)
        ],
        schema.mentions: [
            {"document_id": doc, "idx": i, **flat_values(m), "name_key": mention_nodes[i]}
            for i, m in enumerate(document.mentions)
        ],
        schema.citations: [
            {
                "document_id": doc,
                "idx": i,
                "footnote": c.footnote,
                "start": c.span.start,
                "end": c.span.end,
                "raw": c.raw,
                "fields": citation_fields(c),
                "source_key": c.source_key,
                "name_key": citation_nodes[i],
            }
            for i, c in enumerate(document.citations)
        ],
        schema.events: [
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
            for i, e in enumerate(document.events)
        ],
        schema.event_roles: [
            {"document_id": doc, "event_idx": i, "role": role, "mention_idx": m}
            for i, e in enumerate(document.events)
            for role, found in e.roles.items()
            for m in dict.fromkeys(found)
        ],
    }


def _unique_footnotes(document: Document):
    """Footnotes by number; a number seen twice keeps its first footnote (the check stage reports it)."""
    seen: set[int] = set()
    for note in document.footnotes:
        if note.number not in seen:
            seen.add(note.number)
            yield note
