"""Work blocks held as groups of nodes of one kind, surname and title: a new node compares titles and
surnames once per group and reads the members of the groups it matches only

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 19:30:00
"""

import hashlib
import json
from collections import Counter

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

NAMES = sa.table("work_names", sa.column("key", sa.String), sa.column("node", sa.Text))


def upgrade() -> None:
    bind = op.get_bind()
    old = sa.table("work_blocks", sa.column("block", sa.String), sa.column("key", sa.String))
    members = bind.execute(sa.select(old.c.block, old.c.key)).all()
    nodes = _nodes(bind)
    op.drop_index("ix_work_blocks_key", table_name="work_blocks")
    op.drop_table("work_blocks")
    groups = op.create_table(
        "work_block_groups",
        sa.Column("block", sa.String(length=400), primary_key=True),
        sa.Column("signature", sa.String(length=24), primary_key=True),
        sa.Column("surname", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("main_title", sa.Text(), nullable=False, server_default=""),
        sa.Column("members", sa.Integer(), nullable=False),
    )
    blocks = op.create_table(
        "work_blocks",
        sa.Column("block", sa.String(length=400), primary_key=True),
        sa.Column("signature", sa.String(length=24), primary_key=True),
        sa.Column("key", sa.String(length=64), primary_key=True),
        sa.Column("hard", sa.JSON(), nullable=False),
    )
    op.create_index("ix_work_blocks_key", "work_blocks", ["key"])
    # the same digest as resolve.work_graph.group_signature, written out: a migration keeps its own rules
    rows = []
    count: Counter[tuple[str, str]] = Counter()
    group = {}
    for block, key in members:
        node = nodes[key]
        signature = _signature(node)
        rows.append({"block": block, "signature": signature, "key": key, "hard": node["hard"]})
        count[block, signature] += 1
        group[block, signature] = (node["surname"], node["title"], node.get("main_title", ""))
    if rows:
        op.bulk_insert(blocks, rows)
        op.bulk_insert(
            groups,
            [
                {
                    "block": b,
                    "signature": s,
                    "surname": group[b, s][0],
                    "title": group[b, s][1],
                    "main_title": group[b, s][2],
                    "members": n,
                }
                for (b, s), n in sorted(count.items())
            ],
        )


def downgrade() -> None:
    bind = op.get_bind()
    new = sa.table("work_blocks", sa.column("block", sa.String), sa.column("key", sa.String))
    members = bind.execute(sa.select(new.c.block, new.c.key)).all()
    nodes = _nodes(bind)
    op.drop_index("ix_work_blocks_key", table_name="work_blocks")
    op.drop_table("work_blocks")
    op.drop_table("work_block_groups")
    blocks = op.create_table(
        "work_blocks",
        sa.Column("block", sa.String(length=400), primary_key=True),
        sa.Column("key", sa.String(length=64), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("surname", sa.Text(), nullable=False, server_default=""),
        sa.Column("hard", sa.JSON(), nullable=False, server_default="[]"),
    )
    op.create_index("ix_work_blocks_key", "work_blocks", ["key"])
    rows = [
        {
            "block": block,
            "key": key,
            "title": nodes[key]["title"],
            "surname": nodes[key]["surname"],
            "hard": nodes[key]["hard"],
        }
        for block, key in members
    ]
    if rows:
        op.bulk_insert(blocks, rows)


def _nodes(bind) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    return {
        key: node if isinstance(node, dict) else json.loads(node)
        for key, node in bind.execute(sa.select(NAMES.c.key, NAMES.c.node))
    }


def _signature(node: dict) -> str:
    main_title = node.get("main_title", "")
    text = f"{node['kind']}|{node['surname']}|{node['title']}" + (f"|{main_title}" if main_title else "")
    return hashlib.sha1(text.encode()).hexdigest()[:20]
