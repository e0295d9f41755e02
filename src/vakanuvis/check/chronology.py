"""Chronology inside one text: a paragraph whose dates run backwards, an event dated before what it presupposes.

A narrative paragraph moves forward in time unless it says it steps back ("daha önce", "evvelce", the past
perfect "alınmıştı", "earlier", "ранее"); a sentence dated clearly before the one before it, with none of
those, is a misdated sentence as often as a clumsy flashback, and an editor looks at it. A treaty cannot be
applied, ratified or broken before it was signed, nor a meeting decide before it met: such an event, dated
before the treaty's or meeting's date in the authority file, has a wrong date or names the wrong treaty.
The words that mark a flashback and the words that presuppose a treaty or a meeting are language data
(`flashback_words`, `flashback_verb_endings`, `presupposing_words` in lang/<code>/events.yaml).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from vakanuvis.check.evidence import evidence_at, moves_in_time, sentence_evidence
from vakanuvis.lang import all_language_data
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.model import DateMention, Document, Entity, Event, Finding, Span

# A date sets the narrative's time only when it is narrow: "1920-1922 yılları arasında" sums up a period,
# and what follows may well start at its beginning. The sentence stepping back may be vaguer ("1918'de").
SETTING_WIDTH = timedelta(days=92)
STEPPING_WIDTH = timedelta(days=366)
# where the text says when it knows its year: written, or taken from the narrative's last year
KNOWN_YEARS = ("text", "context")
# ... and where a document of its moment (a telegram, a report) places a yearless date by its own date and
# the verb's tense ("28 Teşrîn-i Evvel’de … alındı" in a telegram of 3 November 1336): the year is right
# when the tense is, so a step back that such a date makes counts only when it is shorter than half a year
# (a tense misread moves the date a whole year)
DOCUMENT_YEAR = "document"
DOCUMENT_STEP_AT_MOST = timedelta(days=183)
EARLIEST_YEAR = 1500  # a year before it is a calendar's year left unconverted ("Sene-i atiye" as 1339)
PRESUPPOSED_TYPES = ("treaty", "meeting")
# how many words around a treaty's or meeting's name its presupposing words are looked for: "Kars
# Antlaşması gereğince", "Moskova Antlaşması’nın 3. maddesi", "under the Treaty of Kars", "Sivas Kongresi
# kararları" (further on, "… toplanmasına karar verildi" is the meeting's calling, not its decision)
WORDS_BEFORE_NAME, WORDS_AFTER_NAME = 3, 2
SUMMARY_OPENING_AT_MOST = 30  # how far into a paragraph the colon after its summing-up word may stand


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", turkish_lower(text))
    return unicodedata.normalize("NFC", decomposed.replace("\u0302", "")).replace("’", "'")


@cache
def _flashback_pattern() -> re.Pattern[str]:
    data = all_language_data("events").values()
    words = {_plain(w) for lang in data for w in lang.get("flashback_words", [])}
    endings = {_plain(w) for lang in data for w in lang.get("flashback_verb_endings", [])}
    documents = {_plain(w) for lang in data for w in lang.get("dated_document_words", [])}
    alternatives = [
        r"(?<!\w)" + re.escape(w) + r"(?!\w)" for w in sorted(words | documents, key=len, reverse=True)
    ]
    alternatives += [re.escape(e) + r"(?!\w)" for e in sorted(endings, key=len, reverse=True)]
    return re.compile("|".join(alternatives))


def steps_back(sentence: str) -> bool:
    """The sentence says it steps back in time (a flashback word, a past perfect, a time shift such as "önce",
    or a date that is a cited document's: "1 Eylül tarihli telgraf")."""
    return bool(_flashback_pattern().search(_plain(sentence))) or moves_in_time(sentence)


@cache
def _sequel_pattern() -> re.Pattern[str]:
    words = {
        _plain(w) for data in all_language_data("events").values() for w in data.get("sequel_openings", [])
    }
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or r"(?!)"
    # after an item's number ("2 — Müteakiben …") and punctuation
    return re.compile(rf"^[\W\d_]*({alternatives})(?!\w)")


def opens_as_sequel(sentence: str) -> str | None:
    """The word that opens the sentence to say it tells what came next ("Ardından", "Müteakiben", "Then"),
    as written; None when it opens otherwise."""
    found = _sequel_pattern().match(_plain(sentence))
    return sentence[found.start(1) : found.end(1)] if found else None


@dataclass(frozen=True)
class Dated:
    """A body sentence and the hull of the event dates it tells."""

    sentence: int
    block: int
    earliest: date
    latest: date
    first: DateMention  # the date quoted as its evidence
    narrated: bool  # some date of it dates the predicate of a main clause
    placed_by_document: bool = False  # some date of it has its year from the document's date and a tense


def explicit_date(document: Document, when: DateMention) -> bool:
    """A date the text writes out with its figures ("28 Haziran 1920’de", "16 Mart’ta"), of a year it knows,
    that dates the narrative: not a relative one ("geçen sene"), nor a cited document's ("19 Mart 1336
    tarihli kararname")."""
    if when.span.footnote is not None or when.role != "event":
        return False
    if when.year_from not in (*KNOWN_YEARS, DOCUMENT_YEAR):
        return False
    if not any(ch.isdigit() for ch in when.text) or when.earliest.year < EARLIEST_YEAR:
        return False
    # the date as written may end in the word ("19 Mart 1336 tarihli"), or the word follow it
    words = [when.text.split()[-1:], document.text[when.span.end : when.span.end + 20].split()[:1]]
    return not any(_plain(w).strip(".,;:") in _dated_document_words() for listed in words for w in listed)


@cache
def _dated_document_words() -> frozenset[str]:
    return frozenset(
        _plain(w)
        for data in all_language_data("events").values()
        for w in data.get("dated_document_words", [])
    )


@cache
def _finite_endings() -> dict[str, tuple[str, ...]]:
    return {
        code: tuple(_plain(w) for w in data["finite_verb_endings"])
        for code, data in all_language_data("events").items()
        if data.get("finite_verb_endings")
    }


def in_main_clause(event: Event, language: str) -> bool:
    """The event's predicate is a finite verb, where the language's data says what one ends in (Turkish): a
    date of a relative clause ("… kabul ettiği Misak-ı Millî") or a verbal noun ("… ilan etmesinde") dates a
    fact already there, not the narrative's next step. Without a predicate, or such data, it counts."""
    endings = _finite_endings().get(language)
    words = _plain(event.predicate).split()
    if not endings or not words:
        return True
    return words[-1].strip(".,;:!?").endswith(endings)


def _dated_sentences(document: Document) -> list[Dated]:
    by_sentence: dict[int, list[DateMention]] = {}
    main_clause: set[int] = set()
    language = "tr" if document.language in ("tr", "az") else document.language
    for event in document.events:
        when = event.date
        if event.dateline or not explicit_date(document, when):
            continue
        by_sentence.setdefault(event.sentence, []).append(when)
        if in_main_clause(event, language):
            main_clause.add(event.sentence)
    dated = []
    for index in sorted(by_sentence):
        dates = sorted(by_sentence[index], key=lambda d: d.span.start)
        dated.append(
            Dated(
                index,
                document.sentences[index].block,
                min(d.earliest for d in dates),
                max(d.latest for d in dates),
                dates[0],
                index in main_clause,
                any(d.year_from == DOCUMENT_YEAR for d in dates),
            )
        )
    return dated


def _sentence_text(document: Document, index: int) -> str:
    span = document.sentences[index].span
    return document.text[span.start : span.end]


@cache
def _summary_headings() -> frozenset[str]:
    return frozenset(
        _plain(w) for data in all_language_data("events").values() for w in data.get("summary_headings", [])
    )


def summing_up_blocks(document: Document) -> set[int]:
    """The blocks under a heading of a part that sums up (an abstract, a conclusion), up to the next heading,
    and a paragraph that opens with such a word and a colon ("Hülâsa: …", "Netice: …", "Conclusion: …")."""
    blocks, inside = set(), False
    for index, block in enumerate(document.blocks):
        text = document.text[block.span.start : block.span.end]
        if block.kind == "heading":
            inside = _plain(text).strip(" .:0123456789-") in _summary_headings()
        elif inside:
            blocks.add(index)
        elif ":" in text[:SUMMARY_OPENING_AT_MOST]:
            opening = text[: text.index(":")]
            if _plain(opening).strip(" .0123456789-—–") in _summary_headings():
                blocks.add(index)
    return blocks


def _steps(dated: list[Dated]) -> list[tuple[Dated, Dated]]:
    """Each dated sentence with the narrow date in force before it in its paragraph: the last sentence whose
    dates are narrow enough to set the narrative's time ("3 Haziran 1920’de"; a "1920’de" or "1918-20
    yıllarında" between them does not move it)."""
    steps = []
    setting: Dated | None = None
    for sentence in dated:
        if setting is not None and setting.block != sentence.block:
            setting = None
        if setting is not None:
            steps.append((setting, sentence))
        if sentence.latest - sentence.earliest <= SETTING_WIDTH:
            setting = sentence
    return steps


def find_backward_chronology(document: Document) -> list[Finding]:
    """A sentence dated clearly before the last dated sentence of its paragraph, with no word that it steps
    back: every date it tells ends before every date of that sentence begins. Paragraphs that sum up (an
    abstract, a conclusion) are left alone."""
    findings = []
    dated = _dated_sentences(document)
    summing_up = summing_up_blocks(document)
    for before, after in _steps(dated):
        if document.blocks[before.block].kind != "paragraph" or before.block in summing_up:
            continue
        if after.latest - after.earliest > STEPPING_WIDTH:
            continue
        # a sentence that opens by saying it comes next is a step of the narrative whatever its verb
        sequel = opens_as_sequel(_sentence_text(document, after.sentence))
        if after.latest >= before.earliest or not (after.narrated or sequel):
            continue
        placed = before.placed_by_document or after.placed_by_document
        if placed and before.earliest - after.latest > DOCUMENT_STEP_AT_MOST:
            continue
        # the step back is said in the sentence itself or announced in the one before it (a quotation or a
        # digression further back says nothing of the narrative's time)
        announcing = range(max(before.sentence + 1, after.sentence - 1), after.sentence + 1)
        if not sequel and any(steps_back(_sentence_text(document, index)) for index in announcing):
            continue
        said = (
            f", though it opens with “{sequel}”, saying it comes next"
            if sequel
            else ", with no word that it goes back in time"
        )
        findings.append(
            Finding(
                kind="chronology-backwards",
                message=f"The narrative runs backwards in this paragraph: a sentence dated "
                f"{after.first.text.strip()} ({after.first.edtf}) follows one dated {before.first.text.strip()} "
                f"({before.first.edtf}){said}. One of the dates may be wrong, "
                "or the step back should be said.",
                evidence=[
                    evidence_at(document, before.first.span),
                    evidence_at(document, after.first.span),
                    sentence_evidence(document, after.sentence),
                ],
                severity="note",
            )
        )
    return findings


# ---------------------------------------------------------------- before it existed


def authority_start(value: str | None) -> date | None:
    """The first day an authority date can mean: "1921-10-13", "1921-10", "1921" (EDTF marks dropped)."""
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2) or 1), int(match.group(3) or 1)
    try:
        return date(year, month, day)
    except ValueError:
        return None


