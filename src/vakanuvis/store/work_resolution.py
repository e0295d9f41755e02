"""The graph of works in the store: one ingest's citations added, the clusters they touch resolved again."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from sqlalchemy import Connection, bindparam, delete, or_, select, update

from vakanuvis.model import Citation, Source, stored_citation
from vakanuvis.resolve.name_graph import connected
from vakanuvis.resolve.sources import number_repeated_keys
from vakanuvis.resolve.work_digest import Digest, citation_digest, combine, source_from_digests
from vakanuvis.resolve.work_graph import (
    BlockGroup,
    CitationKeys,
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


def citation_name_keys(document_id: str, citations: list[Citation]) -> list[str]:
    """The node in the graph of works of each citation (kept with the citation when it is stored)."""
    return [node.key for node in document_work_nodes(document_id, citations)]


def resolve_works(connection: Connection, documents: list[str], trusted: bool) -> set[str]:
    """Update the graph of works for `documents`; returns the source keys that changed or vanished."""
    c, names, links, blocks_table = schema.citations, schema.work_names, schema.work_links, schema.work_blocks
    nodes: dict[str, WorkNode] = {}
    contributed: dict[str, Counter[str]] = defaultdict(Counter)
    renamed: list[tuple[str, int, str]] = []  # citations whose stored node is missing or stale
    # the citations of each work node: those of these documents from here (their stored node may be stale),
    # the others' from the store below
    cited: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
    for document, rows in _citations_of(connection, documents):
        citations = [citation for _, citation in rows]
        for (row, citation), node in zip(rows, document_work_nodes(document, citations), strict=True):
            nodes[node.key] = node
            contributed[document][node.key] += 1
            if not trusted or row.name_key != node.key:
                renamed.append((document, row.idx, node.key))
            cited[node.key].append((document, citation))
    write_nodes(connection, c, renamed)
    delta: Counter[str] = Counter()
    for document in documents:
        delta.update(contributed[document])
    dw = schema.document_works
    retracted: set[str] = set()  # nodes that lose citations: their digest is made again from all of them
    for chunk in chunks(documents):
        for row in connection.execute(select(dw).where(dw.c.document_id.in_(chunk))):
            delta[row.name_key] -= row._mapping["count"]
            retracted.add(row.name_key)
        connection.execute(delete(dw).where(dw.c.document_id.in_(chunk)))
    new_rows = [
        {"document_id": d, "name_key": k, "count": n} for d in documents for k, n in contributed[d].items()
    ]
    insert_rows(connection, dw, new_rows)
    touched = set(delta) | {k for d in documents for k in contributed[d]}
    stored = {row.key: row for row in rows_with(connection, names, names.c.key, touched)}
    count = {key: (stored[key].citations if key in stored else 0) + delta[key] for key in touched}
    dead = {key for key in touched if key in stored and count[key] <= 0}
    born = {key for key in touched if key not in stored and count[key] > 0}
    clusters = {stored[key].cluster for key in touched if key in stored}
    digest = _digests(connection, touched - dead, stored, retracted, cited, set(documents))

    for chunk in chunks(dead):
        connection.execute(delete(links).where(or_(links.c.a.in_(chunk), links.c.b.in_(chunk))))
        connection.execute(delete(blocks_table).where(blocks_table.c.key.in_(chunk)))
    seeking = [nodes[key] for key in sorted(born)]
    new_links = _link_new_nodes(connection, seeking, [_work_node(stored[key]) for key in sorted(dead)], nodes)
    insert_rows(connection, links, [{"a": a, "b": b, "score": s} for s, a, b in sorted(new_links)])
    ends = {key for _, a, b in new_links for key in (a, b)} - touched
    clusters |= {row.cluster for row in rows_with(connection, names, names.c.key, ends)}

    members = {row.key: row for row in rows_with(connection, names, names.c.cluster, clusters)}
    members.update((key, stored[key]) for key in touched if key in stored)
    alive = {key for key in members if key not in dead} | born
    graph: dict[str, WorkNode] = {}
    for key in alive:
        graph[key] = nodes[key] if key in nodes else _work_node(members[key])
    for key in alive - set(count):
        count[key] = members[key].citations
    edges = [
        (row.score, row.a, row.b)
        for row in rows_either(
            connection, links, links.c.a, links.c.b, alive, [links.c.score, links.c.a, links.c.b]
        )
        if row.a in graph and row.b in graph
    ]
    cluster_of = connected(graph, edges)
    # a work whose nodes are the same as before and none of them gained or lost a citation stays as it is
    nodes_of_source: dict[str, set[str]] = defaultdict(set)
    for key, row in members.items():
        nodes_of_source[row.source_key].add(key)
    unchanged: dict[str, str] = {}  # node key → its source's key, for the works kept
    rebuilt: list[list[WorkNode]] = []
    for component in work_components(graph, edges):
        keys = {node.key for node in component}
        before = members[component[0].key].source_key if component[0].key in members else ""
        if before and not keys & touched and nodes_of_source.get(before) == keys:
            unchanged.update(dict.fromkeys(keys, before))
        else:
            rebuilt.append(component)
    sources: list[Source] = []
    held: list[list[str]] = []  # the node keys of each source
    first: dict[int, tuple[str, int]] = {}  # each source's first citation (raw text, footnote)
    for component in rebuilt:
        source, first[len(sources)] = source_from_digests(
            [
                (node, digest[node.key] if node.key in digest else members[node.key].digest)
                for node in component
            ]
        )
        sources.append(source)
        held.append([node.key for node in component])
    first_of = {id(source): first[index] for index, source in enumerate(sources)}
    old_keys = {row.source_key for row in members.values()} - set(unchanged.values())
    taken = {
        row.key
        for row in rows_with(
            connection,
            schema.sources,
            schema.sources.c.key,
            {s.key for s in sources} - old_keys,
            [schema.sources.c.key],
        )
    }
    number_repeated_keys(sources, taken, first=lambda source: first_of[id(source)])
    source_of = {key: source.key for source, keys in zip(sources, held, strict=True) for key in keys}
    source_of.update(unchanged)
    for chunk in chunks(dead):
        connection.execute(delete(names).where(names.c.key.in_(chunk)))
    fresh = [
        {
            "key": key,
            "node": _work_node_data(graph[key]),
            "citations": count[key],
            "digest": digest[key],
            "cluster": cluster_of[key],
            "source_key": source_of.get(key, ""),
        }
        for key in sorted(born)
    ]
    insert_rows(connection, names, fresh)
    changed = [
        {
            "k": key,
            "n": count[key],
            "d": digest[key] if key in digest else members[key].digest,
            "c": cluster_of[key],
            "s": source_of.get(key, ""),
        }
        for key in sorted(graph)
        if key not in born
        and (
            key in touched
            or members[key].cluster != cluster_of[key]
            or members[key].source_key != source_of.get(key, "")
        )
    ]
    if changed:
        connection.execute(
            update(names)
            .where(names.c.key == bindparam("k"))
            .values(
                citations=bindparam("n"),
                digest=bindparam("d"),
                cluster=bindparam("c"),
                source_key=bindparam("s"),
            ),
            changed,
        )
    replace_records(connection, schema.sources, old_keys, [source_row(s) for s in sources])
    # citations follow their nodes: everywhere for a node whose work changed, else in these documents (a new
    # node's citations are all in these documents)
    moved = {
        key: source_of[key] for key in graph if key in members and members[key].source_key != source_of[key]
    }
    follow_nodes(connection, c, "source_key", names.c.source_key, moved, documents)
    return old_keys | {source.key for source in sources}


def _link_new_nodes(
    connection: Connection, seeking: list[WorkNode], dead: list[WorkNode], nodes: dict[str, WorkNode]
) -> set[WorkLink]:
    """The links of the new nodes with the alike nodes of their blocks (read into `nodes`); the blocks take
    the new nodes in and let the dead ones go (their member rows are already deleted)."""
    groups_table, members_table = schema.work_block_groups, schema.work_blocks
    change: Counter[tuple[str, str]] = Counter()  # members each (block, signature) gains or loses
    for node, step in [*((node, -1) for node in dead), *((node, 1) for node in seeking)]:
        signature = group_signature(node)
        for block in dict.fromkeys(node_blocks(node)):
            change[block, signature] += step
    wanted = {block for node in seeking for block in node_blocks(node)}
    groups: dict[str, dict[str, BlockGroup]] = defaultdict(dict)
    count: dict[tuple[str, str], int] = {}
    for row in rows_with(connection, groups_table, groups_table.c.block, wanted | {b for b, _ in change}):
        count[row.block, row.signature] = row.members
        if row.block in wanted:
            groups[row.block][row.signature] = (row.signature, row.surname, row.title, row.main_title)
    members: dict[tuple[str, str], list[GroupMember]] = defaultdict(list)
    add_to_groups(seeking, groups, members)
    matched = matching_groups(seeking, {block: list(found.values()) for block, found in groups.items()})
    # only the members of the groups a new node matches are read, and then only the nodes that pass
    m = members_table
    stored_pairs = {pair for pairs in matched.values() for pair in pairs if pair in count}
    for row in rows_with_pairs(
        connection, m.c.block, m.c.signature, stored_pairs, [m.c.block, m.c.signature, m.c.key, m.c.hard]
    ):
        members[row.block, row.signature].append((row.key, frozenset(map(tuple, row.hard))))
    candidates = candidates_in_groups(seeking, matched, members)
    names = schema.work_names
    wanted_nodes = {key for keys in candidates.values() for key in keys} - set(nodes)
    for row in rows_with(connection, names, names.c.key, wanted_nodes, [names.c.key, names.c.node]):
        nodes[row.key] = _work_node(row)
    new_links = link_new_nodes(seeking, candidates, nodes)
    member_rows = [
        {
            "block": block,
            "signature": group_signature(node),
            "key": node.key,
            "hard": [list(p) for p in node.keys.hard],
        }
        for node in seeking
        for block in dict.fromkeys(node_blocks(node))
    ]
    insert_rows(connection, members_table, member_rows)
    _count_group_members(connection, change, count, groups)
    return new_links


def _count_group_members(
    connection: Connection,
    change: Counter[tuple[str, str]],
    count: dict[tuple[str, str], int],
    groups: dict[str, dict[str, BlockGroup]],
) -> None:
    """Write the groups' new member counts: a group is added with its first member, goes with its last."""
    table = schema.work_block_groups
    added, counted, emptied = [], [], []
    for (block, signature), step in sorted(change.items()):
        if not step:
            continue
        if (block, signature) not in count:
            if step < 0:
                continue  # a group already gone: nothing to take from it
            _, surname, title, main_title = groups[block][signature]
            added.append(
                {
                    "block": block,
                    "signature": signature,
                    "surname": surname,
                    "title": title,
                    "main_title": main_title,
                    "members": step,
                }
            )
        elif count[block, signature] + step > 0:
            counted.append({"b": block, "s": signature, "n": count[block, signature] + step})
        else:
            emptied.append((block, signature))
    insert_rows(connection, table, added)
    if counted:
        connection.execute(
            update(table)
            .where(table.c.block == bindparam("b"), table.c.signature == bindparam("s"))
            .values(members=bindparam("n")),
            counted,
        )
    delete_pairs(connection, table.c.block, table.c.signature, emptied)


