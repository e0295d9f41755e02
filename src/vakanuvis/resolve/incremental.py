"""Incremental resolution, written once for the graph of names (entities) and the graph of works (sources).

A graph's nodes are what the rows of documents (mentions, citations) name before anything is merged: each
document contributes to its nodes, links join two nodes believed to be one thing, and one record (an entity,
a work) is built from each component of the graph. Resolving some documents swaps what they contributed
before for what they contribute now, links the nodes that are born, and builds again only the clusters
(connected parts of the graph) that the change touches; in any order and in any batches, documents get the
records of resolving them all at once, except where a later batch would change what an earlier one
established: the graph of names never merges two entities it finds stored, nor changes a stored entity's
key or name (name_resolution.NameGraph.records); so a person known by a short name in several documents
keeps the key of the document resolved first.

What differs between the two graphs, the engine is given: a kind of graph (name_resolution.NameGraph,
work_resolution.WorkGraph) says what a node, its payload, its links and its record are; a GraphStore keeps
the graph (store.graph_store in the database, memory_graph in dicts).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

from vakanuvis.resolve.union_find import connected

# document → node key → what the document's rows add to the node (names: {surface: count}; works: a count)
Contributions = Mapping[str, Mapping[str, Any]]
# a link is (rank, key, key, …): the rank orders the joining (names: the kind of link; works: the similarity)
Link = tuple


@dataclass(slots=True)
class StoredNode:
    """A node as its graph keeps it."""

    key: str
    payload: Any  # what its rows add up to: a name's {surface: count}, a work's (citations, digest)
    cluster: str  # the smallest key of its connected part of the graph
    record: str  # the key of its entity or work
    node: Any = None  # the node as the store keeps it, where its key does not say it all (a work's keys)


class GraphStore(Protocol):
    """Where a graph is kept: its nodes, its links, what each document contributed, and the rows."""

    def place_rows(self, placed: list[tuple[str, int, str]]) -> None:
        """Keep with rows (mentions, citations), by (document, index), the node found for them."""

    def swap_contributions(self, documents: list[str], contributed: Contributions) -> Contributions:
        """Keep what `documents` contribute now; returns what they contributed before."""
        ...

    def nodes_with_keys(self, keys: Iterable[str]) -> dict[str, StoredNode]: ...

    def nodes_in_clusters(self, clusters: Iterable[str]) -> dict[str, StoredNode]: ...

    def delete_links(self, documents: list[str], nodes: Iterable[str]) -> None:
        """Delete the links that go with `documents` (where links belong to documents) and those of `nodes`."""

    def add_links(self, links: set[Link]) -> None: ...

    def links_between(self, keys: Iterable[str]) -> list[Link]:
        """The links with an end among `keys`, each once, as (rank, key, key)."""
        ...

    def delete_nodes(self, keys: Iterable[str]) -> None: ...

    def add_nodes(self, nodes: list[StoredNode]) -> None: ...

    def update_nodes(self, nodes: list[StoredNode]) -> None:
        """Write the payload, cluster and record of nodes already kept."""

    def replace_records(self, old_keys: Iterable[str], records: list) -> None:
        """Replace the records of `old_keys` and of the new records' keys by the new records."""

    def follow_nodes(self, moved: dict[str, str], documents: list[str]) -> None:
        """Rows take their node's record key: everywhere for the nodes in `moved` (node key → record key),
        and every row of `documents`."""


class GraphKind(Protocol):
    """What a kind of graph is. One instance resolves one batch of documents, keeping the nodes it meets."""

    @property
    def store(self) -> GraphStore: ...

    def read_documents(self, documents: list[str], trusted: bool) -> Contributions:
        """What the rows of each of `documents` (each one, if only with nothing) contribute to their nodes
        now; rows whose kept node is missing or stale (every row, when the kept nodes are not `trusted`) are
        given theirs (`GraphStore.place_rows`)."""
        ...

    def payloads(
        self, contributed: Contributions, before: Contributions, stored: dict[str, StoredNode]
    ) -> dict[str, Any]:
        """The payload of each node the documents touch that still holds rows: its stored one (in `stored`),
        what the documents contributed `before` taken away and what they contribute now added."""
        ...

    def new_links(self, contributed: Contributions, born: set[str], dead: dict[str, StoredNode]) -> set[Link]:
        """The links the documents bring: of the nodes born, and any that go with the documents."""
        ...

    def node(self, key: str, stored: StoredNode | None) -> Any:
        """The node of `key` (met here, or as `stored`); None for one that can no longer be."""

    def records(
        self,
        nodes: Mapping[str, Any],
        links: list[Link],
        payloads: Mapping[str, Any],
        members: Mapping[str, StoredNode],
        touched: set[str],
    ) -> tuple[list, dict[str, str], set[str]]:
        """The records of the components of `nodes` joined by `links`, each node's record key, and the keys
        of the records they replace (those of `members`, the stored nodes of the clusters)."""
        ...


def resolve_documents(graph: GraphKind, documents: list[str], trusted: bool) -> set[str]:
    """Resolve `documents` (whose rows are stored) into `graph`; returns the keys of the records that
    changed or vanished. `trusted`: the node kept with each row was found under the rules (and the
    authority file) of the graph."""
    store = graph.store
    # what the documents contribute now, and contributed before: the nodes they touch
    contributed = graph.read_documents(documents, trusted)
    contributed_before = store.swap_contributions(documents, contributed)
    touched = {key for part in (contributed, contributed_before) for nodes in part.values() for key in nodes}
    stored = store.nodes_with_keys(touched)
    payloads = graph.payloads(contributed, contributed_before, stored)
    dead = {key: node for key, node in stored.items() if key not in payloads}
    born = {key for key in payloads if key not in stored}
    clusters = {node.cluster for node in stored.values()}

    # links: those of the documents and of the dead nodes go; those of the born nodes are found
    store.delete_links(documents, dead)
    new_links = graph.new_links(contributed, born, dead)
    store.add_links(new_links)
    ends = {key for _, a, b, *_ in new_links for key in (a, b)} - touched
    clusters |= {node.cluster for node in store.nodes_with_keys(ends).values()}

    # the clusters touched are resolved again, whole
    members = store.nodes_in_clusters(clusters)
    members.update(stored)
    alive = {key for key in members if key not in dead} | born
    for key in alive - payloads.keys():
        payloads[key] = members[key].payload
    nodes = {key: node for key in alive if (node := graph.node(key, members.get(key))) is not None}
    links = [link for link in store.links_between(alive) if link[1] in nodes and link[2] in nodes]
    cluster_of = connected(nodes, links)
    records, record_of, replaced = graph.records(nodes, links, payloads, members, touched)

    # written back: dead nodes deleted, born ones added, changed ones updated; rows follow their nodes
    def kept(key: str) -> StoredNode:
        return StoredNode(key, payloads[key], cluster_of[key], record_of[key], nodes[key])

    changed = [
        key
        for key in sorted(nodes)
        if key not in born
        and (
            key in touched or (members[key].cluster, members[key].record) != (cluster_of[key], record_of[key])
        )
    ]
    store.delete_nodes(dead)
    store.add_nodes([kept(key) for key in sorted(born) if key in nodes])
    store.update_nodes([kept(key) for key in changed])
    store.replace_records(replaced, records)
    moved = {key: record_of[key] for key in nodes if key in members and members[key].record != record_of[key]}
    store.follow_nodes(moved, documents)
    return replaced | {record.key for record in records}
