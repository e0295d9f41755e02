"""Scanned pages read with Tesseract: lines with the type size, position and confidence of the text layer's.

A page is rendered to a grey image, read by Tesseract (through pytesseract) as hOCR, which gives each
line's box, baseline and x-height and each word's box and confidence; the image is dropped before the
next page is read, so a 200-page scan takes the memory of one page. The lines come out as the text-layer
reader makes them (`RawLine`, measured in points of the page), so that zoning reads footnotes by size,
rule or numbering, columns and running heads the same way on a scan:

- the type size is read off the x-height Tesseract measured (`lines`), so that a 12 pt body and its
  10 pt notes come out apart; the rule drawn above the notes and the gutters between columns are found too;
- a note marker (a small digit raised above the line) is what Tesseract reads worst: it drops it or reads
  it as ' ? * ”. Each line's image is searched for ink standing wholly above the x-height and tall enough
  for a digit; those glyphs are read again as digits and written ¹²³ on their line, as the text reader
  writes a raised marker (`markers`);
- the language is chosen from the script: the page is read with the Turkish and Russian models together,
  and a word whose script is in doubt (or that was read poorly) is read again with each model, the surest
  reading kept (`scripts`).
"""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from vakanuvis.errors import UnreadableFile
from vakanuvis.ingest.ocr.hocr import ROW_HEIGHT_EM, recognize
from vakanuvis.ingest.ocr.lines import column_gutters, drawn_rules, points_lines, same_baseline_joined
from vakanuvis.ingest.ocr.markers import raised_markers, with_marker
from vakanuvis.ingest.ocr.scripts import CYRILLIC, LATIN, SCRIPT_LANGUAGES, reread_doubtful_words
from vakanuvis.model import RawLine

__all__ = ["OCR_DPI", "OcrPage", "read_page_image"]

OCR_DPI = 300  # a 10 pt note has an x-height of some 20 pixels at 300 dpi, which Tesseract reads well
# The models a page is read with first, together (each word in the script it looks most like).
FIRST_PASS_LANGUAGES = ("tur", "rus")
# Models a doubtful word is read again with: the Azerbaijani Cyrillic model reads the period's Russian
# citations ("стр.", "М-Ј1") better than the Russian one (bench/pdf_scan.py: 92 against 55 confidence).
# Adding the Azerbaijani Latin model changed one sentence of 218 for the better and two for the worse
# ("Milli’yi" read "Mill’yi"), so Latin words are read with the Turkish one.
REREAD_LANGUAGES = ("tur", "rus", "aze_cyrl")


@dataclass
class OcrPage:
    """What OCR made of one page: its lines in points, and what Document.ocr keeps of it."""

    lines: list[RawLine]
    width: float
    height: float
    confidence: float
    language: str
    rules: list[tuple[float, float, float]] = field(default_factory=list)
    gutters: list[float] = field(default_factory=list)  # in points, as RawPage.gutters


def tesseract(path: str = "") -> Any:
    """pytesseract, checked to find the tesseract program (one OpenMP thread: on a shared machine
    Tesseract's threads wait on each other, and worker processes give the parallelism)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        import pytesseract
    except ImportError as error:  # pragma: no cover - a dependency
        raise UnreadableFile(path, "OCR needs the pytesseract package (pip install pytesseract)") from error
    return pytesseract


@cache
def installed_languages(pytesseract: Any) -> frozenset[str]:
    """The language models Tesseract has here (asked once per process)."""
    return frozenset(pytesseract.get_languages(config=""))


def read_page_image(image: Any, dpi: int, path: str = "") -> OcrPage:
    """The lines of one page image (a PIL image rendered at `dpi`), in points from the page's top left."""
    pytesseract = tesseract(path)
    grey = image.convert("L")
    try:
        installed = installed_languages(pytesseract)
        first = "+".join(code for code in FIRST_PASS_LANGUAGES if code in installed) or "eng"
        lines = recognize(pytesseract, grey, first)
    except pytesseract.TesseractNotFoundError as error:
        raise UnreadableFile(
            path,
            "the PDF has scanned pages and Tesseract is not installed "
            "(apt install tesseract-ocr tesseract-ocr-tur tesseract-ocr-rus)",
        ) from error
    languages = reread_doubtful_words(
        pytesseract, grey, lines, [code for code in REREAD_LANGUAGES if code in installed]
    )
    ink = grey.point(lambda value: 255 if value < 128 else 0)
    markers = raised_markers(pytesseract, grey, ink, lines)
    scale = dpi / 72.0
    gutters = column_gutters(lines, grey.width)
    for marker in markers:
        line = lines[marker.line]
        with_marker(line.words, marker, line.row_height / ROW_HEIGHT_EM)
    raw_lines = points_lines(same_baseline_joined(lines, gutters), scale)
    confidences = [word.confidence for line in lines for word in line.words if word.confidence >= 0]
    letters = "".join(word.text for line in lines for word in line.words)
    cyrillic, latin = len(CYRILLIC.findall(letters)), len(LATIN.findall(letters))
    if not languages:
        languages = {SCRIPT_LANGUAGES["cyrillic" if cyrillic > latin else "latin"]}
    return OcrPage(
        lines=raw_lines,
        width=round(grey.width / scale, 2),
        height=round(grey.height / scale, 2),
        confidence=round(statistics.fmean(confidences) / 100, 3) if confidences else 0.0,
        language="+".join(sorted(languages, key=lambda code: code != "tur")),
        rules=drawn_rules(ink, lines, scale),
        gutters=[round(gutter / scale, 2) for gutter in gutters],
    )
