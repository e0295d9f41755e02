"""The same named event (treaty, congress, conference) given dates that cannot both be right."""

from __future__ import annotations

from collections import defaultdict

from vakanuvis.check.evidence import SentenceDates, evidence_at
from vakanuvis.lang import language_data
from vakanuvis.model import DateMention, Document, Entity, EntityMention, Finding

NAMED_EVENT_TYPES = ("treaty", "meeting")


def _occurrence_stems() -> list[str]:
    return [stem.casefold() for stem in language_data("tr", "events").get("occurrence_stems", [])]


def _dated_occurrences(document: Document) -> list[tuple[EntityMention, DateMention]]:
    """(named-event mention, date) pairs where the sentence says the event took place at that date."""
    stems = _occurrence_stems()
    dated = SentenceDates(document)
    dates = dated.events
    events: dict[int, list[EntityMention]] = defaultdict(list)
    for mention in document.mentions:
        if mention.type in NAMED_EVENT_TYPES and mention.span.footnote is None:
            index = dated.sentences.containing(mention.span.start)
            if index is not None:
                events[index].append(mention)
    pairs = []
    for index, sentence in enumerate(document.sentences):
        if len(dates.get(index, [])) != 1 or not events.get(index):
            continue
        text = document.text[sentence.span.start : sentence.span.end].casefold()
        if any(stem in text for stem in stems):
            # The verb closes a Turkish sentence: the last named event before it is the one dated.
            pairs.append((max(events[index], key=lambda m: m.span.start), dates[index][0]))
    return pairs


def find_conflicting_dates(documents: list[Document], entities: dict[str, Entity]) -> list[Finding]:
    """Across all given documents, named events whose dated occurrences do not overlap."""
    seen: dict[str, list[tuple[Document, EntityMention, DateMention]]] = defaultdict(list)
    for document in documents:
        for mention, when in _dated_occurrences(document):
            seen[mention.entity_key].append((document, mention, when))
    findings = []
    for key, occurrences in seen.items():
        first_document, first_mention, first_date = occurrences[0]
        for document, mention, when in occurrences[1:]:
            if when.earliest > first_date.latest or when.latest < first_date.earliest:
                name = entities[key].name if key in entities else mention.surface
                findings.append(
                    Finding(
                        kind="conflicting-dates",
                        message=f"{name} is dated {first_date.edtf} in one place and {when.edtf} in another.",
                        evidence=[
                            evidence_at(first_document, first_mention.span),
                            evidence_at(first_document, first_date.span),
                            evidence_at(document, mention.span),
                            evidence_at(document, when.span),
                        ],
                    )
                )
    return findings
