"""The calendars of the period as Gregorian days: Rumi, Hijri (convertdate's arithmetic Islamic calendar)
and Julian (Old Style).

Rumi: a Julian calendar counted from the Hijra's solar years, its year beginning on 1 March. By the law
of 1917 (from 1 Mart 1333, 1 March 1917) its days and months are the Gregorian ones and a Rumi year is
the Gregorian year less 584; 1333 ran from March to December 1917, and from 1334 (1918) the year begins
in January (Kânunusani), so 1334 is 1918 from its first day. Before 1333 a Rumi date is a Julian date of
the year plus 584 (plus 585 in Kânunusani and Şubat, which end the Rumi year).
"""

from __future__ import annotations

import calendar as gregorian_calendar
from datetime import date
from functools import lru_cache

from convertdate import islamic, julian

RUMI_OFFSET = 584  # Rumi year + 584 = Julian/Gregorian year, for March to December
RUMI_GREGORIAN_FROM = 1333  # from 1 Mart 1333 (1 March 1917) Rumi days and months are Gregorian


@lru_cache(maxsize=65_536)
def month_length(year: int, month: int) -> int:
    return gregorian_calendar.monthrange(year, month)[1]


def gregorian_day(calendar: str, year: int, month: int, day: int) -> date:
    """One day of `calendar` as a Gregorian date."""
    if calendar == "julian":
        return date(*julian.to_gregorian(year, month, day))
    if calendar == "hijri":
        return date(*islamic.to_gregorian(year, month, day))
    if calendar == "rumi":
        if year >= RUMI_GREGORIAN_FROM:
            # 1333 ran from March to December 1917; from 1334 the year begins in January.
            shift = RUMI_OFFSET + (1 if year == RUMI_GREGORIAN_FROM and month < 3 else 0)
            return date(year + shift, month, day)
        return date(*julian.to_gregorian(year + RUMI_OFFSET + (1 if month < 3 else 0), month, day))
    return date(year, month, day)


def days_in(calendar: str, year: int, month: int) -> int:
    """The length of a month of `calendar`."""
    if calendar == "hijri":
        return int(islamic.month_length(year, month))
    if calendar == "julian" or (calendar == "rumi" and year < RUMI_GREGORIAN_FROM):
        return int(julian.month_length(year, month))
    return month_length(year, month)


def year_in(calendar: str, day: date) -> int:
    """The year of `calendar` that a Gregorian day falls in."""
    if calendar == "hijri":
        return int(islamic.from_gregorian(day.year, day.month, day.day)[0])
    if calendar == "julian":
        return int(julian.from_gregorian(day.year, day.month, day.day)[0])
    if calendar == "rumi":
        if day >= date(1917, 3, 1):
            return day.year - RUMI_OFFSET
        year, month, _ = julian.from_gregorian(day.year, day.month, day.day)
        return int(year) - RUMI_OFFSET - (1 if month < 3 else 0)
    return day.year


def hijri_year_spans(year: int) -> tuple[int, int]:
    """The Gregorian years in which a Hijri year begins and ends."""
    first = gregorian_day("hijri", year, 1, 1)
    last = gregorian_day("hijri", year, 12, days_in("hijri", year, 12))
    return first.year, last.year
