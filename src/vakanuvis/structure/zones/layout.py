"""Zoning a PDF's lines, whose font size and position are known."""

from __future__ import annotations

import statistics
from collections import Counter

from vakanuvis.model import Furniture, RawDocument, RawLine
from vakanuvis.structure.lines import (
    PAGE_NUMBER,
    Line,
    PageZones,
    ends_open,
    line_candidates,
    parse_note_start,
)
from vakanuvis.structure.zones.common import NOTE_END, RULE, furniture_key


def zone_layout(raw: RawDocument) -> list[PageZones]:
    weights: Counter[float] = Counter()
    for page in raw.pages:
        for line in page.lines:
            if line.font_size:
                weights[round(line.font_size * 2) / 2] += len(line.text.strip())
    body_size = weights.most_common(1)[0][0] if weights else 10.0
    heads = layout_heads(raw)
    pitches = [
        b.top - a.top
        for page in raw.pages
        for a, b in zip(page.lines, page.lines[1:], strict=False)
        if a.top is not None
        and b.top is not None
        and is_body_size(a, body_size)
        and is_body_size(b, body_size)
    ]
    pitch = statistics.median([p for p in pitches if p > 0] or [body_size * 1.2])
    zones: list[PageZones] = []
    last_note = 0  # the highest footnote number read so far, for the foot found by its numbering
    note_open = False  # whether the last page's last footnote runs on
    for page in raw.pages:
        zone = PageZones(page=page.number)
        height = page.height or 842.0
        lines = [line for line in page.lines if line.text.strip()]
        while lines and (reason := layout_furniture(lines[0], height, body_size, heads, top=True)):
            zone.furniture.append(Furniture(page.number, lines.pop(0).text, reason))
        while lines and (reason := layout_furniture(lines[-1], height, body_size, heads, top=False)):
            zone.furniture.insert(0, Furniture(page.number, lines.pop().text, reason))
        split = len(lines)
        while (
            split > 0
            and not is_body_size(lines[split - 1], body_size)
            and (lines[split - 1].top or 0) > 0.4 * height
        ):
            split -= 1
        if split == len(lines):
            # No smaller type at the foot: the notes may be set at the body's own size (or the page be
            # all small type); found by the rule drawn above them, or by the numbers the page calls for.
            split = foot_start(lines, page.rules, last_note, note_open, pitch, height)
            body, notes = lines[:split], lines[split:]
        else:
            body, notes = lines[:split], lines[split:]
            moved = small_type_above_notes(notes)
            body, notes = body + notes[:moved], notes[moved:]
        numbers = [start.number for line in notes if (start := parse_note_start(line.text))]
        last_note = max([last_note, *[n for n in numbers if n <= last_note + 1 + len(notes)]])
        # A note runs on when its last line stops without a full stop, or runs to the measure: "… Belge
        # No." filling the line goes on with "1920." on the next page.
        right = max((line.x1 or 0.0) for line in lines) if lines else 0.0
        note_open = bool(notes) and (
            not NOTE_END.search(notes[-1].text.rstrip())
            or ends_open(notes[-1].text)
            or (notes[-1].x1 or 0.0) > right - 0.5 * body_size
        )
        for line in list(notes):
            if RULE.match(line.text):
                zone.furniture.append(Furniture(page.number, line.text, "rule"))
                notes.remove(line)
        previous: RawLine | None = None
        for position, line in enumerate(body):
            gap = previous is not None and (line.top or 0) - (previous.top or 0) > 1.45 * pitch
            size = line.font_size or body_size
            # A first-line indent, not a block quote whose lines all share the same left edge; measured
            # from the left edge of the lines beside it (its column's, on a page set in columns).
            left, right = column_edges(line, body, page.gutters)
            indented = (line.x0 or 0) - left > 0.8 * size and (
                previous is None
                or abs((line.x0 or 0) - (previous.x0 or 0)) > 0.5 * size
                or (previous.top or 0) > (line.top or 0)  # the first line of the next column
            )
            following = body[position + 1] if position + 1 < len(body) else None
            full = runs_full(line, right, following)
            zone.body.append(
                Line(
                    line.text,
                    page.number,
                    line.font_size,
                    gap_before=gap,
                    indented=indented,
                    full_width=full,
                    confidence=line.confidence,
                )
            )
            previous = line
        zone.notes = (
            [Line(line.text, page.number, line.font_size, confidence=line.confidence) for line in notes]
            if notes
            else []
        )
        zones.append(zone)
    return zones


