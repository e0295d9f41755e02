"""A PDF built by the test itself: footnotes found by layout, in each of the ways the article is set
(small type at the page foot; notes at the body's size under a drawn rule; at the body's size with no
rule, found by the numbers the page's markers call for), markers raised a little or as a word processor
raises a superscript."""

from __future__ import annotations

import pytest

from vakanuvis.ingest import read_file
from vakanuvis.structure import account_characters, recover_structure

from .pdf_article import FONT, LAYOUTS, build_article_pdf


@pytest.fixture(scope="module", params=sorted(LAYOUTS))
def raw(request, tmp_path_factory):
    if not FONT.exists():
        pytest.skip("DejaVuSans not installed (Debian package fonts-dejavu-core)")
    path = tmp_path_factory.mktemp("pdf") / f"makale-{request.param}.pdf"
    return read_file(build_article_pdf(path, **LAYOUTS[request.param]))


@pytest.fixture(scope="module")
def document(raw):
    return recover_structure(raw, "pdf")


def test_footnotes_are_recovered_and_joined_across_pages(document):
    notes = {note.number: note for note in document.footnotes}
    assert sorted(notes) == [1, 2, 3]
    assert notes[1].text == "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1969, s. 626."
    assert notes[2].text == (
        "Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 45; aynı olay için bk. Salahi R. Sonyel, "
        "Türk Kurtuluş Savaşı ve Dış Politika, Ankara 2003, s. 77. Yazar olayı farklı bir tarihle anlatır."
    )
    assert (notes[2].page, notes[2].pages) == (1, [1, 2])
    assert (notes[3].text, notes[3].page) == ("Documents diplomatiques, Paris 1922, p. 14.", 2)


@pytest.mark.parametrize(
    ("number", "sentence", "page"),
    [
        (1, "Mondros Ateşkes Antlaşması’ndan sonra Anadolu’da milli mücadele başladı.", 1),
        (2, "Halil Bey, 11. Ordu karargâhı ile görüşerek durumu Ankara’ya bildirdi.", 1),
        (3, "Kars Antlaşması 13 Ekim 1921’de imzalandı.", 2),
    ],
)
def test_markers_link_to_their_sentences(document, number, sentence, page):
    marker = next(marker for marker in document.markers if marker.number == number)
    span = document.sentences[marker.sentence].span
    assert document.text[span.start : span.end] == sentence
    assert marker.page == page


def test_body_text_is_clean_and_whole(document):
    assert document.text == (
        "GİRİŞ\n\n"
        "Mondros Ateşkes Antlaşması’ndan sonra Anadolu’da milli mücadele başladı. Mustafa Kemal Paşa 19 Mayıs "
        "1919’da Samsun’a çıktı ve Erzurum ile Sivas kongrelerini topladı. Bu sırada Azerbaycan ile ilişkiler "
        "de önem kazandı.\n\n"
        "Türkiye-Azerbaycan ilişkilerinde Nahçıvan meselesi öne çıktı. Halil Bey, 11. Ordu karargâhı ile "
        "görüşerek durumu Ankara’ya bildirdi. Moskova’daki heyet S.İ. Aralov ile de temas kurdu ve "
        "Azerbaycan’ın desteğini istedi. Türkiye-Ermenistan sınırı ise henüz belirsizdi.\n\n"
        "Kars Antlaşması 13 Ekim 1921’de imzalandı. Antlaşma ile doğu sınırı kesinleşti ve Nahçıvan "
        "Azerbaycan’a bağlı özerk bir bölge oldu. Bu gelişme iki ülke arasındaki bağları güçlendirdi.\n\n"
        "SONUÇ\n\n"
        "Türkiye ile Azerbaycan 1920-1922 yıllarında yakın ilişkiler kurdu."
    )


def test_headings_pages_and_furniture(document):
    kinds = [(block.kind, block.page) for block in document.blocks]
    assert kinds == [
        ("heading", 1),
        ("paragraph", 1),
        ("paragraph", 1),
        ("paragraph", 2),
        ("heading", 2),
        ("paragraph", 2),
    ]
    reasons = sorted(
        (item.page, item.reason, item.text) for item in document.furniture if item.reason != "footnote-number"
    )
    assert (1, "page-number", "45") in reasons and (2, "page-number", "46") in reasons
    assert (1, "running-head", "Türkiye-Azerbaycan İlişkileri (1920-1922)") in reasons
    assert document.title == "Türkiye-Azerbaycan İlişkileri (1920-1922)"
    assert document.pages == 2


def test_nothing_is_lost(raw, document):
    assert account_characters(raw, document) == {}
