"""One process's ingest: read each file, analyse it and store it, several documents to a commit.

The knowledge base runs it in its own process; worker processes and Dask workers run the same function on
their share of the files (`workers.py`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from vakanuvis.errors import UnreadableFile, VakanuvisError
from vakanuvis.ingest import read_file
from vakanuvis.ingest.options import ReadOptions
from vakanuvis.model import Document
from vakanuvis.runtime import after_storing, analyse_in_process
from vakanuvis.sections import SectionedDocument
from vakanuvis.store.documents import given_metadata
from vakanuvis.store.write import document_id_for_sha256, save_documents

SAVE_BATCH = 16  # documents committed together at most (the first commits of an ingest hold fewer)


@dataclass
class IngestResult:
    path: Path
    document_id: str | None = None
    error: str | None = None
    stored: bool = False  # False when the same content was already stored
    warnings: list[str] = field(default_factory=list)  # one line each, from reading the file


@dataclass
class AnalysedFile:
    """A file read and analysed, waiting to be stored."""

    path: Path
    document: Document | SectionedDocument  # a big text is analysed section by section as it is stored
    warnings: list[str]


def ingest_files(
    engine: Engine,
    paths: Iterable[Path],
    *,
    force: bool = False,
    given: Mapping[str, dict[str, Any]] | None = None,
    read: ReadOptions | None = None,
    first_batch: int = 1,
) -> Iterator[IngestResult]:
    """Read, analyse and store files, each result once its document is committed (errors come back in
    the results, never raised). Documents are committed several at a time: `first_batch` (the first alone
    by default, so that the first result comes at once), then twice as many each time up to SAVE_BATCH,
    each in a savepoint of its own, so that a stopped ingest loses at most the documents analysed since
    the last commit and a document that fails to store is left out whole.

    `given` holds the metadata a user gave for some files (by path as given): a file already stored is
    analysed again when its given metadata changes what was stored. `read`: how files are read (OCR of
    scanned PDF pages)."""
    waiting: list[IngestResult | AnalysedFile] = []
    analysed: dict[str, str] = {}  # sha256 → id of the documents analysed and not yet stored
    size = max(1, min(first_batch, SAVE_BATCH))
    for path in paths:
        outcome = _analyse_file(engine, path, force, analysed, (given or {}).get(str(path), {}), read)
        waiting.append(outcome)
        if isinstance(outcome, AnalysedFile):
            analysed[outcome.document.sha256] = outcome.document.id
        if len(analysed) >= size:
            yield from _store(engine, waiting)
            waiting, analysed, size = [], {}, min(2 * size, SAVE_BATCH)
    yield from _store(engine, waiting)


def _analyse_file(
    engine: Engine,
    path: Path,
    force: bool,
    analysed: dict[str, str],
    given: dict[str, Any],
    read: ReadOptions | None = None,
) -> IngestResult | AnalysedFile:
    """The file's analysed document, or the result for a file already stored or that cannot be read."""
    try:
        raw = read_file(path, read)
        existing = analysed.get(raw.sha256) or document_id_for_sha256(engine, raw.sha256)
        stored = given_metadata(engine, existing) if existing else {}
        if existing and not force and not metadata_changes(stored, given):
            return IngestResult(path, existing, warnings=raw.warnings)
        return AnalysedFile(path, analyse_in_process(raw, {**stored, **given} or None), raw.warnings)
    except UnreadableFile as error:
        return IngestResult(path, error=str(error))
    except VakanuvisError as error:
        return IngestResult(path, error=f"{path}: {error}")
    except Exception as error:  # noqa: BLE001 — one bad file must not stop a folder's ingest
        return IngestResult(path, error=f"{path}: could not be analysed ({type(error).__name__}: {error})")


def metadata_changes(stored: dict[str, Any], given: dict[str, Any]) -> bool:
    """True when the given metadata changes what was given when the document was stored."""
    return any(stored.get(name) != value for name, value in given.items())


def _store(engine: Engine, waiting: list[IngestResult | AnalysedFile]) -> Iterator[IngestResult]:
    """Store the analysed documents among `waiting` in one transaction; the results in file order."""
    documents = [outcome.document for outcome in waiting if isinstance(outcome, AnalysedFile)]
    try:
        errors = save_documents(engine, documents) if documents else []
        after_storing(documents)
    except Exception as error:  # noqa: BLE001 — the commit failed: none of these documents is stored
        errors = [error] * len(documents)
    failures = iter(errors)
    for outcome in waiting:
        if isinstance(outcome, IngestResult):
            yield outcome
            continue
        path, document = outcome.path, outcome.document
        failure = next(failures)
        if failure is None:
            yield IngestResult(path, document.id, stored=True, warnings=outcome.warnings)
        elif isinstance(failure, VakanuvisError):
            yield IngestResult(path, error=f"{path}: {failure}", warnings=outcome.warnings)
        else:
            yield IngestResult(
                path,
                error=f"{path}: could not be stored ({type(failure).__name__}: {failure})",
                warnings=outcome.warnings,
            )
