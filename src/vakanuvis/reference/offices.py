"""Offices and generic names whose bearer changes with time: 'Hariciye Vekili' in a telegram of 1921 is the
person who held the office then; 'Meclis' in a speech of 1921 is the Grand National Assembly, in one of
1919 the Ottoman Chamber of Deputies.

Read from `reference/data/offices.yaml` (offices and their holders) and `reference/data/generic_names.yaml`
(names of institutions that several things bore in turn); matching goes through `name_key`, like the
authority file's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources

from vakanuvis.lang import read_yaml
from vakanuvis.reference.authority import name_key


@dataclass(frozen=True)
class Tenure:
    """Who or what bore a name from `start` to `end` (either may be open)."""

    bearer: str  # the authority entry's name
    type: str  # its entity type
    start: date
    end: date


@dataclass(frozen=True)
class TimedName:
    """A name ('Sadrazam', 'Meclis') and the bearers it had in turn."""

    name: str
    forms: tuple[str, ...]
    tenures: tuple[Tenure, ...]

    def bearer_at(self, earliest: date, latest: date) -> Tenure | None:
        """The one bearer whose tenure covers the whole of [earliest, latest], if exactly one does."""
        fits = [t for t in self.tenures if t.start <= earliest and latest <= t.end]
        return fits[0] if len({t.bearer for t in fits}) == 1 else None


def bound_day(value: object, last: bool) -> date:
    """'1920-04-23', '1920-04' or '1920' as its first (or last) day; None as the open end."""
    if value is None or value == "":
        return date.max if last else date.min
    parts = [int(p) for p in str(value).split("-")]
    year, month, day = (parts + [0, 0])[:3]
    if not month:
        return date(year, 12, 31) if last else date(year, 1, 1)
    if not day:
        following = date(year + month // 12, month % 12 + 1, 1)
        return date.fromordinal(following.toordinal() - 1) if last else date(year, month, 1)
    return date(year, month, day)


def _read(file: str) -> dict:
    resource = resources.files("vakanuvis.reference").joinpath("data", file)
    return read_yaml(resource.read_text(encoding="utf-8")) or {}


@cache
def timed_names() -> tuple[TimedName, ...]:
    """Every office and generic name, with its bearers' tenures."""
    found: list[TimedName] = []
    for raw in _read("offices.yaml").get("offices") or ():
        tenures = tuple(
            Tenure(h["person"], "person", bound_day(h.get("start"), False), bound_day(h.get("end"), True))
            for h in raw.get("holders") or ()
        )
        found.append(TimedName(raw["name"], (raw["name"], *raw.get("aliases", ())), tenures))
    for raw in _read("generic_names.yaml").get("names") or ():
        tenures = tuple(
            Tenure(b["entity"], b["type"], bound_day(b.get("start"), False), bound_day(b.get("end"), True))
            for b in raw.get("bearers") or ()
        )
        found.append(TimedName(raw["name"], tuple(raw["forms"]), tenures))
    return tuple(found)


@cache
def timed_name_index() -> dict[str, tuple[TimedName, ...]]:
    """Each form's name key → the timed names that have it."""
    index: dict[str, list[TimedName]] = {}
    for timed in timed_names():
        for form in timed.forms:
            bucket = index.setdefault(name_key(form), [])
            if timed not in bucket:
                bucket.append(timed)
    return {key: tuple(names) for key, names in index.items()}


def bearer_of(written: str, earliest: date, latest: date) -> Tenure | None:
    """Who or what `written` ('Hariciye Vekili', 'Meclis') named between `earliest` and `latest`."""
    names = timed_name_index().get(name_key(written), ())
    bearers = {tenure for timed in names if (tenure := timed.bearer_at(earliest, latest)) is not None}
    return next(iter(bearers)) if len({b.bearer for b in bearers}) == 1 else None
