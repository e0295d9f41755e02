"""Each document's findings kept with a digest of what its checks read: after an ingest only the documents
whose inputs changed are checked again; the entity and work keys of every document read from an index

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


# what the digests of the checks' inputs read of every document, from the index alone
INDEXES = {
    "ix_mentions_document_keys": ("mentions", ["document_id", "idx", "entity_key"]),
    "ix_citations_document_keys": ("citations", ["document_id", "idx", "source_key"]),
}


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
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
    op.drop_table("document_findings")
