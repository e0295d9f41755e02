"""Speed of the entity stage alone: `find_mentions` over the period corpus and the sample article.

Every document is analysed once (structure, dates, names), then `find_mentions` is timed over all of them,
best of `--runs` passes (the first pass warms the analysis caches and is not timed). To compare two
versions, run this script in turn with each on the path, several times:

    .venv/bin/python bench/entity_speed.py [--runs 15]
    PYTHONPATH=/path/to/other/checkout/src .venv/bin/python bench/entity_speed.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from vakanuvis.annotate.entities import find_mentions
from vakanuvis.ingest import read_file
from vakanuvis.pipeline import analyse

ROOT = Path(__file__).resolve().parent
SAMPLE = ROOT.parent.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"


def main(runs: int) -> None:
    paths = sorted((ROOT / "corpus" / "period").glob("*/*.txt")) + ([SAMPLE] if SAMPLE.exists() else [])
    documents = [analyse(read_file(path)) for path in paths]
    words = sum(len(document.text.split()) for document in documents)
    for document in documents:
        find_mentions(document)
    best = float("inf")
    for _ in range(runs):
        started = time.perf_counter()
        for document in documents:
            find_mentions(document)
        best = min(best, time.perf_counter() - started)
    print(f"{len(documents)} documents, {words:,} words: best {best:.3f} s, {words / best:,.0f} words/s")


if __name__ == "__main__":
    main(int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 15)
