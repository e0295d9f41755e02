"""From a written date to EDTF: calendars (Rumi, Hijri, Julian) converted, bounds for sorting.

Conventions (also in the package docstring):
- seasons are EDTF season codes ("1919-22" summer); an approximate season stays unmarked,
  as EDTF has no approximate season;
- the value is what the expression names, as TimeML's TIMEX3 value: a part of a period or an open end is
  a modifier of it, and the stretch it covers its extent (EDTF): "Mart 1922 iptidasında" is "1922-03",
  modifier "beginning", extent "1922-03-01~/1922-03-10~"; "16 Mart 1336’dan itibaren" is "1920-03-16",
  modifier "from", extent "1920-03-16/..";
- "başları / ortaları / sonları" of a year are months 1-3, 5-8, 10-12; of a month days
  1-10, 11-20, 21-end; both ends approximate in the extent, which gives earliest and latest;
- halves are exact intervals, and their value ("1919-07/1919-12" for "1919 yılının ikinci yarısı");
- "itibaren" and "since" ("from") and "…’e kadar" and "until" ("until") leave earliest and latest those of
  the day, month or year named: it is where the expression stands on a timeline;
- a range written backwards ("Nisan-Mart 1922") becomes the interval covering both ends;
- a date whose year is unknown (no context) keeps "XXXX" ("XXXX-09-04") and the widest bounds,
  without qualifier or open end (EDTF allows neither there);
- a day the month does not have ("31 Nisan") leaves the month, marked uncertain ("1920-04?");
- a yearless month far behind the last dated one (more than six months) is taken in the next year.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from vakanuvis.annotate.dates.calendars import (
    RUMI_GREGORIAN_FROM,
    days_in,
    gregorian_day,
    month_length,
    year_in,
)
from vakanuvis.annotate.dates.grammar import Expression, Point

YEAR_PARTS = {
    "begin": (1, 3),
    "middle": (5, 8),
    "end": (10, 12),
    "first_half": (1, 6),
    "second_half": (7, 12),
}
MONTH_PARTS = {
    "begin": (1, 10),
    "middle": (11, 20),
    "end": (21, 31),
    "first_half": (1, 15),
    "second_half": (16, 31),
}
APPROXIMATE_PARTS = ("begin", "middle", "end")


@dataclass
class Value:
    """The normalized value of one expression."""

    edtf: str
    earliest: date
    latest: date
    year_inferred: bool
    calendar: str
    original: str | None
    modifier: str = ""  # "beginning" | "middle" | "end" | "from" | "until"
    extent: str = ""  # the EDTF of what a modified value covers ("1922-03-01~/1922-03-10~", "1920-03-16/..")


MODIFIERS = {"begin": "beginning", "middle": "middle", "end": "end"}


@dataclass
class Context:
    """The year a yearless date takes: the last explicit one in the narrative."""

    year: int
    calendar: str = "gregorian"  # "gregorian" | "rumi" (a Hijri date gives its Gregorian year and month)
    month: int | None = None  # the month of that date, when it had one
    hijri_year: int | None = None  # a Hijri date's own year, for the Hijri months after it
    day: date | None = None  # the first Gregorian day of that date


def copied(expression: Expression) -> Expression:
    """A copy whose points and marks can be changed without changing `expression`."""
    # (field by field: dataclasses.replace, which calls __init__ again, took a tenth of the stage)
    copy = object.__new__(Expression)
    copy.__dict__.update(expression.__dict__)
    copy.first = copied_point(expression.first)
    copy.last = copied_point(expression.last) if expression.last else None
    copy.marks = list(expression.marks)
    return copy


def copied_point(point: Point) -> Point:
    copy = object.__new__(Point)
    copy.__dict__.update(point.__dict__)
    return copy


def calendar_of(point: Point, expression: Expression, rumi_years: tuple[int, int] | None) -> str:
    """The calendar a point is written in."""
    if point.calendar == "hijri" or expression.calendar_marker == "hijri":
        return "hijri"
    if expression.calendar_marker == "rumi":
        return "rumi"
    if expression.old_style:
        return "julian"
    if point.rumi_name and point.year is not None and rumi_years:
        if rumi_years[0] <= point.year <= rumi_years[1]:
            return "rumi"
    return "gregorian"


def point_bounds(point: Point, calendar: str) -> tuple[date, date]:
    """The first and last Gregorian day a point covers."""
    assert point.year is not None
    year = point.year
    if point.month is None:
        if calendar == "rumi" and year < RUMI_GREGORIAN_FROM:
            first = gregorian_day(calendar, year, 3, 1)
            return first, gregorian_day(calendar, year, 2, days_in(calendar, year + 1, 2))
        if calendar == "rumi" and year == RUMI_GREGORIAN_FROM:
            return date(1917, 3, 1), date(1917, 12, 31)
        return gregorian_day(calendar, year, 1, 1), gregorian_day(
            calendar, year, 12, days_in(calendar, year, 12)
        )
    if point.day is None:
        last = days_in(calendar, year, point.month)
        return gregorian_day(calendar, year, point.month, 1), gregorian_day(calendar, year, point.month, last)
    day = gregorian_day(calendar, year, point.month, point.day)
    return day, day


def iso(point: Point) -> str:
    """A point as written, in ISO order ("1336-04-23", "1336-04", "1336")."""
    parts = [f"{point.year:04d}" if point.year is not None else "XXXX"]
    if point.month is not None:
        parts.append(f"{point.month:02d}")
        if point.day is not None:
            parts.append(f"{point.day:02d}")
    return "-".join(parts)


def edtf_ends(point: Point, calendar: str) -> tuple[str, str]:
    """The EDTF of the start and end of a point, in Gregorian: equal unless a conversion blurs it."""
    if point.year is None or calendar == "gregorian":
        written = iso(point)
        return written, written
    first, last = point_bounds(point, calendar)
    if first == last:
        return first.isoformat(), first.isoformat()
    whole_month = first.day == 1 and last.day == month_length(last.year, last.month)
    if whole_month and (first.year, first.month) == (last.year, last.month):
        return first.isoformat()[:7], first.isoformat()[:7]
    if whole_month and first.month == 1 and last.month == 12 and first.year == last.year:
        return str(first.year), str(first.year)
    return first.isoformat(), last.isoformat()


def part_of(point: Point, part: str, calendar: str) -> tuple[str, str] | None:
    """The EDTF ends of the beginning, middle, end or a half of a year or month."""
    if point.year is None or point.day is not None:
        return None
    if point.month is None:
        year = point.year if calendar == "gregorian" else point_bounds(point, calendar)[1].year
        low, high = YEAR_PARTS[part]
        return f"{year}-{low:02d}", f"{year}-{high:02d}"
    first, last = point_bounds(point, calendar)
    low, high = MONTH_PARTS[part]
    high = min(high, (last - first).days + 1)
    start, end = first.toordinal() + low - 1, first.toordinal() + high - 1
    return date.fromordinal(start).isoformat(), date.fromordinal(end).isoformat()


SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (1, 14)}  # winter: all the year's and next February


def end_bounds(value: str) -> tuple[date, date]:
    """First and last day of one EDTF date this module writes: "1920", "1920-03", "1920-03-05",
    "1920-22" (season), "192X" (decade); an unknown year gives date.min / date.max.

    Computed here rather than by parsing (the edtf parser is slow); the tests parse every value.
    """
    if "XXXX" in value:
        return date.min, date.max
    parts = value.split("-")
    if parts[0].endswith("X"):
        decade = int(parts[0][:3]) * 10
        return date(decade, 1, 1), date(decade + 9, 12, 31)
    year = int(parts[0])
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(parts[1])
    if month > 12:
        first, last = SEASON_MONTHS[month]
        last_year, last = (year + 1, last - 12) if last > 12 else (year, last)
        return date(year, first, 1), date(last_year, last, month_length(last_year, last))
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, month_length(year, month))
    day = date(year, month, int(parts[2]))
    return day, day


def normalize(expression: Expression, context: Context | None, rumi_years: tuple[int, int] | None) -> Value:
    """The EDTF value of an expression; a missing year comes from `context`."""
    filled, inferred = with_context_year(expression, context)
    return value_of(filled, rumi_years, inferred)


def context_year_for(point: Point, context: Context) -> int:
    """The year of the context in the calendar of a point's month name (a Hijri month after a Rumi or
    Gregorian date takes the Hijri year that date falls in)."""
    if point.calendar == "hijri" and context.calendar != "hijri":
        if context.hijri_year is not None:
            return context.hijri_year
        if context.day is not None:
            return year_in("hijri", context.day)
    return context.year


def with_context_year(expression: Expression, context: Context | None) -> tuple[Expression, bool]:
    """A copy of `expression` with the year it lacks taken from `context`, and whether one was taken."""
    expression = copied(expression)
    first, last = expression.first, expression.last
    inferred = False
    if expression.year_offset is not None:
        first.year = context.year + expression.year_offset if context is not None else None
        inferred = context is not None
        if context is not None and context.calendar == "rumi" and (first.month is None or first.rumi_name):
            # "1338 … sene-i atiye": the year counted from a Rumi year is a Rumi year (1339, i.e. 1923)
            expression.calendar_marker = expression.calendar_marker or "rumi"
        if last is not None:
            last.year = first.year
    elif first.year is None and last is not None and last.year is not None:
        first.year = last.year  # "23 Temmuz - 6 Ağustos 1919"
    if first.year is None and context is not None:
        first.year = context_year_for(first, context)
        inferred = True
        rumi_march_year = context.calendar == "rumi" and context.year < RUMI_GREGORIAN_FROM + 1
        same_calendar = (first.calendar == "hijri") == (context.calendar == "hijri")
        if (
            same_calendar
            and context.month
            and first.month
            and first.month - context.month < -6
            and not rumi_march_year
        ):
            # "Aralık 1921 … 3 Şubat": a narrative goes forward, so a month far behind is next year's
            first.year += 1
        if context.calendar == "rumi" and first.rumi_name:
            expression.calendar_marker = expression.calendar_marker or "rumi"
    if last is not None and last.year is None:
        last.year = first.year
    return expression, inferred


def value_of(expression: Expression, rumi_years: tuple[int, int] | None, inferred: bool = False) -> Value:
    """The EDTF value of an expression whose year is known (else it keeps "XXXX")."""
    first, last = expression.first, expression.last
    calendar = calendar_of(first, expression, rumi_years)
    if last is not None and calendar == "gregorian":
        calendar = calendar_of(last, expression, rumi_years)
    uncertain = expression.uncertain
    if (first.day is not None and first.day > 28) or (
        last is not None and last.day is not None and last.day > 28
    ):
        first = copied_point(first)  # the points are changed below, not the expression's
        last = copied_point(last) if last else None
        for point in (first, last):
            if point and point.day and point.month and point.year is not None:
                if point.day > days_in(calendar, point.year, point.month):
                    point.day = None  # "31 Nisan": no such day; keep the month, marked uncertain
                    uncertain = True
    qualifier = QUALIFIERS[expression.approximate, uncertain]

    if last is not None and (first.year, first.month, first.day) == (last.year, last.month, last.day):
        last = None
    if last is not None and one_day_in_two_calendars(first, last, expression, rumi_years):
        last = None  # "22 Kânûn-ı Evvel 1334 – 18 Rebiülevvel 1337": one day, in the Rumi and Hijri years
    if last is not None:
        low, _ = edtf_ends(first, calendar)
        _, high = edtf_ends(last, calendar)
        if expression.season and first.month is None and calendar == "gregorian":
            low = f"{first.year}-{expression.season}"
        if expression.last_season and last.month is None and calendar == "gregorian":
            high = f"{last.year}-{expression.last_season}"
        if first.year is not None and last.year is not None:
            if point_bounds(first, calendar)[0] > point_bounds(last, calendar)[1]:
                low, _ = edtf_ends(last, calendar)  # written backwards: cover both ends
                _, high = edtf_ends(first, calendar)
    elif expression.season and first.month is None and first.year is not None:
        # (a Rumi year begins in March: its spring, summer and autumn are of the Gregorian year it begins in)
        year = first.year if calendar == "gregorian" else point_bounds(first, calendar)[0].year
        low = high = f"{year}-{expression.season}"
        qualifier = ""  # EDTF cannot mark a season approximate
    elif expression.decade and first.year is not None and calendar == "gregorian":
        low = high = f"{first.year // 10}X"
    elif (
        expression.part in APPROXIMATE_PARTS
        and (ends := part_of(first, expression.part, calendar))
        and not expression.uncertain
    ):
        low, high = ends
        part_qualifier = "~"
        named, _ = edtf_ends(first, calendar)
        earliest, latest = end_bounds(low)[0], end_bounds(high)[1]
        original = original_of(first, last, calendar)
        if expression.open_start:  # "Mayıs iptidasından beri"
            extent = f"{low}{part_qualifier}/.."
            return Value(
                f"{named}{qualifier}", earliest, latest, inferred, calendar, original, "from", extent
            )
        if expression.open_end:  # "mah-ı hal nihayetine kadar"
            extent = f"../{high}{part_qualifier}"
            return Value(
                f"{named}{qualifier}", earliest, latest, inferred, calendar, original, "until", extent
            )
        extent = f"{low}{part_qualifier}/{high}{part_qualifier}"
        modifier = MODIFIERS[expression.part]
        return Value(f"{named}{qualifier}", earliest, latest, inferred, calendar, original, modifier, extent)
    elif expression.part and (ends := part_of(first, expression.part, calendar)):
        low, high = ends  # a half, exact: the interval it is ("1919-07/1919-12")
        if expression.part in APPROXIMATE_PARTS:
            qualifier = "~"
    else:
        low, high = edtf_ends(first, calendar)

    unknown_year = "XXXX" in low or "XXXX" in high
    if unknown_year:
        qualifier = ""  # EDTF allows neither qualifiers nor open ends on an unknown year
    if low == high:
        edtf = f"{low}{qualifier}"
        earliest, latest = end_bounds(low)
    else:
        edtf = f"{low}{qualifier}/{high}{qualifier}"
        earliest, latest = end_bounds(low)[0], end_bounds(high)[1]
    modifier = extent = ""
    if expression.open_start and not unknown_year:
        modifier, extent = "from", f"{low}{qualifier}/.."
    elif expression.open_end and not unknown_year:
        modifier, extent = "until", f"../{high}{qualifier}"
    return Value(
        edtf, earliest, latest, inferred, calendar, original_of(first, last, calendar), modifier, extent
    )


# EDTF's qualifier of (approximate, uncertain)
QUALIFIERS = {(False, False): "", (True, False): "~", (False, True): "?", (True, True): "%"}


def one_day_in_two_calendars(
    first: Point, last: Point, expression: Expression, rumi_years: tuple[int, int] | None
) -> bool:
    """Whether the two ends of a range are one day written in two calendars (a Hijri one and another)."""
    if (first.calendar == "hijri") == (last.calendar == "hijri"):
        return False
    if None in (first.year, first.month, first.day, last.year, last.month, last.day):
        return False
    own = copied(expression)
    own.calendar_marker = None
    try:
        one = point_bounds(first, calendar_of(first, own, rumi_years))[0]
        other = point_bounds(last, calendar_of(last, own, rumi_years))[0]
    except (ValueError, OverflowError):
        return False
    return abs((one - other).days) <= 1


def original_of(first: Point, last: Point | None, calendar: str) -> str | None:
    """The value in its own calendar, when it is not Gregorian."""
    if calendar == "gregorian":
        return None
    return iso(first) + (f"/{iso(last)}" if last is not None else "")
