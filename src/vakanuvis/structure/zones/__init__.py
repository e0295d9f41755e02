"""Zoning: each page's lines become body, footnote zone or page furniture (running heads, numbers, rules).

Two paths: layout (PDF: font size and position are known) and plain text (a PDF-to-text dump, with or
without form feeds). Plain text without form feeds has its page breaks inferred from the footnote
separator (a long blank or ruled line) followed by the first line of the next page.
"""

from __future__ import annotations

from vakanuvis.model import RawDocument
from vakanuvis.structure.lines import PageZones
from vakanuvis.structure.zones.layout import zone_layout
from vakanuvis.structure.zones.text import zone_text

__all__ = ["zone_document"]


def zone_document(raw: RawDocument) -> list[PageZones]:
    """Split every page of `raw` into zones."""
    if any(line.font_size is not None for page in raw.pages for line in page.lines):
        return zone_layout(raw)
    return zone_text(raw)
