"""A line of a page and what can be read from it alone, the same for every step of structure recovery.

Zoning, footnote collection, marker choice and paragraph building each read single lines: the footnote
number a footnote-zone line opens with, the numbers in a body line that could be markers, whether a text
begins with a month, how a line joins the next. Those readings and the line types live here, so that the
steps (`zones`, `footnotes`, `markers`, `paragraphs`) import this module and not each other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from vakanuvis.lang import LANGUAGES, language_data
from vakanuvis.model import Furniture
from vakanuvis.structure.sentences import leading_abbreviations, numeric_locators, trailing_run

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPERSCRIPTS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
PAGE_NUMBER = re.compile(r"^\s*[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,6})\s*[-–—]?\s*$", re.IGNORECASE)


@dataclass
class Line:
    """One line in a zone, with what the later steps need to know about its surroundings."""

    text: str
    page: int
    font_size: float | None = None
    gap_before: bool = False  # a blank line or a wide vertical gap precedes it
    indented: bool = False  # first-line indent (layout only)
    # whether it runs to its column's right edge (layout only; None for plain text, measured in letters)
    full_width: bool | None = None
    confidence: float | None = None  # OCR's mean word confidence (RawLine.confidence)


@dataclass
class PageZones:
    page: int
    body: list[Line] = field(default_factory=list)
    notes: list[Line] | None = None  # None: no footnote zone found by layout or separator
    furniture: list[Furniture] = field(default_factory=list)


# ---------------------------------------------------------------- the footnote number opening a line

NOTE_START = re.compile(
    r"^\s{0,4}(?:"
    r"\[(?P<bracket>\d{1,3})\]"
    r"|(?P<paren>\d{1,3})\)"
    r"|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
    r"|(?P<dot>\d{1,3})\.(?=\s)"
    r"|(?P<plain>\d{1,3})(?=\s|[^\W\d_])"
    # a number set tight against a note that opens with a year: "401945-1953 arasında"
    r"|(?P<year>\d{1,3})(?=(?:1[5-9]|20)\d\d(?!\d))"
    r")(?P<space>\s*)(?=\S)"
)
# A number that does not follow the previous footnote's may still open one when it is marked unmistakably,
# allowing for a footnote that the converter lost.
MAX_NOTE_SKIP = 3


@dataclass
class NoteStart:
    number: int
    label: str  # the characters of the number as written: "12", "[12]", "12)", "¹²"
    rest: str  # the footnote's text on this line
    strong: bool


def parse_note_start(text: str) -> NoteStart | None:
    """The footnote number at the start of a footnote-zone line, if any."""
    match = NOTE_START.match(text)
    if not match:
        return None
    kind = next(name for name in ("bracket", "paren", "sup", "dot", "plain", "year") if match.group(name))
    if kind == "plain" and not match.group("space") and text[match.end()].islower():
        return None  # "2nci Ordu", "3üncü": an ordinal with its suffix, not a note number
    number = int(match.group(kind).translate(SUPERSCRIPTS))
    label = text[: match.start("space")].strip()
    strong = kind in ("bracket", "paren", "sup") or (
        kind != "year" and (len(match.group("space")) >= 2 or not match.group("space"))
    )
    return NoteStart(number=number, label=label, rest=text[match.end() :], strong=strong)


def accepts(start: NoteStart, last: int) -> bool:
    """Whether a number opens the next footnote: the next in sequence, or a small skip marked clearly."""
    if start.number == last + 1:
        return True
    return start.strong and last + 1 < start.number <= last + 1 + MAX_NOTE_SKIP


# ---------------------------------------------------------------- marker candidates in a body line

DIGITS = re.compile(r"\[[0-9]{1,3}\]|[0-9]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# After these a number is a quantity, range, percentage or reference, never a marker.
NOT_BEFORE_MARKER = set("%№§/+-–—#$€£=×*'")
MARKER_FOLLOWERS = set(",;:")


@dataclass
class MarkerCandidate:
    line: int  # index of the body line
    start: int  # offsets of the digits in that line's text
    end: int
    number: int
    glued_to_punctuation: bool
    spaced: bool = False  # set off by a space after a sentence end: "vardılar. 9 San-Remo"
    page: int = 0


def line_candidates(text: str, line: int = 0) -> list[MarkerCandidate]:
    """Numbers in one body line that could be footnote markers, judged by what touches them."""
    found: list[MarkerCandidate] = []
    for match in DIGITS.finditer(text):
        digits, start, end = match.group(), match.start(), match.end()
        if digits.startswith("["):
            # "[12]" glued to a word or punctuation is a marker in its bracketed form.
            if start > 0 and not text[start - 1].isspace() and not digits.startswith("[0"):
                found.append(MarkerCandidate(line, start, end, int(digits[1:-1]), True))
            continue
        if digits[0] in SUPERSCRIPT_DIGITS:
            if digits[0] == "⁰" or len(digits) > 3:
                continue
            found.append(MarkerCandidate(line, start, end, int(digits.translate(SUPERSCRIPTS)), True))
            continue
        if len(digits) > 3 or start == 0 or digits.startswith("0"):
            continue
        before = text[start - 1]
        if before == " " and spaced_marker(text, start, end):
            # one inside a sentence ("öneri, 14 Ankara’da") is too weak to say a page goes on below
            rest = text[end:].strip()
            closes = text[start - 2] in ".!?" or (
                text[start - 2] not in ",;" and (not rest or rest[0].isupper())
            )
            found.append(MarkerCandidate(line, start, end, int(digits), closes, spaced=True))
            continue
        if before.isspace() or before.isdigit() or before in NOT_BEFORE_MARKER:
            continue
        after = text[end] if end < len(text) else " "
        if not (
            after.isspace()
            or (after in MARKER_FOLLOWERS and (end + 1 >= len(text) or text[end + 1].isspace()))
        ):
            continue
        if before in ".," and start >= 2 and text[start - 2].isdigit():
            continue  # a decimal or thousands separator: "200,6", "17.600"
        if before == ".":
            word = word_before(text, start - 1)
            if not word or word[-1].isdigit() or word in numeric_locators():
                continue
            if len(word) == 1 and word.isupper():
                continue  # an initial: "M.15" is not a sentence end with a marker
        glued = not before.isalnum()
        found.append(MarkerCandidate(line, start, end, int(digits), glued))
    return found


def ends_open(text: str) -> bool:
    """Whether a footnote line stops where a note cannot end: on a comma, a colon or a hyphen, on a
    locator that wants its number ("Belge No.", "s.", "т.") or a title that wants its name ("Prof. Dr.")
    — the note runs on to the next page."""
    stripped = text.rstrip()
    if stripped.endswith((",", ";", ":", "-", "–")):
        return True
    last = stripped.rsplit(None, 1)[-1] if stripped else ""
    word = last[:-1].rsplit(".", 1)[-1]
    return last.endswith(".") and (word in numeric_locators() or word in leading_abbreviations())


def word_before(text: str, stop: int) -> str:
    """The word (no dots, brackets or opening quotes) that ends text[:stop]; "" when none does."""
    start, end = trailing_run(text, stop, '.([“"«')
    return text[start:end]


@cache
def month_names() -> frozenset[str]:
    """Month names of every language (from the dates data), lower-cased: "9 Mayıs" is a date, not a marker."""
    names: set[str] = set()
    for code in LANGUAGES:
        months = language_data(code, "dates").get("months", {})
        if isinstance(months, dict):
            for spellings in months.values():
                names.update(
                    str(name).lower() for name in (spellings if isinstance(spellings, list) else [spellings])
                )
    return frozenset(names)


def starts_with_month(text: str) -> bool:
    """Whether a text begins with a month name: "4 Mayıs 1920" continues a note, it does not open one."""
    word = re.match(r"[^\W\d_]+", text)
    return word is not None and word.group().lower() in month_names()


OPENING_NUMBER = re.compile(r"(?:1[5-9]|20)\d\d(?![\d.,])|\d{1,3}\.(?:\s+[^\W\d_]|\s*$)")


@cache
def number_labels() -> frozenset[str]:
    """Capitalized words that numbers follow ("Cilt 3", "Madde 5", "Belge 12"), every language's."""
    return frozenset(
        str(word)
        for code in LANGUAGES
        for word in language_data(code, "abbreviations").get("number_labels", [])
    )


