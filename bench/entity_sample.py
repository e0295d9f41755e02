"""A random sample of 100 entities of the period corpus, judged by reading, and the figures of the judgments.

    .venv/bin/python bench/entity_sample.py draw DB OUT.json    # 100 entities of the dev folders, seed 1920
    .venv/bin/python bench/entity_sample.py score JUDGED.json   # the figures of a judged sample

`draw` reads a knowledge base built by `bench/corpus.py --keep DB` and writes, for 100 entities drawn at
random among those with a mention in the development folders (1919, 1920, english; the held-out 1921 and
1922 are left out), the entity's name, type, id, every written form and up to four sentences. A reader then
adds to each item a `verdict`, one of:

- right: a real person, place, organization, treaty or meeting, with the right type, one entity for it;
- junk: not a name at all (a common word, a form of address, a month, a heading);
- wrong type: a real name typed wrongly (a place as a person);
- split: right, but the same thing is also another entity of the sample or of the knowledge base;
- false merge: one entity holding two or more different real things;

and a short `why`. `score` prints the count and share of each verdict. The judged samples of the README
are bench/annotations/entity_sample_judged*.json, each drawn from the code of the commit it names and
judged by reading (by a reader who did not change the code).
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

from vakanuvis.knowledge_base import KnowledgeBase

DEV = ("1919/", "1920/", "english/")
VERDICTS = ("right", "junk", "wrong type", "split", "false merge")
SIZE = 100
SEED = 1920


def draw(db: str, out: Path) -> None:
    kb = KnowledgeBase(db)
    dev_documents = {d["id"] for d in kb.documents() if any(f"period/{f}" in d["path"] for f in DEV)}
    pool = []
    for entity in kb.entities():
        detail = kb.entity(entity["id"])
        mentions = [m for m in detail["mentions"] if m["document"] in dev_documents]
        if mentions:
            pool.append((entity, detail, mentions))
    pool.sort(key=lambda item: item[0]["id"])
    chosen = random.Random(SEED).sample(pool, min(SIZE, len(pool)))
    items = [
        {
            "id": entity["id"],
            "name": entity["name"],
            "type": entity["type"],
            "forms": sorted({m["text"] for m in mentions}),
            "sentences": [m["sentence"] for m in mentions[:4]],
            "verdict": "",
            "why": "",
        }
        for entity, detail, mentions in chosen
    ]
    out.write_text(json.dumps({"pool": len(pool), "items": items}, ensure_ascii=False, indent=1), "utf-8")
    print(f"{len(items)} of {len(pool)} entities written to {out}")


def score(judged: Path) -> None:
    items = json.loads(judged.read_text("utf-8"))["items"]
    counts = Counter(item["verdict"] for item in items)
    unknown = set(counts) - set(VERDICTS)
    if unknown:
        sys.exit(f"{judged}: verdicts not among {VERDICTS}: {sorted(unknown)}")
    for verdict in VERDICTS:
        print(f"{verdict:12} {counts[verdict]:3}  ({counts[verdict] / len(items):.0%})")
    print(f"{'sample':12} {len(items):3}")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "draw":
        draw(sys.argv[2], Path(sys.argv[3]))
    elif len(sys.argv) == 3 and sys.argv[1] == "score":
        score(Path(sys.argv[2]))
    else:
        sys.exit(__doc__)
