"""Folded forms of text, one per purpose: what two spellings of one thing are reduced to before comparing.

Each purpose folds its own way, and stored keys and search indexes were built with each as it is here, so
one is not changed to suit another.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import iuliia

from vakanuvis.lang.latin import CYRILLIC, to_latin
from vakanuvis.lang.tr.casing import turkish_lower

DOTTED_ABBREVIATION = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]\.?$")
# letters that a casefolded comparison key of citations should not tell apart
CITATION_KEY_LETTERS = str.maketrans({"ı": "i", "ə": "e", "ä": "e", "ß": "ss", "ø": "o", "æ": "ae"})
# Letters that NFKD does not decompose but a reader without a Turkish keyboard types otherwise.
SEARCH_LETTERS = str.maketrans({"ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d"})


def latin_lower(text: str) -> str:
    """A name in Latin letters and Turkish lower case: a dotted abbreviation closed up ('T.B.M.M' →
    'tbmm'), Cyrillic transliterated."""
    text = text.strip()
    if DOTTED_ABBREVIATION.match(text):
        text = text.replace(".", "")
    if CYRILLIC.search(text):
        text = iuliia.WIKIPEDIA.translate(text)
    return turkish_lower(text)


def bare_words(text: str) -> str:
    """The words without accents or apostrophes, separated by single spaces."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = re.sub(r"[’'`ʼ]", "", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@lru_cache(maxsize=262_144)
def fold_for_name_matching(text: str) -> str:
    """A name's case- and accent-folded form, any script: 'Nәrimanov' → 'nerimanov', 'T.B.M.M' → 'tbmm'."""
    return bare_words(latin_lower(text).replace("ı", "i").replace("ә", "e").replace("ə", "e"))


def fold_for_surname_ending(text: str) -> str:
    """A name's last word, lower-cased, to compare with the surname endings ('-oğlu', '-zade')."""
    return turkish_lower(text.split()[-1]) if text.split() else ""


@lru_cache(maxsize=65536)
def fold_for_citation_matching(text: str) -> str:
    """A citation field's comparison key: Latin, no diacritics, casefolded, letters and digits only."""
    latin = to_latin(text).casefold().translate(CITATION_KEY_LETTERS)
    decomposed = unicodedata.normalize("NFKD", latin)
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def fold_for_search(word: str) -> str:
    """A word as the search index holds it, accents and Turkish letters folded to plain Latin: "Nahçıvan" →
    "nahcivan"."""
    return turkish_lower(word).translate(_SEARCH_FOLDS)


def fold_for_search_by_decomposing(word: str) -> str:
    """`fold_for_search` as it is defined: the lowered word decomposed (NFKD), its combining marks left
    out, then SEARCH_LETTERS. The table that `fold_for_search` reads gives the same, letter by letter."""
    decomposed = unicodedata.normalize("NFKD", turkish_lower(word))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(SEARCH_LETTERS)


class _SearchFolds(dict[int, str]):
    """Each character's folded form, worked out at its first use. NFKD decomposes each character on its
    own and only reorders combining marks, which folding leaves out, so a word folds letter by letter
    (tested equal to `fold_for_search_by_decomposing` for every code point and on real words)."""

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFKD", chr(code))
        folded = "".join(c for c in decomposed if not unicodedata.combining(c)).translate(SEARCH_LETTERS)
        self[code] = folded
        return folded


_SEARCH_FOLDS = _SearchFolds()
