"""Ingest throughput at scale: documents/s, MB/s, words/s and peak memory, single process and with workers,
on SQLite and PostgreSQL, and the time per document as the corpus grows.

The corpus comes from bench/scale_corpus.py (written once under --corpus). Every run is a fresh process
with a fresh database, ingesting the first N articles in batches of --batch through
`KnowledgeBase.ingest` (each batch ends with the incremental resolution of its documents, as the CLI does). One-off
loads (imports, database migrations, zeyrek's lexicon, the gazetteer, wordfreq, compiled grammars)
are timed apart, on a warm-up article that is not stored, so the throughput is the steady state; with
workers each worker process pays its own loads inside the timed ingest. By default every run starts
with an empty analysis cache (a first ingest); --warm-cache shares one cache across runs.

    .venv/bin/python bench/scale.py [--sizes 1,100,1000] [--workers 2] [--databases sqlite,postgresql]
        [--batch 100] [--warm-cache] [--caches cold,warm] [--corpora real,template] [--time-limit 3600]

--corpora: the real-vocabulary corpus (bench/vocabulary_corpus.py, its vocabulary grows as real text's) and
the template one (bench/scale_corpus.py), each reported with its vocabulary growth. --caches cold,warm runs
each size with an empty analysis cache, then again with the cache that run filled. Each line gives words/s
without and with the one-off loads (start-up), and for one process CPU words/s; after each corpus, the same
texts through a regex pass, a plain SQLite insert and spaCy's blank Turkish pipeline (when installed).

PostgreSQL: $VAKANUVIS_BENCH_POSTGRES (a server URL whose user may create databases), else
scripts/test-postgres.sh starts a throw-away server. Each run gets its own database, dropped after.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WARMUP_ARTICLE = 999_999  # an article number no run reaches
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def vocabulary_manifest(directory: Path, count: int, seed: int) -> list[dict]:
    """The real-vocabulary corpus' first `count` articles with their sizes and word counts."""
    from vocabulary_corpus import ensure_corpus

    paths = ensure_corpus(directory, count, seed)
    return [
        {"path": str(p), "bytes": p.stat().st_size, "words": len(p.read_text(encoding="utf-8").split())}
        for p in paths
    ]


def corpus(directory: Path, count: int, seed: int) -> list[dict]:
    """The first `count` articles with their sizes and word counts, written on first use."""
    from scale_corpus import GENERATOR_VERSION, article_words, write_article

    # a corpus written by another version of the generator is written again
    manifest_path = directory / f"manifest-{seed}-v{GENERATOR_VERSION}.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else []
    directory.mkdir(parents=True, exist_ok=True)
    for index in range(len(manifest), count):
        path = write_article(directory, index, seed)
        manifest.append(
            {"path": str(path), "bytes": path.stat().st_size, "words": article_words(index, seed)}
        )
    manifest_path.write_text(json.dumps(manifest))
    return manifest[:count]


# ---------------------------------------------------------------- one run, in its own process


class DescendantMemory:
    """Peak resident memory (VmHWM) of every process descended from this one, sampled twice a second
    (pool workers are children of the forkserver, so getrusage(RUSAGE_CHILDREN) does not see them)."""

    def __init__(self) -> None:
        import threading

        self.peaks: dict[int, int] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        while not self.stop.wait(0.5):
            self.peaks.update(self._descendants())

    def _descendants(self) -> dict[int, int]:
        parents: dict[int, int] = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                except (OSError, ValueError, IndexError):
                    continue
        found, frontier = {}, {os.getpid()}
        while frontier:
            frontier = {pid for pid, parent in parents.items() if parent in frontier and pid not in found}
            for pid in frontier:
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                    found[pid] = int(status.split("VmHWM:")[1].split()[0])
                except (OSError, IndexError, ValueError):
                    found[pid] = 0
        return found

    def finish(self) -> tuple[float, float]:
        """Largest and summed peak of the descendants, in MB."""
        self.stop.set()
        self.thread.join()
        peaks = [kb for kb in self.peaks.values() if kb]
        return (max(peaks, default=0) / 1024, sum(peaks) / 1024)


