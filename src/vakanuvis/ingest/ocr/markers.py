"""Raised note markers on a scanned line: found in the image, read again as digits, written ¹²³."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vakanuvis.ingest.ocr.hocr import ROW_HEIGHT_EM, OcrLine, OcrWord

# What Tesseract reads a raised marker digit as, when it keeps it inside the word.
MISREAD_MARKS = frozenset("'’‘\"”“?*!°^`´¹²³⁴⁵⁶⁷⁸⁹⁰0123456789")
LINE_PUNCTUATION = frozenset(".,;:")
SUPERSCRIPT_DIGITS = dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True))


@dataclass
class RaisedMarker:
    line: int  # index into the page's lines
    left: int
    right: int
    digits: str


def raised_markers(pytesseract: Any, grey: Any, ink: Any, lines: list[OcrLine]) -> list[RaisedMarker]:
    """Digits set small and raised above a line (note markers), found in the image and read as digits."""
    found: list[tuple[int, tuple[int, int, int, int]]] = []
    for index, line in enumerate(lines):
        found.extend((index, box) for box in raised_glyphs(ink, line))
    if not found:
        return []
    # Read at some three times their size, where Tesseract reads a lone digit reliably.
    from PIL import Image

    crops = []
    for _, (left, top, right, bottom) in found:
        crop = grey.crop((left - 2, top - 2, right + 2, bottom + 2))
        factor = max(1.0, 48 / max(1, crop.height))
        crops.append(
            crop.resize((round(crop.width * factor), round(crop.height * factor)), Image.Resampling.LANCZOS)
        )
    markers: list[RaisedMarker] = []
    for (index, box), words in zip(found, read_digits(pytesseract, crops), strict=True):
        digits = "".join(words)
        if digits and len(digits) <= 3:
            markers.append(RaisedMarker(index, box[0], box[2], digits))
    return markers


def read_digits(pytesseract: Any, crops: list[Any]) -> list[list[str]]:
    """The digits read in each crop, all crops set side by side on one line, wide apart, and read as one
    line in one call (a column of crops read as a block loses some)."""
    from PIL import Image

    gap, pad = 40, 20
    height = max(crop.height for crop in crops) + 2 * pad
    strip = Image.new("L", (sum(crop.width + gap for crop in crops) + gap, height), 255)
    slots = []
    x = gap
    for crop in crops:
        strip.paste(crop, (x, pad + (height - 2 * pad - crop.height) // 2))
        slots.append((x, x + crop.width))
        x += crop.width + gap
    # Tesseract reads the digits right but joins them into one word: each digit's box says whose it is.
    boxes = pytesseract.image_to_boxes(
        strip, lang="eng", config="--psm 7 -c tessedit_char_whitelist=0123456789"
    )
    read: list[list[str]] = [[] for _ in crops]
    for row in boxes.splitlines():
        parts = row.split()
        if len(parts) < 5 or not parts[0].isdigit():
            continue
        middle = (int(parts[1]) + int(parts[3])) / 2
        for slot, (low, high) in enumerate(slots):
            if low - gap / 2 <= middle <= high + gap / 2:
                read[slot].append(parts[0])
                break
    for slot, crop in enumerate(crops):
        if not read[slot]:  # one crop alone, read as a block, now and then where the line lost it
            text = pytesseract.image_to_string(
                crop, lang="eng", config="--psm 6 -c tessedit_char_whitelist=0123456789"
            )
            read[slot] = [char for char in text if char.isdigit()]
    return read


def column_ink(ink: Any, box: tuple[int, int, int, int]) -> list[bool]:
    """For each pixel column of `box` in the ink mask, whether it holds any ink."""
    left, top, right, bottom = box
    if right <= left or bottom <= top:
        return [False] * max(0, right - left)
    profile = ink.crop(box).reduce((1, bottom - top)) if bottom - top > 1 else ink.crop(box)
    return [value > 0 for value in profile.getdata()]


def raised_glyphs(ink: Any, line: OcrLine) -> list[tuple[int, int, int, int]]:
    """Boxes of ink on `line` that stands wholly above the middle of the x-height and is as tall as a
    small digit: superscript note numbers (a quote or apostrophe is too short, an accent sits on a
    letter whose ink goes down to the baseline)."""
    x_height = line.x_height
    em = line.row_height / ROW_HEIGHT_EM
    left = max(0, int(line.box[0] - 0.6 * em))
    right = min(ink.width, int(line.box[2] + 0.6 * em))
    top = max(0, int(min(line.box[1], line.baseline - 0.8 * em) - 0.1 * em))
    split = int(line.baseline - 0.35 * x_height)
    bottom = min(ink.height, int(line.baseline + 0.22 * em))
    if not left < right or not top < split < bottom:
        return []
    upper = column_ink(ink, (left, top, right, split))
    lower = column_ink(ink, (left, split, right, bottom))
    raised = [up and not down for up, down in zip(upper, lower, strict=True)]
    tolerance = max(3, int(0.4 * x_height))  # the gap between the digits of 10
    runs: list[list[int]] = []
    for at, flag in enumerate(raised):
        if not flag:
            continue
        if runs and at - runs[-1][1] <= tolerance and not any(lower[runs[-1][1] + 1 : at]):
            runs[-1][1] = at
        else:
            runs.append([at, at])
    boxes = []
    for start, end in runs:
        # a raised glyph stands apart: the arm of an F, P, T or 7 touches a stem that goes down to the line
        # (a column inked above and below), where a marker may touch only the full stop before it
        if (start > 0 and upper[start - 1] and lower[start - 1]) or (
            end + 1 < len(lower) and upper[end + 1] and lower[end + 1]
        ):
            continue
        ink_box = ink.crop((left + start, top, left + end + 1, split)).getbbox()
        if ink_box is None:
            continue
        glyph = (left + start, top + ink_box[1], left + end + 1, top + ink_box[3])
        tall, wide = glyph[3] - glyph[1], glyph[2] - glyph[0]
        reaches_above = glyph[1] < line.baseline - x_height  # a raised digit tops the x-height
        if (
            tall >= 0.55 * x_height
            and 0.12 * x_height <= wide <= 1.8 * em
            and glyph[1] > top
            and reaches_above
        ):
            boxes.append(glyph)
    return boxes


def with_marker(words: list[OcrWord], marker: RaisedMarker, em: float) -> None:
    """The marker's digits written ¹²³ into the line's words: in place of what Tesseract read for the raised
    glyph inside a word, or as a word of their own (glued to the word before when they touch it)."""
    sup = "".join(SUPERSCRIPT_DIGITS[d] for d in marker.digits)
    for word in words:
        if not (word.box[0] - 2 <= marker.left and marker.right <= word.box[2] + 2) and not (
            marker.left < word.box[2] and marker.right > word.box[0]
        ):
            continue
        # What Tesseract read for the raised glyph: a character centred on it, or a mark it often makes
        # of a digit that overlaps it; never the full stop or comma on the line before it, whose box
        # Tesseract often stretches over the marker.
        positions = [
            at
            for at, (char, box) in enumerate(word.chars)
            if char not in LINE_PUNCTUATION
            and (
                marker.left - 2 <= (box[0] + box[2]) / 2 <= marker.right + 2
                or (char in MISREAD_MARKS and box[0] < marker.right and box[2] > marker.left)
            )
        ]
        if not positions and word.chars and word.chars[-1][0] in MISREAD_MARKS:
            positions = [len(word.chars) - 1]
        chars = [c for c, _ in word.chars] if word.chars else list(word.text)
        if positions:
            first = positions[0]
            kept = [c for at, c in enumerate(chars) if at not in positions]
            word.text = "".join(kept[:first]) + sup + "".join(kept[first:])
        elif marker.left >= (word.box[0] + word.box[2]) / 2:
            word.text += sup
        else:
            word.text = sup + word.text
        word.chars = []
        return
    before = [word for word in words if word.box[2] <= marker.left]
    if before and marker.left - max(word.box[2] for word in before) < 0.35 * em:
        previous = max(before, key=lambda word: word.box[2])
        previous.text += sup
        previous.box = (previous.box[0], previous.box[1], marker.right, previous.box[3])
        return
    words.append(OcrWord(sup, (marker.left, 0, marker.right, 0), -1.0))
    words.sort(key=lambda word: word.box[0])
