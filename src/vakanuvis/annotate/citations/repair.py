"""Separate run-together words that OCR glued ("Документывнешнейполитики" -> "Документы внешней политики").

The segmentation maximizes the product of word probabilities (a unigram model from `wordfreq`,
whose lists hold surface forms, so Russian inflections are words of their own). A piece that is
no word costs much more than any word, so known words win. Where OCR misread letters (ш for ия,
и for й) one confusion per word may be undone, at a cost, when it turns a non-word into a word.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from vakanuvis.annotate.citations.vocabulary import vocabulary
from vakanuvis.lang.word_frequencies import frequency, has_list, zipf_frequency

LONGEST_WORD = 24
CYRILLIC_LANGUAGES = {"ru", "uk", "bg", "sr"}
# log10 probabilities: a real word costs its frequency, an unknown piece much more per letter
UNKNOWN_PIECE = -9.0
UNKNOWN_LETTER = -2.0
CONFUSION_COST = -1.5
KNOWN_ZIPF = 2.0  # a whole token at least this common is left alone
# one-letter words that exist in the language; every other single letter is a fragment
SINGLE_LETTER_WORDS = {"ru": set("вскиоуая"), "tr": set("o"), "az": set("o"), "en": set("ai")}

TOKEN = re.compile(r"[^\W\d_]+", re.UNICODE)
LOWER_UPPER = re.compile(r"(?<=[a-zа-яё])(?=[A-ZА-ЯЁ]{2})")


def _word_logprob(word: str, language: str) -> float | None:
    """log10 probability of `word`, or None when it is not a word of `language`."""
    if len(word) == 1 and word not in SINGLE_LETTER_WORDS.get(language, set()):
        return None
    # wordfreq's lists are read (from a table on disk) only when a glued word is to be repaired
    found = frequency(word, language) if has_list(language) else 0.0
    return math.log10(found) if found else None


def _variants(piece: str) -> list[tuple[str, str]]:
    """`(lookup form, output form)` of `piece` with at most one OCR confusion undone."""
    found = [(piece.casefold(), piece)]
    for wrong, rights in vocabulary().ocr_confusions.items():
        start = piece.find(wrong)
        while start != -1:
            for right in rights:
                repaired = piece[:start] + right + piece[start + len(wrong) :]
                found.append((repaired.casefold(), repaired))
            start = piece.find(wrong, start + 1)
    return found


def segment_word(token: str, language: str = "ru") -> list[str]:
    """The most probable split of one glued token into words (OCR confusions undone where needed)."""
    return list(_segmentation(token, language))


@lru_cache(maxsize=65_536)
def _segmentation(token: str, language: str) -> tuple[str, ...]:
    # the same glued title recurs in every footnote citing the work: split it once per process
    size = len(token)
    best: list[tuple[float, int, str]] = [(0.0, 0, "")] + [(-math.inf, 0, "")] * size
    for end in range(1, size + 1):
        for start in range(max(0, end - LONGEST_WORD), end):
            if best[start][0] == -math.inf:
                continue
            piece = token[start:end]
            options: list[tuple[float, str]] = []
            for index, (lookup, output) in enumerate(_variants(piece)):
                logprob = _word_logprob(lookup, language)
                if logprob is not None:
                    options.append((logprob + (CONFUSION_COST if index else 0.0), output))
            if not options:
                options.append((UNKNOWN_PIECE + UNKNOWN_LETTER * len(piece), piece))
            score, output = max(options)
            total = best[start][0] + score
            if total > best[end][0]:
                best[end] = (total, start, output)
    words: list[str] = []
    position = size
    while position > 0:
        _, start, output = best[position]
        words.append(output)
        position = start
    return tuple(reversed(words))


def _in_script(token: str, language: str) -> bool:
    cyrillic = all("\u0400" <= char <= "\u04ff" for char in token)
    return cyrillic if language in CYRILLIC_LANGUAGES else not cyrillic


@lru_cache(maxsize=262_144)
def _needs_repair(token: str, language: str) -> bool:
    # short tokens are mostly real words OCR misspelt; splitting them does harm
    if len(token) < 10 or not _in_script(token, language):
        return False
    return zipf_frequency(token.casefold(), language) < KNOWN_ZIPF


def repair_run_together(text: str, language: str = "ru") -> str:
    """`text` with glued words separated; words already known and non-letters are left as they are."""
    text = LOWER_UPPER.sub(" ", text)

    def repair(match: re.Match[str]) -> str:
        token = match.group(0)
        if not _needs_repair(token, language):
            return token
        words = segment_word(token, language)
        # keep the split only if every piece is a word: a half-known split reads worse than the original
        if all(_word_logprob(word.casefold(), language) is not None for word in words):
            return " ".join(words)
        return token

    return TOKEN.sub(repair, text)
