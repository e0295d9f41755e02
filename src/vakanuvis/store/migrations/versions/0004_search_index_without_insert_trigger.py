"""SQLite search: inserted entries are indexed by the code that inserts them, not by a trigger per row

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 14:50:00
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # search.py adds a document's entries to search_fts with one INSERT … SELECT (several times faster than
    # FTS5 under a per-row trigger); revision 0002 no longer makes the trigger, older knowledge bases drop it
    if op.get_bind().dialect.name != "postgresql":
        op.execute("DROP TRIGGER IF EXISTS search_entries_ai")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        op.execute(
            "CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
            "INSERT INTO search_fts(rowid, terms) VALUES (new.id, new.terms); END"
        )
