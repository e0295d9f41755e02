"""Readers: encodings detected without being told, Unicode clean-up, pages, and bad input refused clearly."""

from __future__ import annotations

import codecs
import hashlib
import sys
from pathlib import Path

import pytest

from vakanuvis.errors import UnreadableFile
from vakanuvis.ingest import MAX_FILE_BYTES, find_input_files, read_file

sys.path.insert(0, str(Path(__file__).parents[1] / "structure"))
from pdf_article import FONT, build_article_pdf  # noqa: E402

TURKISH = (
    "23 Nisan 1920’de Ankara’da Türkiye Büyük Millet Meclisi açıldı.\n"
    "Şükrü Bey, Iğdır ve Erzurum’dan gelen çiğ haberleri İsmet Paşa’ya iletti; ağır şartlar konuşuldu.\n"
)
# ISO-8859-9 has no typographic apostrophe: texts in it use the plain one.
TURKISH_PLAIN = TURKISH.replace("’", "'")


@pytest.mark.parametrize(
    ("encoded", "expected_text", "expected_encoding"),
    [
        (TURKISH.encode("utf-8"), TURKISH, "utf-8"),
        (codecs.BOM_UTF8 + TURKISH.encode("utf-8"), TURKISH, "utf-8-sig"),
        (TURKISH.encode("utf-16"), TURKISH, "utf-16"),  # Python writes the BOM
        (codecs.BOM_UTF16_BE + TURKISH.encode("utf-16-be"), TURKISH, "utf-16"),
        (TURKISH.encode("utf-16-le"), TURKISH, "utf-16-le"),  # no BOM: recognized by its NUL high bytes
        (TURKISH.encode("utf-16-be"), TURKISH, "utf-16-be"),
        (TURKISH.encode("cp1254"), TURKISH, "cp1254"),
        (TURKISH_PLAIN.encode("cp1254"), TURKISH_PLAIN, "cp1254"),
        (TURKISH_PLAIN.encode("iso-8859-9"), TURKISH_PLAIN, "cp1254"),  # identical bytes outside 0x80-0x9F
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "utf-16-le",
        "utf-16-be",
        "cp1254-quotes",
        "cp1254-plain",
        "iso-8859-9",
    ],
)
def test_encodings_are_detected(tmp_path, encoded, expected_text, expected_encoding):
    path = tmp_path / "makale.txt"
    path.write_bytes(encoded)
    raw = read_file(path)
    assert raw.encoding == expected_encoding
    assert "\n".join(line.text for line in raw.pages[0].lines) == expected_text.rstrip("\n")
    assert raw.sha256 == hashlib.sha256(encoded).hexdigest()
    assert raw.explicit_pages is False


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("s\u0327ehir", "şehir"),  # decomposed cedilla becomes one letter (NFC)
        ("I\u0307stanbul", "İstanbul"),
        ("ta\ufb01l ve \ufb02ama", "tafil ve flama"),  # ligatures expanded
        ("Azer\u00adbaycan", "Azerbaycan"),  # soft hyphen inside a line is dropped
        ("Azer\u00ad", "Azer\u00ad"),  # at the line end it is kept for structure recovery to join
        ("a\u00a0b\tc", "a b c"),  # odd spaces become plain
    ],
)
def test_unicode_is_normalized(tmp_path, written, read):
    path = tmp_path / "n.txt"
    path.write_text(written + "\n", encoding="utf-8")
    assert read_file(path).pages[0].lines[0].text == read


def test_form_feeds_make_pages(tmp_path):
    path = tmp_path / "pages.txt"
    path.write_text("birinci sayfa\nikinci satır\f2\nikinci sayfa\f", encoding="utf-8")
    raw = read_file(path)
    assert raw.explicit_pages is True
    assert [[line.text for line in page.lines] for page in raw.pages] == [
        ["birinci sayfa", "ikinci satır"],
        ["2", "ikinci sayfa"],
    ]
    assert [page.number for page in raw.pages] == [1, 2]


def test_pdf_lines_keep_font_size_and_position(tmp_path):
    if not FONT.exists():
        pytest.skip("DejaVuSans not installed (Debian package fonts-dejavu-core)")
    raw = read_file(build_article_pdf(tmp_path / "makale.pdf"))
    assert raw.encoding == "pdf" and raw.explicit_pages is True and len(raw.pages) == 2
    first = raw.pages[0]
    assert first.height == pytest.approx(841.89, abs=1) and first.width == pytest.approx(595.28, abs=1)
    by_text = {line.text: line for line in first.lines}
    assert by_text["GİRİŞ"].font_size == 11
    note = next(line for line in first.lines if line.text.startswith("¹ Kazım Karabekir"))
    assert note.font_size == 8 and note.top > 700
    # The raised small marker stays on its body line, written as a superscript digit.
    assert any(line.text.startswith("başladı.¹ Mustafa Kemal") for line in first.lines)
    assert any(line.text.endswith("Ankara’ya bildirdi.²") for line in first.lines)
    # Digits in body type are left alone.
    assert any("19 Mayıs 1919’da" in line.text for line in first.lines)


def no_text_pdf(path: Path) -> Path:
    return build_article_pdf(path, with_text=False)


