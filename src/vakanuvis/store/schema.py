"""The tables of the knowledge base (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Per-document tables are keyed by `document_id` and replaced whole when a document is re-analysed;
`entities` and `sources` are corpus-wide and rebuilt by resolution.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from vakanuvis.fields import flat_fields
from vakanuvis.model import (
    Block,
    DateMention,
    Document,
    Entity,
    EntityMention,
    Footnote,
    Furniture,
    Marker,
    Sentence,
    Source,
)

metadata = MetaData()

SQL_TYPES = {int: Integer, float: Float, bool: Boolean, date: Date, str: Text, list: JSON, dict: JSON}


def _document_fk() -> Column:
    return Column("document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)


def record_columns(
    record_type: type,
    *,
    span_footnote: bool = True,
    lengths: dict[str, int] | None = None,
    primary: tuple[str, ...] = (),
    unique: tuple[str, ...] = (),
    indexed: tuple[str, ...] = (),
    leave_out: tuple[str, ...] = (),
) -> list[Column]:
    """A column for each flat field of a record of the data model (`fields.flat_fields`): its type from
    the field's, String(n) where `lengths` gives n, NULL allowed where the field allows None."""
    lengths = lengths or {}
    return [
        Column(
            field.name,
            String(lengths[field.name]) if field.name in lengths else SQL_TYPES[field.type](),
            primary_key=field.name in primary,
            nullable=field.optional,
            unique=field.name in unique or None,
            index=field.name in indexed or None,
        )
        for field in flat_fields(record_type, span_footnote=span_footnote)
        if field.name not in leave_out
    ]


def _per_document(name: str, record_type: type, *extra, key: str | None = "idx", **options) -> Table:
    """The table of one kind of a document's records: its document, its index in the document (`key`),
    its record's columns, then `extra` columns and indexes."""
    keys = [Column(key, Integer, primary_key=True)] if key else []
    return Table(name, metadata, _document_fk(), *keys, *record_columns(record_type, **options), *extra)


documents = Table(
    "documents",
    metadata,
    *record_columns(
        Document,
        lengths={"id": 64, "sha256": 64, "language": 8, "encoding": 32},
        primary=("id",),
        unique=("sha256",),
    ),
    Column("ingested_at", String(32), nullable=False),
)

blocks = _per_document(
    "blocks",
    Block,
    Index("ix_blocks_document_start", "document_id", "start"),
    span_footnote=False,
    lengths={"kind": 16},
)

page_starts = Table(
    "page_starts",
    metadata,
    _document_fk(),
    Column("page", Integer, primary_key=True),
    Column("offset", Integer, nullable=False),
)

sentences = _per_document(
    "sentences",
    Sentence,
    Column("text", Text, nullable=False),  # the sentence's words, for search and for answers
    Index("ix_sentences_document_start", "document_id", "start"),  # the sentence holding an offset
    span_footnote=False,
)

markers = _per_document("markers", Marker, Index("ix_markers_document_offset", "document_id", "offset"))

footnotes = _per_document("footnotes", Footnote, key=None, primary=("number",))

furniture = _per_document("furniture", Furniture, lengths={"reason": 32})

dates = _per_document(
    "dates",
    DateMention,
    Index("ix_dates_document_start", "document_id", "start"),
    lengths={"edtf": 64, "calendar": 16, "role": 16},
)

mentions = _per_document(
    "mentions",
    EntityMention,
    # its node in the graph of names (worked out when stored; resolution keeps it right)
    Column("name_key", Text, nullable=False, default="", index=True),
    Index("ix_mentions_document_start", "document_id", "start"),  # a sentence's mentions, by one seek
    lengths={"type": 16, "entity_key": 200},
    indexed=("entity_key",),
)

