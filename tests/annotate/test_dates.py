"""The temporal tagger on tables of real cases: tests/data/dates/expressions.tsv and the rows below."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from edtf import parse_edtf

from vakanuvis.annotate.dates import find_dates
from vakanuvis.lang import language_data

TABLE = Path(__file__).resolve().parents[1] / "data" / "dates" / "expressions.tsv"


def table_rows() -> list[tuple[str, int | None, str, str, str, str, str]]:
    rows = []
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t") + ["", "", "", ""]
        languages, year, sentence, expression, edtf, calendar, modified = fields[:7]
        rows.append(
            (languages, None if year == "-" else int(year), sentence, expression, edtf, calendar, modified)
        )
    return rows


@pytest.mark.parametrize(
    ("languages", "context_year", "sentence", "expression", "edtf", "calendar", "modified"), table_rows()
)
def test_expression_table(
    languages: str,
    context_year: int | None,
    sentence: str,
    expression: str,
    edtf: str,
    calendar: str,
    modified: str,
) -> None:
    mentions = find_dates(sentence, context_year=context_year, languages=tuple(languages.split(",")))
    if expression == "-":
        assert [mention.text for mention in mentions] == []
        return
    assert [(mention.text, mention.edtf, mention.calendar) for mention in mentions] == [
        (expression, edtf, calendar)
    ]
    mention = mentions[0]
    # "from 1920-03-16/..": the modifier and the extent, or nothing for a value that has neither
    assert " ".join(filter(None, (mention.modifier, mention.extent))) == modified
    if mention.extent:
        parse_edtf(mention.extent)
    assert sentence[mention.span.start : mention.span.end] == mention.text
    assert mention.span.footnote is None
    parse_edtf(mention.edtf)
    assert mention.earliest <= mention.latest
    expected_from = "context" if context_year is not None else "unknown" if "XXXX" in edtf else "text"
    assert (mention.year_from, mention.year_inferred) == (expected_from, expected_from != "text")


@pytest.mark.parametrize(
    ("sentence", "earliest", "latest"),
    [
        ("19 Mayıs 1919’da", date(1919, 5, 19), date(1919, 5, 19)),
        ("1919 yılının yaz aylarında", date(1919, 6, 1), date(1919, 8, 31)),
        ("1919 yılının ikinci yarısında", date(1919, 7, 1), date(1919, 12, 31)),
        ("1920 kışında", date(1920, 1, 1), date(1921, 2, 28)),
        ("Ağustos 1920’den Ekim 1921’e kadar", date(1920, 8, 1), date(1921, 10, 31)),
        # an open end stands where the date it names does
        ("Eylül 1919’dan itibaren", date(1919, 9, 1), date(1919, 9, 30)),
        ("1922’ye kadar", date(1922, 1, 1), date(1922, 12, 31)),
        ("Mart 1922 iptidasında", date(1922, 3, 1), date(1922, 3, 10)),
        ("Nisan-Mart 1922’de", date(1922, 3, 1), date(1922, 4, 30)),
        ("23 Nisan 1336’da", date(1920, 4, 23), date(1920, 4, 23)),
        ("1338 H.", date(1919, 9, 26), date(1920, 9, 14)),
    ],
)
def test_bounds(sentence: str, earliest: date, latest: date) -> None:
    [mention] = find_dates(sentence)
    assert (mention.earliest, mention.latest) == (earliest, latest)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the last explicit year before a yearless date is its year
        (
            "Eylül 1919’dan itibaren gerginlik arttı. 1 Eylül’de Haskel geldi. 27 Eylül’de döndü.",
            ["1919-09-01", "1919-09-27"],
        ),
        (
            "Ocak 1921’de savaş ilerledi. 23 Ağustos’tan 13 Eylül’e kadar çarpışıldı.",
            ["1921-08-23/1921-09-13"],
        ),
        # a span of years does not set the year
        ("1920 yılında kuruldu. 1918-20 yıllarında yardım edildi. 3 Mart’ta geldi.", ["1920-03-03"]),
        # a publication year does not set it either
        ("Karabekir, İstanbul, 1969, s. 626. Haziran’da ordu girdi.", ["XXXX-06"]),
        # a month far behind the last dated one belongs to the next year: narratives go forward
        ("Elçi Aralık 1921’de geldi. 3 Şubat’ta ilk parti yola çıktı.", ["1922-02-03"]),
        ("Ocak 1921’de savaş ilerledi. 23 Ağustos’ta çarpışma başladı.", ["1921-08-23"]),
        # a Rumi year before 1334 began in March: Kânunusani follows Kânunuevvel in the same year
        ("Rapor 5 Kânunuevvel 1330 tarihlidir. 3 Kânunusani’de cevap geldi.", ["1915-01-16"]),
        # a Rumi year makes the following yearless Ottoman dates Rumi as well
        ("Telgraf 4 Eylül 1335. Cevabı 2 Eylül’de alındı.", ["1919-09-02"]),
    ],
)
def test_year_from_the_narrative(text: str, expected: list[str]) -> None:
    inferred = [
        mention.edtf for mention in find_dates(text) if mention.year_inferred or "XXXX" in mention.edtf
    ]
    assert inferred == expected


def test_context_year_and_unknown_year() -> None:
    [with_context] = find_dates("4-11 Eylül tarihinde", context_year=1919)
    assert with_context.edtf == "1919-09-04/1919-09-11" and with_context.year_inferred
    [without] = find_dates("4-11 Eylül tarihinde")
    assert without.edtf == "XXXX-09-04/XXXX-09-11" and without.year_from == "unknown"
    assert (without.earliest, without.latest) == (date.min, date.max)
    parse_edtf(without.edtf)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        ("С.И.Аралов. Воспоминания советского дипломата. М., 1960, стр. 19", ["bibliographic"]),
        ("Kazım Karabekir, İstiklal Harbimiz, İstanbul,1969,s.626", ["bibliographic"]),
        ("Azәrbaycan arxivi jurnalı, 1988,№1,2,s. 143", ["bibliographic"]),
        ("Fahir Armaoğlu 20 yy siyasi tarihi 2005, s.313", ["bibliographic"]),
        ("İkdam qәzeti,18 oktyabr 1921-ci il.", ["bibliographic"]),
        ("19 Temmuz 1920’de heyet Moskova’ya gitti.", ["event"]),
        ("(Mart-Nisan 1920)", ["event"]),
    ],
)
def test_roles_in_running_text(text: str, roles: list[str]) -> None:
    assert [mention.role for mention in find_dates(text)] == roles


def test_languages_restrict_month_names() -> None:
    assert find_dates("6 мая 1921 г.", languages=("tr",)) == []
    assert [mention.edtf for mention in find_dates("6 мая 1921 г.", languages=("ru",))] == ["1921-05-06"]


@pytest.mark.parametrize("language", ["tr", "az", "ru", "en"])
def test_language_data_months(language: str) -> None:
    data = language_data(language, "dates")
    assert sorted(int(number) for number in data["months"]) == list(range(1, 13))
    assert all(forms for forms in data["months"].values())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "1." opening a list whose next line opens with "2.": a paragraph's number, not a day
        (
            "Rapor\n1. Teşrinievvel 1337’den beri mesai devam etti.\n2. Ordu hazırdır.\n",
            [("Teşrinievvel 1337’den beri", "1921-10")],
        ),
        # with no "2." after it the number is a day
        (
            "Rapor\n1. Teşrinievvel 1337’de mesai başladı.\nOrdu hazırdır.\n",
            [("1. Teşrinievvel 1337’de", "1921-10-01")],
        ),
        # two years that are not one year in two calendars stay two dates
        ("Heyet 5 Mayıs 1920 (1921) tarihinde geldi.", [("5 Mayıs 1920", "1920-05-05"), ("1921", "1921")]),
    ],
)
def test_paragraph_numbers_and_years_in_brackets(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(mention.text, mention.edtf) for mention in find_dates(text)] == expected


def test_an_english_ordinal_day_takes_the_narratives_month() -> None:
    text = "Kemal reached Smyrna on the 9th September. On the 11th the last ships left; the 3rd army stayed."
    found = [(m.text, m.edtf) for m in find_dates(text, languages=("en",), context_year=1922)]
    assert found == [("9th September", "1922-09-09"), ("the 11th", "1922-09-11")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number opening a line of a numbered list, a spaced dash, then a date: the item's number
        (
            "1 — 19 Mayıs 1338’de kolordular toplandı.\n2 — 26 Ağustos 1338’de taarruz başladı.\n",
            [("19 Mayıs 1338’de", "1922-05-19"), ("26 Ağustos 1338’de", "1922-08-26")],
        ),
        # a range written tight at a line's start, or with no list around it, stays a range
        ("4-11 Eylül 1335’te Sivas’ta toplanıldı.\n", [("4-11 Eylül 1335’te", "1919-09-04/1919-09-11")]),
        (
            "Kongre\n4 — 11 Eylül 1335 tarihleri arasında toplandı.",
            [("4 — 11 Eylül 1335 tarihleri arasında", "1919-09-04/1919-09-11")],
        ),
    ],
)
def test_a_list_items_number_is_no_range_start(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(m.text, m.edtf) for m in find_dates(text)] == expected
