"""The time the narrative is at in each sentence: its reference period.

A sentence without a date of its own is still about some time. A reader takes it from the text around it:
the dates of the sentence itself; else the last date before it in its paragraph (the narrative goes on from
there until a phrase says it jumps: "iki yıl sonra", "years later"); else the first date after it in the
paragraph (a paragraph that opens with its setting and dates it at the end); else, for a paragraph without
dates, the last date of the paragraph before; else the period a heading above it names ("1920-1921
Yıllarında …"). In a document of its moment (a telegram, a speech, a report) with a date, a sentence
without a date of its own is at the document's date: such texts go back and forth between what they
recall and the moment they speak from, and the moment is what a reader takes.
A footnote's prose is at the time of the body sentence that carries its marker, unless it has dates of
its own. Only event dates count: the publication year of a cited work says nothing of the narrative.

The source of each period is kept, so that a finding built on it can say where its time comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from vakanuvis.annotate.dates.reference import reference_time
from vakanuvis.annotate.dates.years import OF_THEIR_MOMENT
from vakanuvis.lang import all_language_data
from vakanuvis.model import DateMention, Document
from vakanuvis.structure.sentences import SentenceIndex

# where a period comes from, most local first
SOURCES = ("sentence", "narrative", "paragraph", "previous paragraph", "heading", "document", "marker")


@dataclass(frozen=True)
class NarrativeTime:
    """The period a sentence (or a footnote) is at, and the date it takes it from."""

    earliest: date
    latest: date
    edtf: str
    source: str  # one of SOURCES
    date: DateMention | None = None  # the date it takes its time from; None for the document's own date

    def record(self) -> dict:
        """The period in the form `text --json` and the API give it (an open end is null)."""
        record: dict[str, object] = {
            "edtf": self.edtf,
            "start": None if self.earliest == date.min else self.earliest.isoformat(),
            "end": None if self.latest == date.max else self.latest.isoformat(),
            "from": self.source,
        }
        if self.date is not None:
            record["date"] = {
                "text": self.date.text,
                "start": self.date.span.start,
                "end": self.date.span.end,
                **({"footnote": self.date.span.footnote} if self.date.span.footnote is not None else {}),
            }
        return record


def known(mention: DateMention) -> bool:
    """A date that places the narrative: an event date whose year is known."""
    return mention.role == "event" and "XXXX" not in mention.edtf and mention.earliest <= mention.latest


def _of(mentions: list[DateMention], source: str) -> NarrativeTime:
    """The period several dates of one place span, taken from the first of them."""
    earliest = min(m.earliest for m in mentions)
    latest = max(m.latest for m in mentions)
    first = mentions[0]
    edtf = first.edtf if len(mentions) == 1 else f"{earliest.isoformat()}/{latest.isoformat()}"
    return NarrativeTime(earliest, latest, edtf, source, first)


# How far "after" or "before" a date a narrative that says so is taken to reach: what followed an event
# is told as its sequel, within about a year ("1920’de TBMM’nin kurulmasından sonra …").
SHIFT_REACH = timedelta(days=365)


def _one(mention: DateMention, source: str, shift: str | None = None) -> NarrativeTime:
    """The time one date sets; `shift` "after" or "before" when its sentence tells what came after or
    before it ("28 Nisan 1920’de … gelmesinden sonra"): the time then reaches `SHIFT_REACH` that way."""
    earliest, latest = mention.earliest, mention.latest
    if shift == "after":
        latest = min(latest + SHIFT_REACH, date.max)
    elif shift == "before":
        earliest = max(earliest - SHIFT_REACH, date.min)
    else:
        return NarrativeTime(earliest, latest, mention.edtf, source, mention)
    return NarrativeTime(earliest, latest, f"{earliest.isoformat()}/{latest.isoformat()}", source, mention)


@cache
def _shift_words() -> tuple[re.Pattern[str], frozenset[str]]:
    data = all_language_data("events").values()
    words = {w for d in data for w in d.get("time_shift_words", [])}
    earlier = frozenset(w.casefold() for d in data for w in d.get("earlier_words", []))
    pattern = r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?!\w)"
    return re.compile(pattern, re.IGNORECASE), earlier


# what joins the second word of an izafet month name to its first: "Teşrîn-i Evvel", "Rebi-ül-evvel"
MONTH_NAME_PART = re.compile(r"[-‐‑]\s*(?:[ıiuü]|[üu]l|el)?\s*$")


def time_shift(sentence: str) -> str | None:
    """ "after" or "before" when a sentence tells of what came after or before something ("sonra",
    "önce", "later"), by its first such word; None when it does not."""
    pattern, earlier = _shift_words()
    for found in pattern.finditer(sentence):
        if MONTH_NAME_PART.search(sentence[max(0, found.start() - 6) : found.start()]):
            continue  # the "Evvel" of "Teşrîn-i Evvel", "Kânûn-ı Evvel", "Rebi-ül-evvel": a month's name
        return "before" if found.group(0).casefold() in earlier else "after"
    return None


@cache
def _jump_pattern() -> re.Pattern[str]:
    """Phrases that move the narrative away from the last date ("iki yıl sonra", "years later")."""
    patterns = [p for data in all_language_data("dates").values() for p in data.get("narrative_jumps", [])]
    return re.compile("|".join(f"(?:{p})" for p in patterns) or r"(?!)", re.IGNORECASE)


def jumps(sentence: str) -> bool:
    return bool(_jump_pattern().search(sentence))


def _document_time(document: Document) -> NarrativeTime | None:
    """The document's own date, when it is a document of its moment (as the dates stage reads its type: a
    text dated by its own dateline is one even when no type was given)."""
    from vakanuvis.annotate.dates import of_its_moment

    if of_its_moment(document) not in OF_THEIR_MOMENT or not document.date:
        return None
    reference = reference_time(document.date)
    if reference is None:
        return None
    return NarrativeTime(reference.earliest, reference.latest, document.date, "document")


def narrative_times(document: Document) -> list[NarrativeTime | None]:
    """The reference period of each body sentence of `document` (None where nothing places it)."""
    index = SentenceIndex([(s.span.start, s.span.end) for s in document.sentences])
    own: dict[int, list[DateMention]] = {}
    for mention in document.dates:
        if mention.span.footnote is None and known(mention):
            holding = index.containing(mention.span.start)
            if holding is not None:
                own.setdefault(holding, []).append(mention)
    for mentions in own.values():
        mentions.sort(key=lambda m: m.span.start)
    text = document.text
    fallback = _document_time(document)
    if fallback is not None:
        # a telegram, a speech, a report: its sentences without a date are at the moment it was written;
        # the dates it recalls ("16 Mart’ta İstanbul işgal edilmiş …") do not carry to what it says next
        return [_of(own[n], "sentence") if n in own else fallback for n in range(len(document.sentences))]
    times: list[NarrativeTime | None] = [None] * len(document.sentences)
    by_block: dict[int, list[int]] = {}
    for number, each in enumerate(document.sentences):
        by_block.setdefault(each.block, []).append(number)
    heading: NarrativeTime | None = None
    previous_last: NarrativeTime | None = None  # the last date of the paragraph before
    for block_number in sorted(by_block):
        numbers = by_block[block_number]
        block = document.blocks[block_number] if block_number < len(document.blocks) else None
        dated = [n for n in numbers if n in own]
        if block is not None and block.kind == "heading":
            for n in numbers:
                times[n] = _of(own[n], "sentence") if n in own else heading or fallback
            if dated:
                heading = _of([m for n in dated for m in own[n]], "heading")
                previous_last = None  # a new section: the last paragraph's time no longer carries
            continue
        last: NarrativeTime | None = None
        jumped = False  # once the narrative jumps, the paragraph before no longer sets its time
        for n in numbers:
            sentence = text[document.sentences[n].span.start : document.sentences[n].span.end]
            if n in own:
                times[n] = _of(own[n], "sentence")
                last = _one(own[n][-1], "narrative", time_shift(sentence))
                continue
            if jumps(sentence):
                last, jumped = None, True  # "iki yıl sonra …": the narrative left its last date
                times[n] = heading or fallback
                continue
            later = next((own[m][0] for m in numbers if m > n and m in own), None)
            times[n] = (
                last
                or (_one(later, "paragraph") if later is not None else None)
                or (previous_last if not dated and not jumped else None)
                or heading
                or fallback
            )
        if dated:
            span = document.sentences[dated[-1]].span
            shift = time_shift(text[span.start : span.end])
            previous_last = _one(own[dated[-1]][-1], "previous paragraph", shift)
    return times


def footnote_times(
    document: Document, sentence_times: list[NarrativeTime | None]
) -> dict[int, NarrativeTime]:
    """The reference period of each footnote: its own event dates, else the time of the body sentence that
    carries its marker."""
    own: dict[int, list[DateMention]] = {}
    for mention in document.dates:
        if mention.span.footnote is not None and known(mention):
            own.setdefault(mention.span.footnote, []).append(mention)
    index = SentenceIndex([(s.span.start, s.span.end) for s in document.sentences])
    carried: dict[int, int] = {}
    for marker in document.markers:
        sentence = index.carrying(marker.offset)
        if sentence is not None:
            carried.setdefault(marker.number, sentence)
    times: dict[int, NarrativeTime] = {}
    for note in document.footnotes:
        if note.number in own:
            times[note.number] = _of(sorted(own[note.number], key=lambda m: m.span.start), "sentence")
        elif note.number in carried and (body := sentence_times[carried[note.number]]) is not None:
            times[note.number] = NarrativeTime(body.earliest, body.latest, body.edtf, "marker", body.date)
    return times
