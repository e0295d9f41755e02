"""A content version: one row raised by triggers on every write to the documents, the resolution's state, what
waits for resolution and the edits (not a finding's review), so that whether a kept network, map or answer
still holds is one seek, not a read of every document row

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 18:50:00
"""

import sqlalchemy as sa
from alembic import op

# written out here, not imported: a shipped migration stays what it was (store.fresh_schema makes the same)
CONTENT_VERSION_TABLES = ("documents", "resolution_state", "pending_resolution")
SQLITE_TRIGGERS = (
    "CREATE TRIGGER content_version_documents_ai AFTER INSERT ON documents BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_documents_au AFTER UPDATE ON documents BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_documents_ad AFTER DELETE ON documents BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_resolution_state_ai AFTER INSERT ON resolution_state BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_resolution_state_au AFTER UPDATE ON resolution_state BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_resolution_state_ad AFTER DELETE ON resolution_state BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_pending_resolution_ai AFTER INSERT ON pending_resolution BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_pending_resolution_au AFTER UPDATE ON pending_resolution BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_pending_resolution_ad AFTER DELETE ON pending_resolution BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_edits_ai AFTER INSERT ON edits WHEN new.action <> 'review-finding' BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_edits_au AFTER UPDATE ON edits WHEN new.action <> 'review-finding' OR old.action <> 'review-finding' BEGIN UPDATE content_version SET n = n + 1; END",
    "CREATE TRIGGER content_version_edits_ad AFTER DELETE ON edits WHEN old.action <> 'review-finding' BEGIN UPDATE content_version SET n = n + 1; END",
)
POSTGRESQL_TRIGGERS = (
    "CREATE FUNCTION raise_content_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE content_version SET n = n + 1; RETURN NULL; END $$",
    "CREATE TRIGGER content_version_documents AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()",
    "CREATE TRIGGER content_version_resolution_state AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON resolution_state FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()",
    "CREATE TRIGGER content_version_pending_resolution AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON pending_resolution FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()",
    "CREATE TRIGGER content_version_edits AFTER INSERT OR UPDATE ON edits FOR EACH ROW WHEN (NEW.action <> 'review-finding') EXECUTE FUNCTION raise_content_version()",
    "CREATE TRIGGER content_version_edits_removed AFTER DELETE OR TRUNCATE ON edits FOR EACH STATEMENT EXECUTE FUNCTION raise_content_version()",
)
ROW = "INSERT INTO content_version (id, n) VALUES (1, 0)"

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "content_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    for statement in (*(POSTGRESQL_TRIGGERS if postgresql else SQLITE_TRIGGERS), ROW):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in CONTENT_VERSION_TABLES:
            op.execute(f"DROP TRIGGER content_version_{table} ON {table}")
        op.execute("DROP TRIGGER content_version_edits ON edits")
        op.execute("DROP TRIGGER content_version_edits_removed ON edits")
        op.execute("DROP FUNCTION raise_content_version()")
    else:
        for table in (*CONTENT_VERSION_TABLES, "edits"):
            for short in ("ai", "au", "ad"):
                op.execute(f"DROP TRIGGER content_version_{table}_{short}")
    op.drop_table("content_version")
