"""Parallel ingest (process pool, Dask cluster) gives the same knowledge base as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.knowledge_base import KnowledgeBase


@pytest.fixture
def corpus(tmp_path, demo_article) -> Path:
    """Four distinct articles made from the demo article (the same text with one sentence changed)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = demo_article.read_text(encoding="utf-8")
    for number, year in enumerate((1922, 1923, 1924, 1925)):
        (folder / f"article-{number}.txt").write_text(
            text.replace("Böylece\n", f"Böylece {year} yılında\n"), encoding="utf-8"
        )
    return folder


def knowledge_base_contents(kb: KnowledgeBase) -> tuple:
    documents = sorted((d["id"], d["sha256"]) for d in kb.documents())
    events = sorted((e["id"], e["date"], tuple(e["actors"])) for e in kb.events())
    entities = sorted((e["id"], e["name"], e["mentions"]) for e in kb.entities())
    sources = sorted((s["id"], len(s["cited_in"])) for s in kb.sources())
    return documents, events, entities, sources


def test_process_pool_equals_single_process(tmp_path, corpus):
    single = KnowledgeBase(str(tmp_path / "single.db"))
    single.ingest([corpus])
    parallel = KnowledgeBase(str(tmp_path / "parallel.db"))
    results = parallel.ingest([corpus], workers=2)
    assert sorted(r.path.name for r in results if r.stored) == [f"article-{n}.txt" for n in range(4)]
    assert knowledge_base_contents(parallel) == knowledge_base_contents(single)
    assert len(single.documents()) == 4


def test_interrupted_ingest_resumes_without_duplicates(tmp_path, corpus):
    db = str(tmp_path / "kb.db")
    first = sorted(corpus.iterdir())[:2]
    KnowledgeBase(db).ingest(first)  # as if the run had been killed after two documents
    results = KnowledgeBase(db).ingest([corpus])
    assert sum(r.stored for r in results) == 2
    assert len(KnowledgeBase(db).documents()) == 4
    single = KnowledgeBase(str(tmp_path / "single.db"))
    single.ingest([corpus])
    assert knowledge_base_contents(KnowledgeBase(db)) == knowledge_base_contents(single)


def test_dask_cluster_equals_single_process(tmp_path, corpus):
    distributed = pytest.importorskip("dask.distributed")
    single = KnowledgeBase(str(tmp_path / "single.db"))
    single.ingest([corpus])
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        with distributed.Client(cluster) as client:
            on_dask = KnowledgeBase(str(tmp_path / "dask.db"))
            on_dask.dask_client_factory = lambda: client
            on_dask.ingest([corpus], dask_address=cluster.scheduler_address)
    assert knowledge_base_contents(on_dask) == knowledge_base_contents(single)


def test_an_ingest_killed_midway_resumes_with_nothing_lost_or_duplicated(tmp_path, corpus):
    """SIGKILL after the first document was stored (before resolution ran): the next ingest stores the
    others once, resolves what waited, and the knowledge base equals an uninterrupted one."""
    import os
    import signal
    import subprocess
    import sys

    db = str(tmp_path / "killed.db")
    command = [sys.executable, "-m", "vakanuvis.cli", "ingest", "--db", db, str(corpus)]
    env = {**os.environ, "VAKANUVIS_CACHE_DIR": "off"}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)
    assert process.stdout is not None
    first = process.stdout.readline()  # printed once the first document's transaction committed
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert first.strip(), "the ingest printed no document before it was killed"
    stored_before = {d["id"] for d in KnowledgeBase(db).documents()}
    assert 1 <= len(stored_before) < 4
    finished = subprocess.run(command, capture_output=True, env=env, text=True, check=True)
    assert len(finished.stdout.splitlines()) == 4  # every document named once, the stored ones too
    single = KnowledgeBase(str(tmp_path / "single.db"))
    single.ingest([corpus])
    assert knowledge_base_contents(KnowledgeBase(db)) == knowledge_base_contents(single)


