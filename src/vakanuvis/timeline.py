"""A chronicle of events for the terminal: by year, each entry its date, its headline (what happened) and
the documents that report it; who took part and where below it. Events whose year is unknown or whose
period is open at one end are listed apart at the end, never in a year they do not belong to."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text

from vakanuvis.export.snapshot import bounded

TITLE_LENGTH = 40
ROLE_LABELS = {
    "agent": "by",
    "patient": "of",
    "recipient": "to",
    "place": "at",
    "instrument": "in",
    "intermediary": "through",
}


def _is_exact(edtf: str) -> bool:
    return "/" not in edtf and "~" not in edtf and "?" not in edtf and edtf.count("-") == 2


def _short(title: str) -> str:
    title = " ".join(title.split())
    return title if len(title) <= TITLE_LENGTH else title[: TITLE_LENGTH - 1].rstrip() + "…"


def render_timeline(
    events: list[dict[str, Any]],
    console: Console,
    titles: dict[str, str] | None = None,
    *,
    sentences: bool = False,
) -> None:
    """Print events (or merged happenings, which name several documents) as a chronicle; `titles` gives
    each document's title; with `sentences`, each entry's sentence below it."""
    if not events:
        console.print("No events.")
        return
    titles = titles or {}
    on_axis = [e for e in events if bounded(e)]  # a known year and two ends: a place among the years
    apart = [e for e in events if not bounded(e)]
    current_year = None
    for event in on_axis:
        year = event["start"][:4]
        if year != current_year:
            console.print(Rule(year, style="bold"))
            current_year = year
        _entry(console, event, titles, sentences)
    if apart:
        console.print(Rule("year unknown or open-ended", style="bold yellow"))
        for event in apart:
            _entry(console, event, titles, sentences)


def _entry(console: Console, event: dict[str, Any], titles: dict[str, str], sentences: bool) -> None:
    heading = Text()
    heading.append(f"{event['date']:<24}", style="bold" if _is_exact(event["date"]) else "italic yellow")
    heading.append((event.get("headline") or event["text"]).strip(), style="cyan")
    documents = event.get("documents") or [event["document"]]
    named = [_short(titles.get(d) or d) for d in documents]
    heading.append("  — " + "; ".join(named), style="dim")
    if event["footnotes"]:
        heading.append("  [" + ", ".join(str(n) for n in event["footnotes"]) + "]", style="dim")
    console.print(heading)
    roles = event.get("roles") or {}
    parts = [f"{ROLE_LABELS.get(role, role)} {', '.join(names)}" for role, names in roles.items() if names]
    if parts:
        console.print(Padding(Text("· " + "; ".join(parts), style="green"), (0, 0, 0, 4)))
    if sentences:
        console.print(Padding(Text(event["sentence"].strip(), style="dim"), (0, 0, 0, 4)))
