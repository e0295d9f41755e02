"""Split a footnote into its references and its commentary.

A footnote is cut at semicolons (outside brackets); each piece is read from the left: a stretch
ending at a page or folio locator is a reference when it is short and carries a bibliographic
signal (year, archive fields, newspaper date, back-reference). A long stretch is commentary, and
inside commentary only what follows a citing cue ("bkz.", "bak.", "см.", "see") is a reference,
up to the closing bracket or the end of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vakanuvis.annotate.citations.vocabulary import LETTER, LOWER, UPPER, YEAR, Vocabulary, vocabulary

MAX_REFERENCE_WORDS = 40
IMPRINT = re.compile(rf"(?<![{LETTER}])([{UPPER}][{LOWER}]*\.?)\s*[,.„:]\s*$")
TRIM = " \t\n\u00a0.,;:"


@dataclass(frozen=True)
class ReferenceSpan:
    """Where one reference stands in a footnote, and whether it was found inside prose."""

    start: int
    stop: int
    in_prose: bool = False


def _pieces(text: str) -> list[tuple[int, int]]:
    """Stretches of `text` between semicolons that stand outside brackets and quotes."""
    pieces, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char in "(«“[":
            depth += 1
        elif char in ")»”]":
            depth = max(0, depth - 1)
        elif char == ";" and depth == 0:
            pieces.append((start, index))
            start = index + 1
    pieces.append((start, len(text)))
    return pieces


def _trimmed(text: str, start: int, stop: int) -> tuple[int, int]:
    while start < stop and text[start] in TRIM:
        start += 1
    while stop > start and text[stop - 1] in TRIM:
        stop -= 1
    # keep the stop of a closing abbreviation ("М.", "a.g.e.") when it is part of the reference
    if (
        stop < len(text)
        and text[stop] == "."
        and stop > start
        and text[stop - 1].isalpha()
        and not text[stop - 2 : stop].isalpha()
    ):
        stop += 1
    return start, stop


def _end_of_reference(text: str, start: int, stop: int, words: Vocabulary) -> int:
    """Where the first locator (page or folio) starting in text[start:stop] ends, else `stop`."""
    ends = []
    locator = words.locator.search(text, start, stop)
    if locator:
        ends.append(locator.end())
    for match in words.archive_field.finditer(text, start, stop):
        if words.archive_field_kind.get(match.group(1).casefold()) == "folios":
            ends.append(match.end())
            break
    return min(ends) if ends else stop


def has_signal(text: str, start: int, stop: int, words: Vocabulary) -> bool:
    """True when text[start:stop] carries something only a reference carries."""
    if words.locator.search(text, start, stop) or words.back_reference.search(text, start, stop):
        return True
    if len(list(words.archive_field.finditer(text, start, stop))) >= 2 or words.archive_name.search(
        text, start, stop
    ):
        return True
    if words.newspaper_word.search(text, start, stop):
        return True
    date = words.issue_date.search(text, start, stop)
    if (
        date
        and text[start : date.start()].rstrip().endswith(",")
        and len(text[start : date.start()].split()) <= 5
    ):
        return True  # "Hakimiyet-i Milliye, 12 Mart 1921"
    years = list(YEAR.finditer(text, start, stop))
    if years and words.journal_word.search(text, start, stop):
        return True
    for year in years:
        # an imprint: a known place or a city abbreviation, a stop or comma, the year ("М., 1959")
        imprint = IMPRINT.search(text, start, year.start())
        if imprint and (
            imprint.group(1).casefold() in words.places or len(imprint.group(1).rstrip(".")) <= 2
        ):
            return True
    # without a locator, a reference ends with its imprint year
    return bool(years) and stop - years[-1].end() <= 12


def _cited_in_prose(text: str, start: int, stop: int, words: Vocabulary) -> list[ReferenceSpan]:
    found = []
    for cue in words.commentary_cue.finditer(text, start, stop):
        opened = text.rfind("(", start, cue.start())
        closed = text.find(")", cue.end(), stop)
        if opened != -1 and closed != -1 and text.rfind(")", opened, cue.start()) == -1:
            end = closed
        else:
            sentence = re.search(r"\.\s+(?=[A-ZÇĞİÖŞÜА-ЯЁ])", text[cue.end() : stop])
            end = cue.end() + sentence.start() if sentence else stop
        begin, end = _trimmed(text, cue.end(), end)
        if begin < end and has_signal(text, begin, end, words):
            found.append(ReferenceSpan(begin, end, in_prose=True))
    return found


def reference_spans(text: str) -> list[ReferenceSpan]:
    """The references of one footnote's text, in order."""
    words = vocabulary()
    spans: list[ReferenceSpan] = []
    for piece_start, piece_stop in _pieces(text):
        position = piece_start
        while True:
            position, _ = _trimmed(text, position, piece_stop)
            if position >= piece_stop:
                break
            end = _end_of_reference(text, position, piece_stop, words)
            cues = list(words.commentary_cue.finditer(text, position, end))
            begin = cues[-1].end() if cues else position
            begin, stop = _trimmed(text, begin, end)
            if (
                begin < stop
                and len(text[begin:stop].split()) <= MAX_REFERENCE_WORDS
                and has_signal(text, begin, stop, words)
            ):
                spans.append(ReferenceSpan(begin, stop, in_prose=bool(cues)))
                position = end
                continue
            spans.extend(_cited_in_prose(text, position, piece_stop, words))
            break
    return spans
