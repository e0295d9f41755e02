"""The graph of names as the engine resolves it (resolve.incremental): a node is a name (name_graph), its
payload how often each surface form was seen, its record an Entity; mentions are its rows."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import Protocol

from vakanuvis.model import Entity
from vakanuvis.reference.authority import load_authority
from vakanuvis.resolve.incremental import Contributions, GraphStore, StoredNode
from vakanuvis.resolve.name_graph import (
    Link,
    NameNode,
    build_entity,
    components,
    context_links,
    document_links,
    name_node,
    node_from_key,
    spelling_links,
    written_ranks,
)
from vakanuvis.resolve.names import AuthorityMatcher, matcher_for


def mention_name_keys(document_id: str, mentions: Iterable) -> list[str]:
    """The node in the graph of names of each mention (kept with the mention when it is stored)."""
    matcher = matcher_for(load_authority())
    keys: dict[tuple[str, str], str] = {}  # a name is written many times in one document
    for m in mentions:
        if (m.surface, m.type) not in keys:
            keys[m.surface, m.type] = name_node(m.surface, m.type, document_id, matcher).key
    return [keys[m.surface, m.type] for m in mentions]


def stored_block(node: NameNode) -> str:
    """The block a name is found by: short names apart ("…@"), as only new full names look for them."""
    return f"{node.block}@" if node.document else node.block


class NameStore(GraphStore, Protocol):
    """Where the graph of names is kept."""

    def mentions_of(self, documents: list[str]) -> Iterable[tuple[str, int, str, str, str | None]]:
        """The mentions of `documents`: (document, index, surface, type, the node kept with it)."""
        ...

    def keys_in_blocks(self, blocks: set[str]) -> Iterable[str]:
        """The keys of the kept names whose `stored_block` is one of `blocks`."""
        ...

    def record_names(self, keys: set[str]) -> dict[str, str]:
        """The name of each kept entity of `keys` (those not kept are left out)."""
        ...

    def names_of_documents(self, documents: list[str]) -> dict[str, dict[str, dict[str, int]]]:
        """What each of `documents` contributes: node key → {surface: count}."""
        ...


class NameGraph:
    """The graph of names of one resolution, in `store`, with the authority file's `matcher`."""

    def __init__(self, store: NameStore, matcher: AuthorityMatcher) -> None:
        self.store = store
        self.matcher = matcher
        self.nodes: dict[str, NameNode] = {}  # the names met so far

    def read_documents(self, documents: list[str], trusted: bool) -> dict[str, dict[str, Counter[str]]]:
        contributed: dict[str, dict[str, Counter[str]]] = {d: defaultdict(Counter) for d in documents}
        renamed: list[tuple[str, int, str]] = []
        for document, index, surface, entity_type, kept in self.store.mentions_of(documents):
            if trusted and kept and (node := self._node(kept)) is not None:
                key = node.key
            else:
                node = name_node(surface, entity_type, document, self.matcher)
                key = self.nodes.setdefault(node.key, node).key
                renamed.append((document, index, key))
            contributed[document][key][surface] += 1
        self.store.place_rows(renamed)
        return contributed

    def payloads(
        self, contributed: Contributions, before: Contributions, stored: dict[str, StoredNode]
    ) -> dict[str, dict[str, int]]:
        change: dict[str, Counter[str]] = defaultdict(Counter)
        for nodes in contributed.values():
            for key, surfaces in nodes.items():
                change[key].update(surfaces)
        for nodes in before.values():
            for key, surfaces in nodes.items():
                change[key].subtract(surfaces)
        payloads: dict[str, dict[str, int]] = {}
        for key, surfaces in change.items():
            counts = Counter(stored[key].payload) if key in stored else Counter()
            counts.update(surfaces)
            if seen := {surface: count for surface, count in counts.items() if count > 0}:
                payloads[key] = seen
        return payloads

    def new_links(
        self, contributed: Contributions, born: set[str], dead: dict[str, StoredNode]
    ) -> set[tuple[int, str, str, str]]:
        """Links inside each document, and spelling links of new names and of the documents' short names
        (whose links went with the documents' other links); each with the document it goes with ("" for a
        link of the whole corpus)."""
        nodes = self.nodes
        links: set[tuple[int, str, str, str]] = set()
        for document, in_document in contributed.items():
            ranks = {key: written_ranks(surfaces) for key, surfaces in in_document.items()}
            inside = document_links({nodes[key] for key in in_document}, ranks)
            links |= {(*link, document) for link in inside}
        seeking = {nodes[key] for key in born} | {
            nodes[key] for in_document in contributed.values() for key in in_document if nodes[key].document
        }
        # a short name is compared with the full names of its block (and its own document's short names, all
        # among `seeking`); only a new full name is compared with the short names of every document
        blocks = {node.block for node in seeking if node.core}
        blocks |= {f"{node.block}@" for node in seeking if node.core and not node.document}
        known = [
            found
            for key in self.store.keys_in_blocks(blocks)
            if key not in dead and (found := self._node(key)) is not None
        ]
        for kind, a, b in spelling_links(seeking, known):
            # a link with a short name goes with that name's document; one between full names with the corpus
            links.add((kind, a, b, nodes[a].document or nodes[b].document))
        links |= self._context_links(contributed, [node for node in seeking if node.document], dead)
        return links

    def _context_links(
        self, contributed: Contributions, short: list[NameNode], dead: dict[str, StoredNode]
    ) -> set[tuple[int, str, str, str]]:
        """Links between a short name of the documents ("Reşit Bey", "Harington") and the same short name of
        another document whose names agree (`agreeing_context`), each with the seeking name's document;
        the ranks written must agree too ("Tevfik Bey" is not "Tevfik Paşa"). Resolving either document
        again takes the link away (`NameStore.delete_links`)."""
        short = [node for node in short if node.type == "person" and node.core and node.entry is None]
        if not short:
            return set()
        blocks = {f"{node.block}@" for node in short}
        known = {
            found.key: found
            for key in self.store.keys_in_blocks(blocks)
            if key not in dead and (found := self._node(key)) is not None
        }
        known.update((node.key, node) for node in short)
        return context_links(short, known.values(), self.store.names_of_documents)

    def node(self, key: str, stored: StoredNode | None) -> NameNode | None:
        return self._node(key)

    def records(
        self,
        nodes: Mapping[str, NameNode],
        links: list[Link],
        payloads: Mapping[str, dict[str, int]],
        members: Mapping[str, StoredNode],
        touched: set[str],
    ) -> tuple[list[Entity], dict[str, str], set[str]]:
        # what the documents resolved before established stays: the entities their names belonged to are
        # never merged into one, and each keeps its key and name, unless the authority file names it
        established = {key: stored.record for key, stored in members.items() if key in nodes}
        found = components(nodes, links, established)
        entities = [build_entity(component, payloads) for component in found]
        held = [
            None
            if any(node.entry is not None for node in component)
            else next((established[node.key] for node in component if node.key in established), None)
            for component in found
        ]
        kept = self.store.record_names({key for key in held if key})
        keepers = keeper_of(entities, held, kept)
        for key, index in keepers.items():
            entities[index].key = key
            if kept[key] in entities[index].aliases:
                entities[index].name = kept[key]
        number_repeated_keys(entities, set(keepers.values()))
        entity_of = {
            node.key: entity.key
            for entity, component in zip(entities, found, strict=True)
            for node in component
        }
        return entities, entity_of, {stored.record for stored in members.values()}

    def _node(self, key: str) -> NameNode | None:
        """The name of `key`, rebuilt from its key; None for an authority entry no longer known."""
        if key not in self.nodes:
            node = node_from_key(key, self.matcher)
            if node is None:
                return None
            self.nodes[key] = node
        return self.nodes[key]


