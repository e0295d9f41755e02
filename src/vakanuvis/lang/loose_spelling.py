"""A looser spelling key than the resolver's `name_key`, for reconciliation: the French, German and English
transliterations of the period's names and common OCR misreadings folded together, so that 'Tchitcherine',
'Tschitscherin' and 'Chicherin', 'Narimanoff' and 'Narimanov', 'Errnenistan' and 'Ermenistan' meet.

It folds far more than `name_key` and so confuses more names; reconciliation scores a fit of loose keys below
a fit of name keys, and the resolver of documents never uses it."""

from __future__ import annotations

import re
from functools import lru_cache

# In the order applied, to a word already folded by `name_key` (lower case, no accents, ç as "ch", ş as
# "sh", c as "j").
_SPELLINGS = (
    ("tsch", "ch"),  # German: Tschitscherin
    ("tch", "ch"),  # French: Tchitcherine
    ("sch", "sh"),  # German: Pascha
    ("sh", "ch"),  # French writes ş as "ch" (Sarikamich), English ç as "ch": the loose key joins them
    ("ou", "u"),  # French: Frounze, Bakou, Raouf
    ("y", "i"),  # Samy, Noury, Ganetzky
    ("rn", "m"),  # OCR: "rn" read for "m" (Errnenistan, Kernal)
    ("tz", "ts"),  # German: Ganetzky
)
_DOUBLED = re.compile(r"(.)\1+")  # Talaat, Haskell, Narimanoff
_ENDINGS = (("ow", "ov"), ("of", "ov"))  # German and French -ow, -off: Narimanow, Narimanoff
SHORTEST_CUT = 5  # a word this long or longer loses its ending vowel: Lénine, Anatolie, Arménie


@lru_cache(maxsize=65_536)
def loose_word(word: str) -> str:
    """One word of a `name_key` in its loose spelling: 'tchitcherine' → 'chicherin'."""
    for spelling, replacement in _SPELLINGS:
        word = word.replace(spelling, replacement)
    word = _DOUBLED.sub(r"\1", word)
    if len(word) >= SHORTEST_CUT:
        for ending, replacement in _ENDINGS:
            if word.endswith(ending):
                word = word[: -len(ending)] + replacement
        if word[-1] in "ae":
            word = word[:-1]
    return word


def loose_key(key: str) -> str:
    """A `name_key` in its loose spelling, word by word."""
    return " ".join(loose_word(word) for word in key.split())
