"""The public shapes of the API: what routes return and accept (lists are {data, count})."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, create_model

from vakanuvis.fields import flat_fields
from vakanuvis.model import Block, DateMention, Document, Entity, EntityMention, Marker, Sentence, Source
from vakanuvis.records import LISTED_APART_FROM_DOCUMENTS


def _printable(value: str) -> str:
    if any(ord(c) < 32 and c not in "\t\n\r" for c in value):
        raise ValueError("control characters are not allowed")
    return value


def Text(max_length: int):  # noqa: N802 — a type factory, used like a type
    """A string of 1..max_length characters without control characters."""
    return Annotated[
        str,
        StringConstraints(min_length=1, max_length=max_length, strip_whitespace=True),
        AfterValidator(_printable),
    ]


class Record(BaseModel):
    model_config = ConfigDict(extra="ignore")


PUBLIC_TYPES: dict[type, Any] = {
    str: str,
    int: int,
    float: float,
    bool: bool,
    date: date,
    list: list,
    dict: dict,
}


def public_model(
    model_name: str,
    record_type: type,
    /,
    *,
    span_footnote: bool = True,
    leave_out: tuple[str, ...] = (),
    **extra: Any,
) -> type[Record]:
    """The public shape of a record of the data model: its flat fields (`fields.flat_fields`) less
    `leave_out`, then `extra` fields as pydantic takes them (name=(type, default))."""
    fields: dict[str, Any] = {}
    for field in flat_fields(record_type, span_footnote=span_footnote):
        if field.name not in leave_out:
            kind = PUBLIC_TYPES[field.type]
            fields[field.name] = (kind | None if field.optional else kind, ...)
    return create_model(model_name, __base__=Record, **fields, **extra)


# ---------------------------------------------------------------- documents


DocumentPublic = public_model("DocumentPublic", Document, leave_out=LISTED_APART_FROM_DOCUMENTS)


class DocumentsPublic(Record):
    data: list[DocumentPublic]  # type: ignore[valid-type]
    count: int


BlockPublic = public_model("BlockPublic", Block, span_footnote=False)


class PageStartPublic(Record):
    offset: int
    page: int


class ReferenceDatePublic(Record):
    text: str
    start: int
    end: int
    footnote: int | None = None


class ReferencePublic(Record):
    """The period the narrative is at in a sentence and where it is taken from."""

    edtf: str
    start: str | None = Field(description="first day, YYYY-MM-DD; null when open")
    end: str | None = Field(description="last day, YYYY-MM-DD; null when open")
    from_: str = Field(
        alias="from",
        description="sentence, narrative (the last date before it in its paragraph), paragraph (the first "
        "date after it), previous paragraph, heading, document (the document's own date) or marker",
    )
    date: ReferenceDatePublic | None = Field(default=None, description="the date it takes its time from")


SentencePublic = public_model(
    "SentencePublic",
    Sentence,
    span_footnote=False,
    leave_out=("block",),
    text=(str, ""),
    reference=(ReferencePublic | None, None),
)


class TextWindow(Record):
    """The stretch of a document's text an answer holds: its offsets stay the document's."""

    start: int = Field(description="offset of the answer's first character (`text` begins here)")
    end: int = Field(description="offset after its last character")
    length: int = Field(description="characters in the whole text; a window with end < length has more")
    first_block: int = Field(description="the document's index of the first block given")
    first_sentence: int = Field(description="the document's index of the first sentence given")


class DocumentDetail(DocumentPublic):  # type: ignore[valid-type,misc]
    text: str
    blocks: list[BlockPublic]  # type: ignore[valid-type]
    page_starts: list[PageStartPublic]
    sentences: list[SentencePublic]  # type: ignore[valid-type]
    window: TextWindow


DatePublic = public_model("DatePublic", DateMention)
MentionPublic = public_model(
    "MentionPublic",
    EntityMention,
    leave_out=("entity_key", "surface"),
    entity=(str | None, ...),  # the entity's id
    name=(str | None, ...),  # the entity's canonical name
)


MarkerPublic = public_model("MarkerPublic", Marker, leave_out=("sentence",))


class CitationRef(Record):
    source: str | None
    locator: str | None
    raw: str


class AnnotatedFootnote(Record):
    number: int
    text: str
    page: int
    citations: list[CitationRef]
    ocr_confidence: float | None = None  # read by OCR: its words' mean confidence, 0..1


class AnnotationsPublic(Record):
    dates: list[DatePublic]  # type: ignore[valid-type]
    mentions: list[MentionPublic]  # type: ignore[valid-type]
    markers: list[MarkerPublic]  # type: ignore[valid-type]
    footnotes: list[AnnotatedFootnote]
    window: TextWindow


class FootnotePublic(Record):
    number: int
    text: str
    sentence: str | None
    page: int
    ocr_confidence: float | None = None  # read by OCR: its words' mean confidence, 0..1


class UploadResult(Record):
    id: str
    name: str = Field(description="the file's name as uploaded (its last part)")
    path: str = Field(description="the name it is kept under in the upload area (never a server path)")
    stored: bool = Field(description="false when the same bytes were stored before, under any name")
    warnings: list[str] = Field(default_factory=list, description="what reading changed (stray NULs…)")


# ---------------------------------------------------------------- events, entities, sources


class EventPublic(Record):
    id: str
    document: str
    date: str
    start: str
    end: str
    text: str
    sentence: str
    actors: list[str]
    places: list[str]
    footnotes: list[int]
    year_from: str
    modifier: str
    extent: str
    calendar: str
    original: str | None
    # what happened: the predicate as written, its kind, a headline; role -> names and entity keys
    predicate: str
    kind: str
    headline: str
    roles: dict[str, list[str]]
    role_keys: dict[str, list[str]]
    dateline: bool


class EventsPublic(Record):
    data: list[EventPublic]
    count: int


# an entity's canonical name, aliases, identifiers and coordinates, with how often the texts mention it
EntityPublic = public_model("EntityPublic", Entity, leave_out=("key", "start", "end"), id=(str, ...))


class EntitiesPublic(Record):
    data: list[EntityPublic]  # type: ignore[valid-type]
    count: int


class EntityMentionPublic(Record):
    document: str
    start: int
    end: int
    footnote: int | None
    text: str
    sentence: str | None


class EntityMentionsPublic(Record):
    data: list[EntityMentionPublic]
    count: int


class CitedIn(Record):
    document: str
    footnote: int
    locator: str | None


SourcePublic = public_model(
    "SourcePublic",
    Source,
    leave_out=("key",),
    id=(str, ...),
    cited_in=(list[CitedIn], ...),
    document=(str | None, None),  # the ingested document this work is, when it is one
)


class SourcesPublic(Record):
    data: list[SourcePublic]  # type: ignore[valid-type]
    count: int


class CitedInDetail(CitedIn):
    page: int
    citation: str
    footnote_text: str


SourceDetail = public_model(
    "SourceDetail", Source, leave_out=("key",), id=(str, ...), cited_in=(list[CitedInDetail], ...)
)


class OtherEntity(Record):
    id: str
    type: str
    name: str
    mentions: int


EntityDetail = public_model(
    "EntityDetail",
    Entity,
    leave_out=("key", "mentions"),
    id=(str, ...),
    mentions=(list[EntityMentionPublic], ...),  # the first ENTITY_MENTIONS of them
    mentions_count=(int, ...),
    events=(list[EventPublic], ...),  # the first in time, at most queries.ENTITY_EVENTS of them
    events_count=(int, ...),  # how many events it takes part in
    sources=(list[SourcePublic], ...),  # type: ignore[valid-type]
    # asked for by a name several entities have: the others, most mentioned first (empty by id)
    others=(list[OtherEntity], []),
)


# ---------------------------------------------------------------- search, findings, maps


class SearchHit(Record):
    kind: str
    document: str | None
    text: str
    start: int | None
    end: int | None
    footnote: int | None
    id: str
    score: float


class SearchHits(Record):
    data: list[SearchHit]
    count: int


class EvidencePublic(Record):
    document: str
    text: str
    start: int
    end: int
    footnote: int | None = None


class FindingPublic(Record):
    id: str
    kind: str
    message: str
    severity: str = Field(description="error, warning or note: how sure the finding is")
    evidence: list[EvidencePublic]
    reviewed: bool


class FindingsPublic(Record):
    data: list[FindingPublic]
    count: int


class NetworkNode(Record):
    id: str
    name: str
    type: str
    events: int


class NetworkEdge(Record):
    source: str
    target: str
    weight: int
    events: list[str]


class NetworkPublic(Record):
    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class PlacePublic(Record):
    id: str
    name: str
    lat: float
    lon: float
    mentions: int
    events: list[str]  # the first events set there, at most queries.PLACE_EVENTS of them
    events_count: int


class PlacesPublic(Record):
    data: list[PlacePublic]
    count: int


# ---------------------------------------------------------------- edits


class EditPublic(Record):
    id: int
    at: str
    token: str
    action: str
    target: str
    before: dict[str, Any]
    after: dict[str, Any]
    undone: bool
    undone_at: str | None
    undone_by: str | None


class EditsPublic(Record):
    data: list[EditPublic]
    count: int


class MergeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    into: Text(200)  # type: ignore[valid-type]
    merge: list[Text(200)] = Field(min_length=1, max_length=100)  # type: ignore[valid-type]


class RenameRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: Text(300)  # type: ignore[valid-type]


class DateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    date: Text(64) = Field(description="an EDTF date, e.g. 1920-04-23, 1920-04, 1919-07/1919-08")  # type: ignore[valid-type]


class ReviewRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reviewed: bool = True


# ---------------------------------------------------------------- errors


class ErrorAnswer(Record):
    """Every answer that refuses a request: one line saying what is wrong."""

    detail: str


class ValidationProblem(Record):
    """One part of a request that does not have the shape or value the operation takes."""

    loc: list[str | int] = Field(description='where it stands, e.g. ["query", "limit"] or ["body", "name"]')
    msg: str
    type: str


class ValidationErrorAnswer(ErrorAnswer):
    """A 422: the line, and each problem by where it stands (empty when the values were refused as a whole,
    e.g. a date that is no EDTF date or an upload that cannot be read)."""

    errors: list[ValidationProblem]
