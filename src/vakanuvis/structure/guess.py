"""Best guesses about a document as a whole: its language and its title."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from vakanuvis.lang import LANGUAGES, language_data
from vakanuvis.model import Block, Furniture
from vakanuvis.structure.header import fold, header_words, is_journal_line, is_metadata, section_heading
from vakanuvis.structure.lines import join_lines

WORD = re.compile(r"[^\W\d_]+")


def guess_language(text: str) -> str:
    """ "tr", "az", "ru" or "en" from stopwords and the letters only one language uses."""
    words = Counter(map(str.lower, WORD.findall(text[:20000])))
    total = sum(words.values()) or 1
    scores: dict[str, float] = {}
    # a word of ASCII letters alone holds no letter of a language's own (they are none of them ASCII)
    unplain = [(word, count) for word, count in words.items() if not word.isascii()]
    for code, stopwords, letters in _language_signs():
        hits = sum(words[word] for word in stopwords)
        # "some letter of the word is one of the language's": the set test without a set per word
        counted = unplain if all(not letter.isascii() for letter in letters) else words.items()
        letter_hits = sum(count for word, count in counted if not letters.isdisjoint(word)) if letters else 0
        scores[code] = hits / total + 0.5 * letter_hits / total
    # Azerbaijani Latin shares most letters with Turkish; schwa is decisive. Counted as in the lower-cased
    # text: Ə and Ә are the only characters that lower-case to a schwa.
    schwas = text.count("ə") + text.count("Ə") + text.count("ә") + text.count("Ә")
    if schwas > len(text) / 400:
        scores["az"] += 1.0
    return max(scores, key=lambda code: scores[code]) if any(scores.values()) else "tr"


@cache
def _language_signs() -> tuple[tuple[str, frozenset[str], frozenset[str]], ...]:
    """(code, stopwords, letters only it uses) of each language, read once."""
    signs = []
    for code in LANGUAGES:
        data = language_data(code, "abbreviations")
        stopwords = frozenset(str(word) for word in data.get("stopwords", []))
        signs.append((code, stopwords, frozenset(str(data.get("letters") or ""))))
    return tuple(signs)


def guess_title(text: str, blocks: list[Block], furniture: list[Furniture]) -> str:
    """A running head that names the article (page numbers removed; the journal's own line, "… Dergisi,
    Cilt 12, Sayı 2", never does), else the first heading with the lines it wraps on to (not a section's,
    "GİRİŞ"), else the first sentence."""
    heads: Counter[str] = Counter()
    for item in furniture:
        if item.reason == "running-head" and not is_journal_line(item.text):
            name = re.sub(r"^\s*\d{1,4}\s+|\s+\d{1,4}\s*$", "", item.text).strip()
            if len(name.split()) >= 3:
                heads[name] += 1
    if heads:
        return max(heads, key=lambda name: (heads[name], len(name)))
    for index, block in enumerate(blocks):
        # a journal's line set as a heading at the top of page 1 ("… Dergisi, Cilt 12, Sayı 2") is not the title
        heading = text[block.span.start : block.span.end]
        # nor is a heading of the body's standing sections ("GİRİŞ", "1. Introduction", "SONUÇ")
        if block.kind == "heading" and not is_metadata(heading) and not section_heading(heading):
            parts = [text[block.span.start : block.span.end]]
            for following in blocks[index + 1 :]:
                if following.kind != "heading" or following.page != block.page or not wraps_on(parts[-1]):
                    break
                parts.append(text[following.span.start : following.span.end])
            return join_lines(parts)[0]
    if blocks:
        first = text[blocks[0].span.start : blocks[0].span.end]
        return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"
    return ""


def wraps_on(line: str) -> bool:
    """Whether a heading line runs on to the next: it ends with a hyphen ("Türkiye-" + "Azerbaycan"), a
    comma or colon, or a word that joins ("ve", "and")."""
    words = line.split()
    return bool(words) and (line.endswith(("-", ",", ":")) or fold(words[-1]) in header_words().joiners)
