"""Full-text search over sentences, footnotes, sources and entities, with Turkish folding and stemming.

Both databases index the same normalized `terms` column: every word Turkish-lowercased, accent-folded
(so "Nahcivan" typed on an English keyboard finds "Nahçıvan"), cut at an apostrophe (so "Nahçıvan’ın"
is indexed as "nahcivan"), plus its Snowball Turkish stem. A query word matches by prefix of its stem
or of itself, so "meselesi" finds "meselesini". SQLite uses FTS5 over that column; PostgreSQL a GIN
index over a tsvector of it, joined with the `turkish` configuration over unaccent(text).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import chain
from typing import Any

import snowballstemmer
from sqlalchemy import Connection, Engine, bindparam, delete, select, text

from vakanuvis.lang.folds import fold_for_search
from vakanuvis.lang.tr.casing import turkish_lower_keeping_dot_above
from vakanuvis.model import Document
from vakanuvis.reference.authority import AuthorityEntry, load_authority, name_key
from vakanuvis.store import schema
from vakanuvis.store.bulk import insert_rows

MAX_QUERY_WORDS = 12
MIN_PREFIX = 3
_WORD = re.compile(r"\w+(?:['’ʼ‘`´]\w+)?")
_APOSTROPHES = re.compile(r"['’ʼ‘`´]")


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("turkish")


@lru_cache(maxsize=65536)
def word_terms(word: str) -> tuple[str, str]:
    """(folded word, folded stem) of one word, its apostrophe suffix dropped."""
    base = _APOSTROPHES.split(word, maxsplit=1)[0]
    lowered = turkish_lower_keeping_dot_above(base)
    stem = _stemmer().stemWord(lowered) if lowered.isalpha() else lowered
    return fold_for_search(lowered), fold_for_search(stem)


def words(text_: str) -> list[str]:
    return _WORD.findall(text_)


def index_terms(text_: str) -> str:
    """The normalized column indexed for `text_`: folded words and their stems, each once."""
    terms = dict.fromkeys(chain.from_iterable(map(word_terms, _WORD.findall(text_))))
    terms.pop("", None)
    return " ".join(terms)


_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def query_prefixes(query: str) -> list[tuple[str, ...]]:
    """For each query word, the terms any of which may match: its stem and itself, as prefixes ("term*").

    A word shorter than MIN_PREFIX letters must match a whole term (no "*"), or "b" would find everything.
    """
    groups: list[tuple[str, ...]] = []
    for word in words(query)[:MAX_QUERY_WORDS]:
        folded, stem = word_terms(word)
        # Only characters the FTS tokenizers keep: quoting stays safe whatever the user typed.
        # A Cyrillic word's name key finds the name written in Latin letters ("Чичерин" → "chicherin").
        keyed = (name_key(word),) if _CYRILLIC.search(word) else ()
        options = {re.sub(r"[^0-9a-z\u00c0-\uffff]", "", t) for t in (folded, stem, *keyed)}
        terms = {t + "*" if len(t) >= MIN_PREFIX else t for t in options if t}
        if terms:
            groups.append(tuple(sorted(terms)))
    return groups


# ---------------------------------------------------------------- indexing


def index_document(connection: Connection, document: Document) -> None:
    """(Re)index one document's sentences and footnotes, inside the transaction that saves it."""
    entries = schema.search_entries
    connection.execute(delete(entries).where(entries.c.document_id == document.id))
    _insert_entries(connection, document_entries(document), document.id)


def document_entries(
    document: Document, first_sentence: int = 0, text_start: int = 0, seen: set[int] | None = None
) -> list[dict[str, Any]]:
    """The entries of a document's sentences and footnotes (a footnote number in `seen` is left out, and
    added to it): of a section of a bigger document, its sentences numbered from `first_sentence` and its
    text starting at `text_start` of the whole."""
    text_ = document.text
    rows = [
        _entry("sentence", document.id, f"{document.id}-s{i}", s.span.start, s.span.end, None, body)
        for i, s in enumerate(document.sentences, start=first_sentence)
        if (body := text_[s.span.start - text_start : s.span.end - text_start]).strip()
    ]
    seen = set() if seen is None else seen
    for note in document.footnotes:
        if note.number in seen or not note.text.strip():
            continue
        seen.add(note.number)
        rows.append(
            _entry(
                "footnote",
                document.id,
                f"{document.id}-fn{note.number}",
                0,
                len(note.text),
                note.number,
                note.text,
            )
        )
    return rows


def index_entries_of(connection: Connection, document_id: str) -> None:
    """Index the entries of a document inserted without it (a big document's, section by section)."""
    _index_inserted(connection, "document_id = :document", {"document": document_id})


