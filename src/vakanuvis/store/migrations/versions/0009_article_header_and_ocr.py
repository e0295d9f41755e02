"""What a document's own header says (journal, volume, issue, pages, DOI, abstracts, keywords, affiliations)
and which of its pages were read by OCR, with what confidence

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 00:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch_op:
        batch_op.add_column(sa.Column("header", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("ocr", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    # dropped in place, as 0006 does: a batch copy of `documents` would drop the table others refer to
    for column in ("ocr", "header"):
        op.drop_column("documents", column)
