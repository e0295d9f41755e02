"""The knowledge base as CSV tables joined by ids, described by a Frictionless Data Package.

Tables: documents, entities, aliases, mentions, events, event_roles, sources (the works), citations,
footnotes. Every reference from one table to another is an id (an entity is named by its key, never by its
name: names are ambiguous, "İslâm" is forty entities), and `datapackage.json` declares each table's columns
with their types, its primary key and its foreign keys (Frictionless Table Schema), so that pandas, R or
`frictionless validate` read the set as one database. Each table is declared once (`TABLES`): its CSV
columns and its schema are both derived from the declaration. Written into a folder or a .zip file.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vakanuvis.errors import BadOption
from vakanuvis.export.csl_json import source_to_csl
from vakanuvis.export.snapshot import Snapshot, known_day, role_members
from vakanuvis.model import EVENT_ROLES


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, number, date
    description: str
    required: bool = False


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    table: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[Snapshot], Iterable[dict[str, Any]]]
    foreign_keys: tuple[ForeignKey, ...] = field(default_factory=tuple)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


def _blank(value: Any) -> Any:
    return "" if value is None else value


def _documents(snapshot: Snapshot) -> Iterable[dict[str, Any]]:
    for d in snapshot.documents:
        yield {
            "id": d.id,
            "title": d.title,
            "path": d.path,
            "language": d.language,
            "pages": d.pages,
            "type": d.type,
            "date": _blank(d.date),
            "authors": "; ".join(d.authors),
            "place": _blank(d.place),
            "source": _blank(d.source),
            "url": _blank(d.url),
        }


def _entities(snapshot: Snapshot) -> Iterable[dict[str, Any]]:
    for e in snapshot.entities.values():
        yield {
            "id": e.key,
            "type": e.type,
            "name": e.name,
            "aliases": "; ".join(e.aliases),
            "wikidata": _blank(e.wikidata),
            "lat": _blank(e.lat),
            "lon": _blank(e.lon),
        }


def _aliases(snapshot: Snapshot) -> Iterable[dict[str, Any]]:
    for e in snapshot.entities.values():
        for alias in dict.fromkeys(e.aliases):
            yield {"entity": e.key, "alias": alias}


def footnote_id(document: str, number: int) -> str:
    """A footnote's id in the tables: one column to join on, empty where a span is in the body."""
    return f"{document}-f{number}"


def _footnote_columns(footnotes: set[tuple[str, int]], document: str, number: int | None) -> dict[str, Any]:
    if number is None or (document, number) not in footnotes:
        return {"footnote": "", "footnote_number": ""}
    return {"footnote": footnote_id(document, number), "footnote_number": number}


def _footnote_keys(snapshot: Snapshot) -> set[tuple[str, int]]:
    return {(d.id, n.number) for d in snapshot.documents for n in d.footnotes}


def _mentions(snapshot: Snapshot) -> Iterable[dict[str, Any]]:
    footnotes = _footnote_keys(snapshot)
    for d in snapshot.documents:
        for n, m in enumerate(d.mentions):
            yield {
                "id": f"{d.id}-m{n}",
                "document": d.id,
                "entity": m.entity_key if m.entity_key in snapshot.entities else "",
                "type": m.type,
                "text": m.text,
                "surface": m.surface,
                "start": m.span.start,
                "end": m.span.end,
                **_footnote_columns(footnotes, d.id, m.span.footnote),
            }


def _events(snapshot: Snapshot) -> Iterable[dict[str, Any]]:
    for event in snapshot.events:
        yield {
            **{k: event[k] for k in ("id", "document", "date", "text", "sentence")},
            "start": known_day(event["start"]) or "",
            "end": known_day(event["end"]) or "",
            **{k: event.get(k) or "" for k in ("headline", "predicate", "kind")},
            "footnotes": " ".join(str(n) for n in event["footnotes"]),
        }


def _event_roles(snapshot: Snapshot) -> Iterable[dict[str, Any]]:
    for event in snapshot.events:
        for role in EVENT_ROLES:
            members = dict(role_members(event, role))  # an entity named twice in one role is in it once
            for key, name in members.items():
                if key in snapshot.entities:
                    yield {"event": event["id"], "role": role, "entity": key, "name": name}


def _sources(snapshot: Snapshot) -> Iterable[dict[str, Any]]:
    for s in snapshot.sources.values():
        item = source_to_csl(s)  # where the work stands: its journal, collection, paper or archive
        yield {
            "id": s.key,
            "type": s.type,
            "authors": "; ".join(s.authors),
            "title": _blank(s.title),
            "title_latin": _blank(s.title_latin),
            "container": item.get("container-title", ""),
            "volume": item.get("volume", ""),
            "issue": item.get("issue", ""),
            "publisher": item.get("publisher", ""),
            "place": _blank(s.place),
            "year": _blank(s.year),
            "archive": item.get("archive", "") if s.type == "archive" else "",
            "archive_location": item.get("archive_location", ""),
            "document": snapshot.cited_documents.get(s.key, "")
            if snapshot.cited_documents.get(s.key) in {d.id for d in snapshot.documents}
            else "",
        }


