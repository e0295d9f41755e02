"""A document of its moment that tells as done what it dates after its own date.

A telegram of 3 November 1336 that reports "Gümrü’nün 7 Teşrîn-i Sânî 1336’da işgali", in the past, tells
of a day it had not seen yet: the date of the event or of the telegram is wrong (or the text is not of its
date). What is read: the events of the body whose date states its year and falls more than a day after the
document's own date, dated as the time it happened (its locative, "’da", or "tarihinde"; no "için" or
"kadar" between it and its verb: a telegram tells of what is set for a later day), with the first verb after the date in the past ("çekildiği görülmüştür", "vürut
etmiştir") as the dates stage reads tenses; a future ("icra edilecektir") or no verb that tells is left
alone. Turkish only, where the morphology reads the tense.
"""

from __future__ import annotations

import re
from datetime import timedelta
from functools import cache

from vakanuvis.annotate.dates import of_its_moment
from vakanuvis.annotate.dates.lexicon import build_lexicon
from vakanuvis.annotate.dates.reference import tense_after
from vakanuvis.annotate.dates.values import end_bounds
from vakanuvis.annotate.dates.years import OF_THEIR_MOMENT
from vakanuvis.check.chronology import PRESUPPOSED_TYPES, authority_start, presupposed_by
from vakanuvis.check.evidence import evidence_at
from vakanuvis.lang import language_data
from vakanuvis.model import DateMention, Document, Entity, Finding
from vakanuvis.structure.sentences import SentenceIndex

# a telegram drafted at night, a report dated at its sending: a day past the date is still its moment
MARGIN = timedelta(days=1)


def find_events_told_before_they_happened(document: Document) -> list[Finding]:
    """Events told in the past that a telegram, letter, report or speech dates after its own date."""
    if of_its_moment(document) not in OF_THEIR_MOMENT or not document.date or document.language != "tr":
        return []
    written = end_bounds(document.date)[1]
    if written.year >= 9999:
        return []
    lexicon = build_lexicon(("tr",))
    findings = []
    for event in document.events:
        when = event.date
        if (
            event.dateline
            or when.span.footnote is not None
            or when.role != "event"
            or when.year_from != "text"
        ):
            continue
        if when.earliest <= written + MARGIN:
            continue
        sentence = document.sentences[event.sentence].span
        if not _happened_at(document.text, when, sentence.end):
            continue
        if tense_after(document.text, when.span.end, sentence.end, lexicon) != "past":
            continue
        findings.append(
            Finding(
                kind="before-it-existed",
                message=f"This {document.type or 'document'} is dated {document.date}, but it tells as done "
                f"what it dates {when.text.strip()} ({when.edtf}), after its own date: the event's date or "
                "the document's is wrong.",
                evidence=[evidence_at(document, when.span)],
                severity="warning",
            )
        )
    return findings


@cache
def _words() -> tuple[tuple[str, ...], frozenset[str], re.Pattern[str]]:
    data = language_data("tr", "events")
    targets = "|".join(map(re.escape, data.get("target_words", []))) or "(?!)"
    return (
        tuple(data.get("happened_at_endings", [])),
        frozenset(data.get("happened_at_words", [])),
        re.compile(r"(?<!\w)(?:" + targets + r")(?!\w)", re.IGNORECASE),
    )


def _happened_at(text: str, when: DateMention, sentence_end: int) -> bool:
    """The date is when what the clause tells happened, not the day it is set for."""
    endings, words, targets = _words()
    written = when.text.strip().lower()
    after = text[when.span.end : sentence_end]
    following = after.split()[:1]
    if not (written.endswith(endings) or (following and following[0].strip(".,;:").lower() in words)):
        return False
    clause = re.split(r"[,;:.]", after, maxsplit=1)[0]
    return not targets.search(clause)


def find_treaties_acted_upon_before_they_existed(
    document: Document, entities: dict[str, Entity]
) -> list[Finding]:
    """A telegram, letter, report or speech that acts upon a treaty signed (or a meeting's decision taken)
    after its own date ("Ankara İtilafnamesi mucibince …" in a report of 20 September 1921): it cannot know
    of it yet. Only sentences with no date of their own (a dated one is the events' rule's); body text only."""
    if of_its_moment(document) not in OF_THEIR_MOMENT or not document.date:
        return []
    written = end_bounds(document.date)[1]
    if written.year >= 9999:
        return []
    index = SentenceIndex([(s.span.start, s.span.end) for s in document.sentences])
    dated = {
        number
        for mention in document.dates
        if mention.span.footnote is None and (number := index.containing(mention.span.start)) is not None
    }
    findings, seen = [], set()
    for mention in document.mentions:
        entity = entities.get(mention.entity_key)
        if mention.span.footnote is not None or entity is None or entity.type not in PRESUPPOSED_TYPES:
            continue
        number = index.containing(mention.span.start)
        began = authority_start(entity.start)
        if number is None or number in dated or began is None or began <= written + MARGIN:
            continue
        sentence = document.sentences[number].span
        word = presupposed_by(document.text, sentence, mention.span, entity.type)
        if word is None or (number, entity.key) in seen:
            continue
        seen.add((number, entity.key))
        began_how = "was signed" if entity.type == "treaty" else "met"
        findings.append(
            Finding(
                kind="before-it-existed",
                message=f"This {document.type or 'document'} is dated {document.date}, but it acts upon "
                f"“{mention.text}” (“{word}…”), which {began_how} only on {entity.start}: the document's date "
                f"is wrong or another {entity.type} is meant.",
                evidence=[evidence_at(document, mention.span)],
                severity="warning",
            )
        )
    return findings
