"""The grammar of date expressions: numbers and month words, grown by the words around them.

Scanning has four steps. Core patterns find days, months and years ("19 Mayıs 1919",
"4-11 Eylül", "Mart-Nisan 1920", "1918-20"). Each core then takes the words after it
(case suffixes, "yılının yaz aylarında", "başlarında", "itibaren", "г.", "(ст. ст.)") and
before it ("yaklaşık", "the summer of", "с"). Neighbouring expressions join into ranges
("Ağustos 1920’den Ekim 1921’e kadar", "from … to …"). Last, expressions that may be plain
numbers (a bare year, a month name alone) are kept only when something marks them as dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from vakanuvis.annotate.dates.lexicon import (
    APOSTROPHE,
    LETTERS,
    WORD_END,
    Lexicon,
    alternation,
    build_lexicon,
    key,
    lookup,
)
from vakanuvis.annotate.dates.starts import (
    core_matches,
    core_starts_in,
    last_words,
    may_end_head,
    word_finder_pattern,
)

DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
DAY = rf"(?<!\d)(?<!\d[.,/]){DAY_NUMBER}"
# A year of the historiography: 1000-2099, not part of a longer number such as "17.600".
# (A four-digit group after a separator is no thousands group, so "1,1945" may hold a year.)
YEAR = r"(?<!\d)(?:1\d{3}|20\d{2})(?![.,]?\d)"
SHORT_RUMI_YEAR = r"(?<!\d)3\d\d(?![.,]?\d)"  # 1300-1399 Rumi written "300"-"399"
DASH = r"\s*[-–—]\s*"
ROMAN_MONTHS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]


@dataclass
class Point:
    """One end of a date as written: any of its parts may be missing."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    calendar: str = "gregorian"  # what the month name says: "gregorian" | "hijri"
    rumi_name: bool = False  # a Turkish month name, which a Rumi-range year makes Rumi


@dataclass
class Expression:
    """A date expression found in a text, before normalization."""

    start: int
    end: int
    first: Point
    last: Point | None = None  # the end of a range
    season: int | None = None  # EDTF season code 21-24
    part: str | None = None  # "begin" | "middle" | "end" | "first_half" | "second_half"
    approximate: bool = False
    uncertain: bool = False
    open_start: bool = False
    open_end: bool = False
    old_style: bool = False
    calendar_marker: str | None = None  # "rumi" | "hijri", from "R." / "H."
    suffix: str = ""  # the case suffix after the last word ("da", "den", "e")
    narrative: bool = False  # carries prose words (case suffix, season, "itibaren"): not a citation
    confirmed: bool = False  # something beyond the number says it is a date
    range_from: str = ""  # "from", "between", "с" written before it
    range_tail: bool = False  # "… arasında" after it
    bare_year: bool = False  # a year or year range with no month
    decade: bool = False  # "1920’li yıllarda", "the 1920s"
    last_season: int | None = None  # the season of a range's end ("с весны 1920 по осень 1922")
    year_offset: int | None = None  # "aynı yıl" 0, "ertesi yıl" +1: the year is the context's plus this
    marks: list[str] = field(default_factory=list)  # what confirmed it, for debugging


def month_group(name: str) -> str:
    """A month name with its optional suffix; named groups `name` and `name`_s."""
    return rf"(?P<{name}>{{MONTH}})(?P<{name}_s>{APOSTROPHE}{LETTERS}+|{{ATTACHED}})?{WORD_END}"


def month_then_year(name: str, year: str) -> str:
    """A month name followed either by a year or by its own suffix."""
    return (
        rf"(?P<{name}>{{MONTH}})(?:\s*,?\s*(?:{{YEAR_BEFORE}}\s+)?(?P<{year}>{YEAR})"
        rf"|(?P<{name}_s>{APOSTROPHE}{LETTERS}+|{{ATTACHED}})?{WORD_END})"
    )