def _citations(snapshot: Snapshot) -> Iterable[dict[str, Any]]:
    footnotes = _footnote_keys(snapshot)
    for d in snapshot.documents:
        for n, c in enumerate(d.citations):
            yield {
                "id": f"{d.id}-c{n}",
                "document": d.id,
                **_footnote_columns(footnotes, d.id, c.footnote),
                "source": c.source_key if c.source_key in snapshot.sources else "",
                "locator": _blank(c.locator),
                "raw": c.raw,
                "archive": json.dumps(c.archive, ensure_ascii=False) if c.archive else "",
            }


def _footnotes(snapshot: Snapshot) -> Iterable[dict[str, Any]]:
    for d in snapshot.documents:
        for n in d.footnotes:
            yield {
                "id": footnote_id(d.id, n.number),
                "document": d.id,
                "number": n.number,
                "page": n.page,
                "text": n.text,
            }


def _text(name: str, description: str, required: bool = False) -> Column:
    return Column(name, "string", description, required)


DOCUMENT = ForeignKey(("document",), "documents", ("id",))
ENTITY = ForeignKey(("entity",), "entities", ("id",))
FOOTNOTE = ForeignKey(("footnote",), "footnotes", ("id",))

TABLES: tuple[Table, ...] = (
    Table(
        "documents",
        "The documents ingested: articles, telegrams, letters, reports.",
        (
            _text("id", "The document's id, as `vakanuvis ingest` printed it", True),
            _text("title", "Its title"),
            _text("path", "The file it was read from"),
            _text("language", "ISO 639-1 code of its language"),
            Column("pages", "integer", "Number of pages"),
            _text("type", "article, speech, telegram, letter, report, decree, newspaper, memoir, …"),
            _text("date", "The document's own date, EDTF"),
            _text("authors", "Its authors, separated by '; '"),
            _text("place", "Where it was written"),
            _text("source", "Where the copy came from (an archive, an edition)"),
            _text("url", "Where it is online"),
        ),
        ("id",),
        _documents,
    ),
    Table(
        "entities",
        "People, places, organizations, treaties and meetings, one row each however they were spelled.",
        (
            _text("id", "The entity's key: a Wikidata id where known, else the project's own", True),
            _text("type", "person, place, organization, treaty or meeting", True),
            _text("name", "Canonical name"),
            _text("aliases", "Every form seen, separated by '; ' (one row each in aliases.csv)"),
            _text("wikidata", "Wikidata Q-id"),
            Column("lat", "number", "Latitude (places)"),
            Column("lon", "number", "Longitude (places)"),
        ),
        ("id",),
        _entities,
    ),
    Table(
        "aliases",
        "Each form an entity was written in, suffixes removed.",
        (_text("entity", "The entity", True), _text("alias", "One form of its name", True)),
        ("entity", "alias"),
        _aliases,
        (ENTITY,),
    ),
    Table(
        "mentions",
        "Each place a document names an entity: a span of the cleaned text, or of one footnote.",
        (
            _text("id", "The mention's id", True),
            _text("document", "The document", True),
            _text("entity", "The entity it names (empty when it was not resolved)"),
            _text("type", "person, place, organization, treaty or meeting"),
            _text("text", "As written, suffix included"),
            _text("surface", "Suffix removed"),
            Column("start", "integer", "Start offset in the cleaned text (or in the footnote's text)"),
            Column("end", "integer", "End offset"),
            _text("footnote", "The footnote it stands in (its id); empty in the body"),
            Column("footnote_number", "integer", "That footnote's number"),
        ),
        ("id",),
        _mentions,
        (DOCUMENT, ENTITY, FOOTNOTE),
    ),
    Table(
        "events",
        "Dated events, in chronological order.",
        (
            _text("id", "The event's id", True),
            _text("document", "The document that tells it", True),
            _text("date", "The date, EDTF"),
            _text("text", "The date expression as written"),
            _text("sentence", "The sentence"),
            Column("start", "date", "First possible day; empty for an open start or an unknown year"),
            Column("end", "date", "Last possible day; empty for an open end or an unknown year"),
            _text("headline", "What happened, in a short line of the document's language"),
            _text("predicate", "The verb as written"),
            _text("kind", "What kind of happening: sign, open, take, …"),
            _text("footnotes", "Numbers of the footnotes of the sentence, separated by spaces"),
        ),
        ("id",),
        _events,
        (DOCUMENT,),
    ),
    Table(
        "event_roles",
        "Who or what takes part in an event, and how: agent, patient, recipient, place, instrument,"
        " intermediary (through whom).",
        (
            _text("event", "The event", True),
            _text("role", "agent, patient, recipient, place, instrument or intermediary", True),
            _text("entity", "The entity in that role", True),
            _text("name", "Its canonical name, for reading"),
        ),
        ("event", "role", "entity"),
        _event_roles,
        (ForeignKey(("event",), "events", ("id",)), ENTITY),
    ),
    Table(
        "sources",
        "The works cited, one row per work however its citations were spelled.",
        (
            _text("id", "The work's key", True),
            _text("type", "book, article, archive, newspaper or collection"),
            _text("authors", "Authors, separated by '; '"),
            _text("title", "Title in its own script"),
            _text("title_latin", "Title in Latin script"),
            _text("container", "The journal, collection or newspaper it stands in"),
            _text("volume", "The volume of the journal or collection"),
            _text("issue", "The journal's issue"),
            _text("publisher", "Publisher"),
            _text("place", "Place of publication"),
            Column("year", "integer", "Year of publication"),
            _text("archive", "The archive holding it (an archival document)"),
            _text("archive_location", "Its place in the archive: fond, inventory, file"),
            _text("document", "The document in this export that is this work, if any"),
        ),
        ("id",),
        _sources,
        (DOCUMENT,),
    ),
    Table(
        "citations",
        "Each citation of a work in a document's footnotes.",
        (
            _text("id", "The citation's id", True),
            _text("document", "The citing document", True),
            _text("footnote", "The footnote it stands in (its id)"),
            Column("footnote_number", "integer", "That footnote's number"),
            _text("source", "The work cited"),
            _text("locator", "Page or folio as written: s. 19, стр. 675, v.17-21"),
            _text("raw", "The citation as written"),
            _text("archive", "An archival reference's parts (archive, fond, opis, delo, folios), JSON"),
        ),
        ("id",),
        _citations,
        (DOCUMENT, FOOTNOTE, ForeignKey(("source",), "sources", ("id",))),
    ),
    Table(
        "footnotes",
        "The footnotes, continuations joined.",
        (
            _text("id", "The footnote's id", True),
            _text("document", "The document", True),
            Column("number", "integer", "The footnote's number", True),
            Column("page", "integer", "The page it starts on"),
            _text("text", "The whole footnote"),
        ),
        ("id",),
        _footnotes,
        (DOCUMENT,),
    ),
)


