"""Reconciliation: the entities a name written in someone's spreadsheet may stand for, scored, as the W3C
Entity Reconciliation API (and OpenRefine) asks for them.

The candidates are the knowledge base's resolved entities and the authority file's entries, one record per
entity key. Names are compared with the resolver's own keys and rules (`resolve.names`): the same folding of
Ottoman, Turkish, English, OCR and Cyrillic spellings, the same partial names and guarded fuzzy matches, and
the resolver's unambiguous answer for a name counts for most. Properties (a date, a place, an office) move
scores up when they fit the entity and down when they contradict what is known of it.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from rapidfuzz import fuzz, process

from vakanuvis.reference.authority import ENTITY_TYPES, Authority, AuthorityEntry, name_key
from vakanuvis.reference.offices import TimedName, bound_day, timed_name_index
from vakanuvis.resolve.names import (
    core_tuple,
    fuzzy_same,
    is_head_key,
    is_longer_name,
    matcher_for,
    partial_of,
    ranks_agree,
)
from vakanuvis.resolve.reconcile_spellings import (
    WEAK_SIMILARITY as LOOSE_WEAK_SIMILARITY,
)
from vakanuvis.resolve.reconcile_spellings import (
    NameWords,
    loose_core,
    loose_form_score,
    name_words,
    place_index,
)

TYPE_NAMES = {
    "person": "Person",
    "place": "Place",
    "organization": "Organization",
    "treaty": "Treaty",
    "meeting": "Meeting",
}

# Name scores (0-100) by how a written name fits one form of an entity's name.
SAME_KEY = 100  # the same name in another spelling or script: 'Chicherin' / 'Çiçerin'
SAME_CORE = 96  # the same name without its titles: 'Gazi Mustafa Kemal' / 'Mustafa Kemal'
PLACE_VARIANT = 95  # 'Congress of Erzeroum' / 'Erzurum Congress'
FUZZY_SAME = 88  # a spelling variant of every word: 'Talaat Pasha' / 'Talat Pasha'
PARTIAL = 72  # a surname or initials and surname of the full name: 'Karabekir'
GIVEN_NAME = 60  # the given name of a fuller name: 'Kazım Paşa' / 'Kazım Karabekir Paşa'
LONE_GIVEN_NAME = 90  # a given name alone, the whole of a form only once its title is dropped: 'Kemal'
LONGER = 68  # the name with more head words: 'Azerbaycan Hükümeti' / 'Azerbaycan Cumhuriyeti Hükümeti'
OFFICE_HOLDER = 80  # the written name is an office the entity held ('Hariciye Vekili')
OFFICE_HOLDER_AT_DATE = 92  # ... and the one who held it at the date given
RESOLVER_AGREES = 3  # the resolver, asked the same name, answers this entity and no other
WEAK_SIMILARITY = 80  # below this rapidfuzz similarity of keys a name is not offered at all
WEAK_WEIGHT = 0.7  # a merely similar name scores at most 70: never a match
MENTIONS_MOST = 2.0  # how much being mentioned often in the knowledge base may add, to break ties

# Property scores.
FITS = 8
CONTRADICTS = -20
OFFICE_FITS = 25  # held the office (at the date given): strong, it tells namesakes apart ('Cemal Paşa')

# `match` only when the first candidate is this good and the second this far behind.
MATCH_SCORE = 95
MATCH_LEAD = 10

INSTITUTIONS = ("organization", "treaty", "meeting")  # names made of words that translate

DEFAULT_LIMIT = 5
MOST_CANDIDATES = 100


@dataclass(frozen=True)
class ReconcileProperty:
    """A property a query may give to narrow its candidates."""

    id: str
    name: str
    description: str
    types: tuple[str, ...]


PROPERTIES = (
    ReconcileProperty(
        "date",
        "Date",
        "a day, month or year (1921-03-16, 1921-03, 1921) at which the entity existed, was in office or "
        "took part in an event of the knowledge base",
        ENTITY_TYPES,
    ),
    ReconcileProperty(
        "place",
        "Place",
        "a place tied to the entity: in its name (Kars for the Treaty of Kars) or where its events happened",
        ENTITY_TYPES,
    ),
    ReconcileProperty(
        "office", "Office", "an office the person held (Sadrazam, Hariciye Vekili, Grand Vizier)", ("person",)
    ),
)


@dataclass(frozen=True)
class Reconcilable:
    """One entity as reconciliation sees it: its names, its span of existence, and what ties it to places."""

    id: str
    name: str
    type: str
    forms: tuple[str, ...]
    start: str | None = None
    end: str | None = None
    note: str | None = None
    wikidata: str | None = None
    mentions: int = 0  # in the knowledge base; 0 for an authority entry no document mentions
    place_ids: frozenset[str] = frozenset()  # places of the events it takes part in
    event_span: tuple[date, date] | None = None  # first and last day of those events

    def description(self) -> str:
        """A line telling the entity apart from its namesakes: type, dates, note, mentions."""
        parts = [TYPE_NAMES[self.type]]
        if self.type == "treaty" and self.start:
            parts.append(f"signed {self.start}")
        elif self.start or self.end:
            parts.append(f"{self.start or '…'}–{self.end or '…'}")
        if self.note:
            parts.append(self.note)
        if self.mentions:
            parts.append(f"{self.mentions} mention{'s' if self.mentions != 1 else ''} in the knowledge base")
        else:
            parts.append("in the authority file; no document mentions it")
        return "; ".join(parts)


@dataclass(frozen=True)
class PropertyValue:
    pid: str
    value: str  # a name, a date, or an entity id (a place chosen by reconciling it first)


@dataclass(frozen=True)
class ReconcileQuery:
    text: str
    type: str | None = None
    limit: int = DEFAULT_LIMIT
    properties: tuple[PropertyValue, ...] = ()


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str
    type: str
    score: float
    match: bool
    description: str

    def public(self) -> dict[str, Any]:
        """The candidate as the protocol writes it."""
        return {
            "id": self.id,
            "name": self.name,
            "type": [{"id": self.type, "name": TYPE_NAMES[self.type]}],
            "score": self.score,
            "match": self.match,
            "description": self.description,
        }


@dataclass
class ReconciliationIndex:
    """Every entity to reconcile against, with the resolver's matcher and keys to find them fast."""

    records: list[Reconcilable]
    authority: Authority
    by_id: dict[str, Reconcilable] = field(default_factory=dict, init=False)
    by_key: dict[str, list[Reconcilable]] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.by_id = {r.id: r for r in self.records}
        self.by_key = {}
        for record in self.records:
            for form in record.forms:
                bucket = self.by_key.setdefault(name_key(form), [])
                if record not in bucket:
                    bucket.append(record)
        self.matcher = matcher_for(self.authority)
        self._form_keys = [(record, form, name_key(form)) for record in self.records for form in record.forms]
        self._places_by_loose_key = place_index((r.id, r.forms) for r in self.records if r.type == "place")
        # each form's loose core and, for institutions, its translated words: the looser second look
        self._loose_forms = [
            (loose_core(form), self._name_words(form) if record.type in INSTITUTIONS else None)
            for record, form, _key in self._form_keys
        ]
        self._loose_texts = [" ".join(core) for core, _words in self._loose_forms]

    def _name_words(self, text: str) -> NameWords:
        return name_words(text, self._places_by_loose_key.get)

    # ------------------------------------------------------------------ queries

    def reconcile(self, query: ReconcileQuery) -> list[Candidate]:
        """The best candidates for the query, best first; the first has `match` when it is clearly right."""
        types = (query.type,) if query.type else ENTITY_TYPES
        scored = self._name_scores(query.text, types)
        for record, score in self._office_holders(query).items():
            scored[record.id] = max(scored.get(record.id, 0.0), score)
        ranked: list[tuple[float, Reconcilable, bool]] = []
        for record_id, name_score in scored.items():
            record = self.by_id[record_id]
            if record.type not in types:
                continue
            adjustment, contradicted = self._property_score(record, query.properties)
            busy = min(MENTIONS_MOST, math.log10(1 + record.mentions))
            ranked.append((max(0.0, name_score + adjustment + busy), record, contradicted))
        ranked = [item for item in ranked if item[0] > 0]
        ranked.sort(key=lambda item: (-item[0], -item[1].mentions, item[1].name))
        following = ranked[1][0] if len(ranked) > 1 else 0.0  # before the limit: limit 1 hides no rival
        candidates = []
        for position, (score, record, contradicted) in enumerate(ranked[: min(query.limit, MOST_CANDIDATES)]):
            clear = position == 0 and score >= MATCH_SCORE and score - following >= MATCH_LEAD
            candidates.append(
                Candidate(
                    record.id,
                    record.name,
                    record.type,
                    round(min(score, 100.0), 1),  # ranked by the whole score, shown out of 100
                    clear and not contradicted,
                    record.description(),
                )
            )
        return candidates

    def _name_scores(self, text: str, types: Sequence[str]) -> dict[str, float]:
        """Each entity whose names fit the written name, with its best name score."""
        core = core_tuple(text)
        variants = {name_key(v) for v in self.matcher.place_variants(text)}
        loose = loose_core(text)
        words = self._name_words(text) if any(t in INSTITUTIONS for t in types) else None
        scores: dict[str, float] = {}
        # the forms loosely alike, found in one pass over all of them rather than one comparison each
        alike = (
            {
                position: similarity
                for _text, similarity, position in process.extract(
                    " ".join(loose),
                    self._loose_texts,
                    scorer=fuzz.token_sort_ratio,
                    score_cutoff=LOOSE_WEAK_SIMILARITY,
                    limit=None,
                )
            }
            if loose
            else {}
        )
        for position, ((record, form, key), (form_loose, form_words)) in enumerate(
            zip(self._form_keys, self._loose_forms, strict=True)
        ):
            if record.type not in types:
                continue
            score = _form_score(text, core, variants, form, key, record.type)
            if score < SAME_CORE:  # the looser look only where the resolver's keys found no fit as good
                score = max(
                    score,
                    loose_form_score(
                        loose, words, form_loose, form_words, record.type, alike.get(position, 0.0)
                    ),
                )
            if score == SAME_CORE and len(core) == 1 and core[0] in self.matcher.given_names:
                score = LONE_GIVEN_NAME  # 'Kemal' is also 'Kemal Paşa' but not him alone
            if record.type == "person" and score < SAME_KEY and not ranks_agree(text, _as_entry(record)):
                score = min(
                    score - 20, PARTIAL - 10
                )  # 'Tevfik Bey' is not the one whose forms say 'Tevfik Paşa'
            if score > scores.get(record.id, 0.0):
                scores[record.id] = score
        for entity_type in types:  # the resolver's own answer, when it has one, counts for most
            entry = self.matcher.match(text, core, entity_type)
            if entry is not None and entry.key in self.by_id:
                scores[entry.key] = max(scores.get(entry.key, 0.0), SAME_CORE) + RESOLVER_AGREES
        return scores

    def _office_holders(self, query: ReconcileQuery) -> dict[Reconcilable, float]:
        """The holders of the office the written name is ('Sadrazam'), the one of the date given first."""
        if query.type not in (None, "person"):
            return {}
        offices = timed_name_index().get(name_key(query.text), ())
        if not offices:
            return {}
        days = [span for p in query.properties if p.pid == "date" and (span := date_span(p.value))]
        found: dict[Reconcilable, float] = {}
        for office in offices:
            for tenure in office.tenures:
                record = self._named(tenure.bearer, tenure.type)
                if record is None:
                    continue
                at_date = any(tenure.start <= last and first <= tenure.end for first, last in days)
                score = OFFICE_HOLDER_AT_DATE if at_date else OFFICE_HOLDER
                found[record] = max(found.get(record, 0.0), score)
        return found

    def _named(self, name: str, entity_type: str) -> Reconcilable | None:
        fits = [r for r in self.by_key.get(name_key(name), []) if r.type == entity_type]
        return fits[0] if len(fits) == 1 else None

    def _property_score(
        self, record: Reconcilable, properties: Iterable[PropertyValue]
    ) -> tuple[float, bool]:
        """What the query's properties add to the record's score, and whether one contradicts it."""
        total, contradicted = 0.0, False
        for prop in properties:
            if prop.pid == "date":
                span = date_span(prop.value)
                fit = None if span is None else self._date_fits(record, span)
            elif prop.pid == "place":
                fit = self._place_fits(record, prop.value)
            elif prop.pid == "office":
                fit = self._office_fits(record, prop.value, properties)
            else:
                fit = None
            if fit is True:
                total += OFFICE_FITS if prop.pid == "office" else FITS
            elif fit is False:
                total += CONTRADICTS
                contradicted = True
        return total, contradicted

    def _date_fits(self, record: Reconcilable, span: tuple[date, date]) -> bool | None:
        """Inside the entity's existence (authority dates), or its events or tenures for a person, whose
        life the authority file does not give: a person outside them is not contradicted."""
        first, last = span
        if record.type != "person" and (record.start or record.end):
            start = _bound(record.start, last=False)
            end = _bound(record.end, last=True)
            if record.type == "treaty":
                end = date.max  # a treaty is in force, and cited, after its signing
            return start <= last and first <= end
        active = [t for t in _tenures_of(record) if t[0] <= last and first <= t[1]]
        if record.event_span is not None and record.event_span[0] <= last and first <= record.event_span[1]:
            return True
        return True if active else None

    def _place_fits(self, record: Reconcilable, value: str) -> bool | None:
        places = self._places_meant(value)
        if not places:
            return None
        if record.id in {p.id for p in places} or record.place_ids & {p.id for p in places}:
            return True
        keys = {name_key(form) for p in places for form in p.forms}
        for form in record.forms:
            words = f" {name_key(form)} "
            if any(f" {key} " in words for key in keys if key):
                return True
        return None

    def _places_meant(self, value: str) -> list[Reconcilable]:
        if value in self.by_id and self.by_id[value].type == "place":
            return [self.by_id[value]]
        return [r for r in self.by_key.get(name_key(value), []) if r.type == "place"]

    def _office_fits(
        self, record: Reconcilable, value: str, properties: Iterable[PropertyValue]
    ) -> bool | None:
        if record.type != "person":
            return None
        offices: tuple[TimedName, ...] = timed_name_index().get(name_key(value), ())
        if not offices:
            return None
        days = [span for p in properties if p.pid == "date" and (span := date_span(p.value))]
        held = [
            t
            for office in offices
            for t in office.tenures
            if t.type == "person" and name_key(t.bearer) in {name_key(f) for f in record.forms}
        ]
        if not held:
            return None  # the offices file lists only holders known with confidence: absence is not proof
        if days and not any(t.start <= last and first <= t.end for t in held for first, last in days):
            return None
        return True

    # ------------------------------------------------------------------ suggest and preview

    def suggest(self, prefix: str, entity_type: str | None = None, limit: int = 10) -> list[Reconcilable]:
        """Entities one of whose names, or one word of it, begins with `prefix`; full-name starts first."""
        wanted = name_key(prefix)
        if not wanted:
            return []
        found: dict[str, tuple[int, Reconcilable]] = {}
        for record, _form, key in self._form_keys:
            if entity_type and record.type != entity_type:
                continue
            if key.startswith(wanted):
                rank = 0
            elif any(word.startswith(wanted) for word in key.split()[1:]) or f" {wanted}" in f" {key}":
                rank = 1
            else:
                continue
            if record.id not in found or rank < found[record.id][0]:
                found[record.id] = (rank, record)
        ordered = sorted(found.values(), key=lambda item: (item[0], -item[1].mentions, item[1].name))
        return [record for _rank, record in ordered[:limit]]

    def preview_html(self, record_id: str) -> str | None:
        """A small HTML page about one entity, for OpenRefine's preview pane."""
        record = self.by_id.get(record_id)
        if record is None:
            return None
        esc = html.escape
        others = [f for f in dict.fromkeys(record.forms) if f != record.name]
        rows = [
            f"<h3 style='margin:0'>{esc(record.name)}</h3>",
            f"<p style='margin:2px 0;color:#555'>{esc(record.description())}</p>",
        ]
        if others:
            rows.append(f"<p style='margin:2px 0'><b>Also written:</b> {esc(', '.join(others[:20]))}</p>")
        if record.wikidata:
            link = f"https://www.wikidata.org/wiki/{esc(record.wikidata)}"
            rows.append(
                f"<p style='margin:2px 0'><a href='{link}' target='_blank'>{esc(record.wikidata)}</a></p>"
            )
        rows.append(f"<p style='margin:2px 0;color:#888'>id: {esc(record.id)}</p>")
        return (
            "<!DOCTYPE html><html><head><meta charset='utf-8'></head>"
            f"<body style='font-family:sans-serif;font-size:13px;margin:4px'>{''.join(rows)}</body></html>"
        )


