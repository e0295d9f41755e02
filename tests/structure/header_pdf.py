"""A journal article's first two pages written as a PDF by fpdf2, for the header tests: the journal's line
as a running head on both pages, the title in 16 pt wrapped after a hyphen, the author with a note marker
and the affiliation as a note at the page foot, an abstract and keywords in 10 pt, the body in 11 pt."""

from __future__ import annotations

from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
RUNNING_HEAD = "Türk Tarihi Araştırmaları Dergisi, Cilt 12, Sayı 2, 2021, s. 145-170"
TITLE = ["Sovyet Rusya Belgelerinde Türkiye-", "Azerbaycan İlişkileri (1920-1922)"]
AUTHOR = "Ayşe KARATAŞ*"
ABSTRACT = [
    "Bu çalışmada 1920-1922 yılları arasında Türkiye ile Azerbaycan arasındaki siyasi",
    "ilişkiler Sovyet arşiv belgeleri ışığında ele alınmıştır.",
]
KEYWORDS = "Anahtar Kelimeler: Türkiye, Azerbaycan, Nahçıvan"
NOTE = "* Dr. Öğr. Üyesi, Atatürk Üniversitesi, Edebiyat Fakültesi, Tarih Bölümü, Erzurum"
BODY = [
    "Birinci Dünya Savaşı’nın sonunda imzalanan Mondros Ateşkes Antlaşması ile Osmanlı",
    "Devleti fiilen savaş dışı kalmıştır. İtilaf Devletleri ülkenin birçok yerini işgal",
    "etmiş, Anadolu’da buna karşı milli bir direniş başlamıştır. Mustafa Kemal Paşa",
    "19 Mayıs 1919’da Samsun’a çıkmış ve Erzurum ile Sivas kongrelerini toplamıştır.",
    "Bu sırada Azerbaycan ile ilişkiler de önem kazanmış, Bakü’deki gelişmeler Ankara’da",
    "yakından izlenmiştir. Nahçıvan meselesi iki ülke arasındaki görüşmelerin başında",
    "gelmiştir.",
]


def build_header_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    for page in range(2):
        pdf.add_page()
        pdf.set_font("DejaVu", size=8)
        pdf.text(20, 12, RUNNING_HEAD)
        y = 30.0
        if page == 0:
            pdf.set_font_size(16)
            for line in TITLE:
                pdf.text(20, y, line)
                y += 8.0
            y += 4.0
            pdf.set_font_size(11)
            pdf.text(20, y, AUTHOR)
            y += 12.0
            pdf.text(20, y, "Öz")
            y += 6.0
            pdf.set_font_size(10)
            for line in ABSTRACT + [KEYWORDS]:
                pdf.text(20, y, line)
                y += 5.0
            y += 6.0
            pdf.set_font_size(11)
            pdf.text(20, y, "GİRİŞ")
            y += 8.0
        pdf.set_font_size(11)
        for line in BODY:
            pdf.text(20, y, line)
            y += 5.6
        if page == 0:
            pdf.set_font_size(8)
            pdf.text(20, 280, NOTE)
        pdf.set_font_size(9)
        pdf.text(103, 290, str(145 + page))
    pdf.output(str(path))
    return path
