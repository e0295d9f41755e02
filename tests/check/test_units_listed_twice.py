"""One numbered unit listed twice in one enumeration: real shapes of the period's telegrams and articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.check.units_listed_twice import find_units_listed_twice, numbered_units, roman_number
from vakanuvis.ingest import read_file
from vakanuvis.pipeline import analyse


def _findings(tmp_path: Path, text: str) -> list[tuple[str, ...]]:
    path = tmp_path / "telgraf.txt"
    path.write_text(text, encoding="utf-8")
    document = analyse(read_file(path), {"language": "tr"})
    return [tuple(item.text for item in f.evidence) for f in find_units_listed_twice(document)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # in figures and in letters
        (
            "Taarruza 9. Fırka, 11. Fırka, 12. Fırka ve Dokuzuncu Fırka iştirak etmiştir.\n",
            [("9. Fırka", "Dokuzuncu Fırka")],
        ),
        (
            "Fırkalardan 9. Fırka, 11. Fırka ve Dokuzuncu Fırka Kars havalisinde kalacaktır.\n",
            [("9. Fırka", "Dokuzuncu Fırka")],
        ),
        # a Roman numeral and letters with tens
        (
            "Cepheye XV. Kolordu, III. Kolordu ve On Beşinci Kolordu sevk olundu.\n",
            [("XV. Kolordu", "On Beşinci Kolordu")],
        ),
        # the same figure twice, the second with its suffix
        ("Harekâta 3. Alay, 5. Alay ve 3. Alay’ın bir taburu katıldı.\n", [("3. Alay", "3. Alay’ın")]),
    ],
)
def test_unit_listed_twice(tmp_path, text, quoted):
    assert _findings(tmp_path, text) == quoted


@pytest.mark.parametrize(
    "text",
    [
        "Taarruza 9. Fırka, 11. Fırka ve 12. Fırka iştirak etmiştir.\n",
        # one number, two kinds of unit
        "Harekâta 9. Fırka, 9. Alay ve 11. Fırka katıldı.\n",
        # the same unit named twice, but not in one list
        "9. Fırka Kars’a girdi. Sonra 11. Fırka geldi ve Dokuzuncu Fırka Arpaçay’a yürüdü.\n",
    ],
)
def test_no_unit_listed_twice(tmp_path, text):
    assert _findings(tmp_path, text) == []


@pytest.mark.parametrize(
    ("written", "number"), [("XV", 15), ("IX", 9), ("III", 3), ("XL", 40), ("ABC", None)]
)
def test_roman_number(written, number):
    assert roman_number(written) == number


def test_numbered_units_read_letters():
    assert [(u.number, u.unit) for u in numbered_units("Yirmi Dördüncü Tümen ve 61. Tümen")] == [
        (24, "tümen"),
        (61, "tümen"),
    ]
