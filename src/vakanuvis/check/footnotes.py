"""Footnote apparatus: repeated footnotes, markers without footnotes, footnotes without markers, order."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from vakanuvis.check.evidence import footnote_evidence, sentence_evidence
from vakanuvis.model import Document, Finding

NEAR_IDENTICAL = 95.0


def _comparable(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def find_repeated_footnotes(document: Document) -> list[Finding]:
    """Footnotes identical, or identical but for spacing and typos, to an earlier one (same numbers cited)."""
    findings = []
    notes = document.footnotes
    comparable = [_comparable(note.text) for note in notes]  # once per note, not once per pair
    digits = [_digits(note.text) for note in notes]
    for later_index, later in enumerate(notes):
        for earlier_index, earlier in enumerate(notes[:later_index]):
            a, b = comparable[earlier_index], comparable[later_index]
            if not a or not b:
                continue
            identical = a == b
            near = (
                not identical
                and fuzz.ratio(a, b) >= NEAR_IDENTICAL
                and digits[earlier_index] == digits[later_index]
            )
            if identical or near:
                how = "identical to" if identical else "nearly identical to"
                findings.append(
                    Finding(
                        kind="repeated-footnote",
                        message=f"Footnote {later.number} is {how} footnote {earlier.number}; "
                        "a repeated reference is usually written as a.g.e./ibid., or one of them is misplaced.",
                        evidence=[
                            footnote_evidence(document, earlier.number),
                            footnote_evidence(document, later.number),
                        ],
                    )
                )
                break
    return findings


def find_marker_problems(document: Document) -> list[Finding]:
    """Markers with no footnote, footnotes with no marker, and markers out of sequence."""
    findings = []
    numbers = {note.number for note in document.footnotes}
    marked = {marker.number for marker in document.markers}
    for marker in document.markers:
        if marker.number not in numbers and marker.sentence is not None:
            findings.append(
                Finding(
                    kind="marker-without-footnote",
                    severity="error",
                    message=f"Marker {marker.number} has no footnote {marker.number}.",
                    evidence=[sentence_evidence(document, marker.sentence)],
                )
            )
    for note in document.footnotes:
        if note.number not in marked:
            findings.append(
                Finding(
                    kind="footnote-without-marker",
                    severity="error",
                    message=f"Footnote {note.number} has no marker in the body text.",
                    evidence=[footnote_evidence(document, note.number)],
                )
            )
    previous = 0
    for marker in document.markers:
        if marker.number != previous + 1 and marker.sentence is not None:
            findings.append(
                Finding(
                    kind="marker-out-of-order",
                    severity="error",
                    message=f"Marker {marker.number} follows marker {previous}; {previous + 1} was expected.",
                    evidence=[sentence_evidence(document, marker.sentence)],
                )
            )
        previous = max(previous, marker.number)
    return findings
