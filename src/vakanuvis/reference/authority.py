"""The authority file: known people, places, states and organizations with their aliases in any script.

The shipped file `reference/data/authority.yaml` is merged with a user's own file (argument or the
`VAKANUVIS_AUTHORITY` environment variable); a user entry with the same `id` or canonical name replaces
the shipped one. Matching goes through `name_key`, a spelling-insensitive key shared by all scripts.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Generic, TypeVar

from vakanuvis.errors import VakanuvisError
from vakanuvis.lang import read_yaml
from vakanuvis.lang.folds import bare_words, fold_for_name_matching, latin_lower

ENTITY_TYPES = ("person", "place", "organization", "treaty", "meeting")
AUTHORITY_ENV = "VAKANUVIS_AUTHORITY"

# Latin letters of Turkish and Azerbaijani mapped to the spelling a Russian transliteration gives, so that
# "Çiçerin" and "Чичерин", "Naxçıvan" and "Nahçıvan", "Orconikidze" and "Орджоникидзе" share one key.
_LATIN_TO_KEY = str.maketrans(
    {
        "ç": "ch",
        "ş": "sh",
        "c": "j",
        "x": "h",
        "ğ": "g",
        "ı": "i",
        "ə": "e",
        "ә": "e",
        "ö": "o",
        "ü": "u",
        "w": "v",
        "q": "g",
    }
)
# Digraphs of English and Russian transliteration folded to one letter before the mapping above.
_DIGRAPHS = (("dzh", "c"), ("dj", "c"), ("ch", "ç"), ("sh", "ş"), ("zh", "j"), ("kh", "x"), ("ph", "f"))
# Whole words as the English transliteration and OCR of the period write them: "Paga" (the ş of Paşa
# read as g), "Pacha", "Effendi", "Ghazi", "Kiazim" (Kâzım: the palatal k written "ki").
_KEY_WORDS = {"paga": "pasha", "pacha": "pasha", "effendi": "efendi", "beg": "bey", "ghazi": "gazi"}
_KEY_SYLLABLES = (("kia", "ka"),)
_OCR_DOUBLE_I = re.compile(r"ii(?=[^\W\d_])")  # inside a word; "-ii" ending Russian names stays
_KEY_ENDINGS = (("skiy ", "ski "), ("skii ", "ski "), ("sky ", "ski "))


class BadAuthorityFile(VakanuvisError):
    def __init__(self, path: str, why: str) -> None:
        super().__init__(f"authority file {path}: {why}")


@lru_cache(maxsize=262_144)
def name_key(text: str) -> str:
    """Script-insensitive matching key: 'Çiçerin', 'Chicherin' and 'Чичерин' all give 'chicherin'."""
    text = latin_lower(text)
    for digraph, letter in _DIGRAPHS:
        text = text.replace(digraph, letter)
    text = _OCR_DOUBLE_I.sub("u", text)  # OCR reads ü as ii: "Hiiseyin" is "Hüseyin"
    for syllable, replacement in _KEY_SYLLABLES:
        text = text.replace(syllable, replacement)
    text = bare_words(text.translate(_LATIN_TO_KEY)) + " "
    for spelling, replacement in _KEY_ENDINGS:
        text = text.replace(spelling, replacement)
    words = text.split()
    if any(word in _KEY_WORDS for word in words):
        words = [_KEY_WORDS.get(word, word) for word in words]
    return " ".join(words)


def slug(text: str) -> str:
    """A key-safe form of a name: 'Mustafa Kemal' → 'mustafa-kemal'."""
    return fold_for_name_matching(text).replace(" ", "-")


@dataclass(frozen=True)
class AuthorityEntry:
    key: str  # stable entity key: the Wikidata QID when known, else "<type>:<slug>"
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    start: str | None = None
    end: str | None = None
    lat: float | None = None
    lon: float | None = None
    note: str | None = None
    # names met beside this person in the period's papers (units, places, offices, people): what tells a
    # given name alone ("Kâzım Paşa") of this person from another of that name
    context: tuple[str, ...] = ()
    # aliases valid only from a day on ("İnönü" from the Surname Law of 1934): (alias, first day)
    alias_since: tuple[tuple[str, date], ...] = ()

    def forms(self) -> tuple[str, ...]:
        """The canonical name and every alias."""
        return (self.name, *self.aliases)

    def undated_forms(self) -> tuple[str, ...]:
        """The forms valid whatever a document's date: all but the aliases with a `since`."""
        if not self.alias_since:
            return self.forms()
        dated = {alias for alias, _ in self.alias_since}
        return tuple(form for form in self.forms() if form not in dated)


