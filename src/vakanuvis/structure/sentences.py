"""Sentence segmentation aware of abbreviations, initials ("S.İ. Aralov") and ordinals ("11. Ordu")."""

from __future__ import annotations

import re
from functools import cache

from vakanuvis.lang import LANGUAGES, language_data

END_PUNCTUATION = re.compile(r"[.!?…]+[”\"’'»)\]]*(?=\s)|[.!?…]+[”\"’'»)\]]*$")
ROMAN = re.compile(r"^[IVXLC]{1,6}$")
OPENERS = "“\"«‘'([„"
LOCATOR_AHEAD = re.compile(r"([^\W\d_]{1,4})\.\s?\d")


@cache
def abbreviations() -> frozenset[str]:
    """Every language's abbreviations (written without the final dot)."""
    words: set[str] = set()
    for code in LANGUAGES:
        words.update(str(word) for word in language_data(code, "abbreviations").get("abbreviations", []))
    return frozenset(words)


@cache
def numeric_locators() -> frozenset[str]:
    words: set[str] = set()
    for code in LANGUAGES:
        words.update(str(word) for word in language_data(code, "abbreviations").get("numeric", []))
    return frozenset(words)


def period_ends_sentence(text: str, dot: int) -> bool:
    """Whether the period at `text[dot]` ends a sentence, judged by the word it closes."""
    match = re.search(r"[^\s" + re.escape(OPENERS) + r"]+$", text[:dot])
    if not match:
        return True
    word = match.group()
    if word in abbreviations() or word.lower() in abbreviations():
        return False
    last_part = word.rsplit(".", 1)[-1]
    if len(last_part) == 1 and last_part.isalpha() and last_part.isupper():
        return False  # an initial: "V.İ. Lenin", "İ. Ebilov"
    if "." in word and word.replace(".", "").isalpha() and all(len(p) <= 2 for p in word.split(".")):
        return False  # dotted abbreviation such as "a.g.e" or "T.C"
    if word.isdigit() and len(word) <= 3:
        before = re.search(r"(\S+)\.\s*$", text[: match.start()])
        if before and before.group(1) in numeric_locators():
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
        rest = text[end:].lstrip()
        if not rest:
            break
        following = rest[0]
        if following.isalpha() and following.islower():
            continue  # "vb. gibi", "etmiştir.” beyanında"
        if following in ",;:":
            continue
        locator = LOCATOR_AHEAD.match(rest)
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
        begin = len(text) - len(rest)
    final = text.rstrip()
    if len(final) > begin:
        spans.append((start + begin, start + len(final)))
    return spans
