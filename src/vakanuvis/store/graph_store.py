"""The graphs of names and works in the database: all the SQL of incremental resolution, which
resolve.incremental drives (the same engine runs on resolve.memory_graph's dicts), in chunked bulk reads
and writes (store.rows).

Tables: a graph's nodes (entity_names, work_names) with their payload, cluster and record key; its links
(entity_links, work_links); what each document contributed (document_names, document_works); for works, the
groups of each block (work_block_groups) and their members (work_blocks). The rows are mentions and
citations, which keep their node (`name_key`) and follow its record (`entity_key`, `source_key`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, Table, bindparam, delete, or_, select, update

from vakanuvis.model import Citation, Entity, Source, stored_citation
from vakanuvis.resolve.incremental import Contributions, Link, StoredNode
from vakanuvis.resolve.name_graph import CONTEXT_LINK, NameNode
from vakanuvis.resolve.name_resolution import stored_block
from vakanuvis.resolve.work_graph import CitationKeys, WorkNode
from vakanuvis.resolve.work_resolution import GroupMemberRow, GroupRow, WorkPayload
from vakanuvis.store import schema
from vakanuvis.store.bulk import insert_rows
from vakanuvis.store.rows import (
    chunks,
    delete_pairs,
    follow_nodes,
    replace_records,
    rows_either,
    rows_with,
    rows_with_pairs,
    write_nodes,
)


class _GraphTables:
    """What the two graphs keep alike: nodes with a cluster and a record key, links between two keys, and
    rows that keep their node and follow its record."""

    nodes: Table
    links: Table
    rows: Table  # mentions or citations
    records: Table  # entities or sources
    record: str  # the column of the record key, in `nodes` and in `rows`
    rank: str  # the column of `links` that orders the joining

    def __init__(self, connection: Connection) -> None:
        self.connection = connection

    def place_rows(self, placed: list[tuple[str, int, str]]) -> None:
        write_nodes(self.connection, self.rows, placed)

    def nodes_with_keys(self, keys: Iterable[str]) -> dict[str, StoredNode]:
        return self._stored(rows_with(self.connection, self.nodes, self.nodes.c.key, keys))

    def nodes_in_clusters(self, clusters: Iterable[str]) -> dict[str, StoredNode]:
        return self._stored(rows_with(self.connection, self.nodes, self.nodes.c.cluster, clusters))

    def _stored(self, rows) -> dict[str, StoredNode]:
        raise NotImplementedError

    def links_between(self, keys: Iterable[str]) -> list[Link]:
        links = self.links
        columns = [links.c[self.rank], links.c.a, links.c.b]
        return [
            tuple(row) for row in rows_either(self.connection, links, links.c.a, links.c.b, keys, columns)
        ]

    def _delete_links_of(self, keys: Iterable[str]) -> None:
        links = self.links
        for chunk in chunks(keys):
            self.connection.execute(delete(links).where(or_(links.c.a.in_(chunk), links.c.b.in_(chunk))))

    def add_nodes(self, nodes: list[StoredNode]) -> None:
        rows = [{"key": node.key, **self._described(node.node), **self._values(node)} for node in nodes]
        insert_rows(self.connection, self.nodes, rows)

    def update_nodes(self, nodes: list[StoredNode]) -> None:
        if nodes:
            columns = list(self._values(nodes[0]))
            self.connection.execute(
                update(self.nodes)
                .where(self.nodes.c.key == bindparam("node_key"))
                .values({column: bindparam(f"new_{column}") for column in columns}),
                [
                    {"node_key": node.key, **{f"new_{column}": v for column, v in self._values(node).items()}}
                    for node in nodes
                ],
            )

    def _values(self, node: StoredNode) -> dict:
        """The columns of a node that resolution changes: its payload's, its cluster, its record key."""
        return {**self._payload_columns(node.payload), "cluster": node.cluster, self.record: node.record}

    def _payload_columns(self, payload) -> dict:
        raise NotImplementedError

    def _described(self, node) -> dict:
        """The columns written once, when a node is added."""
        raise NotImplementedError

    def delete_nodes(self, keys: Iterable[str]) -> None:
        for chunk in chunks(keys):
            self.connection.execute(delete(self.nodes).where(self.nodes.c.key.in_(chunk)))

    def replace_records(self, old_keys: Iterable[str], records: list) -> None:
        rows = [record_row(self.records, record) for record in records]
        replace_records(self.connection, self.records, old_keys, rows)

    def follow_nodes(self, moved: dict[str, str], documents: list[str]) -> None:
        follow_nodes(self.connection, self.rows, self.record, self.nodes.c[self.record], moved, documents)


