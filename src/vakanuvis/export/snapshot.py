"""What an export writes: documents with their annotations, and the entities and works they share."""

from __future__ import annotations

from dataclasses import dataclass, field

from vakanuvis.model import Document, Entity, Source


@dataclass
class Snapshot:
    documents: list[Document]
    entities: dict[str, Entity]  # only those mentioned in the documents
    sources: dict[str, Source]  # only those cited in the documents, each with its citations
    events: list[dict] = field(default_factory=list)  # the contract's event records, chronological


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
