"""TimelineJS JSON: one slide per event, headed by what happened, with its sentence, footnotes and document."""

from __future__ import annotations

import html
from typing import Any

from vakanuvis.export.snapshot import Snapshot, bounded, headline


def _timeline_date(iso: str) -> dict[str, str]:
    year, month, day = iso.split("-")
    return {"year": year, "month": str(int(month)), "day": str(int(day))}


def to_timelinejs(snapshot: Snapshot) -> dict[str, Any]:
    notes = {(d.id, n.number): n.text for d in snapshot.documents for n in d.footnotes}
    titles = {d.id: d.title for d in snapshot.documents}
    events = []
    for event in filter(bounded, snapshot.events):  # an open or year-less event has no place on the axis
        footnote_html = "".join(
            f"<p><sup>{n}</sup> {html.escape(notes.get((event['document'], n), ''))}</p>"
            for n in event["footnotes"]
        )
        document_title = titles.get(event["document"]) or event["document"]
        slide: dict[str, Any] = {
            "unique_id": event["id"],
            "start_date": _timeline_date(event["start"]),
            "text": {
                "headline": html.escape(headline(event)),
                "text": f"<p>{html.escape(event['sentence'])}</p>{footnote_html}"
                f"<p><cite>{html.escape(document_title)}</cite></p>",
            },
            "group": document_title,
        }
        if event["end"] != event["start"]:
            slide["end_date"] = _timeline_date(event["end"])
        events.append(slide)
    title = snapshot.documents[0].title if len(snapshot.documents) == 1 else "vakanuvis"
    return {"title": {"text": {"headline": html.escape(title or "vakanuvis"), "text": ""}}, "events": events}
