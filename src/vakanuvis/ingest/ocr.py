"""Scanned pages read with Tesseract: lines with the type size, position and confidence of the text layer's.

A page is rendered to a grey image, read by Tesseract (through pytesseract) as hOCR, which gives each
line's box, baseline and row height and each word's box and confidence; the image is dropped before the
next page is read, so a 200-page scan takes the memory of one page. The lines come out as the text-layer
reader makes them (`RawLine`, measured in points of the page), so that zoning reads footnotes by size,
rule or numbering, columns and running heads the same way on a scan:

- the type size is the row height Tesseract measured (x-height, ascenders and descenders: some 0.9 em in a
  book face), per paragraph, so that 12 pt body and 10 pt notes come out apart;
- a note marker (a small digit raised above the line) is what Tesseract reads worst: it drops it or reads
  it as ' ? * ”. Each line's image is searched for ink standing wholly above the x-height and tall enough
  for a digit; those glyphs are read again as digits, and written ¹²³ on their line, as the text reader
  writes a raised marker;
- the language is chosen from the script: the page is read with the Latin and Cyrillic models together,
  and a line whose words mix the two scripts is read again with the one model of its dominant script.
"""

from __future__ import annotations

import os
import re
import statistics
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from vakanuvis.errors import UnreadableFile
from vakanuvis.ingest.normalize import normalize_line
from vakanuvis.model import RawLine

OCR_DPI = 300  # a 10 pt note has an x-height of some 20 pixels at 300 dpi, which Tesseract reads well
# Tesseract models by script: the page is read with both, a line of one script again with its own.
FIRST_PASS_LANGUAGES = ("tur", "rus")
SCRIPT_LANGUAGES = {"latin": "tur", "cyrillic": "rus"}
# Models a doubtful word is read again with: the Azerbaijani Cyrillic model reads the period's Russian
# citations ("стр.", "М-Ј1") better than the Russian one (bench/pdf_scan.py: 92 against 55 confidence).
REREAD_LANGUAGES = ("tur", "rus", "aze_cyrl")
LOW_CONFIDENCE = 60.0  # a word Tesseract is less sure of than this is read again too
SAME_SCRIPT_BONUS = 5.0  # confidence points a doubtful word's reading gains in the script of its neighbours
# Tesseract's x-height in em of a book face (some 0.46 in Times or Liberation Serif, measured a little
# high): a 12 pt body and its 10 pt notes come out as 12 and 10 pt.
X_HEIGHT_EM = 0.5
# Tesseract's row height (x-height + ascenders + descenders) in em of a book face (Times, Liberation Serif).
ROW_HEIGHT_EM = 0.9
# What Tesseract reads a raised marker digit as, when it keeps it inside the word.
MISREAD_MARKS = frozenset("'’‘\"”“?*!°^`´¹²³⁴⁵⁶⁷⁸⁹⁰0123456789")
LINE_PUNCTUATION = frozenset(".,;:")
SUPERSCRIPT_DIGITS = dict(zip("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹", strict=True))
LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
CYRILLIC = re.compile(r"[Ѐ-ӿ]")
# Between two letters, a quote mark or a ? is the apostrophe before a suffix that Tesseract misread
# ("Ankara”da", "Eylül?de"), typeset as ’.
APOSTROPHE_IN_WORD = re.compile(r"(?<=[^\W_])['‘”\"`´?](?=[^\W\d_])")


@dataclass
class OcrWord:
    """A word as Tesseract read it, in pixels of the page image."""

    text: str
    box: tuple[int, int, int, int]  # left, top, right, bottom
    confidence: float  # 0..100
    chars: list[tuple[str, tuple[int, int, int, int]]] = field(default_factory=list)


@dataclass
class OcrLine:
    box: tuple[int, int, int, int]
    baseline: float  # y of the baseline at the line's left edge, in pixels
    row_height: float  # x-height + ascenders + descenders, in pixels
    x_height: float
    paragraph: int
    words: list[OcrWord] = field(default_factory=list)


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


