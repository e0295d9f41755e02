"""Plain-text reader: encoding detection (Turkish legacy encodings in mind) and form-feed pages."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from charset_normalizer import from_bytes

from vakanuvis.errors import UnreadableFile
from vakanuvis.ingest.normalize import normalize_line
from vakanuvis.model import RawDocument, RawLine, RawPage

# Letters that exist in Turkish but not in Latin-1: their presence after a legacy decoding is strong
# evidence that the encoding is Windows-1254 / ISO-8859-9 rather than a Western one.
TURKISH_LETTERS = set("ğĞışŞİ")
# Control characters that never occur in text (form feed, tab, CR, LF excepted).
CONTROL_BYTES = set(range(0, 9)) | {11} | set(range(14, 32)) | {127}
# A text may carry a few NUL bytes from a damaged copy or a bad conversion; a binary file has many. Up to
# this share of a file's bytes (and at least STRAY_NULS_ALWAYS_ALLOWED) they are taken as stray and removed.
STRAY_NUL_SHARE = 0.001
STRAY_NULS_ALWAYS_ALLOWED = 2
_CONTROL_CHARACTERS = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(CONTROL_BYTES)) + "]")


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode bytes into text; returns (text, encoding name). Raises ValueError for binary data."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as error:
                raise ValueError(f"it starts like {name} text but is not valid {name}") from error
    if b"\x00" in data:
        utf16 = utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise ValueError("it looks like a binary file (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8: a single-byte legacy encoding. cp1254 and ISO-8859-9 differ only in 0x80-0x9F
    # (typographic quotes, dashes in cp1254, C1 controls in ISO-8859-9); prefer the one without controls.
    text = data.decode("cp1254", errors="replace")
    if "\ufffd" not in text and TURKISH_LETTERS & set(text):
        return text, "cp1254"
    latin5 = data.decode("iso-8859-9")
    if not any(0x80 <= ord(char) <= 0x9F for char in latin5) and TURKISH_LETTERS & set(latin5):
        return latin5, "iso-8859-9"
    best = from_bytes(data).best()
    if best is None:
        raise ValueError("its bytes are not text in any known encoding (a binary file?)")
    return str(best), best.encoding


def utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text saved without a byte-order mark: NUL high bytes on one side of nearly every pair."""
    if len(data) % 2 or len(data) < 4:
        return None
    for name, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        if zeros.count(0) > 0.5 * len(zeros):
            try:
                text = data.decode(name)
            except UnicodeDecodeError:
                return None
            return (text, name) if not looks_binary(text) else None
    return None


def stray_nul_count(data: bytes) -> int:
    """How many NUL bytes a text file carries by accident: 0 when it has none, or when they are the
    text's own (UTF-16) or too many for a text (a binary file, refused)."""
    nuls = data.count(0)
    if not nuls or nuls > max(STRAY_NULS_ALWAYS_ALLOWED, int(len(data) * STRAY_NUL_SHARE)):
        return 0
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(data) is not None:
        return 0
    return nuls


def looks_binary(text: str) -> bool:
    """True when a decoded text is mostly control characters (a binary file that happened to decode)."""
    controls = len(_CONTROL_CHARACTERS.findall(text))
    return controls > max(1, len(text) // 100)


def read_text(path: Path, data: bytes, sha256: str) -> RawDocument:
    """A `.txt` file: form feeds make pages, otherwise one page holding every line.

    Stray NUL bytes (`stray_nul_count`) are removed before decoding, and a warning says how many and
    where: they are not characters of the text, so the text after reading (what structure recovery
    accounts for, character by character) holds none of them, and the stored file hash is still that
    of the bytes as they were."""
    warnings: list[str] = []
    nuls = stray_nul_count(data)
    if nuls:
        warnings.append(
            f"warning: {path}: {nuls} stray NUL byte{'s' if nuls > 1 else ''} removed "
            f"(the first at byte {data.index(0)}); the rest is read as text"
        )
        data = data.replace(b"\x00", b"")
    try:
        text, encoding = decode_text(data)
    except ValueError as error:
        raise UnreadableFile(str(path), str(error)) from error
    if looks_binary(text):
        raise UnreadableFile(str(path), "it looks like a binary file (control characters), not text")
    if not text.strip():
        raise UnreadableFile(str(path), "the file holds only blank space, no text")
    chunks = text.split("\f")
    explicit = len(chunks) > 1
    if explicit and not chunks[-1].strip():
        chunks.pop()  # a trailing form feed closes the last page rather than opening a new one
    pages = [
        RawPage(number=index, lines=[RawLine(normalize_line(line)) for line in chunk.splitlines()])
        for index, chunk in enumerate(chunks, start=1)
    ]
    return RawDocument(
        path=str(path),
        sha256=sha256,
        encoding=encoding,
        pages=pages,
        explicit_pages=explicit,
        warnings=warnings,
    )
