"""The graphs of names and works kept in dicts: the engine of incremental resolution (resolve.incremental)
runs on them as on the database (store.graph_store), for documents resolved in memory (resolve_entities,
merge_sources) and as the reference the database must agree with."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import Any

from vakanuvis.model import Citation, EntityMention
from vakanuvis.resolve.incremental import Contributions, Link, StoredNode
from vakanuvis.resolve.name_graph import CONTEXT_LINK
from vakanuvis.resolve.name_resolution import stored_block
from vakanuvis.resolve.work_graph import WorkNode
from vakanuvis.resolve.work_resolution import GroupMemberRow, GroupRow


class _MemoryGraph:
    """What the two graphs keep alike. Rows are the caller's objects (mentions, citations), which take
    their node's record key in `record_field`."""

    record_field = ""

    def __init__(self) -> None:
        self.rows: dict[str, list] = {}  # document → its rows
        self.row_nodes: dict[str, dict[int, str]] = {}  # document → row index → node key
        self.contributions: dict[str, dict[str, Any]] = {}
        self.nodes: dict[str, StoredNode] = {}
        self.links: dict[str, set[Link]] = defaultdict(set)  # node key → the links it is an end of
        self.records: dict[str, Any] = {}  # entities or sources by key

    def keep_rows(self, document: str, rows: list) -> None:
        """Keep a document's rows (a new version replaces the old one: resolve it again)."""
        self.rows[document] = rows
        self.row_nodes[document] = {}

    def place_rows(self, placed: list[tuple[str, int, str]]) -> None:
        for document, index, key in placed:
            self.row_nodes[document][index] = key

    def swap_contributions(self, documents: list[str], contributed: Contributions) -> Contributions:
        before = {
            document: self.contributions.pop(document)
            for document in documents
            if document in self.contributions
        }
        for document in documents:
            if contributed[document]:
                self.contributions[document] = dict(contributed[document])
        return before

    def nodes_with_keys(self, keys: Iterable[str]) -> dict[str, StoredNode]:
        return {key: self.nodes[key] for key in sorted(set(keys)) if key in self.nodes}

    def nodes_in_clusters(self, clusters: Iterable[str]) -> dict[str, StoredNode]:
        clusters = set(clusters)
        return {key: node for key, node in sorted(self.nodes.items()) if node.cluster in clusters}

    def delete_links(self, documents: list[str], nodes: Iterable[str]) -> None:
        self._delete_links({link for key in nodes for link in self.links.get(key, ())})

    def _delete_links(self, links: set[Link]) -> None:
        for link in links:
            for end in link[1:3]:
                self.links[end].discard(link)

    def add_links(self, links: set[Link]) -> None:
        for link in links:
            for end in link[1:3]:
                self.links[end].add(link)

    def links_between(self, keys: Iterable[str]) -> list[Link]:
        return sorted({link[:3] for key in keys for link in self.links.get(key, ())})

    def delete_nodes(self, keys: Iterable[str]) -> None:
        for key in keys:
            del self.nodes[key]

    def add_nodes(self, nodes: list[StoredNode]) -> None:
        self.nodes.update((node.key, node) for node in nodes)

    def update_nodes(self, nodes: list[StoredNode]) -> None:
        self.nodes.update((node.key, node) for node in nodes)

    def replace_records(self, old_keys: Iterable[str], records: list) -> None:
        for key in {*old_keys, *(record.key for record in records)}:
            self.records.pop(key, None)
        self.records.update((record.key, record) for record in records)

    def follow_nodes(self, moved: dict[str, str], documents: list[str]) -> None:
        resolving = set(documents)
        for document in sorted(self.rows) if moved else sorted(resolving):
            nodes = self.row_nodes.get(document, {})
            for index, row in enumerate(self.rows.get(document, [])):
                key = nodes.get(index)
                if key in moved:
                    setattr(row, self.record_field, moved[key])
                elif document in resolving:
                    setattr(row, self.record_field, self.nodes[key].record if key in self.nodes else None)