def keeper_of(entities: list[Entity], held: list[str | None], kept: Mapping[str, str]) -> dict[str, int]:
    """For each kept entity of `kept` (key → name) that some of `entities` hold (`held`: the key each
    holds, or None), the index of the one that keeps it: the one still seeing its name, else the most
    mentioned (a document taken away may split an entity; the other parts get keys of their own)."""
    keepers: dict[str, int] = {}
    for index, key in enumerate(held):
        if key is None or key not in kept:
            continue
        best = keepers.get(key)
        if best is None or _keeps(entities[index], kept[key]) > _keeps(entities[best], kept[key]):
            keepers[key] = index
    return keepers


def _keeps(entity: Entity, name: str) -> tuple[bool, int]:
    return name in entity.aliases, entity.mentions


def number_repeated_keys(entities: list[Entity], keepers: set[int]) -> None:
    """Entities that came to the key an entity kept, or to one key together, get numbered keys ("-2")."""
    seen: Counter[str] = Counter(entities[index].key for index in keepers)
    for index, entity in enumerate(entities):
        if index in keepers:
            continue
        seen[entity.key] += 1
        if seen[entity.key] > 1:
            base, number = entity.key, seen[entity.key]
            while f"{base}-{number}" in seen:
                number += 1
            entity.key = f"{base}-{number}"
            seen[entity.key] += 1
