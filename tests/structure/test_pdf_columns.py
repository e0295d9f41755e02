"""A page set in two columns whose lines stand at the same heights: each column is read top to bottom, the
left before the right, a sentence running from the foot of one column to the head of the next kept whole;
a heading and footnotes set across the page stay where they stand."""

from __future__ import annotations

import pytest

from vakanuvis.ingest import read_file
from vakanuvis.structure import recover_structure

from .pdf_article import FONT, draw_line

LEFT = [
    ">Ankara hükümeti Moskova ile görüşmelere",
    "1920 yazında başladı. Heyet Bekir Sami Bey",
    "başkanlığında yola çıktı ve Erzurum üzerinden",
    "Kafkasya’ya geçti.{1} Görüşmeler uzun sürdü",
    "ve Çiçerin ile yapılan ilk toplantıda sınır",
    "meselesi öne çıktı. Ermeni meselesi de bu",
    "sırada masaya geldi ve heyet Ankara’dan yeni",
    "talimat istedi. Talimat gecikince görüşmeler",
]
RIGHT = [
    "bir süre durdu ve heyet Moskova’da bekledi.",
    ">Kars Antlaşması 13 Ekim 1921’de imzalandı.{2}",
    "Antlaşma ile doğu sınırı kesinleşti ve Nahçıvan",
    "Azerbaycan’a bağlı özerk bir bölge oldu. Bu",
    "gelişme iki ülke arasındaki bağları güçlendirdi",
    "ve Ankara ile Bakü arasında elçiler atandı.",
    "Ticaret yolu da açıldı ve Batum limanından",
    "Trabzon’a mal taşınmaya başlandı kısa sürede.",
]
NOTES = [
    "{1} Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 45.",
    "{2} Kazım Karabekir, İstiklal Harbimiz, İstanbul 1969, s. 626.",
]


@pytest.fixture(scope="module", params=["notes-under-the-left-column", "notes-under-each-column"])
def document(request, tmp_path_factory):
    if not FONT.exists():
        pytest.skip("DejaVuSans not installed (Debian package fonts-dejavu-core)")
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    draw_line(pdf, 20, 25, "GİRİŞ: TÜRK-SOVYET GÖRÜŞMELERİNİN İLK AŞAMASI VE SONUÇLARI ÜZERİNE", 9)
    for row, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
        y = 40 + row * 4.6
        for x, line in ((20, left), (110, right)):
            if line.startswith(">"):
                line, x = line[1:], x + 5
            draw_line(pdf, x, y, line, 9, 0.18)
    if request.param == "notes-under-the-left-column":
        pdf.line(20, 250, 70, 250)
        for row, note in enumerate(NOTES):
            draw_line(pdf, 20, 256 + row * 3.6, note, 7)
    else:
        # Each column's notes under its own rule, the right ones starting lower (baselines between the left
        # ones'), the first running over two lines.
        pdf.line(20, 250, 70, 250)
        first, rest = NOTES[0].split(" İstanbul")
        draw_line(pdf, 20, 256, first, 7)
        draw_line(pdf, 20, 259.6, "İstanbul" + rest, 7)
        pdf.line(110, 251.7, 160, 251.7)
        draw_line(pdf, 110, 257.7, NOTES[1], 7)
    path = tmp_path_factory.mktemp("columns") / f"iki-sutun-{request.param}.pdf"
    pdf.output(str(path))
    return recover_structure(read_file(path), "columns")


def test_columns_are_read_one_after_the_other(document):
    paragraphs = [document.text[b.span.start : b.span.end] for b in document.blocks]
    assert paragraphs[0].startswith("GİRİŞ")
    assert paragraphs[1].startswith("Ankara hükümeti Moskova ile görüşmelere 1920 yazında başladı.")
    # the sentence that crosses from the foot of the left column to the head of the right one
    assert "Talimat gecikince görüşmeler bir süre durdu ve heyet Moskova’da bekledi." in paragraphs[1]
    assert paragraphs[2].startswith("Kars Antlaşması 13 Ekim 1921’de imzalandı.")
    assert paragraphs[2].endswith("Trabzon’a mal taşınmaya başlandı kısa sürede.")
    assert len(paragraphs) == 3


def test_notes_and_markers_of_a_page_in_columns(document):
    assert [(note.number, note.text) for note in document.footnotes] == [
        (1, "Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 45."),
        (2, "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1969, s. 626."),
    ]
    carried = {m.number: document.text[: m.offset].rsplit(" ", 1)[-1] for m in document.markers}
    assert carried == {1: "geçti.", 2: "imzalandı."}


def test_a_body_size_note_stopping_on_a_locator_goes_on_above_the_next_pages_first_note(tmp_path) -> None:
    """No rule and notes at the body's size: the note the first page ends with "… Belge No." (a full stop,
    but a locator that wants its number) goes on in the short "1920." that opens the second page's foot."""
    if not FONT.exists():
        pytest.skip("DejaVuSans not installed (Debian package fonts-dejavu-core)")
    from fpdf import FPDF

    body = LEFT + RIGHT + LEFT
    pdf = FPDF(format="A5", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    for last, notes in (
        (
            "Ankara bu dönemde doğudan yardım bekliyordu.{1}",
            ["{1} Harp Tarihi Belgeleri Dergisi, S. 85, Ankara 1971, Belge No."],
        ),
        ("Heyet Moskova’dan döndü ve Meclis’e rapor verdi.{2}", ["1920.", "{2} Cebesoy, a.g.e., s. 40."]),
    ):
        pdf.add_page()
        for row, line in enumerate(body + [last]):
            draw_line(pdf, 12, 20 + row * 4.6, line.lstrip(">"), 9, 0.18)
        top = 20 + (len(body) + 1) * 4.6 + 6
        for row, note in enumerate(notes):
            draw_line(pdf, 12, top + row * 4.6, note, 9, 0.18)
    path = tmp_path / "carried.pdf"
    pdf.output(str(path))
    document = recover_structure(read_file(path), "carried")
    notes = {note.number: " ".join(note.text.split()) for note in document.footnotes}
    assert notes == {
        1: "Harp Tarihi Belgeleri Dergisi, S. 85, Ankara 1971, Belge No. 1920.",
        2: "Cebesoy, a.g.e., s. 40.",
    }
    assert "1920." not in document.text
