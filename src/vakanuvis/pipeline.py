"""The ordered stages that turn one read file into an analysed document."""

from __future__ import annotations

from typing import Any

from vakanuvis.annotate.citations import parse_citations
from vakanuvis.annotate.dates import tag_dates
from vakanuvis.annotate.entities import find_mentions
from vakanuvis.annotate.events import build_events
from vakanuvis.annotate.metadata import detect_metadata
from vakanuvis.model import Document, RawDocument
from vakanuvis.structure import recover_structure

DOCUMENT_ID_LENGTH = 16
GIVEN_FIELDS = ("date", "title", "authors", "type", "place", "language", "source", "url", "extra")


def document_id_for(raw: RawDocument) -> str:
    """A stable id from the file's bytes: the same content always gets the same id."""
    return raw.sha256[:DOCUMENT_ID_LENGTH]


def set_given_metadata(document: Document, given: dict[str, Any]) -> None:
    """The fields a user gave (already checked by the caller), each marked "given" in `origins`."""
    for name in GIVEN_FIELDS:
        if name in given and given[name] is not None:
            setattr(document, name, given[name])
            document.origins[name] = "given"


def analyse(raw: RawDocument, given: dict[str, Any] | None = None) -> Document:
    """Structure; the metadata a user gave (`given`: date, title, authors, type, place, language, source,
    url, extra, already checked), then what the document's own lines state (its dateline, its signature);
    then each annotator on the zones it needs, the dates with the document's date as their reference
    time; events last, as they use the dates and markers."""
    document = recover_structure(raw, document_id_for(raw))
    set_given_metadata(document, given or {})
    detect_metadata(document, raw)
    annotate(document)
    return document


def analyse_like(raw: RawDocument, whole: Document, fields: tuple[str, ...]) -> Document:
    """`raw` (a section of a bigger text) analysed with the metadata `fields` of the `whole` document it
    is part of, rather than with its own: its dates take the whole document's date as reference."""
    document = recover_structure(raw, whole.id)
    for name in fields:
        setattr(document, name, getattr(whole, name))
    document.origins = dict(whole.origins)
    annotate(document)
    return document


def annotate(document: Document) -> None:
    """Each annotator on the zones it needs, in order (see `analyse`)."""
    document.dates = tag_dates(document)
    document.mentions = find_mentions(document)
    document.citations = parse_citations(document)
    document.events = build_events(document)
