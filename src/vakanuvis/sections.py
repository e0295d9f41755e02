"""A big text analysed in sections: its pages (or, on one page, its paragraphs) in groups of about
SECTION_CHARACTERS, each group through the whole pipeline on its own, then moved to where it stands in the
whole document, stored and let go. A document's memory is then that of one section and of its text, not
that of all its annotations at once (issue 22).

A text up to SECTION_CHARACTERS is one section and is analysed exactly as a whole (`pipeline.analyse`).
Decisions for bigger ones: the first section's metadata (the given and the detected: date, title, authors,
place, type, language, header) is the whole document's, and the later sections take it as their own; what
an annotator decides over a whole document (a surname seen in a full name is a person everywhere, the year
of a date told by the narrative before it, a running head repeated on many pages) is decided over each
section; a section sees only its own footnotes, so the markers of notes another section holds (endnotes of a
whole book) stay in its text as digits; a footnote number that two sections both give keeps the first
footnote (as a number given twice in one text does). The body text is the sections' texts, each two line breaks apart (as blocks are).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from vakanuvis.model import Document, RawDocument, RawLine, RawPage, Span
from vakanuvis.pipeline import GIVEN_FIELDS, analyse, analyse_like, document_id_for
from vakanuvis.structure.zones.text import paragraphs_of_line

SECTION_CHARACTERS = 1_000_000
SEPARATOR = "\n\n"  # between two sections' texts, as between two blocks
# what the first section tells of the whole document
WHOLE_FIELDS = (*GIVEN_FIELDS, "language", "header", "ocr")


@dataclass
class Section:
    """One section analysed, its spans in the whole document's text; `first` is the index in the whole
    document of the first of each of its records (by table name), `text_start` where its text begins."""

    document: Document
    text_start: int
    first: dict[str, int] = field(default_factory=dict)


@dataclass
class SectionedDocument:
    """A big text to analyse section by section while it is stored: `head` is the whole document without
    its records (its text and page count filled once every section is analysed)."""

    head: Document
    raw: RawDocument
    given: dict[str, Any] | None = None
    # what the process does after each section is analysed (runtime: freeze the tables it loaded)
    after_section: Callable[[], None] | None = None

    @property
    def id(self) -> str:
        return self.head.id

    @property
    def sha256(self) -> str:
        return self.head.sha256

    def sections(self) -> Iterator[Section]:
        """Each section analysed and moved into place, in order; the raw pages are let go as they are
        read, and `head.text` is set at the end."""
        groups = section_pages(self.raw.pages)
        self.raw.pages = []
        texts: list[str] = []
        start = 0
        first = dict.fromkeys(COUNTED, 0)
        while groups:
            section = replace(self.raw, pages=groups.pop(0))
            if not texts:
                part = analyse(section, self.given) if self.given else analyse(section)
                take_whole_fields(self.head, part)
            else:
                part = analyse_like(section, self.head, WHOLE_FIELDS)
            del section
            if self.after_section is not None:
                self.after_section()
            shift(part, start, first)
            yield Section(part, start, dict(first))
            for name in COUNTED:
                first[name] += len(getattr(part, name))
            texts.append(part.text)
            start += len(part.text) + len(SEPARATOR)
            del part  # before the next section is analysed
        self.head.text = SEPARATOR.join(texts)


COUNTED = ("blocks", "sentences", "markers", "furniture", "dates", "mentions", "citations", "events")


def sectioned(raw: RawDocument, given: dict[str, Any] | None = None) -> Document | SectionedDocument:
    """`raw` analysed whole when it is one section, else the sections to analyse while storing."""
    if raw_characters(raw.pages) <= SECTION_CHARACTERS:
        return analyse(raw, given) if given else analyse(raw)
    head = Document(id=document_id_for(raw), path=raw.path, sha256=raw.sha256, encoding=raw.encoding)
    head.pages = len(raw.pages) if raw.explicit_pages else 1
    return SectionedDocument(head, raw, given)


def raw_characters(pages: list[RawPage]) -> int:
    return sum(len(line.text) + 1 for page in pages for line in page.lines)


def section_pages(pages: list[RawPage]) -> list[list[RawPage]]:
    """The pages in groups of about SECTION_CHARACTERS; a page bigger than that cut into parts at blank
    lines (paragraph ends), each part keeping the page's number."""
    groups: list[list[RawPage]] = [[]]
    size = 0
    for page in pages:
        for part in _page_parts(page):
            characters = raw_characters([part])
            if groups[-1] and size + characters > SECTION_CHARACTERS:
                groups.append([])
                size = 0
            groups[-1].append(part)
            size += characters
    return groups


def _page_parts(page: RawPage) -> Iterator[RawPage]:
    """The page, or, when bigger than a section, its parts cut at blank lines; a line bigger than a section
    (a text without line breaks) is cut into parts of its own at paragraph ends (`long_line_parts`)."""
    if raw_characters([page]) <= SECTION_CHARACTERS:
        yield page
        return
    lines: list[RawLine] = []
    size = 0
    for line in page.lines:
        if len(line.text) > SECTION_CHARACTERS:
            if lines:
                yield replace(page, lines=lines)
            lines = []
            size = 0
            for part in long_line_parts(line.text):
                yield replace(page, lines=[replace(line, text=part)])
            continue
        if size >= SECTION_CHARACTERS and not line.text.strip():
            yield replace(page, lines=lines)
            lines = []
            size = 0
        lines.append(line)
        size += len(line.text) + 1
    if lines:
        yield replace(page, lines=lines)


def long_line_parts(text: str) -> list[str]:
    """A line without line breaks cut into parts of about SECTION_CHARACTERS, each at the end of a
    paragraph as the structure stage cuts such a line (`paragraphs_of_line`)."""
    parts: list[str] = []
    start = at = 0
    for piece in paragraphs_of_line(text):
        at = text.find(piece, at) + len(piece)
        if at - start >= SECTION_CHARACTERS:
            parts.append(text[start:at])
            start = at
    if text[start:].strip():
        parts.append(text[start:])
    return parts


def take_whole_fields(head: Document, first: Document) -> None:
    for name in WHOLE_FIELDS:
        setattr(head, name, getattr(first, name))
    head.origins = dict(first.origins)


def shift(part: Document, start: int, first: dict[str, int]) -> None:
    """Move the records of a section whose text begins at `start` of the whole document's text, and
    whose records follow the `first` of each kind, to where they stand in the whole document."""

    def moved(span: Span) -> Span:
        return span if span.footnote is not None else Span(span.start + start, span.end + start)

    for block in part.blocks:
        block.span = moved(block.span)
    for sentence in part.sentences:
        sentence.span = moved(sentence.span)
        sentence.block += first["blocks"]
    for marker in part.markers:
        marker.offset += start
        if marker.sentence is not None:
            marker.sentence += first["sentences"]
    part.page_starts = [(offset + start, page) for offset, page in part.page_starts]
    for date in part.dates:
        date.span = moved(date.span)
    for mention in part.mentions:
        mention.span = moved(mention.span)
    for event in part.events:
        event.sentence += first["sentences"]
        event.roles = {role: [m + first["mentions"] for m in found] for role, found in event.roles.items()}
