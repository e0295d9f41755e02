"""Anachronism: a state or organization named at a date outside the years it existed."""

from __future__ import annotations

from datetime import date

from vakanuvis.check.evidence import evidence_at, governing_date
from vakanuvis.model import Document, Entity, Finding

STATE_TYPES = ("organization",)


def _bound(value: str | None) -> date | None:
    if not value:
        return None
    parts = [int(part) for part in value.split("-")[:3]]
    while len(parts) < 3:
        parts.append(1)
    return date(*parts)


def find_anachronisms(document: Document, entities: dict[str, Entity]) -> list[Finding]:
    """Body mentions of organizations whose authority dates exclude the narrative date in force."""
    findings = []
    for mention in document.mentions:
        entity = entities.get(mention.entity_key)
        if mention.span.footnote is not None or entity is None or entity.type not in STATE_TYPES:
            continue
        founded, dissolved = _bound(entity.start), _bound(entity.end)
        if founded is None and dissolved is None:
            continue
        when = governing_date(document, mention.span.start)
        if when is None:
            continue
        if founded and when.latest < founded:
            why = f"did not exist before {entity.start}"
        elif dissolved and when.earliest > dissolved:
            why = f"no longer existed after {entity.end}"
        else:
            continue
        findings.append(
            Finding(
                kind="anachronism",
                message=f"{entity.name} is named at {when.text.strip()} ({when.edtf}), but it {why}.",
                evidence=[evidence_at(document, mention.span), evidence_at(document, when.span)],
            )
        )
    return findings
