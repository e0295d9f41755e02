"""Tesseract's hOCR read into words and lines with their boxes, baselines, x-heights and confidences."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

# Tesseract's row height (x-height + ascenders + descenders) in em of a book face (Times, Liberation Serif).
ROW_HEIGHT_EM = 0.9
TITLE_FIELD = re.compile(r"(\w+) ([^;]+)")


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
