"""Sentences, blocks, dates and markers found by their offset: an entity's mentions find their sentence,
and a window of a document its blocks, sentences, dates and markers, by one index seek

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 14:30:00
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


INDEXES = {
    "ix_sentences_document_start": ("sentences", ["document_id", "start"]),
    "ix_blocks_document_start": ("blocks", ["document_id", "start"]),
    "ix_dates_document_start": ("dates", ["document_id", "start"]),
    "ix_markers_document_offset": ("markers", ["document_id", "offset"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)
