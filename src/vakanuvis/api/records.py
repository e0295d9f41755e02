"""Records the API returns that combine the store's queries: a document with its spans, a network, findings."""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from datetime import date
from itertools import combinations
from typing import Any

from sqlalchemy import Engine, select

from vakanuvis.errors import BadOption
from vakanuvis.store import queries, schema
from vakanuvis.store.documents import load_document, load_entities
from vakanuvis.store.edits import finding_id, reviewed_findings

PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def paged(items: list[Any], offset: int, limit: int) -> dict[str, Any]:
    """The list form of every API list: one page of `data`, and `count` before paging."""
    return {"data": items[offset : offset + limit], "count": len(items)}


def date_bound(value: str | None, *, last: bool, name: str) -> date | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` as its first day (or its last, for `to`)."""
    if value is None or value == "":
        return None
    match = PARTIAL_DATE.match(value)
    if not match:
        raise BadOption(f"{name}={value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match[1]), int(match[2] or (12 if last else 1)), match[3]
    try:
        if day is None:
            day_number = calendar.monthrange(year, month)[1] if last else 1
        else:
            day_number = int(day)
        return date(year, month, day_number)
    except (ValueError, calendar.IllegalMonthError) as error:
        raise BadOption(f"{name}={value!r} is not a date: {error}") from error


def document_detail(engine: Engine, document_id: str) -> dict[str, Any]:
    document = load_document(engine, document_id)
    return {
        "id": document.id,
        "title": document.title,
        "path": document.path,
        "language": document.language,
        "pages": document.pages,
        "sha256": document.sha256,
        "text": document.text,
        "blocks": [
            {"start": b.span.start, "end": b.span.end, "page": b.page, "kind": b.kind}
            for b in document.blocks
        ],
        "page_starts": [{"offset": offset, "page": page} for offset, page in document.page_starts],
        "sentences": [{"start": s.span.start, "end": s.span.end, "page": s.page} for s in document.sentences],
    }


def document_annotations(engine: Engine, document_id: str) -> dict[str, Any]:
    """Every span of one document: dates, mentions (with their entities), markers, footnotes with citations."""
    document = load_document(engine, document_id)
    with engine.connect() as connection:
        names = dict(
            connection.execute(
                select(schema.entities.c.key, schema.entities.c.name).where(
                    schema.entities.c.key.in_({m.entity_key for m in document.mentions if m.entity_key})
                )
            ).all()
        )
    citations = defaultdict(list)
    for citation in document.citations:
        citations[citation.footnote].append(
            {"source": citation.source_key or None, "locator": citation.locator, "raw": citation.raw}
        )
    return {
        "dates": [
            {
                "start": d.span.start,
                "end": d.span.end,
                "footnote": d.span.footnote,
                "text": d.text,
                "edtf": d.edtf,
                "earliest": d.earliest.isoformat(),
                "latest": d.latest.isoformat(),
                "year_inferred": d.year_inferred,
                "role": d.role,
            }
            for d in document.dates
        ],
        "mentions": [
            {
                "start": m.span.start,
                "end": m.span.end,
                "footnote": m.span.footnote,
                "text": m.text,
                "type": m.type,
                "entity": m.entity_key or None,
                "name": names.get(m.entity_key),
            }
            for m in document.mentions
        ],
        "markers": [{"number": m.number, "offset": m.offset, "page": m.page} for m in document.markers],
        "footnotes": [
            {"number": f.number, "text": f.text, "page": f.page, "citations": citations.get(f.number, [])}
            for f in document.footnotes
        ],
    }


def entity_with_sources(engine: Engine, entity_id: str) -> dict[str, Any]:
    """The entity detail, with the works cited in the footnotes that mention it."""
    detail = queries.entity_detail(engine, entity_id)
    for mention in detail["mentions"]:
        if "document_id" in mention:
            mention["document"] = mention.pop("document_id")
    notes = {(m["document"], m["footnote"]) for m in detail["mentions"] if m["footnote"] is not None}
    c = schema.citations
    keys: set[str] = set()
    if notes:
        with engine.connect() as connection:
            for document_id, footnote, key in connection.execute(
                select(c.c.document_id, c.c.footnote, c.c.source_key).where(
                    c.c.document_id.in_({d for d, _ in notes})
                )
            ).all():
                if (document_id, footnote) in notes and key:
                    keys.add(key)
    detail["sources"] = [s for s in queries.list_sources(engine) if s["id"] in keys] if keys else []
    return detail


# the checks' findings of each knowledge base this process serves, with the state they were found in
_CHECKED: dict[str, tuple[str, list[dict[str, Any]]]] = {}


def findings_with_ids(engine: Engine, document_id: str | None) -> list[dict[str, Any]]:
    """The check's findings, each with a stable id and whether a reader marked it reviewed. The checks run
    again only when the knowledge base changed since they last ran (`content_state`)."""
    if document_id:
        queries.require_document(engine, document_id)
    reviewed = reviewed_findings(engine)
    return [
        {**record, "reviewed": record["id"] in reviewed}
        for record in _checked(engine)
        if not document_id or any(item["document"] == document_id for item in record["evidence"])
    ]


def _checked(engine: Engine) -> list[dict[str, Any]]:
    from vakanuvis.check import finding_record, run_checks
    from vakanuvis.store.documents import content_state, document_ids

    state = content_state(engine)
    cached = _CHECKED.get(str(engine.url))
    if cached is not None and cached[0] == state:
        return cached[1]
    documents = [load_document(engine, each) for each in document_ids(engine)]
    records = []
    for finding in run_checks(documents, load_entities(engine)):
        record = finding_record(finding)
        record["id"] = finding_id(record)
        records.append(record)
    _CHECKED[str(engine.url)] = (state, records)
    return records


def actor_network(
    engine: Engine, date_from: date | None, date_to: date | None, document_id: str | None
) -> dict[str, Any]:
    """People and organizations, linked when they act in the same events of the period."""
    events = queries.list_events(engine, document_id, date_from=date_from, date_to=date_to)
    actors = {e["name"]: e for e in queries.list_entities(engine) if e["type"] in queries.ACTOR_TYPES}
    counts: Counter[str] = Counter()
    links: dict[tuple[str, str], list[str]] = defaultdict(list)
    for event in events:
        keys = sorted({actors[name]["id"] for name in event["actors"] if name in actors})
        counts.update(keys)
        for pair in combinations(keys, 2):
            links[pair].append(event["id"])
    by_key = {entity["id"]: entity for entity in actors.values()}
    return {
        "nodes": [
            {"id": key, "name": by_key[key]["name"], "type": by_key[key]["type"], "events": n}
            for key, n in counts.most_common()
        ],
        "edges": [
            {"source": a, "target": b, "weight": len(ids), "events": ids}
            for (a, b), ids in sorted(links.items(), key=lambda item: -len(item[1]))
        ],
    }


def places_with_events(engine: Engine, document_id: str | None) -> list[dict[str, Any]]:
    """Places that have coordinates, with their mention counts and the events set there."""
    places = [
        e
        for e in queries.list_entities(engine, document_id)
        if e["type"] in queries.PLACE_TYPES and e["lat"] is not None and e["lon"] is not None
    ]
    events_at: dict[str, list[str]] = defaultdict(list)
    for event in queries.list_events(engine, document_id):
        for name in event["places"]:
            events_at[name].append(event["id"])
    return [
        {
            "id": p["id"],
            "name": p["name"],
            "lat": p["lat"],
            "lon": p["lon"],
            "mentions": p["mentions"],
            "events": events_at.get(p["name"], []),
        }
        for p in places
    ]
