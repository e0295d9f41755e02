"""Events merged across documents: one happening reported by several articles, with all their sources."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Engine, select

from vakanuvis.lang.folds import fold_for_name_matching
from vakanuvis.resolve.union_find import root
from vakanuvis.store import schema
from vakanuvis.store.queries import PLACE_TYPES, list_events

DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# roles whose entity makes two reports of one kind at one time the same happening (not the recipient: two
# telegrams to one commander on one day are two telegrams)
PARTICIPANT_ROLES = ("agent", "patient", "instrument")
# kinds of happening that one day and one participant do not make one: letters and telegrams
KINDS_KEPT_APART = ("send",)
# the longest a report's date may cover and still be joined by its kind and participant ("Ocak 1920’de
# Meclis açılacak" with "12 Ocak’ta Meclis açıldı"); longer ones join only by a treaty or meeting
MOST_DAYS = 31
# reports of one treaty's signing or one meeting's opening may differ by a day (a night's signing, a
# calendar converted): they are one happening whose reports disagree on its date
NAMED_TOLERANCE = timedelta(days=1)
# what a kind of happening on an entity's first day is the beginning of ("sign" on 16 March 1921: the
# Treaty of Moscow, as the authority file dates it), when the report does not name it
STARTED_BY = {"sign": ("treaty",), "adopt": ("treaty",), "open": ("meeting", "organization")}
MOST_DAYS_STARTING = 3
# the widest a report of a beginning may be dated ("Geçen sene Gümrü’de akdolunan muahede": a year) and still
# be of the treaty named after its place that was begun within it
MOST_DAYS_NAMED_AFTER_PLACE = 366
NAMED_AFTER_PLACES = ("treaty", "meeting")  # (a body named after a country or city is not named for its seat)
# kinds of happening that happen at the place they befall: "İstanbul’u işgal ettiler" and "İstanbul’da
# Harbiye Nezaretini işgal ettiler" are one occupation at İstanbul, so a place that is their patient is
# also their place
KINDS_AT_THEIR_PATIENT = ("take",)


class _Groups:
    """Union-find over event ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        return root(self.parent, item)

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(b)] = self.find(a)


def _days(event: dict[str, Any]) -> int:
    return (date.fromisoformat(event["end"]) - date.fromisoformat(event["start"])).days + 1


def merge_keys(event: dict[str, Any], started: dict[str, list[str]] | None = None) -> list[tuple]:
    """What makes reports one happening: the same treaty or meeting as their instrument at overlapping
    dates (named, or the one `started` — day -> keys of the entities whose first day it is — on the day a
    report of its kind tells of); or, within a month, the same kind of happening with the same
    participant; or, on one day, the same kind at the same place, or, when its kind is not known, the
    treaty or meeting it names whose first day it is. A dateline (the date of a document
    itself) joins no other report."""
    if event.get("dateline"):
        return []
    role_keys = event.get("role_keys", {})
    kind = event.get("kind", "")
    days = _days(event)
    # a report that says neither what happened nor within a month when ("Geçen sene Sivas Kongresi’nde
    # ittihaz olunan kararlar") may be of any of the meeting's days: its opening, its resolutions, its close
    named = kind or days <= MOST_DAYS
    keys: list[tuple] = [("named", key) for key in role_keys.get("instrument", [])] if named else []
    if started and not kind and days == 1:
        keys += [("named", key) for key in _begun_on_its_day(event, started) if ("named", key) not in keys]
    if not kind and days <= MOST_DAYS:
        # a report that says no kind but names a place taken on its days ("16 Mart tarihinden itibaren
        # İstanbul’un esir bulunduğunu", "the events of last month" at Constantinople) may tell of its
        # taking: it joins a group holding a report of that taking (see `merged_events`)
        keys += [("taken", key) for key in event.get("places_named", [])]
    if not kind or kind in KINDS_KEPT_APART:
        return keys
    if started and kind in STARTED_BY and days <= MOST_DAYS_STARTING:
        keys += [("named", key) for key in _started_by(event, kind, started) if ("named", key) not in keys]
    elif started and kind in STARTED_BY and days <= MOST_DAYS_NAMED_AFTER_PLACE and not keys:
        keys += [("named", key) for key in _named_after_its_place(event, kind, started)]
    if days <= MOST_DAYS:
        participants = dict.fromkeys(key for role in PARTICIPANT_ROLES for key in role_keys.get(role, []))
        keys += [("kind", kind, key) for key in participants]
    if days == 1:
        keys += [("place", kind, key) for key in role_keys.get("place", [])]
    if kind in KINDS_AT_THEIR_PATIENT and days <= MOST_DAYS:
        keys += [("taken", key) for key in event.get("places_named", [])]
    return keys


