"""The criticism report for a person: Markdown or a standalone HTML page."""

from __future__ import annotations

import html
from collections import Counter
from typing import Any


def _where(item: dict[str, Any]) -> str:
    place = f"footnote {item['footnote']}" if "footnote" in item else "text"
    return f"{item['document']}, {place}, {item['start']}–{item['end']}"


def findings_markdown(records: list[dict[str, Any]]) -> str:
    if not records:
        return "# Source criticism\n\nNothing to flag.\n"
    counts = Counter(record["kind"] for record in records)
    lines = ["# Source criticism", "", ", ".join(f"{kind}: {n}" for kind, n in sorted(counts.items())), ""]
    for number, record in enumerate(records, 1):
        lines += [f"## {number}. {record['kind']}", "", record["message"], ""]
        lines += [f"> {item['text']}  \n> — {_where(item)}" + "\n" for item in record["evidence"]]
    return "\n".join(lines) + "\n"


def findings_html(records: list[dict[str, Any]]) -> str:
    parts = [
        "<!doctype html><html lang='en'><meta charset='utf-8'><title>Source criticism</title>",
        "<style>body{font-family:sans-serif;max-width:50em;margin:auto}blockquote{background:#f6f3ea;"
        "margin:.4em 0;padding:.4em .8em;border-left:3px solid #b58900}small{color:#666}</style>",
        f"<h1>Source criticism</h1><p>{len(records)} finding(s)</p>",
    ]
    for record in records:
        parts.append(
            f"<section><h2>{html.escape(record['kind'])}</h2><p>{html.escape(record['message'])}</p>"
        )
        for item in record["evidence"]:
            parts.append(
                f"<blockquote>{html.escape(item['text'])}<br><small>{html.escape(_where(item))}</small></blockquote>"
            )
        parts.append("</section>")
    return "".join(parts) + "</html>\n"
