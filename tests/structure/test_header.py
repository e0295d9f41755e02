"""The article's header read off its first pages: tables of first pages written in the manner of
DergiPark journals (tests/data/header), a few set inline, and one PDF."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from vakanuvis.ingest import read_file
from vakanuvis.model import Block, Furniture, RawDocument, RawLine, RawPage, Span
from vakanuvis.pipeline import analyse
from vakanuvis.structure import recover_structure
from vakanuvis.structure.guess import guess_title
from vakanuvis.structure.header import read_header

from .header_pdf import FONT, build_header_pdf

DATA = Path(__file__).resolve().parents[1] / "data" / "header"
VAKANUVIS = Path(sys.executable).parent / "vakanuvis"


def raw_of(text: str) -> RawDocument:
    return RawDocument("x.txt", "0" * 64, "utf-8", [RawPage(1, [RawLine(line) for line in text.split("\n")])])


def structured(name: str):
    return recover_structure(read_file(DATA / name), name)


HEADER_ROWS = [
    (
        "journal-line-first.txt",
        {
            "title": "Sovyet Rusya Belgelerinde Türkiye-Azerbaycan İlişkileri (1920-1922)",
            "authors": ["Ayşe Karataş"],
            "journal": "Türk Tarihi Araştırmaları Dergisi",
            "volume": "12",
            "issue": "2",
            "year": 2021,
            "pages": "145-170",
            "doi": "10.12345/ttad.2021.145",
            "received": "2021-03-12",
            "accepted": "2021-05-28",
            "affiliations": {
                "Ayşe Karataş": "Dr. Öğr. Üyesi, Atatürk Üniversitesi, Edebiyat Fakültesi, Tarih Bölümü, Erzurum"
            },
            "orcids": {"Ayşe Karataş": "0000-0002-1825-0097"},
            "keywords": {
                "tr": ["Türkiye", "Azerbaycan", "Nahçıvan", "Kars Antlaşması"],
                "en": ["Turkey", "Azerbaijan", "Nakhichevan", "Treaty of Kars"],
            },
            "titles": {
                "tr": "Sovyet Rusya Belgelerinde Türkiye-Azerbaycan İlişkileri (1920-1922)",
                "en": "Turkish-Azerbaijani Relations in Soviet Russian Documents (1920-1922)",
            },
        },
    ),
    (
        "title-then-authors.txt",
        {
            "title": "MİLLİ MÜCADELE DÖNEMİNDE ANKARA HÜKÜMETİ VE KAFKASYA POLİTİKASI",
            "authors": ["Mehmet Demir", "Zeynep Aydın"],
            "journal": "Atatürk Araştırma Merkezi Dergisi",
            "volume": "38",
            "issue": "105",
            "year": 2022,
            "pages": "211-240",
            "affiliations": {
                "Mehmet Demir": "Doç. Dr., Ondokuz Mayıs Üniversitesi, Fen-Edebiyat Fakültesi, Tarih Bölümü, Samsun",
                "Zeynep Aydın": "Arş. Gör., Hacettepe Üniversitesi, Atatürk İlkeleri ve İnkılap Tarihi Enstitüsü, Ankara",
            },
            "orcids": {"Mehmet Demir": "0000-0001-5109-3700", "Zeynep Aydın": "0000-0003-4410-6925"},
            "keywords": {
                "tr": ["Ankara Hükümeti", "Kafkasya", "Gümrü Antlaşması", "Moskova Antlaşması"],
                "en": ["Ankara Government", "Caucasus", "Treaty of Gyumri", "Treaty of Moscow"],
            },
        },
    ),
    (
        "english-first.txt",
        {
            "title": "THE ANKARA AGREEMENT OF 1921 AND FRENCH POLICY IN CILICIA",
            "authors": ["Emre Yüksel"],
            "journal": "Journal of Balkan and Near Eastern Studies",
            "volume": "7",
            "issue": "3",
            "year": 2019,
            "pages": "55-81",
            "doi": "10.5555/jbnes.2019.07.03.55",
            "received": "2019-03-14",
            "accepted": "2019-06-02",
            "orcids": {"Emre Yüksel": "0000-0002-9079-593X"},
            "titles": {
                "en": "THE ANKARA AGREEMENT OF 1921 AND FRENCH POLICY IN CILICIA",
                "tr": "1921 ANKARA ANTLAŞMASI VE KİLİKYA’DA FRANSIZ POLİTİKASI",
            },
        },
    ),
]


HEADER_ROWS.append(
    (  # a pdftotext dump: the journal's line without labels at the top of page 1, running heads after
        "formfeed-running-head.txt",
        {
            "title": "SOVYET RUSYA BELGELERİNDE TÜRKİYE-AZERBAYCAN SİYASİ İLİŞKİLERİ (1920-1922)",
            "authors": ["Namık Kara"],
            "journal": "SÜTAD",
            "issue": "38",
            "year": 2016,
            "pages": "35-60",
            "affiliations": {"Namık Kara": "Dr., Erzurum Teknik Üniversitesi, Tarih Bölümü, Erzurum"},
        },
    )
)


@pytest.mark.parametrize(("name", "expected"), HEADER_ROWS, ids=[row[0] for row in HEADER_ROWS])
def test_header_fields(name, expected):
    document = structured(name)
    found = {"title": document.title, "authors": document.authors, **document.header}
    assert {key: found.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    ("name", "language", "starts", "ends"),
    [
        ("journal-line-first.txt", "tr", "Bu çalışmada 1920-1922", "merkezinde yer almıştır."),
        ("journal-line-first.txt", "en", "This study examines", "centre of these relations."),
        ("title-then-authors.txt", "tr", "Makalede Büyük Millet", "dönüm noktalarıdır."),
        ("title-then-authors.txt", "en", "The article examines", "Government in 1920-1921."),
        ("english-first.txt", "en", "This article discusses", "effects on Cilicia."),
        ("english-first.txt", "tr", "Bu makale 20 Ekim", "etkilerini ele almaktadır."),
    ],
)
def test_abstracts_run_from_label_to_keywords(name, language, starts, ends):
    abstract = structured(name).header["abstracts"][language]
    assert abstract.startswith(starts) and abstract.endswith(ends)
    assert "Anahtar" not in abstract and "Keywords" not in abstract


def test_abstracts_stay_in_the_body():
    document = structured("journal-line-first.txt")
    assert "Kars Antlaşması bu ilişkilerin merkezinde yer almıştır." in document.text
    assert "Birinci Dünya Savaşı’nın sonunda" in document.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # Russian labels, authors with initials
            "Вестник Московского университета, Том 5, № 2, 2020, С. 33-47\n\n"
            "Карсский договор 1921 года\n\nИ.А. Петров\n\n"
            "Аннотация\nСтатья посвящена Карсскому договору.\nКлючевые слова: Карс, договор, Закавказье",
            {
                "journal": "Вестник Московского университета",
                "volume": "5",
                "issue": "2",
                "pages": "33-47",
                "abstracts": {"ru": "Статья посвящена Карсскому договору."},
                "keywords": {"ru": ["Карс", "договор", "Закавказье"]},
            },
        ),
        (  # Azerbaijani labels
            "Naxçıvan məsələsi 1920-1921-ci illərdə\n\nƏli Həsənov\n\n"
            "Xülasə\nMəqalədə Naxçıvan məsələsi araşdırılır.\nAçar sözlər: Naxçıvan, Qars, Moskva",
            {
                "abstracts": {"az": "Məqalədə Naxçıvan məsələsi araşdırılır."},
                "keywords": {"az": ["Naxçıvan", "Qars", "Moskva"]},
            },
        ),
        (  # labels in capitals with the text on the same line, bilingual volume labels
            "Cilt/Volume: 4 Sayı/Issue: 1 Yıl/Year: 2018\n\nKURTULUŞ SAVAŞI’NDA BATI CEPHESİ\n\n"
            "ÖZ Bu yazıda Batı Cephesi ele alınır.\nANAHTAR KELİMELER: Batı Cephesi, İnönü",
            {
                "volume": "4",
                "issue": "1",
                "year": 2018,
                "abstracts": {"tr": "Bu yazıda Batı Cephesi ele alınır."},
                "keywords": {"tr": ["Batı Cephesi", "İnönü"]},
            },
        ),
        (  # a title ending with an abbreviation; initials keep their case
            "Вестник истории, Том 64, № 3, 2019\n\nСоветско-турецкие отношения в 1920–1921 гг.\n\n"
            "А.В. Смирнов\n\nАннотация\nКраткая аннотация.",
            {"volume": "64", "issue": "3"},
        ),
        (  # "S. 1" is the issue, "s. 99-128" the pages; a journal line without a journal name names none
            "Tarih İncelemeleri Dergisi, C. XXI, S. 1, 2006, s. 99-128\n\nÖZET\nKısa.",
            {"journal": "Tarih İncelemeleri Dergisi", "volume": "XXI", "issue": "1", "pages": "99-128"},
        ),
        (
            "Cilt/Volume: 8 Sayı/Issue: 2 Yıl/Year: 2020\n\nÖZ\nKısa.",
            {"journal": None, "volume": "8", "year": 2020},
        ),
        (  # the journal's name on its own line above its volume and issue
            "Ankara Üniversitesi Türk İnkılap Tarihi Enstitüsü Dergisi\nCilt 19, Sayı 64, 2019, s. 77-104\n\nÖz\nKısa.",
            {
                "journal": "Ankara Üniversitesi Türk İnkılap Tarihi Enstitüsü Dergisi",
                "volume": "19",
                "issue": "64",
            },
        ),
    ],
)
def test_header_rows_inline(text, expected):
    header = read_header(raw_of(text), [], "tr")
    assert {key: header.fields().get(key) for key in expected} == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ankara, 23 Nisan 1336\n\nHeyet-i Temsiliye namına Mustafa Kemal.",
        "Kongre 4 Eylül 1919’da toplandı. 11 Eylül’de dağıldı.",
        "İSTANBUL’DAN ANKARA’YA\n\nO sabah 16 Mart’ta şehir işgal olundu.",
        "Şifre No: 512\nAnkara, 23 Nisan 1336\n\nHeyet-i Temsiliye namına Mustafa Kemal.",
    ],
)
def test_a_document_without_an_articles_signs_has_no_header(text):
    header = read_header(raw_of(text), [], "tr")
    assert (header.title, header.authors, header.fields()) == ("", [], {})


def test_a_sentence_case_title_then_one_author_without_marker():
    header = read_header(
        raw_of(
            "Milli mücadelede Kars ve Gümrü\nHasan Çelik\n\nÖzet\nKısa bir özet.\nAnahtar Kelimeler: Kars"
        ),
        [],
        "tr",
    )
    assert (header.title, header.authors) == ("Milli mücadelede Kars ve Gümrü", ["Hasan Çelik"])


def test_authors_first_then_title():
    header = read_header(
        raw_of(
            "Doç. Dr. Selim ARSLAN*\n\nBATUM MESELESİ VE\nTÜRK-GÜRCÜ İLİŞKİLERİ\n\nÖz\nBatum meselesi.\n"
            "* Kafkas Üniversitesi, Fen-Edebiyat Fakültesi, Kars"
        ),
        [],
        "tr",
    )
    assert (header.title, header.authors) == ("BATUM MESELESİ VE TÜRK-GÜRCÜ İLİŞKİLERİ", ["Selim Arslan"])
    assert header.affiliations == {"Selim Arslan": "Kafkas Üniversitesi, Fen-Edebiyat Fakültesi, Kars"}


def test_given_metadata_wins_over_the_header():
    raw = read_file(DATA / "journal-line-first.txt")
    detected = analyse(raw)
    assert detected.origins["title"] == detected.origins["authors"] == "detected"
    given = analyse(raw, {"title": "Başka Bir Başlık", "authors": ["Ahmet Yılmaz"]})
    assert (given.title, given.authors) == ("Başka Bir Başlık", ["Ahmet Yılmaz"])
    assert given.origins["title"] == given.origins["authors"] == "given"
    assert given.header["journal"] == "Türk Tarihi Araştırmaları Dergisi"  # the header itself is kept


@pytest.mark.parametrize(
    ("blocks", "heads", "expected"),
    [
        (  # a title wrapped after a hyphen that joins two names: the hyphen stays
            ["Sovyet Rusya Belgelerinde Türkiye-", "Azerbaycan İlişkileri", "GİRİŞ"],
            [],
            "Sovyet Rusya Belgelerinde Türkiye-Azerbaycan İlişkileri",
        ),
        (["MİLLİ MÜCADELE VE", "KAFKASYA", "GİRİŞ"], [], "MİLLİ MÜCADELE VE KAFKASYA"),
        (["KARS ANTLAŞMASI", "GİRİŞ"], [], "KARS ANTLAŞMASI"),
        (["Tarih Dergisi, Cilt 3, Sayı 1, 1998", "KARS ANTLAŞMASI", "GİRİŞ"], [], "KARS ANTLAŞMASI"),
        (  # the journal's line printed as a running head on every page never names the article
            ["KARS ANTLAŞMASI", "GİRİŞ"],
            ["Türk Tarihi Araştırmaları Dergisi, Cilt 12, Sayı 2, 2021, s. 145-170"] * 3,
            "KARS ANTLAŞMASI",
        ),
        # the body's first section heading is no title, even when it comes first
        (["GİRİŞ", "KARS ANTLAŞMASI"], [], "KARS ANTLAŞMASI"),
        (["1. Introduction", "The Treaty of Kars"], [], "The Treaty of Kars"),
        (
            ["GİRİŞ", "SONUÇ", "KAYNAKÇA", "Kars Antlaşması’nın imzası ve Kafkasya."],
            [],
            "Kars Antlaşması’nın imzası ve Kafkasya.",
        ),
    ],
)
def test_guess_title(blocks, heads, expected):
    text = "\n\n".join(blocks)
    spans, start = [], 0
    for block in blocks:
        spans.append(Block(Span(start, start + len(block)), 1, "heading"))
        start += len(block) + 2
    furniture = [Furniture(page, head, "running-head") for page, head in enumerate(heads, start=1)]
    assert guess_title(text, spans, furniture) == expected


@pytest.fixture(scope="module")
def pdf_document(tmp_path_factory):
    if not FONT.exists():
        pytest.skip("DejaVuSans not installed (Debian package fonts-dejavu-core)")
    path = build_header_pdf(tmp_path_factory.mktemp("header") / "makale.pdf")
    return recover_structure(read_file(path), "pdf")


def test_pdf_header(pdf_document):
    header = pdf_document.header
    assert pdf_document.title == "Sovyet Rusya Belgelerinde Türkiye-Azerbaycan İlişkileri (1920-1922)"
    assert pdf_document.authors == ["Ayşe Karataş"]
    assert (header["journal"], header["volume"], header["issue"], header["year"], header["pages"]) == (
        "Türk Tarihi Araştırmaları Dergisi",
        "12",
        "2",
        2021,
        "145-170",
    )
    assert header["affiliations"] == {
        "Ayşe Karataş": "Dr. Öğr. Üyesi, Atatürk Üniversitesi, Edebiyat Fakültesi, Tarih Bölümü, Erzurum"
    }
    assert header["abstracts"]["tr"].endswith("ışığında ele alınmıştır.")
    assert header["keywords"] == {"tr": ["Türkiye", "Azerbaycan", "Nahçıvan"]}
    assert "Bu çalışmada 1920-1922 yılları" in pdf_document.text  # read, not taken out of the body


def test_header_round_trips_through_the_store_and_documents_json(tmp_path):
    db = tmp_path / "kb.db"
    subprocess.run(
        [str(VAKANUVIS), "ingest", str(DATA / "title-then-authors.txt"), "--db", str(db)],
        check=True,
        capture_output=True,
    )
    listed = subprocess.run(
        [str(VAKANUVIS), "documents", "--json", "--db", str(db)], check=True, capture_output=True, text=True
    ).stdout
    (record,) = json.loads(listed)
    assert record["authors"] == ["Mehmet Demir", "Zeynep Aydın"]
    assert record["origins"]["authors"] == "detected"
    assert record["header"]["journal"] == "Atatürk Araştırma Merkezi Dergisi"
    assert record["header"]["keywords"]["en"][1] == "Caucasus"


def test_title_ending_with_an_abbreviation_and_authors_with_initials():
    header = read_header(
        raw_of(
            "Советско-турецкие отношения в 1920–1921 гг.\n\nА.В. Смирнов\n\nАннотация\nКраткая аннотация."
        ),
        [],
        "ru",
    )
    assert (header.title, header.authors) == ("Советско-турецкие отношения в 1920–1921 гг.", ["А.В. Смирнов"])


def test_an_affiliation_line_that_names_its_author():
    header = read_header(
        raw_of(
            "The Treaty of Moscow, 1921\n\nSelin Kaya and Daniel Hoffmann\n\n"
            "Daniel Hoffmann, Institute for East European History, University of Vienna\n"
            "Selin Kaya, Department of History, Middle East Technical University, Ankara\n\nAbstract\nShort."
        ),
        [],
        "en",
    )
    assert header.affiliations == {
        "Daniel Hoffmann": "Institute for East European History, University of Vienna",
        "Selin Kaya": "Department of History, Middle East Technical University, Ankara",
    }


def test_a_footnote_on_the_first_page_names_no_journal() -> None:
    """ "C. I, s. 112-118" in a note of the first page is a cited book's volume and pages, not the article's."""
    text = "\n".join(
        [
            "Ankara Hükümeti'nin Moskova'ya Gönderdiği Heyetler",
            "",
            "Öz",
            "Bu makale Ankara Hükümeti'nin 1920-1922 yıllarında Moskova'ya gönderdiği heyetleri inceler.",
            "Anahtar Kelimeler: Millî Mücadele, Sovyet Rusya, Moskova Antlaşması",
            "",
            "GİRİŞ",
            "Mütareke döneminde İstanbul'daki depolardan Anadolu'ya silah kaçırıldı.1 Heyet yola çıktı.",
            "",
            "1Bu konuda bkz. Türk İstiklal Harbi, C. I, Genelkurmay Basımevi, Ankara, 1963, s. 112-118.",
        ]
    )
    raw = raw_of(text)
    document = recover_structure(raw, "note")
    assert document.header.get("keywords")
    assert not {"journal", "volume", "pages"} & set(document.header)


def test_a_title_wrapped_inside_its_span_of_years() -> None:
    """ "… Ermenistan (1920-" then "1921)": the line that closes the years is the title's, though it holds
    no word."""
    text = "\n".join(
        [
            "Kars Antlaşması'na Giden Süreçte Doğu Cephesi ve Ermenistan (1920-",
            "                1921)",
            "",
            "Öz",
            "Bu makale 1920 Doğu Harekâtı ile Kars Antlaşması arasındaki süreci inceler.",
            "Anahtar Kelimeler: Kars Antlaşması, Doğu Cephesi",
        ]
    )
    document = recover_structure(raw_of(text), "years")
    assert (
        document.header["titles"]["tr"]
        == "Kars Antlaşması'na Giden Süreçte Doğu Cephesi ve Ermenistan (1920-1921)"
    )
