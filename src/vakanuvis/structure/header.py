"""The article's own header, read off its first pages and running heads: title, authors with their
affiliations and ORCID, journal, volume, issue, year, pages, DOI, abstracts and keywords per language, and
the dates it was received and accepted.

A pure stage in the manner of GROBID's header model, but by rule: every line of the first pages is told
apart as a label ("Öz", "Keywords"), a line of metadata (DOI, "Cilt 12, Sayı 2", "Geliş Tarihi"), an
affiliation ("… Üniversitesi, Edebiyat Fakültesi"), a line of names, or text. It only reads: the abstract
stays in the body text as the zoner left it. The labels and words of each language are data
(`lang/<code>/header.yaml`). A page that shows none of an article's signs (no abstract, keywords, DOI,
volume, issue or received date) has no header: a telegram's first line is not a title.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from vakanuvis.lang import LANGUAGES, language_data
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.model import Footnote, Furniture, RawDocument, RawLine
from vakanuvis.structure.lines import join_lines, parse_note_start
from vakanuvis.structure.zones.text import columns_in_order

HEADER_PAGES = 2  # the header is on the first page, its abstracts may run on to the second
LINES_WITHOUT_PAGES = 150  # a text without page breaks: the header is within its first lines
TITLE_SIZE = 1.12  # a title is set at least this much larger than the body
MAX_TITLE_LINES = 4
MAX_TITLE_WORDS = 40
MAX_ABSTRACT_WORDS = 700
MAX_KEYWORD_LINES = 3
SEPARATOR = ":：.-–—"
NAME_PARTICLES = {"de", "van", "von", "der", "el", "al", "bin", "ibn", "oğlu", "zade", "zâde", "la", "di"}
MARKER_AT_END = re.compile(r"(?:[*†‡§]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|(?<=[^\W\d_])\d{1,2})$")
MARKER_AT_START = re.compile(r"^\s*(?P<marker>[*†‡§]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\d{1,2}(?=\s*[^\W\d_]))\s*")
SUPERSCRIPTS = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")
DOI = re.compile(r"\b(10\.\d{4,9}/[^\s,;\"<>]+)", re.IGNORECASE)
ORCID = re.compile(r"\b(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"https?://\S+|www\.\S+", re.IGNORECASE)
ISSN = re.compile(r"\b(?:e-?)?issn\b", re.IGNORECASE)
YEARS_END = re.compile(r"^\d{2,4}\)?[.:]?$")  # "1921)", the rest of "(1920-" on a title's next line
YEAR = re.compile(r"(?<!\d)((?:18|19|20)\d\d)(?!\d)")
DATE = r"(\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\s+[^\W\d_]+\.?\s+\d{4})"
NUMERIC_DATE = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
# a journal's line without labels: "SÜTAD, Bahar 2016; (38): 35-60", "Belleten 2004 (68): 211-240"
CITATION_SHAPE = re.compile(
    r"^(?P<name>[^\W\d_][^\d,;:(]*?)[\s,;]+.*?(?P<year>(?:18|19|20)\d\d)\b.*?"
    r"(?:\((?P<issue>\d{1,3})\))?\s*:\s*(?P<first>\d{1,5})\s*[-–]\s*(?P<last>\d{1,5})\s*$"
)
CITATION_LINE = 300  # characters: a journal's line is short; the lazy pattern above is quadratic in a line


def citation_shape(text: str) -> re.Match[str] | None:
    """`CITATION_SHAPE` on a stripped line short enough to be a journal's (a text without line breaks is
    one line of megabytes)."""
    stripped = text.strip()
    return CITATION_SHAPE.match(stripped) if len(stripped) <= CITATION_LINE else None


NOTE_LINE_MIN = 12  # letters a line needs to be recognized inside a footnote's text
NOTE_LIKE = re.compile(r"^\s*(?:\d{1,3}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})(?:[\s.)]|$)")
NAME_WORD = re.compile(r"^(?:[^\W\d_]\.)+$|^[^\W\d_][^\W\d_’'‘`.-]*$")


def fold(text: str) -> str:
    """Lower case in which every i is alike (İ, I, ı, i): Turkish and English labels meet in one form, and
    the length of the text is kept, so offsets in the folded text are offsets in the text."""
    return text.replace("İ", "i").replace("I", "i").replace("ı", "i").lower()


@dataclass
class HeaderLine:
    """One line of the first pages as the header reader sees it."""

    text: str
    page: int
    size: float | None = None
    gap_before: bool = False  # a blank line (plain text) or a wide vertical gap (layout) before it
    in_footnote: bool = False  # part of a footnote's text (an affiliation note, or a citation)


@dataclass
class ArticleHeader:
    """What an article's header says of it; empty fields were not found."""

    title: str = ""
    titles: dict[str, str] = field(default_factory=dict)  # {language: title}, the main one among them
    authors: list[str] = field(default_factory=list)
    affiliations: dict[str, str] = field(default_factory=dict)  # {author: affiliation}
    orcids: dict[str, str] = field(default_factory=dict)  # {author: ORCID iD}
    journal: str = ""
    volume: str = ""
    issue: str = ""
    year: int | None = None
    pages: str = ""  # "145-170"
    doi: str = ""
    received: str = ""  # ISO date when it could be read so, else as written
    accepted: str = ""
    abstracts: dict[str, str] = field(default_factory=dict)  # {language: text}
    keywords: dict[str, list[str]] = field(default_factory=dict)  # {language: [keyword, …]}

    def fields(self) -> dict[str, Any]:
        """The fields stored as `Document.header` (title and authors are the document's own): those found."""
        values = {name: value for name, value in vars(self).items() if name not in ("title", "authors")}
        return {name: value for name, value in values.items() if value not in ("", None, {}, [])}