def names_before(text: str, stop: int) -> bool:
    """Whether the word ending at text[:stop] is a name ("Karahan", "Çiçerin"): capitalized, inside its
    sentence, and no label that numbers follow ("Cilt", "Madde", a month)."""
    start, end = trailing_run(text, stop, '.,;:([“"«')
    word = text[start:end]
    if len(word) < 2 or not word[0].isupper() or not word[1:].islower():
        return False
    if word.lower() in numeric_locators() or word.lower() in month_names() or word in number_labels():
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:"


def spaced_marker(text: str, start: int, end: int) -> bool:
    """Digits set off by one space after a sentence end, followed by a new sentence or the line end; or,
    inside a sentence, after a closing quote or a name followed by a word ("etmemeli” 15 diyerek",
    "Karahan 10 ile"), or after a comma followed by a name or after a name's comma ("öneri, 14 Ankara’da",
    "Çiçerin, 6 diplomatik"): where a converter leaves a superscript a space apart. Such a number is a
    marker only in the footnotes' sequence, with its note on the page (`markers.select_markers`)."""
    if start < 2 or end - start > 3 or text[start] == "0":
        return False
    could_be_day = int(text[start:end]) <= 31
    if text[start - 2] in ",;" and not text[end:].strip() and names_before(text, start - 2):
        return True  # a name's comma, and the sentence goes on in the next line: "Georgi Çiçerin, 6"
    if text[start - 2] in ',;”"»)' and end < len(text) and text[end] == " ":
        following = text[end + 1 :]
        next_word = re.match(r"[^\W\d_]+", following)
        if next_word is None:
            return False
        if (
            text[start - 2] in ",;"
            and not next_word.group()[0].isupper()
            and not names_before(text, start - 2)
        ):
            return False  # "tüfek, 5 milyondan fazla": a count goes on in lower case after a comma
        return not (could_be_day and starts_with_month(following))
    if text[start - 2].isalpha() and end < len(text) and text[end] == " " and names_before(text, start - 1):
        # after a name, inside a sentence: "Lev Karahan 10 ile", "Aleksandr Hatisyan 25 başkanlık"
        following = text[end + 1 :]
        return bool(re.match(r"[^\W\d_]", following)) and not (could_be_day and starts_with_month(following))
    if text[start - 2] not in '.!?”"»)':
        return False
    if text[start - 2] == ".":
        word = word_before(text, start - 2)
        if not word or word[-1].isdigit() or word in numeric_locators() or len(word) == 1:
            return False
    rest = text[end:]
    if not rest.strip():
        return True
    following = rest.lstrip()
    if rest[0] != " ":
        return False
    if following[0].isdigit():
        # a marker before a sentence that opens with a date ("kurulmalıdır. 36 28 Nisan 1920’de", or its day
        # ending the line), a year ("içeriyordu. 8 1920 baharında") or an ordinal ("bıraktı. 5 15. Kolordu")
        if OPENING_NUMBER.match(following) or re.fullmatch(r"\d{1,2}\s*", following):
            return True
        day = re.match(r"(\d{1,2})\s+", following)
        return day is not None and starts_with_month(following[day.end() :])
    # "vardılar. 9 Mayıs'ta" is a date; "vardılar. 39 Ağustos-Ekim" cannot be one
    return (following[0].isupper() or following[0] in '“"«') and not (
        could_be_day and starts_with_month(following)
    )


