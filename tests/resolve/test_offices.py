"""Offices and generic names: every bearer is an authority entry, tenures are well ordered, dates decide."""

from __future__ import annotations

from datetime import date

import pytest

from vakanuvis.reference.authority import load_authority
from vakanuvis.reference.offices import bearer_of, timed_names


def test_every_bearer_is_an_authority_entry_of_its_type() -> None:
    entries = {(e.name, e.type) for e in load_authority().entries}
    missing = [
        (timed.name, t.bearer)
        for timed in timed_names()
        for t in timed.tenures
        if (t.bearer, t.type) not in entries
    ]
    assert not missing


def test_tenures_end_after_they_start() -> None:
    wrong = [(timed.name, t.bearer) for timed in timed_names() for t in timed.tenures if t.end < t.start]
    assert not wrong


@pytest.mark.parametrize(
    ("written", "on", "expected"),
    [
        ("Sadrazam", date(1919, 11, 20), "Ali Rıza Pasha"),
        ("Sadr-ı Azam", date(1921, 5, 1), "Ahmet Tevfik Pasha"),
        ("Meclis", date(1921, 2, 10), "Grand National Assembly of Turkey"),
        ("Meclis", date(1919, 11, 20), "Ottoman Chamber of Deputies"),
        ("Ethem Bey", date(1920, 12, 20), "Çerkes Ethem"),
        # between two assemblies, or after the last bearer's tenure: nobody
        ("Meclis", date(1920, 4, 15), None),
        ("Ethem Bey", date(1925, 1, 1), None),
    ],
)
def test_bearer_on_a_day(written: str, on: date, expected: str | None) -> None:
    found = bearer_of(written, on, on)
    assert (found.bearer if found else None) == expected
