"""Scanned pages read by OCR: the two-page article of tests/structure/pdf_article.py, rendered at 200 dpi and
saved as an image-only PDF (and as a PDF whose second page alone is scanned), read back as the text layer
is: footnotes by size and under the rule, raised markers on their lines, every span marked with its OCR
confidence."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from vakanuvis.errors import UnreadableFile
from vakanuvis.ingest import read_file
from vakanuvis.ingest.options import ReadOptions
from vakanuvis.structure import recover_structure

sys.path.insert(0, str(Path(__file__).parents[1] / "structure"))
from pdf_article import FONT, build_article_pdf  # noqa: E402


def tesseract_languages() -> set[str]:
    if not shutil.which("tesseract"):
        return set()
    listed = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, check=False)
    return set(listed.stdout.split()[1:])


pytestmark = pytest.mark.skipif(
    not {"tur", "rus", "eng"} <= tesseract_languages() or not FONT.exists(),
    reason="needs tesseract-ocr with tur, rus and eng (make system-test-deps) and DejaVuSans",
)

VAKANUVIS = Path(sys.executable).parent / "vakanuvis"
NOTES = {
    1: "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1969, s. 626.",
    2: "Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 45; aynı olay için bk. Salahi R. Sonyel, "
    "Türk Kurtuluş Savaşı ve Dış Politika, Ankara 2003, s. 77. Yazar olayı farklı bir tarihle anlatır.",
    3: "Documents diplomatiques, Paris 1922, p. 14.",
}


def scanned(source: Path, target: Path, pages: list[int] | None = None, dpi: int = 200) -> Path:
    """`source`'s pages (or those numbered in `pages`) rendered at `dpi` in grey, as an image-only PDF."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(source))
    numbers = pages or list(range(1, len(document) + 1))
    images = [document[n - 1].render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for n in numbers]
    document.close()
    images[0].save(str(target), save_all=True, append_images=images[1:], resolution=dpi)
    return target


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    return build_article_pdf(tmp_path_factory.mktemp("ocr") / "makale.pdf")


@pytest.fixture(scope="module")
def scan(article):
    return scanned(article, article.with_name("makale-tarama.pdf"))


@pytest.fixture(scope="module")
def raw(scan):
    return read_file(scan)


@pytest.fixture(scope="module")
def document(raw):
    return recover_structure(raw, "scan")


def test_the_scan_is_image_only(scan):
    with pytest.raises(UnreadableFile, match="has no text layer; it needs OCR first"):
        read_file(scan, ReadOptions(ocr="never"))


def test_pages_read_by_ocr_are_recorded_with_confidence_and_language(raw, document):
    assert sorted(raw.ocr["pages"]) == ["1", "2"]
    for page in raw.ocr["pages"].values():
        assert 0.8 < page["confidence"] <= 1.0
        assert page["language"] == "tur"
    assert document.ocr == raw.ocr


def test_lines_keep_the_text_layers_measures(raw):
    """Points of the page, the body's type size apart from the notes', the rule above the notes found."""
    page = raw.pages[0]
    assert (round(page.width), round(page.height)) == (595, 842)
    body = next(line for line in page.lines if line.text.startswith("Erzurum"))
    note = next(line for line in page.lines if "Karabekir" in line.text)
    # 11 pt and 8 pt: the size is read off the x-height, DejaVu's a little larger than a book face's
    assert 10.5 <= body.font_size <= 13.5 and 0.6 < note.font_size / body.font_size < 0.85
    assert 50 < body.x0 < 65 and note.top > 700
    assert body.confidence is not None and 0.5 < body.confidence <= 1.0
    assert len(page.rules) == 1 and 60 < page.rules[0][2] - page.rules[0][1] < 200


def test_footnotes_are_read_with_their_numbers(document):
    notes = {note.number: note for note in document.footnotes}
    assert sorted(notes) == [1, 2, 3]
    for number, text in NOTES.items():
        assert fuzz.ratio(notes[number].text, text) >= 90, notes[number].text
        assert notes[number].ocr_confidence is not None and 0.5 < notes[number].ocr_confidence <= 1.0
    assert notes[2].pages == [1, 2]