# ---------------------------------------------------------------- joining a line to the next

SOFT_HYPHEN = "\u00ad"
# Turkish izafet endings written after a hyphen ("Vilayet-i", "Misak-ı", "Hukuk-u"): a line break after
# such a hyphen splits a compound, not a word.
IZAFET = {"ı", "i", "u", "ü"}
WORD_AT_END = re.compile(r"[^\W\d_]+$")
WORD_AT_START = re.compile(r"[^\W\d_]+")


def join_at_break(left: str, right: str) -> tuple[str, str, str | None]:
    """How two lines meet: (left text to keep, glue, removed hyphen or None)."""
    if left.endswith(SOFT_HYPHEN):
        return left[:-1], "", SOFT_HYPHEN
    if left.endswith("-") and len(left) >= 2 and left[-2].isalpha():
        first = WORD_AT_START.match(right)
        if first is None or not right[0].isalpha():
            return left, "", None  # "Türkiye-" + "1920": a compound with a number
        if right[0].islower():
            head = WORD_AT_END.search(left[:-1])
            reduplicated = head is not None and head.group().lower() == first.group().lower()
            if first.group() in IZAFET or reduplicated:
                return left, "", None
            return left[:-1], "", "-"
        return left, "", None  # "Azerbaycan-" + "Ermenistan": a hyphenated compound of names
    if left.endswith("-") and len(left) >= 2 and left[-2].isdigit() and right[:1].isdigit():
        return left, "", None  # "1918-" + "20"
    return left, " ", None


def join_lines(lines: list[str]) -> tuple[str, list[str]]:
    """Lines of one paragraph joined into one string; also the hyphens removed."""
    text = ""
    removed: list[str] = []
    for line in lines:
        if not text:
            text = line
            continue
        text, glue, hyphen = join_at_break(text, line)
        if hyphen:
            removed.append(hyphen)
        text = text + glue + line
    return text, removed
