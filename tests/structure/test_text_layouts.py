"""Other PDF-to-text shapes: form-feed pages, superscript markers, "1)" endnotes, "[1]" notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.ingest import read_file
from vakanuvis.structure import account_characters, recover_structure

DATA = Path(__file__).parents[1] / "data/structure"


def structure(name: str):
    raw = read_file(DATA / name)
    return raw, recover_structure(raw, name)


def sentence_of(document, number: int) -> str:
    marker = next(marker for marker in document.markers if marker.number == number)
    span = document.sentences[marker.sentence].span
    return document.text[span.start : span.end]


@pytest.mark.parametrize(
    ("name", "notes", "sentences", "pages"),
    [
        (
            "formfeed-superscript.txt",
            {
                1: ("Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 12.", 1),
                2: ("Aynı eser, s. 40-45.", 1),
                3: ("Stefanus Yerasimos, Türk-Sovyet İlişkileri, İstanbul 1979, s. 215.", 2),
                4: ("Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 890.", 2),
            },
            {
                1: "Ankara Hükümeti 1920 yazında Moskova’ya bir heyet gönderdi.",
                2: "Heyet Bekir Sami Bey başkanlığında yola çıktı ve Temmuz ayında Moskova’ya ulaştı.",
                3: "Heyet Çiçerin ile görüştü ve yardım sözü aldı.",
                4: "Doğu Cephesi Komutanı Kazım Karabekir Paşa silahları teslim aldı.",
            },
            2,
        ),
        (
            "endnotes-paren.txt",
            {
                1: ("Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 850.", 1),
                2: ("Gümrü Antlaşması’nın metni için bk. Düstur, III. Tertip, c. 1, s. 243.", 1),
                3: ("Yerasimos, a.g.e., s. 260.", 1),
            },
            {
                1: "Kazım Karabekir Paşa kumandasındaki Doğu Ordusu 1920 sonbaharında Kars’ı aldı.",
                2: "2 Aralık 1920’de Gümrü Antlaşması imzalandı.",
                3: "Bu, TBMM’nin ilk uluslararası başarısıydı.",
            },
            1,
        ),
        (
            "note-starting-with-a-date.txt",
            {
                1: (
                    "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 700. Raporun tarihi: 2 Mayıs 1920; bk. aynı eser, s. 702.",
                    1,
                ),
                2: ("Aynı eser, s. 715.", 1),
            },
            {
                1: "Kazım Karabekir Paşa raporunu Ankara’ya gönderdi.",
                2: "Ardından Doğu Cephesi için yeni emirler verildi ve ordu harekete geçti.",
            },
            1,
        ),
        (
            "layout-margin.txt",
            {
                1: ("Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 960.", 1),
                2: ("Düstur, III. Tertip, c. 2, s. 12.", 1),
                3: ("TBMM Zabıt Ceridesi, Devre I, c. 14, s. 200.", 2),
            },
            {
                1: "Kars Konferansı 26 Eylül 1921’de toplandı ve Güney Kafkasya cumhuriyetleri ile Türkiye arasındaki sınır meseleleri görüşüldü.",
                2: "Antlaşma 13 Ekim 1921’de imzalandı.",
                3: "Antlaşmanın maddeleri Ankara’da Meclis’te okundu ve kabul edildi.",
            },
            2,
        ),
        (
            "spaced-markers.txt",
            {
                1: ("Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 12.", 1),
                2: ("Aynı eser, s. 40.", 1),
                3: ("Aynı eser, s. 60.", 1),
            },
            {
                1: "Ankara Hükümeti Moskova’ya bir heyet gönderdi.",
                2: "Heyet Temmuz’da Moskova’ya ulaştı.",
                3: "Görüşmeler Ağustos sonunda sonuçlandı.",
            },
            1,
        ),
        (
            "brackets.txt",
            {
                1: ("Tevfik Bıyıklıoğlu, Atatürk Anadolu’da, Ankara 1959, s. 120.", 1),
                2: ("Aynı eser, s. 131.", 1),
            },
            {
                1: "Sakarya Meydan Muharebesi 23 Ağustos 1921’de başladı.",
                2: "Yunan ordusu 13 Eylül’de çekildi.",
            },
            1,
        ),
    ],
)
def test_footnotes_markers_and_pages(name, notes, sentences, pages):
    raw, document = structure(name)
    assert {note.number: (note.text, note.page) for note in document.footnotes} == notes
    assert {number: sentence_of(document, number) for number in sentences} == sentences
    assert document.pages == pages
    assert account_characters(raw, document) == {}


@pytest.mark.parametrize(
    ("name", "absent"),
    [
        ("formfeed-superscript.txt", ["Tarih Dergisi", "¹", "²", "³", "____", "Cebesoy", "\n1\n", "son-"]),
        ("endnotes-paren.txt", ["1)", "Yerasimos", "s. 850"]),
        ("brackets.txt", ["[1]", "[2]", "—", "Bıyıklıoğlu"]),
        ("layout-margin.txt", ["Doğu Araştırmaları", "- 7 -", "- 8 -", "Düstur", "___"]),
    ],
)
def test_body_has_no_notes_or_furniture(name, absent):
    _, document = structure(name)
    for text in absent:
        assert text not in document.text


def test_form_feed_page_furniture_is_recorded():
    _, document = structure("formfeed-superscript.txt")
    furniture = {(item.page, item.reason, item.text.strip()) for item in document.furniture}
    assert {
        (2, "running-head", "Tarih Dergisi 12"),
        (1, "page-number", "1"),
        (2, "page-number", "2"),
    } <= furniture
    assert (2, "hyphen", "-") in furniture  # "son-" + "baharında"
    assert "1920 sonbaharında Erzurum’a" in document.text
    assert document.title == "TÜRK-SOVYET İLİŞKİLERİ"
    assert [page for _, page in document.page_starts] == [1, 2]


def test_a_centred_first_line_is_the_title_not_a_running_head():
    _, document = structure("layout-margin.txt")
    assert document.text.startswith("KARS ANTLAŞMASI VE SONRASI\n\nKars Konferansı")
    assert document.blocks[0].kind == "heading"
    assert document.title == "KARS ANTLAŞMASI VE SONRASI"


def test_spaced_markers_stop_where_a_date_or_locator_begins():
    _, document = structure("spaced-markers.txt")
    assert [marker.number for marker in document.markers] == [1, 2, 3]
    assert (
        "Sonra heyet Ankara’ya döndü. 4 Mayıs 1921’de yeni bir heyet yola çıktı ve s. 5 numaralı"
        in document.text
    )


def test_soft_hyphen_at_a_line_end_joins_the_word(tmp_path):
    path = tmp_path / "soft.txt"
    path.write_text(
        "Bakü’de toplanan kurultaya Azer\u00ad\nbaycan ve Türkiye temsilcileri katıldı.\n", encoding="utf-8"
    )
    raw = read_file(path)
    document = recover_structure(raw, "soft")
    assert document.text == "Bakü’de toplanan kurultaya Azerbaycan ve Türkiye temsilcileri katıldı."
    assert [(item.reason, item.text) for item in document.furniture] == [("hyphen", "\u00ad")]
    assert account_characters(raw, document) == {}


def _blocks(tmp_path, text: str) -> list[tuple[str, str]]:
    path = tmp_path / "blocks.txt"
    path.write_text(text, encoding="utf-8")
    document = recover_structure(read_file(path), "blocks")
    return [(block.kind, document.text[block.span.start : block.span.end]) for block in document.blocks]


@pytest.mark.parametrize("heading", ["Sonuç", "Son Söz", "Değerlendirme"])
def test_a_heading_between_paragraphs_a_line_each_stays_a_heading(tmp_path, heading):
    text = (
        "Başlık Burada\n\nGiriş\n\nMetin burada 1920 yılında yazıldı. Ankara Hükümeti kuruldu.\n\n"
        f"{heading}\n\nMoskova Antlaşması 16 Mart 1921 tarihinde imzalandı.\n"
    )
    blocks = _blocks(tmp_path, text)
    assert ("heading", heading) in blocks
    assert ("paragraph", "Metin burada 1920 yılında yazıldı. Ankara Hükümeti kuruldu.") in blocks


def test_wrapped_lines_with_a_blank_line_after_each_are_one_paragraph(tmp_path):
    text = (
        "Moskova’da toplanan konferansta Türkiye ve Rusya\n\nheyetleri uzun müzakerelerden sonra\n\n"
        "16 Mart 1921 tarihinde bir antlaşma imza-\n\nladılar ve sınır meselesi böylece\n\nçözüldü.\n"
    )
    blocks = _blocks(tmp_path, text)
    assert [kind for kind, _ in blocks] == ["paragraph"]
    assert blocks[0][1].endswith("imzaladılar ve sınır meselesi böylece çözüldü.")
