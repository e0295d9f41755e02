"""The checks' findings kept per document (`document_findings`), and the compact rows their inputs are
known by: what may change in a stored document after it was stored (the entity and work keys resolution
and merges give its mentions and citations, the dates edits correct), read for every document without
reading any document back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, delete, insert, select
from sqlalchemy.exc import IntegrityError

from vakanuvis.store import schema
from vakanuvis.store.edits import DATE, parse_event_id
from vakanuvis.store.rows import chunks


@dataclass
class StoredInputs:
    """One document's rows that its checks' inputs are known by."""

    stored: tuple[str, str]  # its content hash and when it was stored: a new version is a new document
    mentions: list[tuple[str, str, str]] = field(default_factory=list)  # (entity key, type, surface)
    source_keys: list[str] = field(default_factory=list)  # of its citations, in order
    date_edits: list[tuple[int, Any]] = field(default_factory=list)  # (edit id, date given) in force


@dataclass
class KeptFindings:
    inputs: str  # the digest of the inputs they were found with
    findings: list[dict[str, Any]]
    occurrences: list[dict[str, Any]]


def stored_inputs(engine: Engine) -> dict[str, StoredInputs]:
    """Every stored document's `StoredInputs`, by id (in the order of the ids)."""
    d, m, c, e = schema.documents, schema.mentions, schema.citations, schema.edits
    with engine.connect() as connection:
        found = {
            row.id: StoredInputs((row.sha256, row.ingested_at))
            for row in connection.execute(select(d.c.id, d.c.sha256, d.c.ingested_at).order_by(d.c.id))
        }
        mentions = select(m.c.document_id, m.c.entity_key, m.c.type, m.c.surface)
        for row in connection.execute(mentions.order_by(m.c.document_id, m.c.idx)):
            if row.document_id in found:
                found[row.document_id].mentions.append((row.entity_key, row.type, row.surface))
        citations = select(c.c.document_id, c.c.source_key)
        for cited in connection.execute(citations.order_by(c.c.document_id, c.c.idx)):
            if cited.document_id in found:
                found[cited.document_id].source_keys.append(cited.source_key)
        corrected = select(e.c.id, e.c.target, e.c.after).where(e.c.action == DATE, e.c.undone_at.is_(None))
        for edit in connection.execute(corrected.order_by(e.c.id)):
            document_id, _ = parse_event_id(edit.target)
            if document_id in found:
                found[document_id].date_edits.append((edit.id, edit.after))
    return found


def kept_inputs(engine: Engine) -> dict[str, str]:
    """The digest each document's kept findings were found with."""
    f = schema.document_findings
    with engine.connect() as connection:
        return {
            row.document_id: row.inputs for row in connection.execute(select(f.c.document_id, f.c.inputs))
        }


def kept_findings(engine: Engine, document_ids: Iterable[str]) -> dict[str, KeptFindings]:
    f = schema.document_findings
    found = {}
    with engine.connect() as connection:
        for chunk in chunks(list(document_ids)):
            for row in connection.execute(select(f).where(f.c.document_id.in_(chunk))):
                found[row.document_id] = KeptFindings(row.inputs, row.findings, row.occurrences)
    return found


def keep_findings(engine: Engine, kept: dict[str, KeptFindings]) -> None:
    """Keep these documents' findings in place of what was kept for them (but for a document deleted
    meanwhile: its findings went with it). What is kept is only ever a saving: when another process keeps
    the same documents' findings at the same time, one of them keeps them."""
    if not kept:
        return
    f, d = schema.document_findings, schema.documents
    try:
        with engine.begin() as connection:
            for chunk in chunks(kept):
                present = set(connection.execute(select(d.c.id).where(d.c.id.in_(chunk))).scalars())
                connection.execute(delete(f).where(f.c.document_id.in_(chunk)))
                rows = [
                    {
                        "document_id": each,
                        "inputs": kept[each].inputs,
                        "findings": kept[each].findings,
                        "occurrences": kept[each].occurrences,
                    }
                    for each in chunk
                    if each in present
                ]
                if rows:
                    connection.execute(insert(f), rows)
    except IntegrityError:
        pass  # kept meanwhile by another process, or its document deleted
