"""Small PDFs for the PDF reader's tests: scripts, ligatures, raised markers, fonts, page boxes and rotation.

fpdf2 draws the ones with an embedded font (DejaVuSans); the page-box and rotation cases are written by hand,
as fpdf2 sets neither an offset MediaBox nor /Rotate, with the unembedded standard font Helvetica.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "structure"))
from pdf_article import FONT, draw_line  # noqa: E402

__all__ = ["FONT", "build_hand_written_pdf", "build_sample_pdf", "hand_written_pdf"]

# Each sample: lines drawn from the top of an A4 page ({n} is a raised small marker), and the font.
SAMPLES: dict[str, tuple[str, list[str]]] = {
    "turkce": (
        "dejavu",
        [
            "İsmet Paşa, Iğdır’dan dönen Şükrü Bey ile görüştü.{4} Ağrı ve Muş",
            "çığırından çıkan işler için ÇĞİÖŞÜ çğıöşü harfleri de yazıldı.",
        ],
    ),
    "kiril": (
        "dejavu",
        [
            "Керимов А. История Азербайджана. Баку, 1958. С. 45.{12}",
            "Ёлкин Ю. Съезд народов Востока (1920). Москва: Изд-во, 1961.",
        ],
    ),
    "ligatur": ("dejavu", ["Bu ﬁkir ﬂama ile ﬀ ve ﬃ ﬄ bitişik harflerle yazıldı."]),
    "helvetica": ("helvetica", ["Kars Treaty was signed on 13 October 1921.{3} The border", "was fixed."]),
    # Words placed one by one with wide gaps and no space glyph between them.
    "aralikli": ("dejavu", ["Ankara|ile|Moskova|arasında|anlaşma"]),
    # Words placed a quarter em apart, as TeX spaces them; an italic f reaches into the gap after it.
    "italik": ("dejavu-italic", ["Lütuf~Bey~ile~Şerif~Paşa~of~the~staff"]),
}
ITALIC_FONT = FONT.with_name("DejaVuSerif-Italic.ttf")
# Word separators in sample lines: "|" a gap of 4 mm (far more than a space), "~" a gap of a quarter em.
GAPS = {"|": 4.0, "~": 0.25 * 11 * 25.4 / 72}


def build_sample_pdf(path: Path, name: str) -> Path:
    """Write sample `name` as a one-page A4 PDF at `path`."""
    from fpdf import FPDF

    font, lines = SAMPLES[name]
    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    if font == "dejavu":
        pdf.add_font("DejaVu", "", str(FONT))
        pdf.set_font("DejaVu", size=11)
    elif font == "dejavu-italic":
        pdf.add_font("DejaVuItalic", "", str(ITALIC_FONT))
        pdf.set_font("DejaVuItalic", size=11)
    else:
        pdf.set_font("helvetica", size=11)
    pdf.add_page()
    y = 30.0
    for line in lines:
        x = 20.0
        for word, separator in re.findall(r"([^|~]+)([|~]?)", line):
            draw_line(pdf, x, y, word, 11)
            x += pdf.get_string_width(word) + GAPS.get(separator, 0.0)
        y += 5.6
    pdf.output(str(path))
    return path


LIGATURE_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Ligatures def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfchar <01> <00660069> <02> <0066006C> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def hand_written_pdf(path: Path, content: bytes, page_entries: bytes) -> Path:
    """A one-page PDF with `content` as its page stream and `page_entries` in its page dictionary."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R "
        + page_entries
        + b" /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        # Codes 1 and 2 draw the fi and fl ligature glyphs, read back as two letters each, as TeX writes them.
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R /Encoding"
        b" << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /fi /fl] >> >>",
        b"<< /Length %d >>\nstream\n" % len(LIGATURE_CMAP) + LIGATURE_CMAP + b"\nendstream",
    ]
    data = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(data))
        data += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(data)
    return path


# Two lines of 11 pt text 14 pt apart; the first ends with a 7 pt marker raised 4 pt ("Birinci satir" in
# Helvetica 11 pt is 53.8 pt wide).
TWO_LINES = b"(Birinci satir) Tj /F1 7 Tf 54 4 Td (5) Tj /F1 11 Tf -54 -18 Td (Ikinci satir) Tj"

HAND_WRITTEN: dict[str, tuple[bytes, bytes]] = {
    # The page box does not start at the origin: positions count from its top-left corner.
    "kaydirilmis": (b"BT /F1 11 Tf 82 800 Td " + TWO_LINES + b" ET", b"/MediaBox [10 100 605 942]"),
    # A landscape page turned for display: the text is drawn sideways so that it reads upright.
    "dondurulmus": (
        b"BT /F1 11 Tf 0 1 -1 0 100 72 Tm " + TWO_LINES + b" ET",
        b"/MediaBox [0 0 595 842] /Rotate 90",
    ),
    "ters": (
        b"BT /F1 11 Tf -1 0 0 -1 523 100 Tm " + TWO_LINES + b" ET",
        b"/MediaBox [0 0 595 842] /Rotate 180",
    ),
    "dondurulmus-270": (
        b"BT /F1 11 Tf 0 -1 1 0 495 770 Tm " + TWO_LINES + b" ET",
        b"/MediaBox [0 0 595 842] /Rotate 270",
    ),
    # Ligature glyphs whose Unicode is two letters.
    "bitisik": (b"BT /F1 11 Tf 72 742 Td (Bu \\001kir \\002ama ile) Tj ET", b"/MediaBox [0 0 595 842]"),
    # The type size set by the text matrix (1 pt font scaled 11 times), as TeX and many typesetters do.
    "olcekli": (b"BT /F1 1 Tf 11 0 0 11 72 742 Tm 0 0 Td (Birinci satir) Tj ET", b"/MediaBox [0 0 595 842]"),
}


def build_hand_written_pdf(path: Path, name: str) -> Path:
    content, page_entries = HAND_WRITTEN[name]
    return hand_written_pdf(path, content, page_entries)
