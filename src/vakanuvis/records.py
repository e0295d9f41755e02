"""The plain records the Python API returns that are built from the data model or from other records:
a document with its spans, an actor network, places with their events, and the bounds of a period."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from itertools import combinations
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from vakanuvis.errors import BadOption
from vakanuvis.fields import flat_values
from vakanuvis.model import Document
from vakanuvis.store.documents import DocumentWindow
from vakanuvis.store.queries import ACTOR_TYPES, PLACE_TYPES

if TYPE_CHECKING:
    from vakanuvis.annotate.dates.narrative import NarrativeTime

# a document's fields that its record in a list of documents leaves out (its text is read apart)
LISTED_APART_FROM_DOCUMENTS = ("text", "encoding")
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def period_bound(value: str | date | None, *, last: bool, option: str) -> date | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` as its first day (or its last, with `last`); `option` names the
    option or parameter in the error."""
    if isinstance(value, date):
        return value
    if value is None or value == "":
        return None
    match = PARTIAL_DATE.match(value)
    if not match:
        raise BadOption(f"{option} {value!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
    if match[2] and not 1 <= int(match[2]) <= 12:
        raise BadOption(f"{option} {value!r} is not a date: there is no month {match[2]}")
    from vakanuvis.annotate.dates.values import end_bounds  # the dates package loads its grammar

    try:
        first, last_day = end_bounds(value)
    except ValueError as error:
        raise BadOption(f"{option} {value!r} is not a date: {error}") from error
    return last_day if last else first


def document_record(
    document: Document, window: DocumentWindow | None = None, times: list[NarrativeTime | None] | None = None
) -> dict[str, Any]:
    """A document's fields, text, blocks, page starts and sentences, each with the period its narrative is
    at (`reference`: see `narrative_times`); or those of a `window` of it (its text is the stretch's, its
    offsets the document's), with `times` the reference periods of all the document's sentences."""
    sentence_times = times
    if window is not None and times is not None:
        sentence_times = times[window.first_sentence : window.first_sentence + len(document.sentences)]
    return {
        **flat_values(document),
        "blocks": [flat_values(b, span_footnote=False) for b in document.blocks],
        "page_starts": [{"offset": offset, "page": page} for offset, page in document.page_starts],
        "sentences": sentence_records(document, sentence_times, text_start=window.start if window else 0),
        "window": window_fields(document, window),
    }


def window_fields(document: Document, window: DocumentWindow | None) -> dict[str, int]:
    """Which stretch of the text a record holds: all of it when there is no `window`."""
    if window is None:
        length = len(document.text)
        return {"start": 0, "end": length, "length": length, "first_block": 0, "first_sentence": 0}
    return {
        "start": window.start,
        "end": window.end,
        "length": window.length,
        "first_block": window.first_block,
        "first_sentence": window.first_sentence,
    }


def sentence_records(
    document: Document, times: list[NarrativeTime | None] | None = None, *, text_start: int = 0
) -> list[dict[str, Any]]:
    """A document's sentences: span, page, OCR confidence, text and reference period (`times`, when
    they were worked out before; `document.text` begins at the offset `text_start`)."""
    if times is None:
        from vakanuvis.annotate.dates.narrative import narrative_times  # the dates package loads its grammar

        times = narrative_times(document)
    return [
        {
            **flat_values(sentence, span_footnote=False),
            "text": document.text[sentence.span.start - text_start : sentence.span.end - text_start],
            "reference": time.record() if time else None,
        }
        for sentence, time in zip(document.sentences, times, strict=True)
    ]


def annotation_records(
    document: Document, entity_names: dict[str, str], window: DocumentWindow | None = None
) -> dict[str, Any]:
    """Every span of one document (or of its `window`: the spans there, and the footnotes whose markers
    stand there); `entity_names` gives the canonical name of each entity key."""
    citations = defaultdict(list)
    for citation in document.citations:
        citations[citation.footnote].append(
            {"source": citation.source_key or None, "locator": citation.locator, "raw": citation.raw}
        )
    return {
        "dates": [flat_values(d) for d in document.dates],
        "mentions": [
            {**flat_values(m), "entity": m.entity_key or None, "name": entity_names.get(m.entity_key)}
            for m in document.mentions
        ],
        "markers": [flat_values(m) for m in document.markers],
        "footnotes": [
            {
                "number": f.number,
                "text": f.text,
                "page": f.page,
                "citations": citations.get(f.number, []),
                "ocr_confidence": f.ocr_confidence,
            }
            for f in document.footnotes
        ],
        "window": window_fields(document, window),
    }


def actor_network(participants: list[tuple[str, str]], entities: list[dict[str, Any]]) -> dict[str, Any]:
    """People and organizations as nodes, linked when they take part in the same event; `participants`
    holds (event id, entity key) pairs."""
    actors = {e["id"]: e for e in entities if e["type"] in ACTOR_TYPES}
    of_event: dict[str, list[str]] = {}
    for event, key in participants:
        if key in actors:
            keys = of_event.setdefault(event, [])
            if key not in keys:
                keys.append(key)
    # counted in plain dicts, in the order first met (what Counter.most_common keeps among equal counts)
    counts: dict[str, int] = {}
    links: dict[tuple[str, str], list[str]] = {}
    for event, keys in of_event.items():
        for key in keys:
            counts[key] = counts.get(key, 0) + 1
        if len(keys) > 1:
            for pair in combinations(sorted(keys), 2):
                links.setdefault(pair, []).append(event)
    return {
        "nodes": [
            {"id": key, "name": actors[key]["name"], "type": actors[key]["type"], "events": n}
            for key, n in sorted(counts.items(), key=itemgetter(1), reverse=True)
        ],
        "edges": [
            {"source": a, "target": b, "weight": len(ids), "events": ids}
            for (a, b), ids in sorted(links.items(), key=lambda item: -len(item[1]))
        ],
    }


def places_with_events(
    entities: list[dict[str, Any]], placed: dict[str, tuple[int, list[str]]]
) -> list[dict[str, Any]]:
    """The places among `entities` that have coordinates, with the events set there (`placed`: place key
    -> how many, and the first of their ids)."""
    return [
        {
            "id": p["id"],
            "name": p["name"],
            "lat": p["lat"],
            "lon": p["lon"],
            "mentions": p["mentions"],
            "events": placed.get(p["id"], (0, []))[1],
            "events_count": placed.get(p["id"], (0, []))[0],
        }
        for p in entities
        if p["type"] in PLACE_TYPES and p["lat"] is not None and p["lon"] is not None
    ]