def run(paths: list[str], location: str, workers: int, batch: int, warmup: str) -> dict:
    """Load, warm up on an article not stored, then ingest `paths` in batches; timings and peak memory."""
    started = time.perf_counter()
    from vakanuvis import knowledge_base as kb_module
    from vakanuvis.ingest import read_file
    from vakanuvis.runtime import analyse_in_process as analyse

    imported = time.perf_counter()
    kb = kb_module.KnowledgeBase(location)
    opened = time.perf_counter()
    analyse(read_file(Path(warmup)))  # loads zeyrek (or the analysis cache), gazetteer, wordfreq, grammars
    warmed = time.perf_counter()
    startup_cpu = time.process_time()  # the whole process so far: interpreter, imports, loads, warm-up

    resolve_seconds = [0.0]
    from vakanuvis.store import resolution as resolution_module

    resolve = resolution_module.resolve_pending

    def timed_resolve(engine, **options) -> None:
        began = time.perf_counter()
        resolve(engine, **options)
        resolve_seconds[0] += time.perf_counter() - began

    resolution_module.resolve_pending = timed_resolve  # to report resolution apart from analysis and storage
    descendants = DescendantMemory()
    batches = []
    errors = 0
    ingest_started, ingest_cpu_started = time.perf_counter(), time.process_time()
    for first in range(0, len(paths), batch):
        chunk = [Path(p) for p in paths[first : first + batch]]
        resolve_seconds[0] = 0.0
        began = time.perf_counter()
        results = kb.ingest(chunk, workers=workers)
        batches.append(
            {
                "documents": len(chunk),
                "corpus_after": first + len(chunk),
                "seconds": time.perf_counter() - began,
                "resolve_seconds": resolve_seconds[0],
            }
        )
        errors += sum(1 for r in results if r.error)
    total = time.perf_counter() - ingest_started
    ingest_cpu = time.process_time() - ingest_cpu_started
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    largest_worker, all_workers = descendants.finish()
    return {
        "import_seconds": imported - started,
        "open_seconds": opened - imported,
        "warmup_seconds": warmed - opened,
        "ingest_seconds": total,
        "ingest_cpu_seconds": ingest_cpu,
        "startup_cpu_seconds": startup_cpu,
        "batches": batches,
        "errors": errors,
        "workers": workers > 1,
        "peak_rss_mb": own / 1024,
        "peak_worker_rss_mb": largest_worker,
        "peak_workers_rss_mb": all_workers,
    }


# ---------------------------------------------------------------- PostgreSQL


def postgres_server() -> str:
    url = os.environ.get("VAKANUVIS_BENCH_POSTGRES")
    if url:
        return url
    script = ROOT / "scripts" / "test-postgres.sh"
    return subprocess.run(["bash", str(script)], check=True, capture_output=True, text=True).stdout.strip()


def create_database(server: str, name: str) -> str:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + "/" + name


def drop_database(server: str, name: str) -> None:
    import psycopg

    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# ---------------------------------------------------------------- driver


