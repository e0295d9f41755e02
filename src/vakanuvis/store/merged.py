"""Events merged across documents: one happening reported by several articles, with all their sources."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, select

from vakanuvis.resolve.union_find import root
from vakanuvis.store import schema
from vakanuvis.store.queries import list_events

# roles whose entity makes two reports of one day and one kind the same happening (not the recipient: two
# telegrams to one commander on one day are two telegrams)
PARTICIPANT_ROLES = ("agent", "patient", "instrument")
# kinds of happening that one day and one participant do not make one: letters and telegrams
KINDS_KEPT_APART = ("send",)


class _Groups:
    """Union-find over event ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        return root(self.parent, item)

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(b)] = self.find(a)


def merge_keys(event: dict[str, Any]) -> list[tuple]:
    """What makes reports one happening: the same treaty or meeting as their instrument at overlapping
    dates; or, on one day, the same kind of happening with the same participant. A dateline (the date of
    a document itself) joins no other report."""
    if event.get("dateline"):
        return []
    keys = [("named", key) for key in event.get("role_keys", {}).get("instrument", [])]
    kind = event.get("kind", "")
    if event["start"] == event["end"] and kind and kind not in KINDS_KEPT_APART:
        participants = dict.fromkeys(
            key for role in PARTICIPANT_ROLES for key in event.get("role_keys", {}).get(role, [])
        )
        keys += [("day", event["start"], kind, key) for key in participants]
    return keys


def compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two reports that may be of one happening: kinds the same or one unknown, and not two letters or
    telegrams of different senders or addressees."""
    if a["kind"] and b["kind"] and a["kind"] != b["kind"]:
        return False
    if a["kind"] in KINDS_KEPT_APART or b["kind"] in KINDS_KEPT_APART:
        for role in ("agent", "recipient"):
            ours, theirs = set(a["role_keys"].get(role, [])), set(b["role_keys"].get(role, []))
            if ours and theirs and not ours & theirs:
                return False
    return True


def merged_events(engine: Engine, **filters: Any) -> list[dict[str, Any]]:
    """Events of all documents grouped into happenings; each keeps every report and every cited source.

    Grouping is by key (named event, or day, kind and participant), never by comparing every event with
    every other.
    """
    events = list_events(engine, **filters)
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
        for key in merge_keys(event):
            with_key[key].append(event)
    for reports in with_key.values():
        # reports of one key whose dates overlap, directly or through others, are one happening: a sweep
        # in date order joins each to the run it overlaps, never every report with every other
        reports.sort(key=lambda e: (e["start"], e["end"]))
        run, run_end = [reports[0]], reports[0]["end"]
        for event in reports[1:]:
            if event["start"] <= run_end and all(compatible(event, other) for other in run):
                groups.union(run[0]["id"], event["id"])
                run.append(event)
                run_end = max(run_end, event["end"])
            elif event["start"] > run_end:
                run, run_end = [event], event["end"]
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        members[groups.find(event["id"])].append(event)
    merged = [_merged_record(group, sources_of_note) for group in members.values()]
    return sorted(merged, key=lambda m: (m["start"], m["end"], m["id"]))


def _merged_record(
    group: list[dict[str, Any]], sources_of_note: dict[tuple[str, int], list[str]]
) -> dict[str, Any]:
    # the report that says most (most roles filled, a predicate) speaks for the happening
    first = max(
        group, key=lambda e: (bool(e["predicate"]), sum(map(len, e["roles"].values())), -group.index(e))
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
