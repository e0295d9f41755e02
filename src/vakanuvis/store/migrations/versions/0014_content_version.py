"""A content version: one row raised by triggers on every write to the documents, the resolution's state, what
waits for resolution and the edits (not a finding's review), so that whether a kept network, map or answer
still holds is one seek, not a read of every document row

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 18:50:00
"""

import sqlalchemy as sa
from alembic import op

from vakanuvis.store.fresh_schema import CONTENT_VERSION_TABLES, content_version_statements

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
    for statement in content_version_statements(op.get_bind().dialect.name):
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
