"""The nothing-lost check: every visible character of the input is in the output somewhere."""

from __future__ import annotations

from collections import Counter

from vakanuvis.model import Document, RawDocument
from vakanuvis.structure.lines import SUPERSCRIPTS


def visible(text: str) -> Counter[str]:
    return Counter(char for char in text.translate(SUPERSCRIPTS) if not char.isspace())


def account_characters(raw: RawDocument, document: Document) -> Counter[str]:
    """Characters of `raw` not found in `document` (positive) or found but not in `raw` (negative).

    Places a character may go: the body text, a footnote's text, a furniture record (running heads,
    page numbers, separators, footnote numbers, removed hyphens) or a marker's digits. An empty result
    means nothing was lost and nothing invented.
    """
    balance: Counter[str] = Counter()
    for page in raw.pages:
        for line in page.lines:
            balance.update(visible(line.text))
    produced = visible(document.text)
    for note in document.footnotes:
        produced.update(visible(note.text))
    for item in document.furniture:
        produced.update(visible(item.text))
    for marker in document.markers:
        produced.update(visible(str(marker.number)))
    balance.subtract(produced)
    return Counter({char: count for char, count in balance.items() if count != 0})
