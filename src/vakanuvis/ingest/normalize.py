"""Unicode clean-up shared by the readers: NFC, ligatures, soft hyphens, odd spaces."""

from __future__ import annotations

import unicodedata

LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
SOFT_HYPHEN = "\u00ad"
# Spaces that PDF converters emit and that should behave like a plain space.
ODD_SPACES = {"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\t": " ", "\u200b": ""}


def normalize_line(text: str) -> str:
    """NFC, ligatures expanded, odd spaces made plain; a soft hyphen survives only at the line end.

    A soft hyphen inside a line is an invisible break opportunity and is dropped; at the end of a line it
    marks a word broken by the typesetter, which structure recovery needs to know to join the halves.
    """
    for ligature, letters in LIGATURES.items():
        text = text.replace(ligature, letters)
    for odd, plain in ODD_SPACES.items():
        text = text.replace(odd, plain)
    text = text.rstrip("\r\n")
    stripped = text.rstrip()
    ends_soft = stripped.endswith(SOFT_HYPHEN)
    text = text.replace(SOFT_HYPHEN, "")
    if ends_soft:
        text = text.rstrip() + SOFT_HYPHEN
    return unicodedata.normalize("NFC", text)
