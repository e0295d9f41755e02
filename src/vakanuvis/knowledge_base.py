"""The Python API: one knowledge base, the operations the CLI and the HTTP API offer."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from vakanuvis.errors import BadOption, UnknownDocument, UnknownRecord
from vakanuvis.model import ACTING_ROLES, Document, Finding, Source
from vakanuvis.records import (
    LISTED_APART_FROM_DOCUMENTS,
    actor_network,
    annotation_records,
    document_record,
    period_bound,
    places_with_events,
    sentence_records,
)
from vakanuvis.store import edits, queries
from vakanuvis.store.database import database_location_default, open_database
from vakanuvis.store.documents import (
    DocumentWindow,
    block_bounds,
    content_state,
    document_ids,
    document_length,
    given_metadata,
    load_document,
    load_document_window,
    load_entities,
    load_sources,
)

if TYPE_CHECKING:
    from vakanuvis.export.snapshot import Snapshot
    from vakanuvis.ingest.metadata import GivenMetadata
    from vakanuvis.ingest.options import ReadOptions
    from vakanuvis.intake import IngestResult
    from vakanuvis.resolve.reconcile import ReconciliationIndex
    from vakanuvis.store.findings import KeptFindings

# The pipeline, the checks, the exports and the workers are imported by the methods that use them: a query
# command (`documents`, `search`, `events`…) starts without loading what reading and analysing need.

DRAWN_KEPT = 256  # networks and maps kept for the state they were drawn in
ANSWERS_KEPT = 1024  # encoded answers (entity pages) kept for the state they were made in


class KnowledgeBase:
    """A knowledge base at a SQLite path or PostgreSQL URL."""

    def __init__(self, location: str | None = None, engine: Engine | None = None) -> None:
        self.location = location or database_location_default()
        self.engine = engine or open_database(self.location)
        self.dask_client_factory: Callable | None = None  # tests hand in a LocalCluster's client
        # the checks' findings and the state of the knowledge base they were found in
        self._checked: tuple[str, list[dict[str, Any]]] | None = None
        # each document's findings as last found or read from the database (check.incremental)
        self._kept: dict[str, KeptFindings] = {}
        # maps and networks drawn over the whole corpus, each with the state it was drawn in
        self._drawn: dict[tuple, tuple[str, Any]] = {}
        self._answers: dict[tuple, tuple[str, Any]] = {}

    # ---------------------------------------------------------------- writing

    def ingest(
        self,
        paths: Iterable[Path],
        *,
        force: bool = False,
        on_file: Callable[[IngestResult], None] | None = None,
        workers: int = 1,
        dask_address: str | None = None,
        metadata: GivenMetadata | None = None,
        read: ReadOptions | None = None,
        check: bool = False,
    ) -> list[IngestResult]:
        """Read, analyse and store each file (folders recursively); each document is stored whole or not
        at all (several share a commit, `ingest_files`).

        Unchanged files (same bytes) are skipped, so an interrupted ingest resumes where it stopped; a
        file whose given `metadata` changes what was given before is analysed again. With `workers` > 1
        or a Dask scheduler address, worker processes analyse and store in parallel (and read scanned
        PDF pages by OCR, as `read` says: by default the pages without a text layer). With `check`, the
        documents this ingest changed (those stored, and those whose entities or works resolving them
        changed) are checked now and their findings kept, so that `finding_records` answers at once.
        """
        from vakanuvis.ingest import find_input_files
        from vakanuvis.intake import IngestResult, ingest_files, metadata_changes
        from vakanuvis.runtime import rare_garbage_collections
        from vakanuvis.store.resolution import needs_resolution, resolve_pending
        from vakanuvis.store.write import document_id_for_sha256
        from vakanuvis.workers import file_sha256, ingest_with_dask, ingest_with_processes

        files = find_input_files(list(paths))
        given = {str(path): metadata.for_file(path) for path in files} if metadata else {}
        given = {path: fields for path, fields in given.items() if fields}
        results: list[IngestResult] = []
        pending: list[Path] = []
        for path in files:  # known content is answered at once, without reading or analysing it again
            sha256 = None if force else file_sha256(path)
            existing = sha256 and document_id_for_sha256(self.engine, sha256)
            fields = given.get(str(path))
            if existing and fields and metadata_changes(given_metadata(self.engine, existing), fields):
                existing = None
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
                    pending, self.location, force, dask_address, self.dask_client_factory, given, read
                )
            else:
                finished = ingest_with_processes(pending, self.location, force, workers, given, read)
        else:
            finished = ingest_files(self.engine, pending, force=force, given=given, read=read)
        with rare_garbage_collections():
            for result in finished:
                results.append(result)
                if on_file:
                    on_file(result)
            if any(result.stored for result in results) or needs_resolution(self.engine):
                resolve_pending(self.engine)  # only what these documents touch, never the whole corpus again
        if check:
            self._checked_records()
        return results

    def resolve(self, *, again: bool = False) -> None:
        """Resolve what waits (or, with `again`, every document from nothing) into entities and works."""
        from vakanuvis.store.resolution import resolve_corpus, resolve_pending

        if again:
            resolve_corpus(self.engine)
        else:
            resolve_pending(self.engine)

    def document_with_content(self, sha256: str) -> str | None:
        """The id of the stored document whose file had these bytes (its SHA-256), if there is one."""
        from vakanuvis.store.write import document_id_for_sha256

        return document_id_for_sha256(self.engine, sha256)

    def ingest_file(self, path: Path, *, force: bool = False) -> IngestResult:
        """Read, analyse and store one file; errors come back in the result, never raised."""
        (result,) = self.ingest_files([path], force=force)
        return result

    def ingest_files(self, paths: Iterable[Path], *, force: bool = False) -> Iterator[IngestResult]:
        """Read, analyse and store files in this process, each result once its document is committed."""
        from vakanuvis.intake import ingest_files

        return ingest_files(self.engine, paths, force=force)

    # ---------------------------------------------------------------- reading

    def documents(self) -> list[dict[str, Any]]:
        """The stored documents' fields, without their text, in the order they were stored."""
        return queries.list_documents(self.engine, leave_out=LISTED_APART_FROM_DOCUMENTS)

    def document(self, document_id: str, *, start: int = 0, end: int | None = None) -> dict[str, Any]:
        """One document: its metadata, cleaned text, blocks, pages and sentences; only those of [start,
        end) of its text, widened to whole blocks, when they do not cover it all (`window` says which
        stretch the answer holds; offsets stay the document's)."""
        window = self._window(document_id, start, end)
        if window is None:
            return document_record(load_document(self.engine, document_id))
        return document_record(window.document, window, self._narrative_times(document_id))

    def annotations(self, document_id: str, *, start: int = 0, end: int | None = None) -> dict[str, Any]:
        """Every span of one document: dates, mentions (with their entities), markers, footnotes with
        their citations; only those of [start, end) of its text (widened to whole blocks) and the
        footnotes whose markers stand there, when they do not cover it all."""
        window = self._window(document_id, start, end)
        document = window.document if window else load_document(self.engine, document_id)
        names = queries.entity_names(self.engine, {m.entity_key for m in document.mentions if m.entity_key})
        return annotation_records(document, names, window)

    def _window(self, document_id: str, start: int, end: int | None) -> DocumentWindow | None:
        """The stretch of the document [start, end) asks for, or None when it covers the whole text."""
        length = document_length(self.engine, document_id)
        if start <= 0 and (end is None or end >= length):
            return None
        first, last = block_bounds(self.engine, document_id, start, length if end is None else end)
        return load_document_window(self.engine, document_id, first, last, length)

    def _narrative_times(self, document_id: str) -> list[Any]:
        """The reference period of each of the document's sentences, worked out again only when the
        knowledge base has changed."""

        def draw() -> list[Any]:
            from vakanuvis.annotate.dates.narrative import narrative_times

            leave_out = ("mentions", "citations", "events", "furniture")
            return narrative_times(load_document(self.engine, document_id, leave_out=leave_out))

        return self._drawn_in_this_state(("narrative-times", document_id), draw)

    def text(self, document_id: str) -> str:
        return queries.document_text(self.engine, document_id)

    def sentences(self, document_id: str) -> list[dict[str, Any]]:
        """A document's sentences, each with its text and the period its narrative is at."""
        return sentence_records(load_document(self.engine, document_id))

    def footnotes(
        self, document_id: str, *, limit: int | None = None, offset: int = 0
    ) -> list[dict[str, Any]]:
        """The document's footnotes by number (`limit` of them from the `offset`-th, when given)."""
        return queries.list_footnotes(self.engine, document_id, limit=limit, offset=offset)

    def count_footnotes(self, document_id: str) -> int:
        return queries.count_footnotes(self.engine, document_id)

    def events(
        self,
        document_id: str | None = None,
        *,
        date_from: str | date | None = None,
        date_to: str | date | None = None,
        actor: str | None = None,
        place: str | None = None,
        overlapping: bool = False,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events in chronological order; bounds as dates or as YYYY, YYYY-MM or YYYY-MM-DD. A period holds
        the events wholly inside it; with `overlapping` also those that reach into it. `limit` and
        `offset` give one page of them."""
        return queries.list_events(
            self.engine,
            document_id,
            **self._event_filters(date_from, date_to, actor, place, overlapping),
            limit=limit,
            offset=offset,
        )

    def count_events(
        self,
        document_id: str | None = None,
        *,
        date_from: str | date | None = None,
        date_to: str | date | None = None,
        actor: str | None = None,
        place: str | None = None,
        overlapping: bool = False,
    ) -> int:
        """How many events `events` would give for these filters, without reading them."""
        return queries.count_events(
            self.engine, document_id, **self._event_filters(date_from, date_to, actor, place, overlapping)
        )

    @staticmethod
    def _event_filters(date_from, date_to, actor, place, overlapping) -> dict[str, Any]:
        return {
            "date_from": period_bound(date_from, last=False, option="from"),
            "date_to": period_bound(date_to, last=True, option="to"),
            "actor": actor,
            "place": place,
            "overlapping": overlapping,
        }

    def merged_events(
        self,
        *,
        date_from: str | date | None = None,
        date_to: str | date | None = None,
        actor: str | None = None,
        place: str | None = None,
        overlapping: bool = False,
    ) -> list[dict[str, Any]]:
        """Events of all documents grouped into happenings, each with all its reports and sources."""
        from vakanuvis.store.merged import merged_events

        return merged_events(
            self.engine,
            date_from=period_bound(date_from, last=False, option="from"),
            date_to=period_bound(date_to, last=True, option="to"),
            actor=actor,
            place=place,
            overlapping=overlapping,
        )

    def entities(self, document_id: str | None = None, *, type: str | None = None) -> list[dict[str, Any]]:
        """Entities with their mention counts, most mentioned first; only one type when `type` is given."""
        found = queries.list_entities(self.engine, document_id)
        return [entity for entity in found if entity["type"] == type] if type else found

    def entity(
        self, key_or_name: str, *, most_mentions: int | None = None, mentions_from: int = 0
    ) -> dict[str, Any]:
        """One entity by id, name or alias: its mentions in context (at most `most_mentions` from the
        `mentions_from`-th, when given; `mentions_count` says how many there are), its first events, and
        the works cited in the footnotes that mention it."""
        detail = queries.entity_detail(self.engine, key_or_name, most_mentions, mentions_from)
        notes = {(n["document"], n["footnote"]) for n in detail.pop("footnotes")}
        keys = queries.works_cited_in(self.engine, notes)
        detail["sources"] = queries.list_sources(self.engine, keys=keys) if keys else []
        return detail

    def entity_mentions(
        self, key_or_name: str, *, limit: int, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """One page of an entity's mentions in context, in document order, and how many there are."""
        return queries.entity_mentions(self.engine, key_or_name, limit=limit, offset=offset)

    def sources(self, document_id: str | None = None) -> list[dict[str, Any]]:
        """The works cited, each with the places citing it and, only when it is an ingested document
        itself, that document's id (`document`: the contract's records are otherwise unchanged)."""
        from vakanuvis.resolve.document_works import cited_documents, document_work

        records = queries.list_sources(self.engine, document_id)
        works = [
            Source(r["id"], r["type"], r["authors"], r["title"], r["title_latin"], r["place"], r["year"])
            for r in records
        ]
        citing = {r["id"]: {place["document"] for place in r["cited_in"]} for r in records}
        found = cited_documents(works, map(document_work, self.documents()), citing)
        return [
            {**record, "document": found[record["id"]]} if record["id"] in found else record
            for record in records
        ]

    def source(self, source_id: str) -> dict[str, Any]:
        return queries.source_detail(self.engine, source_id)

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Hits over sentences, footnotes, sources and entities, best first."""
        from vakanuvis.store.search import search_knowledge_base

        return search_knowledge_base(self.engine, query, limit=limit)

    def network(
        self,
        document_id: str | None = None,
        *,
        date_from: str | date | None = None,
        date_to: str | date | None = None,
    ) -> dict[str, Any]:
        """People and organizations, linked when they take part in the same events of the period."""
        if document_id:
            queries.require_document(self.engine, document_id)
        start = period_bound(date_from, last=False, option="from")
        end = period_bound(date_to, last=True, option="to")

        def draw() -> dict[str, Any]:
            participants = queries.event_participants(
                self.engine, document_id, date_from=start, date_to=end, roles=ACTING_ROLES
            )
            return actor_network(participants, queries.entities_of_types(self.engine, queries.ACTOR_TYPES))

        return self._drawn_in_this_state(("network", document_id, start, end), draw)

    def places(self, document_id: str | None = None) -> list[dict[str, Any]]:
        """Places that have coordinates, with their mention counts and the events set there."""
        if document_id:
            queries.require_document(self.engine, document_id)

        def draw() -> list[dict[str, Any]]:
            placed = queries.events_of_places(self.engine, document_id)
            return places_with_events(queries.list_entities(self.engine, document_id), placed)

        return self._drawn_in_this_state(("places", document_id), draw)

    def reconciliation(self) -> ReconciliationIndex:
        """The resolved entities and the authority file as the reconciliation service matches names against
        them (`/api/reconcile`); built again only when the knowledge base has changed."""
        from vakanuvis.reference.authority import load_authority
        from vakanuvis.resolve.reconcile import ReconciliationIndex, reconcilable_records

        authority = load_authority()

        def draw() -> ReconciliationIndex:
            entities = queries.list_entities(self.engine)
            records = reconcilable_records(authority, entities, queries.list_events(self.engine, None))
            return ReconciliationIndex(records, authority)

        return self._drawn_in_this_state(("reconciliation", authority.fingerprint), draw)

    def kept_answer(self, key: tuple, make: Callable[[], bytes]) -> bytes:
        """The encoded answer `make` gives (an entity page as the API sends it), made again only when the
        knowledge base has changed since it was made for `key` (`content_state`); at most ANSWERS_KEPT
        kept, apart from the networks and maps so that many pages never push those out."""
        return self._drawn_in_this_state(key, make, self._answers, ANSWERS_KEPT)

    def _drawn_in_this_state(
        self, key: tuple, draw: Callable[[], Any], kept_in: dict | None = None, most: int = DRAWN_KEPT
    ) -> Any:
        """What `draw` gives, drawn again only when the knowledge base has changed since it was last drawn
        for `key` (documents, resolution or edits: `content_state`); at most `most` kept."""
        store = self._drawn if kept_in is None else kept_in
        state = content_state(self.engine)
        kept = store.get(key)
        if kept is not None and kept[0] == state:
            return kept[1]
        value = draw()
        if len(store) >= most:
            store.clear()
        store[key] = (state, value)
        return value

    # ---------------------------------------------------------------- edits (recorded, undoable)

    def rename_entity(self, key: str, name: str, *, by: str = "default") -> dict[str, Any]:
        return edits.rename_entity(self.engine, key, name, by)

    def merge_entities(self, into: str, merge: list[str], *, by: str = "default") -> dict[str, Any]:
        return edits.merge_entities(self.engine, into, merge, by)

    def correct_event_date(self, event_id: str, edtf: str, *, by: str = "default") -> dict[str, Any]:
        return edits.correct_event_date(self.engine, event_id, edtf, by)

    def review_finding(self, finding_id: str, reviewed: bool, *, by: str = "default") -> dict[str, Any]:
        """Mark a finding (by the id `finding_records` gives it) reviewed or not."""
        if all(record["id"] != finding_id for record in self._checked_records()):
            raise UnknownRecord("finding", finding_id)
        return edits.review_finding(self.engine, finding_id, reviewed, by)

    def edits(self) -> list[dict[str, Any]]:
        """Every edit, newest first."""
        return edits.list_edits(self.engine)

    def undo_edit(self, edit_id: int, *, by: str = "default") -> dict[str, Any]:
        return edits.undo_edit(self.engine, edit_id, by)

    # ---------------------------------------------------------------- whole documents

    def load_documents(self, document_id: str | None = None) -> list[Document]:
        """One stored document, or all of them, back in the data model."""
        ids = [document_id] if document_id else document_ids(self.engine)
        return [load_document(self.engine, each) for each in ids]

    def snapshot(self, document_id: str | None = None) -> Snapshot:
        """One document, or the whole corpus, with the entities and works it involves, for export."""
        from vakanuvis.export.snapshot import Snapshot, cited_sources, mentioned_entities
        from vakanuvis.resolve.document_works import cited_documents, document_work

        documents = self.load_documents(document_id)
        sources = cited_sources(documents, load_sources(self.engine))
        citing: dict[str, set[str]] = {}
        for document in documents:
            for citation in document.citations:
                citing.setdefault(citation.source_key, set()).add(document.id)
        return Snapshot(
            documents=documents,
            entities=mentioned_entities(documents, load_entities(self.engine)),
            sources=sources,
            events=self.events(document_id),
            cited_documents=cited_documents(sources.values(), map(document_work, self.documents()), citing),
        )

    def findings(self, document_id: str | None = None) -> list[Finding]:
        """What looks wrong: in one document (compared with the others for dates), or in the whole corpus."""
        from vakanuvis import check
        from vakanuvis.runtime import after_checking

        documents = self.load_documents()
        if document_id and all(document.id != document_id for document in documents):
            raise UnknownDocument(document_id)
        findings = check.run_checks(documents, load_entities(self.engine), load_sources(self.engine))
        after_checking()
        if document_id:
            findings = [f for f in findings if any(e.document == document_id for e in f.evidence)]
        return findings

    def finding_records(self, document_id: str | None = None) -> list[dict[str, Any]]:
        """The findings as records, each with a stable id and whether a reader marked it reviewed. Each
        document's findings are kept in the database and found again only when what its checks read has
        changed (`check.incremental`); the cross-document checks run over what each document keeps for them.
        Nothing is looked at again while the knowledge base stays as it was (`content_state`)."""
        if document_id:
            queries.require_document(self.engine, document_id)
        reviewed = edits.reviewed_findings(self.engine)
        return [
            {**record, "reviewed": record["id"] in reviewed}
            for record in self._checked_records()
            if not document_id or any(item["document"] == document_id for item in record["evidence"])
        ]

    def checked(self, document_id: str | None = None) -> list[dict[str, Any]]:
        """The findings in the contract's form (`check.finding_record`), as `findings` would give them, but
        from what is kept of the checks (`finding_records`)."""
        if document_id:
            queries.require_document(self.engine, document_id)
        return [
            {name: value for name, value in record.items() if name != "id"}
            for record in self._checked_records()
            if not document_id or any(item["document"] == document_id for item in record["evidence"])
        ]

    def _checked_records(self) -> list[dict[str, Any]]:
        from vakanuvis import check
        from vakanuvis.check.anachronism import STATE_TYPES
        from vakanuvis.check.conflicting_dates import (
            compared_occurrences,
            conflicting_dates,
            occurrence_from_record,
            occurrence_record,
        )
        from vakanuvis.check.incremental import InputDigests
        from vakanuvis.runtime import after_checking
        from vakanuvis.store.findings import (
            KeptFindings,
            keep_findings,
            kept_findings,
            kept_inputs,
            stored_inputs,
        )

        def with_id(finding: Finding) -> dict[str, Any]:
            record = check.finding_record(finding)
            record["id"] = edits.finding_id(record)
            return record

        state = content_state(self.engine)
        if self._checked is not None and self._checked[0] == state:
            return self._checked[1]
        entities = load_entities(self.engine)
        digests = InputDigests(entities)
        inputs = {
            each: digests.digest(each, stored)
            for each, stored in stored_inputs(self.engine, STATE_TYPES).items()
        }
        kept = {each: found for each, found in self._kept.items() if found.inputs == inputs.get(each)}
        missing = [each for each in inputs if each not in kept]
        if missing:
            in_database = kept_inputs(self.engine)
            readable = [each for each in missing if in_database.get(each) == inputs[each]]
            kept |= {
                each: found
                for each, found in kept_findings(self.engine, readable).items()
                if found.inputs == inputs[each]
            }
            fresh = {}
            for each in missing:
                if each in kept:
                    continue
                document = load_document(self.engine, each)
                fresh[each] = KeptFindings(
                    inputs[each],
                    [with_id(finding) for finding in check.check_document(document, entities)],
                    [occurrence_record(found) for found in compared_occurrences(document)],
                )
            keep_findings(self.engine, fresh)
            kept |= fresh
        self._kept = kept
        records = [record for each in inputs for record in kept[each].findings]
        occurrences = (occurrence_from_record(found) for each in inputs for found in kept[each].occurrences)
        records += [with_id(finding) for finding in conflicting_dates(occurrences, entities)]
        after_checking()
        self._checked = (state, records)
        return records


__all__ = ["KnowledgeBase"]