# ---------------------------------------------------------------- the words of every language


@dataclass(frozen=True)
class HeaderWords:
    """The labels and words of every language's header data, folded, longest first."""

    abstract: tuple[tuple[str, str], ...]  # (label, language)
    keyword: tuple[tuple[str, str], ...]
    furniture: tuple[str, ...]
    furniture_label: re.Pattern[str]  # one of `furniture` at the start of a line or after a space
    journal: tuple[str, ...]
    affiliation: tuple[str, ...]
    titles: tuple[str, ...]
    headings: tuple[str, ...]
    joiners: tuple[str, ...]
    volume: re.Pattern[str]
    issue: re.Pattern[str]
    pages: re.Pattern[str]
    year: re.Pattern[str]
    received: re.Pattern[str]
    accepted: re.Pattern[str]
    closing_headings: tuple[str, ...] = ()  # "Sonuç", "Kaynakça", "References"


def _labels(name: str) -> list[tuple[str, str]]:
    found = {
        (fold(str(label)), code)
        for code in LANGUAGES
        for label in language_data(code, "header").get(name, [])
    }
    return sorted(found, key=lambda pair: (-len(pair[0]), pair))


def _words(name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(label for label, _ in _labels(name)))


def _labelled(name: str, value: str) -> re.Pattern[str]:
    """A label of `name` (with, perhaps, its twin in another language after a slash: "Cilt/Volume"),
    then `value`, in folded text."""
    labels = "|".join(re.escape(label) for label in _words(name))
    return re.compile(rf"(?<![^\W\d_])(?:{labels})(?:\s*/\s*[^\W\d_]+\.?)?\s*[:.]?\s*{value}")


@cache
def header_words() -> HeaderWords:
    labels = [label for label, _ in _labels("received_labels") + _labels("accepted_labels")]
    twin = r"(?:\s*/\s*[^:\d]{1,40}?)?\s*[:.]?\s*"
    return HeaderWords(
        abstract=tuple(_labels("abstract_labels")),
        keyword=tuple(_labels("keyword_labels")),
        furniture=_words("furniture_labels") + tuple(labels),
        furniture_label=re.compile(
            rf"(?:^|\s)(?:{'|'.join(re.escape(w) for w in _words('furniture_labels') + tuple(labels))})"
        ),
        journal=_words("journal_words"),
        affiliation=_words("affiliation_words"),
        titles=_words("academic_titles"),
        headings=_words("body_headings"),
        closing_headings=_words("closing_headings"),
        joiners=_words("name_joiners"),
        volume=_labelled("volume_labels", r"(\d{1,4}|[ivxlc]{1,7})\b"),
        issue=_labelled("issue_labels", r"(\d{1,4}(?:\s*[-/]\s*\d{1,4})?)\b"),
        pages=_labelled("page_labels", r"(\d{1,5})\s*[-–—]\s*(\d{1,5})"),
        year=_labelled("year_labels", r"((?:18|19|20)\d\d)\b"),
        received=re.compile(
            rf"(?<![^\W\d_])(?:{'|'.join(re.escape(w) for w in _words('received_labels'))}){twin}{DATE}"
        ),
        accepted=re.compile(
            rf"(?<![^\W\d_])(?:{'|'.join(re.escape(w) for w in _words('accepted_labels'))}){twin}{DATE}"
        ),
    )


