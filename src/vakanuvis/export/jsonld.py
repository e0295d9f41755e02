"""JSON-LD with schema.org: the documents (an article, a speech, a telegram… as schema.org types them), their
events (what happened, when, who did it and to whom, where, by what), people, places, organizations and works;
every date a typed literal (xsd:date, xsd:gYearMonth, xsd:gYear, or edtf:EDTF for anything else EDTF says),
under the @context published with vakanuvis (context.jsonld, served at /api/context.jsonld)."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Any

from vakanuvis.export.snapshot import Snapshot, headline, known_day, role_members

# an EDTF year, month or day, exactly (not a season, 21-24, nor an uncertain or approximate one)
CALENDAR_VALUE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?")
XSD_TYPE = {4: "xsd:gYear", 7: "xsd:gYearMonth", 10: "xsd:date"}
# the Library of Congress's datatype for an EDTF string (the context's prefix edtf:)
EDTF_TYPE = "edtf:EDTF"
CONTEXT_FILE = "context.jsonld"
# the properties of a schema:Event that hold those in each role of an event
ROLE_PROPERTY = {
    "agent": "organizer",
    "recipient": "attendee",
    "place": "location",
    "patient": "about",
    "instrument": "about",
    "intermediary": "contributor",  # a go-between: schema.org's secondary contributor to an Event
}
BASE = "urn:vakanuvis:"
SCHEMA_TYPE = {
    "person": "Person",
    "place": "Place",
    "organization": "Organization",
    "treaty": "Legislation",
    "meeting": "Event",
}
# a document of each type as schema.org has it; a speech, a telegram or a memoir is a work, not an article
DOCUMENT_TYPE = {
    "article": "ScholarlyArticle",
    "newspaper": "NewsArticle",
    "report": "Report",
    "decree": "Legislation",
    "book chapter": "Chapter",
    "letter": "Message",
    "telegram": "Message",
}
SOURCE_TYPE = {
    "book": "Book",
    "article": "ScholarlyArticle",
    "archive": "ArchiveComponent",
    "newspaper": "PublicationIssue",
}


@cache
def published_context() -> dict[str, Any]:
    """The @context of every JSON-LD export, as shipped in context.jsonld and served by the API."""
    text = (resources.files("vakanuvis.export") / CONTEXT_FILE).read_text(encoding="utf-8")
    return json.loads(text)["@context"]


def typed_date(value: str) -> dict[str, str]:
    """A date as a typed literal: a day, month or year as xsd:date, gYearMonth or gYear; any other EDTF
    value (a range, a season, an approximate or uncertain date) as edtf:EDTF."""
    if CALENDAR_VALUE.fullmatch(value):
        return {"@value": value, "@type": XSD_TYPE[len(value)]}
    return {"@value": value, "@type": EDTF_TYPE}


def _entity_node(entity) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": f"{BASE}entity:{entity.key}",
        "@type": SCHEMA_TYPE.get(entity.type, "Thing"),
        "name": entity.name,
        "alternateName": [alias for alias in entity.aliases if alias != entity.name],
    }
    if entity.wikidata:
        node["sameAs"] = f"http://www.wikidata.org/entity/{entity.wikidata}"
    if entity.lat is not None and entity.lon is not None:
        node["geo"] = {"@type": "GeoCoordinates", "latitude": entity.lat, "longitude": entity.lon}
    return node


def _source_node(source) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": f"{BASE}source:{source.key}",
        "@type": SOURCE_TYPE.get(source.type, "CreativeWork"),
        "name": source.title or source.title_latin or "",
        "author": [{"@type": "Person", "name": author} for author in source.authors],
    }
    if source.title_latin:
        node["alternateName"] = source.title_latin
    if source.year:
        node["datePublished"] = typed_date(f"{source.year:04d}")
    if source.place:
        node["locationCreated"] = {"@type": "Place", "name": source.place}
    return node


def event_dates(event: dict) -> dict[str, dict[str, str]]:
    """startDate and endDate as typed literals: a year, month or day as written (xsd:gYear, gYearMonth,
    date), each end of a range by its own precision; the first or last day (xsd:date) of a season, an
    approximate or uncertain date; nothing for an open end or an unknown year."""
    edtf = event["date"]
    sides = edtf.split("/") if edtf.count("/") == 1 else [edtf, edtf]
    dates = {}
    for name, side, day in (("startDate", sides[0], event["start"]), ("endDate", sides[1], event["end"])):
        if known_day(day) is None:
            continue
        value = side if CALENDAR_VALUE.fullmatch(side) and day.startswith(side) else day
        dates[name] = {"@value": value, "@type": XSD_TYPE[len(value)]}
    return dates


def _event_node(event: dict, entities: dict) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@id": f"{BASE}event:{event['id']}",
        "@type": "Event",
        "name": headline(event),
        "description": event["sentence"],
        **event_dates(event),
        "temporalCoverage": event["date"],  # an edtf:EDTF literal, by the context
        "subjectOf": {"@id": f"{BASE}document:{event['document']}"},
    }
    for role, prop in ROLE_PROPERTY.items():
        for key, name in role_members(event, role):
            value = {"@id": f"{BASE}entity:{key}"} if key in entities else {"name": name}
            if value not in node.setdefault(prop, []):
                node[prop].append(value)
    return node


def to_jsonld(snapshot: Snapshot, context_url: str | None = None) -> dict[str, Any]:
    """The export as one JSON-LD document: its @context the URL of the published context when given (as
    `vakanuvis serve` publishes it at /api/context.jsonld), else that context itself, so that it reads
    the same anywhere, offline too."""
    graph: list[dict[str, Any]] = []
    for document in snapshot.documents:
        node: dict[str, Any] = {
            "@id": f"{BASE}document:{document.id}",
            "@type": DOCUMENT_TYPE.get(document.type, "CreativeWork"),
            "genre": document.type,
            "author": [{"@type": "Person", "name": author} for author in document.authors],
        }
        if document.date:
            node["dateCreated"] = typed_date(document.date)
        if document.place:
            node["locationCreated"] = {"@type": "Place", "name": document.place}
        if document.url:
            node["url"] = document.url
        graph.append(
            {
                **node,
                "name": document.title,
                "inLanguage": document.language,
                "citation": [
                    {"@id": f"{BASE}source:{c.source_key}"}
                    for c in document.citations
                    if c.source_key in snapshot.sources
                ],
            }
        )
    graph += [_event_node(event, snapshot.entities) for event in snapshot.events]
    graph += [_entity_node(entity) for entity in snapshot.entities.values()]
    graph += [_source_node(source) for source in snapshot.sources.values()]
    return {"@context": context_url or published_context(), "@graph": graph}
