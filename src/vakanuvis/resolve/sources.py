"""Merge citations into distinct works: one `Source` per work however its citations were spelled.

Comparison keys are Latin (ALA-LC), without diacritics, casefolded, letters and digits only, built
from the OCR-repaired title. Citations are compared only within blocks (first author's surname
prefix and the title's first letter; title prefix; place and year; archive fond and file; newspaper issue),
never all against all (see work_graph).

Two citations are one work when their authors agree (surnames alike at >= 80, first initials
equal when both are written) and their titles are alike (>= 85, or one title contained in the
other at >= 85 when place and year agree too). Guards keep apart what must stay apart, also
through chains of merges: different volumes, different years (1955 and 1965 printings are
different editions, so different works), different archive files (fond, list, file, box, item or
call number differ), different newspaper issues. Archive citations of one file with different
folios are one work; folios are locators.

Back-references ("a.g.e.", "ibid.", "там же") point to the last earlier citation of the same
document, or, when they name an author, to the last earlier citation of that author; order
within a document is footnote number, then position in the footnote.

A source's key is "src-" and a hash of its content (kind, first author's surname, title,
volume, year, archive file or newspaper issue), taken from the values most of its citations
share, so it does not depend on the order of the input.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from vakanuvis.lang.folds import fold_for_citation_matching
from vakanuvis.lang.latin import to_latin
from vakanuvis.model import Citation, Source
from vakanuvis.resolve.incremental import resolve_documents
from vakanuvis.resolve.memory_graph import MemoryWorkStore
from vakanuvis.resolve.work_graph import CitationKeys, citation_keys
from vakanuvis.resolve.work_record import commonest, filled_fields, most_written_authors
from vakanuvis.resolve.work_resolution import WorkGraph


@dataclass
class _Item:
    document: str
    citation: Citation
    keys: CitationKeys


def _order_key(item: _Item) -> tuple[str, int, int]:
    return item.document, item.citation.footnote, item.citation.span.start


def representative(citations: list[Citation]) -> Citation:
    """The citation that best describes a work: a full reference before a back-reference ("a.g.e.",
    "ibid."), then the commonest repaired title (no title counts for none), then the most fields filled."""
    titles = Counter(fold_for_citation_matching(c.title_repaired or c.title or "") for c in citations)
    titles[""] = 0  # many back-references without a title are not a title the work is known by

    def score(citation: Citation) -> tuple[bool, int, int, str]:
        return (
            not citation.back_reference,
            titles[fold_for_citation_matching(citation.title_repaired or citation.title or "")],
            filled_fields(citation),
            citation.raw,
        )

    return max(citations, key=score)


def _majority(values: Iterable[str | int | None]) -> str | int | None:
    return commonest(Counter(v for v in values if v not in (None, "")))


def _majority_authors(members: list[_Item], best: Citation) -> list[str]:
    return most_written_authors(
        Counter(tuple(m.citation.authors) for m in members if m.citation.authors), best
    )


def build_source(pairs: list[tuple[str, Citation]]) -> Source:
    """One work from all its citations, `(document id, citation)`; its key is a hash of its content."""
    members = sorted(
        (_Item(document, citation, citation_keys(citation)) for document, citation in pairs), key=_order_key
    )
    citations = [m.citation for m in members]
    best = representative(citations)
    own = [m for m in members if not m.citation.back_reference]
    if not own:
        # a back-reference that points nowhere: only its own place identifies it
        own = members
        content_extra = {"at": f"{members[0].document}:{citations[0].footnote}:{citations[0].raw}"}
    else:
        content_extra = {}
    content: dict[str, str | int | None] = {
        **content_extra,
        "kind": own[0].keys.kind,
        "surname": _majority(m.keys.surname for m in own),
        "title": _majority(m.keys.title for m in own),
    }
    for key in sorted({k for m in own for k, _ in m.keys.hard}):
        content[key] = _majority(dict(m.keys.hard).get(key) for m in own)
    key = "src-" + hashlib.sha1(repr(sorted(content.items())).encode("utf-8")).hexdigest()[:10]
    title = best.title_repaired or best.title or best.container
    year = _majority(c.year for c in citations)
    place = _majority(c.place for c in citations)
    return Source(
        key=key,
        type=best.type,
        authors=_majority_authors(own, best),
        title=title,
        title_latin=to_latin(title) if title else None,
        place=str(place) if place is not None else None,
        year=int(year) if year is not None else None,
        citations=citations,
    )


def merge_sources(citations: list[tuple[str, Citation]]) -> list[Source]:
    """Distinct works of `(document id, citation)` pairs; sets `source_key` on every citation."""
    by_document: dict[str, list[Citation]] = {}
    for document, citation in citations:
        by_document.setdefault(document, []).append(citation)
    store = MemoryWorkStore()
    documents = sorted(by_document)
    for document in documents:
        store.keep_rows(document, by_document[document])
    resolve_documents(WorkGraph(store), documents, trusted=False)
    # each work's citations, in the order `build_source` gives them: by node, then by place in the documents
    of_node: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
    for document in documents:
        for index, citation in enumerate(by_document[document]):
            of_node[store.row_nodes[document][index]].append((document, citation))
    of_source: dict[str, list[tuple[str, Citation]]] = defaultdict(list)
    for key in sorted(of_node):
        of_source[store.nodes[key].record] += of_node[key]
    sources = sorted(store.records.values(), key=lambda s: s.key)
    for source in sources:
        pairs = sorted(
            of_source[source.key], key=lambda pair: (pair[0], pair[1].footnote, pair[1].span.start)
        )
        source.citations = [citation for _, citation in pairs]
    return sources
