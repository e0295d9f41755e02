"""How often the reconciliation service puts the right entity first, as OpenRefine would ask it.

The sample article is ingested into a fresh knowledge base; the 50 names of
`bench/annotations/reconcile-names.json` (written by hand, each with the authority entry it stands for) are
sent to `/api/reconcile` in batches of 10, posted as a form, as OpenRefine does. Printed: the share whose
first candidate is the expected entity with the type given (the issue's bar: at least 90 %), the same
without types, how many came back with `match: true` and whether those were right, and every miss.
Another list of the same shape may be given: `reconcile-names-unseen.json` (spellings the authority file does
not list, written before the service ran on it) or `reconcile-names-dev.json` (the spellings tuned on); its
`expected` may also name an entity only the article gives (a gazetteer place).
Run: `.venv/bin/python bench/reconcile.py [-v] [bench/annotations/reconcile-names-unseen.json]`.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from fastapi.testclient import TestClient

from vakanuvis.api.app import create_app
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.reference.authority import load_authority
from vakanuvis.store.queries import list_entities

BENCH = Path(__file__).parent
NAMES = BENCH / "annotations" / "reconcile-names.json"
ARTICLE = BENCH.parent.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"
BATCH = 10  # OpenRefine's default batch size


def expected_ids(rows: list[dict], entities: list[dict]) -> list[str]:
    """Each row's expected entity as its key (the rows give the authority entry's name, or the name of an
    entity of the knowledge base)."""
    by_name = {(entity["name"], entity["type"]): entity["id"] for entity in entities}
    by_name.update({(entry.name, entry.type): entry.key for entry in load_authority().entries})
    missing = [row["expected"] for row in rows if (row["expected"], row["type"]) not in by_name]
    if missing:
        raise SystemExit(f"neither in the authority file nor in the knowledge base: {missing}")
    return [by_name[(row["expected"], row["type"])] for row in rows]


def reconcile_all(client: TestClient, rows: list[dict], *, typed: bool) -> list[list[dict]]:
    """The candidates for every row, in batches posted as OpenRefine posts them."""
    results: list[list[dict]] = []
    for start in range(0, len(rows), BATCH):
        batch = {}
        for number, row in enumerate(rows[start : start + BATCH]):
            query = {"query": row["name"], "limit": 3, "properties": row.get("properties", [])}
            if typed:
                query["type"] = row["type"]
            batch[f"q{number}"] = query
        answer = client.post("/api/reconcile", data={"queries": json.dumps(batch, ensure_ascii=False)})
        answer.raise_for_status()
        body = answer.json()
        results.extend(body[f"q{number}"]["result"] for number in range(len(batch)))
    return results


def score(rows: list[dict], wanted: list[str], results: list[list[dict]]) -> tuple[int, int, int, list]:
    """(first right, matches, matches right, misses)."""
    right = matches = matches_right = 0
    misses = []
    for row, key, candidates in zip(rows, wanted, results, strict=True):
        first = candidates[0] if candidates else None
        is_right = first is not None and first["id"] == key
        right += is_right
        if first is not None and first["match"]:
            matches += 1
            matches_right += is_right
        if not is_right:
            misses.append((row, key, candidates))
    return right, matches, matches_right, misses


def main(names: Path = NAMES, verbose: bool = False) -> None:
    rows = json.loads(names.read_text(encoding="utf-8"))["names"]
    with tempfile.TemporaryDirectory() as folder:
        location = str(Path(folder) / "kb.db")
        knowledge_base = KnowledgeBase(location)
        knowledge_base.ingest([ARTICLE])
        wanted = expected_ids(rows, list_entities(knowledge_base.engine))
        knowledge_base.engine.dispose()
        app = create_app(location, upload_folder=Path(folder) / "uploads")
        with TestClient(app) as client:
            for typed in (True, False):
                results = reconcile_all(client, rows, typed=typed)
                right, matches, matches_right, misses = score(rows, wanted, results)
                label = "with types" if typed else "without types"
                print(
                    f"{label}: first candidate right {right}/{len(rows)} = {right / len(rows):.0%}; "
                    f"match: true on {matches} ({matches_right} right)"
                )
                for row, key, candidates in misses:
                    got = ", ".join(f"{c['name']} ({c['id']}, {c['score']})" for c in candidates) or "nothing"
                    print(f"  miss: {row['name']!r} → expected {row['expected']} ({key}); got {got}")
                if verbose:
                    for row, candidates in zip(rows, results, strict=True):
                        first = candidates[0] if candidates else {}
                        print(
                            f"    {row['name']!r}: {first.get('name')} {first.get('score')} {first.get('match')}"
                        )
        app.state.knowledge_base.engine.dispose()


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "-v"]
    main(Path(arguments[0]) if arguments else NAMES, verbose="-v" in sys.argv)
