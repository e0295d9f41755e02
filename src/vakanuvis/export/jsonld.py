"""JSON-LD with schema.org: the documents (an article, a speech, a telegram… as schema.org types them), their events, people, places, organizations and works."""

from __future__ import annotations

from typing import Any

from vakanuvis.export.snapshot import Snapshot, known_day

VOCABULARY = "https://schema.org/"
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
        node["datePublished"] = str(source.year)
    if source.place:
        node["locationCreated"] = {"@type": "Place", "name": source.place}
    return node


def to_jsonld(snapshot: Snapshot) -> dict[str, Any]:
    graph: list[dict[str, Any]] = []
    name_to_key = {(e.name, e.type): e.key for e in snapshot.entities.values()}
    for document in snapshot.documents:
        node: dict[str, Any] = {
            "@id": f"{BASE}document:{document.id}",
            "@type": DOCUMENT_TYPE.get(document.type, "CreativeWork"),
            "genre": document.type,
            "author": [{"@type": "Person", "name": author} for author in document.authors],
        }
        if document.date:
            node["dateCreated"] = document.date
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
    for event in snapshot.events:
        actors = [name_to_key.get((n, t)) for n in event["actors"] for t in ("person", "organization")]
        places = [name_to_key.get((n, "place")) for n in event["places"]]
        graph.append(
            {
                "@id": f"{BASE}event:{event['id']}",
                "@type": "Event",
                "name": event["text"],
                "description": event["sentence"],
                "startDate": known_day(event["start"]),
                "endDate": known_day(event["end"]),
                "temporalCoverage": event["date"],
                "attendee": [{"@id": f"{BASE}entity:{key}"} for key in actors if key],
                "location": [{"@id": f"{BASE}entity:{key}"} for key in places if key],
                "subjectOf": {"@id": f"{BASE}document:{event['document']}"},
            }
        )
    graph += [_entity_node(entity) for entity in snapshot.entities.values()]
    graph += [_source_node(source) for source in snapshot.sources.values()]
    return {"@context": {"@vocab": VOCABULARY}, "@graph": graph}