CORE_PATTERNS = {
    "double-date": rf"(?P<d1>{DAY})\s*\(\s*(?P<d2>{DAY_NUMBER})\s*\)\s+" + month_then_year("m1", "y1"),
    "double-date-months": rf"(?P<d1>{DAY})\s+(?P<m1>{{MONTH}})\s*\(\s*(?P<d2>{DAY_NUMBER})\s+(?P<m2>{{MONTH}})\s*\)"
    + rf"\s*,?\s*(?P<y1>{YEAR})",
    "day-range": rf"(?P<d1>{DAY})\.?(?:{{TO}}|(?P<slash>/))(?P<d2>{DAY_NUMBER})\.?\s+"
    + month_then_year("m1", "y1"),
    "date-range": rf"(?P<d1>{DAY}){{DAY_SUFFIX}}\s+"
    + month_then_year("m1", "y1")
    + r"{TO}"
    + rf"(?P<d2>{DAY}){{DAY_SUFFIX}}\s+"
    + month_then_year("m2", "y2"),
    "month-day-year": rf"(?P<m1>{{MONTH}})\s+(?P<d1>{DAY})(?:st|nd|rd|th)?,?\s+(?P<y1>{YEAR})",
    "numeric": rf"(?P<d1>{DAY})[./](?P<mn>1[0-2]|0?[1-9])[./](?P<y1>{YEAR})",
    # "6.V.1921", "6 V 1921": Roman month numbers, common in Soviet references
    "roman": rf"(?P<d1>{DAY})(?:\.\s?|\s)(?P<mr>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?:\.\s?|\s)(?P<y1>{YEAR})",
    # "19 Mayıs 1919", "18-го октября", "the 1st of May 1920"
    "day-month": rf"(?P<d1>{DAY}){{DAY_SUFFIX}}\s+(?:of\s+)?" + month_then_year("m1", "y1"),
    # "Mayıs ayının 20’sine", "Mayıs’ın 19’unda"
    "month-link-day": rf"(?P<m1>{{MONTH}})(?:\s+{{LINK}}|{APOSTROPHE}{{GENITIVE}})\s+(?P<d1>{DAY})"
    + rf"(?P<d1_s>{APOSTROPHE}{LETTERS}+)",
    "month-day-suffix": month_group("m1") + rf"\s+(?P<d1>{DAY})-{LETTERS}+",
    "month-range": rf"(?P<m1>{{MONTH}}){DASH}" + month_then_year("m2", "y1"),
    "month": month_then_year("m1", "y1"),
    "year-range": rf"(?P<y1>{YEAR}){DASH}(?P<y2>1\d{{3}}|20\d{{2}}|\d{{2}})(?![.,]?\d)",
    "year-and-year": rf"(?P<y1>{YEAR})(?:{APOSTROPHE}{LETTERS}+)?\s+{{AND}}\s+(?P<y2>{YEAR})",
    "year": rf"(?P<y1>{YEAR})",
    "same-year": r"(?P<anaphora>{ANAPHORA})",
    # Rumi years written without their thousand, as telegrams and official papers of the period do:
    # "23/7/335", "12 Mart 336 tarihli" (only where the lexicon has a Rumi calendar; see core_expression)
    "numeric-short-rumi": rf"(?P<d1>{DAY})[./](?P<mn>1[0-2]|0?[1-9])[./](?P<y1>{SHORT_RUMI_YEAR})",
    "day-month-short-rumi": rf"(?P<d1>{DAY}){{DAY_SUFFIX}}\s+(?P<m1>{{MONTH}})\s+(?P<y1>{SHORT_RUMI_YEAR})"
    + rf"(?=[ \t]*(?:$|[\n.,;:)\]”\"]|{APOSTROPHE}|{{DATE_AFTER_SHORT_YEAR}}))",
}
SHORT_RUMI = ("numeric-short-rumi", "day-month-short-rumi")


@dataclass
class Grammar:
    """Compiled patterns for one lexicon."""

    lexicon: Lexicon
    cores: list[tuple[str, re.Pattern[str]]]
    tails: list[tuple[str, re.Pattern[str]]]
    heads: list[tuple[str, re.Pattern[str]]]
    range_to: re.Pattern[str]
    range_and: re.Pattern[str]
    dash: re.Pattern[str]
    # Per core, where it can start: "day", "year", "word" (see core_start) or "any"
    core_starts: list[str] = field(default_factory=list)
    word_finder: re.Pattern[str] = re.compile("(?!x)x")  # a month name or a year anaphora
    head_endings: frozenset[str] | None = None  # last words of every head form (None: any word)
    any_tail: re.Pattern[str] | None = None  # matches where some tail does (a quick test before trying each)


