"""PDF reader: characters grouped into lines that keep their font size and position.

PDFium (through pypdfium2) reads the file; each character is measured the way pdfminer measured it for the
pdfplumber-based reader this one replaced, so the lines come out the same (bench/pdf_reader.py compares
the two), some eleven times faster. Most of the time goes to four calls into PDFium per character (some
30,000 in a 12-page article), bound so that each costs little (`unchecked`).
"""

from __future__ import annotations

import ctypes
import itertools
import math
import operator
import re
import struct
import threading
from pathlib import Path
from typing import Any

from vakanuvis.errors import UnreadableFile
from vakanuvis.ingest.normalize import normalize_line
from vakanuvis.ingest.ocr import OCR_DPI, read_page_image
from vakanuvis.ingest.options import ReadOptions
from vakanuvis.model import RawDocument, RawLine, RawPage

# PDFium is not thread-safe, and the API server reads uploads in worker threads.
PDFIUM_LOCK = threading.Lock()
# Characters PDFium may insert itself (word gaps, line ends): only these are asked whether they are real.
MAYBE_GENERATED = frozenset((0x20, 0x0D, 0x0A))
# PDFium writes a hyphen or soft hyphen that ends a line as U+0002 and keeps no trace of which it was;
# the plain hyphen is what typesetters write there, and what pdfminer read.
LINE_END_HYPHEN = 0x02


# One character in page coordinates from the top-left corner, in points, as pdfminer measures it: a plain
# tuple, as a page has thousands, in the order lines are gathered in (the rounded descent line, the left
# edge, then PDFium's order):
#   (rounded bottom, x0, PDFium index, text, x1, top, bottom, size, middle)
# text is one character (lines are built by position in the string of a row's letters), top the bottom
# minus the type size (the em box, not the glyph's ink), bottom the font's descent line, size the type size
# after the text and page matrices, middle halfway between top and bottom.
Char = tuple[float, float, int, str, float, float, float, float, float]


def make_char(index: int, text: str, x0: float, x1: float, bottom: float, size: float) -> Char:
    """A character as page_chars makes it (which builds the tuple inline, being called 30,000 times a PDF)."""
    top = bottom - size
    return (round(bottom, 1), x0, index, text, x1, top, bottom, size, (top + bottom) / 2)