@cache
def _presupposing_words() -> dict[str, tuple[str, ...]]:
    words: dict[str, set[str]] = {}
    for data in all_language_data("events").values():
        for kind, listed in (data.get("presupposing_words") or {}).items():
            words.setdefault(kind, set()).update(_plain(w) for w in listed)
    return {kind: tuple(sorted(listed, key=len, reverse=True)) for kind, listed in words.items()}


def presupposing_word(text: str, entity_type: str) -> str | None:
    """The word of `text` (lower case, circumflex left out) that presupposes a treaty or meeting exists."""
    plain = _plain(text)
    for word in _presupposing_words().get(entity_type, ()):
        match = re.search(r"(?<!\w)" + re.escape(word), plain)
        if match:
            return word
    return None


def presupposed_by(text: str, sentence: Span, name: Span, entity_type: str) -> str | None:
    """The word near a name that presupposes its treaty or meeting exists ("… gereğince", "… kararları")."""
    before = text[sentence.start : name.start].split()[-WORDS_BEFORE_NAME:]
    after = text[name.end : sentence.end].split()[:WORDS_AFTER_NAME]
    # the name's own ending ("Antlaşması’nın") is no word of its own
    return presupposing_word(" ".join(before), entity_type) or presupposing_word(" ".join(after), entity_type)