class MemoryNameStore(_MemoryGraph):
    """The graph of names in dicts; its rows are EntityMentions."""

    record_field = "entity_key"

    def mentions_of(self, documents: list[str]) -> Iterator[tuple[str, int, str, str, str | None]]:
        for document in sorted(set(documents)):
            nodes = self.row_nodes.get(document, {})
            mentions: list[EntityMention] = self.rows.get(document, [])
            for index, mention in enumerate(mentions):
                yield document, index, mention.surface, mention.type, nodes.get(index)

    def keys_in_blocks(self, blocks: set[str]) -> list[str]:
        return [key for key, stored in sorted(self.nodes.items()) if stored_block(stored.node) in blocks]

    def record_names(self, keys: set[str]) -> dict[str, str]:
        return {key: self.records[key].name for key in keys if key in self.records}

    def names_of_documents(self, documents: list[str]) -> dict[str, dict[str, dict[str, int]]]:
        return {
            d: {k: dict(v) for k, v in self.contributions[d].items()}
            for d in documents
            if d in self.contributions
        }

    def delete_links(self, documents: list[str], nodes: Iterable[str]) -> None:
        resolving = set(documents)
        self._delete_links(
            {
                link
                for links in self.links.values()
                for link in links
                if link[3] in resolving
                or (link[0] == CONTEXT_LINK and _short_name_documents(link) & resolving)
            }
        )
        super().delete_links(documents, nodes)


def _short_name_documents(link: Link) -> set[str]:
    """The documents of the short names a link joins ("l:<document>:…")."""
    return {end.split(":", 2)[1] for end in link[1:3] if end.startswith("l:")}


class MemoryWorkStore(_MemoryGraph):
    """The graph of works in dicts, with the groups of its blocks; its rows are Citations."""

    record_field = "source_key"

    def __init__(self) -> None:
        super().__init__()
        # block → signature → (surname, title, main title, members)
        self.groups: dict[str, dict[str, tuple[str, str, str, int]]] = defaultdict(dict)
        # (block, signature) → node key → hard fields
        self.group_members_of: dict[tuple[str, str], dict[str, frozenset]] = defaultdict(dict)

    def citations_of(
        self, documents: list[str]
    ) -> Iterator[tuple[str, list[tuple[int, str | None, Citation]]]]:
        for document in sorted(set(documents)):
            nodes = self.row_nodes.get(document, {})
            if citations := self.rows.get(document):
                yield document, [(index, nodes.get(index), c) for index, c in enumerate(citations)]

    def citations_elsewhere(
        self, keys: set[str], documents: list[str]
    ) -> dict[str, list[tuple[str, Citation]]]:
        found: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
        if keys:
            for document in sorted(set(self.rows) - set(documents)):
                nodes = self.row_nodes[document]
                for index, citation in enumerate(self.rows[document]):
                    if nodes.get(index) in keys:
                        # as the database gives a citation back: without the work it was put in, which is
                        # not one of its fields (`filled_fields` would count it)
                        found[nodes[index]].append((document, replace(citation, source_key="")))
        return found

    def work_node(self, stored: StoredNode) -> WorkNode:
        return stored.node

    def work_nodes(self, keys: set[str]) -> dict[str, WorkNode]:
        return {key: self.nodes[key].node for key in keys if key in self.nodes}

    def leave_blocks(self, keys: Iterable[str]) -> None:
        keys = set(keys)
        for members in self.group_members_of.values():
            for key in keys & members.keys():
                del members[key]

    def block_groups(self, blocks: set[str]) -> Iterator[GroupRow]:
        for block in sorted(blocks):
            for signature, group in sorted(self.groups.get(block, {}).items()):
                yield block, signature, *group

    def group_members(self, pairs: set[tuple[str, str]]) -> Iterator[GroupMemberRow]:
        for pair in sorted(pairs):
            for key, hard in sorted(self.group_members_of.get(pair, {}).items()):
                yield *pair, key, hard

    def join_blocks(self, members: list[tuple[str, str, WorkNode]]) -> None:
        for block, signature, node in members:
            self.group_members_of[block, signature][node.key] = frozenset(node.keys.hard)

    def write_group_counts(
        self, added: list[GroupRow], counted: list[tuple[str, str, int]], emptied: list[tuple[str, str]]
    ) -> None:
        for block, signature, surname, title, main_title, members in added:
            self.groups[block][signature] = (surname, title, main_title, members)
        for block, signature, members in counted:
            surname, title, main_title, _ = self.groups[block][signature]
            self.groups[block][signature] = (surname, title, main_title, members)
        for block, signature in emptied:
            del self.groups[block][signature]

    def taken_record_keys(self, keys: set[str]) -> set[str]:
        return {key for key in keys if key in self.records}
