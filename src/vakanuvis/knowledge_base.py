"""The Python API: one knowledge base, the operations the CLI and the HTTP API offer."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from vakanuvis.check import run_checks
from vakanuvis.errors import BadOption, UnknownDocument, UnreadableFile, VakanuvisError
from vakanuvis.export.snapshot import Snapshot, cited_sources, mentioned_entities
from vakanuvis.ingest import find_input_files, read_file
from vakanuvis.model import Document, Finding
from vakanuvis.pipeline import analyse, document_id_for
from vakanuvis.store import queries
from vakanuvis.store.database import database_location_default, open_database
from vakanuvis.store.documents import document_ids, load_document, load_entities, load_sources
from vakanuvis.store.resolution import needs_resolution, resolve_corpus, resolve_pending
from vakanuvis.store.write import document_id_for_sha256, save_documents
from vakanuvis.workers import (
    file_sha256,
    ingest_with_dask,
    ingest_with_processes,
    rare_garbage_collections,
)

SAVE_BATCH = 16  # documents committed together at most (the first commits of an ingest hold fewer)


@dataclass
class IngestResult:
    path: Path
    document_id: str | None = None
    error: str | None = None
    stored: bool = False  # False when the same content was already stored


class KnowledgeBase:
    """A knowledge base at a SQLite path or PostgreSQL URL."""

    def __init__(self, location: str | None = None, engine: Engine | None = None) -> None:
        self.location = location or database_location_default()
        self.engine = engine or open_database(self.location)
        self.dask_client_factory: Callable | None = None  # tests hand in a LocalCluster's client

    # ---------------------------------------------------------------- writing

    def ingest(
        self,
        paths: Iterable[Path],
        *,
        force: bool = False,
        on_file: Callable[[IngestResult], None] | None = None,
        workers: int = 1,
        dask_address: str | None = None,
    ) -> list[IngestResult]:
        """Read, analyse and store each file (folders recursively); each document is stored whole or not
        at all (several share a commit, `ingest_files`).

        Unchanged files (same bytes) are skipped, so an interrupted ingest resumes where it stopped.
        With `workers` > 1 or a Dask scheduler address, worker processes analyse and store in parallel.
        """
        files = find_input_files(list(paths))
        results: list[IngestResult] = []
        pending: list[Path] = []
        for path in files:  # known content is answered at once, without reading or analysing it again
            sha256 = None if force else file_sha256(path)
            existing = sha256 and document_id_for_sha256(self.engine, sha256)
            if existing:
                results.append(IngestResult(path, existing))
                if on_file:
                    on_file(results[-1])
            else:
                pending.append(path)
        if dask_address or (workers > 1 and len(pending) > 1):
            if self.location is None or self.location == ":memory:":
                raise BadOption("parallel ingest needs a database that every worker can open (--db)")
            if dask_address:
                finished = ingest_with_dask(
                    pending, self.location, force, dask_address, self.dask_client_factory
                )
            else:
                finished = ingest_with_processes(pending, self.location, force, workers)
        else:
            finished = self.ingest_files(pending, force=force)
        with rare_garbage_collections():
            for result in finished:
                results.append(result)
                if on_file:
                    on_file(result)
            if any(result.stored for result in results) or needs_resolution(self.engine):
                resolve_pending(self.engine)  # only what these documents touch, never the whole corpus again
        return results

    def resolve(self, *, again: bool = False) -> None:
        """Resolve what waits (or, with `again`, every document from nothing) into entities and works."""
        if again:
            resolve_corpus(self.engine)
        else:
            resolve_pending(self.engine)

    def ingest_file(self, path: Path, *, force: bool = False) -> IngestResult:
        """Read, analyse and store one file; errors come back in the result, never raised."""
        (result,) = self.ingest_files([path], force=force)
        return result

    def ingest_files(self, paths: Iterable[Path], *, force: bool = False) -> Iterator[IngestResult]:
        """Read, analyse and store files, each result once its document is committed (errors come back in
        the results, never raised). Documents are committed several at a time: the first alone, then 2, 4…
        up to SAVE_BATCH, each in a savepoint of its own, so that a stopped ingest loses at most the
        documents analysed since the last commit and a document that fails to store is left out whole."""
        waiting: list[IngestResult | tuple[Path, Document]] = []
        analysed: dict[str, str] = {}  # sha256 → id of the documents analysed and not yet stored
        size = 1
        for path in paths:
            outcome = self._analyse_file(path, force, analysed)
            waiting.append(outcome)
            if isinstance(outcome, tuple):
                analysed[outcome[1].sha256] = outcome[1].id
            if len(analysed) >= size:
                yield from self._store(waiting)
                waiting, analysed, size = [], {}, min(2 * size, SAVE_BATCH)
        yield from self._store(waiting)

    def _analyse_file(
        self, path: Path, force: bool, analysed: dict[str, str]
    ) -> IngestResult | tuple[Path, Document]:
        """The file's analysed document, or the result for a file already stored or that cannot be read."""
        try:
            raw = read_file(path)
            existing = analysed.get(raw.sha256) or document_id_for_sha256(self.engine, raw.sha256)
            if existing and not force:
                return IngestResult(path, existing)
            return path, analyse(raw)
        except UnreadableFile as error:
            return IngestResult(path, error=str(error))
        except VakanuvisError as error:
            return IngestResult(path, error=f"{path}: {error}")
        except Exception as error:  # noqa: BLE001 — one bad file must not stop a folder's ingest
            return IngestResult(
                path, error=f"{path}: could not be analysed ({type(error).__name__}: {error})"
            )

    def _store(self, waiting: list[IngestResult | tuple[Path, Document]]) -> Iterator[IngestResult]:
        """Store the analysed documents among `waiting` in one transaction; the results in file order."""
        documents = [outcome[1] for outcome in waiting if isinstance(outcome, tuple)]
        try:
            errors = save_documents(self.engine, documents) if documents else []
        except Exception as error:  # noqa: BLE001 — the commit failed: none of these documents is stored
            errors = [error] * len(documents)
        failures = iter(errors)
        for outcome in waiting:
            if isinstance(outcome, IngestResult):
                yield outcome
                continue
            path, document = outcome
            failure = next(failures)
            if failure is None:
                yield IngestResult(path, document.id, stored=True)
            elif isinstance(failure, VakanuvisError):
                yield IngestResult(path, error=f"{path}: {failure}")
            else:
                yield IngestResult(
                    path, error=f"{path}: could not be stored ({type(failure).__name__}: {failure})"
                )

    # ---------------------------------------------------------------- reading

    def documents(self) -> list[dict[str, Any]]:
        return queries.list_documents(self.engine)

    def text(self, document_id: str) -> str:
        return queries.document_text(self.engine, document_id)

    def footnotes(self, document_id: str) -> list[dict[str, Any]]:
        return queries.list_footnotes(self.engine, document_id)

    def events(self, document_id: str | None = None, **filters: Any) -> list[dict[str, Any]]:
        return queries.list_events(self.engine, document_id, **filters)

    def merged_events(self, **filters: Any) -> list[dict[str, Any]]:
        """Events of all documents grouped into happenings, each with all its reports and sources."""
        from vakanuvis.store.merged import merged_events

        return merged_events(self.engine, **filters)

    def entities(self, document_id: str | None = None) -> list[dict[str, Any]]:
        return queries.list_entities(self.engine, document_id)

    def entity(self, key_or_name: str) -> dict[str, Any]:
        return queries.entity_detail(self.engine, key_or_name)

    def sources(self, document_id: str | None = None) -> list[dict[str, Any]]:
        return queries.list_sources(self.engine, document_id)

    def source(self, source_id: str) -> dict[str, Any]:
        return queries.source_detail(self.engine, source_id)

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Hits over sentences, footnotes, sources and entities, best first."""
        from vakanuvis.store.search import search_knowledge_base

        return search_knowledge_base(self.engine, query, limit=limit)

    # ---------------------------------------------------------------- edits (recorded, undoable)

    def rename_entity(self, key: str, name: str, *, by: str = "default") -> dict[str, Any]:
        from vakanuvis.store import edits

        return edits.rename_entity(self.engine, key, name, by)

    def merge_entities(self, into: str, merge: list[str], *, by: str = "default") -> dict[str, Any]:
        from vakanuvis.store import edits

        return edits.merge_entities(self.engine, into, merge, by)

    def correct_event_date(self, event_id: str, edtf: str, *, by: str = "default") -> dict[str, Any]:
        from vakanuvis.store import edits

        return edits.correct_event_date(self.engine, event_id, edtf, by)

    def edits(self) -> list[dict[str, Any]]:
        """Every edit, newest first."""
        from vakanuvis.store import edits

        return edits.list_edits(self.engine)

    def undo_edit(self, edit_id: int, *, by: str = "default") -> dict[str, Any]:
        from vakanuvis.store import edits

        return edits.undo_edit(self.engine, edit_id, by)

    def load_documents(self, document_id: str | None = None) -> list[Document]:
        """One stored document, or all of them, back in the data model."""
        ids = [document_id] if document_id else document_ids(self.engine)
        return [load_document(self.engine, each) for each in ids]

    def snapshot(self, document_id: str | None = None) -> Snapshot:
        """One document, or the whole corpus, with the entities and works it involves, for export."""
        documents = self.load_documents(document_id)
        return Snapshot(
            documents=documents,
            entities=mentioned_entities(documents, load_entities(self.engine)),
            sources=cited_sources(documents, load_sources(self.engine)),
            events=self.events(document_id),
        )

    def findings(self, document_id: str | None = None) -> list[Finding]:
        """What looks wrong: in one document (compared with the others for dates), or in the whole corpus."""
        documents = self.load_documents()
        if document_id and all(document.id != document_id for document in documents):
            raise UnknownDocument(document_id)
        findings = run_checks(documents, load_entities(self.engine))
        if document_id:
            findings = [f for f in findings if any(e.document == document_id for e in f.evidence)]
        return findings


__all__ = ["KnowledgeBase", "IngestResult", "document_id_for"]
