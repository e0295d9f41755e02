"""Whether a piece of text shows anything: a name a reader cannot see cannot name an entity."""

from __future__ import annotations

import unicodedata

# Unicode categories of what shows nothing at the edge of a name: separators (spaces), controls and format
# characters (zero-width space U+200B, word joiner U+2060, byte-order mark U+FEFF, directional marks).
BLANK_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})
# Letters by category that are blank by design (Hangul fillers, the blank Braille pattern).
BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# What cannot show on its own either: surrogates, private use, unassigned, and combining marks, which
# need a letter to sit on (they are kept where they follow one).
UNSEEN_CATEGORIES = BLANK_CATEGORIES | {"Cs", "Co", "Cn", "Mn", "Me"}


def is_blank(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) in BLANK_CATEGORIES or char in BLANK_LETTERS


def is_visible(char: str) -> bool:
    return unicodedata.category(char) not in UNSEEN_CATEGORIES and char not in BLANK_LETTERS


def visible_trimmed(text: str) -> str:
    """`text` without the spaces and invisible characters at its ends; empty when nothing in it shows.

    Invisible characters inside are kept: a zero-width joiner between two letters can be part of how a
    name is spelled, and a combining mark belongs to the letter before it."""
    if not any(is_visible(char) for char in text):
        return ""
    start, end = 0, len(text)
    while is_blank(text[start]):
        start += 1
    while is_blank(text[end - 1]):
        end -= 1
    return text[start:end]
