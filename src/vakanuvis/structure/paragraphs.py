"""Body lines become paragraphs and headings: markers stripped, line breaks and hyphenation repaired."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from vakanuvis.model import Block, Furniture, Span
from vakanuvis.structure.lines import SUPERSCRIPT_DIGITS, Line, MarkerCandidate, join_at_break

LIST_ITEM = re.compile(r"^(?:\d{1,2}\s?[-–.)](?=\s)|[a-zçğıöşü]\)(?=\s)|[•▪●◦·]|[-–—](?=\s))\s*")
NUMBERED_HEADING = re.compile(r"^(?:[0-9]{1,2}|[IVX]{1,5})\.(?:[0-9]{1,2}\.)*\s+(?=\S)")
SENTENCE_END = re.compile(r"[.!?:…][”\"’'»)\]]*$")
WHITESPACE_RUN = re.compile(r"\s+")


@dataclass
class CleanLine:
    text: str
    page: int
    gap_before: bool
    indented: bool
    font_size: float | None
    markers: list[tuple[int, int]] = field(default_factory=list)  # (position in text, number)
    delimiters: str = ""  # marker brackets removed with the digits, "[]" for "[12]"
    full_width: bool | None = None  # as Line.full_width
    confidence: float | None = None  # as Line.confidence


@dataclass
class Body:
    text: str
    blocks: list[Block]
    page_starts: list[tuple[int, int]]
    markers: list[tuple[int, int, int]]  # (offset in text, number, page)
    removed: list[Furniture]
    # (start, end, confidence) in the text of each line read by OCR
    confidences: list[tuple[int, int, float]] = field(default_factory=list)


NUMBERED_HEADING_WIDTH = 0.75  # of the usual line length: a numbered heading is shorter still


def clean_line(line: Line, markers: list[MarkerCandidate]) -> CleanLine:
    """Marker digits removed, runs of spaces collapsed, ends stripped; marker positions kept."""
    if not markers:  # most lines: the same as the loop below, done by str.split in C
        text = " ".join(line.text.split())
        return CleanLine(
            text,
            line.page,
            line.gap_before,
            line.indented,
            line.font_size,
            [],
            "",
            line.full_width,
            line.confidence,
        )
    if all(0 <= m.start < m.end <= len(line.text) for m in markers) and all(
        left.end <= right.start for left, right in zip(markers, markers[1:], strict=False)
    ):
        return _clean_between_markers(line, markers)
    skip = {index: candidate for candidate in markers for index in range(candidate.start, candidate.end)}
    out: list[str] = []
    positions: list[tuple[int, int]] = []
    delimiters = ""
    for index, char in enumerate(line.text):
        candidate = skip.get(index)
        if candidate is not None:
            if index == candidate.start:
                # A spaced marker belongs right after the punctuation, not after the space.
                positions.append((len(out) - 1 if out and out[-1] == " " else len(out), candidate.number))
            if not char.isdigit() and char not in SUPERSCRIPT_DIGITS:
                delimiters += char
            continue
        if char.isspace():
            if out and out[-1] != " ":
                out.append(" ")
            continue
        out.append(char)
    text = "".join(out).rstrip()
    positions = [(min(position, len(text)), number) for position, number in positions]
    return CleanLine(
        text,
        line.page,
        line.gap_before,
        line.indented,
        line.font_size,
        positions,
        delimiters,
        line.full_width,
        line.confidence,
    )


def _clean_between_markers(line: Line, markers: list[MarkerCandidate]) -> CleanLine:
    """What `clean_line`'s loop gives for ordered, disjoint markers, working on the stretches between
    them with C string operations instead of character by character."""
    text = line.text
    out = ""
    positions: list[tuple[int, int]] = []
    delimiters = ""
    cursor = 0
    for candidate in markers:
        out = _append_collapsed(out, text[cursor : candidate.start])
        # A spaced marker belongs right after the punctuation, not after the space.
        positions.append((len(out) - 1 if out.endswith(" ") else len(out), candidate.number))
        delimiters += "".join(
            char
            for char in text[candidate.start : candidate.end]
            if not char.isdigit() and char not in SUPERSCRIPT_DIGITS
        )
        cursor = candidate.end
    out = _append_collapsed(out, text[cursor:]).rstrip()
    positions = [(min(position, len(out)), number) for position, number in positions]
    return CleanLine(
        out,
        line.page,
        line.gap_before,
        line.indented,
        line.font_size,
        positions,
        delimiters,
        line.full_width,
        line.confidence,
    )


def _append_collapsed(out: str, piece: str) -> str:
    """`out` followed by `piece` with each run of whitespace as one space, none at the start of the line
    and none right after a space."""
    collapsed = WHITESPACE_RUN.sub(" ", piece)
    if collapsed.startswith(" ") and (not out or out.endswith(" ")):
        collapsed = collapsed[1:]
    return out + collapsed


def typical_widths(lines: list[CleanLine]) -> dict[int, float]:
    """Per page, the length of a full line (a high percentile, since paragraph ends are short)."""

    def width(lengths: list[int]) -> float:
        lengths = sorted(lengths)
        if len(lengths) < 6:
            return float(max(lengths, default=80))
        return float(lengths[int(0.85 * (len(lengths) - 1))])

    overall = width([len(line.text) for line in lines])
    pages: dict[int, list[int]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(len(line.text))
    return {page: width(lengths) if len(lengths) >= 6 else overall for page, lengths in pages.items()}


def ends_paragraph(line: CleanLine, width: float) -> bool:
    """A sentence's end on a line that stops short: of its column's edge where the layout is known, else of
    the page's usual line length in letters."""
    short = not line.full_width if line.full_width is not None else len(line.text) < 0.8 * width
    return short and bool(SENTENCE_END.search(line.text))


