"""Sentences and footnotes read by OCR keep the confidence of their words (None for a text layer)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03 06:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("sentences", "footnotes"):
        with op.batch_alter_table(table) as batch_op:
            batch_op.add_column(sa.Column("ocr_confidence", sa.Float(), nullable=True))


def downgrade() -> None:
    # dropped in place, as 0006 does: a batch copy would drop a table others refer to
    for table in ("footnotes", "sentences"):
        op.drop_column(table, "ocr_confidence")
