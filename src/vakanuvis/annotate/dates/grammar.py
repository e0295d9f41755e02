"""The grammar of date expressions: numbers and month words, grown by the words around them.

Here: what an expression is and the patterns of its core, compiled per set of languages. The steps of
a scan are in `cores` (the core of each expression), `growth` (the words around it) and `assemble`.
Scanning has four steps. Core patterns find days, months and years ("19 Mayıs 1919",
"4-11 Eylül", "Mart-Nisan 1920", "1918-20", "23. V. 1336", "Martın yirmi üçünde") and the words that
name a day, month or year by reference ("bugün", "mah-ı sabık", "geçen sene", "ertesi gün", "ayın
yirmisinde"). Each core then takes the words after it
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
)
from vakanuvis.annotate.dates.numbers import (
    SHORT_RUMI_YEAR,
    day_words_before_month,
    day_words_inflected,
    two_digit_rumi_year,
)
from vakanuvis.annotate.dates.starts import last_words, word_finder_pattern
from vakanuvis.compiled_patterns import compile_pattern, save_compiled_patterns

DAY_NUMBER = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
DAY = rf"(?<!\d)(?<!\d[.,/]){DAY_NUMBER}"
# A year of the historiography: 1000-2099, not part of a longer number such as "17.600".
# (A four-digit group after a separator is no thousands group, so "1,1945" may hold a year.)
YEAR = r"(?<!\d)(?:1\d{3}|20\d{2})(?![.,]?\d)"
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
    # counted from the document's date: ("day", -1) "dün", ("month", -1) "mah-ı sabık", ("year", 1) "sene-i atiye"
    deixis: tuple[str, int] | None = None
    month_deixis: int | None = None  # "geçen Mart" -1, "bu Mart" 0, "önümüzdeki Nisan" +1
    day_anaphora: int | None = None  # "ertesi gün" +1: the narrative's last day plus this
    month_anaphora: bool = False  # "ayın yirmisinde": a day of the narrative's month
    # "Çarşamba günü", "Friday last": (ISO weekday, -1 for the one before the anchor, 1 after, 0 as the tense says)
    weekday: tuple[int, int] | None = None
    marks: list[str] = field(default_factory=list)  # what confirmed it, for debugging


def month_group(name: str) -> str:
    """A month name with its optional suffix; named groups `name` and `name`_s."""
    return rf"(?P<{name}>{{MONTH}})(?P<{name}_s>{APOSTROPHE}{LETTERS}+|{{ATTACHED}})?{WORD_END}"


def month_then_year(name: str, year: str) -> str:
    """A month name followed either by a year (a Rumi one may lack its thousand) or by its own suffix."""
    return (
        rf"(?P<{name}>{{MONTH}})(?:\s*,?\s*(?:{{YEAR_BEFORE}}\s+)?(?P<{year}>{YEAR}|{{SHORT_YEAR_AFTER_MONTH}})"
        rf"|(?P<{name}_s>{APOSTROPHE}{LETTERS}+|{{ATTACHED}})?{WORD_END})"
    )


# After a Roman or numbered month the number is a year whatever its length: "23. V. 1336", "23.V.36".
NUMERIC_YEAR = rf"(?:{YEAR}|{{SHORT_YEAR}})"
ROMAN = "(?P<mr>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
# what follows a number after a month for it to be a year, not a count: "sene", "tarihli", "R.", a comma
DATE_CONTEXT = rf"(?=[ \t]*(?:$|[\n.,;:)\]”\"]|{APOSTROPHE}|{{DATE_AFTER_SHORT_YEAR}}))"
# a day in digits with its suffix, or in words: "20’sine", "yirmisine"
# the same year in another calendar, after a year: "1336 (1920)", "1920 (336)"
YEAR_IN_BRACKETS = re.compile(rf"\s*\(\s*({YEAR}|{SHORT_RUMI_YEAR})\s*\)")
DAY_AFTER_WORD = rf"(?:(?P<d1>{DAY})(?P<d1_s>{APOSTROPHE}{LETTERS}+)|(?P<dw>{{DAY_WORDS}}))"


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
    # "23.04.1920", "9-10-1335" (the same separator twice), "23/7/335", "23/7/35 tarihli"
    "numeric": rf"(?P<d1>{DAY})(?P<sep>[./-])(?P<mn>1[0-2]|0?[1-9])(?P=sep)(?P<y1>{YEAR}|{{SHORT_NUMERIC_YEAR}})",
    # "6.V.1921", "6 V 1921", "23. V. 1336", "8-9. VII. 1335", "15/V/1921", "15-V-1921": Roman month numbers, common in Soviet
    # references and in the Ottoman papers of the period
    "roman": rf"(?P<d1>{DAY})(?:-(?P<d2>{DAY_NUMBER}))?(?:\.\s?|\s|/|-){ROMAN}(?:\.\s?|\s|/|-)(?P<y1>{NUMERIC_YEAR})",
    # "19 Mayıs 1919", "18-го октября", "the 1st of May 1920"
    "day-month": rf"(?P<d1>{DAY}){{DAY_SUFFIX}}\s+(?:of\s+)?" + month_then_year("m1", "y1"),
    # "Mayıs ayının 20’sine", "Mayıs’ın 19’unda", "Martın yirmi üçünde", "Ağustos’un on beşinci günü",
    # "Mart’ının on altısı"
    "month-link-day": rf"(?P<m1>{{MONTH}})(?:\s+{{LINK}}|{APOSTROPHE}?{{GENITIVE}})\s+{DAY_AFTER_WORD}",
    "month-day-suffix": month_group("m1") + rf"\s+(?P<d1>{DAY})-{LETTERS}+",
    "month-range": rf"(?P<m1>{{MONTH}}){DASH}" + month_then_year("m2", "y1"),
    "month": month_then_year("m1", "y1"),
    # "on March 16", "March 16th": an English month and its day, the year from the narrative
    "month-day": rf"(?P<m1>{{MONTH}})\s+(?P<d1>{DAY})(?:st|nd|rd|th)?(?![\d:]|[.,]\d)",
    "year-range": rf"(?P<y1>{YEAR}){DASH}(?P<y2>1\d{{3}}|20\d{{2}}|\d{{2}})(?![.,]?\d)",
    "year-and-year": rf"(?P<y1>{YEAR})(?:{APOSTROPHE}{LETTERS}+)?\s+{{AND}}\s+(?P<y2>{YEAR})",
    # (and one year written in two calendars, "1336 (1920)", "1920 (1336)": see year_written_twice)
    "year": rf"(?P<y1>{YEAR})",
    "same-year": r"(?P<anaphora>{ANAPHORA})",
    # "bugün", "mah-ı sabıkın yirmi sekizinde", "bu ayın 12’sinde", "geçen sene"
    "from-document": rf"(?P<deixis>{{DEIXIS}})(?:\s+{DAY_AFTER_WORD})?",
    "day-from-narrative": r"(?P<dayanaphora>{DAY_ANAPHORA})",
    # "ayın yirmisinde", "ayın 8’inde"
    "day-of-narrative-month": rf"(?P<monthanaphora>{{MONTH_OF_NARRATIVE}})\s+{DAY_AFTER_WORD}",
    # "on the 19th the Greeks …", "the 6th instant": a day of the narrative's month, in English
    "day-of-narrative-month-ordinal": rf"(?P<monthanaphora>{{ORDINAL_DAY_ARTICLE}})\s+(?P<d1>{DAY})"
    + r"(?:st|nd|rd|th)(?:\s+(?:instant|inst\.))?(?=\s*[,.;:)]|\s+(?!of\b|{ORDINAL_NOT_DAY}\b)[a-z])",
    # "the 23rd of this month", "the 6th of that month"
    "day-of-month-ordinal": rf"(?P<ordinal>{{ORDINAL_DAY_ARTICLE}})\s+(?P<d1>{DAY})(?:st|nd|rd|th)\s+of\s+"
    + r"(?:(?P<deixis>{DEIXIS})|(?P<monthanaphora>{NARRATIVE_MONTH_AFTER_ORDINAL}))(?!\w)",
    # "Çarşamba günü", "Perşembe sabahı", "Friday last", "Wednesday" (after "on", see cores.weekday_expression)
    "weekday": r"(?P<weekday>{WEEKDAY})(?:\s+(?P<wdir>{WEEKDAY_DIRECTION})(?!\w)|\s+(?P<wafter>{WEEKDAY_AFTER}))?",
    # A Rumi year written without its thousand, as telegrams and official papers of the period do, alone:
    # "336 senesinde", "336 (1920)" (only where the lexicon has a Rumi calendar). After a day and month,
    # a month or a numbered month: see month_then_year, "numeric", "roman".
    "short-year": rf"(?P<y1>{SHORT_RUMI_YEAR})(?=[ \t]*(?:{{SHORT_YEAR_WORDS}}|{{RUMI_MARKERS}}|\(\s*{YEAR}\s*\)))",
}
SHORT_RUMI = ("short-year",)


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
    # Per core, where it can start: "day", "year", "short", "month", "reference" (see core_start) or "any"
    core_starts: list[str] = field(default_factory=list)
    word_finder: re.Pattern[str] = re.compile("(?!x)x")  # a month name or a word naming a date by reference
    head_endings: frozenset[str] | None = None  # last words of every head form (None: any word)
    day_words_before: re.Pattern[str] | None = None  # "on altı" before "Mart"
    day_word_endings: tuple[str, ...] = ()  # the number words such a day ends with ("altı")


@cache
def grammar_for(languages: tuple[str, ...]) -> Grammar:
    """Compile the grammar of `languages` (its regexes from the machine's cache where they are there)."""
    lexicon = build_lexicon(languages)
    pattern = lexicon.pattern
    rumi = lexicon.rumi_years is not None
    # what may follow "1 Teşrinisani 38" for 38 to be a year: "tarihli", "sene", "R.", "günü", a comma
    date_after_short_year = rf"(?:{pattern('date_words')}|{pattern('year_words')}|{pattern('rumi_markers')}|{pattern('day_parts')})"
    two_digits = two_digit_rumi_year(lexicon)
    in_date_context = DATE_CONTEXT.replace("{DATE_AFTER_SHORT_YEAR}", date_after_short_year)
    after_month = (
        rf"{SHORT_RUMI_YEAR}(?![ \t]+{pattern('quantity_words')})|{two_digits}{in_date_context}"
        if rumi
        else "(?!x)x"
    )
    word_starts = (
        list(lexicon.year_anaphora)
        + list(lexicon.deixis)
        + list(lexicon.day_anaphora)
        + lexicon.words_of("month_of_narrative")
        + list(lexicon.weekdays)
    )
    fills = {
        "MONTH": lexicon.month_pattern,
        "ATTACHED": alternation(lexicon.words_of("attached_suffixes"), bounded=False, suffix=True),
        "LINK": pattern("month_day_links"),
        "GENITIVE": alternation(lexicon.words_of("genitive_suffixes"), suffix=True),
        "SHORT_YEAR_AFTER_MONTH": after_month,
        "SHORT_YEAR": rf"{SHORT_RUMI_YEAR}|{two_digits}" if rumi else "(?!x)x",
        "SHORT_NUMERIC_YEAR": rf"{SHORT_RUMI_YEAR}|{two_digits}{in_date_context}" if rumi else "(?!x)x",
        "SHORT_YEAR_WORDS": pattern("short_year_words"),
        "RUMI_MARKERS": pattern("rumi_markers"),
        "DAY_WORDS": day_words_inflected(lexicon) if lexicon.day_numbers else "(?!x)x",
        "DEIXIS": alternation(list(lexicon.deixis)),
        "DAY_ANAPHORA": alternation(list(lexicon.day_anaphora)),
        "MONTH_OF_NARRATIVE": pattern("month_of_narrative"),
        "ORDINAL_DAY_ARTICLE": pattern("ordinal_day_articles"),
        "ORDINAL_NOT_DAY": pattern("ordinal_not_day_words"),
        "NARRATIVE_MONTH_AFTER_ORDINAL": pattern("narrative_month_after_ordinal"),
        "WEEKDAY": alternation(list(lexicon.weekdays), capitalized_only=True),
        "WEEKDAY_DIRECTION": alternation(list(lexicon.weekday_directions)),
        "WEEKDAY_AFTER": pattern("weekday_after_words"),
        "DAY_SUFFIX": rf"(?:\.|{alternation(lexicon.words_of('day_suffixes'), suffix=True)})?",
        "YEAR_BEFORE": pattern("year_before_words"),
        "AND": pattern("range_and"),
        "TO": rf"(?:{DASH}|\s+{pattern('range_to')}\s+)",
        "ANAPHORA": alternation(list(lexicon.year_anaphora)),
        "DATE_AFTER_SHORT_YEAR": date_after_short_year,
    }
    cores = []
    core_starts = []
    for name, template in CORE_PATTERNS.items():
        if name in SHORT_RUMI and lexicon.rumi_years is None:
            continue
        text = template
        for slot, value in fills.items():
            text = text.replace("{" + slot + "}", value)
        cores.append((name, compile_pattern(text)))
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
        ("day_part", rf"\s+(?P<w>{pattern('day_parts')})"),
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
        ("preposition", lexicon.words_of("year_prepositions") + lexicon.words_of("date_prepositions")),
        ("month_deixis", list(lexicon.month_deixis)),
    ]
    heads = [(name, alternation(forms)) for name, forms in head_forms]
    grammar = Grammar(
        lexicon=lexicon,
        cores=cores,
        tails=[(name, compile_pattern(text)) for name, text in tails],
        heads=[(name, compile_pattern(rf"(?P<w>{text})[ \t]*\n?[ \t]*$")) for name, text in heads],
        range_to=compile_pattern(rf"\s+{pattern('range_to')}\s+$"),
        range_and=compile_pattern(rf"\s+{pattern('range_and')}\s+$"),
        dash=compile_pattern(rf"^{DASH}$"),
        core_starts=core_starts,
        word_finder=compile_pattern(word_finder_pattern(lexicon, word_starts)),
        head_endings=last_words([form for _, forms in head_forms for form in forms]),
        day_word_endings=tuple(sorted(lexicon.day_numbers, key=len, reverse=True)),
        day_words_before=compile_pattern(day_words_before_month(lexicon)) if lexicon.day_numbers else None,
    )
    save_compiled_patterns()  # the next process takes them from the cache (`compiled_patterns`)
    return grammar


def core_start(template: str) -> str:
    """What a core pattern begins with: "day" (one or two digits), "year" (four digits), "short" (three
    digits), "month" (a month name), "reference" (a word that names a date by reference) or "any"."""
    if template.startswith(f"(?P<d1>{DAY})"):
        return "day"
    if template.startswith(f"(?P<y1>{YEAR})"):
        return "year"
    if template.startswith(f"(?P<y1>{SHORT_RUMI_YEAR})"):
        return "short"
    if template.startswith("(?P<m1>{MONTH})"):
        return "month"
    if template.startswith(
        (
            "(?P<anaphora>{ANAPHORA})",
            "(?P<deixis>{DEIXIS})",
            "(?P<dayanaphora>{DAY_ANAPHORA})",
            "(?P<monthanaphora>{MONTH_OF_NARRATIVE})",
            "(?P<weekday>{WEEKDAY})",
        )
    ):
        return "reference"
    return "any"
