"""The first `/api/findings` after an ingest: how long it takes when each document's findings are kept
(issue 20), against checking the whole corpus again, on articles of bench/scale_corpus.py.

A knowledge base of --base articles (ingested here, or a copy of --from-db) answers /api/findings once,
so every document's findings are kept; then --added more articles are ingested (`ingest(check=True)`: the
documents the ingest changed are checked at its end; with --lazy not, and the next request checks them)
and /api/findings is asked again: by the server that answered before (its findings of unchanged documents in memory) and by a server
that never answered (all read from the database). Each is timed, with how many documents were checked
again, and the answer is compared with the findings of a whole recomputation (`KnowledgeBase.findings`,
which reads every document back and runs every check, as /api/findings did before; --no-compare skips it).

    .venv/bin/python bench/incremental_checks.py [--base 300] [--added 30] [--from-db BASE.db]
        [--corpus DIR] [--seed 1920] [--lazy] [--no-compare]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

BATCH = 50


def articles(directory: Path, count: int, seed: int) -> list[Path]:
    """The first `count` articles of `directory`, written there when missing (a folder holds one seed's)."""
    from scale_corpus import article_format, write_article

    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        encoding, _ = article_format(index, seed)
        path = directory / f"makale-{index:05d}.{'pdf' if encoding == 'pdf' else 'txt'}"
        paths.append(path if path.exists() else write_article(directory, index, seed))
    return paths


def timed(what: str, action):
    """Wall time and this process's CPU time (all its threads: the test client serves in one): on a
    machine that other work shares, the CPU time is the figure to compare."""
    began, cpu = time.perf_counter(), time.process_time()
    value = action()
    print(f"{what}: {time.perf_counter() - began:.2f} s ({time.process_time() - cpu:.2f} s CPU)", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=int, default=300)
    parser.add_argument("--added", type=int, default=30)
    parser.add_argument("--from-db", type=Path, help="a SQLite knowledge base of the first --base articles")
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "vakanuvis-check-corpus")
    parser.add_argument("--seed", type=int, default=1920)
    parser.add_argument("--lazy", action="store_true", help="ingest without checking: the request checks")
    parser.add_argument("--no-compare", action="store_true", help="do not check the whole corpus again")
    options = parser.parse_args()

    from fastapi.testclient import TestClient

    import vakanuvis.check as check
    from vakanuvis.api.app import create_app
    from vakanuvis.knowledge_base import KnowledgeBase
    from vakanuvis.store import edits

    paths = articles(options.corpus, options.base + options.added, options.seed)
    folder = Path(tempfile.mkdtemp(prefix="vakanuvis-incremental-"))
    database = folder / "kb.db"
    kb = KnowledgeBase(str(database))
    if options.from_db:
        kb.engine.dispose()
        with sqlite3.connect(options.from_db) as source, sqlite3.connect(database) as copy:
            source.backup(copy)  # with what its write-ahead log holds
        kb = KnowledgeBase(str(database))  # brought up to date (migrations) on opening
    else:
        for start in range(0, options.base, BATCH):
            kb.ingest(paths[start : min(start + BATCH, options.base)])
    print(f"{len(kb.documents())} documents", flush=True)

    checked: list[str] = []
    real = check.check_document
    check.check_document = lambda document, entities: checked.append(document.id) or real(document, entities)

    def ask(client: TestClient) -> dict:
        answer = client.get("/api/findings", params={"limit": 50})
        assert answer.status_code == 200, answer.text
        return answer.json()

    serving = TestClient(create_app(str(database)))
    first = timed("first /api/findings, every document checked and kept", lambda: ask(serving))
    print(f"  {first['count']} findings, {len(checked)} documents checked", flush=True)
    checked.clear()
    timed("the same again (nothing changed)", lambda: ask(serving))

    how = "checking what it changed at its end" if not options.lazy else "the checks left to the next request"
    timed(
        f"ingesting {options.added} more articles, {how}",
        lambda: kb.ingest(paths[options.base : options.base + options.added], check=not options.lazy),
    )
    print(f"  {len(checked)} documents checked", flush=True)
    checked.clear()
    after = timed("first /api/findings after it, the server that answered before", lambda: ask(serving))
    print(f"  {after['count']} findings, {len(checked)} documents checked again", flush=True)
    checked.clear()
    fresh = TestClient(create_app(str(database)))
    again = timed("first /api/findings after it, a server that never answered", lambda: ask(fresh))
    print(f"  {again['count']} findings, {len(checked)} documents checked again", flush=True)
    assert again == after

    if not options.no_compare:
        check.check_document = real
        whole = KnowledgeBase(str(database))
        recomputed = timed("all checks over the whole corpus again (as before)", whole.findings)
        records = [check.finding_record(finding) for finding in recomputed]
        for record in records:
            record["id"] = edits.finding_id(record)
        kept = [{k: v for k, v in r.items() if k != "reviewed"} for r in whole.finding_records()]
        print(f"  the same findings as the whole recomputation: {kept == records}", flush=True)
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
