"""What the two zoning paths share: how a running head, a rule and a page number look."""

from __future__ import annotations

import re

# A running head that carries the page number: "37  Article title" or "JOURNAL 38" / "Title   12".
HEAD_WITH_NUMBER = re.compile(r"^\s*\d{1,4}\s{2,}\S|\S\s{2,}\d{1,4}\s*$")
NOTE_END = re.compile(r"[.!?)\]][”\"’'»]*$")
# A line ending a sentence: a word's full stop, or a closing quote or bracket
ENDS_SENTENCE = re.compile(r"(?:[^\W\d_][.!?…][”\"’»)]*|[”\"»)][.!?]?)\s*$")
RULE = re.compile(r"^\s*[_\-—–=~*.·]{5,}\s*$")
BLANK_SEPARATOR_WIDTH = 20  # a line of only spaces this long is the rule above the footnotes
HEAVY_INDENT = 10  # centred or right-aligned text: running heads, not body lines


def furniture_key(text: str) -> str:
    """What stays of a running head when its page number changes: digits dropped, case folded."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "", text)).strip().casefold()


def is_separator(text: str) -> bool:
    return (len(text) >= BLANK_SEPARATOR_WIDTH and not text.strip()) or bool(RULE.match(text))
