"""Events: each narrative date in the body becomes an event tied to its sentence and footnotes, with what
happened (its predicate, kind and headline) and who and what took part (its roles)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from functools import cached_property

from vakanuvis.annotate.events.headlines import headline_of
from vakanuvis.annotate.events.predicates import clause_around, find_predicate, plain, sentence_language
from vakanuvis.annotate.events.roles import assign_roles, clause_start
from vakanuvis.annotate.metadata import is_address_line
from vakanuvis.lang import language_data
from vakanuvis.model import DateMention, Document, EntityMention, Event
from vakanuvis.structure.sentences import SentenceIndex


def build_events(document: Document) -> list[Event]:
    """One event per body date of role "event", with the footnotes whose markers its sentence carries."""
    footnotes_of_sentence: dict[int, list[int]] = defaultdict(list)
    for marker in document.markers:
        if marker.sentence is not None and marker.number not in footnotes_of_sentence[marker.sentence]:
            footnotes_of_sentence[marker.sentence].append(marker.number)
    events = []
    lookups = _Lookups(document)
    sentences = SentenceIndex([(s.span.start, s.span.end) for s in document.sentences])
    mentions_of_sentence: dict[int, list[tuple[int, EntityMention]]] = defaultdict(list)
    for index, entity in enumerate(document.mentions):
        if entity.span.footnote is None:
            found = sentences.containing(entity.span.start)
            if found is not None:
                mentions_of_sentence[found].append((index, entity))
    for mention in document.dates:
        if mention.role != "event" or mention.span.footnote is not None:
            continue
        sentence = sentences.containing(mention.span.start)  # as document.sentence_at, by bisection
        if sentence is None:
            continue
        dateline = _dateline(document, sentence, mention, lookups)
        if _in_heading(document, sentence) and not dateline:
            continue
        event = Event(date=mention, sentence=sentence, footnotes=list(footnotes_of_sentence[sentence]))
        _what_happened(document, event, mentions_of_sentence[sentence], dateline, lookups)
        events.append(event)
    return events


class _Lookups:
    """What the events of one document look up again and again, worked out once: the mentions of its
    authors, and its body mentions and dates in text order (so that a line's are found by bisection,
    not by reading all of them for each event)."""

    def __init__(self, document: Document) -> None:
        self.document = document

    @cached_property
    def senders(self) -> list[int]:
        return _senders(self.document)

    @cached_property
    def body_mentions(self) -> tuple[list[int], list[int]]:
        """The starts and indices of the body's mentions, by start."""
        found = sorted(
            (m.span.start, i) for i, m in enumerate(self.document.mentions) if m.span.footnote is None
        )
        return [start for start, _ in found], [i for _, i in found]

    @cached_property
    def body_dates(self) -> tuple[list[int], list[DateMention]]:
        """The starts of the body's dates and the dates, by start."""
        found = sorted(
            (d for d in self.document.dates if d.span.footnote is None), key=lambda d: d.span.start
        )
        return [d.span.start for d in found], found

    def mentions_between(self, start: int, end: int) -> list[int]:
        """The indices of the body mentions starting in [start, end), in text order."""
        starts, indices = self.body_mentions
        return indices[bisect_left(starts, start) : bisect_left(starts, end)]

    def dates_between(self, start: int, end: int) -> list[DateMention]:
        """The body dates starting in [start, end), in text order."""
        starts, dates = self.body_dates
        return dates[bisect_left(starts, start) : bisect_left(starts, end)]


def _what_happened(
    document: Document,
    event: Event,
    mentions: list[tuple[int, EntityMention]],
    dateline: bool,
    lookups: _Lookups,
) -> None:
    """The event's predicate, kind, roles and headline; a dateline's event is the document itself."""
    span = document.sentences[event.sentence].span
    date = (event.date.span.start, event.date.span.end)
    language = sentence_language(document.language, document.text[span.start : span.end])
    if dateline:
        event.dateline = True
        event.roles = _dateline_roles(document, mentions, date, lookups)
        event.headline = headline_of(document, event, None, language)
        return
    predicate = find_predicate(document.text, (span.start, span.end), date, language)
    clause = clause_around(document.text, (span.start, span.end), date)
    if predicate is not None:
        event.predicate, event.kind = predicate.text, predicate.kind
        if language == "tr" and not predicate.dated_document:
            clause = (clause_start(document.text, clause[0], predicate, date[0]), predicate.end)
    event.roles = assign_roles(document.text, mentions, predicate, clause, language)
    event.headline = headline_of(document, event, predicate, language, [m for _, m in mentions])


