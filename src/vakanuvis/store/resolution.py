"""Resolution in the store, incremental: each ingest resolves only what its documents touch.

The graphs of names and works (resolve.name_graph, resolve.work_graph) are kept in tables. When documents
are stored they wait in `pending_resolution`; resolving them takes back what an earlier version of each
document contributed, adds what it contributes now, links its new nodes (inside the document, and within
blocks across the corpus), and re-resolves only the clusters (connected parts of a graph) that changed.
The result is the same as resolving the whole corpus at once, whatever order documents arrived in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import Connection, Engine, bindparam, delete, insert, or_, select, update

from vakanuvis.model import Citation, Entity, Source, Span
from vakanuvis.resolve.authority import load_authority
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
from vakanuvis.resolve.sources import build_source, number_repeated_keys
from vakanuvis.resolve.work_graph import (
    CitationKeys,
    WorkNode,
    block_candidates,
    document_work_nodes,
    link_new_nodes,
    node_blocks,
    work_components,
)
from vakanuvis.store import schema
from vakanuvis.store.edits import reapply_entity_edits
from vakanuvis.store.locks import lock_corpus
from vakanuvis.store.search import reindex_records

CHUNK = 500  # keys per IN (...) list


RULES_VERSION = "1"  # raise when the resolution rules change: stored graphs are then resolved again
GRAPH_TABLES = (
    schema.entity_names,
    schema.entity_links,
    schema.document_names,
    schema.work_names,
    schema.work_blocks,
    schema.work_links,
    schema.document_works,
)


def resolve_corpus(engine: Engine) -> None:
    """Resolve every document again from nothing."""
    with engine.begin() as connection:
        lock_corpus(connection)
        _start_again(connection)
    resolve_pending(engine)


def resolve_pending(engine: Engine) -> None:
    """Resolve the documents stored since the last resolution, and whatever in the corpus they touch; every
    document again when the rules or the authority file changed since the graphs were made."""
    with engine.begin() as connection:
        lock_corpus(connection)  # concurrent ingests resolve one after the other, each seeing all rows
        stored = _stored_fingerprint(connection)
        if stored != _fingerprint():
            _start_again(connection)
        # nodes written when documents were stored are right unless the rules or the authority changed
        # since (a mention stored before the graphs existed has none, and gets one here)
        trusted = stored is None or stored == _fingerprint()
        pending = sorted(connection.execute(select(schema.pending_resolution.c.document_id)).scalars())
        if not pending:
            return
        entity_keys = _resolve_names(connection, pending, trusted)
        source_keys = _resolve_works(connection, pending, trusted)
        entity_keys |= reapply_entity_edits(connection, entity_keys)
        reindex_records(connection, "entity", entity_keys)
        reindex_records(connection, "source", source_keys)
        for chunk in _chunks(pending):
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


def mention_name_keys(document_id: str, mentions: Iterable) -> list[str]:
    """The node in the graph of names of each mention (kept with the mention when it is stored)."""
    matcher = matcher_for(load_authority())
    return [name_node(m.surface, m.type, document_id, matcher).key for m in mentions]


def citation_name_keys(document_id: str, citations: list[Citation]) -> list[str]:
    """The node in the graph of works of each citation (kept with the citation when it is stored)."""
    return [node.key for node in document_work_nodes(document_id, citations)]


# ---------------------------------------------------------------- entities


def _resolve_names(connection: Connection, documents: list[str], trusted: bool) -> set[str]:
    """Update the graph of names for `documents`; returns the entity keys that changed or vanished."""
    matcher = matcher_for(load_authority())
    m, names, links = schema.mentions, schema.entity_names, schema.entity_links
    nodes: dict[str, NameNode] = {}
    contributed: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    renamed: list[tuple[str, int, str]] = []  # mentions whose stored node is missing or stale
    for chunk in _chunks(documents):
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
    if renamed:
        connection.execute(
            update(m)
            .where(m.c.document_id == bindparam("d"), m.c.idx == bindparam("i"))
            .values(name_key=bindparam("n")),
            [{"d": d, "i": i, "n": key} for d, i, key in renamed],
        )
    delta: dict[str, Counter[str]] = defaultdict(Counter)
    for document in documents:
        for (key, surface), count in contributed[document].items():
            delta[key][surface] += count
    dn = schema.document_names
    for chunk in _chunks(documents):
        for row in connection.execute(select(dn).where(dn.c.document_id.in_(chunk))):
            delta[row.name_key][row.surface] -= row._mapping["count"]
        connection.execute(delete(dn).where(dn.c.document_id.in_(chunk)))
    new_rows = [
        {"document_id": d, "name_key": k, "surface": s, "count": n}
        for d in documents
        for (k, s), n in contributed[d].items()
    ]
    if new_rows:
        connection.execute(insert(dn), new_rows)

    stored = {row.key: row for row in _rows_with(connection, names, names.c.key, delta)}
    surfaces: dict[str, dict[str, int]] = {}
    for key, change in delta.items():
        counts = Counter(stored[key].surfaces) if key in stored else Counter()
        counts.update(change)
        surfaces[key] = {s: n for s, n in counts.items() if n > 0}
    dead = {key for key in delta if key in stored and not surfaces[key]}
    born = {key for key in delta if key not in stored and surfaces[key]}
    clusters = {stored[key].cluster for key in delta if key in stored}

    # links: those of these documents, and those of vanished names, go; new ones are found
    for chunk in _chunks(documents):
        connection.execute(delete(links).where(links.c.document_id.in_(chunk)))
    for chunk in _chunks(dead):
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
        for row in _rows_with(connection, names, names.c.block, blocks, [names.c.key])
        if row.key not in dead and (found := _node(row.key, nodes, matcher)) is not None
    ]
    for kind, a, b in spelling_links(seeking, known):
        # a link with a short name goes with that name's document; one between full names with the corpus
        document = nodes[a].document or nodes[b].document
        new_links.add((kind, a, b, document))
    if new_links:
        connection.execute(
            insert(links), [{"kind": k, "a": a, "b": b, "document_id": d} for k, a, b, d in sorted(new_links)]
        )
    ends = {key for _, a, b, _ in new_links for key in (a, b)} - set(delta)
    clusters |= {row.cluster for row in _rows_with(connection, names, names.c.key, ends)}

    # the clusters touched are resolved again, whole
    members = {row.key: row for row in _rows_with(connection, names, names.c.cluster, clusters)}
    members.update((key, stored[key]) for key in delta if key in stored)
    alive = {key for key in members if key not in dead} | born
    for key in alive:
        if key not in surfaces:
            surfaces[key] = dict(members[key].surfaces)
    graph = {key: found for key in alive if (found := _node(key, nodes, matcher)) is not None}
    edges = [
        (row.kind, row.a, row.b)
        for row in _rows_either(
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
    for chunk in _chunks(dead):
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
    if fresh:
        connection.execute(insert(names), fresh)
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
    _replace_records(connection, schema.entities, old_keys, [_entity_row(e) for e in entities])
    # mentions follow their names: everywhere for a name whose entity changed, else in these documents
    moved = [
        {"n": key, "e": entity_of[key]}
        for key in sorted(graph)
        if key in members and members[key].entity_key != entity_of[key]
    ]
    if moved:
        connection.execute(
            update(m).where(m.c.name_key == bindparam("n")).values(entity_key=bindparam("e")), moved
        )
    # the mentions of these documents take the entity of their name, in one statement
    for chunk in _chunks(documents):
        connection.execute(
            update(m)
            .where(m.c.document_id.in_(chunk))
            .values(
                entity_key=select(names.c.entity_key).where(names.c.key == m.c.name_key).scalar_subquery()
            )
        )
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


def _entity_row(e: Entity) -> dict:
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


# ---------------------------------------------------------------- works


def _resolve_works(connection: Connection, documents: list[str], trusted: bool) -> set[str]:
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
    if renamed:
        connection.execute(
            update(c)
            .where(c.c.document_id == bindparam("d"), c.c.idx == bindparam("i"))
            .values(name_key=bindparam("n")),
            [{"d": d, "i": i, "n": key} for d, i, key in renamed],
        )
    delta: Counter[str] = Counter()
    for document in documents:
        delta.update(contributed[document])
    dw = schema.document_works
    for chunk in _chunks(documents):
        for row in connection.execute(select(dw).where(dw.c.document_id.in_(chunk))):
            delta[row.name_key] -= row._mapping["count"]
        connection.execute(delete(dw).where(dw.c.document_id.in_(chunk)))
    new_rows = [
        {"document_id": d, "name_key": k, "count": n} for d in documents for k, n in contributed[d].items()
    ]
    if new_rows:
        connection.execute(insert(dw), new_rows)
    touched = set(delta) | {k for d in documents for k in contributed[d]}
    stored = {row.key: row for row in _rows_with(connection, names, names.c.key, touched)}
    count = {key: (stored[key].citations if key in stored else 0) + delta[key] for key in touched}
    dead = {key for key in touched if key in stored and count[key] <= 0}
    born = {key for key in touched if key not in stored and count[key] > 0}
    clusters = {stored[key].cluster for key in touched if key in stored}

    for chunk in _chunks(dead):
        connection.execute(delete(links).where(or_(links.c.a.in_(chunk), links.c.b.in_(chunk))))
        connection.execute(delete(blocks_table).where(blocks_table.c.key.in_(chunk)))
    seeking = [nodes[key] for key in sorted(born)]
    wanted = {block for node in seeking for block in node_blocks(node)}
    in_block: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in _rows_with(connection, blocks_table, blocks_table.c.block, wanted):
        if row.key not in dead:
            in_block[row.block].append((row.key, row.title))
    for node in seeking:
        for block in node_blocks(node):
            in_block[block].append((node.key, node.keys.title))
    # only the nodes that pass a block's title filter are read whole
    candidates = block_candidates(seeking, in_block)
    wanted_nodes = {key for keys in candidates.values() for key in keys} - set(nodes)
    for row in _rows_with(connection, names, names.c.key, wanted_nodes):
        nodes[row.key] = _work_node(row)
    new_links = link_new_nodes(seeking, candidates, nodes)
    if new_links:
        connection.execute(insert(links), [{"a": a, "b": b, "score": s} for s, a, b in sorted(new_links)])
    block_rows = [
        {"block": block, "key": node.key, "title": node.keys.title}
        for node in seeking
        for block in dict.fromkeys(node_blocks(node))
    ]
    if block_rows:
        connection.execute(insert(blocks_table), block_rows)
    ends = {key for _, a, b in new_links for key in (a, b)} - touched
    clusters |= {row.cluster for row in _rows_with(connection, names, names.c.key, ends)}

    members = {row.key: row for row in _rows_with(connection, names, names.c.cluster, clusters)}
    members.update((key, stored[key]) for key in touched if key in stored)
    alive = {key for key in members if key not in dead} | born
    graph: dict[str, WorkNode] = {}
    for key in alive:
        graph[key] = nodes[key] if key in nodes else _work_node(members[key])
    for key in alive - set(count):
        count[key] = members[key].citations
    edges = [
        (row.score, row.a, row.b)
        for row in _rows_either(
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
    resolving = set(documents)
    for row in _rows_with(connection, c, c.c.name_key, {n.key for nodes_ in rebuilt for n in nodes_}):
        if row.document_id not in resolving:
            cited[row.name_key].append((row.document_id, _citation(row)))
    sources: list[Source] = []
    held: list[list[str]] = []  # the node keys of each source
    for component in rebuilt:
        pairs = [pair for node in component for pair in cited[node.key]]
        if pairs:
            sources.append(build_source(pairs))
            held.append([node.key for node in component])
    old_keys = {row.source_key for row in members.values()} - set(unchanged.values())
    taken = {
        row.key
        for row in _rows_with(
            connection,
            schema.sources,
            schema.sources.c.key,
            {s.key for s in sources} - old_keys,
            [schema.sources.c.key],
        )
    }
    number_repeated_keys(sources, taken)
    source_of = {key: source.key for source, keys in zip(sources, held, strict=True) for key in keys}
    source_of.update(unchanged)
    for chunk in _chunks(dead):
        connection.execute(delete(names).where(names.c.key.in_(chunk)))
    fresh = [
        {
            "key": key,
            "node": _work_node_data(graph[key]),
            "citations": count[key],
            "cluster": cluster_of[key],
            "source_key": source_of.get(key, ""),
        }
        for key in sorted(born)
    ]
    if fresh:
        connection.execute(insert(names), fresh)
    changed = [
        {"k": key, "n": count[key], "c": cluster_of[key], "s": source_of.get(key, "")}
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
            .values(citations=bindparam("n"), cluster=bindparam("c"), source_key=bindparam("s")),
            changed,
        )
    _replace_records(connection, schema.sources, old_keys, [_source_row(s) for s in sources])
    moved = [
        {"n": key, "s": source_of[key]}
        for key in sorted(graph)
        if key in source_of and (key not in members or members[key].source_key != source_of[key])
    ]
    if moved:
        connection.execute(
            update(c).where(c.c.name_key == bindparam("n")).values(source_key=bindparam("s")), moved
        )
    for chunk in _chunks(documents):
        connection.execute(
            update(c)
            .where(c.c.document_id.in_(chunk))
            .values(
                source_key=select(names.c.source_key).where(names.c.key == c.c.name_key).scalar_subquery()
            )
        )
    return old_keys | {source.key for source in sources}


def _citations_of(connection: Connection, documents: list[str]) -> Iterator[tuple[str, list]]:
    """Each document's stored citations, as (row, Citation) pairs in stored order."""
    c = schema.citations
    for chunk in _chunks(documents):
        by_document: dict[str, list] = defaultdict(list)
        for row in connection.execute(
            select(c).where(c.c.document_id.in_(chunk)).order_by(c.c.document_id, c.c.idx)
        ):
            by_document[row.document_id].append((row, _citation(row)))
        yield from sorted(by_document.items())