class NameGraphStore(_GraphTables):
    """The graph of names: a node's payload is its surfaces ({surface: mentions}); a link goes with the
    document it was found in, or with the corpus ("")."""

    nodes, links, rows, records = schema.entity_names, schema.entity_links, schema.mentions, schema.entities
    record, rank = "entity_key", "kind"

    def mentions_of(self, documents: list[str]) -> Iterator[tuple[str, int, str, str, str | None]]:
        m = schema.mentions
        columns = (m.c.document_id, m.c.idx, m.c.surface, m.c.type, m.c.name_key)
        for chunk in chunks(documents):
            yield from self.connection.execute(select(*columns).where(m.c.document_id.in_(chunk)))

    def swap_contributions(self, documents: list[str], contributed: Contributions) -> Contributions:
        table = schema.document_names
        before: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
        for chunk in chunks(documents):
            for row in self.connection.execute(select(table).where(table.c.document_id.in_(chunk))):
                before[row.document_id][row.name_key][row.surface] = row._mapping["count"]
            self.connection.execute(delete(table).where(table.c.document_id.in_(chunk)))
        rows = [
            {"document_id": document, "name_key": key, "surface": surface, "count": count}
            for document in documents
            for key, surfaces in contributed[document].items()
            for surface, count in surfaces.items()
        ]
        insert_rows(self.connection, table, rows)
        return before

    def keys_in_blocks(self, blocks: set[str]) -> list[str]:
        names = self.nodes
        return [row.key for row in rows_with(self.connection, names, names.c.block, blocks, [names.c.key])]

    def record_names(self, keys: set[str]) -> dict[str, str]:
        entities = schema.entities
        columns = [entities.c.key, entities.c.name]
        return {
            row.key: row.name for row in rows_with(self.connection, entities, entities.c.key, keys, columns)
        }

    def names_of_documents(self, documents: list[str]) -> dict[str, dict[str, dict[str, int]]]:
        table = schema.document_names
        found: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
        for chunk in chunks(documents):
            for row in self.connection.execute(select(table).where(table.c.document_id.in_(chunk))):
                found[row.document_id][row.name_key][row.surface] = row._mapping["count"]
        return {document: dict(names) for document, names in found.items()}

    def delete_links(self, documents: list[str], nodes: Iterable[str]) -> None:
        links = self.links
        for chunk in chunks(documents):
            self.connection.execute(delete(links).where(links.c.document_id.in_(chunk)))
        # a link between short names of two documents goes with the first; resolving the other again takes
        # it away too (its short names are "l:<document>:…")
        ordered = sorted(set(documents))
        for start in range(0, len(ordered), 100):
            # few links are of that kind (the key's first column): only they are looked through
            ends = [
                end.like(f"l:{document}:%")
                for document in ordered[start : start + 100]
                for end in (links.c.a, links.c.b)
            ]
            self.connection.execute(delete(links).where(links.c.kind == CONTEXT_LINK, or_(*ends)))
        self._delete_links_of(nodes)

    def add_links(self, links: set[Link]) -> None:
        rows = [{"kind": kind, "a": a, "b": b, "document_id": d} for kind, a, b, d in sorted(links)]
        insert_rows(self.connection, self.links, rows)

    def _stored(self, rows) -> dict[str, StoredNode]:
        return {row.key: StoredNode(row.key, row.surfaces, row.cluster, row.entity_key) for row in rows}

    def _payload_columns(self, payload: dict[str, int]) -> dict:
        return {"surfaces": payload}

    def _described(self, node: NameNode) -> dict:
        return {"block": stored_block(node)}


