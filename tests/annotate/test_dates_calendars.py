"""Rumi and Hijri days as Gregorian ones, on days the period's own papers date both ways."""

from __future__ import annotations

from datetime import date

import pytest
from convertdate import islamic, julian

from vakanuvis.annotate.dates import find_dates
from vakanuvis.annotate.dates.calendars import gregorian_day, year_in


@pytest.mark.parametrize(
    ("written", "gregorian"),
    [
        ("10 Temmuz 1324", date(1908, 7, 23)),  # the constitution restored
        ("31 Mart 1325", date(1909, 4, 13)),  # the "31 Mart" revolt
        ("14 Şubat 1329", date(1914, 2, 27)),  # a Julian February, in the Rumi year begun in March 1913
        ("20 Temmuz 1330", date(1914, 8, 2)),  # mobilization
        ("16 Şubat 1332", date(1917, 3, 1)),  # the reform: 16 Şubat 1332 became 1 Mart 1333
        ("1 Mart 1333", date(1917, 3, 1)),
        ("1 Kânunusani 1334", date(1918, 1, 1)),  # from 1334 the year begins in January
        ("30 Teşrînievvel 1334", date(1918, 10, 30)),  # the armistice of Mudros
        ("19 Mayıs 1335", date(1919, 5, 19)),
        ("23 Nisan 1336", date(1920, 4, 23)),
        ("29 Teşrinievvel 1339", date(1923, 10, 29)),
        ("3 Mart 1340", date(1924, 3, 3)),
    ],
)
def test_rumi_days(written: str, gregorian: date) -> None:
    [mention] = find_dates(written)
    assert (mention.calendar, mention.earliest, mention.latest) == ("rumi", gregorian, gregorian)


def test_rumi_before_the_reform_is_julian_as_convertdate_counts() -> None:
    for year in (1324, 1329, 1331):
        for month, day in ((3, 1), (8, 31), (12, 31), (1, 13), (2, 28)):
            julian_year = year + 584 + (1 if month < 3 else 0)
            assert gregorian_day("rumi", year, month, day) == date(
                *julian.to_gregorian(julian_year, month, day)
            )


@pytest.mark.parametrize(
    ("written", "gregorian"),
    [
        ("15 Receb 1338", date(*islamic.to_gregorian(1338, 7, 15))),
        ("25 Cemaziyelahir 1338", date(*islamic.to_gregorian(1338, 6, 25))),
        ("5 Şevval 1338", date(*islamic.to_gregorian(1338, 10, 5))),
    ],
)
def test_hijri_days_are_convertdates(written: str, gregorian: date) -> None:
    [mention] = find_dates(written)
    assert (mention.calendar, mention.earliest) == ("hijri", gregorian)


@pytest.mark.parametrize(
    ("calendar", "day", "year"),
    [
        ("rumi", date(1917, 2, 28), 1332),  # 15 Şubat 1332
        ("rumi", date(1917, 3, 1), 1333),
        ("rumi", date(1920, 1, 15), 1336),
        ("rumi", date(1915, 3, 5), 1330),  # 20 Şubat 1330, Julian
        ("hijri", date(1920, 6, 22), 1338),
        ("gregorian", date(1920, 6, 22), 1920),
    ],
)
def test_year_in_a_calendar(calendar: str, day: date, year: int) -> None:
    assert year_in(calendar, day) == year
