"""The PDF reader on small PDFs: scripts, ligatures, raised markers, word gaps, page boxes, rotation, refusals."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.errors import UnreadableFile
from vakanuvis.ingest import read_file

from .pdf_samples import FONT, build_hand_written_pdf, build_sample_pdf, hand_written_pdf

needs_font = pytest.mark.skipif(not FONT.exists(), reason="DejaVuSans not installed (fonts-dejavu-core)")


@needs_font
@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        (
            "turkce",
            [
                "İsmet Paşa, Iğdır’dan dönen Şükrü Bey ile görüştü.⁴ Ağrı ve Muş",
                "çığırından çıkan işler için ÇĞİÖŞÜ çğıöşü harfleri de yazıldı.",
            ],
        ),
        (
            "kiril",
            [
                "Керимов А. История Азербайджана. Баку, 1958. С. 45.¹²",
                "Ёлкин Ю. Съезд народов Востока (1920). Москва: Изд-во, 1961.",
            ],
        ),
        # Ligature characters are spelled out, as for text files.
        ("ligatur", ["Bu fikir flama ile ff ve ffi ffl bitişik harflerle yazıldı."]),
        # An unembedded standard font: PDFium's metrics, not the file's.
        ("helvetica", ["Kars Treaty was signed on 13 October 1921.³ The border", "was fixed."]),
        # Words placed apart with no space glyph: the gap is a space.
        ("aralikli", ["Ankara ile Moskova arasında anlaşma"]),
        # A gap of a quarter em is a space, even after a letter whose ink overhangs it.
        ("italik", ["Lütuf Bey ile Şerif Paşa of the staff"]),
    ],
    ids=["turkish", "cyrillic", "ligatures", "standard-font", "gaps-as-spaces", "gaps-after-italic-f"],
)
def test_drawn_lines_are_read_back(tmp_path, sample, expected):
    raw = read_file(build_sample_pdf(tmp_path / f"{sample}.pdf", sample))
    assert [line.text for line in raw.pages[0].lines] == expected
    first = raw.pages[0].lines[0]
    assert first.font_size == 11 and first.x0 == pytest.approx(56.69, abs=0.01)  # 20 mm from the left edge


@pytest.mark.parametrize(
    ("sample", "size", "lines", "top", "x0"),
    [
        # MediaBox [10 100 605 942], text at x 82, baseline y 800: 142 pt below the box top.
        ("kaydirilmis", (595, 842), ["Birinci satir⁵", "Ikinci satir"], 142 - 8.5, 72),
        # Drawn sideways on a page shown turned by 90°: the baseline at x 100 is 100 pt from the shown top.
        ("dondurulmus", (842, 595), ["Birinci satir⁵", "Ikinci satir"], 100 - 8.5, 72),
        ("ters", (595, 842), ["Birinci satir⁵", "Ikinci satir"], 100 - 8.5, 72),
        ("dondurulmus-270", (842, 595), ["Birinci satir⁵", "Ikinci satir"], 100 - 8.5, 72),
        # Ligature glyphs mapped to two letters each (TeX's fi and fl).
        ("bitisik", (595, 842), ["Bu fikir flama ile"], 100 - 8.5, 72),
        # A 1 pt font scaled by the text matrix to 11 pt.
        ("olcekli", (595, 842), ["Birinci satir"], 100 - 8.5, 72),
    ],
    ids=[
        "offset-page-box",
        "rotated-page",
        "upside-down-page",
        "rotated-page-270",
        "two-letter-ligatures",
        "size-from-text-matrix",
    ],
)
def test_positions_count_from_the_shown_page_top_left(tmp_path, sample, size, lines, top, x0):
    raw = read_file(build_hand_written_pdf(tmp_path / f"{sample}.pdf", sample))
    page = raw.pages[0]
    assert (page.width, page.height) == size
    assert [line.text for line in page.lines] == lines
    first = page.lines[0]
    # The top is one type size above the font's descent line (Helvetica's descent is about 0.22 em).
    assert first.font_size == 11 and first.top == pytest.approx(top, abs=0.5) and first.x0 == x0


def test_a_line_of_two_far_apart_sizes_is_read(tmp_path):
    # An 8 pt and an 11 pt glyph alone on a line: their median size matches neither.
    path = hand_written_pdf(
        tmp_path / "iki-boy.pdf",
        b"BT /F1 8 Tf 72 700 Td (a) Tj /F1 11 Tf 10 0 Td (b) Tj ET",
        b"/MediaBox [0 0 595 842]",
    )
    assert [line.text for line in read_file(path).pages[0].lines] == ["a b"]


def page_tree_emptied(path: Path) -> Path:
    hand_written_pdf(path, b"BT /F1 11 Tf 72 700 Td (x) Tj ET", b"/MediaBox [0 0 595 842]")
    # The same length, so that the cross-reference offsets stay right.
    path.write_bytes(path.read_bytes().replace(b"/Kids [3 0 R] /Count 1", b"/Kids [     ] /Count 0"))
    return path


def garbled(path: Path) -> Path:
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<<\n%%EOF\n")
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (page_tree_emptied, "the PDF has no pages"),
        (garbled, "the PDF is damaged and cannot be read (Data format error)"),
    ],
    ids=["no-pages", "damaged"],
)
def test_unreadable_pdfs_are_refused_with_a_reason(tmp_path, make, reason):
    path = make(tmp_path / "x.pdf")
    with pytest.raises(UnreadableFile) as error:
        read_file(path)
    assert error.value.why == reason