@cache
def grammar_for(languages: tuple[str, ...]) -> Grammar:
    """Compile the grammar of `languages`."""
    lexicon = build_lexicon(languages)
    pattern = lexicon.pattern
    fills = {
        "MONTH": lexicon.month_pattern,
        "ATTACHED": alternation(lexicon.words_of("attached_suffixes"), bounded=False, suffix=True),
        "LINK": pattern("month_day_links"),
        "GENITIVE": pattern("genitive_suffixes"),
        "DAY_SUFFIX": rf"(?:\.|{alternation(lexicon.words_of('day_suffixes'), suffix=True)})?",
        "YEAR_BEFORE": pattern("year_before_words"),
        "AND": pattern("range_and"),
        "TO": rf"(?:{DASH}|\s+{pattern('range_to')}\s+)",
        "ANAPHORA": alternation(list(lexicon.year_anaphora)),
        # what may follow "12 Mart 336" for 336 to be a year: "tarihli", "sene", "R." (a number of men
        # or guns follows in other words)
        "DATE_AFTER_SHORT_YEAR": rf"(?:{pattern('date_words')}|{pattern('year_words')}|{pattern('rumi_markers')})",
    }
    cores = []
    core_starts = []
    for name, template in CORE_PATTERNS.items():
        if name in SHORT_RUMI and lexicon.rumi_years is None:
            continue
        text = template
        for slot, value in fills.items():
            text = text.replace("{" + slot + "}", value)
        cores.append((name, re.compile(text)))
        core_starts.append(core_start(template))
    seasons_after = alternation(list(lexicon.seasons_after))
    parts_after = alternation(list(lexicon.parts_after))
    tails = [
        ("decade", rf"(?P<w>{alternation(lexicon.words_of('decade_suffixes'), suffix=True)})"),
        ("suffix", rf"{APOSTROPHE}(?P<w>{LETTERS}+)"),
        ("detached", rf" (?P<w>{pattern('detached_suffixes')})"),
        ("old_style", rf"\s*{pattern('old_style_markers')}"),
        ("year_word", rf"\s*(?P<w>{pattern('year_words')})"),
        ("rumi", rf"\s*{pattern('rumi_markers')}"),
        ("hijri", rf"\s*{pattern('hijri_markers')}"),
        ("season", rf"\s+(?P<w>{seasons_after})"),
        ("part", rf"\s+(?P<w>{parts_after})"),
        ("month_word", rf"\s+(?P<w>{pattern('month_words')})"),
        ("date_word", rf"\s+{pattern('date_words')}"),
        ("within", rf"\s+{pattern('within_words')}"),
        ("range_tail", rf"\s+{pattern('range_tails')}"),
        ("approximate", rf"\s+{pattern('approximate_after')}"),
        ("open_start", rf"\s+{pattern('open_start_after')}"),
        ("open_end", rf"\s+(?P<w>{pattern('open_end_after')})"),
        ("uncertain", r"\s?(?:\(\?\)|\?)"),
    ]
    head_forms = [
        ("approximate", lexicon.words_of("approximate_before")),
        ("part", list(lexicon.parts_before)),
        ("season", list(lexicon.seasons_before)),
        ("range_from", lexicon.words_of("range_from")),
        ("open_start", lexicon.words_of("open_start_before")),
        ("open_end", lexicon.words_of("open_end_before")),
        ("range_prefix", lexicon.words_of("range_prefix")),
        ("preposition", lexicon.words_of("year_prepositions")),
    ]
    heads = [(name, alternation(forms)) for name, forms in head_forms]
    return Grammar(
        lexicon=lexicon,
        cores=cores,
        tails=[(name, re.compile(text)) for name, text in tails],
        any_tail=re.compile("|".join(f"(?:{_unnamed(text)})" for _, text in tails)),
        heads=[(name, re.compile(rf"(?P<w>{text})[ \t]*\n?[ \t]*$")) for name, text in heads],
        range_to=re.compile(rf"\s+{pattern('range_to')}\s+$"),
        range_and=re.compile(rf"\s+{pattern('range_and')}\s+$"),
        dash=re.compile(rf"^{DASH}$"),
        core_starts=core_starts,
        word_finder=re.compile(word_finder_pattern(lexicon, fills["ANAPHORA"])),
        head_endings=last_words([form for _, forms in head_forms for form in forms]),
    )


