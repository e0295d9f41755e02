"""Sentence segmentation aware of abbreviations, initials ("S.İ. Aralov") and ordinals ("11. Ordu")."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from vakanuvis.lang import LANGUAGES, language_data

END_PUNCTUATION = re.compile(r"[.!?…]+[”\"’'»)\]]*(?=\s)|[.!?…]+[”\"’'»)\]]*$")
ROMAN = re.compile(r"^[IVXLC]{1,6}$")
OPENERS = "“\"«‘'([„"
LOCATOR_AHEAD = re.compile(r"([^\W\d_]{1,4})\.\s?\d")
NON_SPACE = re.compile(r"\S")


@cache
def abbreviations() -> frozenset[str]:
    """Every language's abbreviations (written without the final dot)."""
    words: set[str] = set()
    for code in LANGUAGES:
        words.update(str(word) for word in language_data(code, "abbreviations").get("abbreviations", []))
    return frozenset(words)


@cache
def leading_abbreviations() -> frozenset[str]:
    """Abbreviations that always lead on to a word ("Dr.", "bkz.", "см."): no sentence or note ends on one."""
    words: set[str] = set()
    for code in LANGUAGES:
        words.update(str(word) for word in language_data(code, "abbreviations").get("leading", []))
    return frozenset(words)


@cache
def numeric_locators() -> frozenset[str]:
    words: set[str] = set()
    for code in LANGUAGES:
        words.update(str(word) for word in language_data(code, "abbreviations").get("numeric", []))
    return frozenset(words)


def trailing_run(text: str, stop: int, excluded: str) -> tuple[int, int]:
    """The run of characters, neither whitespace nor in `excluded`, that ends text[:stop]: what the
    regex `[^\\s…]+$` finds there (so before a final newline too), read backwards from the end instead
    of trying every position of a long paragraph. Empty (start == end) when there is none."""
    end = stop - 1 if stop > 0 and text[stop - 1] == "\n" else stop
    start = end
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in excluded:
        start -= 1
    return start, end


def word_before_dot(text: str, stop: int) -> str:
    """The word before the dot that, with whitespace after it, ends text[:stop] ("s" in "… s. "), what
    `re.search(r"(\\S+)\\.\\s*$", text[:stop])` finds, read backwards instead of copying the text before;
    "" when text[:stop] does not end so."""
    dot = stop
    while dot > 0 and text[dot - 1].isspace():
        dot -= 1
    if dot == 0 or text[dot - 1] != ".":
        return ""
    start = dot - 1
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start : dot - 1]


def period_ends_sentence(text: str, dot: int) -> bool:
    """Whether the period at `text[dot]` ends a sentence, judged by the word it closes."""
    word_start, word_end = trailing_run(text, dot, OPENERS)
    if word_start == word_end:
        return True
    word = text[word_start:word_end]
    if word in abbreviations() or word.lower() in abbreviations():
        return False
    last_part = word.rsplit(".", 1)[-1]
    if len(last_part) == 1 and last_part.isalpha() and last_part.isupper():
        return False  # an initial: "V.İ. Lenin", "İ. Ebilov"
    if "." in word and word.replace(".", "").isalpha() and all(len(p) <= 2 for p in word.split(".")):
        return False  # dotted abbreviation such as "a.g.e" or "T.C"
    if word.isdigit() and len(word) <= 3:
        if word_before_dot(text, word_start) in numeric_locators():
            return True  # a page or volume number: "s. 21."
        return False  # a Turkish ordinal: "11. Ordu", "6. Türk süvari alayı"
    if ROMAN.match(word):
        return False  # "I. Dünya Savaşı"
    return True


def segment_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence spans `(start, end)` over `text`, shifted by `start`; whitespace between them is left out."""
    spans: list[tuple[int, int]] = []
    begin = len(text) - len(text.lstrip())
    for match in END_PUNCTUATION.finditer(text):
        end = match.end()
        next_word = NON_SPACE.search(text, end)  # where text[end:].lstrip() begins, without copying it
        if next_word is None:
            break
        following = text[next_word.start()]
        if following.isalpha() and following.islower():
            continue  # "vb. gibi", "etmiştir.” beyanında"
        if following in ",;:":
            continue
        locator = LOCATOR_AHEAD.match(text, next_word.start())
        if locator and locator.group(1).lower() in numeric_locators():
            continue  # "… СССР. Т. 3. М., 1959": a reference goes on with its volume or page
        punctuation = match.group()
        if (
            punctuation[0] == "."
            and len(punctuation.rstrip("”\"’'»)]")) == 1
            and not period_ends_sentence(text, match.start())
        ):
            continue
        if end > begin:
            spans.append((start + begin, start + end))
        begin = next_word.start()
    final = text.rstrip()
    if len(final) > begin:
        spans.append((start + begin, start + len(final)))
    return spans


class SentenceIndex:
    """The sentence at an offset, found by bisection when the spans are ordered and disjoint (as the
    structure stage makes them), else by the same first-match scan as `Document.sentence_at`."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [start for start, _ in spans]
        self.ordered = all(start <= end for start, end in spans) and all(
            end <= following for (_, end), (following, _) in zip(spans, spans[1:], strict=False)
        )

    def containing(self, offset: int) -> int | None:
        """The first sentence with start <= offset < end."""
        if not self.ordered:
            return next((i for i, (start, end) in enumerate(self.spans) if start <= offset < end), None)
        index = bisect_right(self.starts, offset) - 1
        return index if index >= 0 and offset < self.spans[index][1] else None

    def carrying(self, offset: int) -> int | None:
        """The first sentence with start < offset <= end (a marker stands right after its sentence)."""
        if not self.ordered:
            return next((i for i, (start, end) in enumerate(self.spans) if start < offset <= end), None)
        index = bisect_left(self.starts, offset) - 1
        return index if index >= 0 and offset <= self.spans[index][1] else None