def read_pdf(path: Path, data: bytes, sha256: str, options: ReadOptions | None = None) -> RawDocument:
    """A `.pdf` file: one RawPage per page, lines with median font size, top and left edge; scanned pages
    read by OCR as `options.ocr` says (pages without a text layer, by default)."""
    options = options or ReadOptions()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableFile(str(path), "is not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableFile(str(path), "the PDF is truncated or damaged (no end-of-file marker)")
    ocr: dict[str, dict[str, Any]] = {}
    pages = read_pages(path, data, options.ocr, ocr)
    if not pages:
        raise UnreadableFile(str(path), "the PDF has no pages")
    if not any(line.text.strip() for page in pages for line in page.lines):
        if ocr:
            raise UnreadableFile(str(path), "OCR found no text on the PDF's scanned pages")
        if options.ocr == "never":
            raise UnreadableFile(
                str(path), "the PDF has no text layer; it needs OCR first (ingest --ocr auto)"
            )
        raise UnreadableFile(str(path), "the PDF has no text layer; it needs OCR first")
    return RawDocument(
        path=str(path),
        sha256=sha256,
        encoding="pdf",
        pages=pages,
        explicit_pages=True,
        ocr={"pages": ocr} if ocr else {},
    )


def read_pages(path: Path, data: bytes, ocr_mode: str = "never", ocr: dict | None = None) -> list[RawPage]:
    """Every page's lines, or `UnreadableFile` when PDFium cannot open the file or one of its pages.

    A page is read by OCR when `ocr_mode` is "always", or "auto" and the page has no text but an image;
    what OCR made of it goes into `ocr` by page number. PDFium is held only while it reads or renders a
    page, not while Tesseract reads the image (another thread may read a PDF meanwhile); the image is
    dropped before the next page, so a long scan is read in the memory of one page."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        with PDFIUM_LOCK:
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
            image = None
            with PDFIUM_LOCK:
                page = document[index]
                try:
                    width, height, chars = page_chars(page)
                    if ocr_mode == "always" or (ocr_mode == "auto" and is_scanned(page, chars, pdfium_c)):
                        image = page.render(scale=OCR_DPI / 72, grayscale=True).to_pil()
                    else:
                        rules = page_rules(page, pdfium_c)
                finally:
                    page.close()
            if image is not None:
                pages.append(ocr_page(path, index + 1, image, (width, height), ocr))
                del image
                continue
            gutters: list[float] = []
            lines = group_lines(chars, width, height, gutters)
            pages.append(
                RawPage(
                    number=index + 1, lines=lines, height=height, width=width, rules=rules, gutters=gutters
                )
            )
    except pdfium.PdfiumError as error:
        raise UnreadableFile(
            str(path), f"the PDF is damaged and cannot be read ({pdfium_reason(error)})"
        ) from error
    finally:
        with PDFIUM_LOCK:
            document.close()
    return pages


def is_scanned(page: Any, chars: list[Char], pdfium_c: Any) -> bool:
    """A page with no printing character but an image: a scan (a blank or drawn page is not read by OCR)."""
    if any(not char[3].isspace() for char in chars):
        return False
    return any(True for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=3))


def ocr_page(path: Path, number: int, image: Any, size: tuple[float, float], ocr: dict | None) -> RawPage:
    """One page image read by Tesseract, as a RawPage of the page's `size` (width and height in points);
    its confidence and language kept in `ocr`."""
    read = read_page_image(image, OCR_DPI, str(path))
    read.width, read.height = size
    if ocr is not None:
        ocr[str(number)] = {"confidence": read.confidence, "language": read.language}
    lines = sorted(read.lines, key=lambda line: (line.top or 0.0, line.x0 or 0.0))
    if read.gutters:
        lines = in_reading_order(lines, read.gutters, read.height)
    return RawPage(
        number=number,
        lines=lines,
        height=read.height,
        width=read.width,
        rules=read.rules,
        gutters=read.gutters,
    )


def pdfium_reason(error: Exception) -> str:
    """PDFium's own words for a failure ("Data format error"), or the error's type."""
    message = str(error)
    if "(PDFium: " in message:
        return message.split("(PDFium: ", 1)[1].split(")", 1)[0]
    return type(error).__name__


def page_chars(page: Any) -> tuple[float, float, list[Char]]:
    """The displayed page's width and height and its characters, ready to be sorted into lines."""
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
        # A 12-page article has some 30,000 characters and each costs four calls into PDFium: the calls are
        # bound without argument types, which halves their cost, and given only ctypes values and small ints.
        get_unicode = unchecked(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint)
        is_generated = unchecked(pdfium_c.FPDFText_IsGenerated, ctypes.c_int)
        get_box = unchecked(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int)
        get_origin = unchecked(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int)
        get_text_object = unchecked(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p)
        text_page = ctypes.c_void_p(ctypes.cast(handle, ctypes.c_void_p).value)
        # The loose box (four floats) and the origin (two doubles) written side by side, read in one unpack.
        measures = (ctypes.c_char * MEASURES.size)()
        box_ref, x_ref, y_ref = ctypes.byref(measures), ctypes.byref(measures, 16), ctypes.byref(measures, 24)
        unpack = MEASURES.unpack_from
        # A text object's characters share its type size and font: asked once per object, not per character;
        # a glyph's advance width once per font.
        objects: dict[int, tuple[float, float, Any, dict[int, float]]] = {}
        fonts: dict[int, dict[int, float]] = {}
        current_object: int | None = None
        size = along = 0.0
        font: Any = None
        widths: dict[int, float] = {}
        chars: list[Char] = []
        append = chars.append
        previous_x = previous_y = previous_bottom = line_key = math.nan
        for index in range(pdfium_c.FPDFText_CountChars(handle)):
            code = get_unicode(text_page, index)
            if code < 0x21 or code >= 0xD800:  # letters, digits and marks need none of these tests
                if code >= 0xD800 and (code <= 0xDFFF or code > 0x10FFFF):
                    continue  # a broken ToUnicode map: half a surrogate pair or no code point at all
                if code == 0 or (code in MAYBE_GENERATED and is_generated(text_page, index)):
                    continue  # no Unicode for the glyph, or a space or line end PDFium made up
                if code == LINE_END_HYPHEN:
                    code = 0x2D
            if not (get_box(text_page, index, box_ref) and get_origin(text_page, index, x_ref, y_ref)):
                continue
            box_left, box_top, box_right, box_bottom, origin_x, origin_y = unpack(measures)
            text_object = get_text_object(text_page, index)
            if text_object != current_object or text_object is None:
                metrics = objects.get(text_object) if text_object else None
                if metrics is None:
                    metrics = object_metrics(pdfium_c, handle, index, fonts)
                    if text_object:
                        objects[text_object] = metrics
                size, along, font, widths = metrics
                current_object = text_object
            unit_width = widths.get(code)
            if unit_width is None:
                unit_width = widths[code] = glyph_width(pdfium_c, font, code)
            # The loose box spans the font's descent to ascent and the advance, widened by any ink beyond
            # them (the tail of a J, the hook of an f). pdfminer's character spans the advance only, from the
            # origin, and its top is one type size above the descent line: so is this reader's.
            if rotation == 0:
                x0, box_x1, bottom = origin_x - left, box_right - left, high - box_bottom
            elif rotation == 90:
                x0, box_x1, bottom = origin_y - low, box_top - low, box_right - left
            elif rotation == 180:
                x0, box_x1, bottom = right - origin_x, right - box_left, box_top - low
            elif rotation == 270:
                x0, box_x1, bottom = high - origin_y, high - box_bottom, right - box_left
            else:
                x0, box_x1, bottom = origin_x - left, box_right - left, high - box_bottom
            if unit_width < 0:
                x1 = box_x1
            else:
                x1 = x0 + unit_width * along
                if box_x1 < x1:
                    x1 = box_x1
            if origin_x == previous_x and origin_y == previous_y:
                # Letters of one glyph (a ligature read as "fi") share its origin and its box.
                x1 = box_x1
                chars[-1] = (*chars[-1][:4], box_x1, *chars[-1][5:])
            previous_x, previous_y = origin_x, origin_y
            if bottom != previous_bottom:  # most characters sit on the line of the one before
                line_key = round(bottom, 1)
                previous_bottom = bottom
            top = bottom - size
            append((line_key, x0, index, chr(code), x1, top, bottom, size, (top + bottom) / 2))
    finally:
        textpage.close()
    return float(width), float(height), chars


def page_rules(page: Any, pdfium_c: Any) -> list[tuple[float, float, float]]:
    """The page's drawn horizontal rules, as (top, left, right) in points from the top-left corner: the line
    a word processor draws above the footnotes, which is a path and not text. Only upright pages are
    read (a rotated page's rules would need its matrix); a rule is a path under 2 pt high and over 30 wide."""
    if page.get_rotation() != 0:
        return []
    box = page.get_mediabox(fallback_ok=False) or page.get_bbox()
    left_edge, high = min(box[0], box[2]), max(box[1], box[3])
    rules = []
    for path in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = path.get_bounds()
        if top - bottom < 2.0 and right - left > 30.0:
            rules.append((round(high - top, 2), round(left - left_edge, 2), round(right - left_edge, 2)))
    return sorted(rules)


# The loose character box (left, top, right, bottom in single precision) and the origin (x, y in double).
MEASURES = struct.Struct("<4f2d")


def unchecked(function: Any, restype: Any) -> Any:
    """The C function behind a pypdfium2 binding, without its argument types: ctypes then converts no
    argument through a Python-level check, so each call costs half as much. Pass only ctypes values and
    ints that fit a C int.

    The call keeps the GIL (PYFUNCTYPE), which saves another eighth: these calls return within a
    microsecond, and PDFIUM_LOCK keeps other threads out of PDFium meanwhile anyway."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    assert address is not None
    return ctypes.PYFUNCTYPE(restype)(address)


def object_metrics(
    pdfium_c: Any, handle: Any, index: int, fonts: dict[int, dict[int, float]]
) -> tuple[float, float, Any, dict[int, float]]:
    """For the text object of character `index`: its type size and the length of one unit of glyph width
    along the baseline, in page units (the font size scaled by the text and page matrices), its font and
    the advance widths known so far for the font's glyphs (kept in `fonts` by the font's address)."""
    font_size = float(pdfium_c.FPDFText_GetFontSize(handle, index))
    matrix = pdfium_c.FS_MATRIX()
    if pdfium_c.FPDFText_GetMatrix(handle, index, ctypes.byref(matrix)):
        size, along = font_size * math.hypot(matrix.c, matrix.d), font_size * math.hypot(matrix.a, matrix.b)
    else:
        size = along = font_size
    text_object = pdfium_c.FPDFText_GetTextObject(handle, index)
    font = pdfium_c.FPDFTextObj_GetFont(text_object) if text_object else None
    font_address = (ctypes.cast(font, ctypes.c_void_p).value or 0) if font else 0
    return size, along, font, fonts.setdefault(font_address, {})


def glyph_width(pdfium_c: Any, font: Any, code: int) -> float:
    """The advance width of the font's glyph for Unicode `code`, in em (-1 when the font cannot say)."""
    width = ctypes.c_float()
    if not font or not pdfium_c.FPDFFont_GetGlyphWidth(font, code, ctypes.c_float(1.0), ctypes.byref(width)):
        return -1.0
    return float(width.value) if width.value > 0 else -1.0


