"""Load test of the HTTP API on loopback: requests/s and p50/p95 latency of search, events (in a period,
one page, of an actor), the network of a period, the places and entity pages.

The corpus (default 1,000 articles) comes from bench/corpus_generator.py: documents built from the
project's templates with their spans known by construction, stored with `save_document` and given
entities and sources as resolution would (running the annotators on 1,000 articles would take the
benchmark most of its time; `--pipeline N` also ingests N generated article texts through the real
pipeline first, to time that). The server is `vakanuvis serve` in its own process on a free port of
127.0.0.1; the load is bounded by a request count and a time limit.

    .venv/bin/python bench/load.py [--documents 1000] [--requests 2000] [--seconds 60] [--db URL]
"""

from __future__ import annotations

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_generator import PEOPLE, PLACES, TOPICS, article_text, generated_document  # noqa: E402

SEARCHES = [
    *TOPICS,
    *(name.split()[-1] for name in PEOPLE),
    *PLACES,
    "Nahcivan",
    "Nahçıvan meselesi",
    "antlasmasi",
    "heyet gönderilmesi",
    "Moskova Hatıraları",
    "внешней политики",
    "konuşmasında",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_corpus(location: str, documents: int, pipeline: int) -> dict[str, float]:
    """Fill the knowledge base; seconds spent on each way of filling it."""
    from corpus_generator import store_generated_corpus
    from vakanuvis.store.database import open_database

    timings: dict[str, float] = {}
    engine = open_database(location)
    started = time.perf_counter()
    store_generated_corpus(engine, documents)
    timings["generated documents stored"] = time.perf_counter() - started
    if pipeline:
        from vakanuvis.knowledge_base import KnowledgeBase

        folder = Path(tempfile.mkdtemp(prefix="vakanuvis-bench-"))
        for index in range(documents, documents + pipeline):
            (folder / f"article-{index:05d}.txt").write_text(article_text(generated_document(index)), "utf-8")
        started = time.perf_counter()
        results = KnowledgeBase(location, engine=engine).ingest([folder])
        timings["articles ingested through the pipeline"] = time.perf_counter() - started
        failed = [r.error for r in results if r.error]
        if failed:
            print(
                f"pipeline ingest: {len(failed)} of {len(results)} failed, e.g. {failed[0]}", file=sys.stderr
            )
    engine.dispose()
    return timings


def start_server(location: str, port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "vakanuvis.cli", "serve", "--db", location, "--port", str(port)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.2)
        if server.poll() is not None:
            raise SystemExit(f"the server stopped: {server.stderr.read().decode()[-2000:]}")
    server.kill()
    raise SystemExit("the server did not answer within 60 s")


def search_request(rng: random.Random) -> tuple[str, dict]:
    return "/api/search", {"q": rng.choice(SEARCHES), "limit": 20}


def events_request(rng: random.Random) -> tuple[str, dict]:
    year, month = rng.randrange(1919, 1924), rng.randrange(1, 13)
    span = rng.choice([0, 0, 1, 2])  # one month mostly, sometimes a season
    end_year, end_month = year + (month + span - 1) // 12, (month + span - 1) % 12 + 1
    return "/api/events", {"from": f"{year}-{month:02d}", "to": f"{end_year}-{end_month:02d}", "limit": 50}


def events_page_request(rng: random.Random) -> tuple[str, dict]:
    return "/api/events", {"limit": rng.choice([1, 50]), "offset": rng.randrange(0, 2000)}


def events_of_actor_request(rng: random.Random) -> tuple[str, dict]:
    return "/api/events", {"actor": rng.choice(PEOPLE).split()[0], "limit": 50}


def network_request(rng: random.Random) -> tuple[str, dict]:
    year = rng.randrange(1919, 1924)
    return "/api/network", {"from": f"{year}-{rng.randrange(1, 13):02d}", "to": str(year)}


def places_request(rng: random.Random) -> tuple[str, dict]:
    return "/api/places", {}


def entity_request(entity_ids: list[str]):
    def request(rng: random.Random) -> tuple[str, dict]:
        return f"/api/entities/{rng.choice(entity_ids)}", {}

    return request


def run_load(base: str, kind, requests: int, seconds: float, workers: int) -> dict[str, float]:
    """`requests` requests of one kind on `workers` keep-alive connections, stopping at `seconds`."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    remaining = [requests]
    stop_at = time.perf_counter() + seconds

    def worker(seed: int) -> None:
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.perf_counter() < stop_at:
                with lock:
                    if remaining[0] <= 0:
                        return
                    remaining[0] -= 1
                path, params = kind(rng)
                started = time.perf_counter()
                response = client.get(path, params=params)
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if response.status_code != 200:
                        errors.append(f"{response.status_code} {path} {params}")

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(seed,)) for seed in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    ordered = sorted(latencies)
    return {
        "requests": len(ordered),
        "errors": len(errors),
        "seconds": wall,
        "requests/s": len(ordered) / wall if wall else 0.0,
        "p50 ms": 1000 * statistics.median(ordered) if ordered else 0.0,
        "p95 ms": 1000 * ordered[int(0.95 * (len(ordered) - 1))] if ordered else 0.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=1000, help="generated documents to store")
    parser.add_argument("--pipeline", type=int, default=0, help="also ingest this many through the pipeline")
    parser.add_argument(
        "--requests", type=int, default=2800, help="requests in all, shared by the kinds of request"
    )
    parser.add_argument("--seconds", type=float, default=140, help="time limit in all")
    parser.add_argument("--workers", type=int, default=4, help="concurrent client connections")
    parser.add_argument("--db", help="an empty PostgreSQL database URL or SQLite path (default: a temp file)")
    options = parser.parse_args()

    location = options.db or str(Path(tempfile.mkdtemp(prefix="vakanuvis-load-")) / "load.db")
    print(f"knowledge base: {location}")
    for what, seconds in build_corpus(location, options.documents, options.pipeline).items():
        print(f"{what}: {seconds:.1f} s")
    port = free_port()
    server = start_server(location, port)
    try:
        base = f"http://127.0.0.1:{port}"
        documents = httpx.get(f"{base}/api/documents?limit=1").json()["count"]
        events = httpx.get(f"{base}/api/events?limit=1").json()["count"]
        print(f"corpus: {documents} documents, {events} events; server on {base}, {options.workers} clients")
        print(f"{'':<24}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}")
        entity_ids = [e["id"] for e in httpx.get(f"{base}/api/entities?limit=500").json()["data"]]
        kinds = (
            ("search", search_request),
            ("events in a date range", events_request),
            ("events, one page", events_page_request),
            ("events of an actor", events_of_actor_request),
            ("network of a period", network_request),
            ("places", places_request),
            ("entity page", entity_request(entity_ids)),
        )
        for name, kind in kinds:
            share = len(kinds)
            figures = run_load(
                base, kind, options.requests // share, options.seconds / share, options.workers
            )
            print(
                f"{name:<24}{figures['requests']:>9}{figures['errors']:>8}{figures['requests/s']:>9.1f}"
                f"{figures['p50 ms']:>9.1f}{figures['p95 ms']:>9.1f}"
            )
    finally:
        server.terminate()
        server.wait(timeout=10)
    if not options.db:
        os.remove(location)


if __name__ == "__main__":
    main()
