"""Footnote zone lines become numbered footnotes: numbers must follow the sequence, continuations join."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vakanuvis.model import Footnote, Furniture
from vakanuvis.structure.zones import PAGE_NUMBER, Line, PageZones

SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
NOTE_START = re.compile(
    r"^\s{0,4}(?:"
    r"\[(?P<bracket>\d{1,3})\]"
    r"|(?P<paren>\d{1,3})\)"
    r"|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
    r"|(?P<dot>\d{1,3})\.(?=\s)"
    r"|(?P<plain>\d{1,3})(?=\s|[^\W\d_])"
    r")(?P<space>\s*)(?=\S)"
)
# A number that does not follow the previous footnote's may still open one when it is marked unmistakably,
# allowing for a footnote that the converter lost.
MAX_SKIP = 3


@dataclass
class NoteStart:
    number: int
    label: str  # the characters of the number as written: "12", "[12]", "12)", "¹²"
    rest: str  # the footnote's text on this line
    strong: bool


@dataclass
class NoteDraft:
    number: int
    page: int
    lines: list[str] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)


def parse_note_start(text: str) -> NoteStart | None:
    """The footnote number at the start of a footnote-zone line, if any."""
    match = NOTE_START.match(text)
    if not match:
        return None
    kind = next(name for name in ("bracket", "paren", "sup", "dot", "plain") if match.group(name))
    if kind == "plain" and not match.group("space") and text[match.end()].islower():
        return None  # "2nci Ordu", "3üncü": an ordinal with its suffix, not a note number
    number = int(match.group(kind).translate(SUPERSCRIPTS))
    label = text[: match.start("space")].strip()
    strong = kind in ("bracket", "paren", "sup") or len(match.group("space")) >= 2 or not match.group("space")
    return NoteStart(number=number, label=label, rest=text[match.end() :], strong=strong)


def accepts(start: NoteStart, last: int) -> bool:
    """Whether a number opens the next footnote: the next in sequence, or a small skip marked clearly."""
    if start.number == last + 1:
        return True
    return start.strong and last + 1 < start.number <= last + 1 + MAX_SKIP


def starts_with_month(text: str) -> bool:
    """Whether a text begins with a month name: "4 Mayıs 1920" continues a note, it does not open one."""
    from vakanuvis.structure.markers import starts_with_month as month_first

    return month_first(text)


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
                last = start.number
            elif PAGE_NUMBER.match(line.text):
                zone.furniture.append(Furniture(zone.page, line.text, "page-number"))
            elif drafts:
                draft = drafts[-1]
                draft.lines.append(line.text)
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
    from vakanuvis.structure.paragraphs import join_lines

    notes: list[Footnote] = []
    removed: list[Furniture] = []
    for draft in drafts:
        text, hyphens = join_lines(
            [re.sub(r"\s+", " ", line).strip() for line in draft.lines if line.strip()]
        )
        removed.extend(Furniture(draft.page, hyphen, "hyphen") for hyphen in hyphens)
        notes.append(Footnote(number=draft.number, text=text, page=draft.page, pages=draft.pages))
    return notes, removed
