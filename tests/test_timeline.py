"""The terminal chronicle: entries by year with headline and documents, undated ones apart at the end."""

from __future__ import annotations

from rich.console import Console

from vakanuvis.timeline import render_timeline


def _event(date, start, end, headline, document="d1", **extra):
    return {
        "date": date,
        "start": start,
        "end": end,
        "text": date,
        "headline": headline,
        "document": document,
        "sentence": "…",
        "footnotes": [],
        "roles": extra.get("roles", {}),
        **({"documents": extra["documents"]} if "documents" in extra else {}),
    }


def test_undated_and_open_events_are_listed_apart_and_entries_name_their_documents():
    console = Console(record=True, width=200)
    render_timeline(
        [
            _event("XXXX-03-16", "0001-01-01", "0001-12-31", "Meclis açıldı"),
            _event(
                "1921-03-16",
                "1921-03-16",
                "1921-03-16",
                "Moskova Muahedesi imzalandı",
                documents=["d1", "d2"],
                roles={"place": ["Moscow"]},
            ),
            _event("1920-03-16", "1920-03-16", "9999-12-31", "işgal devam etti"),
        ],
        console,
        {"d1": "Ankara'ya telgraf", "d2": "Hatırat"},
    )
    lines = console.export_text().splitlines()
    signed = next(i for i, line in enumerate(lines) if "Moskova Muahedesi imzalandı" in line)
    assert "Ankara'ya telgraf; Hatırat" in lines[signed] and "at Moscow" in lines[signed + 1]
    apart = next(i for i, line in enumerate(lines) if "year unknown or open-ended" in line)
    assert signed < apart
    assert all(any(h in line for line in lines[apart:]) for h in ("Meclis açıldı", "işgal devam etti"))
    assert not any(line.strip().startswith("─") and "0001" in line for line in lines)
