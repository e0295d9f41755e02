"""One work cited two ways in one document: another year, other initials, another place of publication, the
author's name spelled otherwise. The works graph's own comparison says which citations are one work; the
hard-field guard keeps a work cited with two years or two initials apart as two works, and those near-misses
are what an editor flags."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from vakanuvis.check.evidence import evidence_at
from vakanuvis.lang.folds import fold_for_citation_matching
from vakanuvis.model import Citation, Document, Finding, Span
from vakanuvis.resolve.work_graph import author_parts, similarity, work_node

# below this likeness two places are two cities, not one written two ways ("Baku" / "Bakı" stay one)
PLACE_SIMILARITY = 70
PLACE_LETTERS = 3  # "M.", "M-L": abbreviations are not compared


@dataclass(frozen=True)
class CitedForm:
    """What an editor compares between two citations of one work."""

    citation: Citation
    surname: str  # folded
    initial: str  # folded first initial, "" when the author is cited by surname alone
    year: int | None
    place: str  # folded, "" when absent or abbreviated
    volume: str | None


def _cited_form(citation: Citation) -> CitedForm:
    surname, initial = author_parts(citation.authors[0]) if citation.authors else ("", "")
    place = fold_for_citation_matching(citation.place or "")
    return CitedForm(
        citation,
        surname,
        initial,
        citation.year,
        place if len(place) >= PLACE_LETTERS else "",
        citation.volume,
    )


def _full_citations(document: Document) -> list[Citation]:
    """Citations that name their work (not "a.g.e.", not a surname with a page), of books and articles."""
    return [
        c
        for c in document.citations
        if not c.back_reference and c.type in ("book", "article", "collection") and (c.title or c.container)
    ]


def _one_work(a: Citation, b: Citation) -> bool:
    """Merged into one work, or alike enough for the graph to join them but for a hard field."""
    if a.source_key and a.source_key == b.source_key:
        return True
    if a.volume and b.volume and a.volume != b.volume:
        return False  # two volumes of a set may well have two years
    return similarity(work_node(a), work_node(b)) > 0


def differences(first: CitedForm, other: CitedForm) -> list[str]:
    """What differs between two citations of one work, each as a historian says it."""
    written = []
    if first.year and other.year and first.year != other.year:
        written.append(f"the year {first.year} / {other.year}")
    if first.initial and other.initial and first.initial != other.initial:
        written.append(f"the author's initials “{first.citation.authors[0]}” / “{other.citation.authors[0]}”")
    elif first.surname and other.surname and first.surname != other.surname:
        written.append(f"the author's name “{first.citation.authors[0]}” / “{other.citation.authors[0]}”")
    if first.place and other.place and fuzz.ratio(first.place, other.place) < PLACE_SIMILARITY:
        written.append(f"the place {first.citation.place} / {other.citation.place}")
    return written


def _settles(first: CitedForm, form: CitedForm) -> bool:
    """An earlier citation that gives the same year, initials and place as this one: the two agree, whatever
    a third says ("Karabekir, İstiklâl Harbimiz, s. 801" gives nothing to agree with)."""
    given = [field for field in ("year", "initial", "place") if getattr(form, field)]
    return not differences(first, form) and all(getattr(first, field) for field in given)


def _citation_span(citation: Citation) -> Span:
    return Span(citation.span.start, citation.span.end, citation.footnote)


def find_citation_variants(document: Document) -> list[Finding]:
    """Each citation that gives a work otherwise than its first full citation in the document."""
    forms = [_cited_form(c) for c in _full_citations(document)]
    findings = []
    for index, form in enumerate(forms):
        earlier = [
            first
            for first in forms[:index]
            if first.citation.footnote != form.citation.footnote and _one_work(first.citation, form.citation)
        ]
        differing = [first for first in earlier if differences(first, form)]
        if not differing or any(_settles(first, form) for first in earlier):
            continue  # agrees with every earlier citation, or with one that gives as much
        first = differing[0]
        title = form.citation.title or form.citation.container
        findings.append(
            Finding(
                kind="citation-variant",
                message=f"“{title}” is cited differently in footnote {first.citation.footnote} and footnote "
                f"{form.citation.footnote}: {'; '.join(differences(first, form))}. One of the two citations "
                "is likely wrong.",
                evidence=[
                    evidence_at(document, _citation_span(form.citation)),
                    evidence_at(document, _citation_span(first.citation)),
                ],
                severity="warning",
            )
        )
    return findings
