"""Zoning: each page's lines become body, footnote zone or page furniture (running heads, numbers, rules).

Two paths: layout (PDF: font size and position are known) and plain text (a PDF-to-text dump, with or
without form feeds). Plain text without form feeds has its page breaks inferred from the footnote
separator (a long blank or ruled line) followed by the first line of the next page.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter

from vakanuvis.model import Furniture, RawDocument, RawLine
from vakanuvis.structure.lines import PAGE_NUMBER, Line, PageZones, accepts, line_candidates, parse_note_start

# A running head that carries the page number: "37  Article title" or "JOURNAL 38" / "Title   12".
HEAD_WITH_NUMBER = re.compile(r"^\s*\d{1,4}\s{2,}\S|\S\s{2,}\d{1,4}\s*$")
NOTE_END = re.compile(r"[.!?)\]][”\"’'»]*$")
RULE = re.compile(r"^\s*[_\-—–=~*.·]{5,}\s*$")
BLANK_SEPARATOR_WIDTH = 20  # a line of only spaces this long is the rule above the footnotes
HEAVY_INDENT = 10  # centred or right-aligned text: running heads, not body lines


def furniture_key(text: str) -> str:
    """What stays of a running head when its page number changes: digits dropped, case folded."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "", text)).strip().casefold()


def is_separator(text: str) -> bool:
    return (len(text) >= BLANK_SEPARATOR_WIDTH and not text.strip()) or bool(RULE.match(text))


def zone_document(raw: RawDocument) -> list[PageZones]:
    """Split every page of `raw` into zones."""
    if any(line.font_size is not None for page in raw.pages for line in page.lines):
        return zone_layout(raw)
    return zone_text(raw)


# ---------------------------------------------------------------- plain text


def zone_text(raw: RawDocument) -> list[PageZones]:
    margin = common_margin([line.text for page in raw.pages for line in page.lines])
    pages_texts = [
        [line.text[margin:] if line.text[:margin].isspace() else line.text for line in page.lines]
        for page in raw.pages
    ]
    double_spaced = is_double_spaced([text for texts in pages_texts for text in texts])
    chunks: list[tuple[int, list[str], list[str] | None, list[Furniture], bool]] = []
    if raw.explicit_pages:
        for page, texts in zip(raw.pages, pages_texts, strict=True):
            separator = next((i for i, text in enumerate(texts) if is_separator(text)), None)
            furniture: list[Furniture] = []
            if separator is None:
                chunks.append((page.number, texts, None, furniture, True))
            else:
                furniture.append(Furniture(page.number, texts[separator], "separator"))
                chunks.append((page.number, texts[:separator], texts[separator + 1 :], furniture, True))
    else:
        chunks = split_inferred_pages([text for texts in pages_texts for text in texts])
    zones: list[PageZones] = []
    heads = repeated_heads([body for _, body, _, _, _ in chunks])
    for number, body_texts, note_texts, furniture, page_top in chunks:
        zone = PageZones(page=number, furniture=furniture)
        body_texts = strip_page_furniture(
            number, body_texts, zone.furniture, heads, page_top, number == chunks[0][0]
        )
        zone.body = text_lines(body_texts, number, double_spaced)
        if note_texts is not None:
            zone.notes = text_lines(note_texts, number, double_spaced=True)
        zones.append(zone)
    return zones