def _begun_on_its_day(event: dict[str, Any], started: dict[str, list[str]]) -> list[str]:
    """Of a report whose verb says no kind ("Türkiye Büyük Millet Meclisi 23 Nisan 1336 günü … kılınan
    dualarla", "which was opened … on the 23rd April, 1920, is expected"), the treaties or meetings it names
    whose first day is its own day: it tells of their beginning."""
    role_keys = event.get("role_keys", {})
    named = {key for role in PARTICIPANT_ROLES for key in role_keys.get(role, [])}
    return [key for kind in STARTED_BY for key in started.get(f"{kind}:{event['start']}", []) if key in named]


def _named_after_its_place(event: dict[str, Any], kind: str, started: dict[str, list[str]]) -> list[str]:
    """Of a report of a beginning dated wider than a few days that names no treaty or meeting ("Geçen sene
    Gümrü’de Ermenistan ile akdolunan muahede"), the ones begun within its dates that are named after its
    place (the Treaty of Alexandropol, "Gümrü Muahedesi", signed at Gümrü): `started` holds, under
    "named-after:" and a place's key, the treaties and meetings one of whose names holds one of the place's."""
    first, last = date.fromisoformat(event["start"]), date.fromisoformat(event["end"])
    found = []
    for place in event.get("role_keys", {}).get("place", []):
        for key, day in (tuple(item.split("@", 1)) for item in started.get(f"named-after:{place}", [])):
            if key not in found and first <= date.fromisoformat(day) <= last and f"{kind}:{day}" in started:
                if key in started[f"{kind}:{day}"]:
                    found.append(key)
    # one only: "geçen sene Erzurum ve Sivas’ta toplanan" tells of two congresses, and joins neither
    return found if len(found) == 1 else []


def _with_taken_places(event: dict[str, Any], places: set[str]) -> dict[str, Any]:
    """The report with the places that are the patient of a taking among its places as well; and, for a
    taking or a report of no kind, the places it names as its patient or place (`places_named`)."""
    role_keys = event.get("role_keys", {})
    if not event.get("kind"):
        named = [key for role in ("patient", "place") for key in role_keys.get(role, []) if key in places]
        return {**event, "places_named": list(dict.fromkeys(named))} if named else event
    if event.get("kind") not in KINDS_AT_THEIR_PATIENT:
        return event
    taken = [key for key in role_keys.get("patient", []) if key in places]
    if taken:
        event = {**event, "places_named": taken}
    own = role_keys.get("place", [])
    if not [key for key in taken if key not in own]:
        return event
    return {**event, "role_keys": {**role_keys, "place": list(dict.fromkeys([*own, *taken]))}}


def place_keys(engine: Engine) -> set[str]:
    """The keys of the entities that are places."""
    ent = schema.entities
    with engine.connect() as connection:
        return set(connection.execute(select(ent.c.key).where(ent.c.type.in_(PLACE_TYPES))).scalars())


def _started_by(event: dict[str, Any], kind: str, started: dict[str, list[str]]) -> list[str]:
    """The treaties or meetings whose first day a report of their beginning tells of: on one of its days,
    or, when the report names no treaty or meeting of its own and no other begins on its days, a day
    before or after them (a calendar converted, a night's signing: "17 Mart 1337’de imza olunan
    muahede" of the treaty of 16 March, also when it names a treaty or meeting nobody dates) — but not
    when it names another thing such a happening begins
    ("Meclis 4 Mayıs’ta toplandı" is no beginning of a cabinet formed on 3 May)."""
    role_keys = event.get("role_keys", {})
    first = date.fromisoformat(event["start"])
    own_days = [(first + timedelta(days=offset)).isoformat() for offset in range(_days(event))]
    found = [key for day in own_days for key in started.get(f"{kind}:{day}", [])]
    if found:
        return found
    begun = {key for day_key, keys in started.items() if day_key.startswith(f"{kind}:") for key in keys}
    # a treaty or meeting it names whose first day nobody dates ("Moskova Konferansı’nda", a treaty under a
    # name of its own) says nothing against the day; one that begins on another day does
    if any(key in begun for key in role_keys.get("instrument", [])):
        return found
    last = date.fromisoformat(event["end"])
    near_days = ((first - NAMED_TOLERANCE).isoformat(), (last + NAMED_TOLERANCE).isoformat())
    near = [key for day in near_days for key in started.get(f"{kind}:{day}", [])]
    if not near:
        return near
    named = {key for role in PARTICIPANT_ROLES for key in role_keys.get(role, []) if key in begun}
    return [key for key in near if key in named] if named else near