def _digests(
    connection: Connection,
    keys: set[str],
    stored: dict,
    retracted: set[str],
    cited: dict[str, list[tuple[str, Citation]]],
    resolving: set[str],
) -> dict[str, Digest]:
    """The digest of each node these documents touch: the stored one with the new citations added, or, for
    a node that lost citations, one made again from all its citations."""
    again = {key for key in keys if key in retracted or key not in stored}
    digests: dict[str, Digest] = {}
    everything: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
    for row in rows_with(connection, schema.citations, schema.citations.c.name_key, again & retracted):
        if row.document_id not in resolving:
            everything[row.name_key].append((row.document_id, _citation(row)))
    for key in keys:
        new = [citation_digest(document, citation) for document, citation in cited.get(key, [])]
        if key in again:
            old = [citation_digest(document, citation) for document, citation in everything.get(key, [])]
            digests[key] = combine([*old, *new])
        else:
            digests[key] = combine([stored[key].digest, *new])
    return digests


def _citations_of(connection: Connection, documents: list[str]) -> Iterator[tuple[str, list]]:
    """Each document's stored citations, as (row, Citation) pairs in stored order."""
    c = schema.citations
    for chunk in chunks(documents):
        by_document: dict[str, list] = defaultdict(list)
        for row in connection.execute(
            select(c).where(c.c.document_id.in_(chunk)).order_by(c.c.document_id, c.c.idx)
        ):
            by_document[row.document_id].append((row, _citation(row)))
        yield from sorted(by_document.items())


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


def _work_node(row) -> WorkNode:
    data = row.node
    keys = CitationKeys(
        data["kind"],
        data["surname"],
        data["initial"],
        data["title"],
        tuple(tuple(p) for p in data["hard"]),
        data.get("main_title", ""),  # nodes stored before rules version 2 have none
    )
    return WorkNode(row.key, keys, data["place"], data["year"], data["archive"], data["document"])


def source_row(s: Source) -> dict:
    return {
        "key": s.key,
        "type": s.type,
        "authors": s.authors,
        "title": s.title,
        "title_latin": s.title_latin,
        "place": s.place,
        "year": s.year,
    }
