"""A short headline for an event, in its document's language and in the sentence's own words: its clause
without the date, cut to the words nearest the predicate ("Konferansın ikinci dönemi başladı",
"İtilaf Devletleri kuvvetleri İstanbul’u resmen işgal etmişlerdir"). A Turkish participle is told as
what happened to the noun it describes ("11 Ekim 1922’de imzalanan Mudanya Ateşkes Antlaşması ile …":
"Mudanya Ateşkes Antlaşması imzalandı"). A dateline's event is the document itself: its title, or its
type.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from vakanuvis.annotate.events.predicates import Predicate, Word, plain, turkish_verb, words_of
from vakanuvis.lang import language_data
from vakanuvis.lang.tr.morphology import strip_inflection
from vakanuvis.model import Document, EntityMention, Event

MOST_WORDS = 9
LIST_NUMBER = re.compile(r"^\s*(?:\d+|[a-zA-Z])[.)]\s+")
# words that only join the clause to what came before it
LEADING_WORDS = frozenset(
    {"ve", "fakat", "ancak", "lakin", "binaenaleyh", "mamafih", "and", "but", "then", "и", "но", "а"}
)
# a date's own trailing word ("… tarihinde", "… günü") goes with it
DATE_TAILS = frozenset(
    {"tarihinde", "tarihte", "günü", "gününde", "sabahı", "akşamı", "gecesi", "on", "in", "of"}
)
DATED = frozenset({"tarihli", "tarihlü", "tarihi"})
# words a headline does not end on: what they join to the word after them ("… by Turkey and")
JOINING_WORDS = frozenset(
    {"ve", "ile", "veya", "and", "or", "of", "by", "with", "to", "through", "the", "a", "an", "и", "с", "в"}
)
HARMONY = {"a": "ı", "ı": "ı", "e": "i", "i": "i", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}
VOICELESS = "çfhkpsşt"


@cache
def _document_kinds(language: str) -> dict[str, str]:
    return dict(language_data(language, "events").get("document_kinds", {}))


def headline_of(
    document: Document,
    event: Event,
    predicate: Predicate | None,
    language: str,
    sentence_mentions: Sequence[EntityMention] | None = None,
) -> str:
    """The event's headline; `sentence_mentions`: the mentions of its sentence (all the document's when
    not given), where a name the cut would split is looked for."""
    if event.dateline:
        kinds = _document_kinds(language) or _document_kinds("tr")
        kind = kinds.get(document.type, kinds.get("other", ""))
        title = document.title.strip()
        return title if title and title.casefold() != kind.casefold() else kind
    span = document.sentences[event.sentence].span
    if predicate is None or predicate.dated_document:
        words = _clause_words(document, event, span.start, span.end)
        if words and predicate is not None and plain(words[0].text) in DATED:
            words.pop(0)
        return " ".join(w.text for w in words[:MOST_WORDS]) or event.date.text
    if language == "tr" and predicate.participle:
        described = _described_by(document, event, predicate)
        if described:
            return f"{described} {finite_past(predicate.text)}"
        noun = _noun_after(document.text, predicate.end, span.end)
        if noun:  # "İngiltere’de toplanan kongre …": "İngiltere’de kongre toplandı"
            before = _clause_words(document, event, span.start, predicate.start)[-(MOST_WORDS - 2) :]
            return " ".join([*(w.text for w in before), noun, finite_past(predicate.text)])
    end = predicate.end if language == "tr" else _segment_end(document.text, predicate.end, span.end)
    words = _clause_words(document, event, span.start, end)
    names = document.mentions if sentence_mentions is None else sentence_mentions
    if language == "tr":
        kept = words[-MOST_WORDS:]
        if kept and len(kept) < len(words):
            kept = _whole_names(words, kept, names)  # never "… Kemal Bey ile …" for "Yusuf Kemal Bey ile"
        words = kept
    else:
        words = _whole_names(words, _around(words, predicate), names)
    return " ".join(w.text for w in words)


def _whole_names(words: list[Word], kept: list[Word], names: Sequence[EntityMention]) -> list[Word]:
    """`kept`, a run of `words`, grown to the whole of a name it cuts at either end, and to the name
    after a last word that joins it ("by Turkey and Soviet Russia", not "by Turkey and"); a last joining
    word before anything else is left out ("… with Turkey through the")."""
    if not kept:
        return kept
    first, last = kept[0].start, kept[-1].end
    for mention in names:
        if mention.span.start < first < mention.span.end:
            first = mention.span.start
        if mention.span.start < last < mention.span.end:
            last = mention.span.end
    grown = [w for w in words if w.start >= first and w.end <= last]
    while len(grown) > 1 and grown[-1].text.casefold() in JOINING_WORDS:
        after = next((w for w in words if w.start >= grown[-1].end), None)
        name = next((m for m in names if after is not None and m.span.start == after.start), None)
        if name is not None:
            return [w for w in words if w.start >= first and w.end <= name.span.end]
        grown.pop()
    return grown


def _clause_words(document: Document, event: Event, start: int, end: int) -> list[Word]:
    """The words of the clause of the date, less the date and the words that go with it."""
    text = document.text
    boundary = max(
        text.rfind(";", start, event.date.span.start), text.rfind(":", start, event.date.span.start)
    )
    start = boundary + 1 if boundary >= 0 else start
    numbered = LIST_NUMBER.match(text, start)
    start = numbered.end() if numbered else start
    words = [
        w for w in words_of(text, start, end) if not (event.date.span.start <= w.start < event.date.span.end)
    ]
    after_date = [w for w in words if w.start >= event.date.span.end]
    if after_date and plain(after_date[0].text) in DATE_TAILS:
        words.remove(after_date[0])
    before_date = [w for w in words if w.end <= event.date.span.start]
    if before_date and before_date[-1].text.lower() in DATE_TAILS:
        words.remove(before_date[-1])
    while words and plain(words[0].text) in LEADING_WORDS:
        words.pop(0)
    return words


def _segment_end(text: str, position: int, end: int) -> int:
    comma = text.find(",", position, end)
    return comma if comma >= 0 else end


def _around(words: list[Word], predicate: Predicate) -> list[Word]:
    """At most MOST_WORDS words, keeping the predicate and those just before and after it."""
    if len(words) <= MOST_WORDS:
        return words
    at = next((i for i, w in enumerate(words) if w.start >= predicate.start), len(words) - 1)
    first = max(0, min(at - MOST_WORDS // 2, len(words) - MOST_WORDS))
    return words[first : first + MOST_WORDS]


def _noun_after(text: str, position: int, end: int) -> str:
    """The common noun right after a participle, which it describes ("toplanan kongre"), or ""."""
    words = words_of(text, position, end)
    if not words or text[position : words[0].start].strip() or not words[0].text[:1].islower():
        return ""
    if turkish_verb(words[0].text) is not None:
        return ""
    return strip_inflection(words[0].text, keep_possessive=True)  # "toplanan kongrede": "kongre"


def _described_by(document: Document, event: Event, predicate: Predicate) -> str:
    """The name a participle describes, as the sentence has it, without its case ending."""
    for index in (
        event.roles.get("patient", []) + event.roles.get("agent", []) + event.roles.get("instrument", [])
    ):
        mention = document.mentions[index]
        if mention.span.start >= predicate.end:
            return mention.surface
    return ""


def finite_past(participle: str) -> str:
    """ "imzalanan" → "imzalandı", "işgal edilen" → "işgal edildi", "açtığı" → "açtı": a participle
    told as a past tense."""
    head, _, last = participle.rpartition(" ")
    word = last
    for ending in ("dığı", "diği", "duğu", "düğü", "tığı", "tiği", "tuğu", "tüğü"):
        if word.endswith(ending):
            word = word[: -len(ending)] + ending[:2]
            return f"{head} {word}".strip()
    for ending in ("yan", "yen", "an", "en"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            break
    else:
        return participle
    vowels = [ch for ch in stem if ch in HARMONY]
    vowel = HARMONY[vowels[-1]] if vowels else "ı"
    if stem.endswith("d") and len(stem) <= 3:
        stem = stem[:-1] + "t"  # "eden" → "etti", "giden" → "gitti"
    consonant = "t" if stem[-1] in VOICELESS else "d"
    return f"{head} {stem}{consonant}{vowel}".strip()