def compatible(a: dict[str, Any], b: dict[str, Any], key_type: str = "named") -> bool:
    """Two reports that may be of one happening: kinds the same or one unknown; not two letters or
    telegrams of different senders or addressees; not at different places; joined only by their place,
    not done by different agents."""
    if a["kind"] and b["kind"] and a["kind"] != b["kind"]:
        return False
    checked = ["place"] if key_type != "named" else []
    if key_type == "place":
        checked.append("agent")
    if a["kind"] in KINDS_KEPT_APART or b["kind"] in KINDS_KEPT_APART:
        checked += ["agent", "recipient"]
    for role in checked:
        ours, theirs = set(a["role_keys"].get(role, [])), set(b["role_keys"].get(role, []))
        if ours and theirs and not ours & theirs:
            return False
    return True


def entity_first_days(engine: Engine) -> dict[str, list[str]]:
    """ "kind:YYYY-MM-DD" -> the treaties, meetings and bodies whose first day it is (from the authority
    file's dates, as stored on the entities), for the kinds of happening that begin them."""
    ent = schema.entities
    found: dict[str, list[str]] = defaultdict(list)
    begun: list[tuple[str, str, set[str]]] = []  # (key, first day, the words of its names)
    with engine.connect() as connection:
        rows = connection.execute(
            select(ent.c.key, ent.c.type, ent.c.start, ent.c.name, ent.c.aliases).where(
                ent.c.start.is_not(None)
            )
        )
        for row in rows:
            if not DAY.match(row.start or ""):
                continue
            for kind, types in STARTED_BY.items():
                if row.type in types:
                    found[f"{kind}:{row.start}"].append(row.key)
            if row.type in NAMED_AFTER_PLACES:
                words = {
                    w
                    for name in [row.name, *(row.aliases or [])]
                    for w in fold_for_name_matching(name).split()
                }
                begun.append((row.key, row.start, words))
        if begun:
            places = connection.execute(
                select(ent.c.key, ent.c.name, ent.c.aliases).where(ent.c.type.in_(PLACE_TYPES))
            )
            for place in places:
                names = {fold_for_name_matching(name) for name in [place.name, *(place.aliases or [])]}
                names = {name for name in names if len(name) >= 4 and " " not in name}
                for key, day, words in begun:
                    if names & words:
                        found[f"named-after:{place.key}"].append(f"{key}@{day}")
    return found


def merged_events(engine: Engine, **filters: Any) -> list[dict[str, Any]]:
    """Events of all documents grouped into happenings; each keeps every report and every cited source.

    Grouping is by key (named event; kind and participant; kind and place), never by comparing every
    event with every other.
    """
    places = place_keys(engine)
    events = [_with_taken_places(event, places) for event in list_events(engine, **filters)]
    started = entity_first_days(engine)
    with engine.connect() as connection:
        citations = connection.execute(
            select(schema.citations.c.document_id, schema.citations.c.footnote, schema.citations.c.source_key)
        ).all()
    sources_of_note: dict[tuple[str, int], list[str]] = defaultdict(list)
    for row in citations:
        sources_of_note[(row.document_id, row.footnote)].append(row.source_key)
    groups = _Groups()
    with_key: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        groups.find(event["id"])
        for key in merge_keys(event, started):
            with_key[key].append(event)
    for key, reports in with_key.items():
        for group in sweep_groups(reports, key[0]):
            if key[0] == "taken" and not any(event["kind"] in KINDS_AT_THEIR_PATIENT for event in group):
                continue  # reports of no kind naming one place join a taking of it, never each other
            for event in group[1:]:
                groups.union(group[0]["id"], event["id"])
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        members[groups.find(event["id"])].append(event)
    merged = [_merged_record(group, sources_of_note) for group in members.values()]
    return sorted(merged, key=lambda m: (m["start"], m["end"], m["id"]))


