"""Cold word analysis speed: words/s of zeyrek's analyses of words met for the first time (no cache).

zeyrek is loaded untimed first (and frozen out of the garbage collector's scans, as in an ingest), then
`_zeyrek_analyses(word)` (what `analyze_word` calls for a word in neither the memory nor the persistent
cache) is timed once per word of the list, in list order.

    .venv/bin/python bench/word_analysis.py --collect WORDS [--corpus DIR] [-n 300]
    .venv/bin/python bench/word_analysis.py --words WORDS [--dump FILE] [--plain] [--profile]

--collect runs `vakanuvis.pipeline.analyse` over the first N generated articles and the shared corpus with
an empty cache and writes the words that reach zeyrek, one a line. --dump writes each word and its analyses
as JSON lines, sorted (zeyrek's order of a word's analyses follows
the hash seed; --zeyrek-order keeps it, for runs with one PYTHONHASHSEED), so that runs before and after a
speed change can be compared with `diff`. --plain times zeyrek's own search instead of `zeyrek_search`'s.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import json
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path("/tmp/vakanuvis-scale-corpus")
SHARED_CORPUS = Path("/work/shared/corpus")


def collect(corpus: Path, count: int, output: Path) -> None:
    """Write the words `analyze_word` hands to zeyrek during a cold analysis of the corpus."""
    with tempfile.TemporaryDirectory() as empty:
        os.environ["VAKANUVIS_CACHE_DIR"] = empty
        from vakanuvis.ingest import read_file
        from vakanuvis.lang.tr import morphology
        from vakanuvis.runtime import analyse_in_process as analyse

        reached: list[str] = []
        analyses = morphology._zeyrek_analyses

        def recorded(word: str, normalized: str | None = None):  # type: ignore[no-untyped-def]
            reached.append(word)
            return analyses(word, normalized)

        morphology._zeyrek_analyses = recorded  # type: ignore[assignment]
        paths = sorted(corpus.glob("*.txt"))[:count] + sorted(SHARED_CORPUS.glob("*.txt"))
        for path in paths:
            analyse(read_file(path))
    output.write_text("".join(word + "\n" for word in reached), encoding="utf-8")
    print(f"{len(reached)} words reaching zeyrek ({len(set(reached))} distinct) written to {output}")


def timed_run(words: list[str], plain: bool, profile: bool, dump: Path | None, zeyrek_order: bool) -> None:
    from vakanuvis.lang.tr import morphology

    os.environ["VAKANUVIS_CACHE_DIR"] = "off"
    loaded = morphology._analyzer()  # the lexicon load is not what we time
    if plain:
        from zeyrek.rulebasedanalyzer import RuleBasedAnalyzer

        loaded.analyzer = RuleBasedAnalyzer(loaded.morphotactics)
    # as in an ingest, where runtime.freeze_long_lived_tables takes the loaded lexicon out of the garbage
    # collector's scans after the first document (each full collection walked its 400,000 objects)
    gc.collect()
    gc.freeze()
    analyse = morphology._zeyrek_analyses
    profiler = cProfile.Profile() if profile else None
    results = []
    started, cpu_started = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    for word in words:
        results.append(analyse(word))
    if profiler is not None:
        profiler.disable()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(
        f"{len(words)} words in {elapsed:.2f} s: {len(words) / elapsed:,.0f} words/s,"
        f" {elapsed * 1000 / len(words):.3f} ms/word (CPU {cpu * 1000 / len(words):.3f} ms/word)"
        f" with {'zeyrek' if plain else 'zeyrek_search'}'s search"
    )
    if profiler is not None:
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(25)
    if dump is not None:
        with dump.open("w", encoding="utf-8") as handle:
            for word, found in zip(words, results, strict=True):
                if not zeyrek_order:
                    found = tuple(sorted(found, key=repr))
                handle.write(json.dumps([word, found], ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collect", type=Path, help="write the words reaching zeyrek to this file")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("-n", type=int, default=300, help="generated articles read by --collect")
    parser.add_argument("--words", type=Path, help="words to analyse, one a line")
    parser.add_argument("--dump", type=Path, help="write each word's analyses as JSON lines")
    parser.add_argument("--zeyrek-order", action="store_true", help="dump analyses in zeyrek's order")
    parser.add_argument("--plain", action="store_true", help="zeyrek's own search, not zeyrek_search's")
    parser.add_argument("--profile", action="store_true", help="cProfile top 25 by own and cumulative time")
    args = parser.parse_args()
    if args.collect is not None:
        collect(args.corpus, args.n, args.collect)
        return
    if args.words is None:
        sys.exit("--words FILE or --collect FILE is needed")
    words = list(dict.fromkeys(args.words.read_text(encoding="utf-8").split()))
    timed_run(words, args.plain, args.profile, args.dump, args.zeyrek_order)


if __name__ == "__main__":
    main()