def _unnamed(pattern: str) -> str:
    """A pattern with its named groups made plain groups, to join with others that use the same names."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


def core_start(template: str) -> str:
    """What a core pattern begins with: "day" (one or two digits), "year" (four digits), "word" (a month
    name or a year anaphora) or "any"."""
    if template.startswith(f"(?P<d1>{DAY})"):
        return "day"
    if template.startswith(f"(?P<y1>{YEAR})"):
        return "year"
    if template.startswith(("(?P<m1>{MONTH})", "(?P<anaphora>{ANAPHORA})")):
        return "word"
    return "any"


def point_from(match: re.Match[str], lexicon: Lexicon, day: str, month: str, year: str) -> Point:
    """A point from the named groups of a match (any may be absent)."""
    index = match.re.groupindex
    groups = {name: match.group(name) for name in (day, month, year, "mr", "mn") if name in index}
    point = Point()
    if groups.get(year):
        point.year = int(groups[year])
    if groups.get(day):
        point.day = int(groups[day])
    if groups.get(month):
        found = lexicon.month_number(groups[month])
        if found:
            point.month, point.calendar = found
            point.rumi_name = key(groups[month]) in lexicon.rumi_month_keys
    if groups.get("mr") and month == "m1":
        point.month = ROMAN_MONTHS.index(groups["mr"]) + 1
    if groups.get("mn") and month == "m1":
        point.month = int(groups["mn"])
        point.rumi_name = lexicon.rumi_years is not None  # "23.4.1336" in Turkish usage is Rumi
    return point


def core_expression(name: str, match: re.Match[str], lexicon: Lexicon) -> Expression | None:
    """The expression of one core match, or None when its numbers cannot be a date."""
    first = point_from(match, lexicon, "d1", "m1", "y1")
    if name in SHORT_RUMI:
        low, high = lexicon.rumi_years or (0, 0)
        first.year = 1000 + (first.year or 0)
        if not low <= first.year <= high:
            return None
        first.rumi_name = True  # only a Rumi year is written without its thousand
    expression = Expression(start=match.start(), end=match.end(), first=first)
    suffix = match.group("m1_s") if "m1_s" in match.re.groupindex else None
    if name.startswith("double-date") or (
        name == "day-range" and match.group("slash") and int(match.group("d2")) - (first.day or 0) in (12, 13)
    ):
        expression.old_style = True  # "12 (25) января", "12/25 января": Old Style, then New Style
        expression.confirmed = True
        expression.marks.append("double date")
    elif name == "day-range":
        expression.last = Point(
            first.year, first.month, int(match.group("d2")), first.calendar, first.rumi_name
        )
    elif name == "date-range":
        expression.last = point_from(match, lexicon, "d2", "m2", "y2")
        suffix = match.group("m2_s")
    elif name in ("month-range",):
        second = point_from(match, lexicon, "d2", "m2", "y1")
        first.year = second.year
        expression.last = second
        suffix = match.group("m2_s")
    elif name in ("year-range", "year-and-year"):
        low, high_text = int(match.group("y1")), match.group("y2")
        high = int(high_text) if len(high_text) == 4 else low // 100 * 100 + int(high_text)
        if not low < high <= low + 100:
            return None
        expression.last = Point(year=high)
        expression.bare_year = True
        if name == "year-range":
            expression.confirmed = True
            expression.marks.append("year range")
    elif name == "year":
        expression.bare_year = True
    elif name == "month-link-day":
        suffix = match.group("d1_s")
    elif name == "same-year":
        expression.year_offset = lookup(lexicon.year_anaphora, match.group("anaphora"))
        expression.bare_year = expression.confirmed = True
        return expression
    if first.month is None and first.year is None:
        return None
    if suffix:
        expression.suffix = key(suffix.lstrip("’'‘`´"))
        expression.narrative = True
    if first.day is not None or (first.month is not None and first.year is not None):
        expression.confirmed = True
    return expression


def find_cores(text: str, grammar: Grammar) -> list[Expression]:
    """Leftmost-longest core expressions, not overlapping."""
    starts = core_starts_in(text, grammar.word_finder)
    candidates: list[tuple[int, int, int, str, re.Match[str]]] = []
    for order, (name, pattern) in enumerate(grammar.cores):
        for match in core_matches(pattern, text, starts[grammar.core_starts[order]]):
            candidates.append((match.start(), -(match.end() - match.start()), order, name, match))
    candidates.sort(key=lambda item: item[:3])
    chosen: list[Expression] = []
    taken_until = -1
    for start, _length, _order, name, match in candidates:
        if start < taken_until:
            continue
        expression = core_expression(name, match, grammar.lexicon)
        if expression is not None:
            chosen.append(expression)
            taken_until = match.end()
    return chosen


def grow_tail(expression: Expression, text: str, grammar: Grammar, limit: int) -> None:
    """Take the words after the expression that qualify it."""
    lexicon = grammar.lexicon
    decades = lexicon.pattern("decade_suffixes")
    position = expression.end
    any_tail = grammar.any_tail
    for _ in range(8):
        if any_tail is not None and any_tail.match(text, position, limit) is None:
            break  # no tail matches here: the loop below would find none either
        for name, pattern in grammar.tails:
            match = pattern.match(text, position, limit)
            if not match or match.end() == position:
                continue
            word = match.groupdict().get("w") or ""
            if name in ("suffix", "detached") and expression.suffix:
                continue
            if name in ("season", "part") and expression.first.day is not None:
                continue
            if name == "season" and expression.first.month is not None:
                continue
            if name == "suffix" or name == "detached":
                expression.suffix = key(word)
                if (
                    expression.bare_year
                    and expression.last is None
                    and re.fullmatch(decades, expression.suffix)
                ):
                    expression.decade = (expression.first.year or 1) % 10 == 0
            elif name == "decade":
                if (
                    not expression.bare_year
                    or expression.last is not None
                    or (expression.first.year or 1) % 10
                ):
                    continue
                expression.decade = True
            elif name == "year_word" and expression.first.month is not None and expression.first.day is None:
                if expression.first.year is None:
                    continue
            elif name == "season":
                expression.season = lookup(lexicon.seasons_after, word) or 22
            elif name == "part":
                expression.part = str(lookup(lexicon.parts_after, word))
            elif name in ("rumi", "hijri"):
                expression.calendar_marker = name
            elif name == "approximate":
                expression.approximate = True
            elif name == "uncertain":
                expression.uncertain = True
            elif name == "open_start":
                expression.open_start = True
            elif name == "open_end":
                expression.open_end = True
            elif name == "old_style":
                expression.old_style = True
            elif name == "range_tail":
                expression.range_tail = True
            if name not in ("old_style", "rumi", "hijri", "uncertain", "year_word"):
                expression.narrative = True
            if name == "year_word" and not word.startswith(("г", "-")):
                expression.narrative = True
            expression.confirmed = True
            expression.marks.append(name)
            position = match.end()
            break
        else:
            break
    expression.end = position


def grow_head(expression: Expression, text: str, grammar: Grammar, floor: int) -> None:
    """Take the words before the expression that qualify it."""
    lexicon = grammar.lexicon
    # Words such as "около", "до", "yaklaşık" also stand before quantities: alone they do not make
    # a bare number a year; the prepositions of years and the season and part words do.
    year_words = lexicon.keys("year_prepositions")
    for _ in range(4):
        window = text[max(floor, expression.start - 40) : expression.start]
        if not may_end_head(window, grammar.head_endings):
            return  # what the loop below ends with when no head matches
        for name, pattern in grammar.heads:
            match = pattern.search(window)
            if not match:
                continue
            word = match.group("w")
            start = expression.start - (len(window) - match.start())
            if name == "preposition":
                expression.confirmed = True
                expression.marks.append(name)
                return  # "in", "в": confirms, but is not part of the expression
            if name == "season":
                if expression.first.month is not None:
                    continue
                expression.season = lookup(lexicon.seasons_before, word) or 22
            elif name == "part":
                if expression.first.day is not None:
                    continue
                expression.part = str(lookup(lexicon.parts_before, word))
            elif name == "approximate":
                expression.approximate = True
            elif name == "range_from":
                expression.range_from = key(word)
            elif name == "open_start":
                expression.open_start = True
            elif name == "open_end":
                expression.open_end = True
            if (
                not expression.bare_year
                or name in ("season", "part", "range_prefix")
                or key(word) in year_words
            ):
                expression.confirmed = True
            expression.marks.append(name)
            expression.start = start
            break
        else:
            return