def group_lines(
    chars: list[Char],
    width: float | None = None,
    height: float | None = None,
    gutters_found: list[float] | None = None,
) -> list[RawLine]:
    """Group characters into lines by vertical overlap, so a raised footnote digit stays on its line; on a
    page of `width` and `height` set in columns, each column's lines apart, in reading order (the gutters'
    x added to `gutters_found`)."""
    rows = raised_into_lines(*character_rows(chars))
    gutters = column_gutters(rows, width) if width else []
    if gutters_found is not None:
        gutters_found.extend(gutters)
    if gutters:
        rows = rows_by_column(rows, gutters)
    lines: list[RawLine] = []
    for row in rows:
        row.sort(key=LEFT_EDGE)
        letters = "".join([c[3] for c in row])
        if letters.isspace():
            continue  # no character to take a type size from
        size = row[0][7]
        sizes = [c[7] for c in row]
        if PLAIN_SIZE[0] < size < PLAIN_SIZE[1] and sizes.count(size) == len(sizes):
            # One type size, as on most lines: it is the median, every character is of the body, and no
            # digit is smaller than the rest, so none is a footnote marker.
            top = min([c[5] for c in row])
            text = with_gaps(list(letters), row, size)
        else:
            size = median([c[7] for c in row if not c[3].isspace()])
            # A median between two far-apart sizes (one 8 pt and one 11 pt glyph) matches no character.
            body = [c for c in row if abs(c[7] - size) < 0.5] or row
            top = min([c[5] for c in body])
            text = with_gaps(with_markers(letters, row, size, median([c[6] for c in body])), row, size)
        lines.append(
            RawLine(
                text=normalize_line(text),
                font_size=round(size, 2),
                top=round(top, 2),
                x0=round(row[0][1], 2),
                x1=round(max(c[4] for c in row), 2),
            )
        )
    lines.sort(key=lambda line: (line.top or 0.0, line.x0 or 0.0))
    if gutters:
        return in_reading_order(lines, gutters, height or 842.0)
    return lines