class WorkGraphStore(_GraphTables):
    """The graph of works: a node's payload is its count of citations and their digest, and the store keeps
    its comparison keys; links belong to the corpus, and each block is kept as groups of its members."""

    nodes, links, rows, records = schema.work_names, schema.work_links, schema.citations, schema.sources
    record, rank = "source_key", "score"

    def citations_of(
        self, documents: list[str]
    ) -> Iterator[tuple[str, list[tuple[int, str | None, Citation]]]]:
        c = schema.citations
        for chunk in chunks(documents):
            by_document: dict[str, list[tuple[int, str | None, Citation]]] = defaultdict(list)
            for row in self.connection.execute(
                select(c).where(c.c.document_id.in_(chunk)).order_by(c.c.document_id, c.c.idx)
            ):
                by_document[row.document_id].append((row.idx, row.name_key, _citation(row)))
            yield from sorted(by_document.items())

    def citations_elsewhere(
        self, keys: set[str], documents: list[str]
    ) -> dict[str, list[tuple[str, Citation]]]:
        resolving = set(documents)
        found: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
        for row in rows_with(self.connection, schema.citations, schema.citations.c.name_key, keys):
            if row.document_id not in resolving:
                found[row.name_key].append((row.document_id, _citation(row)))
        return found

    def swap_contributions(self, documents: list[str], contributed: Contributions) -> Contributions:
        table = schema.document_works
        before: dict[str, dict[str, int]] = defaultdict(dict)
        for chunk in chunks(documents):
            for row in self.connection.execute(select(table).where(table.c.document_id.in_(chunk))):
                before[row.document_id][row.name_key] = row._mapping["count"]
            self.connection.execute(delete(table).where(table.c.document_id.in_(chunk)))
        rows = [
            {"document_id": document, "name_key": key, "count": count}
            for document in documents
            for key, count in contributed[document].items()
        ]
        insert_rows(self.connection, table, rows)
        return before

    def delete_links(self, documents: list[str], nodes: Iterable[str]) -> None:
        self._delete_links_of(nodes)  # no link of works goes with a document

    def add_links(self, links: set[Link]) -> None:
        rows = [{"a": a, "b": b, "score": score} for score, a, b in sorted(links)]
        insert_rows(self.connection, self.links, rows)

    def _stored(self, rows) -> dict[str, StoredNode]:
        return {
            row.key: StoredNode(
                row.key, WorkPayload(row.citations, row.digest), row.cluster, row.source_key, row.node
            )
            for row in rows
        }

    def work_node(self, stored: StoredNode) -> WorkNode:
        return _work_node(stored.key, stored.node)

    def work_nodes(self, keys: set[str]) -> dict[str, WorkNode]:
        names = self.nodes
        return {
            row.key: _work_node(row.key, row.node)
            for row in rows_with(self.connection, names, names.c.key, keys, [names.c.key, names.c.node])
        }

    def _payload_columns(self, payload: WorkPayload) -> dict:
        return {"citations": payload.citations, "digest": payload.digest}

    def _described(self, node: WorkNode) -> dict:
        return {"node": _work_node_data(node)}

    def leave_blocks(self, keys: Iterable[str]) -> None:
        members = schema.work_blocks
        for chunk in chunks(keys):
            self.connection.execute(delete(members).where(members.c.key.in_(chunk)))

    def block_groups(self, blocks: set[str]) -> Iterator[GroupRow]:
        g = schema.work_block_groups
        columns = [g.c.block, g.c.signature, g.c.surname, g.c.title, g.c.main_title, g.c.members]
        yield from rows_with(self.connection, g, g.c.block, blocks, columns)

    def group_members(self, pairs: set[tuple[str, str]]) -> Iterator[GroupMemberRow]:
        m = schema.work_blocks
        columns = [m.c.block, m.c.signature, m.c.key, m.c.hard]
        for row in rows_with_pairs(self.connection, m.c.block, m.c.signature, pairs, columns):
            yield row.block, row.signature, row.key, frozenset(map(tuple, row.hard))

    def join_blocks(self, members: list[tuple[str, str, WorkNode]]) -> None:
        rows = [
            {
                "block": block,
                "signature": signature,
                "key": node.key,
                "hard": [list(pair) for pair in node.keys.hard],
            }
            for block, signature, node in members
        ]
        insert_rows(self.connection, schema.work_blocks, rows)

    def write_group_counts(
        self, added: list[GroupRow], counted: list[tuple[str, str, int]], emptied: list[tuple[str, str]]
    ) -> None:
        table = schema.work_block_groups
        columns = ("block", "signature", "surname", "title", "main_title", "members")
        insert_rows(self.connection, table, [dict(zip(columns, group, strict=True)) for group in added])
        if counted:
            self.connection.execute(
                update(table)
                .where(table.c.block == bindparam("b"), table.c.signature == bindparam("s"))
                .values(members=bindparam("n")),
                [{"b": block, "s": signature, "n": members} for block, signature, members in counted],
            )
        delete_pairs(self.connection, table.c.block, table.c.signature, emptied)

    def taken_record_keys(self, keys: set[str]) -> set[str]:
        sources = schema.sources
        return {row.key for row in rows_with(self.connection, sources, sources.c.key, keys, [sources.c.key])}


def _citation(row) -> Citation:
    return stored_citation(row.footnote, row.start, row.end, row.raw, row.fields)


def _work_node_data(node: WorkNode) -> dict:
    keys = node.keys
    return {
        "kind": keys.kind,
        "surname": keys.surname,
        "initial": keys.initial,
        "title": keys.title,
        "hard": [list(pair) for pair in keys.hard],
        "main_title": keys.main_title,
        "place": node.place,
        "year": node.year,
        "archive": node.archive,
        "document": node.document,
    }


def _work_node(key: str, data: dict) -> WorkNode:
    keys = CitationKeys(
        data["kind"],
        data["surname"],
        data["initial"],
        data["title"],
        tuple(tuple(p) for p in data["hard"]),
        data.get("main_title", ""),  # nodes stored before rules version 2 have none
    )
    return WorkNode(key, keys, data["place"], data["year"], data["archive"], data["document"])


def record_row(table: Table, record: Entity | Source) -> dict:
    """A record's row in its table (entities, sources), whose columns are the record's stored fields."""
    return {column.name: getattr(record, column.name) for column in table.columns}


def entity_row(entity: Entity) -> dict:
    return record_row(schema.entities, entity)


def source_row(source: Source) -> dict:
    return record_row(schema.sources, source)
