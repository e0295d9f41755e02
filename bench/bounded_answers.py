"""Answers about a big document stay small and fast (issue 22): after one big text is ingested, the time
and size of an entity's page (its most mentioned entity), one page of its mentions, the document's text
and annotations (first and last window), a page of its footnotes, a search, pages of findings and `who`.

The text is bench/big_text.py's (the dev period corpus and the sample article repeated). It is ingested
once into a SQLite file kept in a folder given (or a temporary one), so that a second run measures the
answers alone.

    python bench/bounded_answers.py [MB] [FOLDER]      (default: 10 MB, a temporary folder)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from big_text import big_text


def timed(client, url: str) -> tuple[float, int, int]:
    started = time.perf_counter()
    response = client.get(url)
    return time.perf_counter() - started, len(response.content), response.status_code


def main() -> None:
    megabytes = float(sys.argv[1]) if len(sys.argv) > 1 else 10.0
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    db, text_path = folder / f"big-{megabytes}.db", folder / f"big-{megabytes}.txt"
    command = str(Path(sys.executable).with_name("vakanuvis"))
    if not db.exists():
        text_path.write_text(big_text(megabytes), encoding="utf-8")
        started = time.perf_counter()
        subprocess.run([command, "ingest", "--db", str(db), str(text_path)], check=True, capture_output=True)
        print(f"ingested {text_path.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.0f} s")

    from fastapi.testclient import TestClient

    from vakanuvis.api.app import create_app

    app = create_app(str(db), tokens="bench:bench", upload_folder=folder / "uploads")
    with TestClient(app) as client:
        (document,) = client.get("/api/documents").json()["data"]
        top = client.get("/api/entities?limit=1").json()["data"][0]
        doc, entity = document["id"], top["id"]
        detail = client.get(f"/api/documents/{doc}?end=1").json()
        length = detail.get("window", {}).get("length", len(detail["text"]))
        last = max(0, length - 1000)
        requests = [
            (f"entity page ({top['mentions']:,} mentions)", f"/api/entities/{entity}"),
            (
                "a page of its mentions (offset 5,000)",
                f"/api/entities/{entity}/mentions?offset=5000&limit=100",
            ),
            ("document, first window", f"/api/documents/{doc}"),
            ("document, last window", f"/api/documents/{doc}?start={last}"),
            ("annotations, first window", f"/api/documents/{doc}/annotations"),
            ("annotations, last window", f"/api/documents/{doc}/annotations?start={last}"),
            ("footnotes, a page", f"/api/documents/{doc}/footnotes?limit=50"),
            ("search", "/api/search?q=Kars"),
            ("findings, the first page (the first request after the ingest)", "/api/findings?limit=50"),
            ("findings, the next page", "/api/findings?limit=50&offset=50"),
        ]
        print("| request | time | size | status |")
        print("|---|---|---|---|")
        for name, url in requests:
            seconds, size, status = timed(client, url)
            print(f"| {name} | {seconds:.2f} s | {size / 1000:,.0f} kB | {status} |")
    app.state.knowledge_base.engine.dispose()
    started = time.perf_counter()
    out = subprocess.run(
        [command, "who", "--db", str(db), top["name"]], check=True, capture_output=True
    ).stdout
    print(f"| `who {top['name']}` | {time.perf_counter() - started:.2f} s | {len(out) / 1000:,.0f} kB | 0 |")


if __name__ == "__main__":
    main()