def _form_score(
    text: str, core: tuple[str, ...], variants: set[str], form: str, key: str, entity_type: str
) -> float:
    """How well a written name fits one form of an entity's name (0 when not at all). A part of the name
    is a person's surname, or the proper words of another name ('Mudros' of 'Armistice of Mudros'), never
    its head alone ('Treaty' of 'Moscow Treaty')."""
    if key and key == name_key(text):
        return SAME_KEY
    form_core = core_tuple(form)
    if core and core == form_core:
        return SAME_CORE
    if key in variants:
        return PLACE_VARIANT
    if fuzzy_same(core, form_core):
        return FUZZY_SAME
    if partial_of(core, form_core) and (entity_type == "person" or not any(map(is_head_key, core))):
        return PARTIAL
    if is_longer_name(core, form_core) or is_longer_name(form_core, core):
        return LONGER
    if entity_type == "person" and len(core) == 1 and len(form_core) > 1 and core[0] == form_core[0]:
        return GIVEN_NAME  # offered, never matched: the resolver leaves a given name alone unresolved
    similarity = fuzz.token_sort_ratio(" ".join(core), " ".join(form_core)) if core and form_core else 0.0
    return similarity * WEAK_WEIGHT if similarity >= WEAK_SIMILARITY else 0.0


def _as_entry(record: Reconcilable) -> AuthorityEntry:
    return AuthorityEntry(key=record.id, name=record.name, type=record.type, aliases=record.forms[1:])


