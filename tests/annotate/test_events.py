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


def test_a_telegrams_dateline_dates_an_event(tmp_path):
    """ "Place, day month year" alone on the first line is when and where a telegram or letter was written."""
    from pathlib import Path

    from vakanuvis.ingest import read_file
    from vakanuvis.pipeline import analyse

    telegram = tmp_path / "telgraf.txt"
    telegram.write_text(
        "Erzurum, 23 Temmuz 1919\n\nKongre bugün toplandı ve Heyet-i Temsiliye seçildi. Kararlar yarın "
        "Sivas’a bildirilecektir.\n",
        encoding="utf-8",
    )
    document = analyse(read_file(Path(telegram)))
    event = document.events[0]  # then "bugün" and "yarın", counted from the dateline's date
    assert (event.date.edtf, event.sentence) == ("1919-07-23", 0)
    assert document.blocks[document.sentences[0].block].kind == "heading"


def _heading_document(heading: str, written: str, edtf: str) -> Document:
    """A document of one heading holding one date (`written`, normalized to `edtf`)."""
    start = heading.index(written)
    day = date.fromisoformat(edtf) if len(edtf) == 10 else date(int(edtf[:4]), int(edtf[5:7]), 1)
    return Document(
        id="d",
        path="d.txt",
        sha256="0" * 64,
        text=heading,
        blocks=[Block(Span(0, len(heading)), 1, "heading")],
        sentences=[Sentence(Span(0, len(heading)), 1, 0)],
        dates=[DateMention(Span(start, start + len(written)), written, edtf, day, day)],
    )


def test_only_a_place_a_comma_and_a_day_make_a_heading_a_dateline():
    assert len(build_events(_heading_document("Ankara, 16 Mart 1921", "16 Mart 1921", "1921-03-16"))) == 1
    assert len(build_events(_heading_document("Kars, 16 Mart 1921.", "16 Mart 1921", "1921-03-16"))) == 1
    no_dateline = [
        ("Moskova Antlaşması ve Sonrası, 16 Mart 1921", "16 Mart 1921", "1921-03-16"),  # a section's title
        ("Ankara, Mart 1921", "Mart 1921", "1921-03"),  # not to the day
        ("Ankara 16 Mart 1921", "16 Mart 1921", "1921-03-16"),  # no comma
        ("Ankara, 16 Mart 1921 Görüşmeleri", "16 Mart 1921", "1921-03-16"),  # more after the date
        ("ankara, 16 Mart 1921", "16 Mart 1921", "1921-03-16"),  # not a name
    ]
    for heading, written, edtf in no_dateline:
        assert build_events(_heading_document(heading, written, edtf)) == [], heading


def test_a_newspapers_masthead_and_a_dateline_after_fi_date_the_document(tmp_path):
    from vakanuvis.ingest import read_file
    from vakanuvis.pipeline import analyse

    notice = tmp_path / "gazete.txt"
    notice.write_text(
        "Hâkimiyet-i Milliye, 25 Nisan 1336\n\nMeclis dünkü içtimaında riyaset intihabını icra etmiştir.\n\n"
        "Fi 25 Nisan 1336\n",
        encoding="utf-8",
    )
    document = analyse(read_file(notice))
    assert [(event.date.text, event.date.edtf) for event in document.events] == [
        ("25 Nisan 1336", "1920-04-25"),
        ("dünkü", "1920-04-24"),
        ("25 Nisan 1336", "1920-04-25"),
    ]
