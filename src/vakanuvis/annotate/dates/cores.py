"""The core of each date expression: what a core pattern's match says, and which matches are kept."""

from __future__ import annotations

import re
from operator import itemgetter

from vakanuvis.annotate.dates.calendars import RUMI_OFFSET, hijri_year_spans
from vakanuvis.annotate.dates.grammar import (
    ROMAN_MONTHS,
    YEAR_IN_BRACKETS,
    Expression,
    Grammar,
    Point,
)
from vakanuvis.annotate.dates.lexicon import Lexicon, key, lookup
from vakanuvis.annotate.dates.numbers import day_from_words, full_year
from vakanuvis.annotate.dates.starts import core_matches, core_starts_in


def point_from(match: re.Match[str], lexicon: Lexicon, day: str, month: str, year: str) -> Point | None:
    """A point from the named groups of a match (any may be absent); None when a year written without
    its thousand falls outside the Rumi years ("12/3/345")."""
    groups = match.groupdict()  # (a name the pattern lacks gives None, as an unmatched group does)
    point = Point()
    short_year = False
    if groups.get(year):
        point.year, short_year = full_year(groups[year])
    if groups.get(day):
        point.day = int(groups[day])
    if groups.get(month):
        found = lexicon.month_number(groups[month])
        if found:
            point.month, point.calendar = found
            point.rumi_name = key(groups[month]) in lexicon.rumi_month_keys
    if groups.get("mr") and month == "m1":
        point.month = ROMAN_MONTHS.index(groups["mr"]) + 1
        point.rumi_name = lexicon.rumi_years is not None  # "23. V. 1336" in Turkish usage is Rumi
    if groups.get("mn") and month == "m1":
        point.month = int(groups["mn"])
        point.rumi_name = lexicon.rumi_years is not None  # "23.4.1336" in Turkish usage is Rumi
    if short_year:
        low, high = lexicon.rumi_years or (0, -1)
        if point.year is None or not low <= point.year <= high:
            return None
        point.rumi_name = True  # only a Rumi year is written without its thousand
    return point


def day_written(match: re.Match[str], lexicon: Lexicon) -> tuple[int | None, str]:
    """The day after a word ("ayın 20’sinde", "ayın yirmisinde") and its case suffix; (None, "") if none."""
    index = match.re.groupindex
    if "d1" in index and match.group("d1"):
        return int(match.group("d1")), (match.group("d1_s") if "d1_s" in index else None) or ""
    if "dw" in index and match.group("dw"):
        words = match.group("dw")
        cases = sorted(lexicon.words_of("day_word_cases"), key=len, reverse=True)
        case = next((ending for ending in cases if key(words).endswith(ending)), "")
        return day_from_words(words, lexicon), case
    return None, ""


def year_written_twice(first: int, second: int, lexicon: Lexicon) -> tuple[int, str] | None:
    """One year in two calendars ("1336 (1920)", "1920 (1336)"): the Rumi or Hijri year and its calendar,
    or None when the two are not one year."""
    low, high = lexicon.rumi_years or (0, -1)
    if low <= first <= high and not low <= second <= high:
        written, gregorian = first, second
    elif low <= second <= high and not low <= first <= high:
        written, gregorian = second, first
    else:
        return None
    if gregorian - written in (RUMI_OFFSET, RUMI_OFFSET + 1):
        return written, "rumi"
    if gregorian in hijri_year_spans(written):
        return written, "hijri"
    return None