def sweep_groups(reports: list[dict[str, Any]], key_type: str) -> list[list[dict[str, Any]]]:
    """Reports of one key grouped: those whose dates overlap, directly or through others, and that agree
    with every report of a group join it. A sweep in date order keeps the groups still open (those whose
    dates reach the report's start) and joins the report to the one that fits it best — a report of its
    own kind, then most reports of its own dates — else opens one: a report that says no kind joins the
    signing of 16 March, not the year's ratification that came first in date order."""
    tolerance = NAMED_TOLERANCE if key_type == "named" else timedelta(0)
    found: list[list[dict[str, Any]]] = []
    open_groups: list[tuple[list[dict[str, Any]], list[date]]] = []
    for event in sorted(reports, key=lambda e: (e["start"], e["end"])):
        start, end = date.fromisoformat(event["start"]), date.fromisoformat(event["end"])
        open_groups = [(group, last) for group, last in open_groups if start <= last[0] + tolerance]
        taking = [
            (group, last)
            for group, last in open_groups
            if all(compatible(event, other, key_type) for other in group)
        ]
        if not taking:
            open_groups.append(([event], [end]))
            found.append(open_groups[-1][0])
            continue
        group, last = max(taking, key=lambda candidate: _fit(event, candidate[0]))  # first of the best
        group.append(event)
        last[0] = max(last[0], end)
    return found


def _fit(event: dict[str, Any], group: list[dict[str, Any]]) -> tuple[bool, int]:
    """How well a report fits a group that takes it: a report of its own kind, then how many of its dates."""
    own_kind = bool(event["kind"]) and any(other["kind"] == event["kind"] for other in group)
    own_dates = sum((other["start"], other["end"]) == (event["start"], event["end"]) for other in group)
    return own_kind, own_dates


def _merged_record(
    group: list[dict[str, Any]], sources_of_note: dict[tuple[str, int], list[str]]
) -> dict[str, Any]:
    # of the reports giving the date most of them give (one a day off does not date the happening), the
    # one that says most (most roles filled, a predicate) speaks for the happening
    dates = Counter((e["start"], e["end"]) for e in group)
    first = max(
        group,
        key=lambda e: (
            dates[(e["start"], e["end"])],
            bool(e["predicate"]),
            sum(map(len, e["roles"].values())),
            -group.index(e),
        ),
    )
    roles: dict[str, list[str]] = {}
    for event in group:
        for role, names in event["roles"].items():
            roles.setdefault(role, [])
            roles[role] += [name for name in names if name not in roles[role]]
    return {
        **{key: first[key] for key in ("id", "document", "date", "start", "end", "text", "sentence")},
        **{key: first[key] for key in ("predicate", "kind", "headline")},
        "actors": list(dict.fromkeys(a for e in group for a in e["actors"])),
        "places": list(dict.fromkeys(p for e in group for p in e["places"])),
        "roles": roles,
        "footnotes": first["footnotes"],
        "documents": list(dict.fromkeys(e["document"] for e in group)),
        "reports": [
            {k: e[k] for k in ("id", "document", "date", "text", "sentence", "footnotes", "headline")}
            for e in group
        ],
        "sources": list(
            dict.fromkeys(
                s for e in group for n in e["footnotes"] for s in sources_of_note[(e["document"], n)]
            )
        ),
        "dates_differ": len({(e["start"], e["end"]) for e in group}) > 1,
        "disagreements": _disagreements(group),
    }


def _disagreements(group: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where the reports of one happening differ: its date, its place (each report's own)."""
    found = []
    dates = {e["date"] for e in group}
    if len(dates) > 1:
        found.append({"field": "date", "values": {e["id"]: e["date"] for e in group}})
    placed = {e["id"]: e["roles"].get("place", []) for e in group if e["roles"].get("place")}
    if len(placed) > 1 and not set.intersection(*(set(p) for p in placed.values())):
        found.append({"field": "place", "values": placed})
    return found
