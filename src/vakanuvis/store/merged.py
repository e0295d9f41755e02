"""Events merged across documents: one happening reported by several articles, with all their sources."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, select

from vakanuvis.resolve.union_find import root
from vakanuvis.store import schema
from vakanuvis.store.queries import events_with_names

NAMED_EVENT_TYPES = ("treaty", "meeting")


class _Groups:
    """Union-find over event ids."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        self.parent.setdefault(item, item)
        return root(self.parent, item)

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(b)] = self.find(a)


def merge_keys(event: dict[str, Any], named_events: list[str]) -> list[tuple]:
    """What makes reports one happening: the same named event at an overlapping date, or the same day and actor."""
    keys: list[tuple] = [("named", name) for name in named_events]
    if event["start"] == event["end"]:  # a day: the same actor on the same day is the same happening
        keys += [("day", event["start"], actor) for actor in event["actors"]]
    return keys


def merged_events(engine: Engine, **filters: Any) -> list[dict[str, Any]]:
    """Events of all documents grouped into happenings; each keeps every report and every cited source.

    Grouping is by key (named event, or day and actor), never by comparing every event with every other.
    """
    events, named_in_sentence = events_with_names(engine, **filters)
    with engine.connect() as connection:
        citations = connection.execute(
            select(schema.citations.c.document_id, schema.citations.c.footnote, schema.citations.c.source_key)
        ).all()
    sources_of_note: dict[tuple[str, int], list[str]] = defaultdict(list)
    for row in citations:
        sources_of_note[(row.document_id, row.footnote)].append(row.source_key)
    groups = _Groups()
    with_key: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
    for event, names in zip(events, named_in_sentence, strict=True):
        groups.find(event["id"])
        named = [name for name, kind in names if kind in NAMED_EVENT_TYPES]
        for key in merge_keys(event, named):
            with_key[key].append(event)
    for reports in with_key.values():
        # reports of one key whose dates overlap, directly or through others, are one happening: a sweep
        # in date order joins each to the run it overlaps, never every report with every other
        reports.sort(key=lambda e: (e["start"], e["end"]))
        anchor, run_end = reports[0], reports[0]["end"]
        for event in reports[1:]:
            if event["start"] <= run_end:
                groups.union(anchor["id"], event["id"])
                run_end = max(run_end, event["end"])
            else:
                anchor, run_end = event, event["end"]
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for event in events:
        members[groups.find(event["id"])].append(event)
    merged = [_merged_record(group, sources_of_note) for group in members.values()]
    return sorted(merged, key=lambda m: (m["start"], m["end"], m["id"]))


def _merged_record(
    group: list[dict[str, Any]], sources_of_note: dict[tuple[str, int], list[str]]
) -> dict[str, Any]:
    first = group[0]
    return {
        **{key: first[key] for key in ("id", "document", "date", "start", "end", "text", "sentence")},
        "actors": list(dict.fromkeys(a for e in group for a in e["actors"])),
        "places": list(dict.fromkeys(p for e in group for p in e["places"])),
        "footnotes": first["footnotes"],
        "documents": list(dict.fromkeys(e["document"] for e in group)),
        "reports": [
            {k: e[k] for k in ("id", "document", "date", "text", "sentence", "footnotes")} for e in group
        ],
        "sources": list(
            dict.fromkeys(
                s for e in group for n in e["footnotes"] for s in sources_of_note[(e["document"], n)]
            )
        ),
        "dates_differ": len({(e["start"], e["end"]) for e in group}) > 1,
    }
