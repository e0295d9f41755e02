"""Citations: each footnote split into references and commentary, each reference parsed into fields.

Types: "book"; "article" (a piece inside a collection or journal: `container` names it, so
"А.Н.Хейфец. Влияние ... Сборник «Великий Октябрь ...»" is an article whose container is the
collection); "collection" (a collection cited as a whole, e.g. "Документы внешней политики
СССР"); "archive"; "newspaper" (`title` and `container` both name the paper, `issue_date` is ISO
Gregorian, Rumi dates of 1874-1925 converted).
Volumes are arabic digits ("т. III" -> "3"). Back-references ("a.g.e.", "там же", "ibid.") are
marked `back_reference=True` and carry only what is written; `resolve.sources.merge_sources`
points them at the work they refer to.
"""

from __future__ import annotations

from vakanuvis.annotate.citations.fields import parse_reference
from vakanuvis.annotate.citations.repair import repair_run_together
from vakanuvis.annotate.citations.segment import reference_spans
from vakanuvis.model import Citation, Document

__all__ = ["parse_citations", "parse_footnote", "repair_run_together"]


def parse_footnote(number: int, text: str) -> list[Citation]:
    """The references cited in footnote `number`, in order; commentary yields none."""
    citations: list[Citation] = []
    carried: dict[str, str] = {}
    previous_authors: list[str] = []
    for span in reference_spans(text):
        citation = parse_reference(
            text, span.start, span.stop, number, carried, span.in_prose, previous_authors
        )
        carried = citation.archive if citation.type == "archive" else {}
        previous_authors = citation.authors
        citations.append(citation)
    return citations


def parse_citations(document: Document) -> list[Citation]:
    """Every citation of every footnote of `document`."""
    citations: list[Citation] = []
    for note in document.footnotes:
        citations.extend(parse_footnote(note.number, note.text))
    return citations