def truncated_pdf(path: Path) -> Path:
    build_article_pdf(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def encrypted_pdf(path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.text(20, 20, "gizli belge")
    pdf.set_encryption(owner_password="sahip", user_password="okuyucu")
    pdf.output(str(path))
    return path


def write(name: str, data: bytes):
    def make(path: Path) -> Path:
        target = path.with_name(name)
        target.write_bytes(data)
        return target

    return make


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (write("bos.txt", b""), "the file is empty"),
        (write("bosluk.txt", b"  \n\n \t\n"), "only blank space"),
        (write("resim.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), "binary file"),
        (write("kontrol.txt", bytes(range(1, 9)) * 50), "binary file"),
        (write("sahte.pdf", b"this is not a pdf at all"), "not a PDF file"),
        (write("makale.docx", b"PK\x03\x04"), "unsupported file type '.docx'"),
        (write("README", b"text"), "unsupported file type '(no extension)'"),
        (no_text_pdf, "has no text layer; it needs OCR first"),
        (truncated_pdf, "truncated or damaged"),
        (encrypted_pdf, "password-protected"),
        (lambda path: path.with_name("yok.txt"), "no such file"),
        (lambda path: path.parent, "is a folder"),
    ],
    ids=[
        "empty",
        "blank",
        "png",
        "controls",
        "fake-pdf",
        "docx",
        "no-extension",
        "no-text-layer",
        "truncated",
        "password",
        "missing",
        "folder",
    ],
)
def test_bad_input_is_refused_with_a_reason(tmp_path, make, reason):
    if not FONT.exists():
        pytest.skip("DejaVuSans not installed (Debian package fonts-dejavu-core)")
    path = make(tmp_path / "x.pdf")
    with pytest.raises(UnreadableFile) as error:
        read_file(path)
    assert reason in str(error.value)
    assert error.value.path == str(path)


def test_a_200_mb_text_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "dev.txt"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk and no time
    assert path.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(UnreadableFile, match=r"200 MB, over the limit of 100 MB"):
        read_file(path)


def test_find_input_files_expands_folders_and_keeps_named_files(tmp_path):
    folder = tmp_path / "arsiv"
    (folder / "alt").mkdir(parents=True)
    (folder / ".git").mkdir()
    for name in ["b.txt", "a.PDF", "not.docx", "alt/c.txt", "alt/d.jpg", ".git/x.txt", ".gizli.txt"]:
        (folder / name).write_text("x")
    named = tmp_path / "tek.docx"
    named.write_text("x")
    missing = tmp_path / "yok.txt"
    assert find_input_files([folder, named, missing]) == [
        folder / "a.PDF",
        folder / "alt/c.txt",
        folder / "b.txt",
        named,
        missing,
    ]


# A long Turkish text (about 4,000 bytes) in which NUL bytes are put at a few places.
LONG_TURKISH = (TURKISH * 20).encode("utf-8")


def with_nuls(data: bytes, *offsets: int) -> bytes:
    for offset in sorted(offsets, reverse=True):
        data = data[:offset] + b"\x00" + data[offset:]
    return data


@pytest.mark.parametrize(
    ("data", "encoding", "warning"),
    [
        (with_nuls(LONG_TURKISH, 100), "utf-8", "1 stray NUL byte removed (the first at byte 100)"),
        (with_nuls(LONG_TURKISH, 7, 2000, 3000), "utf-8", "3 stray NUL bytes removed (the first at byte 7)"),
        (with_nuls(TURKISH.encode("utf-8"), 40), "utf-8", "1 stray NUL byte removed"),  # short: one is stray
        (with_nuls(TURKISH_PLAIN.encode("iso-8859-9") * 20, 500), "cp1254", "1 stray NUL byte removed"),
        (with_nuls(LONG_TURKISH, 0, len(LONG_TURKISH)), "utf-8", "2 stray NUL bytes removed"),  # at both ends
    ],
    ids=["one", "three", "short-text", "legacy-encoding", "first-and-last-byte"],
)
def test_stray_nul_bytes_are_removed_with_a_warning(tmp_path, data, encoding, warning):
    path = tmp_path / "makale.txt"
    path.write_bytes(data)
    raw = read_file(path)
    text = "\n".join(line.text for page in raw.pages for line in page.lines) + "\n"
    assert "\x00" not in text
    assert text.replace("'", "’") == (TURKISH * (1 if len(data) < 500 else 20)).replace("'", "’")
    assert raw.encoding == encoding
    assert len(raw.warnings) == 1 and warning in raw.warnings[0] and str(path) in raw.warnings[0]
    assert raw.sha256 == hashlib.sha256(data).hexdigest()  # the hash is of the bytes as they are on disk


@pytest.mark.parametrize(
    "data",
    [
        with_nuls(LONG_TURKISH, *range(0, len(LONG_TURKISH), 100)),  # 1 in 100: too many to be stray
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(4000),
        bytes(range(256)) * 16,
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + LONG_TURKISH,  # a zip header before text
    ],
    ids=["many-nuls", "png", "every-byte", "zip-header"],
)
def test_binary_files_with_nuls_are_still_refused(tmp_path, data):
    path = tmp_path / "ikili.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableFile, match="binary file"):
        read_file(path)


def test_text_without_nuls_reads_without_warning(tmp_path):
    path = tmp_path / "temiz.txt"
    path.write_bytes(LONG_TURKISH)
    assert read_file(path).warnings == []
    path.write_bytes(TURKISH.encode("utf-16-le"))  # NUL high bytes: UTF-16, not stray
    raw = read_file(path)
    assert raw.warnings == [] and raw.encoding == "utf-16-le"