def stands_alone(line: CleanLine, following: CleanLine, width: float) -> bool:
    """A line too short to be wrapped text, before a line that starts anew (a capital): a dateline, an
    address, a signature's place ("Ankara, 16 Mart 1336", "Kars" above "Kâzım Karabekir"). A wrapped
    paragraph's lines are long until its last; a short one ends its block, with or without a full stop."""
    text = line.text.rstrip()
    return len(text) < 0.5 * width and not text.endswith(("-", "—", "–")) and following.text[:1].isupper()


def is_heading(lines: list[CleanLine], index: int, widths: dict[int, float], body_size: float | None) -> bool:
    text = lines[index].text
    numbered = NUMBERED_HEADING.match(text)
    if numbered:
        text = text[numbered.end() :]  # "1. Giriş", "II. BÖLÜM": judge the words after the number
    if not text or text[-1] in ".,;":
        return False
    words = text.split()
    if len(words) > 15:
        return False  # too long for any kind of heading below (checked first: body lines are long)
    letters = list(filter(str.isalpha, text))
    if len(letters) < 2 or (not numbered and LIST_ITEM.match(text)):
        return False
    if len(words) <= 10 and len(letters) >= 3 and all(map(str.isupper, letters)):
        return True
    size = lines[index].font_size
    if body_size and size and size > 1.12 * body_size and len(words) <= 15:
        return True
    if len(words) > 5 or text[-1] in "!?:" or not (text[0].isupper() or (numbered and text[0].isdigit())):
        return False  # ("3. 1920 Doğu Harekâtı" opens with a year after its number)
    if len(text) >= (NUMBERED_HEADING_WIDTH if numbered else 0.5) * widths[lines[index].page]:
        return False  # a numbered heading ("3. 1920 Doğu Harekâtı: …") may run longer than a bare one
    following = lines[index + 1].text if index + 1 < len(lines) else ""
    if not (following[:1].isupper() or following[:1].isdigit()):
        return False  # a heading is followed by a sentence's start: a capital, or a date ("28 Eylül 1920")
    if index == 0:
        return True
    if body_size and size and size > 1.04 * body_size:
        return True  # a few words set a point above the body's type ("Öz" in 13 pt over 12 pt text)
    previous = lines[index - 1]
    set_apart = lines[index].gap_before and index + 1 < len(lines) and lines[index + 1].gap_before
    return (
        set_apart  # a blank line above and below it ("Sonuç" between two paragraphs of one line each)
        or ends_paragraph(previous, widths[previous.page])
        or not any(c.isalpha() for c in previous.text)
    )


