"""A readable timeline of events for the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.rule import Rule
from rich.text import Text


def _is_exact(edtf: str) -> bool:
    return "/" not in edtf and "~" not in edtf and "?" not in edtf and edtf.count("-") == 2


def render_timeline(events: list[dict[str, Any]], console: Console) -> None:
    """Print events grouped by year: the date (dim when approximate or a range), the sentence, who and where."""
    if not events:
        console.print("No events.")
        return
    current_year = None
    for event in events:
        year = event["start"][:4]
        if year != current_year:
            console.print(Rule(year, style="bold"))
            current_year = year
        heading = Text()
        heading.append(f"{event['date']:<24}", style="bold" if _is_exact(event["date"]) else "italic yellow")
        heading.append(event["text"].strip(), style="cyan")
        if event["footnotes"]:
            heading.append("  [" + ", ".join(str(n) for n in event["footnotes"]) + "]", style="dim")
        console.print(heading)
        console.print(Padding(Text(event["sentence"].strip()), (0, 0, 0, 4)))
        named = event["actors"] + event["places"]
        if named:
            console.print(Padding(Text("· " + ", ".join(named), style="green"), (0, 0, 0, 4)))