@pytest.mark.parametrize(
    ("number", "sentence"),
    [
        (1, "Mondros Ateşkes Antlaşması’ndan sonra Anadolu’da milli mücadele başladı."),
        (2, "Halil Bey, 11. Ordu karargâhı ile görüşerek durumu Ankara’ya bildirdi."),
        (3, "Kars Antlaşması 13 Ekim 1921’de imzalandı."),
    ],
)
def test_raised_markers_link_to_their_sentences(document, number, sentence):
    marker = next(marker for marker in document.markers if marker.number == number)
    span = document.sentences[marker.sentence].span
    assert document.text[span.start : span.end] == sentence


def test_body_sentences_are_read_word_for_word_and_marked_as_ocr(document):
    sentences = [document.text[s.span.start : s.span.end] for s in document.sentences]
    assert (
        "Mustafa Kemal Paşa 19 Mayıs 1919’da Samsun’a çıktı ve Erzurum ile Sivas kongrelerini topladı."
        in sentences
    )
    assert "Moskova’daki heyet S.İ. Aralov ile de temas kurdu ve Azerbaycan’ın desteğini istedi." in sentences
    assert "Türkiye ile Azerbaycan 1920-1922 yıllarında yakın ilişkiler kurdu." in sentences
    assert "Kazım" not in document.text and "Documents diplomatiques" not in document.text
    assert all(s.ocr_confidence is not None and 0.5 < s.ocr_confidence <= 1.0 for s in document.sentences)


def test_a_text_pdf_with_one_scanned_page(article, tmp_path):
    """Page 1 from the text layer, page 2 scanned: only page 2 goes through OCR; the note that runs from
    page 1 on to page 2 is joined."""
    import pypdfium2 as pdfium

    page_two = scanned(article, tmp_path / "sayfa2.pdf", pages=[2])
    mixed = pdfium.PdfDocument(str(article))
    mixed.del_page(1)
    mixed.import_pages(pdfium.PdfDocument(str(page_two)))
    mixed.save(str(tmp_path / "karma.pdf"))
    mixed.close()
    raw = read_file(tmp_path / "karma.pdf")
    assert sorted(raw.ocr["pages"]) == ["2"]
    assert all(line.confidence is None for line in raw.pages[0].lines)
    document = recover_structure(raw, "mixed")
    notes = {note.number: note for note in document.footnotes}
    assert sorted(notes) == [1, 2, 3]
    assert notes[1].ocr_confidence is None  # from the text layer
    assert fuzz.ratio(notes[2].text, NOTES[2]) >= 90 and notes[2].ocr_confidence is not None
    first, last = document.sentences[1], document.sentences[-1]
    assert (first.page, first.ocr_confidence) == (1, None)
    assert last.page == 2 and last.ocr_confidence is not None


def test_ocr_always_reads_a_text_layer_page_again(article):
    raw = read_file(article, ReadOptions(ocr="always"))
    assert sorted(raw.ocr["pages"]) == ["1", "2"]
    assert {note.number for note in recover_structure(raw, "again").footnotes} == {1, 2, 3}


def vakanuvis(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(VAKANUVIS), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ},
        check=False,
    )