def tesseract() -> Any:
    """pytesseract, checked to find the tesseract program (one OpenMP thread: on a shared machine
    Tesseract's threads wait on each other, and worker processes give the parallelism)."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        import pytesseract
    except ImportError as error:  # pragma: no cover - a dependency
        raise UnreadableFile("", "OCR needs the pytesseract package (pip install pytesseract)") from error
    return pytesseract


def read_page_image(image: Any, dpi: int, path: str = "") -> OcrPage:
    """The lines of one page image (a PIL image rendered at `dpi`), in points from the page's top left."""
    pytesseract = tesseract()
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


# ---------------------------------------------------------------- hOCR


TITLE_FIELD = re.compile(r"(\w+) ([^;]+)")


def title_fields(title: str) -> dict[str, list[float]]:
    """An hOCR title ("bbox 1 2 3 4; baseline 0.01 -7; x_wconf 96") as numbers by field name."""
    fields: dict[str, list[float]] = {}
    for name, values in TITLE_FIELD.findall(title):
        try:
            fields[name] = [float(value) for value in values.split()]
        except ValueError:
            continue
    return fields


def recognize(pytesseract: Any, image: Any, languages: str, config: str = "") -> list[OcrLine]:
    """Tesseract's lines of `image` (hOCR with character boxes), in its reading order."""
    from lxml import etree

    hocr = pytesseract.image_to_pdf_or_hocr(
        image, lang=languages, extension="hocr", config=f"-c hocr_char_boxes=1 {config}".strip()
    )
    root = etree.fromstring(hocr, etree.XMLParser(recover=True, resolve_entities=False))
    lines: list[OcrLine] = []
    paragraph = 0
    for element in root.iter():
        kind = element.get("class") or ""
        if kind == "ocr_par":
            paragraph += 1
        if kind not in ("ocr_line", "ocr_header", "ocr_caption", "ocr_textfloat"):
            continue
        fields = title_fields(element.get("title") or "")
        box = tuple(int(v) for v in fields.get("bbox", [0, 0, 0, 0]))
        slope, offset = (fields.get("baseline") or [0.0, 0.0])[:2]
        row = (fields.get("x_size") or [box[3] - box[1]])[0]
        ascenders = (fields.get("x_ascenders") or [0.25 * row])[0]
        descenders = (fields.get("x_descenders") or [0.2 * row])[0]
        line = OcrLine(
            box=box,  # type: ignore[arg-type]
            baseline=box[3] + offset,
            row_height=row,
            x_height=max(1.0, row - ascenders - descenders),
            paragraph=paragraph,
        )
        del slope  # scans are deskewed enough that the slope changes no decision here
        for word in element:
            if (word.get("class") or "") != "ocrx_word":
                continue
            word_fields = title_fields(word.get("title") or "")
            chars = []
            for char in word:
                char_box = title_fields(char.get("title") or "").get("x_bboxes")
                if char.text and char_box:
                    chars.append((char.text, tuple(int(v) for v in char_box[:4])))
            text = "".join(c for c, _ in chars) if chars else "".join(word.itertext()).strip()
            if not text.strip():
                continue
            line.words.append(
                OcrWord(
                    text=text,
                    box=tuple(int(v) for v in word_fields.get("bbox", box)),  # type: ignore[arg-type]
                    confidence=(word_fields.get("x_wconf") or [-1.0])[0],
                    chars=chars,  # type: ignore[arg-type]
                )
            )
        if line.words:
            lines.append(line)
    return lines


# ---------------------------------------------------------------- language by script


def script_of(text: str) -> str | None:
    """ "latin" or "cyrillic" by the letters of `text`, None when it has none."""
    latin, cyrillic = len(LATIN.findall(text)), len(CYRILLIC.findall(text))
    if not latin and not cyrillic:
        return None
    return "cyrillic" if cyrillic > latin else "latin"


@cache
def installed_languages(pytesseract: Any) -> frozenset[str]:
    """The language models Tesseract has here (asked once per process)."""
    return frozenset(pytesseract.get_languages(config=""))


