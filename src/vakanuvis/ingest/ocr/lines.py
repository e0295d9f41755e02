"""Scanned lines as the text reader gives them: in points, with a type size, in columns; the rules drawn."""

from __future__ import annotations

import re
import statistics
from typing import Any

from vakanuvis.ingest.normalize import normalize_line
from vakanuvis.ingest.ocr.hocr import OcrLine
from vakanuvis.model import RawLine

# Tesseract's x-height in em of a book face (some 0.46 in Times or Liberation Serif, measured a little
# high): a 12 pt body and its 10 pt notes come out as 12 and 10 pt.
X_HEIGHT_EM = 0.5
# Between two letters, a quote mark or a ? is the apostrophe before a suffix that Tesseract misread
# ("Ankara”da", "Eylül?de"), typeset as ’.
APOSTROPHE_IN_WORD = re.compile(r"(?<=[^\W_])['‘”\"`´?](?=[^\W\d_])")


def column_gutters(lines: list[OcrLine], width: int) -> list[float]:
    """The x (in pixels) of each gutter between columns: a band in the middle of the page that many lines
    end before and many begin after, and that almost none crosses (Tesseract reads columns apart, but
    zoning needs to know where they part)."""
    spans = [(min(w.box[0] for w in line.words), max(w.box[2] for w in line.words)) for line in lines]
    spans = [(x0, x1) for (x0, x1), line in zip(spans, lines, strict=True) if len(line.words) >= 3]
    if len(spans) < 10:
        return []
    step = max(2, width // 400)
    found: list[int] = []
    for x in range(int(0.2 * width), int(0.8 * width), step):
        crossing = sum(1 for x0, x1 in spans if x0 < x < x1)
        left = sum(1 for _, x1 in spans if x1 <= x)
        right = sum(1 for x0, _ in spans if x0 >= x)
        if crossing <= 0.1 * len(spans) and min(left, right) >= max(5, 0.25 * len(spans)):
            found.append(x)
    gutters: list[float] = []
    band: list[int] = []
    for x in found:
        if band and x - band[-1] > step:
            gutters.append((band[0] + band[-1]) / 2)
            band = []
        band.append(x)
    if band:
        gutters.append((band[0] + band[-1]) / 2)
    return gutters


def same_baseline_joined(lines: list[OcrLine], gutters: list[float]) -> list[OcrLine]:
    """Lines Tesseract cut apart on one baseline (a note's number and its text, set a tab apart) joined
    again, unless a gutter parts them."""
    joined: list[OcrLine] = []
    for line in sorted(lines, key=lambda line: (line.baseline, line.box[0])):
        for other in reversed(joined[-4:]):
            if abs(other.baseline - line.baseline) > 0.4 * min(other.x_height, line.x_height):
                continue
            if line.box[0] < other.box[2] and other.box[0] < line.box[2]:
                continue  # overlapping: two lines of text, not one
            low, high = (
                sorted((other.box[2], line.box[0]))
                if other.box[0] < line.box[0]
                else sorted((line.box[2], other.box[0]))
            )
            if any(low <= gutter <= high for gutter in gutters):
                continue
            longer = max((other, line), key=lambda item: len(item.words))
            other.words = sorted(other.words + line.words, key=lambda word: word.box[0])
            other.box = (
                min(other.box[0], line.box[0]),
                min(other.box[1], line.box[1]),
                max(other.box[2], line.box[2]),
                max(other.box[3], line.box[3]),
            )
            other.row_height, other.x_height = longer.row_height, longer.x_height
            other.paragraph = longer.paragraph
            break
        else:
            joined.append(line)
    return joined


def points_lines(lines: list[OcrLine], scale: float) -> list[RawLine]:
    """RawLines in points, top a type size above the descent line as the text reader measures it.

    The type size is read off the x-height, which Tesseract measures more steadily than the row height
    (a capital İ or a raised marker stretches the row by a tenth): the paragraph's, unless the line's own
    differs by over a tenth, and the page's usual x-height for lines within 6 % of it, so that a pixel
    of difference makes no line of the body look set larger or smaller than the rest."""
    by_paragraph: dict[int, list[float]] = {}
    for line in lines:
        by_paragraph.setdefault(line.paragraph, []).append(line.x_height)
    weighted = sorted(
        (line.x_height, sum(len(word.text) for word in line.words)) for line in lines if line.words
    )
    total = sum(weight for _, weight in weighted)
    usual, running = 0.0, 0
    for x_height, weight in weighted:
        running += weight
        if 2 * running >= total:
            usual = x_height
            break
    raw: list[RawLine] = []
    for line in lines:
        shared = statistics.median(by_paragraph[line.paragraph])
        x_height = shared if abs(line.x_height - shared) <= shared / 10 else line.x_height
        if usual and abs(x_height - usual) <= 0.06 * usual:
            x_height = usual
        size = x_height / X_HEIGHT_EM / scale
        words = [word for word in line.words if word.text.strip()]
        if not words:
            continue
        text = APOSTROPHE_IN_WORD.sub("’", " ".join(word.text for word in words))
        confidences = [word.confidence for word in words if word.confidence >= 0]
        raw.append(
            RawLine(
                text=normalize_line(text),
                font_size=round(size, 2),
                top=round(line.baseline / scale + 0.2 * size - size, 2),
                x0=round(min(word.box[0] for word in words) / scale, 2),
                x1=round(max(word.box[2] for word in words) / scale, 2),
                confidence=round(statistics.fmean(confidences) / 100, 3) if confidences else None,
            )
        )
    return raw


def drawn_rules(ink: Any, lines: list[OcrLine], scale: float) -> list[tuple[float, float, float]]:
    """Horizontal rules drawn on the page outside its text lines (the line above the footnotes), as the
    text reader gives them: (top, left, right) in points; a rule is under 2 pt high and over 30 pt long."""
    from PIL import ImageStat

    width, height = ink.size
    rows = ink.reduce((width, 1)) if width > 1 else ink
    darkness = list(rows.getdata())  # the mean ink of each pixel row, 0..255
    covered = [False] * height
    for line in lines:
        for y in range(max(0, line.box[1]), min(height, line.box[3] + 1)):
            covered[y] = True
    needed = 30 * scale / width * 255  # a row at least this dark holds 30 pt of ink
    rules: list[tuple[float, float, float]] = []
    y = 0
    while y < height:
        if covered[y] or darkness[y] < needed:
            y += 1
            continue
        end = y
        while end + 1 < height and not covered[end + 1] and darkness[end + 1] >= needed:
            end += 1
        if (end - y + 1) / scale < 2.0:
            box = ink.crop((0, y, width, end + 1)).getbbox()
            # one solid stroke, not a row that crosses scattered ink
            solid = box is not None and ImageStat.Stat(ink.crop((box[0], y, box[2], end + 1))).mean[0] > 150
            if box is not None and solid and (box[2] - box[0]) / scale > 30.0:
                rules.append((round(y / scale, 2), round(box[0] / scale, 2), round(box[2] / scale, 2)))
        y = end + 1
    return rules