def _tenures_of(record: Reconcilable) -> list[tuple[date, date]]:
    forms = {name_key(f) for f in record.forms}
    return [
        (t.start, t.end)
        for offices in timed_name_index().values()
        for office in offices
        for t in office.tenures
        if t.type == record.type and name_key(t.bearer) in forms
    ]


_ISO_DAY = re.compile(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)\b")


def date_span(value: str) -> tuple[date, date] | None:
    """The first and last day a date written as OpenRefine sends it means ('1921-03-16T00:00:00Z',
    '1921-03', '1921'), or the year of a date written otherwise ('16 March 1921'); None when none."""
    match = _ISO_DAY.match(value)
    text = None
    if match:
        text = "-".join(part for part in match.groups() if part)
    elif year := _YEAR.search(value):
        text = year.group(1)
    if text is None:
        return None
    try:
        return bound_day(text, False), bound_day(text, True)
    except ValueError:
        return None


def _bound(value: str | None, *, last: bool) -> date:
    try:
        return bound_day(value, last)
    except ValueError:  # an EDTF the simple reader does not know: treated as open
        return date.max if last else date.min


def reconcilable_records(
    authority: Authority, entities: Iterable[dict[str, Any]], events: Iterable[dict[str, Any]]
) -> list[Reconcilable]:
    """One record per entity: the knowledge base's entities (as `list_entities` gives them) with the names
    and dates of their authority entry, then the authority entries no document mentions.

    `events` (as `list_events` gives them) tie entities to places and dates."""
    entries = {entry.key: entry for entry in authority.entries}
    entities = list(entities)
    place_by_name = {e["name"]: e["id"] for e in entities if e["type"] == "place"}
    places_of: dict[str, set[str]] = {}
    days_of: dict[str, list[date]] = {}
    for event in events:
        keys = {key for keys in (event.get("role_keys") or {}).values() for key in keys}
        places = {place_by_name[name] for name in event.get("places") or () if name in place_by_name}
        days = [_bound(event.get("start"), last=False), _bound(event.get("end"), last=True)]
        days = [d for d in days if d not in (date.min, date.max)]
        for key in keys:
            places_of.setdefault(key, set()).update(places - {key})
            days_of.setdefault(key, []).extend(days)
    records = []
    for entity in entities:
        entry = entries.get(entity["id"])
        forms = (entity["name"], *(entity.get("aliases") or ()), *(entry.forms() if entry else ()))
        active = days_of.get(entity["id"])
        records.append(
            Reconcilable(
                id=entity["id"],
                name=entity["name"],
                type=entity["type"],
                forms=tuple(dict.fromkeys(forms)),
                start=entry.start if entry else None,
                end=entry.end if entry else None,
                note=entry.note if entry else None,
                wikidata=entity.get("wikidata") or (entry.wikidata if entry else None),
                mentions=int(entity.get("mentions") or 0),
                place_ids=frozenset(places_of.get(entity["id"], ())),
                event_span=(min(active), max(active)) if active else None,
            )
        )
    known = {record.id for record in records}
    for entry in authority.entries:
        if entry.key not in known:
            records.append(
                Reconcilable(
                    id=entry.key,
                    name=entry.name,
                    type=entry.type,
                    forms=entry.forms(),
                    start=entry.start,
                    end=entry.end,
                    note=entry.note,
                    wikidata=entry.wikidata,
                )
            )
    return records