def reread_doubtful_words(
    pytesseract: Any, image: Any, lines: list[OcrLine], languages: list[str]
) -> set[str]:
    """Words in doubt read again with each of `languages`, and the reading Tesseract is surest of kept: a
    word that mixes Latin and Cyrillic letters ("20’5те" for "20’sine"), one of the other script than both
    its neighbours ("Раза" for "Paşa" in a Turkish line; a Russian title inside a Turkish note stays, its
    words' neighbours being Cyrillic too), or one read with low confidence. The models the page's lines
    ended up read with are returned."""
    # line, word, the script of the words around it, whether the word's own script is in doubt
    doubtful: list[tuple[int, int, str | None, bool]] = []
    for index, line in enumerate(lines):
        scripts = [script_of(word.text) for word in line.words]
        for at, word in enumerate(line.words):
            mixed = bool(LATIN.search(word.text) and CYRILLIC.search(word.text))
            neighbours = {scripts[i] for i in (at - 1, at + 1) if 0 <= i < len(scripts)} - {None}
            alone = scripts[at] is not None and len(neighbours) == 1 and scripts[at] not in neighbours
            if mixed or alone or 0 <= word.confidence < LOW_CONFIDENCE:
                around = next(iter(neighbours)) if len(neighbours) == 1 else None
                doubtful.append((index, at, around, mixed or alone))
    if doubtful:
        boxes = [lines[index].words[at].box for index, at, _, _ in doubtful]
        readings = [read_in_strip(pytesseract, image, boxes, language, "--psm 6") for language in languages]
        for position, (index, at, around, script_in_doubt) in enumerate(doubtful):

            def score(word: OcrWord, around: str | None = around) -> float:
                # Tesseract is often as sure of "Раза" as of "Paşa": the script of the words around decides
                return word.confidence + (SAME_SCRIPT_BONUS if script_of(word.text) == around else 0.0)

            best = original = lines[index].words[at]
            for reading in readings:
                words = reading[position]
                if len(words) != 1 or score(words[0]) <= score(best):
                    continue
                # a word only read poorly keeps its script ("Treaty" is not "Тгеагу")
                if script_in_doubt or script_of(words[0].text) in (None, script_of(original.text)):
                    best = words[0]
            lines[index].words[at] = best
    used: set[str] = set()
    for line in lines:
        script = script_of(" ".join(word.text for word in line.words))
        if script is not None:
            used.add(SCRIPT_LANGUAGES[script])
    return used


def read_in_strip(
    pytesseract: Any, image: Any, boxes: list[tuple[int, int, int, int]], language: str, config: str = ""
) -> list[list[OcrWord]]:
    """The words in each box of `image`, read in one call: the boxes pasted one under the other on a white
    strip, the words given back in page coordinates."""
    from PIL import Image

    gap = 40
    pad = 12
    width = max(box[2] - box[0] for box in boxes) + 2 * pad
    height = sum(box[3] - box[1] + gap for box in boxes) + gap
    strip = Image.new("L", (width, height), 255)
    slots: list[tuple[int, int]] = []  # (top, bottom) of each box in the strip
    y = gap
    for box in boxes:
        strip.paste(image.crop(box), (pad, y))
        slots.append((y, y + box[3] - box[1]))
        y += box[3] - box[1] + gap
    words: list[list[OcrWord]] = [[] for _ in boxes]
    for line in recognize(pytesseract, strip, language, config):
        for word in line.words:
            middle = (word.box[1] + word.box[3]) / 2
            slot = next(
                (i for i, (top, bottom) in enumerate(slots) if top - gap / 2 <= middle <= bottom + gap / 2),
                None,
            )
            if slot is None:
                continue
            dx, dy = boxes[slot][0] - pad, boxes[slot][1] - slots[slot][0]

            def moved(
                box: tuple[int, int, int, int], dx: int = dx, dy: int = dy
            ) -> tuple[int, int, int, int]:
                return (box[0] + dx, box[1] + dy, box[2] + dx, box[3] + dy)

            words[slot].append(
                OcrWord(word.text, moved(word.box), word.confidence, [(c, moved(b)) for c, b in word.chars])
            )
    return words


# ---------------------------------------------------------------- raised note markers


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


# ---------------------------------------------------------------- lines in points


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
