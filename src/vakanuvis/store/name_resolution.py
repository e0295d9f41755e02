"""The graph of names in the store: one ingest's documents added, the clusters they touch resolved again."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, delete, or_, select, update

from vakanuvis.model import Entity
from vakanuvis.reference.authority import load_authority
from vakanuvis.resolve.name_graph import (
    NameNode,
    build_entity,
    components,
    connected,
    document_links,
    name_node,
    node_from_key,
    spelling_links,
)
from vakanuvis.resolve.names import matcher_for
from vakanuvis.store import schema
from vakanuvis.store.bulk import insert_rows
from vakanuvis.store.rows import (
    chunks,
    follow_nodes,
    replace_records,
    rows_either,
    rows_with,
    write_nodes,
)


def mention_name_keys(document_id: str, mentions: Iterable) -> list[str]:
    """The node in the graph of names of each mention (kept with the mention when it is stored)."""
    matcher = matcher_for(load_authority())
    keys: dict[tuple[str, str], str] = {}  # a name is written many times in one document
    for m in mentions:
        if (m.surface, m.type) not in keys:
            keys[m.surface, m.type] = name_node(m.surface, m.type, document_id, matcher).key
    return [keys[m.surface, m.type] for m in mentions]


def resolve_names(connection: Connection, documents: list[str], trusted: bool) -> set[str]:
    """Update the graph of names for `documents`; returns the entity keys that changed or vanished."""
    matcher = matcher_for(load_authority())
    m, names, links = schema.mentions, schema.entity_names, schema.entity_links
    nodes: dict[str, NameNode] = {}
    contributed: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    renamed: list[tuple[str, int, str]] = []  # mentions whose stored node is missing or stale
    for chunk in chunks(documents):
        for row in connection.execute(
            select(m.c.document_id, m.c.idx, m.c.surface, m.c.type, m.c.name_key).where(
                m.c.document_id.in_(chunk)
            )
        ):
            if trusted and row.name_key and (node := _node(row.name_key, nodes, matcher)) is not None:
                key = node.key
            else:
                node = name_node(row.surface, row.type, row.document_id, matcher)
                key = nodes.setdefault(node.key, node).key
                renamed.append((row.document_id, row.idx, key))
            contributed[row.document_id][(key, row.surface)] += 1
    write_nodes(connection, m, renamed)
    delta: dict[str, Counter[str]] = defaultdict(Counter)
    for document in documents:
        for (key, surface), count in contributed[document].items():
            delta[key][surface] += count
    dn = schema.document_names
    for chunk in chunks(documents):
        for row in connection.execute(select(dn).where(dn.c.document_id.in_(chunk))):
            delta[row.name_key][row.surface] -= row._mapping["count"]
        connection.execute(delete(dn).where(dn.c.document_id.in_(chunk)))
    new_rows = [
        {"document_id": d, "name_key": k, "surface": s, "count": n}
        for d in documents
        for (k, s), n in contributed[d].items()
    ]
    insert_rows(connection, dn, new_rows)

    stored = {row.key: row for row in rows_with(connection, names, names.c.key, delta)}
    surfaces: dict[str, dict[str, int]] = {}
    for key, change in delta.items():
        counts = Counter(stored[key].surfaces) if key in stored else Counter()
        counts.update(change)
        surfaces[key] = {s: n for s, n in counts.items() if n > 0}
    dead = {key for key in delta if key in stored and not surfaces[key]}
    born = {key for key in delta if key not in stored and surfaces[key]}
    clusters = {stored[key].cluster for key in delta if key in stored}

    # links: those of these documents, and those of vanished names, go; new ones are found
    for chunk in chunks(documents):
        connection.execute(delete(links).where(links.c.document_id.in_(chunk)))
    for chunk in chunks(dead):
        connection.execute(delete(links).where(or_(links.c.a.in_(chunk), links.c.b.in_(chunk))))
    new_links: set[tuple[int, str, str, str]] = set()
    for document in documents:
        in_document = {nodes[key] for key, _ in contributed[document]}
        new_links |= {(*link, document) for link in document_links(in_document)}
    # spelling links are looked for from new names, and from the short names of these documents (whose
    # links went with the documents' other links)
    seeking = {nodes[k] for k in born} | {
        nodes[k] for d in documents for k, _ in contributed[d] if nodes[k].document
    }
    # a short name is compared with the full names of its block (and its own document's short names, all
    # among `seeking`); only a new full name is compared with the short names of every document
    blocks = {node.block for node in seeking if node.core}
    blocks |= {f"{node.block}@" for node in seeking if node.core and not node.document}
    known = [
        found
        for row in rows_with(connection, names, names.c.block, blocks, [names.c.key])
        if row.key not in dead and (found := _node(row.key, nodes, matcher)) is not None
    ]
    for kind, a, b in spelling_links(seeking, known):
        # a link with a short name goes with that name's document; one between full names with the corpus
        document = nodes[a].document or nodes[b].document
        new_links.add((kind, a, b, document))
    insert_rows(
        connection, links, [{"kind": k, "a": a, "b": b, "document_id": d} for k, a, b, d in sorted(new_links)]
    )
    ends = {key for _, a, b, _ in new_links for key in (a, b)} - set(delta)
    clusters |= {row.cluster for row in rows_with(connection, names, names.c.key, ends)}

    # the clusters touched are resolved again, whole
    members = {row.key: row for row in rows_with(connection, names, names.c.cluster, clusters)}
    members.update((key, stored[key]) for key in delta if key in stored)
    alive = {key for key in members if key not in dead} | born
    for key in alive:
        if key not in surfaces:
            surfaces[key] = dict(members[key].surfaces)
    graph = {key: found for key in alive if (found := _node(key, nodes, matcher)) is not None}
    edges = [
        (row.kind, row.a, row.b)
        for row in rows_either(
            connection, links, links.c.a, links.c.b, alive, [links.c.kind, links.c.a, links.c.b]
        )
        if row.a in graph and row.b in graph
    ]
    cluster_of = connected(graph, edges)
    entities: list[Entity] = []
    entity_of: dict[str, str] = {}
    for component in components(graph, edges):
        entity = build_entity(component, surfaces)
        entities.append(entity)
        entity_of.update((node.key, entity.key) for node in component)

    old_keys = {row.entity_key for row in members.values()}
    for chunk in chunks(dead):
        connection.execute(delete(names).where(names.c.key.in_(chunk)))
    fresh = [
        {
            "key": key,
            "block": _stored_block(graph[key]),
            "surfaces": surfaces[key],
            "cluster": cluster_of[key],
            "entity_key": entity_of[key],
        }
        for key in sorted(born)
        if key in graph
    ]
    insert_rows(connection, names, fresh)
    changed = [
        {"k": key, "s": surfaces[key], "c": cluster_of[key], "e": entity_of[key]}
        for key in sorted(graph)
        if key not in born
        and (
            key in delta
            or members[key].cluster != cluster_of[key]
            or members[key].entity_key != entity_of[key]
        )
    ]
    if changed:
        connection.execute(
            update(names)
            .where(names.c.key == bindparam("k"))
            .values(surfaces=bindparam("s"), cluster=bindparam("c"), entity_key=bindparam("e")),
            changed,
        )
    replace_records(connection, schema.entities, old_keys, [entity_row(e) for e in entities])
    # mentions follow their names: everywhere for a name whose entity changed, else in these documents
    moved = {
        key: entity_of[key] for key in graph if key in members and members[key].entity_key != entity_of[key]
    }
    follow_nodes(connection, m, "entity_key", names.c.entity_key, moved, documents)
    return old_keys | set(entity_of.values())


def _stored_block(node: NameNode) -> str:
    """The block a name is found by: short names apart ("…@"), as only new full names look for them."""
    return f"{node.block}@" if node.document else node.block


def _node(key: str, nodes: dict[str, NameNode], matcher) -> NameNode | None:
    if key not in nodes:
        node = node_from_key(key, matcher)
        if node is None:
            return None
        nodes[key] = node
    return nodes[key]


def entity_row(e: Entity) -> dict:
    return {
        "key": e.key,
        "type": e.type,
        "name": e.name,
        "aliases": e.aliases,
        "wikidata": e.wikidata,
        "lat": e.lat,
        "lon": e.lon,
        "start": e.start,
        "end": e.end,
    }