def test_documents_committed_together_are_stored_or_left_out_one_by_one(tmp_path, corpus, monkeypatch):
    """Several documents share a commit, each in a savepoint: the one that fails to store is left out
    whole and reported, the others are stored; a copy of a file waiting in the same commit is stored once."""
    from vakanuvis.store import write

    (corpus / "article-1-copy.txt").write_bytes((corpus / "article-1.txt").read_bytes())
    store = write.store_document
    failing = {}

    def store_or_fail(connection, document):
        store(connection, document)  # every row written, then the failure: the savepoint must undo them
        if document.path.endswith("article-2.txt"):
            failing["id"] = document.id
            raise RuntimeError("disk full")

    monkeypatch.setattr(write, "store_document", store_or_fail)
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    results = kb.ingest([corpus])
    assert [r.path.name for r in results] == sorted(p.name for p in corpus.iterdir())  # in file order
    by_name = {r.path.name: r for r in results}
    assert by_name["article-2.txt"].error.endswith("could not be stored (RuntimeError: disk full)")
    # the first commit holds article-0 alone, the second article-1-copy, article-1 (the same bytes) and
    # article-2; the copy waiting in the same commit is answered with the first one's document
    assert [n for n, r in by_name.items() if r.stored] == [
        "article-0.txt",
        "article-1-copy.txt",
        "article-3.txt",
    ]
    assert by_name["article-1.txt"].document_id == by_name["article-1-copy.txt"].document_id
    stored = {d["id"] for d in kb.documents()}
    assert len(stored) == 3 and failing["id"] not in stored
    assert not [e for e in kb.events() if e["document"] == failing["id"]]
    monkeypatch.setattr(write, "store_document", store)
    again = kb.ingest([corpus])  # the failed one is stored by the next ingest, nothing twice
    assert [r.path.name for r in again if r.stored] == ["article-2.txt"]
    single = KnowledgeBase(str(tmp_path / "single.db"))
    single.ingest([corpus])
    assert knowledge_base_contents(kb) == knowledge_base_contents(single)


def test_garbage_is_collected_rarely_while_ingesting_and_as_before_afterwards(tmp_path, corpus):
    import gc

    from vakanuvis.runtime import GC_ALLOCATIONS

    before = gc.get_threshold()
    seen: list[int] = []
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    kb.ingest([corpus], on_file=lambda result: seen.append(gc.get_threshold()[0]))
    assert seen == [GC_ALLOCATIONS] * 4
    assert gc.get_threshold() == before

    def stop(result):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):  # Ctrl-C during an ingest leaves the collector as it was
        kb.ingest([corpus], force=True, on_file=stop)
    assert gc.get_threshold() == before


def test_overlapping_ingests_restore_the_collector_when_the_last_one_ends():
    import gc

    from vakanuvis.runtime import GC_ALLOCATIONS, rare_garbage_collections

    before = gc.get_threshold()
    first, second = rare_garbage_collections(), rare_garbage_collections()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)  # the first to start ends first: the second is still ingesting
    assert gc.get_threshold()[0] == GC_ALLOCATIONS
    second.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_a_workers_later_tasks_commit_their_documents_together(tmp_path, corpus, monkeypatch):
    """A worker's first task commits its first document alone (a first result soon); its later tasks,
    whose results reach the parent only whole, commit their documents in one transaction."""
    from sqlalchemy import event

    from vakanuvis import workers
    from vakanuvis.store.database import open_database

    location = str(tmp_path / "kb.db")
    engine = open_database(location)
    commits: list[int] = []
    event.listen(engine, "commit", lambda connection: commits.append(1))
    monkeypatch.setattr(workers, "_engine", lambda _location: engine)
    monkeypatch.setattr(workers, "_tasks_done", 0)
    files = [str(path) for path in sorted(corpus.iterdir())]

    first = workers.ingest_in_worker(files[:2], location, False)
    first_commits, commits[:] = len(commits), []
    later = workers.ingest_in_worker(files[2:], location, False)
    assert [r.stored for r in first + later] == [True] * 4
    assert first_commits == 2  # one document, then the next
    assert len(commits) == 1  # both documents in one commit
