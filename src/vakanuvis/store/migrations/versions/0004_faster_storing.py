"""SQLite search indexed by the code that inserts entries, not a trigger per row; surnames in work blocks;
one index over an event's period instead of two

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 14:50:00
"""

import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    # search.py adds a document's entries to search_fts with one INSERT … SELECT (several times faster than
    # FTS5 under a per-row trigger); revision 0002 no longer makes the trigger, older knowledge bases drop it
    if bind.dialect.name != "postgresql":
        op.execute("DROP TRIGGER IF EXISTS search_entries_ai")
    # a block's members are filtered by surname and hard fields as well as title before any node is read
    with op.batch_alter_table("work_blocks") as batch_op:
        batch_op.add_column(sa.Column("surname", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("hard", sa.JSON(), nullable=False, server_default="[]"))
    # the query of a period used the index on `earliest` only; one index on both columns serves it better,
    # and every stored event updates one index fewer
    op.drop_index("ix_events_earliest", table_name="events")
    op.drop_index("ix_events_latest", table_name="events")
    op.create_index("ix_events_period", "events", ["earliest", "latest"])
    names = sa.table("work_names", sa.column("key", sa.String), sa.column("node", sa.Text))
    blocks = sa.table(
        "work_blocks", sa.column("key", sa.String), sa.column("surname", sa.Text), sa.column("hard", sa.JSON)
    )
    nodes = [
        (key, node if isinstance(node, dict) else json.loads(node))
        for key, node in bind.execute(sa.select(names.c.key, names.c.node))
    ]
    filled = [{"k": key, "s": node["surname"], "h": node["hard"]} for key, node in nodes]
    if filled:
        bind.execute(
            blocks.update()
            .where(blocks.c.key == sa.bindparam("k"))
            .values(surname=sa.bindparam("s"), hard=sa.bindparam("h")),
            filled,
        )


def downgrade() -> None:
    op.drop_index("ix_events_period", table_name="events")
    op.create_index("ix_events_earliest", "events", ["earliest"])
    op.create_index("ix_events_latest", "events", ["latest"])
    with op.batch_alter_table("work_blocks") as batch_op:
        batch_op.drop_column("hard")
        batch_op.drop_column("surname")
    if op.get_bind().dialect.name != "postgresql":
        op.execute(
            "CREATE TRIGGER search_entries_ai AFTER INSERT ON search_entries BEGIN "
            "INSERT INTO search_fts(rowid, terms) VALUES (new.id, new.terms); END"
        )