Built = TypeVar("Built")


class PerAuthority(Generic[Built]):
    """What a process builds from an authority once and reuses: kept for the last few authorities by
    identity (each kept with its authority, so a freed authority's id never hands out another's table)."""

    def __init__(self, build: Callable[[Authority], Built], keep: int = 8) -> None:
        self.build = build
        self.keep = keep
        self.kept: dict[int, tuple[Authority, Built]] = {}

    def __call__(self, authority: Authority) -> Built:
        kept = self.kept.get(id(authority))
        if kept is None or kept[0] is not authority:
            if len(self.kept) >= self.keep:
                self.kept.pop(next(iter(self.kept)))
            kept = self.kept[id(authority)] = (authority, self.build(authority))
        return kept[1]


@dataclass
class Authority:
    entries: list[AuthorityEntry] = field(default_factory=list)
    _index: dict[str, list[AuthorityEntry]] = field(default_factory=dict, repr=False)
    # the keys of aliases valid only from a day on, with their entries and that day
    dated: dict[str, list[tuple[AuthorityEntry, date]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._index = {}
        self.dated = {}
        for entry in self.entries:
            for form in entry.undated_forms():
                bucket = self._index.setdefault(name_key(form), [])
                if entry not in bucket:
                    bucket.append(entry)
            for alias, since in entry.alias_since:
                self.dated.setdefault(name_key(alias), []).append((entry, since))

    def find(self, name: str, type: str | None = None) -> AuthorityEntry | None:
        """The entry one of whose forms has the same key as `name` (of `type` if given), if exactly one."""
        candidates = [e for e in self._index.get(name_key(name), []) if type is None or e.type == type]
        return candidates[0] if len(candidates) == 1 else None

    def find_on(self, name: str, earliest: date | None, type: str | None = None) -> AuthorityEntry | None:
        """As `find`, with the aliases valid on a document whose date is `earliest` at the soonest (None:
        unknown, and no dated alias counts): "İnönü" is İsmet İnönü in 1938, not in 1921."""
        if earliest is None or not self.dated:
            return self.find(name, type)
        key = name_key(name)
        dated = [
            e
            for e, since in self.dated.get(key, ())
            if earliest is not None and earliest >= since and (type is None or e.type == type)
        ]
        if not dated:
            return self.find(name, type)
        candidates = [e for e in self._index.get(key, []) if type is None or e.type == type]
        candidates += [e for e in dated if e not in candidates]
        return candidates[0] if len(candidates) == 1 else None

    @cached_property
    def fingerprint(self) -> str:
        """Changes whenever an entry does: a knowledge base resolved with another authority is resolved again."""
        return hashlib.sha1(repr(sorted(self.entries, key=repr)).encode("utf-8")).hexdigest()[:16]

    def keys(self) -> dict[str, list[AuthorityEntry]]:
        """Every matching key with its entries (for fuzzy and partial matching)."""
        return self._index


def _entry_from(raw: dict[str, Any], origin: str) -> AuthorityEntry:
    name = raw.get("name")
    kind = raw.get("type")
    if not name or kind not in ENTITY_TYPES:
        raise BadAuthorityFile(origin, f"entry {raw!r} needs a name and a type among {ENTITY_TYPES}")
    wikidata = raw.get("wikidata") or None
    key = raw.get("id") or wikidata or f"{kind}:{slug(name)}"
    aliases: list[str] = []
    alias_since: list[tuple[str, date]] = []
    for alias in raw.get("aliases") or ():
        if isinstance(alias, dict):  # {name: İnönü, since: 1934}
            if not alias.get("name"):
                raise BadAuthorityFile(origin, f"alias {alias!r} of {name!r} needs a name")
            aliases.append(str(alias["name"]))
            if alias.get("since") is not None:
                alias_since.append((str(alias["name"]), _first_day(alias["since"], origin, name)))
        else:
            aliases.append(str(alias))

    def text_or_none(value: Any) -> str | None:
        return None if value is None else str(value)

    def float_or_none(value: Any) -> float | None:
        return None if value is None else float(value)

    return AuthorityEntry(
        key=str(key),
        name=str(name),
        type=str(kind),
        aliases=tuple(aliases),
        wikidata=text_or_none(wikidata),
        start=text_or_none(raw.get("start")),
        end=text_or_none(raw.get("end")),
        lat=float_or_none(raw.get("lat")),
        lon=float_or_none(raw.get("lon")),
        note=text_or_none(raw.get("note")),
        context=tuple(str(c) for c in raw.get("context") or ()),
        alias_since=tuple(alias_since),
    )


def _first_day(since: Any, origin: str, name: Any) -> date:
    """The day an alias's `since` (a year, or an ISO date) begins."""
    if isinstance(since, date):
        return since
    text = str(since).strip()
    try:
        return date(int(text), 1, 1) if text.isdigit() else date.fromisoformat(text)
    except ValueError as error:
        raise BadAuthorityFile(
            origin, f"alias 'since' of {name!r} is not a year or date: {since!r}"
        ) from error


def parse_authority(text: str, origin: str = "<text>") -> list[AuthorityEntry]:
    """Entries of one authority file's YAML text."""
    import yaml  # here, not at the top: the query commands read no authority file

    try:
        data = read_yaml(text) or {}
    except yaml.YAMLError as error:
        raise BadAuthorityFile(origin, f"not valid YAML ({error})") from error
    raw_entries = data.get("entities", []) if isinstance(data, dict) else data
    if not isinstance(raw_entries, list):
        raise BadAuthorityFile(origin, "expected a list under 'entities'")
    return [_entry_from(raw, origin) for raw in raw_entries]


@cache
def _shipped_entries() -> tuple[AuthorityEntry, ...]:
    resource = resources.files("vakanuvis.reference").joinpath("data", "authority.yaml")
    return tuple(parse_authority(resource.read_text(encoding="utf-8"), "authority.yaml (shipped)"))


def merge_entries(base: list[AuthorityEntry], extra: list[AuthorityEntry]) -> list[AuthorityEntry]:
    """`base` with `extra` added; an extra entry with the key or name of a base entry replaces it."""
    replaced = {e.key for e in extra} | {name_key(e.name) for e in extra}
    kept = [e for e in base if e.key not in replaced and name_key(e.name) not in replaced]
    return kept + list(extra)


def load_authority(extra_path: Path | None = None) -> Authority:
    """The shipped authority merged with a user file (`extra_path` or $VAKANUVIS_AUTHORITY)."""
    path = extra_path or (Path(os.environ[AUTHORITY_ENV]) if os.environ.get(AUTHORITY_ENV) else None)
    if path is None:
        return _authority_of(None, None)
    try:
        status = path.stat()
    except OSError:
        status = None
    if status is None or not path.is_file():
        raise BadAuthorityFile(str(path), "no such file")
    # built once per process and user file version: every document reuses its index and keys
    return _authority_of(str(path), (status.st_mtime_ns, status.st_size))


@lru_cache(maxsize=8)
def _authority_of(path: str | None, version: tuple[int, int] | None) -> Authority:
    entries = list(_shipped_entries())
    if path is not None:
        text = Path(path).read_text(encoding="utf-8")
        entries = merge_entries(entries, parse_authority(text, path))
    return Authority(entries)
