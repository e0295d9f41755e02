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
    ends_open,
    join_lines,
    parse_note_start,
    starts_with_month,
)
from vakanuvis.structure.zones.common import NOTE_END

# Carried-over note lines are longer than their page's usual body line, and as a block by this much
CARRIED_LINE = 1.05
CARRIED_BLOCK = 1.15
CARRIED_MIN_BODY_LINES = 6
RESUMED_MIN_WORDS = 3  # a body line found again under a column's notes (not a page number or a head)


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
            if drafts and index and drafts[-1].page == zones[index - 1].page:
                above = zone.body[split - 1].text
                split = carried_note_start(zone.body, split, runs_on(drafts, zones[index - 1].page, above))
            resumed, zone.notes = body_between_notes(zone.body[split:], last, marker_numbers[index])
            zone.body = zone.body[:split] + resumed
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
    """Index of the first footnote line at the foot of a page that has no separator, or None.

    The line must open the next note, whose marker stands above it; a number set off by one space
    ("3 Haziran 1920'de …", a body line of a dump) opens it only when it is not a date and no later line
    of the page opens the same number ("3Kazım Karabekir …", the note itself).
    """
    starts = [parse_note_start(line.text) for line in body]
    for index in range(1, len(body)):
        start = starts[index]
        if start is None or not accepts(start, last) or start.number not in markers:
            continue
        if not start.strong and (
            starts_with_month(start.rest)
            or any(later is not None and later.number == start.number for later in starts[index + 1 :])
        ):
            continue
        return index
    return None


def runs_on(drafts: list[NoteDraft], page: int, next_line: str) -> bool:
    """Whether the last note of `page` goes on in `next_line`: it stops where no note ends ("Belge No.",
    a comma), or without a full stop on a line the next line's first word would not have fitted on."""
    last = drafts[-1].lines[-1].rstrip()
    if ends_open(last):
        return True
    lengths = sorted(len(line.strip()) for draft in drafts if page in draft.pages for line in draft.lines)
    # the measure: a long line, not the longest (pdftotext makes one line of two it joined at a hyphen)
    measure = lengths[int(0.75 * (len(lengths) - 1))] if lengths else 0
    first_word = next_line.strip().split(" ", 1)[0]
    return not NOTE_END.search(last) and len(last.strip()) + 1 + len(first_word) > measure


def carried_note_start(body: list[Line], split: int, note_open: bool) -> int:
    """Where the foot of a page without separator begins when the last page's note runs on to it.

    The lines carried over stand right above the first numbered note, with no number of their own; in a
    text dump they show themselves by their length, notes being set smaller than the body and so holding
    more letters to the line than the body's usual line (a line pdftotext joined at a hyphen is long too,
    but alone). When the last page's note stopped where no note ends, the line above the next note is its
    end.
    """
    lengths = sorted(len(line.text.strip()) for line in body[:split])
    if len(lengths) < CARRIED_MIN_BODY_LINES:
        return split
    usual = lengths[len(lengths) // 2]
    # the note's last line, however short, when the note stopped open: "Belge No." went on with "1920."
    end = split - 1 if note_open and NOTE_END.search(body[split - 1].text.rstrip()) else split
    start = end
    while start > 1 and len(body[start - 1].text.strip()) > CARRIED_LINE * usual:
        start -= 1
    carried = sorted(len(line.text.strip()) for line in body[start:end])
    if start < CARRIED_MIN_BODY_LINES:
        return split
    if carried and carried[len(carried) // 2] <= CARRIED_BLOCK * usual:
        return end
    return start


def body_between_notes(foot: list[Line], last: int, markers: set[int]) -> tuple[list[Line], list[Line]]:
    """The body lines and the note lines of a page's foot found without separator.

    On a page set in columns, a text dump gives each column's notes after its body: after a gap, a line
    that opens no note is the next column's body again, up to the next line opening a note whose marker
    stands on the page. It continues the column before, so it starts no paragraph by its gap.
    """
    body: list[Line] = []
    notes: list[Line] = []
    in_body = False
    for position, line in enumerate(foot):
        start = parse_note_start(line.text)
        if start is not None and accepts(start, last) and start.number in markers:
            in_body = False
            last = start.number
        elif start is not None and start.number == last:
            in_body = False
        elif (
            position
            and line.gap_before
            and not PAGE_NUMBER.match(line.text)
            and len(line.text.split()) >= RESUMED_MIN_WORDS
        ):
            if not in_body:
                line.gap_before = False
            in_body = True
        (body if in_body else notes).append(line)
    return body, notes


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
