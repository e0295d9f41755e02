"""The engine of incremental resolution, in memory: documents resolved in batches, in any order, some of
them replaced on the way, give what resolving them all at once gives; and all at once is what the graphs
define (the components of every link, each made a record)."""

from __future__ import annotations

import copy
import random
from collections import Counter, defaultdict
from pathlib import Path

import pytest

from vakanuvis.ingest import read_file
from vakanuvis.model import Document
from vakanuvis.pipeline import analyse
from vakanuvis.reference.authority import load_authority
from vakanuvis.resolve.entities import resolve_entities
from vakanuvis.resolve.incremental import resolve_documents
from vakanuvis.resolve.memory_graph import MemoryNameStore, MemoryWorkStore
from vakanuvis.resolve.name_graph import (
    build_entity,
    components,
    context_links,
    document_links,
    name_node,
    spelling_links,
    written_ranks,
)
from vakanuvis.resolve.name_resolution import NameGraph
from vakanuvis.resolve.names import matcher_for
from vakanuvis.resolve.sources import merge_sources
from vakanuvis.resolve.work_graph import document_work_nodes, work_components, work_links
from vakanuvis.resolve.work_resolution import WorkGraph

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def documents(tmp_path_factory, scale_corpus) -> list[Document]:
    """Generated articles that share people, places and works, the sample article and the demo article."""
    folder = tmp_path_factory.mktemp("articles")
    text_articles = [i for i in range(10) if scale_corpus.article_format(i, 1920)[0] != "pdf"]
    paths = [scale_corpus.write_article(folder, index) for index in text_articles[:4]]
    paths += [
        REPO.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt",
        REPO / "src" / "vakanuvis" / "samples" / "lozan-musul-ornek.txt",
    ]
    return [analyse(read_file(path)) for path in paths]


def resolved(batches: list[list[Document]]) -> dict:
    """Each batch's documents kept (a document again: its new version) and resolved, in that order; then
    everything the graphs hold, in a comparable form."""
    matcher = matcher_for(load_authority())
    names, works = MemoryNameStore(), MemoryWorkStore()
    for batch in batches:
        batch = copy.deepcopy(batch)  # rows as stored: resolving them earlier left nothing on them
        for document in batch:
            names.keep_rows(document.id, document.mentions)
            works.keep_rows(document.id, document.citations)
        ids = sorted(document.id for document in batch)
        resolve_documents(NameGraph(names, matcher), ids, trusted=True)
        resolve_documents(WorkGraph(works), ids, trusted=True)
    # a person known by a short name in several documents is keyed by the document resolved first, which
    # the order decides (a stored key never changes): such a key is compared as the documents it spans
    documents_of: dict[str, set[str]] = defaultdict(set)
    for document, rows in names.rows.items():
        for mention in rows:
            documents_of[mention.entity_key].add(document)

    def key(entity_key: str) -> str:
        if "@" not in entity_key or len(documents_of[entity_key]) < 2:
            return entity_key
        return entity_key.split("@")[0] + "@" + "+".join(sorted(documents_of[entity_key]))

    for entity in names.records.values():
        entity.key = key(entity.key)
    return {
        "entities": sorted(repr(entity) for entity in names.records.values()),
        "sources": sorted(repr(source) for source in works.records.values()),
        "mentions": {d: [key(m.entity_key) for m in rows] for d, rows in names.rows.items()},
        "citations": {d: [c.source_key for c in rows] for d, rows in works.rows.items()},
        "name nodes": sorted((n.key, n.payload, n.cluster, key(n.record)) for n in names.nodes.values()),
        "name links": sorted({link for links in names.links.values() for link in links}),
        "work nodes": sorted((n.key, n.payload, n.cluster, n.record) for n in works.nodes.values()),
        "work links": sorted({link for links in works.links.values() for link in links}),
        "work block groups": sorted(
            (b, s, g) for b, groups in works.groups.items() for s, g in groups.items()
        ),
        "work blocks": sorted(
            (pair, sorted(members.items())) for pair, members in works.group_members_of.items()
        ),
    }


def test_in_batches_in_any_order_with_documents_replaced_equals_all_at_once(documents):
    expected = resolved([copy.deepcopy(documents)])
    assert len(expected["entities"]) > 100 and len(expected["sources"]) > 20
    for seed in (1, 2):
        order = copy.deepcopy(documents)
        random.Random(seed).shuffle(order)
        batches = [order[start : start + 2] for start in range(0, len(order), 2)]
        # a document first stored with half its mentions and a third of its citations, then whole again
        shorter = copy.deepcopy(order[0])
        shorter.mentions, shorter.citations = shorter.mentions[::2], shorter.citations[::3]
        batches.insert(1, [shorter])
        batches.append([order[0]])
        assert resolved(batches) == expected


def test_all_at_once_is_the_components_of_every_link(documents):
    """The engine, given every document at once, gives what the graphs define: every node of every mention
    (citation), every link among them, one record per component."""
    documents = copy.deepcopy(documents)
    matcher = matcher_for(load_authority())
    nodes, surfaces, links, node_of = {}, defaultdict(Counter), set(), {}
    surfaces_in: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    for document in documents:
        in_document = {}
        for index, mention in enumerate(document.mentions):
            node = name_node(mention.surface, mention.type, document.id, matcher)
            in_document[node.key] = nodes[node.key] = node
            surfaces[node.key][mention.surface] += 1
            surfaces_in[document.id][node.key][mention.surface] += 1
            node_of[document.id, index] = node.key
        ranks = {key: written_ranks(surfaces_in[document.id][key]) for key in in_document}
        links |= document_links(in_document.values(), ranks)
    links |= spelling_links(nodes.values())
    links |= {
        link[:3] for link in context_links(nodes.values(), (), lambda ids: {d: surfaces_in[d] for d in ids})
    }
    entities, entity_of = [], {}
    for component in components(nodes, links):
        entities.append(build_entity(component, surfaces))
        entity_of.update((node.key, entities[-1]) for node in component)
    mentions = {document.id: document.mentions for document in documents}
    assert resolve_entities(mentions) == sorted(entities, key=lambda e: (-e.mentions, e.key))
    for document, rows in mentions.items():
        for index, mention in enumerate(rows):
            entity = entity_of[node_of[document, index]]
            assert (mention.entity_key, mention.type) == (entity.key, entity.type)

    # works: the citations of each component of every link are one work (its record from its nodes'
    # digests equals the one from its citations: test_work_digest)
    cited, works = {}, {}
    for document in documents:
        for citation, node in zip(
            document.citations, document_work_nodes(document.id, document.citations), strict=True
        ):
            works[node.key] = node
            cited.setdefault(node.key, []).append((document.id, citation))
    expected = [
        sorted(id(citation) for node in component for _, citation in cited[node.key])
        for component in work_components(works, work_links(works.values()))
    ]
    merged = merge_sources(
        [(document.id, citation) for document in documents for citation in document.citations]
    )
    assert sorted(sorted(id(citation) for citation in source.citations) for source in merged) == sorted(
        expected
    )
    assert len({source.key for source in merged}) == len(merged)
    assert all(citation.source_key == source.key for source in merged for citation in source.citations)
