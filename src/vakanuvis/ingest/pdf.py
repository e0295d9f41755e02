"""PDF reader: characters grouped into lines that keep their font size and position.

PDFium (through pypdfium2) reads the file; each character is measured the way pdfminer measured it for the
pdfplumber-based reader this one replaced, so the lines come out the same (bench/pdf_reader.py compares
the two), some six times faster.
"""

from __future__ import annotations

import ctypes
import math
import statistics
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vakanuvis.errors import UnreadableFile
from vakanuvis.ingest.normalize import normalize_line
from vakanuvis.model import RawDocument, RawLine, RawPage

# PDFium is not thread-safe, and the API server reads uploads in worker threads.
PDFIUM_LOCK = threading.Lock()
# Characters PDFium may insert itself (word gaps, line ends): only these are asked whether they are real.
MAYBE_GENERATED = frozenset((0x20, 0x0D, 0x0A))
# PDFium writes a hyphen or soft hyphen that ends a line as U+0002 and keeps no trace of which it was;
# the plain hyphen is what typesetters write there, and what pdfminer read.
LINE_END_HYPHEN = 0x02


@dataclass(slots=True)
class Char:
    """One character in page coordinates from the top-left corner, in points, as pdfminer measures it."""

    text: str
    x0: float
    x1: float
    top: float  # bottom minus the type size: the em box, not the glyph's ink
    bottom: float  # the font's descent line
    size: float  # type size after the text and page matrices


def read_pdf(path: Path, data: bytes, sha256: str) -> RawDocument:
    """A `.pdf` file: one RawPage per page, lines with median font size, top and left edge."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableFile(str(path), "is not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableFile(str(path), "the PDF is truncated or damaged (no end-of-file marker)")
    with PDFIUM_LOCK:
        pages = read_pages(path, data)
    if not pages:
        raise UnreadableFile(str(path), "the PDF has no pages")
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise UnreadableFile(str(path), "the PDF has no text layer; it needs OCR first")
    return RawDocument(path=str(path), sha256=sha256, encoding="pdf", pages=pages, explicit_pages=True)


def read_pages(path: Path, data: bytes) -> list[RawPage]:
    """Every page's lines, or `UnreadableFile` when PDFium cannot open the file or one of its pages."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise UnreadableFile(
                str(path), "the PDF is password-protected; save an unprotected copy first"
            ) from error
        if error.err_code == pdfium_c.FPDF_ERR_SUCCESS:
            # PDFium refuses a file whose page tree holds no page, and calls it no error.
            raise UnreadableFile(str(path), "the PDF has no pages") from error
        raise UnreadableFile(
            str(path), f"the PDF is damaged and cannot be read ({pdfium_reason(error)})"
        ) from error
    pages: list[RawPage] = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                width, height, chars = page_chars(page)
            finally:
                page.close()
            pages.append(RawPage(number=index + 1, lines=group_lines(chars), height=height, width=width))
    except pdfium.PdfiumError as error:
        raise UnreadableFile(
            str(path), f"the PDF is damaged and cannot be read ({pdfium_reason(error)})"
        ) from error
    finally:
        document.close()
    return pages


def pdfium_reason(error: Exception) -> str:
    """PDFium's own words for a failure ("Data format error"), or the error's type."""
    message = str(error)
    if "(PDFium: " in message:
        return message.split("(PDFium: ", 1)[1].split(")", 1)[0]
    return type(error).__name__


def page_chars(page: Any) -> tuple[float, float, list[Char]]:
    """The displayed page's width and height and its characters, in the order PDFium found them."""
    import pypdfium2.raw as pdfium_c

    rotation = page.get_rotation()
    box = page.get_mediabox(fallback_ok=False) or page.get_bbox()  # PDFium does not inherit /MediaBox
    # PDFium keeps boxes in single precision: 841.89 comes back as 841.8900146.
    left, right = sorted(round(x, 3) for x in (box[0], box[2]))
    low, high = sorted(round(y, 3) for y in (box[1], box[3]))
    width, height = (high - low, right - left) if rotation in (90, 270) else (right - left, high - low)
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        # The raw calls bound once: a 12-page article has some 20,000 characters.
        get_unicode = pdfium_c.FPDFText_GetUnicode
        is_generated = pdfium_c.FPDFText_IsGenerated
        get_box = pdfium_c.FPDFText_GetLooseCharBox
        get_origin = pdfium_c.FPDFText_GetCharOrigin
        get_text_object = text_object_address(pdfium_c)
        handle_address = ctypes.cast(handle, ctypes.c_void_p)
        rect = pdfium_c.FS_RECTF()
        origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
        rect_ref, x_ref, y_ref = ctypes.byref(rect), ctypes.byref(origin_x), ctypes.byref(origin_y)
        # A text object's characters share its type size and font: asked once per object, not per character;
        # a glyph's advance width once per font.
        objects: dict[int, tuple[float, float, Any, int]] = {}
        widths: dict[tuple[int, int], float] = {}
        chars: list[Char] = []
        previous: Char | None = None
        previous_origin = (math.nan, math.nan)
        for index in range(pdfium_c.FPDFText_CountChars(handle)):
            code = get_unicode(handle, index)
            if code >= 0xD800 and (code <= 0xDFFF or code > 0x10FFFF):
                continue  # a broken ToUnicode map: half a surrogate pair or no code point at all
            if code == 0 or (code in MAYBE_GENERATED and is_generated(handle, index)):
                continue  # no Unicode for the glyph, or a space or line end PDFium made up
            if code == LINE_END_HYPHEN:
                code = 0x2D
            if not (get_box(handle, index, rect_ref) and get_origin(handle, index, x_ref, y_ref)):
                continue
            text_object = get_text_object(handle_address, index) or 0
            metrics = objects.get(text_object) if text_object else None
            if metrics is None:
                metrics = object_metrics(pdfium_c, handle, index)
                if text_object:
                    objects[text_object] = metrics
            size, along, font, font_address = metrics
            unit_width = widths.get((font_address, code))
            if unit_width is None:
                unit_width = widths[font_address, code] = glyph_width(pdfium_c, font, code)
            # The loose box spans the font's descent to ascent and the advance, widened by any ink beyond
            # them (the tail of a J, the hook of an f). pdfminer's character spans the advance only, from the
            # origin, and its top is one type size above the descent line: so is this reader's.
            if rotation == 90:
                x0, box_x1, bottom = origin_y.value - low, rect.top - low, rect.right - left
            elif rotation == 180:
                x0, box_x1, bottom = right - origin_x.value, right - rect.left, rect.top - low
            elif rotation == 270:
                x0, box_x1, bottom = high - origin_y.value, high - rect.bottom, right - rect.left
            else:
                x0, box_x1, bottom = origin_x.value - left, rect.right - left, high - rect.bottom
            x1 = box_x1 if unit_width < 0 else min(x0 + unit_width * along, box_x1)
            origin = (origin_x.value, origin_y.value)
            if previous is not None and origin == previous_origin:
                # Letters of one glyph (a ligature read as "fi") share its origin and its box.
                x1 = previous.x1 = box_x1
            previous = Char(chr(code), x0, x1, bottom - size, bottom, size)
            previous_origin = origin
            chars.append(previous)
    finally:
        textpage.close()
    return float(width), float(height), chars