def core_expression(name: str, match: re.Match[str], lexicon: Lexicon) -> Expression | None:
    """The expression of one core match, or None when its numbers cannot be a date."""
    first = point_from(match, lexicon, "d1", "m1", "y1")
    if first is None:
        return None
    expression = Expression(start=match.start(), end=match.end(), first=first)
    suffix = match.group("m1_s") if "m1_s" in match.re.groupindex else None
    if name in (
        "from-document",
        "day-from-narrative",
        "day-of-narrative-month",
        "day-of-narrative-month-ordinal",
        "day-of-month-ordinal",
    ):
        return relative_expression(name, match, lexicon, expression)
    if name == "weekday":
        return weekday_expression(match, lexicon, expression)
    if name.startswith("double-date") or (
        name == "day-range" and match.group("slash") and int(match.group("d2")) - (first.day or 0) in (12, 13)
    ):
        expression.old_style = True  # "12 (25) января", "12/25 января": Old Style, then New Style
        expression.confirmed = True
        expression.marks.append("double date")
    elif name == "day-range" or (name == "roman" and match.group("d2")):
        if _after_an_item_word(match, lexicon) or _numbers_a_list_item(match):
            return (
                None  # "Madde 3 – 30 Teşrîn-i Evvel 1334", "2 — 26 Ağustos’ta": an item's number, then a date
            )
        if int(match.group("d2")) <= (first.day or 0) and not _written_as_one_span(match):
            # "Madde 2 — 1 Mart 1337": a number and a date; a span written tight ("11-4 Eylül") stays one,
            # reversed, for the criticism stage to flag
            return None
        expression.last = Point(
            first.year, first.month, int(match.group("d2")), first.calendar, first.rumi_name
        )
    if name == "month-day" and key(" ".join(match.group("m1").split())) not in lexicon.capitalized_months:
        return None  # only an English month has its day after it ("March 16"); "Mart 16" is no date
    if name in ("day-month", "date-range") and _numbers_a_paragraph(match):
        return None  # "1. Teşrinievvel 1337’den beri …" opening a list of "1.", "2.": the month alone
    if name == "date-range":
        expression.last = point_from(match, lexicon, "d2", "m2", "y2")
        if expression.last is None:
            return None
        suffix = match.group("m2_s")
    elif name in ("month-range",):
        second = point_from(match, lexicon, "d2", "m2", "y1")
        if second is None:
            return None
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
    elif name in ("year", "short-year"):
        expression.bare_year = True
        twin = YEAR_IN_BRACKETS.match(match.string, match.end())
        once = year_written_twice(first.year or 0, full_year(twin.group(1))[0], lexicon) if twin else None
        if twin is not None and once is not None:
            expression.first = Point(year=once[0])
            expression.calendar_marker = once[1]
            expression.end = twin.end()
            expression.confirmed = True
            expression.marks.append("year written twice")
            return expression
        if name == "short-year" and twin:
            return None  # "336 (1919)": not one year
    elif name == "month-link-day":
        first.day, suffix = day_written(match, lexicon)
        if first.day is None:
            return None
        expression.narrative = True
    elif name == "same-year":
        expression.year_offset = lookup(lexicon.year_anaphora, match.group("anaphora"))
        expression.bare_year = expression.confirmed = True
        return expression
    if first.month is None and first.year is None:
        return None
    if first.month is not None and first.year is not None and expression.last is None:
        twin = YEAR_IN_BRACKETS.match(match.string, match.end())
        if twin is not None and year_written_twice(first.year, full_year(twin.group(1))[0], lexicon):
            expression.end = twin.end()  # "19 Nisan 1920 (1336) tarihinde": one date, its year twice
            expression.confirmed = True
            expression.marks.append("year written twice")
    if suffix:
        expression.suffix = key(suffix.lstrip("’'‘`´"))
        expression.narrative = True
    if first.day is not None or (first.month is not None and first.year is not None):
        expression.confirmed = True
    return expression


def relative_expression(
    name: str, match: re.Match[str], lexicon: Lexicon, expression: Expression
) -> Expression | None:
    """A date named by reference: to the document's date ("dün", "mah-ı sabıkın yirmi sekizinde", "geçen
    sene") or to the narrative ("ertesi gün", "ayın yirmisinde")."""
    expression.confirmed = expression.narrative = True
    expression.marks.append("by reference")
    day, suffix = day_written(match, lexicon)
    if name == "day-from-narrative":
        expression.day_anaphora = lookup(lexicon.day_anaphora, match.group("dayanaphora"))
        return expression
    if name == "day-of-month-ordinal" and match.group("monthanaphora"):
        name = "day-of-narrative-month-ordinal"  # "the 6th of that month"
    if name in ("day-of-narrative-month", "day-of-narrative-month-ordinal"):
        if day is None:
            return None
        expression.month_anaphora = True
        expression.first.day = day
    else:
        found = lookup(lexicon.deixis, match.group("deixis"))
        if found is None:
            return None
        expression.deixis = found
        if found[0] == "month" and day is not None:
            expression.first.day = day  # "mah-ı halin on üçünde"
        else:
            expression.end = match.end("deixis")  # "yarın 5’te" is an hour, not a day
            suffix = ""
        expression.bare_year = found[0] == "year"
    if suffix:
        expression.suffix = key(suffix.lstrip("’'‘`´"))
    return expression


WORD_BEFORE = re.compile(r"(?P<w>[^\W\d_]+)[ \t]+$")


