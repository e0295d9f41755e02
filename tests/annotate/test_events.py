"""Events: body dates become events with their sentence and footnotes; headings and footnote dates do not."""

from __future__ import annotations

from datetime import date

from vakanuvis.annotate.events import build_events
from vakanuvis.model import Block, DateMention, Document, Marker, Sentence, Span


def test_events_from_body_dates_only():
    heading = "BARIŞ YILLARI (1922-1926)"
    body = "23 Nisan 1920’de Meclis açıldı. Sonra kapandı."
    text = heading + "\n\n" + body
    start = len(heading) + 2
    first_end = start + body.index(".") + 1
    document = Document(
        id="d",
        path="d.txt",
        sha256="0" * 64,
        text=text,
        blocks=[Block(Span(0, len(heading)), 1, "heading"), Block(Span(start, len(text)), 1)],
        sentences=[
            Sentence(Span(0, len(heading)), 1, 0),
            Sentence(Span(start, first_end), 1, 1),
            Sentence(Span(first_end + 1, len(text)), 1, 1),
        ],
        markers=[Marker(1, first_end, 1, 1), Marker(2, len(text), 1, 2)],
    )
    document.dates = [
        DateMention(Span(15, 24), "1922-1926", "1922/1926", date(1922, 1, 1), date(1926, 12, 31)),
        DateMention(
            Span(start, start + 16), "23 Nisan 1920’de", "1920-04-23", date(1920, 4, 23), date(1920, 4, 23)
        ),
        DateMention(
            Span(0, 4, 1), "1960", "1960", date(1960, 1, 1), date(1960, 12, 31), role="bibliographic"
        ),
    ]
    (event,) = build_events(document)
    assert event.date is document.dates[1]
    assert event.sentence == 1
    assert event.footnotes == [1]
