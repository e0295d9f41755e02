"""Footnote markers in body lines: candidates by form, chosen by the numbering sequence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vakanuvis.lang import LANGUAGES, language_data
from vakanuvis.structure.footnotes import SUPERSCRIPTS
from vakanuvis.structure.sentences import numeric_locators, trailing_run

DIGITS = re.compile(r"\[[0-9]{1,3}\]|[0-9]+|[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
# After these a number is a quantity, range, percentage or reference, never a marker.
NOT_BEFORE_MARKER = set("%№§/+-–—#$€£=×*'")
MARKER_FOLLOWERS = set(",;:")
MAX_SKIP = 3
LOOKAHEAD = 20  # candidates looked at before accepting a skip in the numbering


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
        if digits[0] in "⁰¹²³⁴⁵⁶⁷⁸⁹":
            if digits[0] == "⁰" or len(digits) > 3:
                continue
            found.append(MarkerCandidate(line, start, end, int(digits.translate(SUPERSCRIPTS)), True))
            continue
        if len(digits) > 3 or start == 0 or digits.startswith("0"):
            continue
        before = text[start - 1]
        if before == " " and spaced_marker(text, start, end):
            found.append(MarkerCandidate(line, start, end, int(digits), True, spaced=True))
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
    word = re.match(r"[^\W\d_]+", text)
    return word is not None and word.group().lower() in month_names()


def spaced_marker(text: str, start: int, end: int) -> bool:
    """Digits set off by one space after a sentence end, followed by a new sentence or the line end."""
    if start < 2 or text[start - 2] not in '.!?”"»)' or end - start > 3 or text[start] == "0":
        return False
    if text[start - 2] == ".":
        word = word_before(text, start - 2)
        if not word or word[-1].isdigit() or word in numeric_locators() or len(word) == 1:
            return False
    rest = text[end:]
    if not rest.strip():
        return True
    following = rest.lstrip()
    return (
        rest[0] == " "
        and (following[0].isupper() or following[0] in '“"«')
        and not starts_with_month(following)
    )


def select_markers(
    candidates: list[MarkerCandidate],
    footnote_numbers: set[int],
    footnote_pages: dict[int, int] | None = None,
) -> list[MarkerCandidate]:
    """The candidates that are markers: each the next number in sequence (small skips only to a footnote).

    A spaced candidate ("vardılar. 9 San-Remo") counts only when its footnote stands on the same page or
    the next one.
    """
    chosen: list[MarkerCandidate] = []
    last = 0
    pages = footnote_pages or {}
    for index, candidate in enumerate(candidates):
        number = candidate.number
        if candidate.spaced:
            page = pages.get(number)
            in_reach = number == last + 1 or (
                last + 1 < number <= last + 1 + MAX_SKIP
                and not expected_soon(candidates[index + 1 : index + 1 + LOOKAHEAD], last + 1, number)
            )
            if not in_reach or page is None or not 0 <= page - candidate.page <= 1:
                continue
        elif number == last + 1 and (candidate.glued_to_punctuation or number in footnote_numbers):
            pass
        elif (
            last + 1 < number <= last + 1 + MAX_SKIP
            and number in footnote_numbers
            and candidate.glued_to_punctuation
            and not expected_soon(candidates[index + 1 : index + 1 + LOOKAHEAD], last + 1, number)
            and not candidate.spaced
        ):
            pass
        else:
            continue
        chosen.append(candidate)
        last = number
    return chosen


def expected_soon(upcoming: list[MarkerCandidate], low: int, high: int) -> bool:
    """Whether a skipped-over number turns up shortly, so that the skip was a false candidate."""
    return any(
        low <= candidate.number < high and candidate.glued_to_punctuation and not candidate.spaced
        for candidate in upcoming
    )
