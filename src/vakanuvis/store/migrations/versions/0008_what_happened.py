"""What happened at each event: its predicate as written, its kind, a headline, its roles (role -> mention
indices) and whether it is a document's dateline, with a table of the roles (event, role, mention) to
find an entity's events by; the sentence's names are no longer stored as its actors and places (they are
the roles now)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02 20:00:00

Events stored before this revision keep empty predicates, headlines and roles until their documents are
analysed again (`vakanuvis ingest --force`).
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch_op:
        batch_op.add_column(sa.Column("predicate", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("kind", sa.String(16), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("headline", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("roles", sa.JSON(), nullable=False, server_default="{}"))
        batch_op.add_column(sa.Column("dateline", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.drop_column("actors")
        batch_op.drop_column("places")
        batch_op.create_index("ix_events_kind", ["kind"])
    op.create_table(
        "event_roles",
        sa.Column(
            "document_id",
            sa.String(64),
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("event_idx", sa.Integer(), primary_key=True),
        sa.Column("role", sa.String(16), primary_key=True),
        sa.Column("mention_idx", sa.Integer(), primary_key=True),
    )
    op.create_index("ix_event_roles_mention", "event_roles", ["document_id", "mention_idx"])


def downgrade() -> None:
    op.drop_index("ix_event_roles_mention", table_name="event_roles")
    op.drop_table("event_roles")
    with op.batch_alter_table("events") as batch_op:
        batch_op.drop_index("ix_events_kind")
        batch_op.add_column(sa.Column("actors", sa.JSON(), nullable=False, server_default="[]"))
        batch_op.add_column(sa.Column("places", sa.JSON(), nullable=False, server_default="[]"))
        for column in ("dateline", "roles", "headline", "kind", "predicate"):
            batch_op.drop_column(column)
