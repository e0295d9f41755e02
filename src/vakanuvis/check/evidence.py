"""Building findings whose evidence quotes the document exactly."""

from __future__ import annotations

import re
from functools import cache

from vakanuvis.lang import all_language_data
from vakanuvis.model import DateMention, Document, Evidence, Span


def evidence_at(document: Document, span: Span) -> Evidence:
    """Evidence quoting exactly the characters of `span` in `document`."""
    return Evidence(span=span, text=span.text_in(document), document=document.id)


def sentence_evidence(document: Document, sentence: int) -> Evidence:
    return evidence_at(document, document.sentences[sentence].span)


def footnote_evidence(document: Document, number: int) -> Evidence:
    note = document.footnote(number)
    return evidence_at(document, Span(0, len(note.text), number))


def governing_date(document: Document, offset: int) -> DateMention | None:
    """The narrative date in force at a body offset: the nearest event date in its sentence, else the last one
    of the sentence before it in the same paragraph (further back, the narrative has usually moved on)."""
    sentence = document.sentence_at(offset)
    if sentence is None:
        return None

    def dates_in(index: int) -> list[DateMention]:
        span = document.sentences[index].span
        return [
            m
            for m in document.dates
            if m.role == "event" and m.span.footnote is None and span.start <= m.span.start < span.end
        ]

    same_sentence = dates_in(sentence)
    if same_sentence:
        return min(same_sentence, key=lambda m: abs(m.span.start - offset))
    span = document.sentences[sentence].span
    if _moves_in_time(document.text[span.start : span.end]) or any(
        m.role == "bibliographic" and m.span.footnote is None and span.start <= m.span.start < span.end
        for m in document.dates
    ):
        return None  # "bir yıl sonra …", or a reference ("См.: …, М., 1959"): the last date no longer holds
    previous = sentence - 1
    if previous >= 0 and document.sentences[previous].block == document.sentences[sentence].block:
        return max(dates_in(previous), key=lambda m: m.span.start, default=None)
    return None


@cache
def _time_shift_pattern() -> re.Pattern[str]:
    words = {w for data in all_language_data("events").values() for w in data.get("time_shift_words", [])}
    return re.compile(
        r"(?<!\w)(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?!\w)", re.I
    )


def _moves_in_time(sentence: str) -> bool:
    return bool(_time_shift_pattern().search(sentence))
