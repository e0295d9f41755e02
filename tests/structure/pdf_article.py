"""A two-page Turkish article with footnotes, written as a PDF by fpdf2 for the layout tests.

Body in 11 pt, footnotes in 8 pt at the page foot under a rule, a running head in 8 pt, page numbers,
markers raised in small type, and footnote 2 running over to the second page.
"""

from __future__ import annotations

import re
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

# Each page: body lines (None = paragraph gap; leading ">" = first-line indent) and footnote lines.
# Markers are written {n} and drawn raised in small type.
PAGES = [
    {
        "body": [
            "GİRİŞ",
            None,
            ">Mondros Ateşkes Antlaşması’ndan sonra Anadolu’da milli mücadele",
            "başladı.{1} Mustafa Kemal Paşa 19 Mayıs 1919’da Samsun’a çıktı ve",
            "Erzurum ile Sivas kongrelerini topladı. Bu sırada Azerbaycan ile",
            "ilişkiler de önem kazandı.",
            None,
            ">Türkiye-Azerbaycan ilişkilerinde Nahçıvan meselesi öne çıktı. Halil",
            "Bey, 11. Ordu karargâhı ile görüşerek durumu Ankara’ya bildirdi.{2}",
            "Moskova’daki heyet S.İ. Aralov ile de temas kurdu ve Azer-",
            "baycan’ın desteğini istedi. Türkiye-",
            "Ermenistan sınırı ise henüz belirsizdi.",
        ],
        "notes": [
            "{1} Kazım Karabekir, İstiklal Harbimiz, İstanbul 1969, s. 626.",
            "{2} Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 45; aynı olay için bk.",
            "Salahi R. Sonyel, Türk Kurtuluş Savaşı ve Dış Politika, Ankara 2003, s. 77. Yazar",
        ],
    },
    {
        "body": [
            ">Kars Antlaşması 13 Ekim 1921’de imzalandı.{3} Antlaşma ile doğu",
            "sınırı kesinleşti ve Nahçıvan Azerbaycan’a bağlı özerk bir bölge",
            "oldu. Bu gelişme iki ülke arasındaki bağları güçlendirdi.",
            None,
            "SONUÇ",
            None,
            ">Türkiye ile Azerbaycan 1920-1922 yıllarında yakın ilişkiler kurdu.",
        ],
        "notes": [
            "olayı farklı bir tarihle anlatır.",
            "{3} Documents diplomatiques, Paris 1922, p. 14.",
        ],
    },
]
RUNNING_HEAD = "Türkiye-Azerbaycan İlişkileri (1920-1922)"
FIRST_PAGE_NUMBER = 45


def pieces(line: str) -> list[tuple[str, bool]]:
    """A line split into (text, is_marker) pieces."""
    return [(part, index % 2 == 1) for index, part in enumerate(re.split(r"\{(\d+)\}", line)) if part]


def draw_line(pdf, x: float, y: float, line: str, size: float, raise_by: float = 0.12) -> None:
    """Draw `line` at baseline `y` (mm); markers in 62 % type, raised by `raise_by` of the size in mm units
    (0.12: a little; 0.18: as LibreOffice raises a superscript, so that it forms a row of its own)."""
    for text, is_marker in pieces(line):
        if is_marker:
            pdf.set_font_size(size * 0.62)
            pdf.text(x, y - size * raise_by, text)
        else:
            pdf.set_font_size(size)
            pdf.text(x, y, text)
        x += pdf.get_string_width(text)
    pdf.set_font_size(size)


# How the article may be set: the type size of the footnotes, whether a rule is drawn above them, how high
# the markers are raised (see draw_line).
LAYOUTS = {
    "small-notes": {"note_size": 8.0, "rule": True, "raise_by": 0.12},
    "body-size-notes-under-rule": {"note_size": 11.0, "rule": True, "raise_by": 0.18},
    "body-size-notes-no-rule": {"note_size": 11.0, "rule": False, "raise_by": 0.18},
}


def build_article_pdf(
    path: Path,
    with_text: bool = True,
    note_size: float = 8.0,
    rule: bool = True,
    raise_by: float = 0.12,
) -> Path:
    """Write the article (or, with `with_text=False`, pages holding only drawings) to `path`."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    for number, page in enumerate(PAGES):
        pdf.add_page()
        if not with_text:
            pdf.rect(20, 20, 170, 250)
            continue
        pdf.set_font_size(8)
        pdf.text(20, 12, RUNNING_HEAD)
        y = 30.0
        for line in page["body"]:
            if line is None:
                y += 3.0
                continue
            x = 20.0
            if line.startswith(">"):
                line, x = line[1:], 27.0
            draw_line(pdf, x, y, line, 11, raise_by)
            y += 5.6
        note_pitch = note_size / 2.0
        notes_top = 297 - 25 - note_pitch * len(page["notes"])
        if rule:
            pdf.line(20, notes_top - 4, 80, notes_top - 4)
        y = notes_top
        for line in page["notes"]:
            draw_line(pdf, 20, y, line, note_size, raise_by)
            y += note_pitch
        pdf.set_font_size(9)
        pdf.text(103, 290, str(FIRST_PAGE_NUMBER + number))
        pdf.set_font_size(11)
    pdf.output(str(path))
    return path