def build_body(lines: list[Line], markers: dict[int, list[MarkerCandidate]]) -> Body:
    """The cleaned body text with its blocks, page starts, marker offsets and removed hyphens."""
    cleaned = [clean_line(line, markers.get(index, [])) for index, line in enumerate(lines)]
    removed = [
        Furniture(line.page, line.delimiters, "marker-brackets") for line in cleaned if line.delimiters
    ]
    # A line that held only a marker gives its marker to the line before it.
    kept: list[CleanLine] = []
    pending: list[tuple[int, int]] = []  # markers of marker-only lines before any text
    for line in cleaned:
        if line.text:
            line.markers[:0] = [(0, number) for _, number in pending]
            pending = []
            kept.append(line)
        elif kept:
            kept[-1].markers.extend((len(kept[-1].text), number) for _, number in line.markers)
        else:
            pending.extend(line.markers)
    if not kept:
        orphans = [(0, number, line.page) for line in cleaned for _, number in line.markers]
        return Body("", [], [], orphans, removed)
    widths = typical_widths(kept)
    sizes = [line.font_size for line in kept if line.font_size]
    body_size = statistics.median(sizes) if sizes else None
    headings = [is_heading(kept, index, widths, body_size) for index in range(len(kept))]
    kinds = [
        "heading" if headings[i] else "list-item" if LIST_ITEM.match(line.text) else "paragraph"
        for i, line in enumerate(kept)
    ]
    groups: list[list[int]] = []
    for index, line in enumerate(kept):
        if index == 0:
            groups.append([index])
            continue
        previous = kept[index - 1]
        new_block = (
            headings[index]
            or headings[index - 1]
            or kinds[index] == "list-item"
            or line.gap_before
            or line.indented
            or ends_paragraph(previous, widths[previous.page])
            or stands_alone(previous, line, widths[previous.page])
            # A list item ends with its sentence; what follows it unnumbered is body text again.
            or (kinds[groups[-1][0]] == "list-item" and bool(SENTENCE_END.search(previous.text)))
        )
        if new_block:
            groups.append([index])
        else:
            groups[-1].append(index)
    text_parts: list[str] = []
    blocks: list[Block] = []
    page_starts: list[tuple[int, int]] = []
    marker_offsets: list[tuple[int, int, int]] = []
    confidences: list[tuple[int, int, float]] = []
    offset = 0
    for group in groups:
        if text_parts:
            offset += 2  # the blank line between blocks
        paragraph = ""
        for index in group:
            line = kept[index]
            if paragraph:
                left, glue, hyphen = join_at_break(paragraph, line.text)
                if hyphen:
                    removed.append(Furniture(kept[index - 1].page, hyphen, "hyphen"))
                paragraph = left + glue
            line_start = offset + len(paragraph)
            if not page_starts or page_starts[-1][1] != line.page:
                page_starts.append((line_start, line.page))
            for position, number in line.markers:
                marker_offsets.append((line_start + position, number, line.page))
            paragraph += line.text
            if line.confidence is not None:
                confidences.append((line_start, offset + len(paragraph), line.confidence))
        # Markers recorded on a line whose trailing hyphen was later dropped may point one past the end.
        first = kept[group[0]]
        blocks.append(Block(Span(offset, offset + len(paragraph)), first.page, kinds[group[0]]))
        text_parts.append(paragraph)
        offset += len(paragraph)
    text = "\n\n".join(text_parts)
    marker_offsets = [(min(position, len(text)), number, page) for position, number, page in marker_offsets]
    return Body(text, blocks, page_starts, marker_offsets, removed, confidences)