def measure(
    manifest: list[dict], database: str, workers: int, args, cache_dir: str, server: str | None
) -> dict:
    """One run in a fresh process: returns its figures."""
    paths = [entry["path"] for entry in manifest]
    with tempfile.TemporaryDirectory(prefix="vakanuvis-scale-") as scratch:
        name = f"vakanuvis_scale_{os.getpid()}_{len(paths)}_{workers}"
        if database == "sqlite":
            location = str(Path(scratch) / "kb.sqlite")
        else:
            assert server is not None
            location = create_database(server, name)
        job = Path(scratch) / "job.json"
        job.write_text(
            json.dumps({"paths": paths, "location": location, "workers": workers, "warmup": args.warmup})
        )
        environment = dict(os.environ, VAKANUVIS_CACHE_DIR=cache_dir or str(Path(scratch) / "cache"))
        try:
            completed = subprocess.run(
                [sys.executable, __file__, "--run", str(job), "--batch", str(args.batch)],
                env=environment,
                capture_output=True,
                text=True,
                timeout=args.time_limit,
            )
        finally:
            if database != "sqlite" and server is not None:
                drop_database(server, name)
    if completed.returncode != 0:
        raise SystemExit(f"run failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def report(label: str, manifest: list[dict], figures: dict) -> None:
    seconds = figures["ingest_seconds"]
    documents = len(manifest)
    megabytes = sum(e["bytes"] for e in manifest) / 1e6
    words = sum(e["words"] for e in manifest)
    resolve = sum(b["resolve_seconds"] for b in figures["batches"])
    one_off = figures["import_seconds"] + figures["open_seconds"] + figures["warmup_seconds"]
    cpu = figures.get("ingest_cpu_seconds", 0.0)
    startup_cpu = figures.get("startup_cpu_seconds", 0.0)
    cpu_part = (
        f"CPU {words / cpu:8.0f} words/s, {words / (cpu + startup_cpu):8.0f} with start-up  "
        if cpu and not figures.get("workers")
        else ""
    )
    print(
        f"{label:<28} {documents:>5} docs {seconds:8.1f} s  {documents / seconds:7.2f} docs/s  "
        f"{megabytes / seconds:6.3f} MB/s  {words / seconds:8.0f} words/s  "
        f"{words / (seconds + one_off):8.0f} with start-up  {cpu_part}"
        f"(without resolution {words / max(seconds - resolve, 1e-9):8.0f})  "
        f"peak {figures['peak_rss_mb']:.0f} MB + workers {figures['peak_workers_rss_mb']:.0f} MB  "
        f"one-off {one_off:.1f} s  "
        f"errors {figures['errors']}",
        flush=True,
    )
    if len(figures["batches"]) > 1:
        for batch in figures["batches"]:
            per = batch["seconds"] / batch["documents"]
            print(
                f"{'':<28}   corpus {batch['corpus_after']:>5}: {per * 1000:7.0f} ms/doc "
                f"(resolution {batch['resolve_seconds']:.1f} s of {batch['seconds']:.1f} s)",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,100,1000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--modes", default="single,workers")
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1920)
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "vakanuvis-scale-corpus")
    parser.add_argument("--warm-cache", action="store_true", help="share one analysis cache across runs")
    parser.add_argument("--caches", default="cold", help="cold, warm or cold,warm (each size)")
    parser.add_argument("--corpora", default="real,template", help="real (growing vocabulary), template")
    parser.add_argument(
        "--vocabulary-corpus", type=Path, default=Path(tempfile.gettempdir()) / "vakanuvis-vocabulary-corpus"
    )
    parser.add_argument("--time-limit", type=float, default=3600, help="seconds a single run may take")
    parser.add_argument("--run", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        job = json.loads(args.run.read_text())
        print(json.dumps(run(job["paths"], job["location"], job["workers"], args.batch, job["warmup"])))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    # the warm-up article is one the runs do not ingest, with Russian and Azerbaijani notes, so every
    # lazily loaded resource (wordfreq's lists too) is loaded before the clock starts
    from scale_corpus import write_article

    (args.corpus / "warmup").mkdir(parents=True, exist_ok=True)
    args.warmup = str(write_article(args.corpus / "warmup", WARMUP_ARTICLE, args.seed))
    server = postgres_server() if "postgresql" in args.databases else None
    caches = ["warm"] if args.warm_cache else args.caches.split(",")
    across_runs = tempfile.mkdtemp(prefix="vakanuvis-scale-cache-") if args.warm_cache else ""
    for corpus_name in args.corpora.split(","):
        if corpus_name == "real":
            label_corpus = "real-vocabulary"
            manifest = vocabulary_manifest(args.vocabulary_corpus, max(sizes), args.seed)
        else:
            label_corpus = "template"
            manifest = corpus(args.corpus, max(sizes), args.seed)
        print(
            f"{label_corpus} corpus: {len(manifest)} generated articles, "
            f"{sum(e['bytes'] for e in manifest) / 1e6:.1f} MB, {sum(e['words'] for e in manifest)} words; "
            f"batches of {args.batch}; the machine may be loaded",
            flush=True,
        )
        texts = [
            Path(e["path"]).read_bytes().decode("utf-8", "replace")
            for e in manifest
            if e["path"].endswith(".txt")
        ]
        import limits
        import vocabulary_corpus

        vocabulary_corpus.print_growth(f"{label_corpus} corpus", texts)
        last_single: dict | None = None
        for database in args.databases.split(","):
            for mode in args.modes.split(","):
                workers = args.workers if mode == "workers" else 1
                for size in sizes:
                    # a cold run fills this cache; the warm run after it (and with --warm-cache every run) reads it
                    shared_cache = across_runs or tempfile.mkdtemp(prefix="vakanuvis-scale-cache-")
                    for state in caches:
                        label = f"{database} {'1 process' if workers == 1 else f'{workers} workers'} {state}"
                        figures = measure(manifest[:size], database, workers, args, shared_cache, server)
                        report(label, manifest[:size], figures)
                        if workers == 1 and size == max(sizes):
                            last_single = figures
        if last_single is not None and texts:
            words = sum(e["words"] for e in manifest if e["path"].endswith(".txt"))
            own = last_single["ingest_cpu_seconds"] * words / sum(e["words"] for e in manifest)
            print(
                f"  the same {len(texts)} text files, {words:,} words (vakanuvis: the last one-process run):"
            )
            limits.print_limits(texts, words, own, indent="    ")


if __name__ == "__main__":
    main()
