"""Each document's findings kept with a digest of what its checks read: after an ingest only the documents
whose inputs changed are checked again

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 15:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "document_findings",
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("inputs", sa.String(64), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("occurrences", sa.JSON(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("document_findings")
