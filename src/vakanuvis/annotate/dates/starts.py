"""Where date expressions can begin and end, found cheaply so the grammar's patterns are tried only there.

Every function here gives exactly what the full scan would: a superset of the places a pattern can
match, or a test that is false only where no pattern can match.
"""

from __future__ import annotations

import re
from functools import lru_cache

from vakanuvis.annotate.dates.lexicon import (
    WORD_START,
    Lexicon,
    spellings_of,
    trie_pattern,
)


def word_finder_pattern(lexicon: Lexicon, word_forms: list[str]) -> str:
    """A month name (group "month") or a word that begins a date without a number (group "reference": a
    year anaphora, "bugün", "ayın"): a trie of each one's spellings (a "*" form by the letters before its
    inflection, which every spelling of it begins with), after one test of the letter they can begin with
    and one word-start test, so that inside words and at most other places the engine leaves each
    position at once. No text begins both a month name and such a word."""
    references = sorted(
        {" ".join(text.rstrip("*").split()) for text in spellings_of(word_forms)} - {""},
        key=lambda text: (-len(text), text),
    )
    words = lexicon.month_words + references
    pattern = f"(?:(?P<month>{trie_pattern(lexicon.month_words)})|(?P<reference>{trie_pattern(references)}))"
    if all(word[:1].isalpha() for word in words):
        firsts = "".join(sorted({re.escape(word[0]) for word in words}))
        return f"(?=[{firsts}]){WORD_START}{pattern}"
    return f"{WORD_START}{pattern}"


def last_words(forms: list[str]) -> frozenset[str] | None:
    """The last word of every spelling of `forms`; None when a form takes an inflection ("*")."""
    if any(form.rstrip().endswith("*") for form in forms):
        return None
    return frozenset(spelling.split()[-1] for spelling in spellings_of(forms) if spelling.split())


def may_end_head(window: str, head_endings: frozenset[str] | None) -> bool:
    """False when no head pattern can match at the end of `window`: a head ends at the window's end
    (but for spaces and a line break), so the window's last word must end with a head's last word.
    One look at that word spares the eight searches of the window for most dates."""
    if head_endings is None:
        return True
    kept = window.rstrip(" \t\n")
    if not kept or kept[-1].isspace():
        return False  # no word ends the window
    return kept.rsplit(None, 1)[-1].endswith(endings_tuple(head_endings))


@lru_cache(maxsize=8)
def endings_tuple(endings: frozenset[str]) -> tuple[str, ...]:
    """The non-empty `endings` as a tuple, for one `str.endswith` call (a word "ends with a head's last
    word" when some non-empty part of its end is one)."""
    return tuple(sorted(ending for ending in endings if ending))


DIGIT_RUN = re.compile(r"\d+")


def core_matches(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` finds, trying only `starts` (every place it can begin) when given.

    A core that begins with a day can begin only where a run of one or two digits does, one that
    begins with a year only where a run of four digits does, and one that begins with a month name
    only where that name can; trying those few places instead of letting the engine try every
    character of the text finds the same matches several times faster.
    """
    if starts is None:
        return list(pattern.finditer(text))
    found = []
    cursor = 0
    match_at = pattern.match
    for start in starts:
        if start < cursor:
            continue
        match = match_at(text, start)
        if match is not None:
            found.append(match)
            cursor = match.end()
    return found


def word_starts(text: str, word_finder: re.Pattern[str]) -> tuple[list[int], list[int]]:
    """Every offset where a month name can begin, and every one where a word naming a date by reference
    can (each offset is tried, as one may begin inside another)."""
    months: list[int] = []
    references: list[int] = []
    match = word_finder.search(text)
    while match is not None:
        (months if match.lastgroup == "month" else references).append(match.start())
        match = word_finder.search(text, match.start() + 1)
    return months, references


def core_starts_in(text: str, word_finder: re.Pattern[str]) -> dict[str, list[int] | None]:
    """Where cores of each kind of beginning (grammar.core_start) can begin in `text`; None: anywhere."""
    days: list[int] = []
    years: list[int] = []
    short_years: list[int] = []
    for run in DIGIT_RUN.finditer(text):
        length = run.end() - run.start()
        if length <= 2:
            days.append(run.start())  # a day is a whole run of one or two digits (none may follow)
        elif length == 4:
            years.append(run.start())  # a year a whole run of four
        elif length == 3:
            short_years.append(run.start())  # a Rumi year without its thousand, a whole run of three
    months, references = word_starts(text, word_finder)
    return {
        "day": days,
        "year": years,
        "short": short_years,
        "month": months,
        "reference": references,
        "any": None,
    }