@cache
def _month_numbers() -> dict[str, int]:
    numbers: dict[str, int] = {}
    for code in LANGUAGES:
        for number, names in (language_data(code, "dates").get("months") or {}).items():
            for name in names if isinstance(names, list) else [names]:
                numbers.setdefault(fold(str(name)).rstrip("."), int(number))
    return numbers


# ---------------------------------------------------------------- reading one line


def label_at_start(text: str, labels: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """(language, the text after the label) when `text` opens with one of `labels`: alone on its line,
    before a colon or dash, or printed in capitals ("ABSTRACT The…")."""
    stripped = text.strip()
    folded = fold(stripped)
    for label, language in labels:
        if not folded.startswith(label):
            continue
        after = stripped[len(label) :]
        if not after.strip():
            return language, ""
        if after[0].isalnum():
            continue  # "Özellikle…", "Abstracts"
        rest = after.lstrip()
        if rest[0] in SEPARATOR:
            return language, rest[1:].strip()
        if stripped[: len(label)].isupper() and (len(label) > 2 or rest[:1].isupper()):
            return language, rest
    return None


@lru_cache(maxsize=4096)
def section_heading(text: str) -> bool:
    """A heading of one of the body's standing sections, the first ("GİRİŞ") or a closing one ("SONUÇ",
    "Kaynakça", "References"): it names no document."""
    folded = fold(re.sub(r"^\s*(?:\d{1,2}|[IVX]{1,4})[.)]?\s+", "", text.strip())).rstrip(" .:")
    return folded in header_words().headings or folded in header_words().closing_headings


@lru_cache(maxsize=4096)
def body_heading(text: str) -> bool:
    """The first heading of the body ("GİRİŞ", "1. Giriş", "Introduction"): the header ends there."""
    folded = fold(re.sub(r"^\s*(?:\d{1,2}|[IVX]{1,4})[.)]?\s+", "", text.strip())).rstrip(" .:")
    return folded in header_words().headings


@lru_cache(maxsize=4096)
def is_metadata(text: str) -> bool:
    """A line of the journal's or the article's data, never a title or a name: DOI, ISSN, ORCID, e-mail,
    web address, a volume or issue, a date received, a "Research Article" or citation label."""
    words = header_words()
    folded = fold(text.strip())
    if DOI.search(text) or ORCID.search(text) or EMAIL.search(text) or URL.search(text) or ISSN.search(text):
        return True
    if "©" in text or not re.search(r"[^\W\d_]{2}", text) or citation_shape(text):
        return True
    if words.volume.search(folded) or words.issue.search(folded) or words.pages.search(folded):
        return True
    return bool(words.furniture_label.search(folded[:60]))


@lru_cache(maxsize=4096)
def is_journal_line(text: str) -> bool:
    """A line naming the journal and its volume or issue ("Türk Tarihi Araştırmaları Dergisi, Cilt 12,
    Sayı 2"), a running head that never names the article."""
    words = header_words()
    folded = fold(text)
    if words.volume.search(folded) or words.issue.search(folded) or ISSN.search(text) or DOI.search(text):
        return True
    return has_journal_word(text)


@lru_cache(maxsize=4096)
def has_journal_word(text: str) -> bool:
    folded = fold(text)
    return any(
        re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", folded) for word in header_words().journal
    )


@lru_cache(maxsize=4096)
def is_affiliation(text: str) -> bool:
    folded = fold(text)
    return any(word in folded for word in header_words().affiliation)


def without_titles(text: str) -> str:
    """A name without the academic titles printed before it ("Dr. Öğr. Üyesi Ayşe Kaya" → "Ayşe Kaya")."""
    changed = True
    while changed:
        changed = False
        for title in header_words().titles:
            if fold(text).startswith(title) and (len(text) == len(title) or not text[len(title)].isalnum()):
                text, changed = text[len(title) :].lstrip(" ,"), True
                break
    return text


def names_in(text: str, language: str) -> list[tuple[str, str]] | None:
    """The (name, marker) pairs of a line of authors ("Ayşe KAYA*, Mehmet Demir**", "A. Yılmaz¹ ve B.
    Kara²"), or None when the line is not one."""
    if is_metadata(text) or is_affiliation(text) or is_journal_line(text):
        return None
    if text.strip().endswith((".", ":")) and len(text) > 40:
        return None
    joiners = "|".join(re.escape(word) for word in header_words().joiners if word.isalpha())
    parts = re.split(rf",|;|&|\s(?:{joiners})\s" if joiners else r",|;|&", text)
    found: list[tuple[str, str]] = []
    for part in parts:
        part = without_titles(part.strip())
        if not part:
            continue
        marker = ""
        words = []
        for word in part.split():
            match = MARKER_AT_END.search(word)
            if match and match.start() > 0:
                marker = marker or match.group().translate(SUPERSCRIPTS)
                word = word[: match.start()]
            elif match:
                marker = marker or match.group().translate(SUPERSCRIPTS)
                continue
            words.append(word)
        if not 2 <= len(words) <= 5:
            return None
        for word in words:
            if not NAME_WORD.match(word) or not (word[0].isupper() or word.lower() in NAME_PARTICLES):
                return None
        found.append((" ".join(_name_case(word, language) for word in words), marker))
    return found or None


def _name_case(word: str, language: str) -> str:
    """A surname printed in capitals as a name is written ("KAYA" → "Kaya"; Turkish casing for tr and az)."""
    letters = [char for char in word if char.isalpha()]
    if len(letters) < 2 or "." in word or not all(char.isupper() for char in letters):
        return word
    lower = turkish_lower(word) if language in ("tr", "az") else word.lower()
    return word[0] + lower[1:]


def strong_name_line(line: HeaderLine, following: HeaderLine | None, language: str) -> bool:
    """A line of names that cannot be the rest of a title: it carries a note marker or an academic title,
    a surname in capitals under a title that is not, or an affiliation, ORCID or e-mail under it."""
    names = names_in(line.text, language)
    if not names:
        return False
    if any(marker for _, marker in names) or without_titles(line.text.strip()) != line.text.strip():
        return True
    words = line.text.split()
    if not line.text.isupper() and any(len(w) > 2 and w.isupper() for w in words):
        return True
    if following is not None:
        return is_affiliation(following.text) or bool(
            ORCID.search(following.text) or EMAIL.search(following.text)
        )
    return False


# ---------------------------------------------------------------- the lines of the first pages


def header_lines(
    raw: RawDocument, furniture: list[Furniture], footnotes: list[Footnote] | None = None
) -> list[HeaderLine]:
    """The non-empty lines of the first pages, page furniture (running heads, page numbers) left out and
    the lines of their footnotes marked (a note's "C. I, s. 112-118" names no journal); a `pdftotext
    -layout` page set in two columns read column by column, as zoning reads it."""
    removed = {
        (item.page, item.text.strip()) for item in furniture if item.reason in ("running-head", "page-number")
    }
    pages = raw.pages[:HEADER_PAGES] if raw.explicit_pages else raw.pages[:1]
    notes = {
        page.number: " ".join(
            " ".join(note.text.split()) for note in footnotes or [] if page.number in note.pages
        )
        for page in pages
    }
    lines: list[HeaderLine] = []
    for page in pages:
        blank = False
        previous_top: float | None = None
        page_lines = page.lines
        if page_lines and page_lines[0].top is None:  # plain text: its columns, if any, one after the other
            page_lines = [RawLine(text) for text in columns_in_order([line.text for line in page_lines])]
        for raw_line in page_lines:
            text = raw_line.text.strip()
            if not text:
                blank = True
                continue
            if (page.number, text) in removed:
                continue
            gap = blank
            if raw_line.top is not None and previous_top is not None and raw_line.font_size:
                gap = gap or raw_line.top - previous_top > 2.0 * raw_line.font_size
            in_note = len(text) > NOTE_LINE_MIN and (
                " ".join(start.rest.split() if (start := parse_note_start(text)) else text.split())
                in notes[page.number]
            )
            lines.append(HeaderLine(text, page.number, raw_line.font_size, gap, in_note))
            blank, previous_top = False, raw_line.top
            if not raw.explicit_pages and len(lines) >= LINES_WITHOUT_PAGES:
                return lines
    return lines


def body_size(raw: RawDocument) -> float | None:
    """The type size most characters are set in (None for plain text)."""
    weights: Counter[float] = Counter()
    for page in raw.pages:
        for line in page.lines:
            if line.font_size:
                weights[round(line.font_size * 2) / 2] += len(line.text.strip())
    return weights.most_common(1)[0][0] if weights else None


# ---------------------------------------------------------------- the reader


def read_header(
    raw: RawDocument,
    furniture: list[Furniture],
    language: str = "tr",
    footnotes: list[Footnote] | None = None,
) -> ArticleHeader:
    """The header of the article in `raw` (`furniture`: what zoning took off its pages, whose running
    heads name the journal); an empty header when the first pages show no sign of an article's."""
    lines = header_lines(raw, furniture, footnotes)
    heads = list(dict.fromkeys(item.text.strip() for item in furniture if item.reason == "running-head"))
    header = ArticleHeader()
    consumed = _read_sections(lines, header)
    # the journal's line is at the head or foot of the first page, never in a footnote ("4 Документы …, Т. III")
    # a journal's name set on a line of its own above its volume and issue ("… Dergisi" / "Cilt 19, Sayı 64")
    journal_lines = []
    for index, line in enumerate(lines):
        if is_metadata(line.text) and not NOTE_LIKE.match(line.text) and not line.in_footnote:
            above = lines[index - 1].text if index else ""
            named = has_journal_word(above) and not is_metadata(above) and not has_journal_word(line.text)
            journal_lines.append(f"{above}, {line.text}" if named else line.text)
    _read_journal(journal_lines + heads, header)
    for line in lines:
        folded = fold(line.text)
        if not header.doi and (doi := DOI.search(line.text)):
            header.doi = doi.group(1).rstrip(".)]")
        for name, pattern in (("received", header_words().received), ("accepted", header_words().accepted)):
            if not getattr(header, name) and (match := pattern.search(folded)):
                setattr(header, name, _iso_date(line.text[match.start(1) : match.end(1)]))
    # an article's signs; a number alone ("Şifre No: 512" on a telegram) is not one
    published = header.volume or (header.issue and header.year)
    if not (header.abstracts or header.keywords or header.doi or header.received or published):
        return ArticleHeader()
    first_page = [index for index, line in enumerate(lines) if line.page == lines[0].page]
    end = next((i for i in first_page if i in consumed or body_heading(lines[i].text)), len(first_page))
    # the title is in the language of the first abstract (an English-first journal's is English)
    main_language = next(iter(header.abstracts), language)
    title = _read_title(lines[:end], header, main_language, body_size(raw))
    _read_authors(lines, title, end, header, language)
    return header


def _read_sections(lines: list[HeaderLine], header: ArticleHeader) -> set[int]:
    """Abstracts and keywords, each from its label to the next label, heading or line of metadata; also a
    title set just above an abstract in that abstract's language. The indices of the lines they took."""
    words = header_words()
    consumed: set[int] = set()
    index = 0
    while index < len(lines):
        line = lines[index]
        found = label_at_start(line.text, words.abstract)
        kind = "abstract"
        if found is None:
            found = label_at_start(line.text, words.keyword)
            kind = "keywords"
        if found is None:
            index += 1
            continue
        language, rest = found
        taken = [rest] if rest else []
        consumed.add(index)
        if kind == "abstract":
            _title_above(lines, index, consumed, language, header)
        following = index + 1
        while following < len(lines) and not _ends_section(lines, following, kind, taken):
            if re.search(r"[^\W_]", lines[following].text):
                taken.append(lines[following].text)
            consumed.add(following)
            following += 1
            if kind == "keywords" and (len(taken) >= MAX_KEYWORD_LINES or taken and taken[-1].endswith(".")):
                break
        text, _ = join_lines([part.strip() for part in taken])
        if kind == "abstract" and text and language not in header.abstracts:
            header.abstracts[language] = " ".join(text.split()[:MAX_ABSTRACT_WORDS])
        elif kind == "keywords" and text and language not in header.keywords:
            keywords = [word.strip(" .") for word in re.split(r"[,;·•]", text)]
            header.keywords[language] = [word for word in keywords if word]
        index = following
    return consumed


def _ends_section(lines: list[HeaderLine], index: int, kind: str, taken: list[str]) -> bool:
    words = header_words()
    line = lines[index]
    text = line.text.strip()
    if label_at_start(text, words.abstract) or label_at_start(text, words.keyword) or body_heading(text):
        return True
    if is_metadata(text) or (MARKER_AT_START.match(text) and is_affiliation(text)):
        return True
    if taken and line.page != lines[index - 1].page and kind == "keywords":
        return True
    if kind == "keywords" and taken and line.gap_before and not taken[-1].rstrip().endswith((",", ";")):
        return True
    # a short line in capitals under an abstract: the body's first heading ("TÜRK-SOVYET İLİŞKİLERİ")
    return bool(taken) and text.isupper() and len(text.split()) <= 8 and not text.endswith((".", ","))


def _title_above(
    lines: list[HeaderLine], index: int, consumed: set[int], language: str, header: ArticleHeader
) -> None:
    """A title printed just above an abstract (the English title over "Abstract"), in that language."""
    above: list[str] = []
    for back in range(index - 1, max(index - MAX_TITLE_LINES, 0) - 1, -1):
        if back in consumed or is_metadata(lines[back].text) or is_affiliation(lines[back].text):
            break
        if names_in(lines[back].text, language) and not above:
            break
        above.insert(0, lines[back].text)
        if lines[back].gap_before:
            break
    text = join_lines(above)[0] if above else ""
    if text and back > 0 and not text.endswith(".") and len(text.split()) <= MAX_TITLE_WORDS:
        header.titles.setdefault(language, text)


def _read_title(
    lines: list[HeaderLine], header: ArticleHeader, language: str, size: float | None
) -> list[int]:
    """The title: on a PDF the largest type of the first page, else the first lines that are neither
    metadata nor names (names printed above the title are passed over); its wrapped lines joined (a
    hyphen that joins two names kept). The indices of its lines."""
    candidates = [
        i for i, line in enumerate(lines) if not is_metadata(line.text) and not is_affiliation(line.text)
    ]
    if size is not None:
        sized = [i for i in candidates if lines[i].size]
        largest = max((lines[i].size or 0.0 for i in sized), default=0.0)
        if largest >= TITLE_SIZE * size:
            taken = [next(i for i in sized if (lines[i].size or 0.0) >= largest - 0.5)]
            while (
                len(taken) < MAX_TITLE_LINES
                and taken[-1] + 1 < len(lines)
                and abs((lines[taken[-1] + 1].size or 0.0) - largest) <= 0.5
                and (
                    not is_metadata(lines[taken[-1] + 1].text)
                    or (
                        lines[taken[-1]].text.rstrip().endswith("-")
                        and YEARS_END.match(lines[taken[-1] + 1].text.strip()) is not None
                    )
                )
            ):
                taken.append(taken[-1] + 1)
            return _set_title(lines, taken, header, language)
    while candidates and strong_name_line(lines[candidates[0]], _at(lines, candidates[0] + 1), language):
        candidates.pop(0)
    if not candidates:
        return []
    start = candidates[0]
    first = lines[start].text.strip()
    if (
        ends_sentence(first)
        or len(first.split()) > MAX_TITLE_WORDS
        or label_at_start(first, header_words().abstract)
    ):
        return []
    taken = [start]
    while len(taken) < MAX_TITLE_LINES and (nxt := _at(lines, taken[-1] + 1)) is not None:
        so_far = lines[taken[-1]].text.rstrip()
        last_word = fold(so_far.split()[-1]) if so_far.split() else ""
        wrapped = (
            so_far.endswith(("-", ",", ":"))
            or nxt.text[:1].islower()
            or last_word in header_words().joiners
            or (so_far.isupper() and nxt.text.isupper() and not nxt.gap_before)
        )
        # "… Ermenistan (1920-" then "1921)": the end of a span of years, however little it holds
        closes_years = so_far.endswith("-") and YEARS_END.match(nxt.text.strip()) is not None
        if not closes_years and (
            is_metadata(nxt.text)
            or is_affiliation(nxt.text)
            or label_at_start(nxt.text, header_words().abstract)
        ):
            break
        if not wrapped and (nxt.gap_before or strong_name_line(nxt, _at(lines, taken[-1] + 2), language)):
            break
        if not wrapped and names_in(nxt.text, language) and not names_in(so_far, language):
            break  # a title, then its author on the next line
        taken.append(taken[-1] + 1)
    return _set_title(lines, taken, header, language)


def ends_sentence(text: str) -> bool:
    """Whether a line ends as a sentence does, not as a title ("… 1920–1921 гг." ends with an abbreviation)."""
    words = text.split()
    return text.endswith(".") and bool(words) and len(words[-1].rstrip(".")) > 3 and not text.endswith("...")


def _at(lines: list[HeaderLine], index: int) -> HeaderLine | None:
    return lines[index] if 0 <= index < len(lines) else None


def _set_title(lines: list[HeaderLine], taken: list[int], header: ArticleHeader, language: str) -> list[int]:
    title = " ".join(join_lines([lines[i].text.strip() for i in taken])[0].split())
    if not title or len(title.split()) > MAX_TITLE_WORDS:
        return []
    header.title = title
    titles = {language: title}
    titles.update({k: v for k, v in header.titles.items() if k not in titles})
    header.titles = titles
    return taken


def _read_authors(
    lines: list[HeaderLine], title: list[int], end: int, header: ArticleHeader, language: str
) -> None:
    """Names above the first abstract (under the title, or above it when they are clearly names), with
    the affiliations and ORCID iDs printed under them or in notes keyed by their markers ("Ayşe Kaya*" …
    "* Dr. Öğr. Üyesi, … Üniversitesi")."""
    by_marker: dict[str, str] = {}
    pending: list[str] = []  # the authors of the last line of names, in order, awaiting affiliations
    last_affiliation: str | None = None
    for index in range(end):
        if index in title:
            pending, last_affiliation = [], None
            continue
        line = lines[index]
        text = line.text.strip()
        marked = MARKER_AT_START.match(text)
        names = None if marked and (is_affiliation(text) or ORCID.search(text)) else names_in(text, language)
        above_title = bool(title) and index < title[0]
        if names and (not above_title or strong_name_line(line, _at(lines, index + 1), language)):
            if (
                not header.title
                and not header.authors
                and not strong_name_line(line, _at(lines, index + 1), language)
            ):
                continue
            for name, marker in names:
                if name not in header.authors:
                    header.authors.append(name)
                if marker:
                    by_marker[marker] = name
            pending = [name for name, _ in names]
            last_affiliation = None
            continue
        if not header.authors:
            continue
        owner = _owner(
            marked.group("marker").translate(SUPERSCRIPTS) if marked else "", by_marker, pending, header
        )
        body = text[marked.end() :] if marked else text
        named = next((name for name in header.authors if body.startswith(name + ",")), None)
        if named:  # "Selin Kaya, Department of History, …": the affiliation of the author it names
            owner, body = named, body[len(named) + 1 :]
        if is_affiliation(text):
            affiliation = _affiliation_text(body)
            if owner and affiliation:
                header.affiliations.setdefault(owner, affiliation)
                last_affiliation = owner
        elif last_affiliation and not is_metadata(text) and len(text.split()) <= 6:
            header.affiliations[last_affiliation] += " " + _affiliation_text(text)  # "Erzurum/Türkiye"
        if (orcid := ORCID.search(text)) and (owner := _owner_of_orcid(marked, by_marker, pending, header)):
            header.orcids.setdefault(owner, orcid.group(1))
    noted: str | None = None  # the author of the last note of the page foot, whose ORCID may follow it
    for line in lines[end:]:  # notes of the first page keyed by the authors' markers
        marked = MARKER_AT_START.match(line.text)
        marker = marked.group("marker").translate(SUPERSCRIPTS) if marked else ""
        if marked:
            noted = by_marker.get(marker)
        if noted and marked and noted not in header.affiliations and is_affiliation(line.text):
            header.affiliations[noted] = _affiliation_text(line.text[marked.end() :])
        if noted and (orcid := ORCID.search(line.text)):
            header.orcids.setdefault(noted, orcid.group(1))
        if not marked and not ORCID.search(line.text) and not EMAIL.search(line.text):
            noted = None


def _owner(marker: str, by_marker: dict[str, str], pending: list[str], header: ArticleHeader) -> str | None:
    """Whose affiliation a line is: the author of its marker, else the first of the last names without one."""
    if marker:
        return by_marker.get(marker)
    return next((name for name in pending if name not in header.affiliations), None)


def _owner_of_orcid(
    marked, by_marker: dict[str, str], pending: list[str], header: ArticleHeader
) -> str | None:
    if marked:
        return by_marker.get(marked.group("marker").translate(SUPERSCRIPTS))
    return next((name for name in pending if name not in header.orcids), None)


def _affiliation_text(text: str) -> str:
    """An affiliation as printed, without its ORCID iD, e-mail address and the labels before them."""
    text = ORCID.sub("", EMAIL.sub("", text))
    text = re.sub(r"(?i)\b(?:orcid(?:\s*id)?|e-?posta|e-?mail|mail)\s*[:.]?", "", text)
    text = re.sub(r"https?://\S*", "", text)
    return " ".join(text.split()).strip(" ,;:-–")


def _read_journal(lines: list[str], header: ArticleHeader) -> None:
    """Journal, volume, issue, year and pages from the journal's lines ("Türk Tarihi Araştırmaları Dergisi,
    Cilt 12, Sayı 2, 2021, s. 145-170"; "Journal of …, Vol. 5, No. 1 (2020), pp. 1-20") and running heads."""
    words = header_words()
    for text in lines:
        folded = fold(text)
        volume, pages = words.volume.search(folded), words.pages.search(folded)
        issue = next((m for m in words.issue.finditer(folded) if not _lower_initial_label(text, m)), None)
        if volume and not header.volume:
            header.volume = (
                text[volume.start(1) : volume.end(1)].upper()
                if volume.group(1).isalpha()
                else volume.group(1)
            )
        if issue and not header.issue:
            header.issue = re.sub(r"\s+", "", issue.group(1))
        if pages and not header.pages:
            header.pages = f"{pages.group(1)}-{pages.group(2)}"
        labelled_year = words.year.search(folded)
        if not (volume or issue or labelled_year):
            if shaped := citation_shape(text):
                header.journal = header.journal or shaped.group("name").strip()
                header.year = header.year or int(shaped.group("year"))
                header.issue = header.issue or (shaped.group("issue") or "")
                header.pages = header.pages or f"{shaped.group('first')}-{shaped.group('last')}"
            continue
        if header.year is None:
            year = labelled_year or _year_outside(folded, pages)
            if year:
                header.year = int(year.group(1))
        if not header.pages and (bare := re.search(r",\s*(\d{1,5})\s*[-–]\s*(\d{1,5})\s*\.?\s*$", text)):
            if not YEAR.fullmatch(bare.group(1)):
                header.pages = f"{bare.group(1)}-{bare.group(2)}"
        first = min(match.start() for match in (volume, issue, labelled_year) if match)
        name = text[:first].strip(" ,;:-–|/(")
        if not header.journal and re.search(r"[^\W\d_]{2}", name) and not is_metadata(name):
            header.journal = re.sub(r"\s*[,(]\s*$", "", name)
    if not header.journal:
        for text in lines:
            if has_journal_word(text) and not DOI.search(text) and not ISSN.search(text):
                name = re.split(r"\s*[,|]\s*|\s{2,}", text.strip())[0]
                if re.search(r"[^\W\d_]{3}", name):
                    header.journal = name.strip(" ,;:-–")
                    break


def _lower_initial_label(text: str, match: re.Match[str]) -> bool:
    """A one-letter label written in lower case ("s. 99"): the pages' label, not the issue's ("S. 1")."""
    label = text[match.start() : match.start(1)].strip(" :.")
    return len(label) == 1 and label.islower()


def _year_outside(folded: str, pages: re.Match[str] | None):
    for year in YEAR.finditer(folded):
        if pages is None or not pages.start() <= year.start() < pages.end():
            return year
    return None


def _iso_date(text: str) -> str:
    """A received or accepted date as ISO 8601 when it is numeric or names its month, else as written."""
    text = " ".join(text.split())
    if numeric := NUMERIC_DATE.match(text):
        day, month, year = (int(part) for part in numeric.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    if named := re.fullmatch(r"(\d{1,2})\s+([^\W\d_]+)\.?\s+(\d{4})", text):
        number = _month_numbers().get(fold(named.group(2)))
        if number:
            return f"{int(named.group(3)):04d}-{number:02d}-{int(named.group(1)):02d}"
    return text
