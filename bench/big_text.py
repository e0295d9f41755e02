"""One big text ingested whole: time and peak memory against its size (issue 22).

The text is the dev period corpus (1919 and 1920) and the sample article joined, repeated until it reaches
each size; each size is ingested by `vakanuvis ingest` into a new SQLite file in a child process, whose
wall time, CPU time (user and system: steadier than wall time on a busy machine) and peak resident memory
are printed with its words per second (of CPU time). Time proportional to words
shows as flat words/s across the sizes. With --one-line the same text is written without line breaks
(every run of whitespace one space), as a text that came without them: it is to ingest at the same pace.

    python bench/big_text.py [--one-line] [MB ...]      (default: 1 2 5)
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = [
    *sorted((ROOT / "bench/corpus/period/1919").glob("*.txt")),
    *sorted((ROOT / "bench/corpus/period/1920").glob("*.txt")),
    ROOT.parent / "shared/corpus/sutad-turkiye-azerbaycan-1920-1922.txt",
]


def big_text(megabytes: float) -> str:
    body = "\n\n".join(path.read_text(encoding="utf-8") for path in PARTS)
    copies = max(1, round(megabytes * 1_000_000 / len(body.encode())))
    return "\n\n".join([body] * copies)


def one_line(text: str) -> str:
    """`text` without line breaks: each run of whitespace one space."""
    return " ".join(text.split())


def main() -> None:
    arguments = sys.argv[1:]
    flat = "--one-line" in arguments
    sizes = [float(arg) for arg in arguments if arg != "--one-line"] or [1.0, 2.0, 5.0]
    command = str(Path(sys.executable).with_name("vakanuvis"))
    print(f"| size{' (one line)' if flat else ''} | words | time | CPU time | words/s (CPU) | peak memory |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in sizes:
            text_path, db = Path(folder) / f"big-{megabytes}.txt", Path(folder) / f"big-{megabytes}.db"
            text = one_line(big_text(megabytes)) if flat else big_text(megabytes)
            text_path.write_text(text, encoding="utf-8")
            words = len(text.split())
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            started = time.perf_counter()
            subprocess.run(
                [command, "ingest", "--db", str(db), str(text_path)], check=True, capture_output=True
            )
            elapsed = time.perf_counter() - started
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            peak = after.ru_maxrss / 1024  # the largest child so far
            size = len(text.encode()) / 1_000_000
            print(
                f"| {size:.1f} MB | {words:,} | {elapsed:.1f} s | {cpu:.1f} s | {words / cpu:,.0f} "
                f"| {peak:.0f} MB |",
                flush=True,
            )


if __name__ == "__main__":
    main()