def reindex_records(connection: Connection, kind: str, keys: set[str]) -> None:
    """(Re)index the entities or sources (`kind`) with these keys, after resolution or an edit changed them."""
    entries = schema.search_entries
    table = schema.entities if kind == "entity" else schema.sources
    ordered = sorted(keys)
    for start in range(0, len(ordered), 500):
        chunk = ordered[start : start + 500]
        connection.execute(delete(entries).where(entries.c.kind == kind, entries.c.ref.in_(chunk)))
        records = connection.execute(select(table).where(table.c.key.in_(chunk))).all()
        authority = _authority_entries()
        rows = [_record_entry(kind, record, authority) for record in records]
        _insert_entries(connection, rows, None, kind=kind, refs=[row["ref"] for row in rows])


def _record_entry(kind: str, record, authority: dict[str, AuthorityEntry] | None = None) -> dict[str, Any]:
    if kind == "entity":
        names = " · ".join(dict.fromkeys([record.name, *record.aliases]))
        entry = (authority if authority is not None else _authority_entries()).get(record.key)
        # found in every script and spelling: the authority's forms and each form's name key
        forms = list(dict.fromkeys([record.name, *record.aliases, *(entry.forms() if entry else ())]))
        found = _entry("entity", None, record.key, None, None, None, names)
        found["terms"] = index_terms(" ".join([*forms, *(name_key(form) for form in forms)]))
        return found
    parts = [", ".join(record.authors or []), record.title, record.title_latin, record.place]
    described = ". ".join(str(p) for p in parts if p)
    if record.year:
        described += f" ({record.year})"
    return _entry("source", None, record.key, None, None, None, described or record.key)


def index_corpus_records(connection: Connection) -> None:
    """(Re)index the corpus-wide entities and sources, after resolution rewrote them."""
    entries = schema.search_entries
    connection.execute(delete(entries).where(entries.c.kind.in_(("entity", "source"))))
    authority = _authority_entries()
    rows = [
        _record_entry("entity", record, authority) for record in connection.execute(select(schema.entities))
    ]
    rows += [_record_entry("source", record) for record in connection.execute(select(schema.sources))]
    _insert_entries(connection, rows, None)


def index_stored_rows(connection: Connection) -> None:
    """Index everything already stored, from the tables alone (the migration that adds search runs this:
    only the columns that existed then are read)."""
    sentences, footnotes = schema.sentences, schema.footnotes
    connection.execute(delete(schema.search_entries))
    document_ids = connection.execute(select(schema.documents.c.id)).scalars().all()
    for document_id in document_ids:
        rows = [
            _entry("sentence", document_id, f"{document_id}-s{r.idx}", r.start, r.end, None, r.text)
            for r in connection.execute(
                select(sentences.c.idx, sentences.c.start, sentences.c.end, sentences.c.text)
                .where(sentences.c.document_id == document_id)
                .order_by(sentences.c.idx)
            )
            if r.text.strip()
        ]
        rows += [
            _entry("footnote", document_id, f"{document_id}-fn{r.number}", 0, len(r.text), r.number, r.text)
            for r in connection.execute(
                select(footnotes.c.number, footnotes.c.text)
                .where(footnotes.c.document_id == document_id)
                .order_by(footnotes.c.number)
            )
            if r.text.strip()
        ]
        _insert_entries(connection, rows, document_id)
    index_corpus_records(connection)


def _authority_entries() -> dict[str, AuthorityEntry]:
    """The authority's entries by key (an entity resolved to one has its key)."""
    return _entries_by_key(load_authority().fingerprint)


@lru_cache(maxsize=4)
def _entries_by_key(_fingerprint: str) -> dict[str, AuthorityEntry]:
    return {entry.key: entry for entry in load_authority().entries}


def _entry(kind, document_id, ref, start, end, footnote, body) -> dict[str, Any]:
    return {
        "kind": kind,
        "document_id": document_id,
        "ref": ref,
        "start": start,
        "end": end,
        "footnote": footnote,
        "text": body,
        "terms": index_terms(body),
    }


def _insert_entries(
    connection: Connection,
    rows: list[dict[str, Any]],
    document_id: str | None,
    *,
    kind: str | None = None,
    refs: list[str] | None = None,
) -> None:
    """Insert entries, then index those just inserted (a document's, or the records of `kind` with `refs`,
    or every corpus-wide record): on SQLite into the FTS5 table, on PostgreSQL as their vectors.

    SQLite's FTS5 rows are added by one INSERT … SELECT rather than a trigger per row: FTS5 writes out its
    pending terms at every statement of a trigger, which made indexing several times slower."""
    if not rows:
        return
    insert_rows(connection, schema.search_entries, rows)
    params: dict[str, Any]
    if document_id:
        where, params = "document_id = :document", {"document": document_id}
    elif kind and refs is not None:
        where, params = "document_id IS NULL AND kind = :kind AND ref IN :refs", {"kind": kind, "refs": refs}
    else:
        where, params = "document_id IS NULL", {}
    _index_inserted(connection, where, params)


