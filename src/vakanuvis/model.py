"""The data model: plain dataclasses, every derived fact tied to a span of one document's text.

Provenance is the spine of the model. A document has one immutable cleaned body text
(`Document.text`) and one text per footnote (`Footnote.text`). Every annotation is a
`Span` over one of those texts: `footnote is None` means the body, otherwise the offsets
count within that footnote's text. Pages are recorded on blocks, sentences and footnotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

Zone = str  # "body" | "footnote" | "furniture"


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) in the body text or in one footnote's text."""

    start: int
    end: int
    footnote: int | None = None

    def text_in(self, document: Document) -> str:
        """The exact characters this span covers in `document`."""
        if self.footnote is None:
            return document.text[self.start : self.end]
        return document.footnote(self.footnote).text[self.start : self.end]


# ---------------------------------------------------------------- ingest


@dataclass(slots=True)  # a big text has millions of lines (slots: a third of the memory)
class RawLine:
    """One line as a reader gives it; layout fields are None for plain text."""

    text: str
    font_size: float | None = None
    top: float | None = None  # distance from the page top, in points
    x0: float | None = None
    x1: float | None = None  # right edge, in points from the page's left
    confidence: float | None = None  # OCR's mean word confidence, 0..1; None for a text layer


@dataclass
class RawPage:
    number: int  # 1-based page index within the file
    lines: list[RawLine]
    height: float | None = None
    width: float | None = None
    # drawn horizontal rules (the line above the footnotes): (top, left, right) in points
    rules: list[tuple[float, float, float]] = field(default_factory=list)
    # the x of each gutter between columns, on a page set in columns (in points from the left)
    gutters: list[float] = field(default_factory=list)


@dataclass
class RawDocument:
    """What a reader produced from one file, before structure recovery."""

    path: str
    sha256: str  # of the file's bytes
    encoding: str  # detected text encoding, or "pdf"
    pages: list[RawPage]
    explicit_pages: bool = False  # True when the file marks its own page breaks (PDF, form feeds)
    # pages read by OCR, as Document.ocr keeps them: {"pages": {"3": {"confidence": 0.87, "language": "tur"}}}
    ocr: dict[str, Any] = field(default_factory=dict)
    # one line each about what reading changed or left out that the user should know ("warning: …")
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- structure


@dataclass
class Furniture:
    """Page furniture removed from the text (running head, page number, rule, blank filler), kept for audit."""

    page: int
    text: str
    reason: str  # "running-head" | "page-number" | "rule" | "separator" ...


@dataclass
class Block:
    """A paragraph or heading of the body text."""

    span: Span
    page: int  # page on which the block starts
    kind: str = "paragraph"  # "paragraph" | "heading" | "list-item"


@dataclass(slots=True)
class Sentence:
    span: Span
    page: int
    block: int  # index into Document.blocks
    # read by OCR: the mean word confidence of its lines (0..1), weighted by the characters each gives it;
    # None for a text layer or a text file
    ocr_confidence: float | None = None


@dataclass
class Marker:
    """A footnote marker found in the body and stripped from it."""

    number: int
    offset: int  # offset in Document.text where the marker stood (after stripping)
    page: int
    sentence: int | None  # index into Document.sentences


@dataclass
class Footnote:
    number: int
    text: str  # the whole footnote, continuations joined
    page: int  # page where the footnote starts
    pages: list[int] = field(default_factory=list)  # every page it runs over
    ocr_confidence: float | None = None  # read by OCR: its lines' mean word confidence, 0..1


# ---------------------------------------------------------------- annotate


@dataclass
class DateMention:
    """A date expression and its normalized value."""

    span: Span
    text: str  # as written
    edtf: str  # EDTF string, e.g. "1920-04-23", "1919-07-23/1919-08-06", "1919-25", "1921-09~"
    earliest: date
    latest: date
    year_inferred: bool = False
    calendar: str = "gregorian"  # "gregorian" | "rumi" | "hijri" | "julian"
    original: str | None = None  # the value in its own calendar, when converted
    # a part or an open end of the value, and the EDTF of what it then covers ("Mart iptidasında":
    # "1922-03", "beginning", "1922-03-01~/1922-03-10~"; "…’den itibaren": "from", "1920-03-16/..")
    modifier: str = ""
    extent: str = ""
    role: str = "event"  # "event" | "bibliographic" (publication dates in citations)
    # where the year came from: "text" (written), "context" (an earlier year of the narrative), "document"
    # (the document's own date), "unknown" (nowhere: the value keeps XXXX)
    year_from: str = "text"


@dataclass(slots=True)
class EntityMention:
    span: Span
    text: str  # as written, suffix included
    surface: str  # suffix removed, e.g. "Mustafa Kemal" for "Mustafa Kemal’in"
    type: str  # "person" | "place" | "organization" | "treaty" | "meeting"
    entity_key: str = ""  # set by resolution; equal keys mean one entity


@dataclass
class Entity:
    key: str
    type: str
    name: str  # canonical name
    aliases: list[str] = field(default_factory=list)
    wikidata: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: str | None = None  # existence, ISO or EDTF, from the authority file
    end: str | None = None
    mentions: int = 0


