"""The citation words of every language, merged and compiled into regular expressions.

Footnotes of Turkish historiography mix languages within one note (a Turkish sentence citing a
Russian book and an Azerbaijani archive), so the parser uses the words of all languages at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vakanuvis.lang import all_language_data

UPPER = "A-ZÇĞİÖŞÜÂÎÛƏÄА-ЯЁӘҒҜӨҮҺҸЈІ"
LOWER = "a-zçğıöşüâîûəäа-яёәғҝөүһҹјі"
LETTER = UPPER + LOWER

# A year of publication 1500-2049; OCR often reads the leading 1 as "!", "l", "I" or "|" (then
# sometimes with a space after it).
YEAR = re.compile(r"(?<!\d\.)(?<![\w])(?:(1[5-9]\d\d|20[0-4]\d)|[!|lI]\s?([5-9]\d\d))(?!\d)")
# Roman numerals as OCR delivers them: Cyrillic Ш stands for III, a digit 1 for I.
ROMAN_OCR = r"[IVXШ1lІ]*[IVXШІ][IVXШ1lІ]*"
NUMBER = r"[\dЗО]+(?:\s*[-–—]\s*[\dЗО]+)?"
NUMBER_LIST = NUMBER + r"(?:\s*,\s*\d+(?:\s*[-–—]\s*\d+)?(?!\d))*"


def _word_pattern(words: list[str]) -> str:
    """An alternation of `words`, longest first, each standing as a word of its own."""
    runs: list[tuple[str, list[str]]] = []  # (test before the word, words) in order
    for word in sorted(set(words), key=len, reverse=True):
        # an abbreviation may stick to a preceding capital ("СССРт. II"): OCR and typists drop spaces
        before = (
            rf"(?:(?<![{LETTER}])|(?<=[{UPPER}]))"
            if word[0].islower() and word.endswith(".") and len(word) <= 3
            else rf"(?<![{LETTER}])"
        )
        if not runs or runs[-1][0] != before:
            runs.append((before, []))
        runs[-1][1].append(word)
    # Consecutive words with the same test before them share it and one test of their first
    # letters, so the engine leaves most positions of a footnote at once instead of trying every
    # word there; the words keep their order, so the same match is found. The first-letter test comes
    # first: both tests look at the same position, and it fails sooner at most of them.
    parts = []
    for before, texts in runs:
        first = "".join(sorted({re.escape(word[0]) for word in texts}))
        bodies = [re.escape(word) + ("" if word[-1] in ".,:/" else rf"(?![{LETTER}])") for word in texts]
        parts.append(f"(?=[{first}]){before}(?:" + "|".join(bodies) + ")")
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass(frozen=True)
class Vocabulary:
    """Compiled citation conventions of all languages."""

    back_reference: re.Pattern[str]
    same_author: re.Pattern[str]
    locator: re.Pattern[str]
    volume: re.Pattern[str]
    issue: re.Pattern[str]
    standalone_volume: re.Pattern[str]
    archive_field: re.Pattern[str]
    archive_field_kind: dict[str, str]
    archive_name: re.Pattern[str]
    newspaper_word: re.Pattern[str]
    journal_word: re.Pattern[str]
    container_cue: re.Pattern[str]
    contributor_cue: re.Pattern[str]
    publisher_word: re.Pattern[str]
    commentary_cue: re.Pattern[str]
    collection_title: re.Pattern[str]
    issue_date: re.Pattern[str]
    months: dict[str, int]  # by month_key
    place_abbreviations: dict[str, str]
    az_marks: str
    ocr_confusions: dict[str, list[str]]
    places: frozenset[str]
    given_names: frozenset[str] = frozenset()  # as `given_name_key` gives them


def _collect(key: str) -> list[str]:
    words: list[str] = []
    for data in all_language_data("citations").values():
        words.extend(data.get(key) or [])
    return words


@cache
def vocabulary() -> Vocabulary:
    """The merged vocabulary, compiled once."""
    data = all_language_data("citations")
    field_kind: dict[str, str] = {}
    for language in data.values():
        for kind, words in (language.get("archive_fields") or {}).items():
            for word in words:
                field_kind.setdefault(word.casefold(), kind)
    months: dict[str, int] = {}
    spellings: set[str] = set()  # the months as written, and as looked up ("Kasım", "kasim")
    abbreviations: dict[str, str] = {}
    confusions: dict[str, list[str]] = {}
    for language in data.values():
        for name in language.get("months") or {}:
            spellings.update((name, month_key(name)))
        months.update({month_key(name): number for name, number in (language.get("months") or {}).items()})
        abbreviations.update(language.get("place_abbreviations") or {})
        confusions.update(language.get("ocr_confusions") or {})
    az = data.get("az", {})
    month_names = "|".join(sorted((re.escape(m) for m in spellings), key=len, reverse=True))
    return Vocabulary(
        back_reference=re.compile(_word_pattern(_collect("back_references")), re.IGNORECASE),
        same_author=re.compile(_word_pattern(_collect("same_author")), re.IGNORECASE),
        # case matters: Turkish "s." is a page but "S." an issue (Sayı); Russian writes "С." for pages
        locator=re.compile(rf"{_word_pattern(_collect('page_words'))}\s*{NUMBER_LIST}"),
        volume=re.compile(
            rf"{_word_pattern(_collect('volume_words'))}[\s.]*({ROMAN_OCR}|\d+)(?![{LETTER}\d])"
        ),
        # the number of a journal's issue ("S. 161", "№ 3", "no. 4"): case matters, as for pages
        issue=re.compile(rf"{_word_pattern(_collect('issue_words'))}[\s.]*(\d+)(?![{LETTER}\d])"),
        standalone_volume=re.compile(r"(?<=\s)([IVXШ1]*(?:[IVX]{2}|Ш)[IVXШ]*|1Ш)(?=\s*[,.])"),
        archive_field=re.compile(
            rf"({_word_pattern(list(field_kind))})\s*(\d[\d/.]*(?:\s*[-–—]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–—]\s*\d+)?(?!\d))*)",
            re.IGNORECASE,
        ),
        archive_field_kind=field_kind,
        archive_name=re.compile(_word_pattern(_collect("archive_names"))),
        newspaper_word=re.compile(_word_pattern(_collect("newspaper_words")), re.IGNORECASE),
        journal_word=re.compile(_word_pattern(_collect("journal_words"))),
        container_cue=re.compile(_word_pattern(_collect("container_cues"))),
        contributor_cue=re.compile(_word_pattern(_collect("contributor_cues")), re.IGNORECASE),
        publisher_word=re.compile(_word_pattern(_collect("publisher_words")), re.IGNORECASE),
        commentary_cue=re.compile(_word_pattern(_collect("commentary_cues"))),
        collection_title=re.compile(r"^\s*" + _word_pattern(_collect("collection_title_words"))),
        issue_date=re.compile(
            rf"(\d{{1,2}})\s*\.?\s*({month_names})\s*,?\s*(1[89]\d\d|20\d\d|1[23]\d\d)(?!\d)", re.IGNORECASE
        ),
        months=months,
        place_abbreviations=abbreviations,
        az_marks=az.get("cyrillic_marks") or "",
        ocr_confusions=confusions,
        places=frozenset(p.casefold() for p in _collect("places"))
        | frozenset(a.casefold() for a in abbreviations),
        given_names=frozenset(given_name_key(name) for name in _collect("given_names")),
    )


def given_name_key(name: str) -> str:
    """A given name as looked up: case-folded, without circumflex, dotted and dotless i as one letter
    ("Kâzım", "KAZIM" and "Kazim" are one name)."""
    return month_key(name.translate(_CIRCUMFLEX))


_CIRCUMFLEX = str.maketrans("âîûÂÎÛ", "aiuAIU")


def month_key(name: str) -> str:
    """A month name as looked up: case-folded with dotted and dotless i as one letter, as the month pattern
    matches them ("Mayis" and "MAYIS" are "Mayıs")."""
    return name.casefold().replace("i\u0307", "i").replace("ı", "i")
