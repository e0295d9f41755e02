"""The script of a scanned word, and words of doubtful script or low confidence read again."""

from __future__ import annotations

import re
from typing import Any

from vakanuvis.ingest.ocr.hocr import OcrLine, OcrWord, read_in_strip

SCRIPT_LANGUAGES = {"latin": "tur", "cyrillic": "rus"}
LOW_CONFIDENCE = 60.0  # a word Tesseract is less sure of than this is read again too
SAME_SCRIPT_BONUS = 5.0  # confidence points a doubtful word's reading gains in the script of its neighbours
LATIN = re.compile(r"[A-Za-zÀ-ɏ]")
CYRILLIC = re.compile(r"[Ѐ-ӿ]")


def script_of(text: str) -> str | None:
    """ "latin" or "cyrillic" by the letters of `text`, None when it has none."""
    latin, cyrillic = len(LATIN.findall(text)), len(CYRILLIC.findall(text))
    if not latin and not cyrillic:
        return None
    return "cyrillic" if cyrillic > latin else "latin"


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
