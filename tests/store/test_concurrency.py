"""Two ingests at once, and reads during them, neither lose nor duplicate anything (both databases)."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from vakanuvis.store import queries, schema
from vakanuvis.store.database import open_database
from vakanuvis.store.search import search_knowledge_base
from vakanuvis.store.write import save_document

COUNTED = (
    schema.documents,
    schema.sentences,
    schema.footnotes,
    schema.dates,
    schema.mentions,
    schema.citations,
    schema.events,
    schema.search_entries,
)


def row_counts(engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in COUNTED
        }


def run_together(*jobs) -> list[BaseException]:
    """Run each job on its own thread, all started at once; the errors they raised."""
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(jobs))

    def run(job):
        barrier.wait()
        try:
            job()
        except BaseException as error:  # noqa: BLE001 — reported to the test
            errors.append(error)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return errors


def reader(location: str, stop: threading.Event, seen: list[int]):
    """Read documents, events and search hits until told to stop; counts never go down."""

    def job():
        engine = open_database(location)
        while not stop.is_set():
            documents = queries.list_documents(engine)
            assert len({d["id"] for d in documents}) == len(documents)
            seen.append(len(documents))
            events = queries.list_events(engine)
            assert len({e["id"] for e in events}) == len(events)
            search_knowledge_base(engine, "meselesi")

    return job


def test_two_savers_and_a_reader(database_url, corpus_generator):
    engine = open_database(database_url)
    first = [corpus_generator.generated_document(i) for i in range(0, 12)]
    second = [corpus_generator.generated_document(i) for i in range(8, 20)]  # 8..11 in both
    stop, seen = threading.Event(), []

    def saver(documents):
        def job():
            own = open_database(database_url)  # as another process would: its own engine
            for document in documents:
                save_document(own, document)

        return job

    def savers_then_stop():
        try:
            errors = run_together(saver(first), saver(second))
            assert not errors, errors
        finally:
            stop.set()

    errors = run_together(savers_then_stop, reader(database_url, stop, seen))
    assert not errors, errors
    assert seen == sorted(seen)
    expected = Counter()
    for document in {d.id: d for d in first + second}.values():
        expected["documents"] += 1
        expected["sentences"] += len(document.sentences)
        expected["events"] += len(document.events)
        expected["mentions"] += len(document.mentions)
    counts = row_counts(engine)
    assert {name: counts[name] for name in expected} == dict(expected)
    assert counts["search_entries"] == expected["sentences"] + counts["footnotes"]


@pytest.fixture
def article_files(tmp_path, corpus_generator) -> list[Path]:
    paths = []
    # Shared files sort last, so both ingests reach them, and then resolution, at about the same time.
    for index, name in enumerate(["a-0", "a-1", "b-0", "b-1", "z-0", "z-1"]):
        path = tmp_path / f"{name}.txt"
        path.write_text(corpus_generator.article_text(corpus_generator.generated_document(index)), "utf-8")
        paths.append(path)
    return paths


def test_two_ingests_at_once_equal_one_ingest(database_url, article_files, tmp_path):
    from vakanuvis.knowledge_base import KnowledgeBase

    alone = KnowledgeBase(str(tmp_path / "alone.db"))
    alone.ingest(article_files)
    expected = row_counts(alone.engine)
    expected_entities = {(e["id"], e["mentions"]) for e in alone.entities()}

    KnowledgeBase(database_url)  # migrate once before the race, as `serve` or a first ingest would
    stop, seen = threading.Event(), []
    results: list = []

    def ingest(paths):
        def job():
            results.extend(KnowledgeBase(database_url).ingest(paths))

        return job

    def ingests_then_stop():
        try:
            errors = run_together(ingest(article_files[:2] + article_files[4:]), ingest(article_files[2:]))
            assert not errors, errors
        finally:
            stop.set()

    errors = run_together(ingests_then_stop, reader(database_url, stop, seen))
    assert not errors, errors
    assert all(result.error is None for result in results), [r.error for r in results]
    together = KnowledgeBase(database_url)
    assert row_counts(together.engine) == expected
    assert {(e["id"], e["mentions"]) for e in together.entities()} == expected_entities
    entity_hits = [h for h in together.search("Orconikidze", limit=100) if h["kind"] == "entity"]
    assert len(entity_hits) <= 1
