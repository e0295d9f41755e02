"""Resolution in the store, incremental: each ingest resolves only what its documents touch.

The graphs of names and works (resolve.name_graph, resolve.work_graph) are kept in tables (store.graph_store).
When documents are stored they wait in `pending_resolution`; resolving them (resolve.incremental) takes back
what an earlier version of each document contributed, adds what it contributes now, links its new nodes
(inside the document, and within blocks across the corpus), and re-resolves only the clusters (connected
parts of a graph) that changed. The result is the same as resolving the whole corpus at once, whatever order
documents arrived in, but for what documents stored before established: a new document never merges two
stored entities nor renames one (its names join them, or make new ones); resolving again from nothing
(`resolve_corpus`, or a changed authority file or rules) reads every document at once.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, delete, insert, select

from vakanuvis.model import Entity, Source
from vakanuvis.reference.authority import load_authority
from vakanuvis.resolve.incremental import resolve_documents
from vakanuvis.resolve.name_resolution import NameGraph
from vakanuvis.resolve.names import matcher_for
from vakanuvis.resolve.work_resolution import WorkGraph
from vakanuvis.store import schema
from vakanuvis.store.edits import reapply_entity_edits
from vakanuvis.store.graph_store import NameGraphStore, WorkGraphStore, entity_row, source_row
from vakanuvis.store.locks import lock_corpus
from vakanuvis.store.rows import chunks
from vakanuvis.store.search import reindex_records

# raise when the resolution rules change: stored graphs are then resolved again
# 2: a short title cites its work (work_graph.MAIN_TITLE_LENGTH); 3: ranks and given names guard authority
# matches (resolve.names), OCR and English spellings fold in name keys ("Paga", "Mustapha", "Kiazim")
RULES_VERSION = "3"
GRAPH_TABLES = (
    schema.entity_names,
    schema.entity_links,
    schema.document_names,
    schema.work_names,
    schema.work_block_groups,
    schema.work_blocks,
    schema.work_links,
    schema.document_works,
)


def resolve_corpus(engine: Engine) -> None:
    """Resolve every document again from nothing (in one transaction: readers see the old state until then)."""
    resolve_pending(engine, again=True)


def resolve_pending(engine: Engine, *, again: bool = False) -> None:
    """Resolve the documents stored since the last resolution, and whatever in the corpus they touch; every
    document again when asked, or when the rules or the authority file changed since the graphs were made."""
    with engine.begin() as connection:
        lock_corpus(connection)  # concurrent ingests resolve one after the other, each seeing all rows
        stored = _stored_fingerprint(connection)
        if again or stored != _fingerprint():
            _start_again(connection)
        # nodes written when documents were stored are right unless the rules or the authority changed
        # since (a mention stored before the graphs existed has none, and gets one here)
        trusted = stored is None or stored == _fingerprint()
        pending = sorted(connection.execute(select(schema.pending_resolution.c.document_id)).scalars())
        if not pending:
            return
        names = NameGraph(NameGraphStore(connection), matcher_for(load_authority()))
        entity_keys = resolve_documents(names, pending, trusted)
        source_keys = resolve_documents(WorkGraph(WorkGraphStore(connection)), pending, trusted)
        entity_keys |= reapply_entity_edits(connection, entity_keys)
        reindex_records(connection, "entity", entity_keys)
        reindex_records(connection, "source", source_keys)
        for chunk in chunks(pending):
            connection.execute(
                delete(schema.pending_resolution).where(schema.pending_resolution.c.document_id.in_(chunk))
            )


def needs_resolution(engine: Engine) -> bool:
    """True when some stored document is not yet resolved (an ingest was interrupted), or the rules or the
    authority file changed since the knowledge base was resolved."""
    with engine.connect() as connection:
        if connection.execute(select(schema.pending_resolution.c.document_id).limit(1)).first() is not None:
            return True
        has_documents = connection.execute(select(schema.documents.c.id).limit(1)).first() is not None
        return has_documents and _stored_fingerprint(connection) != _fingerprint()


def _fingerprint() -> str:
    return f"{RULES_VERSION}:{load_authority().fingerprint}"


def _stored_fingerprint(connection: Connection) -> str | None:
    state = schema.resolution_state
    return connection.execute(select(state.c.value).where(state.c.name == "fingerprint")).scalar_one_or_none()


def _start_again(connection: Connection) -> None:
    """Empty the graphs and put every document back in line, under the current rules and authority."""
    for table in (*GRAPH_TABLES, schema.pending_resolution, schema.resolution_state):
        connection.execute(delete(table))
    connection.execute(
        insert(schema.pending_resolution).from_select(["document_id"], select(schema.documents.c.id))
    )
    connection.execute(insert(schema.resolution_state).values(name="fingerprint", value=_fingerprint()))
    connection.execute(delete(schema.entities))
    connection.execute(delete(schema.sources))
    # and their search entries: resolving again may key a record otherwise (a short name of several
    # documents is keyed by the first resolved), and every record is indexed again
    entries = schema.search_entries
    connection.execute(delete(entries).where(entries.c.kind.in_(("entity", "source"))))


# the table of entities and of works as a whole, for the load bench's generated corpora
def replace_entities(connection: Connection, entities: list[Entity]) -> None:
    connection.execute(delete(schema.entities))
    if entities:
        connection.execute(insert(schema.entities), [entity_row(e) for e in entities])


def replace_sources(connection: Connection, sources: list[Source]) -> None:
    connection.execute(delete(schema.sources))
    if sources:
        connection.execute(insert(schema.sources), [source_row(s) for s in sources])