def _index_inserted(connection: Connection, where: str, params: dict[str, Any]) -> None:
    """Index the entries `where` selects: on SQLite into the FTS5 table, on PostgreSQL as their vectors."""
    if connection.dialect.name == "postgresql":
        statement = f"UPDATE search_entries SET vector = {_pg_vector_sql(connection)} WHERE {where}"
    else:
        statement = f"INSERT INTO search_fts(rowid, terms) SELECT id, terms FROM search_entries WHERE {where}"
    query = text(statement)
    if "refs" in params:
        query = query.bindparams(bindparam("refs", expanding=True))
    connection.execute(query, params)


def _pg_vector_sql(connection: Connection) -> str:
    if _has_unaccent(connection):
        return "to_tsvector('simple', terms) || to_tsvector('turkish', unaccent(text))"
    return "to_tsvector('simple', terms) || to_tsvector('turkish', text)"


def _has_unaccent(connection: Connection) -> bool:
    """Whether PostgreSQL's unaccent extension is installed; asked once per pooled connection."""
    info = connection.connection.info
    if "vakanuvis_unaccent" not in info:
        found = connection.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'unaccent'")).first()
        info["vakanuvis_unaccent"] = found is not None
    return bool(info["vakanuvis_unaccent"])


# ---------------------------------------------------------------- searching


def search_knowledge_base(engine: Engine, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Hits {kind, document, text, start, end, footnote, id, score}, best first.

    Hits with every query word come first; then, if fewer than `limit`, hits with some of them.
    """
    groups = query_prefixes(query)
    if not groups or limit <= 0:
        return []
    with engine.connect() as connection:
        search = _search_postgresql if connection.dialect.name == "postgresql" else _search_sqlite
        hits = search(connection, groups, query, True, limit)
        if len(hits) < limit and len(groups) > 1:
            seen = {hit["id"] for hit in hits}
            for hit in search(connection, groups, query, False, limit):
                if hit["id"] not in seen and len(hits) < limit:
                    hit["score"] = round(hit["score"] / 10, 6)  # below every hit with all the words
                    hits.append(hit)
    return hits


# A name or a work that matches is what a reader most likely looks for.
_KIND_WEIGHT = "(CASE kind WHEN 'entity' THEN 2.0 WHEN 'source' THEN 1.5 ELSE 1.0 END)"


def _hit(row) -> dict[str, Any]:
    return {
        "kind": row.kind,
        "document": row.document_id,
        "text": row.text,
        "start": row.start,
        "end": row.end,
        "footnote": row.footnote,
        "id": row.ref,
        "score": round(float(row.score), 6),
    }


def _search_sqlite(connection: Connection, groups, _query: str, every: bool, limit: int) -> list[dict]:
    joiner = " AND " if every else " OR "
    match = joiner.join(
        "(" + " OR ".join(f'"{t.rstrip("*")}"' + ("*" if t.endswith("*") else "") for t in group) + ")"
        for group in groups
    )
    rows = connection.execute(
        text(
            'SELECT e.kind, e.document_id, e.ref, e.start, e."end", e.footnote, e.text,'
            f" -bm25(search_fts) * {_KIND_WEIGHT} AS score"
            " FROM search_fts JOIN search_entries e ON e.id = search_fts.rowid"
            " WHERE search_fts MATCH :match ORDER BY score DESC, e.id LIMIT :limit"
        ),
        {"match": match, "limit": limit},
    ).all()
    return [_hit(row) for row in rows]


def _search_postgresql(connection: Connection, groups, query: str, every: bool, limit: int) -> list[dict]:
    operator = " & " if every else " | "
    tsquery = operator.join(
        "(" + " | ".join(f"'{t.rstrip('*')}'" + (":*" if t.endswith("*") else "") for t in group) + ")"
        for group in groups
    )
    # The `turkish` configuration adds its own stems of the unaccented words (all of them required).
    turkish = "unaccent(:query)" if _has_unaccent(connection) else ":query"
    wanted = "to_tsquery('simple', :tsquery)"
    if every:
        wanted += f" || plainto_tsquery('turkish', {turkish})"
    rows = connection.execute(
        text(
            'SELECT kind, document_id, ref, start, "end", footnote, text, ts_rank(vector, q, 1)'
            f" * {_KIND_WEIGHT} AS score FROM search_entries, (SELECT {wanted} AS q) AS query"
            " WHERE vector @@ q ORDER BY score DESC, id LIMIT :limit"
        ),
        {"tsquery": tsquery, "query": query[:500], "limit": limit},
    ).all()
    return [_hit(row) for row in rows]