def foot_start(
    lines: list[RawLine],
    rules: list[tuple[float, float, float]],
    last_note: int,
    note_open: bool,
    pitch: float,
    height: float,
) -> int:
    """Where a page's footnotes begin when they are set in the body's type (len(lines) when it has none).

    Under a drawn rule in the lower part of the page, when a line below it opens the next footnote (or the
    first line below goes on with the note the last page left open); failing a rule, at the first line of
    the lower part that opens the next footnote after a wider gap than the lines' own, its marker standing
    in the lines above."""
    for top, _, _ in rules:
        if top < 0.3 * height:
            continue
        below = next((i for i, line in enumerate(lines) if (line.top or 0.0) >= top - 1.0), len(lines))
        if below == len(lines) or below == 0:
            continue
        starts = [parse_note_start(line.text) for line in lines[below:]]
        if any(start is not None and start.number > last_note for start in starts) or (
            note_open and starts[0] is None
        ):
            return below

    def gap_before(index: int) -> bool:
        return (lines[index].top or 0.0) - (lines[index - 1].top or 0.0) > 1.3 * pitch

    for index in range(1, len(lines)):
        line = lines[index]
        if (line.top or 0.0) < 0.4 * height:
            continue
        start = parse_note_start(line.text)
        if start is None or start.number != last_note + 1:
            continue
        called = any(c.number == start.number for above in lines[:index] for c in line_candidates(above.text))
        if not called:
            continue
        # The note the last page left open goes on in the lines just above, after the foot's gap (looked
        # for also when the last page's notes seemed closed, if the lines carried open no note).
        first = index
        carrying = note_open or last_note > 0
        while carrying and first > 1 and index - first < MAX_CARRIED_LINES and not gap_before(first):
            first -= 1
        if not note_open and any(parse_note_start(lines[i].text) for i in range(first, index)):
            first = index
        if gap_before(first):
            return first
        if gap_before(index):
            return index
    return len(lines)


MAX_CARRIED_LINES = 6  # lines of a footnote carried over to the next page, looked for above its next note


def runs_full(line: RawLine, right: float, following: RawLine | None) -> bool | None:
    """Whether a line runs on to the next, as a typesetter breaks lines: it does when the next line's first
    word would not have fitted in the room left before the column's right edge (ragged or justified text
    alike). None when the layout cannot tell (no edges, or the next line is not below it in the column)."""
    if line.x1 is None or line.x0 is None or following is None or (following.top or 0) <= (line.top or 0):
        return None
    letters = len(line.text)
    if not letters or line.x1 <= line.x0:
        return None
    letter_width = (line.x1 - line.x0) / letters
    first_word = following.text.strip().split(" ", 1)[0]
    return right - line.x1 < (len(first_word) + 1) * letter_width


def column_edges(line: RawLine, lines: list[RawLine], gutters: list[float]) -> tuple[float, float]:
    """The left and right edges of `line`'s column: of the lines between the same gutters (on a page set in
    columns), or of all lines (on a page of one column, or for a line across the gutters)."""
    x0 = line.x0 or 0.0
    x1 = line.x1 if line.x1 is not None else x0

    def between(a: float, b: float) -> tuple[float, float]:
        low = max([g for g in gutters if g <= a], default=float("-inf"))
        high = min([g for g in gutters if g >= b], default=float("inf"))
        return low, high

    low, high = between(x0, x1)
    beside = [
        other
        for other in lines
        if low <= (other.x0 or 0.0) and (other.x1 if other.x1 is not None else other.x0 or 0.0) <= high
    ] or [line]
    left = min(other.x0 or 0.0 for other in beside)
    right = max(other.x1 if other.x1 is not None else other.x0 or 0.0 for other in beside)
    return left, right


def is_body_size(line: RawLine, body_size: float) -> bool:
    return line.font_size is None or line.font_size >= 0.92 * body_size


def layout_heads(raw: RawDocument) -> set[str]:
    """Keys of first/last lines repeated on at least three pages (or on every page of a short document)."""
    counts: Counter[str] = Counter()
    for page in raw.pages:
        filled = [line for line in page.lines if line.text.strip()]
        keys = {furniture_key(line.text) for line in filled[:1] + filled[-1:]}
        counts.update(key for key in keys if key)
    needed = 3 if len(raw.pages) >= 4 else max(2, len(raw.pages))
    return {key for key, count in counts.items() if count >= needed}


def layout_furniture(
    line: RawLine, height: float, body_size: float, heads: set[str], top: bool
) -> str | None:
    position = (line.top or 0.0) / height
    at_edge = position < 0.1 if top else position > 0.88
    if not at_edge:
        return None
    if PAGE_NUMBER.match(line.text):
        return "page-number"
    if furniture_key(line.text) in heads and (top or is_body_size(line, body_size)):
        return "running-head"
    if top and line.font_size is not None and line.font_size < 0.92 * body_size:
        return "running-head"
    return None


def small_type_above_notes(notes: list[RawLine]) -> int:
    """How many leading lines of a small-type page foot are body (a block quote), not footnotes.

    They are when the zone does not open with a footnote number but a footnote number follows a clearly
    wider vertical gap further down: the gap is the space (and rule) above the footnotes.
    """
    if len(notes) < 2 or parse_note_start(notes[0].text) is not None:
        return 0
    gaps = [(b.top or 0.0) - (a.top or 0.0) for a, b in zip(notes, notes[1:], strict=False)]
    usual = statistics.median(gaps)
    for index, gap in enumerate(gaps, start=1):
        if gap > 1.6 * usual and parse_note_start(notes[index].text) is not None:
            return index
    return 0