def object_metrics(pdfium_c: Any, handle: Any, index: int) -> tuple[float, float, Any, int]:
    """For the text object of character `index`: its type size and the length of one unit of glyph width
    along the baseline, in page units (the font size scaled by the text and page matrices), its font and
    the font's address."""
    font_size = float(pdfium_c.FPDFText_GetFontSize(handle, index))
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(handle, index, ctypes.byref(matrix)):
        size, along = font_size * math.hypot(matrix.c, matrix.d), font_size * math.hypot(matrix.a, matrix.b)
    else:
        size = along = font_size
    text_object = pdfium_c.FPDFText_GetTextObject(handle, index)
    font = pdfium_c.FPDFTextObj_GetFont(text_object) if text_object else None
    return size, along, font, (ctypes.cast(font, ctypes.c_void_p).value or 0) if font else 0


def glyph_width(pdfium_c: Any, font: Any, code: int) -> float:
    """The advance width of the font's glyph for Unicode `code`, in em (-1 when the font cannot say)."""
    width = ctypes.c_float()
    if not font or not pdfium_c.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(1.0), ctypes.byref(width)):
        return -1.0
    return float(width.value) if width.value > 0 else -1.0


def text_object_address(pdfium_c: Any) -> Callable[[Any, int], int | None]:
    """FPDFText_GetTextObject giving the object's address as a plain int, cheap to use as a dict key."""
    prototype = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
    address = ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value
    assert address is not None
    return prototype(address)  # type: ignore[no-any-return]


def group_lines(chars: list[Char]) -> list[RawLine]:
    """Group characters into lines by vertical overlap, so a raised footnote digit stays on its line."""
    rows: list[list[Char]] = []
    # Each row's highest top and lowest bottom so far, kept beside it so a character costs no row scan.
    extents: list[list[float]] = []
    for char in sorted(chars, key=lambda c: (round(c.bottom, 1), c.x0)):
        if not char.text:
            continue
        middle = (char.top + char.bottom) / 2
        for position in range(len(rows) - 1, max(len(rows) - 4, -1), -1):
            extent = extents[position]
            if extent[0] <= middle <= extent[1]:
                rows[position].append(char)
                if char.top < extent[0]:
                    extent[0] = char.top
                if char.bottom > extent[1]:
                    extent[1] = char.bottom
                break
        else:
            rows.append([char])
            extents.append([char.top, char.bottom])
    lines: list[RawLine] = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        sizes = [c.size for c in row if c.text.strip()]
        if not sizes:
            continue
        size = statistics.median(sizes)
        # A median between two far-apart sizes (one 8 pt and one 11 pt glyph) matches no character.
        body_chars = [c for c in row if abs(c.size - size) < 0.5] or row
        baseline = statistics.median(c.bottom for c in body_chars)
        parts: list[str] = []
        previous: Char | None = None
        for char in row:
            # A gap wider than a fraction of the type size is a space the PDF did not write as a glyph.
            if previous is not None and char.x0 - previous.x1 > 0.2 * size and parts[-1][-1:] != " ":
                parts.append(" ")
            parts.append(as_superscript(char, size, baseline) if char.text in ASCII_DIGITS else char.text)
            previous = char
        lines.append(
            RawLine(
                text=normalize_line("".join(parts)),
                font_size=round(size, 2),
                top=round(min(c.top for c in body_chars), 2),
                x0=round(row[0].x0, 2),
            )
        )
    lines.sort(key=lambda line: (line.top or 0.0, line.x0 or 0.0))
    return lines


ASCII_DIGITS = frozenset("0123456789")
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def as_superscript(char: Char, size: float, baseline: float) -> str:
    """A digit set small and raised above the line's baseline is a footnote marker: write it as ¹²³."""
    text = char.text
    if (
        text.isascii()
        and text.isdigit()
        and char.size <= 0.85 * size
        and char.bottom < baseline - 0.15 * size
    ):
        return text.translate(SUPERSCRIPT_DIGITS)
    return text
