"""What a document says of itself: its dateline's date and place, its signature; and the metadata given."""

from __future__ import annotations

import hashlib

import pytest

from vakanuvis.annotate.metadata import Dateline, dateline, detect_metadata, first_dateline
from vakanuvis.model import Document, Footnote, RawDocument, RawLine, RawPage
from vakanuvis.pipeline import analyse


def raw_of(text: str) -> RawDocument:
    """A read plain-text file holding `text`, one line per line."""
    lines = [RawLine(line) for line in text.split("\n")]
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return RawDocument(path="belge.txt", sha256=digest, encoding="utf-8", pages=[RawPage(1, lines)])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sivas, 12 Eylül 1335", Dateline("1919-09-12", "Sivas")),
        ("Kolordu Karargâhı, Kars, 3 Teşrîn-i Sânî 1336", Dateline("1920-11-03", "Kars")),
        ("Ankara, 4 Mart 1337 — fi 23 Cemaziyelahir 1339", Dateline("1921-03-04", "Ankara")),
        ("Konya, fi 2 Receb 1338", Dateline("1920-03-22", "Konya")),
        ("fi 17 Şaban 1338", Dateline("1920-05-06", None)),
        ("12-8-1336", Dateline("1920-08-12", None)),
        ("5.VI.1337", Dateline("1921-06-05", None)),
        ("18. XI. 1338", Dateline("1922-11-18", None)),
        ("Trabzon, 7/6/335", Dateline("1919-06-07", "Trabzon")),
        ("Samsun, 21 Mayıs 1919", Dateline("1919-05-21", "Samsun")),
        ("3 Nisan 1336, Eskişehir", Dateline("1920-04-03", "Eskişehir")),
        ("Tarih: 9 Haziran 1336", Dateline("1920-06-09", None)),
        # not datelines: a sentence with a date, a year alone, a span of days
        ("Kongre 4 Eylül 1335’te Sivas’ta toplandı.", None),
        ("Bursa, 1920", None),
        ("Sivas, 4-11 Eylül 1335", None),
        ("Heyet-i Temsiliye namına", None),
    ],
)
def test_datelines(line: str, expected: Dateline | None) -> None:
    assert dateline(line) == expected


TELEGRAM = """Sivas, 12 Eylül 1335

Dahiliye Nezareti’ne

Kongre bugün mesaisine devam etmiştir. Murahhaslar dün akşam şehre gelmişlerdir. Kararlar yarın tebliğ
olunacaktır.

Heyet-i Temsiliye Reisi
Mustafa Kemal"""

LETTER_DATED_AT_ITS_FOOT = """Muhterem Kardeşim,

Mektubunuzu aldım. Geçen sene Haziran’ın yirmisinde görüştüğümüz gibi heyet mah-ı halin on beşinde
hareket edecektir.

Ankara, 2 Mayıs 1337

Maliye Vekili
Ferid"""


def test_a_telegrams_dateline_and_signature_are_detected() -> None:
    document = analyse(raw_of(TELEGRAM))
    assert (document.date, document.place, document.authors) == ("1919-09-12", "Sivas", ["Mustafa Kemal"])
    assert document.origins == {"date": "detected", "place": "detected", "authors": "detected"}
    by_text = {mention.text: (mention.edtf, mention.year_from) for mention in document.dates}
    assert by_text["bugün"] == ("1919-09-12", "document")
    assert by_text["dün akşam"] == ("1919-09-11", "document")
    assert by_text["yarın"] == ("1919-09-13", "document")


def test_a_dateline_at_the_foot() -> None:
    document = analyse(raw_of(LETTER_DATED_AT_ITS_FOOT))
    assert (document.date, document.place, document.authors) == ("1921-05-02", "Ankara", ["Ferid"])
    by_text = {mention.text: mention.edtf for mention in document.dates}
    assert by_text["Geçen sene Haziran’ın yirmisinde"] == "1920-06-20"
    assert by_text["mah-ı halin on beşinde"] == "1921-05-15"


DECREE_DATED_IN_TWO_CALENDARS = """Kararname

Madde 1 – Vergiler cibayet olunur.

Madde 2 – Bakaya tahsil edilir.

Madde 3 – Muvazene tanzim kılınır.

Madde 4 – İşbu kararname neşri tarihinden muteberdir.

Ankara, 18 Teşrinisani 1336
fi 6 Rebiülevvel 1339

İcra Vekilleri Heyeti Reisi"""


