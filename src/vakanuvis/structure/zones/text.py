"""Zoning plain text: a PDF-to-text dump, with or without form feeds."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from vakanuvis.model import Furniture, RawDocument
from vakanuvis.structure.lines import PAGE_NUMBER, Line, PageZones, accepts, line_candidates, parse_note_start
from vakanuvis.structure.sentences import segment_sentences
from vakanuvis.structure.zones.common import (
    ENDS_SENTENCE,
    HEAD_WITH_NUMBER,
    HEAVY_INDENT,
    NOTE_END,
    furniture_key,
    is_separator,
)


def zone_text(raw: RawDocument) -> list[PageZones]:
    margin = common_margin([line.text for page in raw.pages for line in page.lines])
    pages_texts = [
        [line.text[margin:] if line.text[:margin].isspace() else line.text for line in page.lines]
        for page in raw.pages
    ]
    pages_texts = [rejoin_spread_words(columns_in_order(texts)) for texts in pages_texts]
    # A lone number opening a page is a lifted marker only in a dump that lifts them mid-page too, and
    # where pages do not open with their numbers.
    opening_numbers = sum(
        1 for texts in pages_texts if ONLY_NUMBER.match(next((t for t in texts if t.strip()), ""))
    )
    reattached = [reattach_raised_numbers(texts, False) for texts in pages_texts]
    lifting = sum(1 for before, after in zip(pages_texts, reattached, strict=True) if after != before)
    if lifting >= LIFTING_PAGES and opening_numbers <= len(pages_texts) / 2:
        reattached = [reattach_raised_numbers(texts, True) for texts in pages_texts]
    pages_texts = reattached
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


GUTTER_SHARE = 0.9  # of a page's lines that leave a column position blank, for it to be a gutter
GUTTER_MIN_LINES = 12
SPLIT_LINES_SHARE = 0.4  # of a page's lines that must have text on both sides of the gutter
GUTTER_DRIFT = 10  # positions a line's right column may stand off the page's gutter
NOT_BLANK = re.compile(r"[^ ]+")


def columns_in_order(texts: list[str]) -> list[str]:
    """A `pdftotext -layout` page set in two columns, read column by column.

    The gutter is a run of at least two character positions, in the middle of the page, that nearly every
    line leaves blank while many lines hold text on both sides of it. Lines that cross it (a title, notes
    set across the page) close a band: each band gives its left column's lines, then its right column's.
    """
    filled = [text for text in texts if text.strip()]
    if len(filled) < GUTTER_MIN_LINES:
        return texts
    width = max(len(text) for text in filled)
    gutter = find_gutter(filled, width)
    if gutter is None:
        return texts
    out: list[str] = []
    left: list[str] = []
    right: list[tuple[int, str]] = []  # (the position its text starts at on the page's line, the text)

    def close_band() -> None:
        out.extend(left)
        if left and right:
            out.append("")
        # measured from the right column's own left edge, its indents and note numbers read as the left
        # one's (the edge most of its lines start at, some being pushed off it by their neighbours)
        starts = sorted(start for start, text in right if text)
        edge = starts[len(starts) // 5] if starts else 0
        out.extend(" " * max(0, start - edge) + text if text else "" for start, text in right)
        left.clear()
        right.clear()

    for text in texts:
        if not text.strip():
            left.append("")
            right.append((0, ""))
            continue
        split = column_split(text, gutter)
        if split is None:
            close_band()
            out.append(text)
            continue
        head, tail = text[:split].rstrip(), text[split:]
        if head.strip():
            left.append(head)
        if tail.strip():
            right.append((split + len(tail) - len(tail.lstrip(" ")), tail.strip()))
    close_band()
    return out


def column_split(text: str, gutter: int) -> int | None:
    """Where a line parts into its columns' texts, or None for a line set across the gutter.

    pdftotext places each line's letters on its own grid, so a line whose left column holds more letters
    (notes in smaller type) pushes its right column's text past the page's gutter: the line parts at the
    gap of two or more spaces nearest the gutter. A left text that runs a little past it with nothing on
    the right is the left column's.
    """
    if not text[gutter - 1 : gutter + 1].strip():
        return gutter
    gaps = [m.end() for m in re.finditer(r" {2,}", text) if abs(m.end() - gutter) <= GUTTER_DRIFT]
    # a gap opening a note ("новои      и   30С.И.Арлов"): the other is a justified line's
    opening = [end for end in gaps if (start := parse_note_start(text[end:])) is not None and start.strong]
    if opening or gaps:
        return min(opening or gaps, key=lambda end: abs(end - gutter))
    if len(text.rstrip()) <= gutter + GUTTER_DRIFT:
        return len(text)
    return None


def find_gutter(filled: list[str], width: float) -> int | None:
    """The middle position of the widest run of positions that work as a gutter, or None."""
    lines = len(filled)
    low, high = int(width * 0.25), int(width * 0.75)
    if _double_blank_lines(filled, low, high) < (2 * GUTTER_SHARE - 1) * lines - 0.5:
        return None
    # how many lines hold a letter at each position, from the runs of letters each line holds up to the
    # middle's end (a difference array: time in words, not in lines × width)
    change = [0] * (high + 2)
    for text in filled:
        for run in NOT_BLANK.finditer(text, 0, high + 1):
            change[run.start()] += 1
            change[run.end()] -= 1
    blank, held = [0] * (high + 1), 0
    for position in range(high + 1):
        held += change[position]
        blank[position] = lines - held
    runs: list[tuple[int, int]] = []
    start = None
    for position in range(low, high + 1):
        if blank[position] >= GUTTER_SHARE * lines:
            start = position if start is None else start
        elif start is not None:
            runs.append((start, position))
            start = None
    if start is not None:
        runs.append((start, high + 1))
    runs = [run for run in runs if run[1] - run[0] >= 2]
    if not runs:
        return None
    start, end = max(runs, key=lambda run: run[1] - run[0])
    middle = (start + end) // 2
    split = sum(1 for text in filled if text[:middle].strip() and text[middle:].strip())
    return middle if split >= SPLIT_LINES_SHARE * lines else None


def _double_blank_lines(filled: list[str], low: int, high: int) -> int:
    """How many lines leave two neighbouring positions of [low, high] blank (past a line's end is blank).

    A gutter needs two such positions that each GUTTER_SHARE of the lines leave blank, so at least
    (2 × GUTTER_SHARE − 1) of the lines leave both blank: a page of running text in one column, whose
    lines part their words by single spaces, is told from one in columns without counting its words."""
    found = 0
    for text in filled:
        middle = text[low : high + 1]
        if "  " in middle or len(middle) < high + 1 - low or middle[-1:] == " " and len(text) <= high + 1:
            found += 1
    return found


# A run of lines each holding one word: a justified line pdftotext spread over several
SPREAD_MIN_WORDS = 3


def rejoin_spread_words(texts: list[str]) -> list[str]:
    """A justified line that `pdftotext` wrote one word to a line ("Bolşevik", "devletler", "zümresine",
    "katmayı") put back on one line, its words stretched too far apart for the converter to see a line.

    Only inside running text: the line above runs full (or, at the top of a column, the line below), and
    the words together make much of a line (a list of names or a signature block, one to a line, stays).
    """
    lengths = sorted(len(text.strip()) for text in texts if len(text.split()) >= SPREAD_MIN_WORDS)
    if not lengths:
        return texts
    usual = lengths[len(lengths) // 2]
    out: list[str] = []
    run: list[str] = []

    def close_run(below: str) -> None:
        joined = " ".join(word.strip() for word in run)
        above = out[-1].strip() if out else ""
        # inside running text: under a full line, or opening a column or page above a full one
        inside = len(above) >= 0.8 * usual or (not above and len(below.strip()) >= 0.8 * usual)
        if len(run) >= SPREAD_MIN_WORDS and len(joined) >= 0.4 * usual and inside:
            out.append(joined)
        else:
            out.extend(run)
        run.clear()

    for text in texts:
        word = text.strip()
        if word and " " not in word and not ONLY_NUMBER.match(text) and not text.startswith(" "):
            run.append(text)
            continue
        close_run(text)
        out.append(text)
    close_run("")
    return out


# A line holding only a number: a page number, or a note marker a converter lifted off its raised position
ONLY_NUMBER = re.compile(r"^(\s*)(\d{1,3})\s*$")
# Where a marker usually stands: after a sentence's last word, its closing quote or bracket (a closing
# quote inside a sentence too: "etmemeli” diyerek")
SENTENCE_END = re.compile(r"[^\W\d_][.!?…][”\"’»)]*(?=\s|$)|[”\"»)][.!?]?(?=\s|$)")
LAYOUT_REACH = 10  # columns a lifted number may stand off its place in a `-layout` dump
LAYOUT_DRIFT = 0.3  # or this share of its column, the farther of the two
LAYOUT_STRETCH = 1.2  # how far right of its place a lone number's column usually is
FOLLOWING_LINES = 3  # lines after a lifted marker searched for its place
MAX_OUT_OF_ORDER = 3  # how far above a lifted number a later marker may stand for it to go back there
SHORT_LINE = 0.8  # of the page's usual line length: a paragraph's last line
LIFTING_PAGES = 2  # pages with markers lifted after text, for a dump to count as lifting them


def reattach_raised_numbers(texts: list[str], page_top: bool) -> list[str]:
    """A page's lines with each note marker that `pdftotext` set on a line of its own put back in its line.

    A superscript raised well above its line comes out of pdftotext as a line of its own, before the line
    it belongs to ("1", then "müzakere edildi. İşgallere …"). It is a marker, not a page number, when a
    later line opens the note it calls and no earlier one does, and it stands between lines of text. With
    `-layout` its column says where it stood; without, it goes after the first sentence end that follows
    (or after the line before, which ended a sentence when the line after ends none). Numbers stacked on
    consecutive lines take consecutive places in ascending order. One opening the page is taken for a
    marker only with `page_top` (the dump lifts markers on other pages and does not open pages with their
    numbers) or when the page lifts others after text.
    """
    starts = [parse_note_start(text) for text in texts]
    opened: dict[int, int] = {}
    for index, start in enumerate(starts):
        if start is not None and start.rest.strip() and not ONLY_NUMBER.match(texts[index]):
            opened.setdefault(start.number, index)
    lifted = [
        index
        for index, text in enumerate(texts)
        if (match := ONLY_NUMBER.match(text)) and opened.get(int(match.group(2)), -1) > index
    ]
    if not lifted:
        return texts
    out = list(texts)
    removed: set[int] = set()
    groups: list[list[int]] = []
    for index in lifted:
        if groups and all(not out[i].strip() or i in lifted for i in range(groups[-1][-1] + 1, index)):
            groups[-1].append(index)
        else:
            groups.append([index])
    mid_text = 0  # lifted numbers with text before them on their page: this page is such a dump
    for group in groups:
        before = previous_text_line(out, group[0], removed)
        after = [i for i in range(group[-1] + 1, len(out)) if out[i].strip()][:FOLLOWING_LINES]
        if not after or ONLY_NUMBER.match(out[after[0]]):
            continue
        if before is not None:
            if ONLY_NUMBER.match(out[before]) or ((note := starts[before]) is not None and note.strong):
                continue  # under a footnote, or after another lone number: a page number
            mid_text += 1
        elif not page_top and not mid_text and len(groups) == 1:
            continue  # a lone number opening the page, and no other: a page number
        places = out_of_order_places(out, group) or marker_places(out, before, after, group)
        if places is None:
            continue
        numbers = sorted(group, key=lambda i: int(out[i].strip()))
        for (line, offset), index in sorted(zip(places, numbers, strict=True), reverse=True):
            out[line] = out[line][:offset] + out[index].strip() + out[line][offset:]
        for index in group:
            removed.add(index)
            following = index + 1
            if following < len(out) and not out[following].strip() and following not in lifted:
                removed.add(following)  # the gap pdftotext left under the lifted number
        preceding = group[0] - 1
        if before is not None and preceding > before and not ENDS_SENTENCE.search(out[before]):
            removed.add(preceding)  # and the one above it, inside a sentence
    return [text for index, text in enumerate(out) if index not in removed]


def out_of_order_places(texts: list[str], group: list[int]) -> list[tuple[int, int]] | None:
    """Places for lifted numbers that a later marker already stands above (pdftotext gives the raised
    numbers of a page's first line after that line's whole block): from the page's top, the first places
    a marker takes (a sentence end, a closing quote) before the first line holding a later marker."""
    numbers = sorted(int(texts[i].strip()) for i in group)
    later = next(
        (
            line
            for line in range(group[0])
            if any(
                c.glued_to_punctuation
                and numbers[-1] < c.number <= numbers[-1] + MAX_OUT_OF_ORDER
                and c.start > 0
                and (texts[line][c.start - 1].isalpha() or texts[line][c.start - 1] in '.!?”"»')
                for c in line_candidates(texts[line])
            )
        ),
        None,
    )
    if later is None:
        return None
    places: list[tuple[int, int]] = []
    for line in range(later + 1):
        for match in SENTENCE_END.finditer(texts[line]):
            if len(places) < len(numbers):
                places.append((line, match.end()))
    return places if len(places) == len(numbers) else None


def previous_text_line(texts: list[str], index: int, removed: set[int]) -> int | None:
    for before in range(index - 1, -1, -1):
        if texts[before].strip() and before not in removed:
            return before
    return None


def marker_places(
    texts: list[str], before: int | None, after: list[int], group: list[int]
) -> list[tuple[int, int]] | None:
    """(line, offset) for each lifted number of `group`, in reading order; None when no place is found.

    The number was lifted from the line below it, or, when the line above ends a sentence and either
    stops short (a paragraph's last line) or the line below ends none, from the line above.
    """
    first = texts[after[0]]
    columns = [len(texts[i]) - len(texts[i].lstrip(" ")) for i in group]
    if len(group) == 1 and columns[0] > 0:
        # `pdftotext -layout`: the number stood after the sentence ending nearest its column, which is only
        # roughly where it was: the lone number is set on a grid of its own, most often to the right. It
        # was lifted from the line below, or else (no sentence ends there near it) from the line above.
        column = columns[0] / LAYOUT_STRETCH
        reach = max(LAYOUT_REACH, LAYOUT_DRIFT * column)
        for line in [after[0]] if before is None else [after[0], before]:
            ends = [m.end() for m in SENTENCE_END.finditer(texts[line]) if abs(m.end() - column) <= reach]
            if ends:
                return [(line, min(ends, key=lambda end: abs(end - column)))]
    places: list[tuple[int, int]] = []
    if before is not None and ENDS_SENTENCE.search(texts[before]):
        lengths = sorted(len(text.strip()) for text in texts if text.strip())
        closes_paragraph = len(texts[before].strip()) < SHORT_LINE * lengths[len(lengths) // 2]
        if closes_paragraph or not SENTENCE_END.search(first):
            places.append((before, len(texts[before].rstrip())))
    for line in after:
        for match in SENTENCE_END.finditer(texts[line]):
            if len(places) < len(group):
                places.append((line, match.end()))
    while len(places) < len(group):
        places.append((after[0], len(first.rstrip())))
    if len(set(places)) < len(places):
        return None
    return places


def common_margin(texts: list[str]) -> int:
    """Leading spaces shared by most lines (a `pdftotext -layout` page margin), to be read as none."""
    indents = sorted(len(text) - len(text.lstrip(" ")) for text in texts if text.strip())
    return indents[len(indents) // 4] if indents else 0


def is_double_spaced(texts: list[str]) -> bool:
    """True when nearly every line is followed by a blank one and the lines are wrapped text (sentences
    run on across the blank lines): blank lines then carry no paragraph meaning. A text of one paragraph
    or heading a line with blank lines between (what editors and converters write) is not: its sentences
    end at the line ends, so its blank lines still part its paragraphs and headings."""
    filled = [i for i, text in enumerate(texts) if text.strip()]
    if len(filled) < 4:
        return False
    followed = sum(1 for i in filled if i + 1 < len(texts) and not texts[i + 1].strip())
    if followed / len(filled) <= 0.6:
        return False
    run_on = sum(1 for here, after in pairwise(filled) if _runs_on(texts[here], texts[after]))
    return run_on >= max(2, 0.2 * len(filled))


def _runs_on(line: str, following: str) -> bool:
    """The sentence of `line` goes on in `following`: a hyphenated break, or a next line opening in lower case."""
    line, following = line.rstrip(), following.lstrip()
    return line.endswith(("-", "\u00ad")) or following[:1].islower()


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
    """A zone's lines; a blank line before one marks a paragraph's start, except at the top of the page,
    where it is what the running head left (whether a paragraph starts there is for the text to say).
    A line too long for one paragraph (a text without line breaks) gives a line per paragraph of it."""
    lines: list[Line] = []
    gap = False
    for text in texts:
        if not text.strip():
            gap = True
            continue
        for index, piece in enumerate(paragraphs_of_line(text)):
            starts = gap and not double_spaced if index == 0 else True
            lines.append(Line(text=piece, page=page, gap_before=starts and bool(lines)))
        gap = False
    return lines


LONG_LINE = 5000  # characters: longer than any paragraph a converter writes on one line
PARAGRAPH_LENGTH = (
    1500  # characters a paragraph cut from a long line reaches before it ends at a sentence end
)
# a sentence end a paragraph may end at: the next sentence opens with a letter or a quote, not with digits
# that may be a spaced footnote marker ("vardılar. 9 San-Remo") or a date
PARAGRAPH_OPENING = re.compile(r"\s+[“\"«‘'(„]?[^\W\d_]")


def paragraphs_of_line(text: str) -> list[str]:
    """`text` cut into paragraphs when it is longer than `LONG_LINE`: each ends at the first sentence end
    after `PARAGRAPH_LENGTH` characters where a new sentence opens with a word; one without such a sentence
    end within `LONG_LINE` characters is cut at its last space before them. Only whitespace is dropped."""
    if len(text) <= LONG_LINE:
        return [text]
    cuts: list[int] = []
    start = 0
    for _, end in segment_sentences(text):
        if end - start >= PARAGRAPH_LENGTH and PARAGRAPH_OPENING.match(text, end):
            cuts.extend(_cuts_at_spaces(text, start, end))
            cuts.append(end)
            start = end
    cuts.extend(_cuts_at_spaces(text, start, len(text)))
    pieces = [text[a:b].strip() for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]
    return [piece for piece in pieces if piece]


def _cuts_at_spaces(text: str, start: int, end: int) -> list[int]:
    """Where text[start:end], when longer than `LONG_LINE`, is cut at spaces into pieces no longer."""
    cuts = []
    while end - start > LONG_LINE:
        space = text.rfind(" ", start + 1, start + LONG_LINE)
        if space < 0:
            break  # no space at all: a run of letters is left whole
        # rather before a word than before digits, which may be a marker or a footnote's number
        before_word = space
        while before_word > start + 1 and not text[before_word + 1 : before_word + 2].isalpha():
            before_word = text.rfind(" ", start + 1, before_word)
        cuts.append(before_word if before_word > start + 1 else space)
        start = cuts[-1]
    return cuts