def _citation(row) -> Citation:
    return Citation(
        footnote=row.footnote, span=Span(row.start, row.end, row.footnote), raw=row.raw, **row.fields
    )


def _work_node_data(node: WorkNode) -> dict:
    keys = node.keys
    return {
        "kind": keys.kind,
        "surname": keys.surname,
        "initial": keys.initial,
        "title": keys.title,
        "hard": [list(pair) for pair in keys.hard],
        "place": node.place,
        "year": node.year,
        "archive": node.archive,
        "document": node.document,
    }


def _work_node(row) -> WorkNode:
    data = row.node
    keys = CitationKeys(
        data["kind"], data["surname"], data["initial"], data["title"], tuple(tuple(p) for p in data["hard"])
    )
    return WorkNode(row.key, keys, data["place"], data["year"], data["archive"], data["document"])


def _source_row(s: Source) -> dict:
    return {
        "key": s.key,
        "type": s.type,
        "authors": s.authors,
        "title": s.title,
        "title_latin": s.title_latin,
        "place": s.place,
        "year": s.year,
    }


# ---------------------------------------------------------------- table helpers


def _replace_records(connection: Connection, table, old_keys: Iterable[str], rows: list[dict]) -> None:
    """Replace the records of `old_keys` and of the new rows' keys by the new rows."""
    for chunk in _chunks({*old_keys, *(row["key"] for row in rows)}):
        connection.execute(delete(table).where(table.c.key.in_(chunk)))
    if rows:
        connection.execute(insert(table), rows)


def _chunks(keys: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(keys))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def _rows_with(connection: Connection, table, column, keys: Iterable[str], columns: Sequence | None = None):
    """The rows whose `column` is one of `keys`."""
    for chunk in _chunks(keys):
        yield from connection.execute(select(*(columns or [table])).where(column.in_(chunk)))


def _rows_either(connection: Connection, table, first, second, keys: Iterable[str], columns: Sequence):
    """The rows whose `first` or `second` column is one of `keys`, each once."""
    seen = set()
    for chunk in _chunks(keys):
        for row in connection.execute(select(*columns).where(or_(first.in_(chunk), second.in_(chunk)))):
            if tuple(row) not in seen:
                seen.add(tuple(row))
                yield row


# the table of entities and of works as a whole, for the load bench's generated corpora
def replace_entities(connection: Connection, entities: list[Entity]) -> None:
    connection.execute(delete(schema.entities))
    if entities:
        connection.execute(insert(schema.entities), [_entity_row(e) for e in entities])


def replace_sources(connection: Connection, sources: list[Source]) -> None:
    connection.execute(delete(schema.sources))
    if sources:
        connection.execute(insert(schema.sources), [_source_row(s) for s in sources])