def common_margin(texts: list[str]) -> int:
    """Leading spaces shared by most lines (a `pdftotext -layout` page margin), to be read as none."""
    indents = sorted(len(text) - len(text.lstrip(" ")) for text in texts if text.strip())
    return indents[len(indents) // 4] if indents else 0


def is_double_spaced(texts: list[str]) -> bool:
    """True when nearly every line is followed by a blank one: blank lines then carry no paragraph meaning."""
    filled = [i for i, text in enumerate(texts) if text.strip()]
    if len(filled) < 4:
        return False
    followed = sum(1 for i in filled if i + 1 < len(texts) and not texts[i + 1].strip())
    return followed / len(filled) > 0.6


def starts_new_page(text: str) -> bool:
    """The first line of a page in a PDF-to-text dump: one leading space, or centred/right-aligned furniture."""
    if not text.strip():
        return False
    indent = len(text) - len(text.lstrip(" "))
    return indent == 1 or indent >= HEAVY_INDENT


def split_inferred_pages(
    texts: list[str],
) -> list[tuple[int, list[str], list[str] | None, list[Furniture], bool]]:
    """Pages of a text without form feeds: body, separator, footnote zone, then the next page's first line.

    The next page shows itself by a line with one leading space (the converters' page join), centred
    furniture, a page number under the notes, or, failing those, by body evidence: a line carrying the
    marker of a footnote not yet read.
    """
    pages: list[tuple[int, list[str], list[str] | None, list[Furniture], bool]] = []
    body: list[str] = []
    notes: list[str] | None = None
    furniture: list[Furniture] = []
    number = 1
    last_note = 0
    last_start = -1  # index in `notes` of the line that opened the last footnote
    last_strong = False

    def split_off_next_page() -> list[str]:
        """The lines after the last footnote's end: the start of a page whose break went unseen."""
        nonlocal notes
        if not notes:
            return []
        cut = end_of_last_note(notes, last_start)
        carried, notes = notes[cut:], notes[:cut]
        return carried

    def close_page(carried: list[str]) -> None:
        nonlocal number, body, notes, furniture, last_start
        pages.append((number, body, notes, furniture, number > 1))
        number, body, notes, furniture, last_start = number + 1, carried, None, [], -1

    for text in texts:
        if is_separator(text):
            if notes is not None and any(t.strip() for t in notes):
                close_page(split_off_next_page())  # a second separator without a recognizable page start
            furniture.append(Furniture(number, text, "separator"))
            notes = [] if notes is None else notes
            continue
        if notes is not None and starts_new_page(text):
            close_page([])
        if notes is None:
            body.append(text)
            continue
        start = parse_note_start(text)
        # A number repeated in the same loose form ("2 Mayıs" then "2 Aynı eser") is the real start of a
        # note whose number first appeared inside a text; a clearly set number ("4  Doc") is not overridden.
        repeated = start is not None and start.number == last_note and not start.strong and not last_strong
        if start is not None and (accepts(start, last_note) or repeated):
            last_note, last_start, last_strong = start.number, len(notes), start.strong
        elif carries_unread_marker(text, last_note):
            close_page(split_off_next_page() + [text])
            continue
        notes.append(text)
        if PAGE_NUMBER.match(text):
            close_page([])  # a page number under the footnotes closes the page
    if notes is not None:
        carried = split_off_next_page()
        if any(t.strip() for t in carried):
            close_page(carried)
    close_page([])
    return pages


def carries_unread_marker(text: str, last_note: int) -> bool:
    """A footnote-zone line holding the marker of a later footnote is body text of the next page."""
    return any(
        c.glued_to_punctuation and last_note < c.number <= last_note + 3
        for c in line_candidates(text.strip())
    )


def end_of_last_note(notes: list[str], last_start: int) -> int:
    """Where the footnote text of a zone ends when the next page follows without a visible break.

    A footnote wraps onto its next line only while its line runs full width and does not end a sentence
    or a reference; the first line after that belongs to the next page.
    """
    filled = [index for index, text in enumerate(notes) if text.strip()]
    if not filled:
        return len(notes)
    start = last_start if last_start >= 0 else filled[0]
    full = 0.85 * max(len(notes[index].strip()) for index in filled)
    previous = notes[start].strip()
    cut = start + 1
    for index in range(start + 1, len(notes)):
        text = notes[index].strip()
        if not text:
            continue
        if len(previous) < full or NOTE_END.search(previous):
            break
        previous, cut = text, index + 1
    return cut


def repeated_heads(bodies: list[list[str]]) -> set[str]:
    """Keys of lines that open (or close) at least two other pages: running heads and footers."""
    if len(bodies) < 3:
        return set()
    counts: Counter[str] = Counter()
    for texts in bodies:
        filled = [t for t in texts if t.strip()]
        keys = {furniture_key(t) for t in filled[:2] + filled[-1:]}
        counts.update(key for key in keys if key)
    return {key for key, count in counts.items() if count >= 3}


def strip_page_furniture(
    page: int, texts: list[str], furniture: list[Furniture], heads: set[str], page_top: bool, first_page: bool
) -> list[str]:
    """Remove running heads and page numbers from the top (and page numbers from the bottom) of a page."""
    kept = list(texts)
    if page_top:
        seen = 0
        for index, text in enumerate(kept):
            if not text.strip():
                continue
            reason = head_reason(text, heads, first_page)
            if reason is None or seen >= 3:
                break
            furniture.append(Furniture(page, text, reason))
            kept[index] = ""
            seen += 1
    for index in range(len(kept) - 1, -1, -1):
        text = kept[index]
        if not text.strip():
            continue
        if PAGE_NUMBER.match(text) or furniture_key(text) in heads:
            furniture.append(
                Furniture(page, text, "page-number" if PAGE_NUMBER.match(text) else "running-head")
            )
            kept[index] = ""
            continue
        break
    return kept


def head_reason(text: str, heads: set[str], first_page: bool = False) -> str | None:
    if PAGE_NUMBER.match(text):
        return "page-number"
    indent = len(text) - len(text.lstrip(" "))
    # On the first page a centred line is more likely the article's title than a running head.
    centred = indent >= HEAVY_INDENT and not first_page
    if centred or HEAD_WITH_NUMBER.search(text.rstrip()) or furniture_key(text) in heads:
        return "running-head"
    return None


def text_lines(texts: list[str], page: int, double_spaced: bool) -> list[Line]:
    lines: list[Line] = []
    gap = False
    for text in texts:
        if not text.strip():
            gap = True
            continue
        lines.append(Line(text=text, page=page, gap_before=gap and not double_spaced))
        gap = False
    return lines


# ---------------------------------------------------------------- layout (PDF)


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
        body, notes = lines[:split], lines[split:]
        moved = small_type_above_notes(notes)
        body, notes = body + notes[:moved], notes[moved:]
        for line in list(notes):
            if RULE.match(line.text):
                zone.furniture.append(Furniture(page.number, line.text, "rule"))
                notes.remove(line)
        left = min((line.x0 or 0.0 for line in body), default=0.0)
        previous: RawLine | None = None
        for line in body:
            gap = previous is not None and (line.top or 0) - (previous.top or 0) > 1.45 * pitch
            size = line.font_size or body_size
            # A first-line indent, not a block quote whose lines all share the same left edge.
            indented = (line.x0 or 0) - left > 0.8 * size and (
                previous is None or abs((line.x0 or 0) - (previous.x0 or 0)) > 0.5 * size
            )
            zone.body.append(Line(line.text, page.number, line.font_size, gap_before=gap, indented=indented))
            previous = line
        zone.notes = [Line(line.text, page.number, line.font_size) for line in notes] if notes else []
        zones.append(zone)
    return zones


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