def column_gutters(rows: list[list[Char]], width: float) -> list[float]:
    """The x of each gutter between columns of a page: a band in the middle of the page where many lines
    have a gap of more than an em and few lines have a letter (a two-column page's lines meet at the same
    heights and would otherwise be read across the gutter as one line)."""
    step = 2.0
    first, last = int(0.15 * width / step), int(0.85 * width / step)
    grid = [at * step for at in range(first, last + 1)]
    # Per grid point, how many lines have a gap there and how many a letter (their span less their gaps):
    # counted by difference arrays, a line costing its gaps and not the grid's length.
    gap_changes = [0] * (len(grid) + 1)
    span_changes = [0] * (len(grid) + 1)

    def grid_range(start: float, end: float) -> tuple[int, int]:
        """The grid points strictly between start and end, as indexes [low, high)."""
        low = min(len(grid), max(0, math.floor(start / step) + 1 - first))
        high = min(len(grid), math.ceil(end / step) - first)
        return low, max(low, high)

    counted = 0
    for row in rows:
        printing = sorted((c for c in row if not c[3].isspace()), key=LEFT_EDGE)
        if len(printing) < 8:
            continue  # a page number, a marker, a short heading: no evidence either way
        counted += 1
        size = median([c[7] for c in printing])
        low, high = grid_range(printing[0][1], printing[-1][4])
        span_changes[low] += 1
        span_changes[high] -= 1
        previous = printing[0]
        for char in printing[1:]:
            if char[1] - previous[4] > size:
                low, high = grid_range(previous[4], char[1])
                gap_changes[low] += 1
                gap_changes[high] -= 1
            previous = char
    gapped = list(itertools.accumulate(gap_changes[:-1]))
    crossed = [span - gap for span, gap in zip(itertools.accumulate(span_changes[:-1]), gapped, strict=True)]
    if counted < MIN_COLUMN_ROWS:
        return []
    needed = max(MIN_COLUMN_ROWS, 0.3 * counted)
    found = [gapped[at] >= needed and crossed[at] <= 0.5 * gapped[at] for at in range(len(grid))]
    gutters: list[float] = []
    at = 0
    while at < len(grid):
        if not found[at]:
            at += 1
            continue
        end = at
        while end + 1 < len(grid) and found[end + 1]:
            end += 1
        best = max(range(at, end + 1), key=lambda i: (gapped[i] - crossed[i], -abs(i - (at + end) / 2)))
        gutters.append(grid[best])
        at = end + 1
    return gutters


