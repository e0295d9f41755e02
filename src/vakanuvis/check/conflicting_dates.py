"""The same named event (treaty, congress, conference) given dates or places that cannot both be right:
reports of its signing, opening, closing or adoption, as the events stage reads them, in one document or
across documents (the reports that resolution merges into one treaty or meeting).

A report without a date can still put the happening in a town: a participle of signing or meeting before the
name, with a place in the locative before it ("Ankara’da imzalanan Moskova Antlaşması", "Erzurum’da
toplanan Erzurum Kongresi", "Moskova’da imza edilen muahede"); such reports are compared for their places
only (`placed_undated_reports`).

Two places disagree when both are towns of the gazetteer and not the same one ("Moskova’da" against
"Ankara’da"); a country or a region ("Rusya’da") holds towns, and is not compared. A report in a part
that sums up, against one of the body of its own document, is the conclusion check's
(`conclusion-contradicts`), not this one's."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from vakanuvis.annotate.events.predicates import happening_kind, sentence_language, turkish_verb, words_of
from vakanuvis.check.chronology import summing_up_blocks
from vakanuvis.check.evidence import evidence_at
from vakanuvis.lang import language_data
from vakanuvis.lang.entity_words import entity_words
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.model import Document, Entity, EntityMention, Evidence, Finding, Span
from vakanuvis.reference.gazetteer import lookup_place

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
    dated: Evidence | None  # the date of the report, as written; None for a report that gives none
    edtf: str  # "" when undated
    earliest: date  # date.min and date.max when undated: it may have been any time
    latest: date
    place: Evidence | None = None  # where the report says it happened, as written
    town: int | None = None  # that place's gazetteer town (geonameid), when it is one
    summing_up: bool = False  # told in a part that sums up (an abstract, a conclusion)


def dated_occurrences(document: Document) -> list[Occurrence]:
    """The events that tell of a treaty's or meeting's signing, opening, closing or adoption: the events
    stage's kind and instrument (its clause, not every name of the sentence), in the document's order."""
    found = []
    summing_up = summing_up_blocks(document)
    for event in document.events:
        if event.kind not in ONCE or event.dateline:
            continue
        places = [document.mentions[i] for i in event.roles.get("place", [])]
        place = places[0] if len(places) == 1 else None  # "Moskova’da ve Ankara’da" gives no one place
        town = lookup_place(place.surface) if place is not None else None
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
                        evidence_at(document, place.span) if place is not None else None,
                        town.geonameid if town is not None else None,
                        document.sentences[event.sentence].block in summing_up,
                    )
                )
    return _one_report_per_mention(found)


def compared_occurrences(document: Document) -> list[Occurrence]:
    """What the cross-document check reads of a document: its dated reports, and its undated reports
    that put a signing or opening in a place (of mentions no dated report covers), in text order."""
    dated = dated_occurrences(document)
    covered = {(o.mention.span.start, o.mention.span.end, o.mention.span.footnote) for o in dated}
    undated = [
        o
        for o in placed_undated_reports(document)
        if (o.mention.span.start, o.mention.span.end, o.mention.span.footnote) not in covered
    ]
    return sorted(dated + undated, key=lambda o: (o.mention.span.footnote is not None, o.mention.span.start))


# words read back from a participle for the place it was done in ("Ankara’da Sovyet heyetiyle
# imzalanan"): a verb, a comma or a conjunction between them ends the search
PLACE_BEFORE_PARTICIPLE = 5
CLAUSE_ENDS = frozenset(",;:()")


def placed_undated_reports(document: Document) -> list[Occurrence]:
    """Reports without a date of a treaty's signing or a meeting's opening (or closing) in a place: the name
    right after a participle that says the happening ("imzalanan", "akdedilen", "toplanan", "imza edilen"),
    and a town in the locative before the participle, in the same clause ("Ankara’da imzalanan Moskova
    Antlaşması"). Turkish only; body text only (a footnote's report is the citation's)."""
    text = document.text
    summing_up = summing_up_blocks(document)
    places = {m.span.start: m for m in document.mentions if m.type == "place" and m.span.footnote is None}
    locative = tuple(language_data("tr", "events")["case_endings"]["locative"])
    starts = [sentence.span.start for sentence in document.sentences]
    turkish: dict[int, bool] = {}  # by sentence index, read for the sentences that hold a named event
    found = []
    for mention in document.mentions:
        if (
            mention.span.footnote is not None
            or mention.type not in NAMED_EVENT_TYPES
            or not mention.entity_key
            or _bare_head(mention)
        ):
            continue
        index = bisect_right(starts, mention.span.start) - 1  # its sentence, by bisection
        if index < 0 or mention.span.start >= document.sentences[index].span.end:
            continue
        sentence = document.sentences[index]
        span = sentence.span
        if index not in turkish:
            turkish[index] = sentence_language(document.language, text[span.start : span.end]) == "tr"
        if not turkish[index]:
            continue
        words = words_of(text, span.start, mention.span.start)
        if not words or text[words[-1].end : mention.span.start].strip():
            continue
        kind, at = _participle_kind(words)
        if kind not in ONCE:
            continue
        place = _locative_place(text, words[:at], places, locative)
        if place is None:
            continue
        town = lookup_place(place.surface)
        found.append(
            Occurrence(
                mention.entity_key,
                kind,
                mention.surface,
                evidence_at(document, mention.span),
                None,
                "",
                date.min,
                date.max,
                evidence_at(document, place.span),
                town.geonameid if town is not None else None,
                sentence.block in summing_up,
            )
        )
    return found


def _participle_kind(words: list) -> tuple[str, int]:
    """The kind of happening the participle ending `words` says, and where its words begin: "imzalanan"
    (sign), "toplanan" (open), or a light verb's participle after its noun ("imza edilen", "küşad olunan")."""
    last = words[-1]
    reading = turkish_verb(last.text)
    if reading is None or not reading.participle:
        return "", len(words)
    kind = happening_kind("tr", last.text)
    if kind:
        return kind, len(words) - 1
    if len(words) >= 2 and not turkish_verb(words[-2].text):
        kind = happening_kind("tr", words[-2].text)
        if kind:
            return kind, len(words) - 2
    return "", len(words)


def _locative_place(
    text: str, words: list, places: dict[int, EntityMention], locative: tuple[str, ...]
) -> EntityMention | None:
    """The nearest place in the locative in the few words before a participle, with no verb, comma or
    conjunction between them."""
    end = words[-1].end if words else 0
    for word in reversed(words[-PLACE_BEFORE_PARTICIPLE:]):
        if CLAUSE_ENDS & set(text[word.end : end]) or word.text in ("ve", "veya", "ile", "yahut"):
            return None
        end = word.start
        place = places.get(word.start)
        if place is not None:
            written = text[place.span.start : place.span.end].replace("'", "’")
            suffix = written.rsplit("’", 1)[1] if "’" in written else ""
            return place if suffix in locative else None
        if turkish_verb(word.text) is not None:
            return None
    return None


def _one_report_per_mention(found: list[Occurrence]) -> list[Occurrence]:
    """Reports of one mention and kind made one, over the time from the first date to the last: a sentence
    that gives a happening two dates ("2 Kânûn-ı Evvel’i 3 Kânûn-ı Evvel’e bağlayan gece … imza
    olunmuştur") gives it a span of time, and does not disagree with itself."""
    merged: dict[tuple[int, int, int | None, str], Occurrence] = {}
    for occurrence in found:
        span = occurrence.mention.span
        key = (span.start, span.end, span.footnote, occurrence.kind)
        if key not in merged:
            merged[key] = occurrence
            continue
        first = merged[key]
        earliest, latest = min(first.earliest, occurrence.earliest), max(first.latest, occurrence.latest)
        merged[key] = replace(
            first,
            earliest=earliest,
            latest=latest,
            edtf=f"{earliest.isoformat()}/{latest.isoformat()}",
            place=first.place or occurrence.place,
            town=first.town if first.town is not None else occurrence.town,
        )
    return list(merged.values())


def conflicting_dates(occurrences: Iterable[Occurrence], entities: dict[str, Entity]) -> list[Finding]:
    """Named events whose dated occurrences (of all documents, in the documents' order) do not overlap
    the first one, or put it in another town than the first that names one."""
    seen: dict[tuple[str, str], list[Occurrence]] = defaultdict(list)
    for occurrence in occurrences:
        seen[(occurrence.entity_key, occurrence.kind)].append(occurrence)
    findings = []
    for (key, _), found in seen.items():
        dated = [each for each in found if each.dated is not None]  # undated ones: for their places only
        for other in dated[1:]:
            first = dated[0]
            if _not_compared(first, other):
                continue
            if not dates_overlap(first, other):
                assert first.dated is not None and other.dated is not None
                name = entities[key].name if key in entities else other.surface
                findings.append(
                    Finding(
                        kind="conflicting-dates",
                        message=f"{name} is dated {first.edtf} in one place and {other.edtf} in another.",
                        evidence=[first.mention, first.dated, other.mention, other.dated],
                    )
                )
        placed = [each for each in found if each.town is not None]
        for other in placed[1:]:
            if other.town != placed[0].town and not _not_compared(placed[0], other):
                findings.append(place_disagreement(placed[0], other, entities))
    return findings


def dates_overlap(one: Occurrence, other: Occurrence) -> bool:
    return not (other.earliest > one.latest or other.latest < one.earliest)


def place_disagreement(
    first: Occurrence, other: Occurrence, entities: dict[str, Entity], kind: str = "place-disagrees"
) -> Finding:
    """Two reports of one signing or opening that put it in two towns."""
    assert first.place is not None and other.place is not None
    name = entities[first.entity_key].name if first.entity_key in entities else first.surface
    return Finding(
        kind=kind,
        message=(
            f"{name} is put in {first.place.text} in one place and in {other.place.text} in another "
            "(one signing or opening has one place)."
        ),
        evidence=[first.mention, first.place, other.mention, other.place],
    )


def _not_compared(one: Occurrence, other: Occurrence) -> bool:
    """A report of a part that sums up and one of the body of the same document: the conclusion check's."""
    return one.mention.document == other.mention.document and one.summing_up != other.summing_up


def _bare_head(mention: EntityMention) -> bool:
    """A mention that is a head word alone ("Konferans", "the Conference", "Muahede"): it names no treaty or
    meeting by itself, and what another document calls so is as likely another one."""
    words = turkish_lower(mention.surface).replace("’", "'").split("'")[0].split()
    words = [w for w in words if w not in ("the", "bu", "şu", "o", "işbu", "mezkûr", "mezkur")]
    return len(words) == 1 and entity_words().heads.get(words[0]) in NAMED_EVENT_TYPES


def find_conflicting_dates(documents: list[Document], entities: dict[str, Entity]) -> list[Finding]:
    """Across all given documents, named events whose dated occurrences do not overlap."""
    return conflicting_dates((o for document in documents for o in compared_occurrences(document)), entities)


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
        "date": _evidence_record(occurrence.dated) if occurrence.dated is not None else None,
        "edtf": occurrence.edtf,
        "earliest": occurrence.earliest.isoformat(),
        "latest": occurrence.latest.isoformat(),
        "place": _evidence_record(occurrence.place) if occurrence.place is not None else None,
        "town": occurrence.town,
        "summing_up": occurrence.summing_up,
    }


def occurrence_from_record(record: dict[str, Any]) -> Occurrence:
    return Occurrence(
        record["key"],
        record["kind"],
        record["surface"],
        _evidence(record["mention"]),
        _evidence(record["date"]) if record.get("date") else None,
        record["edtf"],
        date.fromisoformat(record["earliest"]),
        date.fromisoformat(record["latest"]),
        _evidence(record["place"]) if record.get("place") else None,
        record.get("town"),
        bool(record.get("summing_up")),
    )