def test_a_foot_dateline_in_two_calendars_keeps_its_place() -> None:
    document = analyse(raw_of(DECREE_DATED_IN_TWO_CALENDARS))
    assert (document.date, document.place) == ("1920-11-18", "Ankara")
    assert document.origins["place"] == "detected"


def test_a_dateline_of_another_day_lends_no_place() -> None:
    lines = ["fi 6 Rebiülevvel 1339", "Ankara, 19 Teşrinisani 1336"]
    assert first_dateline(lines) == Dateline("1920-11-18", None)
    assert first_dateline(list(reversed(lines))) == Dateline("1920-11-19", "Ankara")


def test_what_the_user_gave_wins_and_is_marked_given() -> None:
    given = {
        "date": "1919-09-13",
        "type": "telegram",
        "place": "Ankara",
        "authors": ["Rauf Bey"],
        "title": "Tamim",
    }
    document = analyse(raw_of(TELEGRAM), given)
    assert (document.date, document.place, document.authors, document.type, document.title) == (
        "1919-09-13",
        "Ankara",
        ["Rauf Bey"],
        "telegram",
        "Tamim",
    )
    assert document.origins == {name: "given" for name in given}
    assert {mention.text: mention.edtf for mention in document.dates}["bugün"] == "1919-09-13"


def test_without_metadata_analyse_is_as_before() -> None:
    plain = analyse(raw_of("Kongre 4 Eylül 1919’da toplandı. 11 Eylül’de dağıldı."))
    assert (plain.date, plain.origins) == (None, {})
    assert [(mention.edtf, mention.year_from) for mention in plain.dates] == [
        ("1919-09-04", "text"),
        ("1919-09-11", "context"),
    ]


def test_scholarship_gets_no_date_from_its_text() -> None:
    article = Document(
        id="a",
        path="a.txt",
        sha256="",
        text="Ankara, 23 Nisan 1920\n\nMeclis açıldı.",
        footnotes=[Footnote(number=1, text="Karabekir, İstiklal Harbimiz, s. 12.", page=1)],
    )
    detect_metadata(article, raw_of(article.text))
    assert (article.date, article.origins) == (None, {})
    given_article = Document(id="b", path="b.txt", sha256="", text="Ankara, 23 Nisan 1920", type="article")
    given_article.origins["type"] = "given"
    detect_metadata(given_article, raw_of(given_article.text))
    assert given_article.date is None


def test_no_dateline_no_date() -> None:
    memoir = analyse(
        raw_of("İSTANBUL’DAN ANKARA’YA\n\nO sabah 16 Mart’ta şehir işgal olundu. Ertesi gün yola çıktık.")
    )
    assert memoir.date is None and "date" not in memoir.origins


REPORT_TITLED_UNDER_ITS_DATELINE = """Metristepe, 3. IV. 1337

Garp Cephesi Kumandanlığı Raporu

Büyük Millet Meclisi Riyaset-i Celilesine

Düşman bugün ricate mecbur olmuştur. Kıtaatımız takibe devam etmektedir.

Garp Cephesi Kumandanı
İsmet"""


def test_a_title_line_under_the_dateline_titles_the_document() -> None:
    document = analyse(raw_of(REPORT_TITLED_UNDER_ITS_DATELINE))
    assert (document.title, document.origins.get("title")) == ("Garp Cephesi Kumandanlığı Raporu", "detected")
    assert document.date == "1921-04-03"


def test_without_a_title_line_the_dateline_stays_the_title() -> None:
    """The telegram's lines under its dateline are an address and the text: none is a title."""
    document = analyse(raw_of(TELEGRAM))
    assert document.title == "Sivas, 12 Eylül 1335" and "title" not in document.origins


@pytest.mark.parametrize(
    ("foot", "expected"),
    [
        ("Dokuzuncu Ordu Müfettişi\nMustafa Kemal", ["Mustafa Kemal"]),
        ("Cümlenize selam ederim.\nKâzım Karabekir", ["Kâzım Karabekir"]),
        ("Kardeşiniz\nRefet", ["Refet"]),
        # a line that is itself an office is no name; a sentence above says nothing
        ("Dokuzuncu Ordu Müfettişi\nErkân-ı Harbiye Reisi", []),
        ("Kıtaat yola çıkmıştır.\nSivas Valisi", []),
    ],
)
def test_signatures_under_an_office_or_a_closing(foot: str, expected: list[str]) -> None:
    from vakanuvis.annotate.metadata import signatures

    assert signatures(foot.split("\n")) == expected
