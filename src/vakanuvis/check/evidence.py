"""Building findings whose evidence quotes the document exactly."""

from __future__ import annotations

from collections import defaultdict

from vakanuvis.annotate.dates.narrative import time_shift
from vakanuvis.model import DateMention, Document, Evidence, Span
from vakanuvis.structure.sentences import SentenceIndex


def evidence_at(document: Document, span: Span) -> Evidence:
    """Evidence quoting exactly the characters of `span` in `document`."""
    return Evidence(span=span, text=span.text_in(document), document=document.id)


def sentence_evidence(document: Document, sentence: int) -> Evidence:
    return evidence_at(document, document.sentences[sentence].span)


def footnote_evidence(document: Document, number: int) -> Evidence:
    note = document.footnote(number)
    return evidence_at(document, Span(0, len(note.text), number))


class SentenceDates:
    """A document's body dates by the sentence that holds them (the sentence found by bisection), worked out
    once for every `governing_date` asked of the document."""

    def __init__(self, document: Document) -> None:
        self.sentences = SentenceIndex([(s.span.start, s.span.end) for s in document.sentences])
        self.events: dict[int, list[DateMention]] = defaultdict(list)
        self.references: set[int] = set()  # sentences holding a bibliographic date
        for mention in document.dates:
            if mention.span.footnote is not None:
                continue
            sentence = self.sentences.containing(mention.span.start)
            if sentence is None:
                continue
            if mention.role == "event":
                self.events[sentence].append(mention)
            elif mention.role == "bibliographic":
                self.references.add(sentence)


def governing_date(document: Document, offset: int, dated: SentenceDates | None = None) -> DateMention | None:
    """The narrative date in force at a body offset: the nearest event date in its sentence, else the last one
    of the sentence before it in the same paragraph (further back, the narrative has usually moved on).
    `dated`: the document's `SentenceDates`, when many offsets of one document are asked."""
    dated = dated or SentenceDates(document)
    sentence = dated.sentences.containing(offset)
    if sentence is None:
        return None
    same_sentence = dated.events.get(sentence)
    if same_sentence:
        return min(same_sentence, key=lambda m: abs(m.span.start - offset))
    span = document.sentences[sentence].span
    if moves_in_time(document.text[span.start : span.end]) or sentence in dated.references:
        return None  # "bir yıl sonra …", or a reference ("См.: …, М., 1959"): the last date no longer holds
    previous = sentence - 1
    if previous >= 0 and document.sentences[previous].block == document.sentences[sentence].block:
        return max(dated.events.get(previous, []), key=lambda m: m.span.start, default=None)
    return None


def moves_in_time(sentence: str) -> bool:
    """A sentence that tells of what came before or after ("bir yıl sonra …"): the last date no longer holds."""
    return time_shift(sentence) is not None
