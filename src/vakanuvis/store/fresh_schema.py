"""A new, empty knowledge base made from the declared schema in one go and marked as migrated to the head.

Running the twelve migrations one after another on a new database cost some 0.8 s (alembic loaded, every
step's DDL and version update); the schema they end in is `schema.metadata` plus what a table declaration
cannot say: the defaults the migrations gave the columns they added to tables already holding rows,
SQLite's FTS5 index over the search entries and the triggers that keep it current, or
PostgreSQL's tsvector column and its GIN index (revision 0002). tests/store/test_fresh_schema.py checks that
a database made so equals, table by table and trigger by trigger, one the migrations made.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Connection, DefaultClause, MetaData, false, inspect, text
from sqlalchemy.exc import DBAPIError

from vakanuvis.store import schema

# the defaults of the columns migrations added to tables that already had rows (the rows stored since
# always give a value; the defaults are kept so a new database is exactly a migrated one)
ADDED_COLUMN_DEFAULTS: dict[tuple[str, str], Any] = {
    ("citations", "name_key"): "",
    ("dates", "year_from"): "text",
    ("dates", "modifier"): "",
    ("dates", "extent"): "",
    ("documents", "type"): "article",
    ("documents", "authors"): "[]",
    ("documents", "extra"): "{}",
    ("documents", "origins"): "{}",
    ("documents", "header"): "{}",
    ("documents", "ocr"): "{}",
    ("events", "predicate"): "",
    ("events", "kind"): "",
    ("events", "headline"): "",
    ("events", "roles"): "{}",
    ("events", "dateline"): false(),
    ("mentions", "name_key"): "",
}
# what alembic's own version table looks like once `alembic upgrade` made it
VERSION_TABLE = (
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)
SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "terms, content='search_entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, terms) VALUES ('delete', old.id, old.terms); END",
    "CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, terms) VALUES ('delete', old.id, old.terms); "
    "INSERT INTO search_fts(rowid, terms) VALUES (new.id, new.terms); END",
)
POSTGRESQL_SEARCH = (
    "ALTER TABLE search_entries ADD COLUMN vector tsvector",
    "CREATE INDEX ix_search_entries_vector ON search_entries USING GIN (vector)",
)

# the content version's row and the triggers that raise it (revision 0014; `documents.content_state`)
CONTENT_VERSION_ROW = "INSERT INTO content_version (id, n) VALUES (1, 0)"
CONTENT_VERSION_TABLES = ("documents", "resolution_state", "pending_resolution")
NOT_A_REVIEW = "action <> 'review-finding'"
SQLITE_CONTENT_VERSION = tuple(
    f"CREATE TRIGGER content_version_{table}_{short} AFTER {event} ON {table} BEGIN "
    "UPDATE content_version SET n = n + 1; END"
    for table in CONTENT_VERSION_TABLES
    for short, event in (("ai", "INSERT"), ("au", "UPDATE"), ("ad", "DELETE"))
) + (
    "CREATE TRIGGER content_version_edits_ai AFTER INSERT ON edits "
    f"WHEN new.{NOT_A_REVIEW} BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_edits_au AFTER UPDATE ON edits "
    f"WHEN new.{NOT_A_REVIEW} OR old.{NOT_A_REVIEW} BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_edits_ad AFTER DELETE ON edits "
    f"WHEN old.{NOT_A_REVIEW} BEGIN UPDATE content_version SET n = n + 1; END",
)
POSTGRESQL_CONTENT_VERSION = (
    "CREATE FUNCTION raise_content_version() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN UPDATE content_version SET n = n + 1; RETURN NULL; END $$",
    *(
        f"CREATE TRIGGER content_version_{table} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()"
        for table in CONTENT_VERSION_TABLES
    ),
    "CREATE TRIGGER content_version_edits AFTER INSERT OR UPDATE ON edits "
    f"FOR EACH ROW WHEN (NEW.{NOT_A_REVIEW}) "
    "EXECUTE FUNCTION raise_content_version()",
    "CREATE TRIGGER content_version_edits_removed AFTER DELETE OR TRUNCATE ON edits "
    "FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()",
)


def content_version_statements(dialect: str) -> tuple[str, ...]:
    """The statements that make the content version's triggers and its row, on this database."""
    triggers = POSTGRESQL_CONTENT_VERSION if dialect == "postgresql" else SQLITE_CONTENT_VERSION
    return (*triggers, CONTENT_VERSION_ROW)


def is_empty(connection: Connection) -> bool:
    """Whether the database holds no table at all (a new file, a new PostgreSQL database)."""
    return not inspect(connection).get_table_names()


def create_fresh_schema(connection: Connection, head: str) -> None:
    """Create every table, index and search structure of revision `head` and record that revision."""
    _with_added_column_defaults().create_all(connection)
    if connection.dialect.name == "postgresql":
        _create_unaccent(connection)
        statements: tuple[str, ...] = POSTGRESQL_SEARCH
    else:
        statements = SQLITE_SEARCH
    statements += content_version_statements(connection.dialect.name)
    for statement in (*statements, VERSION_TABLE):
        connection.exec_driver_sql(statement)
    connection.execute(text("INSERT INTO alembic_version (version_num) VALUES (:head)"), {"head": head})


@cache
def _with_added_column_defaults() -> MetaData:
    """A copy of the declared schema whose added columns carry the defaults their migrations gave them."""
    copy = MetaData()
    for table in schema.metadata.sorted_tables:
        table.to_metadata(copy)
    for (table_name, column_name), default in ADDED_COLUMN_DEFAULTS.items():
        copy.tables[table_name].columns[column_name].server_default = DefaultClause(default)
    return copy


def _create_unaccent(connection: Connection) -> None:
    # as revision 0002: unaccent is in postgresql-contrib, and a user who may not create extensions still
    # gets search (the `terms` column is already accent-folded)
    available = connection.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'"
    ).first()
    if available:
        savepoint = connection.begin_nested()
        try:
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
            savepoint.commit()
        except DBAPIError:
            savepoint.rollback()
