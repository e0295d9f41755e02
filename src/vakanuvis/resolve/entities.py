"""One entity per real thing: mentions merged across suffixes, scripts, spellings and documents.

Order of evidence: the authority file (exact key, then a unique surname with compatible initials, then a
guarded fuzzy match); identical name keys; partial names inside one document ("Ebilov", "İ. Ebilov" →
"İbrahim Ebilov") when exactly one fuller name fits; guarded fuzzy matching between the remaining names.
Keys are stable: the authority key (Wikidata QID or "<type>:<name>"), else "<type>:<folded name>".
The graph of names behind this is in `name_graph`; the store grows the same graph one document at a time.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from vakanuvis.model import Entity, EntityMention
from vakanuvis.reference.authority import Authority, load_authority
from vakanuvis.resolve.name_graph import (
    NameNode,
    build_entity,
    components,
    document_links,
    name_node,
    spelling_links,
)
from vakanuvis.resolve.names import core_words, matcher_for

__all__ = ["resolve_entities", "core_words"]


def resolve_entities(
    mentions_by_document: dict[str, list[EntityMention]], authority: Authority | None = None
) -> list[Entity]:
    """Set `entity_key` on every mention and return one `Entity` per key, most mentioned first."""
    matcher = matcher_for(authority or load_authority())
    nodes: dict[str, NameNode] = {}
    surfaces: dict[str, Counter[str]] = defaultdict(Counter)
    node_of: list[tuple[EntityMention, str]] = []
    links = set()
    for document_id in sorted(mentions_by_document):
        in_document: dict[str, NameNode] = {}
        for mention in mentions_by_document[document_id]:
            node = name_node(mention.surface, mention.type, document_id, matcher)
            in_document[node.key] = nodes[node.key] = node
            surfaces[node.key][mention.surface] += 1
            node_of.append((mention, node.key))
        links |= document_links(in_document.values())
    links |= spelling_links(nodes.values())
    entities: list[Entity] = []
    key_of_node: dict[str, Entity] = {}
    for members in components(nodes, links):
        entity = build_entity(members, surfaces)
        entities.append(entity)
        for node in members:
            key_of_node[node.key] = entity
    for mention, node_key in node_of:
        mention.entity_key = key_of_node[node_key].key
        mention.type = key_of_node[node_key].type
    return sorted(entities, key=lambda e: (-e.mentions, e.key))
