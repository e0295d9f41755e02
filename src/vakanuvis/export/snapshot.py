"""What an export writes: documents with their annotations, and the entities and works they share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from vakanuvis.model import Document, Entity, Source


@dataclass
class Snapshot:
    documents: list[Document]
    entities: dict[str, Entity]  # only those mentioned in the documents
    sources: dict[str, Source]  # only those cited in the documents, each with its citations
    events: list[dict] = field(default_factory=list)  # the contract's event records, chronological
    # {source key: document id}: the cited works that are ingested documents themselves
    cited_documents: dict[str, str] = field(default_factory=dict)


# the days that stand for an open end or an unknown year in a record's "start" and "end"
OPEN_START, OPEN_END = date.min.isoformat(), date.max.isoformat()


def known_day(day: str) -> str | None:
    """An event record's "start" or "end", or None where it stands for an open end or an unknown year:
    an export never writes 0001-01-01 or 9999-12-31 as if they were dates."""
    return None if day in (OPEN_START, OPEN_END) else day


def bounded(event: dict) -> bool:
    """True for an event whose period is known at both ends."""
    return known_day(event["start"]) is not None and known_day(event["end"]) is not None


def role_members(event: dict, role: str) -> list[tuple[str, str]]:
    """(entity key, canonical name) of each entity in one of an event record's roles."""
    return list(
        zip(event.get("role_keys", {}).get(role, []), event.get("roles", {}).get(role, []), strict=True)
    )


def headline(event: dict) -> str:
    """What happened, in a short line of the document's language; the date as written when there is none."""
    return event.get("headline") or event["text"]


def mentioned_entities(documents: list[Document], entities: dict[str, Entity]) -> dict[str, Entity]:
    keys = {mention.entity_key for document in documents for mention in document.mentions}
    return {key: entity for key, entity in entities.items() if key in keys}


def cited_sources(documents: list[Document], sources: dict[str, Source]) -> dict[str, Source]:
    """The works cited in `documents`, each carrying those citations."""
    cited: dict[str, Source] = {}
    for document in documents:
        for citation in document.citations:
            source = sources.get(citation.source_key)
            if source is None:
                continue
            if citation.source_key not in cited:
                cited[citation.source_key] = Source(
                    source.key,
                    source.type,
                    source.authors,
                    source.title,
                    source.title_latin,
                    source.place,
                    source.year,
                )
            cited[citation.source_key].citations.append(citation)
    return cited
