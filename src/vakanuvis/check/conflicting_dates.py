"""The same named event (treaty, congress, conference) given dates that cannot both be right: reports of
its signing, opening, closing or adoption, as the events stage reads them."""

from __future__ import annotations

from collections import defaultdict

from vakanuvis.check.evidence import evidence_at
from vakanuvis.lang.entity_words import entity_words
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.model import DateMention, Document, Entity, EntityMention, Finding

NAMED_EVENT_TYPES = ("treaty", "meeting")


# kinds of happening a treaty or meeting has once: reports of one at dates that cannot both be right
# disagree (a signing and a ratification are two happenings, and are not compared)
ONCE = ("sign", "open", "close", "adopt")


def _dated_occurrences(document: Document) -> list[tuple[str, EntityMention, DateMention]]:
    """(kind, named-event mention, date) of the events that tell of a treaty's or meeting's signing,
    opening, closing or adoption: the events stage's kind and instrument (its clause, not every name of
    the sentence)."""
    pairs = []
    for event in document.events:
        if event.kind not in ONCE or event.dateline:
            continue
        for index in event.roles.get("instrument", []):
            mention = document.mentions[index]
            if mention.type in NAMED_EVENT_TYPES and mention.entity_key and not _bare_head(mention):
                pairs.append((event.kind, mention, event.date))
    return pairs


def _bare_head(mention: EntityMention) -> bool:
    """A mention that is a head word alone ("Konferans", "the Conference", "Muahede"): it names no treaty or
    meeting by itself, and what another document calls so is as likely another one."""
    words = turkish_lower(mention.surface).replace("’", "'").split("'")[0].split()
    words = [w for w in words if w not in ("the", "bu", "şu", "o", "işbu", "mezkûr", "mezkur")]
    return len(words) == 1 and entity_words().heads.get(words[0]) in NAMED_EVENT_TYPES


def find_conflicting_dates(documents: list[Document], entities: dict[str, Entity]) -> list[Finding]:
    """Across all given documents, named events whose dated occurrences do not overlap."""
    seen: dict[tuple[str, str], list[tuple[Document, EntityMention, DateMention]]] = defaultdict(list)
    for document in documents:
        for kind, mention, when in _dated_occurrences(document):
            seen[(mention.entity_key, kind)].append((document, mention, when))
    findings = []
    for (key, _), occurrences in seen.items():
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
