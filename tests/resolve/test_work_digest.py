"""A work built from its nodes' digests equals the work built from all its citations."""

from __future__ import annotations

from pathlib import Path

from vakanuvis.ingest import read_file
from vakanuvis.pipeline import analyse
from vakanuvis.resolve.sources import build_source, merge_sources
from vakanuvis.resolve.work_digest import citation_digest, combine, source_from_digests
from vakanuvis.resolve.work_graph import document_work_nodes

REPO = Path(__file__).resolve().parents[2]
ARTICLES = [
    REPO.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt",
    REPO / "src" / "vakanuvis" / "samples" / "lozan-musul-ornek.txt",
]


def test_works_from_digests_equal_works_from_citations():
    documents = [analyse(read_file(path)) for path in ARTICLES]
    pairs = [(d.id, c) for d in documents for c in d.citations]
    node_of = {
        id(citation): node
        for d in documents
        for citation, node in zip(d.citations, document_work_nodes(d.id, d.citations), strict=True)
    }
    works = merge_sources(pairs)
    assert len(works) > 20
    compared = 0
    for work in works:
        members = [(d, c) for d, c in pairs if c.source_key == work.key]
        expected = build_source(members)
        by_node: dict[str, list] = {}
        for document, citation in members:
            by_node.setdefault(node_of[id(citation)].key, []).append((document, citation))
        nodes = {node_of[id(c)].key: node_of[id(c)] for _, c in members}
        # a node's digest made in two halves and combined, as an ingest adds documents to it
        digests = [
            (
                nodes[key],
                combine(
                    [
                        combine(citation_digest(d, c) for d, c in cited[:1]),
                        *(citation_digest(d, c) for d, c in cited[1:]),
                    ]
                ),
            )
            for key, cited in by_node.items()
        ]
        built, first = source_from_digests(digests)
        assert (
            built.key,
            built.type,
            built.authors,
            built.title,
            built.title_latin,
            built.place,
            built.year,
        ) == (
            expected.key,
            expected.type,
            expected.authors,
            expected.title,
            expected.title_latin,
            expected.place,
            expected.year,
        )
        assert first == (expected.citations[0].raw, expected.citations[0].footnote)
        compared += 1
    assert compared == len(works)
