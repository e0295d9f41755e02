"""The graph of works as the engine resolves it (resolve.incremental): a node is a way of writing a work
(work_graph), its payload how many citations it has and their digest (work_digest), its record a Source;
citations are its rows. New nodes are linked within their blocks, which are kept as groups (work_graph)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from typing import NamedTuple, Protocol

from vakanuvis.model import Citation, Source
from vakanuvis.resolve.incremental import Contributions, GraphStore, StoredNode
from vakanuvis.resolve.work_digest import Digest, citation_digest, combine, source_from_digests
from vakanuvis.resolve.work_graph import (
    BlockGroup,
    GroupMember,
    WorkLink,
    WorkNode,
    add_to_groups,
    candidates_in_groups,
    document_work_nodes,
    group_signature,
    link_new_nodes,
    matching_groups,
    node_blocks,
    work_components,
)
from vakanuvis.resolve.work_record import number_repeated_keys


def citation_name_keys(document_id: str, citations: list[Citation]) -> list[str]:
    """The node in the graph of works of each citation (kept with the citation when it is stored)."""
    return [node.key for node in document_work_nodes(document_id, citations)]


# a group of a block as kept: (block, signature, surname, title, main title, members)
GroupRow = tuple[str, str, str, str, str, int]
# a node in a group of a block: (block, signature, node key, hard fields)
GroupMemberRow = tuple[str, str, str, frozenset[tuple[str, str]]]


class WorkPayload(NamedTuple):
    citations: int
    digest: Digest  # what its work needs from its citations


class WorkStore(GraphStore, Protocol):
    """Where the graph of works is kept, with the groups of its blocks."""

    def citations_of(
        self, documents: list[str]
    ) -> Iterable[tuple[str, list[tuple[int, str | None, Citation]]]]:
        """Each of `documents` that cites, with its citations in stored order: (index, node kept, citation)."""
        ...

    def citations_elsewhere(
        self, keys: set[str], documents: list[str]
    ) -> dict[str, list[tuple[str, Citation]]]:
        """The (document, citation) pairs of each node of `keys`, in documents other than `documents`."""
        ...

    def work_node(self, stored: StoredNode) -> WorkNode: ...

    def work_nodes(self, keys: set[str]) -> dict[str, WorkNode]: ...

    def leave_blocks(self, keys: Iterable[str]) -> None:
        """Take the nodes of `keys` out of the groups of their blocks (the groups' counts are written apart)."""

    def block_groups(self, blocks: set[str]) -> Iterable[GroupRow]:
        """The groups of `blocks`."""
        ...

    def group_members(self, pairs: set[tuple[str, str]]) -> Iterable[GroupMemberRow]:
        """The members of the groups of `pairs` (block, signature)."""
        ...

    def join_blocks(self, members: list[tuple[str, str, WorkNode]]) -> None:
        """Put nodes in groups: (block, signature, node)."""

    def write_group_counts(
        self, added: list[GroupRow], counted: list[tuple[str, str, int]], emptied: list[tuple[str, str]]
    ) -> None:
        """Add groups, give groups their new count of members (`counted`), delete emptied ones."""

    def taken_record_keys(self, keys: set[str]) -> set[str]:
        """The keys of `keys` that a kept work holds."""
        ...


class WorkGraph:
    """The graph of works of one resolution, in `store`."""

    def __init__(self, store: WorkStore) -> None:
        self.store = store
        self.nodes: dict[str, WorkNode] = {}  # the nodes met so far
        # the citations of each node in these documents (their kept node may be stale); the others' are read
        # from the store when a node's digest is made again
        self.cited: dict[str, list[tuple[str, Citation]]] = defaultdict(list)

    def read_documents(self, documents: list[str], trusted: bool) -> dict[str, Counter[str]]:
        contributed: dict[str, Counter[str]] = {document: Counter() for document in documents}
        renamed: list[tuple[str, int, str]] = []
        for document, rows in self.store.citations_of(documents):
            citations = [citation for _, _, citation in rows]
            for (index, kept, citation), node in zip(
                rows, document_work_nodes(document, citations), strict=True
            ):
                self.nodes[node.key] = node
                contributed[document][node.key] += 1
                if not trusted or kept != node.key:
                    renamed.append((document, index, node.key))
                self.cited[node.key].append((document, citation))
        self.store.place_rows(renamed)
        return contributed

    def payloads(
        self, contributed: Contributions, before: Contributions, stored: dict[str, StoredNode]
    ) -> dict[str, WorkPayload]:
        change: Counter[str] = Counter()
        for nodes in contributed.values():
            change.update(nodes)
        retracted: set[str] = set()  # nodes that lose citations: their digest is made again from all of them
        for nodes in before.values():
            for key, count in nodes.items():
                change[key] -= count
                retracted.add(key)
        citations = {
            key: (stored[key].payload.citations if key in stored else 0) + n for key, n in change.items()
        }
        holding = {key for key, count in citations.items() if count > 0}
        digests = self._digests(holding, stored, retracted, list(contributed))
        return {key: WorkPayload(citations[key], digests[key]) for key in holding}

    def _digests(
        self, keys: set[str], stored: dict[str, StoredNode], retracted: set[str], documents: list[str]
    ) -> dict[str, Digest]:
        """The digest of each node of `keys`: the stored one with the new citations added, or, for a node
        that lost citations, one made again from all its citations."""
        again = {key for key in keys if key in retracted or key not in stored}
        elsewhere = self.store.citations_elsewhere(again & retracted, documents)
        digests: dict[str, Digest] = {}
        for key in keys:
            new = [citation_digest(document, citation) for document, citation in self.cited.get(key, [])]
            if key in again:
                old = [citation_digest(document, citation) for document, citation in elsewhere.get(key, [])]
                digests[key] = combine([*old, *new])
            else:
                digests[key] = combine([stored[key].payload.digest, *new])
        return digests

    def new_links(
        self, contributed: Contributions, born: set[str], dead: dict[str, StoredNode]
    ) -> set[WorkLink]:
        """The links of the born nodes with the alike nodes of their blocks; the blocks take the born nodes
        in and let the dead ones go."""
        self.store.leave_blocks(dead)
        seeking = [self.nodes[key] for key in sorted(born)]
        gone = [self.store.work_node(dead[key]) for key in sorted(dead)]
        # each node's group and blocks, worked out once
        placed = {
            node.key: (group_signature(node), dict.fromkeys(node_blocks(node))) for node in [*gone, *seeking]
        }
        change: Counter[tuple[str, str]] = Counter()  # members each (block, signature) gains or loses
        for node, step in [*((node, -1) for node in gone), *((node, 1) for node in seeking)]:
            signature, blocks = placed[node.key]
            for block in blocks:
                change[block, signature] += step
        wanted = {block for node in seeking for block in placed[node.key][1]}
        groups: dict[str, dict[str, BlockGroup]] = defaultdict(dict)
        count: dict[tuple[str, str], int] = {}
        for block, signature, surname, title, main_title, members in self.store.block_groups(
            wanted | {block for block, _ in change}
        ):
            count[block, signature] = members
            if block in wanted:
                groups[block][signature] = (signature, surname, title, main_title)
        group_members: dict[tuple[str, str], list[GroupMember]] = defaultdict(list)
        add_to_groups(seeking, groups, group_members)
        matched = matching_groups(seeking, {block: list(found.values()) for block, found in groups.items()})
        # only the members of the groups a new node matches are read, and then only the nodes that pass
        stored_pairs = {pair for pairs in matched.values() for pair in pairs if pair in count}
        for block, signature, key, hard in self.store.group_members(stored_pairs):
            group_members[block, signature].append((key, hard))
        candidates = candidates_in_groups(seeking, matched, group_members)
        self.nodes.update(
            self.store.work_nodes({key for keys in candidates.values() for key in keys} - self.nodes.keys())
        )
        links = link_new_nodes(seeking, candidates, self.nodes)
        self.store.join_blocks(
            [(block, placed[node.key][0], node) for node in seeking for block in placed[node.key][1]]
        )
        self._count_group_members(change, count, groups)
        return links

    def _count_group_members(
        self,
        change: Counter[tuple[str, str]],
        count: dict[tuple[str, str], int],
        groups: dict[str, dict[str, BlockGroup]],
    ) -> None:
        """Write the groups' new member counts: a group is added with its first member, goes with its last."""
        added, counted, emptied = [], [], []
        for (block, signature), step in sorted(change.items()):
            if not step:
                continue
            if (block, signature) not in count:
                if step < 0:
                    continue  # a group already gone: nothing to take from it
                _, surname, title, main_title = groups[block][signature]
                added.append((block, signature, surname, title, main_title, step))
            elif count[block, signature] + step > 0:
                counted.append((block, signature, count[block, signature] + step))
            else:
                emptied.append((block, signature))
        self.store.write_group_counts(added, counted, emptied)

    def node(self, key: str, stored: StoredNode | None) -> WorkNode:
        if key in self.nodes or stored is None:
            return self.nodes[key]
        return self.store.work_node(stored)

    def records(
        self,
        nodes: Mapping[str, WorkNode],
        links: list[WorkLink],
        payloads: Mapping[str, WorkPayload],
        members: Mapping[str, StoredNode],
        touched: set[str],
    ) -> tuple[list[Source], dict[str, str], set[str]]:
        # a work whose nodes are the same as before and none of them gained or lost a citation stays as it is
        nodes_of_source: dict[str, set[str]] = defaultdict(set)
        for key, stored in members.items():
            nodes_of_source[stored.record].add(key)
        unchanged: dict[str, str] = {}  # node key → its source's key, for the works kept
        rebuilt: list[list[WorkNode]] = []
        for component in work_components(nodes, links):
            keys = {node.key for node in component}
            before = members[component[0].key].record if component[0].key in members else ""
            if before and not keys & touched and nodes_of_source.get(before) == keys:
                unchanged.update(dict.fromkeys(keys, before))
            else:
                rebuilt.append(component)
        sources: list[Source] = []
        first: dict[int, tuple[str, int]] = {}  # each source's first citation (raw text, footnote), by id
        for component in rebuilt:
            source, first[id(source)] = source_from_digests(
                [(node, payloads[node.key].digest) for node in component]
            )
            sources.append(source)
        replaced = {stored.record for stored in members.values()} - set(unchanged.values())
        taken = self.store.taken_record_keys({source.key for source in sources} - replaced)
        number_repeated_keys(sources, taken, first=lambda source: first[id(source)])
        source_of = {
            node.key: source.key
            for source, component in zip(sources, rebuilt, strict=True)
            for node in component
        }
        source_of.update(unchanged)
        return sources, source_of, replaced
