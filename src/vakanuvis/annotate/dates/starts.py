"""Where date expressions can begin and end, found cheaply so the grammar's patterns are tried only there.

Every function here gives exactly what the full scan would: a superset of the places a pattern can
match, or a test that is false only where no pattern can match.
"""

from __future__ import annotations

import re

from vakanuvis.annotate.dates.lexicon import WORD_START, Lexicon, spellings_of


def word_finder_pattern(lexicon: Lexicon, anaphora: str) -> str:
    """A month name or a year anaphora. When every one of them begins a word, the word-start test is
    made once for both (inside words the engine then leaves each position after one test)."""
    months = lexicon.month_pattern
    anaphoras = spellings_of(list(lexicon.year_anaphora))
    if months.startswith(WORD_START) and all(s[:1].isalpha() for s in anaphoras):
        if lexicon.month_firsts is None:
            return f"{WORD_START}(?:{months[len(WORD_START) :]}|{anaphora})"
        # and before it, a test of the first letter any of them can begin with: cheaper at most positions
        firsts = "".join(sorted(re.escape(c) for c in lexicon.month_firsts | {s[0] for s in anaphoras}))
        return f"(?=[{firsts}]){WORD_START}(?:{months[len(WORD_START) :]}|{anaphora})"
    return f"{months}|{anaphora}"


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
    start = len(kept)
    while start > 0 and not kept[start - 1].isspace():
        start -= 1
    word = kept[start:]
    return any(word[cut:] in head_endings for cut in range(len(word)))


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
    for start in starts:
        if start < cursor:
            continue
        match = pattern.match(text, start)
        if match is not None:
            found.append(match)
            cursor = match.end()
    return found


def word_starts(text: str, word_finder: re.Pattern[str]) -> list[int]:
    """Every offset where a month name or a year anaphora can begin (each offset is tried, as one
    may begin inside another)."""
    starts = []
    match = word_finder.search(text)
    while match is not None:
        starts.append(match.start())
        match = word_finder.search(text, match.start() + 1)
    return starts


def core_starts_in(text: str, word_finder: re.Pattern[str]) -> dict[str, list[int] | None]:
    """Where cores of each kind of beginning (grammar.core_start) can begin in `text`; None: anywhere."""
    days: list[int] = []
    years: list[int] = []
    for run in DIGIT_RUN.finditer(text):
        length = run.end() - run.start()
        if length <= 2:
            days.append(run.start())  # a day is a whole run of one or two digits (none may follow)
        elif length == 4:
            years.append(run.start())  # a year a whole run of four
    return {"day": days, "year": years, "word": word_starts(text, word_finder), "any": None}
