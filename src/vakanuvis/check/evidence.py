"""Building findings whose evidence quotes the document exactly."""

from __future__ import annotations

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
    """The narrative date in force at a body offset: the last event date before it in the same block."""
    block_start = 0
    for block in document.blocks:
        if block.span.start <= offset < block.span.end:
            block_start = block.span.start
            break
    candidates = [
        mention
        for mention in document.dates
        if mention.role == "event"
        and mention.span.footnote is None
        and block_start <= mention.span.start
        and mention.span.start <= offset
    ]
    sentence = document.sentence_at(offset)
    if sentence is not None:
        # A date later in the same sentence governs it too ("Sovyet Birliği ... 1920’de").
        end = document.sentences[sentence].span.end
        candidates += [
            m
            for m in document.dates
            if m.role == "event" and m.span.footnote is None and offset < m.span.start < end
        ]
        same_sentence = [m for m in candidates if document.sentence_at(m.span.start) == sentence]
        if same_sentence:
            return min(same_sentence, key=lambda m: abs(m.span.start - offset))
    return max(candidates, key=lambda m: m.span.start, default=None)
