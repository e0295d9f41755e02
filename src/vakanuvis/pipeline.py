"""The ordered stages that turn one read file into an analysed document."""

from __future__ import annotations

import gc
import sys

from vakanuvis.annotate.citations import parse_citations
from vakanuvis.annotate.dates import tag_dates
from vakanuvis.annotate.entities import find_mentions
from vakanuvis.annotate.events import build_events
from vakanuvis.lang.tr.morphology import save_new_analyses
from vakanuvis.model import Document, RawDocument
from vakanuvis.structure import recover_structure

DOCUMENT_ID_LENGTH = 16

# What the process held when its long-lived tables were last frozen: (a document analysed, zeyrek loaded)
_frozen = (False, False)


def document_id_for(raw: RawDocument) -> str:
    """A stable id from the file's bytes: the same content always gets the same id."""
    return raw.sha256[:DOCUMENT_ID_LENGTH]


def analyse(raw: RawDocument) -> Document:
    """Structure, then each annotator on the zones it needs; events last, as they use the dates and markers."""
    document = recover_structure(raw, document_id_for(raw))
    document.dates = tag_dates(document)
    document.mentions = find_mentions(document)
    document.citations = parse_citations(document)
    document.events = build_events(document)
    save_new_analyses()  # the next process (or worker) starts with this document's words analysed
    _freeze_long_lived_tables()
    return document


def _freeze_long_lived_tables() -> None:
    """Move the tables loaded for the first document (and zeyrek's lexicon, once loaded) out of the cyclic
    garbage collector's scans.

    They are hundreds of thousands of objects that live as long as the process; each full collection
    walked them all again (about a tenth of the analysis time of a warm process). Frozen objects are
    still freed by reference counting; a collection first, so no garbage is frozen.
    """
    global _frozen
    state = (True, "zeyrek" in sys.modules)
    if state != _frozen:
        gc.collect()
        gc.freeze()
        _frozen = state