citations = Table(
    "citations",
    metadata,
    _document_fk(),
    Column("idx", Integer, primary_key=True),
    Column("footnote", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("raw", Text, nullable=False),
    Column("fields", JSON, nullable=False),
    Column("source_key", String(200), nullable=False, index=True),
    # its node in the graph of works (worked out when stored; resolution keeps it right)
    Column("name_key", String(64), nullable=False, default="", index=True),
)

events = Table(
    "events",
    metadata,
    _document_fk(),
    Column("idx", Integer, primary_key=True),
    Column("date_idx", Integer, nullable=False),
    Column("sentence", Integer, nullable=False),
    Column("edtf", String(64), nullable=False),
    Column("earliest", Date, nullable=False),
    Column("latest", Date, nullable=False),
    Column("text", Text, nullable=False),
    Column("footnotes", JSON, nullable=False),
    # what happened: the predicate as written, its kind, a headline, and role -> mention indices
    Column("predicate", Text, nullable=False, default=""),
    Column("kind", String(16), nullable=False, default="", index=True),
    Column("headline", Text, nullable=False, default=""),
    Column("roles", JSON, nullable=False, default=dict),
    Column("dateline", Boolean, nullable=False, default=False),
    # events of a period in date order by one index (its end checked in the index, not the table)
    Index("ix_events_period", "earliest", "latest"),
)

# who and what took part in each event, one row per (event, role, mention): what the events of an entity,
# an actor or a place are found by, in SQL (the mention gives the entity, as resolution keeps it)
event_roles = Table(
    "event_roles",
    metadata,
    _document_fk(),
    Column("event_idx", Integer, primary_key=True),
    Column("role", String(16), primary_key=True),
    Column("mention_idx", Integer, primary_key=True),
    # an entity's events from its mentions by the index alone (it holds the event and the role too)
    Index("ix_event_roles_by_mention", "document_id", "mention_idx", "event_idx", "role"),
)

entities = Table(
    "entities",
    metadata,
    *record_columns(
        Entity,
        lengths={"key": 200, "type": 16, "wikidata": 32, "start": 32, "end": 32},
        primary=("key",),
        leave_out=("mentions",),  # counted from the mentions when asked
    ),
)

sources = Table(
    "sources",
    metadata,
    *record_columns(Source, lengths={"key": 200, "type": 16}, primary=("key",)),
)

# ---------------------------------------------------------------- search and edits (migration 0002)

search_entries = Table(
    "search_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),  # "sentence" | "footnote" | "source" | "entity"
    Column(
        "document_id", String(64), ForeignKey("documents.id", ondelete="CASCADE"), nullable=True, index=True
    ),
    Column(
        "ref", String(200), nullable=False, index=True
    ),  # the hit's id: sentence/footnote id, entity or source key
    Column("start", Integer, nullable=True),
    Column("end", Integer, nullable=True),
    Column("footnote", Integer, nullable=True),
    Column("text", Text, nullable=False),
    Column("terms", Text, nullable=False),  # folded words and stems; FTS5 / tsvector index this
)

edits = Table(
    "edits",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", String(32), nullable=False),
    Column("token_name", String(100), nullable=False),
    Column(
        "action", String(32), nullable=False
    ),  # "merge-entities" | "rename-entity" | "date-event" | "review-finding"
    Column("target", String(400), nullable=False),  # entity key, "<document>-e<idx>", finding id
    Column("before", JSON, nullable=False),
    Column("after", JSON, nullable=False),
    Column("undone_at", String(32), nullable=True),
    Column("undone_by", String(100), nullable=True),
)


# ---------------------------------------------------------------- incremental resolution (migration 0003)
# The graphs behind entities and works (resolve.name_graph, resolve.work_graph), kept so that each ingest
# resolves only what its documents touch. A node's `cluster` is its connected part of the graph; a new
# document re-resolves the clusters its nodes and links reach, never the whole corpus.

resolution_state = Table(  # what the stored graphs were resolved with ("fingerprint": rules and authority)
    "resolution_state",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

pending_resolution = Table(  # documents stored but not yet resolved
    "pending_resolution",
    metadata,
    Column("document_id", String(64), primary_key=True),
)

entity_names = Table(
    "entity_names",
    metadata,
    Column("key", String(400), primary_key=True),
    Column("block", String(200), nullable=False, index=True),
    Column("surfaces", JSON, nullable=False),  # {surface form: how many mentions}
    Column("cluster", String(400), nullable=False, index=True),
    Column("entity_key", String(200), nullable=False, index=True),
)

entity_links = Table(
    "entity_links",
    metadata,
    Column("kind", Integer, primary_key=True),
    Column("a", String(400), primary_key=True),
    Column("b", String(400), primary_key=True, index=True),
    Column("document_id", String(64), primary_key=True, index=True),  # "" for a link of the whole corpus
)

document_names = Table(  # what each document contributed, to take it back when the document is replaced
    "document_names",
    metadata,
    Column("document_id", String(64), primary_key=True),
    Column("name_key", String(400), primary_key=True),
    Column("surface", Text, primary_key=True),
    Column("count", Integer, nullable=False),
)

work_names = Table(
    "work_names",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("node", JSON, nullable=False),  # the comparison keys of this way of writing a work
    Column("citations", Integer, nullable=False),
    Column("digest", JSON, nullable=False),  # what its work needs from its citations (resolve.work_digest)
    Column("cluster", String(64), nullable=False, index=True),
    Column("source_key", String(200), nullable=False, index=True),
)

work_block_groups = Table(  # the groups of each block: nodes of one kind, surname and title (work_graph)
    "work_block_groups",
    metadata,
    Column("block", String(400), primary_key=True),
    Column("signature", String(24), primary_key=True),
    Column("surname", Text, nullable=False),  # compared once for the whole group
    Column("title", Text, nullable=False),
    Column("main_title", Text, nullable=False, server_default=""),  # the title before its subtitle
    Column("members", Integer, nullable=False),  # nodes of the group in this block; the group goes at 0
)

work_blocks = Table(  # the nodes of each group of a block, read only for the groups a new node matches
    "work_blocks",
    metadata,
    Column("block", String(400), primary_key=True),
    Column("signature", String(24), primary_key=True),
    Column("key", String(64), primary_key=True, index=True),
    Column("hard", JSON, nullable=False),  # fields that must not differ, checked before a node is read
)

work_links = Table(
    "work_links",
    metadata,
    Column("a", String(64), primary_key=True),
    Column("b", String(64), primary_key=True, index=True),
    Column("score", Float, nullable=False),
)

document_works = Table(
    "document_works",
    metadata,
    Column("document_id", String(64), primary_key=True),
    Column("name_key", String(64), primary_key=True),
    Column("count", Integer, nullable=False),
)

# ---------------------------------------------------------------- checks kept (migration 0012)

document_findings = Table(  # each document's findings, kept for the digest of what its checks read
    "document_findings",
    metadata,
    _document_fk(),
    Column("inputs", String(64), nullable=False),  # check.incremental: a digest of what the checks read
    Column("findings", JSON, nullable=False),  # the per-document checks' finding records, in order
    Column("occurrences", JSON, nullable=False),  # what the cross-document checks read of the document
)
# what store.findings reads of every document, from the index alone
Index("ix_mentions_document_keys", mentions.c.document_id, mentions.c.idx, mentions.c.entity_key)
Index("ix_citations_document_keys", citations.c.document_id, citations.c.idx, citations.c.source_key)

# ---------------------------------------------------------------- content version (migration 0014)
# One row whose number the database's own triggers raise on every write to what `content_state` reads (the
# documents, the resolution's state and what waits for it, the edits but a finding's review): networks,
# maps and encoded answers are kept for a number, read in one seek instead of every document row.
content_version = Table(
    "content_version",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("n", Integer, nullable=False),
)
