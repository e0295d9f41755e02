"""The same named event (treaty, congress, conference) given dates that cannot both be right: reports of
its signing, opening, closing or adoption, as the events stage reads them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from vakanuvis.check.evidence import evidence_at
from vakanuvis.lang.entity_words import entity_words
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.model import Document, Entity, EntityMention, Evidence, Finding, Span

NAMED_EVENT_TYPES = ("treaty", "meeting")


# kinds of happening a treaty or meeting has once: reports of one at dates that cannot both be right
# disagree (a signing and a ratification are two happenings, and are not compared)
ONCE = ("sign", "open", "close", "adopt")


@dataclass
class Occurrence:
    """A dated report of a named event's signing, opening, closing or adoption: all the cross-document
    check reads of a document, small enough to be kept with the document's findings."""

    entity_key: str
    kind: str
    surface: str  # the named event as written (suffix removed), for a name the resolution did not give
    mention: Evidence
    dated: Evidence  # the date of the report, as written
    edtf: str
    earliest: date
    latest: date


def dated_occurrences(document: Document) -> list[Occurrence]:
    """The events that tell of a treaty's or meeting's signing, opening, closing or adoption: the events
    stage's kind and instrument (its clause, not every name of the sentence), in the document's order."""
    found = []
    for event in document.events:
        if event.kind not in ONCE or event.dateline:
            continue
        for index in event.roles.get("instrument", []):
            mention = document.mentions[index]
            if mention.type in NAMED_EVENT_TYPES and mention.entity_key and not _bare_head(mention):
                when = event.date
                found.append(
                    Occurrence(
                        mention.entity_key,
                        event.kind,
                        mention.surface,
                        evidence_at(document, mention.span),
                        evidence_at(document, when.span),
                        when.edtf,
                        when.earliest,
                        when.latest,
                    )
                )
    return found


def conflicting_dates(occurrences: Iterable[Occurrence], entities: dict[str, Entity]) -> list[Finding]:
    """Named events whose dated occurrences (of all documents, in the documents' order) do not overlap
    the first one."""
    seen: dict[tuple[str, str], list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        seen[(occurrence.entity_key, occurrence.kind)].append(occurrence)
    findings = []
    for (key, _), found in seen.items():
        first = found[0]
        for other in found[1:]:
            if other.earliest > first.latest or other.latest < first.earliest:
                name = entities[key].name if key in entities else other.surface
                findings.append(
                    Finding(
                        kind="conflicting-dates",
                        message=f"{name} is dated {first.edtf} in one place and {other.edtf} in another.",
                        evidence=[first.mention, first.dated, other.mention, other.dated],
                    )
                )
    return findings


def _bare_head(mention: EntityMention) -> bool:
    """A mention that is a head word alone ("Konferans", "the Conference", "Muahede"): it names no treaty or
    meeting by itself, and what another document calls so is as likely another one."""
    words = turkish_lower(mention.surface).replace("’", "'").split("'")[0].split()
    words = [w for w in words if w not in ("the", "bu", "şu", "o", "işbu", "mezkûr", "mezkur")]
    return len(words) == 1 and entity_words().heads.get(words[0]) in NAMED_EVENT_TYPES


def find_conflicting_dates(documents: list[Document], entities: dict[str, Entity]) -> list[Finding]:
    """Across all given documents, named events whose dated occurrences do not overlap."""
    return conflicting_dates((o for document in documents for o in dated_occurrences(document)), entities)


def _evidence_record(item: Evidence) -> dict[str, Any]:
    return {
        "document": item.document,
        "text": item.text,
        "span": [item.span.start, item.span.end, item.span.footnote],
    }


def _evidence(record: dict[str, Any]) -> Evidence:
    start, end, footnote = record["span"]
    return Evidence(Span(start, end, footnote), record["text"], record["document"])


def occurrence_record(occurrence: Occurrence) -> dict[str, Any]:
    """An occurrence as JSON, to keep."""
    return {
        "key": occurrence.entity_key,
        "kind": occurrence.kind,
        "surface": occurrence.surface,
        "mention": _evidence_record(occurrence.mention),
        "date": _evidence_record(occurrence.dated),
        "edtf": occurrence.edtf,
        "earliest": occurrence.earliest.isoformat(),
        "latest": occurrence.latest.isoformat(),
    }


def occurrence_from_record(record: dict[str, Any]) -> Occurrence:
    return Occurrence(
        record["key"],
        record["kind"],
        record["surface"],
        _evidence(record["mention"]),
        _evidence(record["date"]),
        record["edtf"],
        date.fromisoformat(record["earliest"]),
        date.fromisoformat(record["latest"]),
    )