def find_events_before_existence(document: Document, entities: dict[str, Entity]) -> list[Finding]:
    """An event that applies, ratifies or breaks a treaty, or a meeting's decision, dated clearly before the
    treaty was signed or the meeting met. A sentence that also gives a date from then on, or relates its date
    to another happening ("… önce", "after"), knows the order and is left alone."""
    findings = []
    seen: set[tuple[int, str]] = set()
    for event in document.events:
        when = event.date
        if event.dateline or when.span.footnote is not None or when.year_from not in KNOWN_YEARS:
            continue
        sentence = document.sentences[event.sentence].span
        text = document.text[sentence.start : sentence.end]
        if moves_in_time(text):
            continue
        for index in sorted({i for indices in event.roles.values() for i in indices}):
            mention = document.mentions[index]
            entity = entities.get(mention.entity_key)
            if entity is None or entity.type not in PRESUPPOSED_TYPES or (event.sentence, entity.key) in seen:
                continue
            began = authority_start(entity.start)
            if began is None or when.latest >= began or _dated_from(document, sentence, began):
                continue
            word = presupposed_by(document.text, sentence, mention.span, entity.type)
            if word is None and entity.type == "treaty":
                # the event's own predicate, of the treaty its patient: "… tasdik edildi", "… ihlal edildi"
                word = presupposing_word(event.predicate, entity.type)
            if word is None:
                continue
            seen.add((event.sentence, entity.key))
            began_how = "was signed" if entity.type == "treaty" else "met"
            findings.append(
                Finding(
                    kind="before-it-existed",
                    message=f"“{mention.text}” ({entity.name}) is acted upon (“{word}…”) at {when.text.strip()} ({when.edtf}), "
                    f"but it {began_how} only on {entity.start}: the date is wrong or another "
                    f"{entity.type} is meant.",
                    evidence=[evidence_at(document, mention.span), evidence_at(document, when.span)],
                    severity="warning",
                )
            )
    return findings


def _dated_from(document: Document, sentence: Span, began: date) -> bool:
    """Another date of the sentence falls on or after `began` (the text dates the treaty too)."""
    return any(
        mention.span.footnote is None
        and sentence.start <= mention.span.start < sentence.end
        and mention.latest >= began
        for mention in document.dates
    )
