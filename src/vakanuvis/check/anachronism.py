"""Anachronism: a state or organization named at a date outside the years it existed."""

from __future__ import annotations

from datetime import date

from vakanuvis.check.evidence import evidence_at, governing_date
from vakanuvis.model import DateMention, Document, Entity, EntityMention, Finding

STATE_TYPES = ("organization",)


def _bound(value: str | None) -> date | None:
    if not value:
        return None
    parts = [int(part) for part in value.split("-")[:3]]
    while len(parts) < 3:
        parts.append(1)
    return date(*parts)


def find_anachronisms(document: Document, entities: dict[str, Entity]) -> list[Finding]:
    """Organizations named where the narrative date in force falls outside their authority dates.

    One finding per organization and date, quoting every mention of it that the date governs.
    """
    grouped: dict[tuple[str, int], tuple[Entity, DateMention, str, list[EntityMention]]] = {}
    for mention in document.mentions:
        entity = entities.get(mention.entity_key)
        if mention.span.footnote is not None or entity is None or entity.type not in STATE_TYPES:
            continue
        founded, dissolved = _bound(entity.start), _bound(entity.end)
        when = governing_date(document, mention.span.start)
        if when is None or (founded is None and dissolved is None):
            continue
        if founded and when.latest < founded:
            why = f"did not exist before {entity.start}"
        elif dissolved and when.earliest > dissolved:
            why = f"no longer existed after {entity.end}"
        else:
            continue
        grouped.setdefault((entity.key, when.span.start), (entity, when, why, []))[3].append(mention)
    return [
        Finding(
            kind="anachronism",
            message=f"{entity.name} is named at {when.text.strip()} ({when.edtf}), but it {why}.",
            evidence=[evidence_at(document, m.span) for m in mentions] + [evidence_at(document, when.span)],
        )
        for entity, when, why, mentions in grouped.values()
    ]