def test_cli_stores_what_ocr_read_and_refuses_a_scan_with_ocr_never(scan, article, tmp_path):
    database = str(tmp_path / "kb.db")
    refused = vakanuvis("ingest", str(scan), str(article), "--ocr", "never", "--db", database)
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        f"{scan}: the PDF has no text layer; it needs OCR first (ingest --ocr auto)"
    ]
    assert refused.stdout.count("\t") == 1  # the text PDF went in all the same
    bad = vakanuvis("ingest", str(scan), "--ocr", "sometimes", "--db", database)
    assert bad.returncode == 2 and "--ocr must be one of auto, always, never" in bad.stderr
    stored = vakanuvis("ingest", str(scan), "--db", database)
    assert stored.returncode == 0, stored.stderr
    document_id = stored.stdout.split("\t")[0]
    documents = json.loads(vakanuvis("documents", "--json", "--db", database).stdout)
    ocr = next(d for d in documents if d["id"] == document_id)["ocr"]
    assert sorted(ocr["pages"]) == ["1", "2"] and ocr["pages"]["1"]["language"] == "tur"
    notes = json.loads(vakanuvis("footnotes", document_id, "--json", "--db", database).stdout)
    assert all(0.5 < note["ocr_confidence"] <= 1.0 for note in notes)
    tei = tmp_path / "scan.xml"
    exported = vakanuvis("export", document_id, "--format", "tei", "-o", str(tei), "--db", database)
    assert exported.returncode == 0, exported.stderr
    from lxml import etree

    root = etree.parse(str(tei)).getroot()
    namespace = {"tei": "http://www.tei-c.org/ns/1.0"}
    certs = [
        float(value)
        for value in root.xpath("//tei:body//tei:p/@cert | //tei:note/@cert", namespaces=namespace)
    ]
    assert certs and all(0.5 < cert <= 1.0 for cert in certs)


def test_api_shows_what_came_from_ocr(scan, tmp_path):
    from fastapi.testclient import TestClient

    from vakanuvis.api.app import create_app
    from vakanuvis.knowledge_base import KnowledgeBase

    database = str(tmp_path / "kb.db")
    (result,) = KnowledgeBase(database).ingest([scan])
    client = TestClient(create_app(database))
    document = client.get(f"/api/documents/{result.document_id}").json()
    assert sorted(document["ocr"]["pages"]) == ["1", "2"]
    assert all(0.5 < sentence["ocr_confidence"] <= 1.0 for sentence in document["sentences"])
    notes = client.get(f"/api/documents/{result.document_id}/annotations").json()["footnotes"]
    assert [note["number"] for note in notes] == [1, 2, 3]
    assert all(0.5 < note["ocr_confidence"] <= 1.0 for note in notes)


def test_a_scanned_page_in_two_columns(tmp_path):
    """The two-column page of tests/structure/test_pdf_columns.py scanned: the gutter found in the image,
    each column read top to bottom, the notes set across the page and the markers in their columns."""
    from fpdf import FPDF

    sys.path.insert(0, str(Path(__file__).parents[1]))
    from pdf_article import draw_line

    from structure.test_pdf_columns import LEFT, NOTES, RIGHT

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=9)
    pdf.add_page()
    draw_line(pdf, 20, 25, "GİRİŞ: TÜRK-SOVYET GÖRÜŞMELERİNİN İLK AŞAMASI VE SONUÇLARI ÜZERİNE", 9)
    for row, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
        for x, line in ((20, left), (110, right)):
            if line.startswith(">"):
                line, x = line[1:], x + 5
            draw_line(pdf, x, 40 + row * 4.6, line, 9, 0.18)
    pdf.line(20, 250, 70, 250)
    for row, note in enumerate(NOTES):
        draw_line(pdf, 20, 256 + row * 3.6, note, 7)
    pdf.output(str(tmp_path / "iki-sutun.pdf"))
    raw = read_file(scanned(tmp_path / "iki-sutun.pdf", tmp_path / "iki-sutun-tarama.pdf"))
    assert len(raw.pages[0].gutters) == 1 and 250 < raw.pages[0].gutters[0] < 320
    document = recover_structure(raw, "columns")
    paragraphs = [document.text[b.span.start : b.span.end] for b in document.blocks]
    assert len(paragraphs) == 3
    assert "Talimat gecikince görüşmeler bir süre durdu ve heyet Moskova’da bekledi." in paragraphs[1]
    assert paragraphs[2].startswith("Kars Antlaşması 13 Ekim 1921’de imzalandı.")
    assert [note.number for note in document.footnotes] == [1, 2]
    carried = {m.number: document.text[: m.offset].rsplit(" ", 1)[-1] for m in document.markers}
    assert carried == {1: "geçti.", 2: "imzalandı."}