MIN_COLUMN_ROWS = 5  # lines that must show a gutter before a page is read as columns


def in_reading_order(lines: list[RawLine], gutters: list[float], height: float) -> list[RawLine]:
    """Lines of a page in columns as a reader takes them: a line across the gutters (a title, a heading
    over both columns, notes set full width) closes a band; within a band each column top to bottom, the
    columns' body lines first, then their feet (notes set per column: smaller type after a clear gap)."""

    def column(line: RawLine) -> int | None:
        x0, x1 = line.x0 or 0.0, line.x1 or line.x0 or 0.0
        if any(x0 < gutter < x1 for gutter in gutters):
            return None
        return sum(1 for gutter in gutters if x0 >= gutter)

    body_size = median([line.font_size or 0.0 for line in lines]) if lines else 0.0
    ordered: list[RawLine] = []
    band: list[tuple[int, RawLine]] = []

    def close_band() -> None:
        by_column: dict[int, list[RawLine]] = {}
        for index, line in band:
            by_column.setdefault(index, []).append(line)
        bodies: list[RawLine] = []
        feet: list[RawLine] = []
        for index in sorted(by_column):
            column_lines = by_column[index]
            split = len(column_lines)
            while split > 0 and (column_lines[split - 1].font_size or body_size) < 0.92 * body_size:
                split -= 1
            if split == 0 or split == len(column_lines) or (column_lines[split].top or 0.0) < 0.4 * height:
                split = len(column_lines)
            bodies += column_lines[:split]
            feet += column_lines[split:]
        ordered.extend(bodies + feet)
        band.clear()

    tops = sorted(line.top or 0.0 for line in lines)
    highest, lowest = (tops[0], tops[-1]) if tops else (0.0, 0.0)
    for line in lines:
        index = column(line)
        # a page number or running head: a short line above or below every other line of the page
        at_edge = (line.top or 0.0) <= highest or (line.top or 0.0) >= lowest
        if index is None or (at_edge and len((line.text or "").strip()) < 12):
            close_band()
            ordered.append(line)
        else:
            band.append((index, line))
    close_band()
    return ordered


def character_rows(chars: list[Char]) -> tuple[list[list[Char]], list[list[float]]]:
    """Characters grouped into rows by vertical overlap, with each row's top and bottom."""
    rows: list[list[Char]] = []
    # Each row's highest top and lowest bottom so far, kept beside it so a character costs no row scan;
    # the last row's, which takes most characters, in two variables.
    extents: list[list[float]] = []
    row: list[Char] = []
    row_top = row_bottom = math.nan
    # By line key, left edge, then PDFium's order: the order of a stable sort on the first two.
    for char in sorted(chars):
        middle = char[8]
        if row_top <= middle <= row_bottom:
            row.append(char)
            if char[5] < row_top:
                row_top = char[5]
            if char[6] > row_bottom:
                row_bottom = char[6]
            continue
        if rows:
            extents[-1] = [row_top, row_bottom]
        # The two rows before the last (the last does not hold it).
        for position in range(len(rows) - 2, max(len(rows) - 4, -1), -1):
            extent = extents[position]
            if extent[0] <= middle <= extent[1]:
                rows[position].append(char)
                if char[5] < extent[0]:
                    extent[0] = char[5]
                if char[6] > extent[1]:
                    extent[1] = char[6]
                break
        else:
            row = [char]
            row_top, row_bottom = char[5], char[6]
            rows.append(row)
            extents.append([row_top, row_bottom])
    if rows:
        extents[-1] = [row_top, row_bottom]
    return rows, extents


