"""CPU words/s of the dates stage alone (`find_dates`) over the scale corpus' text articles, and its full
output as JSON, so that a speed change can be shown to change nothing.

Run it with another checkout's sources to compare (`PYTHONPATH=/path/to/other/src`), in turn, several times:

    .venv/bin/python bench/dates_speed.py [-n 200] [--rounds 2] [--corpus DIR]
    .venv/bin/python bench/dates_speed.py --dump OUT.json [--extra FILE ...]

--dump writes every mention (span, text, value, calendar, role …) of each article and extra file, found
with no context, with context year 1920, and with a document date; compare two dumps with `cmp`.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import time
from pathlib import Path

from vakanuvis.annotate.dates import find_dates
from vakanuvis.ingest import read_file

DEFAULT_CORPUS = Path("/tmp/vakanuvis-scale-corpus")


def text_of(path: Path) -> str:
    raw = read_file(path)
    return "\n".join(line.text for page in raw.pages for line in page.lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="articles after the first")
    parser.add_argument("--rounds", type=int, default=2, help="timed passes; the best is printed")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--dump", type=Path, help="write every mention as JSON to this file")
    parser.add_argument("--extra", type=Path, nargs="*", default=[], help="more files to dump")
    args = parser.parse_args()
    paths = sorted(args.corpus.glob("makale-*.txt"))[1 : args.n + 1]
    texts = [text_of(path) for path in paths]
    if args.dump is not None:
        found = {}
        for path in [*paths, *args.extra]:
            text = text_of(path)
            for label, options in (
                ("plain", {}),
                ("year", {"context_year": 1920}),
                ("document", {"document_date": "1920-05-01", "document_type": "telegram"}),
            ):
                mentions = find_dates(text, **options)  # type: ignore[arg-type]
                found[f"{path}|{label}"] = [dataclasses.asdict(mention) for mention in mentions]
        args.dump.write_text(json.dumps(found, ensure_ascii=False, sort_keys=True, indent=0, default=str))
        print(f"{len(found)} outputs, {sum(map(len, found.values()))} mentions written to {args.dump}")
        return
    words = sum(len(text.split()) for text in texts)
    find_dates(texts[0][:5000])  # warm-up: the grammar compiled
    best = None
    for _ in range(args.rounds):
        started = time.process_time()
        for text in texts:
            find_dates(text)
        cpu = time.process_time() - started
        best = cpu if best is None else min(best, cpu)
    assert best is not None
    print(f"{len(texts)} articles, {words} words: {words / best:,.0f} words/s of CPU (best of {args.rounds})")


if __name__ == "__main__":
    main()
