"""Events: each narrative date in the body becomes an event tied to its sentence and footnotes."""

from __future__ import annotations

from collections import defaultdict

from vakanuvis.model import Document, Event
from vakanuvis.structure.sentences import SentenceIndex


def build_events(document: Document) -> list[Event]:
    """One event per body date of role "event", with the footnotes whose markers its sentence carries."""
    footnotes_of_sentence: dict[int, list[int]] = defaultdict(list)
    for marker in document.markers:
        if marker.sentence is not None and marker.number not in footnotes_of_sentence[marker.sentence]:
            footnotes_of_sentence[marker.sentence].append(marker.number)
    events = []
    sentences = SentenceIndex([(s.span.start, s.span.end) for s in document.sentences])
    for mention in document.dates:
        if mention.role != "event" or mention.span.footnote is not None:
            continue
        sentence = sentences.containing(mention.span.start)  # as document.sentence_at, by bisection
        if sentence is None or _in_heading(document, sentence):
            continue
        events.append(Event(date=mention, sentence=sentence, footnotes=list(footnotes_of_sentence[sentence])))
    return events


def _in_heading(document: Document, sentence: int) -> bool:
    """Headings and titles name a period ("… (1920-1922)"), they narrate no event."""
    block = document.sentences[sentence].block
    return 0 <= block < len(document.blocks) and document.blocks[block].kind == "heading"
