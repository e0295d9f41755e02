"""A readable timeline of events for the terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def render_timeline(events: list[dict[str, Any]], console: Console) -> None:
    """Print events grouped by year, each with its date, sentence and footnotes."""
    if not events:
        console.print("No events.")
        return
    table = Table(show_lines=False, expand=True)
    table.add_column("date", no_wrap=True, style="bold")
    table.add_column("as written", style="cyan")
    table.add_column("event")
    table.add_column("who / where", style="green")
    table.add_column("fn", justify="right")
    current_year = None
    for event in events:
        year = event["start"][:4]
        if year != current_year:
            if current_year is not None:
                table.add_section()
            current_year = year
        who_where = ", ".join(event["actors"] + event["places"])
        notes = ",".join(str(n) for n in event["footnotes"])
        table.add_row(event["date"], event["text"], event["sentence"], who_where, notes)
    console.print(table)