@dataclass
class Citation:
    """One reference inside one footnote."""

    footnote: int
    span: Span  # within the footnote's text
    raw: str
    type: str = "book"  # "book" | "article" | "archive" | "newspaper" | "collection"
    authors: list[str] = field(default_factory=list)
    title: str | None = None
    title_latin: str | None = None
    title_repaired: str | None = None  # run-together words separated
    container: str | None = None  # collection, journal, newspaper
    place: str | None = None
    publisher: str | None = None
    year: int | None = None
    volume: str | None = None
    locator: str | None = None  # "s. 19", "стр. 675", "v.17-21"
    archive: dict[str, str] = field(default_factory=dict)  # archive, fond, opis, delo, folios
    issue_date: str | None = None  # newspapers
    back_reference: bool = False  # "a.g.e.", "ibid.", "там же"
    source_key: str = ""  # set by merging; equal keys mean one work


CITATION_COLUMNS = ("footnote", "span", "raw", "source_key")  # stored apart from the parsed fields


def citation_fields(citation: Citation) -> dict:
    """A citation's parsed fields, as stored in one JSON value (plain values: str, int, list, dict)."""
    return {k: v for k, v in vars(citation).items() if k not in CITATION_COLUMNS}


def stored_citation(
    footnote: int, start: int, end: int, raw: str, fields: dict, source_key: str = ""
) -> Citation:
    """A citation again from its stored columns and parsed fields."""
    return Citation(
        footnote=footnote, span=Span(start, end, footnote), raw=raw, source_key=source_key, **fields
    )


@dataclass
class Source:
    key: str
    type: str
    authors: list[str]
    title: str | None
    title_latin: str | None
    place: str | None
    year: int | None
    citations: list[Citation] = field(default_factory=list)


# what an entity does at an event, and those of them that take part in it (the place is where it happened)
EVENT_ROLES = ("agent", "patient", "recipient", "place", "instrument", "intermediary")
ACTING_ROLES = ("agent", "patient", "recipient", "instrument", "intermediary")


@dataclass
class Event:
    """What a date of the body dates: the happening its clause tells, tied to its sentence and footnotes."""

    date: DateMention
    sentence: int  # index into Document.sentences
    footnotes: list[int] = field(default_factory=list)
    predicate: str = ""  # the verb (or light verb and its noun) as written: "işgal edilmiştir"
    kind: str = ""  # what kind of happening, the same in every language: "sign", "open", "take" …
    headline: str = ""  # a short line in the document's language: "Moskova Muahedesi imzalandı"
    # role ("agent", "patient", "recipient", "place", "instrument", "intermediary") -> indices into Document.mentions
    roles: dict[str, list[int]] = field(default_factory=dict)
    dateline: bool = False  # the date of the document itself (a telegram's or letter's dateline)


@dataclass
class Evidence:
    span: Span
    text: str
    document: str = ""


# how sure a finding is: "error" (the text contradicts itself or the calendar: a reversed range, a missing
# footnote), "warning" (very likely wrong: an anachronism, two figures for one thing), "note" (worth an
# editor's look: a name spelled two ways, dates running backwards)
FINDING_SEVERITIES = ("error", "warning", "note")


@dataclass
class Finding:
    kind: str
    message: str
    evidence: list[Evidence]
    severity: str = "warning"  # one of FINDING_SEVERITIES


# ---------------------------------------------------------------- the document


DOCUMENT_TYPES = (
    "article",
    "speech",
    "telegram",
    "letter",
    "report",
    "decree",
    "newspaper",
    "memoir",
    "book chapter",
    "other",
)


@dataclass
class Document:
    """One document (an article, or a source of the period: a speech, telegram, letter…): its metadata,
    its cleaned text and everything derived from it."""

    id: str
    path: str
    sha256: str
    title: str = ""
    language: str = "tr"
    pages: int = 0
    encoding: str = ""
    text: str = ""
    date: str | None = None  # the document's own date, EDTF (possibly approximate or a range)
    type: str = "article"  # one of DOCUMENT_TYPES
    authors: list[str] = field(default_factory=list)
    place: str | None = None  # where it was written
    source: str | None = None  # where the copy came from (an archive, an edition)
    url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)  # other metadata the user gave
    # how each metadata field was known: "given" (by the user) or "detected" (read off the text)
    origins: dict[str, str] = field(default_factory=dict)
    # what an article's own header says beyond title and authors: journal, volume, issue, year, pages, doi,
    # abstracts {language: text}, keywords {language: [words]}, affiliations {author: affiliation}
    header: dict[str, Any] = field(default_factory=dict)
    # pages read by OCR: {"pages": {page number as text: {"confidence": 0..1, "language": code}}}
    ocr: dict[str, Any] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    furniture: list[Furniture] = field(default_factory=list)
    # (body offset, page) for each page that begins in the body text
    page_starts: list[tuple[int, int]] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def footnote(self, number: int) -> Footnote:
        for note in self.footnotes:
            if note.number == number:
                return note
        raise KeyError(f"document {self.id} has no footnote {number}")

    def sentence_at(self, offset: int) -> int | None:
        """Index of the body sentence containing `offset`, or None."""
        for index, sentence in enumerate(self.sentences):
            if sentence.span.start <= offset < sentence.span.end:
                return index
        return None

    def page_at(self, offset: int) -> int:
        """Page of the body text at `offset`."""
        page = self.page_starts[0][1] if self.page_starts else 1
        for start, number in self.page_starts:
            if start > offset:
                break
            page = number
        return page
