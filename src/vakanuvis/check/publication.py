"""A cited work published after the document that cites it, when the document's own date is known."""

from __future__ import annotations

import re

from vakanuvis.check.evidence import evidence_at
from vakanuvis.lang import all_language_data
from vakanuvis.model import Document, Finding, Span

YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
FRONT_MATTER = 3000  # characters at the start of the text where journals print their dates
CUE_REACH = 30  # how far after a cue its date may stand


def _cue_pattern() -> re.Pattern[str] | None:
    cues = [cue for data in all_language_data("publication").values() for cue in data.get("date_cues", [])]
    if not cues:
        return None
    words = "|".join(re.escape(cue) for cue in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?:{words})", re.IGNORECASE)


def document_date_evidence(document: Document) -> tuple[int, Span] | None:
    """The latest year given after a received/accepted/published cue in the front matter, with its span."""
    pattern = _cue_pattern()
    if pattern is None:
        return None
    best: tuple[int, Span] | None = None
    for cue in pattern.finditer(document.text, 0, min(len(document.text), FRONT_MATTER)):
        after = document.text[cue.end() : cue.end() + CUE_REACH]
        year = YEAR.search(after)
        if year and not pattern.search(after[: year.start()]):  # the year belongs to this cue, not the next
            span = Span(cue.start(), cue.end() + year.end())
            if best is None or int(year.group()) > best[0]:
                best = (int(year.group()), span)
    return best


def find_citations_after_publication(document: Document) -> list[Finding]:
    dated = document_date_evidence(document)
    if dated is None:
        return []
    year, cue = dated
    return [
        Finding(
            kind="cited-after-publication",
            severity="error",
            message=f"Footnote {citation.footnote} cites a work of {citation.year}, "
            f"but the document itself is dated {year}.",
            evidence=[evidence_at(document, citation.span), evidence_at(document, cue)],
        )
        for citation in document.citations
        if citation.year and citation.year > year
    ]
