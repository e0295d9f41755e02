"""One entity per real thing: mentions merged across suffixes, scripts, spellings and documents.

Order of evidence: the authority file (exact key, then a unique surname with compatible initials, then a
guarded fuzzy match); identical name keys; partial names inside one document ("Ebilov", "İ. Ebilov" →
"İbrahim Ebilov") when exactly one fuller name fits; guarded fuzzy matching between the remaining names.
Keys are stable: the authority key (Wikidata QID or "<type>:<name>"), else "<type>:<folded name>".
The graph of names behind this is in `name_graph`; it is resolved here in dicts by the engine that grows
it in the store one ingest at a time (`incremental`).
"""

from __future__ import annotations

from vakanuvis.model import Entity, EntityMention
from vakanuvis.reference.authority import Authority, load_authority
from vakanuvis.resolve.incremental import resolve_documents
from vakanuvis.resolve.memory_graph import MemoryNameStore
from vakanuvis.resolve.name_resolution import NameGraph
from vakanuvis.resolve.names import core_words, matcher_for

__all__ = ["resolve_entities", "core_words"]


def resolve_entities(
    mentions_by_document: dict[str, list[EntityMention]], authority: Authority | None = None
) -> list[Entity]:
    """Set `entity_key` on every mention and return one `Entity` per key, most mentioned first."""
    matcher = matcher_for(authority or load_authority())
    store = MemoryNameStore()
    documents = sorted(mentions_by_document)
    for document in documents:
        store.keep_rows(document, mentions_by_document[document])
    resolve_documents(NameGraph(store, matcher), documents, trusted=False)
    for mentions in mentions_by_document.values():
        for mention in mentions:
            mention.type = store.records[mention.entity_key].type
    return sorted(store.records.values(), key=lambda e: (-e.mentions, e.key))
