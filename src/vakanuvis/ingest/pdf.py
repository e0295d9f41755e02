"""PDF reader: characters grouped into lines that keep their font size and position (pdfplumber)."""

from __future__ import annotations

import io
import statistics
from pathlib import Path
from typing import Any

from vakanuvis.errors import UnreadableFile
from vakanuvis.ingest.normalize import normalize_line
from vakanuvis.model import RawDocument, RawLine, RawPage


def read_pdf(path: Path, data: bytes, sha256: str) -> RawDocument:
    """A `.pdf` file: one RawPage per page, lines with median font size, top and left edge."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableFile(str(path), "is not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableFile(str(path), "the PDF is truncated or damaged (no end-of-file marker)")
    pages: list[RawPage] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                lines = group_lines(page.chars)
                pages.append(
                    RawPage(number=number, lines=lines, height=float(page.height), width=float(page.width))
                )
    except UnreadableFile:
        raise
    except (PDFSyntaxError, Exception) as error:  # pdfminer raises many unrelated types on damaged files
        # pdfplumber wraps pdfminer's errors; the wrapped one says whether a password is the trouble.
        if isinstance(error, PDFPasswordIncorrect) or any(
            isinstance(arg, PDFPasswordIncorrect) for arg in error.args
        ):
            raise UnreadableFile(
                str(path), "the PDF is password-protected; save an unprotected copy first"
            ) from error
        raise UnreadableFile(
            str(path), f"the PDF is damaged and cannot be read ({type(error).__name__})"
        ) from error
    if not pages:
        raise UnreadableFile(str(path), "the PDF has no pages")
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise UnreadableFile(str(path), "the PDF has no text layer; it needs OCR first")
    return RawDocument(path=str(path), sha256=sha256, encoding="pdf", pages=pages, explicit_pages=True)


def group_lines(chars: list[dict[str, Any]]) -> list[RawLine]:
    """Group characters into lines by vertical overlap, so a raised footnote digit stays on its line."""
    rows: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        if not char["text"]:
            continue
        middle = (char["top"] + char["bottom"]) / 2
        for row in reversed(rows[-3:]):
            top = min(c["top"] for c in row)
            bottom = max(c["bottom"] for c in row)
            if top <= middle <= bottom:
                row.append(char)
                break
        else:
            rows.append([char])
    lines: list[RawLine] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        sizes = [float(c["size"]) for c in row if c["text"].strip()]
        if not sizes:
            continue
        size = statistics.median(sizes)
        baseline = statistics.median(c["bottom"] for c in row if abs(float(c["size"]) - size) < 0.5)
        text = ""
        previous: dict[str, Any] | None = None
        for char in row:
            # A gap wider than a fraction of the type size is a space the PDF did not write as a glyph.
            if previous is not None and char["x0"] - previous["x1"] > 0.2 * size and not text.endswith(" "):
                text += " "
            text += as_superscript(char, size, baseline)
            previous = char
        body_chars = [c for c in row if abs(float(c["size"]) - size) < 0.5] or row
        lines.append(
            RawLine(
                text=normalize_line(text),
                font_size=round(size, 2),
                top=round(min(c["top"] for c in body_chars), 2),
                x0=round(row[0]["x0"], 2),
            )
        )
    lines.sort(key=lambda line: (line.top or 0.0, line.x0 or 0.0))
    return lines


SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def as_superscript(char: dict[str, Any], size: float, baseline: float) -> str:
    """A digit set small and raised above the line's baseline is a footnote marker: write it as ¹²³."""
    text = str(char["text"])
    if (
        text.isascii()
        and text.isdigit()
        and float(char["size"]) <= 0.85 * size
        and char["bottom"] < baseline - 0.15 * size
    ):
        return text.translate(SUPERSCRIPT_DIGITS)
    return text
