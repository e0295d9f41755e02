"""Footnote zone lines become numbered footnotes: numbers must follow the sequence, continuations join."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vakanuvis.model import Footnote, Furniture
from vakanuvis.structure.lines import (
    PAGE_NUMBER,
    Line,
    PageZones,
    accepts,
    join_lines,
    parse_note_start,
    starts_with_month,
)


@dataclass
class NoteDraft:
    number: int
    page: int
    lines: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)
    # (characters, OCR confidence) of each line read by OCR
    confidences: list[tuple[int, float]] = field(default_factory=list)

    def add_confidence(self, line: Line) -> None:
        if line.confidence is not None:
            self.confidences.append((len(line.text.strip()), line.confidence))


def collect_footnotes(zones: list[PageZones], marker_numbers: list[set[int]]) -> list[NoteDraft]:
    """Footnotes of the whole document, in order; pages without a found zone are searched at their foot.

    `marker_numbers[i]` holds the numbers of plausible markers in the body of `zones[i]`: a page without
    separator or layout has a footnote zone only where a line opens a footnote whose marker stands above it.
    """
    drafts: list[NoteDraft] = []
    last = 0
    seen_markers: set[int] = set()
    for index, zone in enumerate(zones):
        seen_markers |= marker_numbers[index]
        if zone.notes is None:
            split = find_trailing_notes(zone.body, last, marker_numbers[index])
            if split is None:
                continue
            zone.body, zone.notes = zone.body[:split], zone.body[split:]
        starts = [parse_note_start(line.text) for line in zone.notes]
        last_line_opening = {s.number: position for position, s in enumerate(starts) if s is not None}
        for position, line in enumerate(zone.notes):
            start = starts[position]
            if start is not None and not start.strong:
                # A number set off by one space ("2 Mayıs 1920") opens a footnote only if its marker was
                # seen, and not if a later line of the zone opens the same number.
                later = last_line_opening[start.number] > position
                if start.number not in seen_markers or later or starts_with_month(start.rest):
                    start = None
            if start is not None and accepts(start, last):
                zone.furniture.append(Furniture(zone.page, start.label, "footnote-number"))
                drafts.append(NoteDraft(start.number, zone.page, [start.rest], [zone.page]))
                drafts[-1].add_confidence(line)
                last = start.number
            elif PAGE_NUMBER.match(line.text):
                zone.furniture.append(Furniture(zone.page, line.text, "page-number"))
            elif drafts:
                draft = drafts[-1]
                draft.lines.append(line.text)
                draft.add_confidence(line)
                if draft.pages[-1] != zone.page:
                    draft.pages.append(zone.page)
            else:
                zone.furniture.append(Furniture(zone.page, line.text, "unnumbered-note"))
    return drafts


def find_trailing_notes(body: list[Line], last: int, markers: set[int]) -> int | None:
    """Index of the first footnote line at the foot of a page that has no separator, or None."""
    for index in range(1, len(body)):
        start = parse_note_start(body[index].text)
        if start is not None and accepts(start, last) and start.number in markers:
            return index
    return None


def build_footnotes(drafts: list[NoteDraft]) -> tuple[list[Footnote], list[Furniture]]:
    """Footnotes from drafts; the hyphens removed while joining are returned as furniture."""
    notes: list[Footnote] = []
    removed: list[Furniture] = []
    for draft in drafts:
        text, hyphens = join_lines(
            [re.sub(r"\s+", " ", line).strip() for line in draft.lines if line.strip()]
        )
        removed.extend(Furniture(draft.page, hyphen, "hyphen") for hyphen in hyphens)
        notes.append(
            Footnote(
                number=draft.number,
                text=text,
                page=draft.page,
                pages=draft.pages,
                ocr_confidence=weighted_confidence(draft.confidences),
            )
        )
    return notes, removed


def weighted_confidence(parts: list[tuple[int, float]]) -> float | None:
    """The mean of OCR confidences weighted by the characters each covers; None when nothing was OCR'd."""
    total = sum(size for size, _ in parts)
    if not parts:
        return None
    if not total:
        return round(sum(value for _, value in parts) / len(parts), 3)
    return round(sum(size * value for size, value in parts) / total, 3)