def csv_tables(snapshot: Snapshot) -> dict[str, list[dict]]:
    """The rows of each table, by file name."""
    return {table.path: list(table.rows(snapshot)) for table in TABLES}


def table_schema(table: Table) -> dict[str, Any]:
    """The Frictionless Table Schema of one table."""
    fields = []
    for column in table.columns:
        declared: dict[str, Any] = {
            "name": column.name,
            "type": column.type,
            "description": column.description,
        }
        if column.required or column.name in table.primary_key:
            declared["constraints"] = {"required": True}
        fields.append(declared)
    schema: dict[str, Any] = {"fields": fields, "missingValues": [""], "primaryKey": list(table.primary_key)}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(key.fields), "reference": {"resource": key.table, "fields": list(key.reference)}}
            for key in table.foreign_keys
        ]
    return schema


def data_package() -> dict[str, Any]:
    """datapackage.json: every table, its columns, types and keys."""
    return {
        "profile": "tabular-data-package",
        "name": "vakanuvis-knowledge-base",
        "title": "A vakanuvis knowledge base: documents, entities, events and the works they cite",
        "resources": [
            {
                "name": table.name,
                "path": table.path,
                "profile": "tabular-data-resource",
                "description": table.description,
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": table_schema(table),
            }
            for table in TABLES
        ],
    }


def _csv_text(table: Table, rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=[column.name for column in table.columns], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def check_csv_target(path: Path) -> None:
    """The tables go into a folder or a .zip: a name like "all.csv" is refused rather than made a folder."""
    if path.suffix.lower() == ".zip" or path.is_dir():
        return
    if path.exists():
        raise BadOption(f"cannot write the CSV tables into {path}: it is a file; give a folder or a .zip")
    if path.suffix:
        raise BadOption(
            f"--format csv writes several tables: give -o a folder (e.g. {path.with_suffix('')}) "
            f"or a .zip file, not {path.name}"
        )


def write_csv_tables(snapshot: Snapshot, path: Path) -> None:
    """Write every table and datapackage.json into the folder `path`, or into a zip file when `path` ends
    in .zip."""
    check_csv_target(path)
    files = {table.path: _csv_text(table, list(table.rows(snapshot))) for table in TABLES}
    files["datapackage.json"] = json.dumps(data_package(), ensure_ascii=False, indent=2) + "\n"
    if path.suffix.lower() == ".zip":
        temporary = path.with_name(path.name + ".part")
        with zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in files.items():
                archive.writestr(name, content)
        temporary.replace(path)
        return
    path.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (path / name).write_text(content, encoding="utf-8")