ADDRESS_LINES = 4  # lines after a dateline that may name its addressees ("… Kumandanlığına,")


def _dateline_roles(
    document: Document, mentions: list[tuple[int, EntityMention]], date: tuple[int, int], lookups: _Lookups
) -> dict[str, list[int]]:
    """Where the document was written (the names before the date on its line) and to whom (the names on
    the address lines after it, each ending in the dative: "Harbiye Nezaret-i Celilesine,")."""
    text = document.text
    line_start = text.rfind("\n", 0, date[0]) + 1
    places = [i for i, m in mentions if m.type == "place" and line_start <= m.span.start < date[0]]
    recipients = []
    position, lines = date[1], 0
    while lines < ADDRESS_LINES and position < len(text):
        end = text.find("\n", position + 1)
        end = len(text) if end < 0 else end
        line = text[position:end].strip()
        if line:
            lines += 1
            if not is_address_line(line.rstrip(",;:")):
                break
            recipients += lookups.mentions_between(position, end)
        position = end
    senders = lookups.senders
    found = (("agent", senders), ("recipient", recipients), ("place", places))
    return {role: indices for role, indices in found if indices}


def _senders(document: Document) -> list[int]:
    """The mentions of the document's authors (given, or read off its signature): who sent it. The last
    mention of each, which is its signature when it has one."""
    wanted = [plain(author) for author in document.authors if author.strip()]
    found: dict[str, int] = {}
    for index, mention in enumerate(document.mentions):
        if mention.type != "person" or mention.span.footnote is not None:
            continue
        name = plain(mention.surface)
        for author in wanted:
            if len(name) >= 3 and (name in author or author in name):
                found[author] = index
    return sorted(found.values())


def _in_heading(document: Document, sentence: int) -> bool:
    """Headings and titles name a period ("… (1920-1922)"), they narrate no event."""
    block = document.sentences[sentence].block
    return 0 <= block < len(document.blocks) and document.blocks[block].kind == "heading"


# "Erzurum, 23 Temmuz 1919": up to three words naming a place, a comma, then the date and nothing else
DATELINE_PLACE = re.compile(r"^[^\W\d_][\w'’.\-]*(?:\s+[^\W\d_][\w'’.\-]*){0,2}\s*,\s*$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# what a dateline may hold before its date instead of a place ("fi" of Ottoman datelines: "on")
DATELINE_WORDS = frozenset(language_data("tr", "events").get("dateline_words", []))
JOINING = frozenset({"ve", "=", "and"})  # between a dateline's two calendars
# a press dateline's end: a dash after the date, the story after it on the same line
PRESS_DATELINE_END = re.compile(r"\.?[ \t]*[—–]")


def _dateline(document: Document, sentence: int, mention: DateMention, lookups: _Lookups) -> bool:
    """A letter's or telegram's dateline (a place and a comma, a date to the day, alone on its line or its
    heading) dates the document: unlike a title's period, it is an event. The line may give the date in
    two calendars and hold the words datelines hold ("Kütahya, fi 13 Rebiülahir 1339 ve 24 Kânûn-ı Evvel
    1336")."""
    if not DAY.match(mention.edtf):
        return False
    span = document.sentences[sentence].span
    text = document.text
    line_start = max(span.start, text.rfind("\n", 0, mention.span.start) + 1)
    line_end = text.find("\n", mention.span.end)
    line_end = min(span.end, line_end if line_end >= 0 else len(text))
    dash = PRESS_DATELINE_END.match(text, mention.span.end, line_end)
    if dash:
        line_end = dash.end() - 1  # "LONDON, March 23. — A wireless message …": the story follows the dash
    # the line less its dates (this one and any other of it), less the words a dateline holds
    pieces, position = [], line_start
    for other in lookups.dates_between(line_start, line_end):
        if other.span.end <= line_end:
            pieces.append(text[position : other.span.start])
            position = other.span.end
    if position <= mention.span.start:
        return False
    pieces.append(text[position:line_end])
    before = " ".join(w for w in pieces[0].split() if w.casefold() not in DATELINE_WORDS).strip()
    rest = " ".join(" ".join(pieces[1:]).split())
    rest_words = [w for w in rest.replace(",", " ").split() if w.casefold() not in DATELINE_WORDS | JOINING]
    place_ok = before == "" or (bool(DATELINE_PLACE.match(before)) and before[:1].isupper())
    return place_ok and all(w in (".", "-", "/") for w in rest_words)
