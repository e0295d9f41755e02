"""tag_dates over a document: years from the narrative and the title, footnote spans and roles."""

from __future__ import annotations

import pytest

from vakanuvis.annotate.dates import tag_dates
from vakanuvis.model import Document, Footnote, Marker, Sentence, Span


def document_of(
    body: str, footnotes: dict[int, str] | None = None, title: str = "", markers: dict[int, str] | None = None
) -> Document:
    """A document from plain text: sentences split on ". ", markers placed after the given body words."""
    sentences, start = [], 0
    for piece in body.split(". "):
        end = min(len(body), start + len(piece) + 2)
        sentences.append(Sentence(span=Span(start, end), page=1, block=0))
        start = end
    notes = [Footnote(number=number, text=text, page=1) for number, text in (footnotes or {}).items()]
    placed = [
        Marker(number=number, offset=body.index(words) + len(words), page=1, sentence=None)
        for number, words in (markers or {}).items()
    ]
    return Document(
        id="t",
        path="t.txt",
        sha256="",
        title=title,
        text=body,
        sentences=sentences,
        footnotes=notes,
        markers=placed,
    )


def test_year_from_previous_sentence() -> None:
    document = document_of(
        "23 Temmuz - 6 Ağustos 1919 tarihleri arasında Erzurum Kongresi yapıldı. "
        "Erzurum’dan sonra 4-11 Eylül tarihinde Sivas Kongresi yapıldı."
    )
    values = [(mention.text, mention.edtf, mention.year_inferred) for mention in tag_dates(document)]
    assert values == [
        ("23 Temmuz - 6 Ağustos 1919 tarihleri arasında", "1919-07-23/1919-08-06", False),
        ("4-11 Eylül tarihinde", "1919-09-04/1919-09-11", True),
    ]


def test_year_from_the_title_period() -> None:
    document = document_of(
        "Bu dönemde heyet 12 Ekim’de Ankara’ya geldi.",
        title="Sovyet Rusya Belgelerinde Türkiye-Azerbaycan Siyasi İlişkileri (1920-1922)",
    )
    [mention] = tag_dates(document)
    assert (mention.edtf, mention.year_inferred) == ("1920-10-12", True)


@pytest.mark.parametrize(
    ("note", "expected"),
    [
        (
            "С.И.Аралов. Воспоминания советского дипломата. М., 1960, стр. 19",
            [("1960", "1960", "bibliographic")],
        ),
        (
            "N.Nәrimanov. Ucqarlarda inqılabımızın tarihine dair. Bakı,1992,s.70.",
            [("1992", "1992", "bibliographic")],
        ),
        ("Azәrbaycan arxivi jurnalı, 1988,№1,2,s. 143", [("1988", "1988", "bibliographic")]),
        ("İkdam qәzeti,18 oktyabr 1921.", [("18 oktyabr 1921", "1921-10-18", "bibliographic")]),
        (
            "Доклад на I съезде Советов.6 мая 1921 г. Стенографический отчет съезда.Баку, 1922,стр.47.",
            [("6 мая 1921 г.", "1921-05-06", "bibliographic"), ("1922", "1922", "bibliographic")],
        ),
        (
            "C.Hәsәnov. Azәrbaycan beynәlxalq münasibәtlәr sistemindә.1918- 1920.Bakı,1993,s.266.",
            [("1918- 1920", "1918/1920", "bibliographic"), ("1993", "1993", "bibliographic")],
        ),
        (
            "Armaoğlu şöyle yazar: 1920 Eylülünde 200.6 kg. altın Erzurum da teslim edilmiştir. "
            "1921 Ocak-Şubat aylarında, 1000 atımlık top barutu verilmiştir. (Armaoğlu, 2005, s.313)",
            [
                ("1920 Eylülünde", "1920-09", "event"),
                ("1921 Ocak-Şubat aylarında", "1921-01/1921-02", "event"),
                ("2005", "2005", "bibliographic"),
            ],
        ),
    ],
)
def test_footnote_roles(note: str, expected: list[tuple[str, str, str]]) -> None:
    document = document_of("Heyet Moskova’ya gitti.", footnotes={7: note})
    mentions = tag_dates(document)
    assert [(mention.text, mention.edtf, mention.role) for mention in mentions] == expected
    for mention in mentions:
        assert mention.span.footnote == 7
        assert mention.span.text_in(document) == mention.text


def test_footnote_takes_the_year_where_its_marker_stands() -> None:
    document = document_of(
        "Ali Bey Mart 1920’de Nahçıvan’a geldi. Ordu Nisan 1921’de çekildi.",
        footnotes={1: "Halil Bey’in raporuna göre ordu Haziran’da girmiştir."},
        markers={1: "Nahçıvan’a geldi."},
    )
    note_dates = [mention for mention in tag_dates(document) if mention.span.footnote == 1]
    assert [(mention.edtf, mention.year_inferred, mention.role) for mention in note_dates] == [
        ("1920-06", True, "event")
    ]


def test_body_spans_point_into_the_text() -> None:
    document = document_of(
        "1920’de TBMM kuruldu. 6000 tüfek ve 17600 top mermisi geldi. 1 Kasım 1922’de saltanat kalktı."
    )
    mentions = tag_dates(document)
    assert [mention.span.text_in(document) for mention in mentions] == ["1920’de", "1 Kasım 1922’de"]
    assert all(mention.span.footnote is None and mention.role == "event" for mention in mentions)
