"""Latin forms of text: ALA-LC for Russian (through iuliia), the 1991 alphabet for Azerbaijani.

Azerbaijani Cyrillic is told from Russian by the letters Russian lacks (ә, ғ, ј, ҝ, ө, ү, һ, ҹ).
Latin-script Azerbaijani text often carries a Cyrillic ә or һ typed for ə and h; those words are
mapped letter for letter too. The Azerbaijani letters and marks are `lang/az/citations.yaml`'s.
"""

from __future__ import annotations

import re
from functools import lru_cache

import iuliia

from vakanuvis.lang import language_data

CYRILLIC = re.compile(r"[\u0400-\u04ff]")
WORD = re.compile(r"\S+")


def _letter_map(text: str, table: dict[str, str]) -> str:
    out = []
    for char in text:
        mapped = table.get(char.lower())
        if mapped is None:
            out.append(char)
        elif char.isupper():
            out.append(mapped[:1].upper() + mapped[1:])
        else:
            out.append(mapped)
    return "".join(out)


def _mostly_latin(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    latin = sum(1 for c in letters if not CYRILLIC.match(c))
    return latin * 2 > len(letters)


@lru_cache(maxsize=65536)
def to_latin(text: str) -> str:
    """`text` in Latin script; text without Cyrillic letters comes back unchanged."""
    if not CYRILLIC.search(text):
        return text
    azerbaijani = language_data("az", "citations")
    table = azerbaijani.get("cyrillic_to_latin") or {}
    # stray Cyrillic letters inside Latin-script words are Azerbaijani letters typed from the wrong keyboard
    text = WORD.sub(
        lambda m: _letter_map(m.group(0), table) if _mostly_latin(m.group(0)) else m.group(0), text
    )
    if not CYRILLIC.search(text):
        return text
    if any(mark in text.lower() for mark in azerbaijani.get("cyrillic_marks") or ""):
        return _letter_map(text, table)
    return str(iuliia.ALA_LC.translate(text))
