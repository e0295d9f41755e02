"""Document metadata (date, type, authors, place, source, url, other fields, how each was known); where a
date mention's year came from

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 06:20:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch_op:
        batch_op.add_column(sa.Column("date", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("type", sa.Text(), nullable=False, server_default="article"))
        batch_op.add_column(sa.Column("authors", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("place", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("source", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("url", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("extra", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("origins", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("dates") as batch_op:
        batch_op.add_column(sa.Column("year_from", sa.Text(), nullable=False, server_default="text"))
    # before this revision a year was either written or taken from the narrative
    dates = sa.table("dates", sa.column("year_inferred", sa.Boolean), sa.column("year_from", sa.Text))
    op.execute(dates.update().where(dates.c.year_inferred.is_(True)).values(year_from="context"))


def downgrade() -> None:
    # columns dropped in place (SQLite 3.35+ and PostgreSQL can): a copy of `documents`, as batch mode makes
    # one, would have to drop the table that every per-document table refers to
    op.drop_column("dates", "year_from")
    for column in ("origins", "extra", "url", "source", "place", "authors", "type", "date"):
        op.drop_column("documents", column)