def weekday_expression(match: re.Match[str], lexicon: Lexicon, expression: Expression) -> Expression | None:
    """A weekday alone ("Çarşamba günü", "on Wednesday", "Friday last", "geçen Cuma günü"), or None where it
    is no date by itself: bare ("Cuma namazı"), or a part of the date beside it ("4 Şaban 1338 Cuma günü",
    "Pazar, 22 Kânûn-ı Evvel 1334", "Wednesday, 23rd April")."""
    text = match.string
    before = text[max(0, match.start() - 24) : match.start()]
    if re.search(r"\d[.’'\w]*[ \t,]*$", before) or text[match.end() :].lstrip(" \t,")[:1].isdigit():
        return None
    previous = WORD_BEFORE.search(before)
    if previous is not None and lexicon.month_number(previous.group("w")) is not None:
        return None  # "16 Mart Çarşamba günü": the weekday of the date before it
    direction = 0
    if match.group("wdir"):
        direction = lookup(lexicon.weekday_directions, match.group("wdir")) or 0
    word_before = previous.group("w") if previous is not None else ""
    before_direction = lookup(lexicon.weekday_directions, word_before) if word_before else None
    if previous is not None and before_direction is not None:
        direction = before_direction  # "geçen Cuma günü", "last Friday": the word is the expression's
        expression.start = match.start() - (len(before) - previous.start())
    elif not (
        match.group("wdir")
        or match.group("wafter")
        or key(word_before) in lexicon.keys("weekday_before_words")
    ):
        return None
    weekday = lookup(lexicon.weekdays, match.group("weekday"))
    if weekday is None:
        return None
    expression.weekday = (weekday, direction)
    expression.confirmed = expression.narrative = True
    expression.marks.append("weekday")
    return expression


def find_cores(text: str, grammar: Grammar) -> list[Expression]:
    """Leftmost-longest core expressions, not overlapping."""
    starts = core_starts_in(text, grammar.word_finder)
    candidates: list[tuple[int, int, int, str, re.Match[str]]] = []
    for order, (name, pattern) in enumerate(grammar.cores):
        for match in core_matches(pattern, text, starts[grammar.core_starts[order]]):
            candidates.append((match.start(), -(match.end() - match.start()), order, name, match))
    candidates.sort(key=itemgetter(0, 1, 2))
    chosen: list[Expression] = []
    taken_until = -1
    for start, _length, _order, name, match in candidates:
        if start < taken_until:
            continue
        expression = core_expression(name, match, grammar.lexicon)
        if expression is not None:
            chosen.append(expression)
            taken_until = expression.end
    return chosen


def _after_an_item_word(match: re.Match[str], lexicon: Lexicon) -> bool:
    """True when the first number of a match follows a word that numbers an article ("Madde 3 – 30 …")."""
    before = match.string[max(0, match.start("d1") - 12) : match.start("d1")].rstrip()
    words = lexicon.words_of("numbered_item_words")
    return any(before.endswith(word) and not before[: -len(word)][-1:].isalpha() for word in words)


def _numbers_a_paragraph(match: re.Match[str]) -> bool:
    """True when the day of a match is a paragraph's number: a number with a dot opening its line, where
    another line opens with the number after it or before it ("1. …", "2. …")."""
    text, start, end = match.string, match.start("d1"), match.end("d1")
    if text[end : end + 1] != "." or text[text.rfind("\n", 0, start) + 1 : start].strip():
        return False
    number = int(match.group("d1"))
    return re.search(rf"(?m)^[ \t]*(?:{number + 1}|{number - 1})\.\s", text) is not None


def _numbers_a_list_item(match: re.Match[str]) -> bool:
    """True when the first number of a day range opens its line and a spaced dash follows it, as the items of
    a numbered list are written ("2 — 26 Ağustos’ta taarruz başladı"), and another line opens with the
    number after it or before it."""
    text, start = match.string, match.start("d1")
    if text[text.rfind("\n", 0, start) + 1 : start].strip() or _written_as_one_span(match):
        return False
    number = int(match.group("d1"))
    return re.search(rf"(?m)^[ \t]*(?:{number + 1}|{number - 1})[ \t]*[-–—.)]", text) is not None


def _written_as_one_span(match: re.Match[str]) -> bool:
    """True when two day numbers are joined by a bare hyphen or dash ("11-4", "8–9"), as a span is written;
    a dash with spaces around it ("2 — 1 Mart") parts a number from a date."""
    between = match.string[match.end("d1") : match.start("d2")]
    return between.strip(".") in ("-", "–")
