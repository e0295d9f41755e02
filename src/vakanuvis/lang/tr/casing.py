"""Turkish casing: the dotted and dotless i (İ/i, I/ı), which Python's own `lower` and `upper` do not know."""

from __future__ import annotations

from functools import lru_cache

# "i" and a combining dot above: what a casing that does not know Turkish makes of "İ" ("İ".lower())
I_WITH_COMBINING_DOT = "i\u0307"


def turkish_lower_keeping_dot_above(text: str) -> str:
    """Lower case with the Turkish dotted and dotless i (İ→i, I→ı); an "i" already followed by a
    combining dot above stays as written.

    The date lexicon's keys and the search index's terms were built with this form, so they keep it.
    """
    return text.replace("İ", "i").replace("I", "ı").lower()


@lru_cache(maxsize=262_144)
def turkish_lower(text: str) -> str:
    """Lower case with the Turkish dotted and dotless i (İ→i, I→ı); an "i" with a combining dot above
    ("i̇stanbul", left by a casing that does not know Turkish) becomes a plain "i"."""
    return turkish_lower_keeping_dot_above(text).replace(I_WITH_COMBINING_DOT, "i")


def turkish_upper(text: str) -> str:
    """Upper case with the Turkish dotted and dotless i (i→İ, ı→I)."""
    return text.replace("i", "İ").replace("ı", "I").upper()
