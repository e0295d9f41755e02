"""A conclusion against the body: the part that sums up gives a territory to another state than the body.

Turkish historiography of the treaties says where each town or province went: "Antlaşma ile Batum
Gürcistan’a bırakıldı", "Nahçıvan Azerbaycan’a bağlandı". A sentence that names a place, then a state in
the dative, then such a verb (lang/tr/events.yaml `territory_verbs`) in one clause gives that place to that
state. When the conclusion or abstract gives a place to a state that none of the body's sentences gives it
to, while the body does give it to one, the two disagree ("Batum Türkiye’ye bırakılmış").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vakanuvis.check.chronology import summing_up_blocks
from vakanuvis.check.evidence import evidence_at
from vakanuvis.lang import language_data
from vakanuvis.model import Document, EntityMention, Finding
from vakanuvis.structure.sentences import SentenceIndex

CLAUSE_BREAK = re.compile(r"[,;:.!?]")
APOSTROPHES = ("’", "'")


@dataclass(frozen=True)
class Given:
    """A place a sentence gives to a state."""

    place: EntityMention
    state: EntityMention
    summing_up: bool


@cache
def _verb_pattern() -> re.Pattern[str]:
    verbs = language_data("tr", "events").get("territory_verbs", [])
    alternatives = "|".join(sorted(map(re.escape, verbs), key=len, reverse=True)) or "(?!)"
    return re.compile(r"\s*(?:" + alternatives + r")", re.IGNORECASE)


def _in_dative(document: Document, mention: EntityMention) -> bool:
    """ "Gürcistan’a", "Türkiye’ye": the name's ending after its apostrophe is a dative."""
    written = document.text[mention.span.start : mention.span.end]
    for mark in APOSTROPHES:
        if mark in written:
            ending = written.rsplit(mark, 1)[1].lower()
            return ending in language_data("tr", "events").get("dative_endings", [])
    return False


def territories_given(document: Document) -> list[Given]:
    """Each (place, state) a body sentence gives: the place before the state in one clause, the state in
    the dative right before a territory verb."""
    if document.language not in ("tr", "az"):
        return []
    sentences = SentenceIndex([(s.span.start, s.span.end) for s in document.sentences])
    summing_up = summing_up_blocks(document)
    body = [m for m in document.mentions if m.span.footnote is None and m.type in ("place", "organization")]
    found = []
    for index, state in enumerate(body):
        if not _in_dative(document, state) or not _verb_pattern().match(document.text, state.span.end):
            continue
        sentence = sentences.containing(state.span.start)
        for place in reversed(body[:index]):
            between = document.text[place.span.end : state.span.start]
            if sentences.containing(place.span.start) != sentence or CLAUSE_BREAK.search(between):
                break
            if place.type == "place" and place.entity_key and place.entity_key != state.entity_key:
                block = document.sentences[sentence].block if sentence is not None else -1
                found.append(Given(place, state, block in summing_up))
                break
    return found


def find_territories_given_otherwise(document: Document) -> list[Finding]:
    """The summing-up part's territories given to a state the body never gives them to."""
    given = territories_given(document)
    told: dict[str, list[Given]] = {}
    for each in given:
        if not each.summing_up:
            told.setdefault(each.place.entity_key or "", []).append(each)
    findings = []
    for each in given:
        body = told.get(each.place.entity_key or "", [])
        if not each.summing_up or not body or any(b.state.entity_key == each.state.entity_key for b in body):
            continue
        findings.append(
            Finding(
                kind="conclusion-contradicts",
                message=f"The part that sums up gives {each.place.surface} to {each.state.surface}; the body "
                f"gives it to {body[0].state.surface}.",
                evidence=[
                    evidence_at(document, each.place.span),
                    evidence_at(document, each.state.span),
                    evidence_at(document, body[0].place.span),
                    evidence_at(document, body[0].state.span),
                ],
                severity="warning",
            )
        )
    return findings
