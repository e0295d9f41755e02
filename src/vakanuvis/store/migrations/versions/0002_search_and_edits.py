"""full-text search index and the edits log

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("document_id", sa.String(length=64), nullable=True),
        sa.Column("ref", sa.String(length=200), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("footnote", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("terms", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["documents.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_search_entries_document_id", "search_entries", ["document_id"])
    op.create_table(
        "edits",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", sa.String(length=32), nullable=False),
        sa.Column("token_name", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("target", sa.String(length=400), nullable=False),
        sa.Column("before", sa.JSON(), nullable=False),
        sa.Column("after", sa.JSON(), nullable=False),
        sa.Column("undone_at", sa.String(length=32), nullable=True),
        sa.Column("undone_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_index()
    else:
        _sqlite_index()
    # Documents stored before search existed become searchable at once, not only when re-ingested.
    from vakanuvis.store.search import index_stored_rows

    index_stored_rows(op.get_bind())


def _sqlite_index() -> None:
    # An external-content FTS5 table over `terms`. search.py indexes inserted entries itself (migration
    # 0004 dropped the insert trigger this revision first made); triggers take out deleted or changed ones.
    op.execute(
        "CREATE VIRTUAL TABLE search_fts USING fts5("
        "terms, content='search_entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER search_entries_ad AFTER DELETE ON search_entries BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, terms) VALUES ('delete', old.id, old.terms); END"
    )
    op.execute(
        "CREATE TRIGGER search_entries_au AFTER UPDATE ON search_entries BEGIN "
        "INSERT INTO search_fts(search_fts, rowid, terms) VALUES ('delete', old.id, old.terms); "
        "INSERT INTO search_fts(rowid, terms) VALUES (new.id, new.terms); END"
    )


def _postgresql_index() -> None:
    bind = op.get_bind()
    # unaccent is in postgresql-contrib; a user who may not create extensions still gets search
    # (the `terms` column is already accent-folded), only without unaccent in the `turkish` part.
    available = bind.exec_driver_sql("SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'").first()
    if available:
        savepoint = bind.begin_nested()
        try:
            bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
            savepoint.commit()
        except sa.exc.DBAPIError:
            savepoint.rollback()
    op.execute("ALTER TABLE search_entries ADD COLUMN vector tsvector")
    op.execute("CREATE INDEX ix_search_entries_vector ON search_entries USING GIN (vector)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("edits")
    op.drop_index("ix_search_entries_document_id", table_name="search_entries")
    op.drop_table("search_entries")
