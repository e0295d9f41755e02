"""CSV tables: events, entities, mentions, sources, citations, footnotes (a folder, or a .zip)."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

from vakanuvis.export.snapshot import Snapshot, known_day
from vakanuvis.model import EVENT_ROLES


def csv_tables(snapshot: Snapshot) -> dict[str, list[dict]]:
    """The rows of each table, by file name."""
    return {
        "events.csv": [
            {
                **{k: event[k] for k in ("id", "document", "date", "text", "sentence")},
                "start": known_day(event["start"]) or "",
                "end": known_day(event["end"]) or "",
                **{k: event.get(k) or "" for k in ("headline", "predicate", "kind")},
                "actors": "; ".join(event["actors"]),
                "places": "; ".join(event["places"]),
                # who or what is in each role, by canonical name
                **{role: "; ".join(event.get("roles", {}).get(role, [])) for role in EVENT_ROLES},
                "footnotes": " ".join(str(n) for n in event["footnotes"]),
            }
            for event in snapshot.events
        ],
        "entities.csv": [
            {
                "id": e.key,
                "type": e.type,
                "name": e.name,
                "aliases": "; ".join(e.aliases),
                "wikidata": e.wikidata or "",
                "lat": "" if e.lat is None else e.lat,
                "lon": "" if e.lon is None else e.lon,
            }
            for e in snapshot.entities.values()
        ],
        "mentions.csv": [
            {
                "document": d.id,
                "entity": m.entity_key,
                "type": m.type,
                "text": m.text,
                "start": m.span.start,
                "end": m.span.end,
                "footnote": "" if m.span.footnote is None else m.span.footnote,
            }
            for d in snapshot.documents
            for m in d.mentions
        ],
        "sources.csv": [
            {
                "id": s.key,
                "type": s.type,
                "authors": "; ".join(s.authors),
                "title": s.title or "",
                "title_latin": s.title_latin or "",
                "place": s.place or "",
                "year": s.year or "",
            }
            for s in snapshot.sources.values()
        ],
        "citations.csv": [
            {
                "document": d.id,
                "footnote": c.footnote,
                "source": c.source_key,
                "locator": c.locator or "",
                "raw": c.raw,
                "archive": json.dumps(c.archive, ensure_ascii=False) if c.archive else "",
            }
            for d in snapshot.documents
            for c in d.citations
        ],
        "footnotes.csv": [
            {"document": d.id, "number": n.number, "page": n.page, "text": n.text}
            for d in snapshot.documents
            for n in d.footnotes
        ],
    }


def _csv_text(rows: list[dict]) -> str:
    buffer = io.StringIO()
    if rows:
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return buffer.getvalue()


def write_csv_tables(snapshot: Snapshot, path: Path) -> None:
    """Write every table into the folder `path`, or into a zip file when `path` ends in .zip."""
    tables = {name: _csv_text(rows) for name, rows in csv_tables(snapshot).items()}
    if path.suffix == ".zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in tables.items():
                archive.writestr(name, content)
        return
    path.mkdir(parents=True, exist_ok=True)
    for name, content in tables.items():
        (path / name).write_text(content, encoding="utf-8")
