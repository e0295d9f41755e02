"""Anachronism: a state or organization named at a date outside the years it existed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from vakanuvis.annotate.dates.lexicon import unmarked
from vakanuvis.annotate.dates.narrative import NarrativeTime, footnote_times, narrative_times, time_shift
from vakanuvis.annotate.dates.values import end_bounds
from vakanuvis.check.evidence import SentenceDates, evidence_at, moves_in_time
from vakanuvis.lang import all_language_data
from vakanuvis.lang.tr.casing import turkish_lower_keeping_dot_above
from vakanuvis.model import DateMention, Document, Entity, EntityMention, Finding, Span

STATE_TYPES = ("organization",)


def _bound(value: str | None, *, last: bool = False) -> date | None:
    """The first day of an authority date ("1920", "1920-06", "1920-06-12"), or its last with `last`: a
    state that ended in "1919-04" still existed on 13 April 1919."""
    if not value:
        return None
    return end_bounds(value)[1 if last else 0]


def find_anachronisms(document: Document, entities: dict[str, Entity]) -> list[Finding]:
    """Organizations named where the time in force falls outside their authority dates.

    The time in force is the nearest event date of the mention's sentence, else the sentence's narrative
    time (the dates around it, a heading's period, a telegram's own date: see `narrative_times`); in a
    footnote's prose, the footnote's own dates, else the time of the sentence carrying its marker (a
    mention inside a reference, "Документы внешней политики СССР", is a title and says nothing).
    One finding per organization and date, quoting every mention of it that the date governs.
    """
    grouped: dict[tuple[str, str], tuple[Entity, Governing, str, list[EntityMention]]] = {}
    dated = dated_names(entities)
    sentence_dates = SentenceDates(document)
    times = narrative_times(document)
    notes = footnote_times(document, times)
    references = _reference_spans(document)
    for mention in document.mentions:
        entity = entities.get(mention.entity_key)
        if entity is None or entity.type not in STATE_TYPES:
            continue
        if not (entity.start or entity.end):
            entity = containing_state(mention.surface, dated) or entity
        founded, dissolved = _bound(entity.start), _bound(entity.end, last=True)
        if founded is None and dissolved is None:
            continue
        when = _time_of(document, mention.span, sentence_dates, times, notes, references)
        if when is None:
            continue
        if founded and when.latest < founded:
            if in_the_making(document, mention.span):
                continue  # "kurulmakta olan Sovyetler Birliği": the text knows it did not exist yet
            why = f"did not exist before {entity.start}"
        elif dissolved and when.earliest > dissolved and when.source == "sentence":
            # only a date of its own sentence: a narrative goes back to what had ended ("the Revolutionary
            # Committee's decisions") far more often than it names what did not exist yet
            why = f"no longer existed after {entity.end}"
        else:
            continue
        place = f"{when.date.span.footnote}:{when.date.span.start}" if when.date else "document"
        grouped.setdefault((entity.key, place), (entity, when, why, []))[3].append(mention)
    findings = [
        Finding(
            kind="anachronism",
            message=f"{entity.name} is named {_at(when)}, but it {why}.",
            evidence=[evidence_at(document, m.span) for m in mentions]
            + ([evidence_at(document, when.date.span)] if when.date else []),
            severity="warning" if when.source in CLOSE_SOURCES else "note",
        )
        for entity, when, why, mentions in grouped.values()
    ]
    flagged = [m.span for _, _, _, mentions in grouped.values() for m in mentions]
    timing = (sentence_dates, times, notes, references)
    return findings + _names_before_their_date(document, timing, flagged)


def _names_before_their_date(document: Document, timing: tuple, flagged: list[Span]) -> list[Finding]:
    """The names of `dated_names` (lang/*/dated_names.yaml) written of a time before their date, in the body
    or a footnote's prose, whatever they resolve to (or when they are no mention at all: "Cumhurbaşkanı
    Mustafa Kemal"); a name already flagged through its entity is not flagged again."""
    grouped: dict[tuple[str, str], tuple[DatedName, Governing, list[Span]]] = {}
    texts = [(None, document.text)] + [(note.number, note.text) for note in document.footnotes]
    for footnote, text in texts:
        for found in _dated_name_pattern().finditer(unmarked(text)):
            span = Span(found.start(), found.end(), footnote)
            if any(_overlaps(span, other) for other in flagged):
                continue
            name = _dated_name(found.group(0))
            if name is None or (name.not_after_a_name and _after_a_name(text, found.start())):
                continue
            when = _time_of(document, span, *timing)
            if when is None or when.latest >= name.start or in_the_making(document, span):
                continue
            place = f"{when.date.span.footnote}:{when.date.span.start}" if when.date else "document"
            grouped.setdefault((name.what, place), (name, when, []))[2].append(span)
    return [
        Finding(
            kind="anachronism",
            message=f"“{spans[0].text_in(document)}” is written {_at(when)}, but it names {name.what}.",
            evidence=[evidence_at(document, span) for span in spans]
            + ([evidence_at(document, when.date.span)] if when.date else []),
            severity="warning" if when.source in CLOSE_SOURCES else "note",
        )
        for name, when, spans in grouped.values()
    ]


NAME_BEFORE = re.compile(r"(?:^|[^.!?:\n]\s)[A-ZÇĞİÖŞÜÂÎÛ][^\W\d_]*\s+$")


def _after_a_name(text: str, start: int) -> bool:
    """Whether a capitalized word that does not open a sentence stands right before `start` ("Fransa
    Cumhurbaşkanı"): the office is that state's."""
    before = text[max(0, start - 40) : start]
    return bool(NAME_BEFORE.search(before)) and not before.rstrip().endswith(("’", "'"))


def _overlaps(a: Span, b: Span) -> bool:
    return a.footnote == b.footnote and a.start < b.end and b.start < a.end


@dataclass(frozen=True)
class DatedName:
    """A name right only from `start` on (lang/*/dated_names.yaml)."""

    start: date
    what: str
    not_after_a_name: bool = False  # an office another state has too: "Fransa Cumhurbaşkanı Hazretleri"


@cache
def _name_forms() -> dict[str, DatedName]:
    """Each form (circumflex folded) and the name it is a form of."""
    names: dict[str, DatedName] = {}
    for data in all_language_data("dated_names").values():
        for entry in data.get("names", []):
            name = DatedName(
                _bound(str(entry["from"])) or date.min, entry["what"], bool(entry.get("not_after_a_name"))
            )
            for form in entry["forms"]:
                names[unmarked(form)] = name
    return names


@cache
def _dated_name_pattern() -> re.Pattern[str]:
    """Any form of a dated name, its last word with any suffix ("Cumhuriyeti’nin", "Birliğinin")."""
    forms = sorted(_name_forms(), key=len, reverse=True)
    alternatives = "|".join(re.escape(form) for form in forms) or "(?!)"
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?:[’']\w+|\w*)")


def _dated_name(found: str) -> DatedName | None:
    """The dated name a match is a form of: the longest form it begins with."""
    names = _name_forms()
    for form in sorted(names, key=len, reverse=True):
        if found.startswith(form):
            return names[form]
    return None


# the times that place a sentence surely enough for a warning; the others (a date later in the paragraph,
# the paragraph before, a heading's period) make a note
CLOSE_SOURCES = ("sentence", "narrative", "document", "marker")


@dataclass(frozen=True)
class Governing:
    """The time a mention is named at, and where it comes from."""

    earliest: date
    latest: date
    edtf: str
    source: str
    date: DateMention | None


def _time_of(
    document: Document,
    span: Span,
    sentence_dates: SentenceDates,
    times: list[NarrativeTime | None],
    notes: dict[int, NarrativeTime],
    references: dict[int, list[tuple[int, int]]],
) -> Governing | None:
    if span.footnote is not None:
        if any(start <= span.start < end for start, end in references.get(span.footnote, [])):
            return None
        time = notes.get(span.footnote)
        return Governing(time.earliest, time.latest, time.edtf, time.source, time.date) if time else None
    sentence = sentence_dates.sentences.containing(span.start)
    if sentence is None:
        return None
    own = sentence_dates.events.get(sentence)
    if own:
        nearest = min(own, key=lambda m: abs(m.span.start - span.start))
        if "XXXX" not in nearest.edtf:
            # "16 Mart 336 tarihinden itibaren": from that day on, into a time the thing may well exist in;
            # "… ’e kadar": up to it, from a time it may no longer have
            # "23 Nisan 1920’de açıldıktan hemen sonra": the time after that day, as "from" does
            shift = _shift_after_date(document.text, nearest.span)
            latest = date.max if nearest.modifier == "from" or shift == "after" else nearest.latest
            earliest = date.min if nearest.modifier == "until" or shift == "before" else nearest.earliest
            return Governing(earliest, latest, nearest.edtf, "sentence", nearest)
    if sentence in sentence_dates.references or moves_in_time(_sentence_text(document, sentence)):
        return None  # a reference in the body, or "… kurulduktan sonra": the time around it does not hold
    time = times[sentence]
    if time is None or time.source == "sentence":
        return None
    return Governing(time.earliest, time.latest, time.edtf, time.source, time.date)


@cache
def _in_the_making_pattern() -> re.Pattern[str]:
    words = {w for data in all_language_data("events").values() for w in data.get("in_the_making_words", [])}
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "(?!)"
    return re.compile(r"(?<!\w)(?:" + alternatives + r")\w*\W+(?:\w+\W+)?$", re.IGNORECASE)


def in_the_making(document: Document, span: Span) -> bool:
    """Whether the words just before a span say the thing was yet to be ("kurulmakta olan …")."""
    text = document.text if span.footnote is None else document.footnote(span.footnote).text
    before = text[max(0, span.start - 60) : span.start]
    return bool(_in_the_making_pattern().search(before))


SHIFT_REACH = 3  # words after a date that still belong to its own clause ("açıldıktan hemen sonra")


def _shift_after_date(text: str, span: Span) -> str | None:
    """ "after" or "before" when the words right after a date, in its own clause, say that what the
    sentence tells came after or before that day ("… ’de açıldıktan sonra", "… ’den önce")."""
    if span.footnote is not None:
        return None
    clause = re.split(r"[,;.:!?]", text[span.end : span.end + 80], maxsplit=1)[0]
    return time_shift(" ".join(clause.split()[:SHIFT_REACH]))


def _sentence_text(document: Document, sentence: int) -> str:
    span = document.sentences[sentence].span
    return document.text[span.start : span.end]


def _reference_spans(document: Document) -> dict[int, list[tuple[int, int]]]:
    """The spans of each footnote's references (the footnote's prose is what lies outside them)."""
    spans: dict[int, list[tuple[int, int]]] = {}
    for citation in document.citations:
        spans.setdefault(citation.footnote, []).append((citation.span.start, citation.span.end))
    return spans


SOURCE_WORDS = {
    "narrative": "the last date before it in its paragraph",
    "paragraph": "the first date after it in its paragraph",
    "previous paragraph": "the last date of the paragraph before",
    "heading": "the period of the heading above it",
    "marker": "the time of the sentence that carries the footnote's marker",
}


def _at(when: Governing) -> str:
    if when.date is None:
        return f"in a document dated {when.edtf}"
    if when.source == "sentence":
        return f"at {when.date.text.strip()} ({when.edtf})"
    return f"in a passage at {when.date.text.strip()} ({when.edtf}: {SOURCE_WORDS[when.source]})"


def _words(name: str) -> tuple[str, ...]:
    return tuple(turkish_lower_keeping_dot_above(name).split())


def dated_names(entities: dict[str, Entity]) -> dict[tuple[str, ...], Entity]:
    """Every name and alias of the organizations whose existence dates are known, as word tuples."""
    return {
        _words(name): entity
        for entity in entities.values()
        if entity.type in STATE_TYPES and (entity.start or entity.end)
        for name in [entity.name, *entity.aliases]
    }


def containing_state(surface: str, dated: dict[tuple[str, ...], Entity]) -> Entity | None:
    """The dated state whose name opens `surface`: "SSCB hükümeti" cannot exist before the SSCB."""
    words = _words(surface)
    for length in range(len(words) - 1, 0, -1):
        if words[:length] in dated:
            return dated[words[:length]]
    return None