def rows_by_column(rows: list[list[Char]], gutters: list[float]) -> list[list[Char]]:
    """The rows of a page in columns, grouped again within each column: a row that crosses a gutter (a
    title, notes set across the page) stays; the others' characters are regrouped column by column, since
    two columns' lines at nearby heights (notes set per column start at different heights) would
    otherwise share rows."""
    spanning: list[list[Char]] = []
    columns: list[list[Char]] = [[] for _ in range(len(gutters) + 1)]
    for row in rows:
        if any(c[1] < gutter < c[4] for gutter in gutters for c in row if not c[3].isspace()):
            spanning.append(row)
            continue
        for char in row:
            middle = (char[1] + char[4]) / 2
            columns[sum(1 for gutter in gutters if middle >= gutter)].append(char)
    regrouped = [row for column in columns if column for row in raised_into_lines(*character_rows(column))]
    return spanning + regrouped


def raised_into_lines(rows: list[list[Char]], extents: list[list[float]]) -> list[list[Char]]:
    """The rows with every row of raised marker digits put into the line it is raised above.

    A word processor sets a superscript note number at some 58 % of the type size and raises it by a third
    of the size: its middle then stands above the body line's top, and it forms a row of its own (the
    digit "1" alone above "…gönderdi."). A row of small digits (and asterisks) whose bottom reaches into a
    neighbouring row of clearly larger type belongs to that row."""
    merged_into: dict[int, int] = {}
    for index, row in enumerate(rows):
        if not all(c[3] in MARKER_SIGNS or c[3].isspace() for c in row):
            continue
        size = max(c[7] for c in row)
        top, bottom = extents[index]
        for other in (index + 1, index - 1, index + 2):
            if not 0 <= other < len(rows) or other in merged_into or not rows[other]:
                continue
            other_top, other_bottom = extents[other]
            other_size = median([c[7] for c in rows[other]])
            if size <= 0.85 * other_size and other_top < bottom < other_bottom and top < other_top:
                merged_into[index] = other
                break
    if not merged_into:
        return rows
    kept: list[list[Char]] = [list(row) for row in rows]
    for index, other in merged_into.items():
        kept[other].extend(rows[index])
        kept[index] = []
    return [row for row in kept if row]


MARKER_SIGNS = frozenset("0123456789*†‡")
LEFT_EDGE = operator.itemgetter(1)
# Type sizes for which the median of equal sizes is that size and 0.85 times it is less than it.
PLAIN_SIZE = (1e-300, 1e300)


def median(values: list[float]) -> float:
    """The median, as statistics.median computes it (the mean of the middle two of an even count)."""
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def with_markers(letters: str, row: list[Char], size: float, baseline: float) -> list[str]:
    """A line's characters (`letters`, one per character of `row`), footnote digits written as ¹²³: a digit
    set small and raised above the line's baseline is a footnote marker."""
    parts = list(letters)
    marker_size, marker_bottom = 0.85 * size, baseline - 0.15 * size
    for digit in ASCII_DIGIT.finditer(letters):
        at = digit.start()
        if row[at][7] <= marker_size and row[at][6] < marker_bottom:
            parts[at] = SUPERSCRIPT_DIGITS[parts[at]]
    return parts


def with_gaps(parts: list[str], row: list[Char], size: float) -> str:
    """The characters of `row` (`parts`, one each) joined with a space for each wide gap between two."""
    # A gap wider than a fraction of the type size is a space the PDF did not write as a glyph.
    gap = 0.2 * size
    wide = [at for at in range(1, len(row)) if row[at][1] - row[at - 1][4] > gap]
    for at in reversed(wide):  # from the right, so that an inserted space moves no gap still to come
        if parts[at - 1] != " ":
            parts.insert(at, " ")
    return "".join(parts)


ASCII_DIGIT = re.compile("[0-9]")
SUPERSCRIPT_DIGITS = dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True))
