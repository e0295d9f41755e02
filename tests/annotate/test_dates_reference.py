"""The document's date as the reference time of its dates: tests/data/dates/reference.tsv."""

from __future__ import annotations

from pathlib import Path

import pytest
from edtf import parse_edtf

from vakanuvis.annotate.dates import find_dates
from vakanuvis.annotate.dates.reference import ReferenceTime, reference_time

TABLE = Path(__file__).resolve().parents[1] / "data" / "dates" / "reference.tsv"


def table_rows() -> list[tuple[str | None, str, str, str, str, str, str, str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = (line.split("\t") + [""] * 5)[:8]
        date, kind, sentence, expression, edtf, year_from, calendar, modified = fields
        rows.append(
            (None if date == "-" else date, kind, sentence, expression, edtf, year_from, calendar, modified)
        )
    return rows


@pytest.mark.parametrize(
    ("document_date", "document_type", "sentence", "expression", "edtf", "year_from", "calendar", "modified"),
    table_rows(),
)
def test_reference_table(
    document_date: str | None,
    document_type: str,
    sentence: str,
    expression: str,
    edtf: str,
    year_from: str,
    calendar: str,
    modified: str,
) -> None:
    mentions = find_dates(sentence, document_date=document_date, document_type=document_type)
    if expression == "-":
        assert [mention.text for mention in mentions] == []
        return
    [mention] = [mention for mention in mentions if mention.text == expression]
    assert (mention.edtf, mention.year_from, mention.calendar) == (edtf, year_from, calendar)
    assert mention.year_inferred == (year_from != "text")
    assert " ".join(filter(None, (mention.modifier, mention.extent))) == modified
    parse_edtf(mention.edtf)
    assert mention.earliest <= mention.latest


@pytest.mark.parametrize(
    ("edtf", "reference"),
    [
        ("1922-03-01", ReferenceTime(1922, 3, 1)),
        ("1920-04", ReferenceTime(1920, 4)),
        ("1926", ReferenceTime(1926)),
        ("1920-04-23~", ReferenceTime(1920, 4, 23)),
        ("1921/1922", None),  # an interval places nothing
        ("1921-21", None),  # nor does a season
        (None, None),
    ],
)
def test_reference_time_from_a_document_date(edtf: str | None, reference: ReferenceTime | None) -> None:
    assert reference_time(edtf) == reference
