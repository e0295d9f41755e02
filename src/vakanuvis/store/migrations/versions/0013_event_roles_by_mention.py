"""An entity's events found in the index of the roles by mention alone: the index of (document, mention)
also holds the event and the role, so the roles table is not read (SQLite otherwise looked through every
role of a mention's document for each mention)

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 17:30:00
"""

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_event_roles_mention", table_name="event_roles")
    op.create_index(
        "ix_event_roles_by_mention", "event_roles", ["document_id", "mention_idx", "event_idx", "role"]
    )


def downgrade() -> None:
    op.drop_index("ix_event_roles_by_mention", table_name="event_roles")
    op.create_index("ix_event_roles_mention", "event_roles", ["document_id", "mention_idx"])
