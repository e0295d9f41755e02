"""Events: each narrative date in the body becomes an event tied to its sentence and footnotes."""

from __future__ import annotations

import re
from collections import defaultdict

from vakanuvis.lang import language_data
from vakanuvis.model import DateMention, Document, Event
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
        if sentence is None or (
            _in_heading(document, sentence) and not _dateline(document, sentence, mention)
        ):
            continue
        events.append(Event(date=mention, sentence=sentence, footnotes=list(footnotes_of_sentence[sentence])))
    return events


def _in_heading(document: Document, sentence: int) -> bool:
    """Headings and titles name a period ("… (1920-1922)"), they narrate no event."""
    block = document.sentences[sentence].block
    return 0 <= block < len(document.blocks) and document.blocks[block].kind == "heading"


# "Erzurum, 23 Temmuz 1919": up to three words naming a place, a comma, then the date and nothing else
DATELINE_PLACE = re.compile(r"^[^\W\d_][\w'’.\-]*(?:\s+[^\W\d_][\w'’.\-]*){0,2}\s*,\s*$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# what a dateline may hold before its date instead of a place ("fi" of Ottoman datelines: "on")
DATELINE_WORDS = frozenset(language_data("tr", "events").get("dateline_words", []))


def _dateline(document: Document, sentence: int, mention: DateMention) -> bool:
    """A heading that is a letter's or telegram's dateline (place, comma, a date to the day) dates
    what follows: unlike a title's period, it is an event."""
    span = document.sentences[sentence].span
    before = document.text[span.start : mention.span.start].strip()
    after = document.text[mention.span.end : span.end].strip()
    dated_alone = before == "" or before.casefold() in DATELINE_WORDS  # "23 Nisan 1336", "Fi 23 Haziran 1335"
    return (
        bool(DAY.match(mention.edtf))
        and (dated_alone or (bool(DATELINE_PLACE.match(before)) and before[:1].isupper()))
        and after in ("", ".")
    )
