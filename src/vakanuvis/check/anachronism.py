"""Anachronism: a state or organization named at a date outside the years it existed."""

from __future__ import annotations

from datetime import date

from vakanuvis.check.evidence import SentenceDates, evidence_at, governing_date
from vakanuvis.lang.tr.casing import turkish_lower_keeping_dot_above
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
    dated = _dated_names(entities)
    sentence_dates = SentenceDates(document)
    for mention in document.mentions:
        entity = entities.get(mention.entity_key)
        if mention.span.footnote is not None or entity is None or entity.type not in STATE_TYPES:
            continue
        if not (entity.start or entity.end):
            entity = _containing_state(mention.surface, dated) or entity
        founded, dissolved = _bound(entity.start), _bound(entity.end)
        when = governing_date(document, mention.span.start, sentence_dates)
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


def _words(name: str) -> tuple[str, ...]:
    return tuple(turkish_lower_keeping_dot_above(name).split())


def _dated_names(entities: dict[str, Entity]) -> dict[tuple[str, ...], Entity]:
    """Every name and alias of the organizations whose existence dates are known, as word tuples."""
    return {
        _words(name): entity
        for entity in entities.values()
        if entity.type in STATE_TYPES and (entity.start or entity.end)
        for name in [entity.name, *entity.aliases]
    }


def _containing_state(surface: str, dated: dict[tuple[str, ...], Entity]) -> Entity | None:
    """The dated state whose name opens `surface`: "SSCB hükümeti" cannot exist before the SSCB."""
    words = _words(surface)
    for length in range(len(words) - 1, 0, -1):
        if words[:length] in dated:
            return dated[words[:length]]
    return None
