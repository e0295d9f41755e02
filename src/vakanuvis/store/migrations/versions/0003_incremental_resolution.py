"""incremental resolution: the graphs of names and works, and the documents waiting to be resolved

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 12:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("mentions") as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.Text(), nullable=False, server_default=""))
        batch_op.create_index("ix_mentions_name_key", ["name_key"])
        batch_op.create_index("ix_mentions_document_start", ["document_id", "start"])
    with op.batch_alter_table("citations") as batch_op:
        batch_op.add_column(sa.Column("name_key", sa.String(length=64), nullable=False, server_default=""))
        batch_op.create_index("ix_citations_name_key", ["name_key"])
    op.create_index("ix_search_entries_ref", "search_entries", ["ref"])
    op.create_table(
        "resolution_state",
        sa.Column("name", sa.String(length=64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.create_table("pending_resolution", sa.Column("document_id", sa.String(length=64), primary_key=True))
    op.create_table(
        "entity_names",
        sa.Column("key", sa.String(length=400), primary_key=True),
        sa.Column("block", sa.String(length=200), nullable=False),
        sa.Column("surfaces", sa.JSON(), nullable=False),
        sa.Column("cluster", sa.String(length=400), nullable=False),
        sa.Column("entity_key", sa.String(length=200), nullable=False),
    )
    for column in ("block", "cluster", "entity_key"):
        op.create_index(f"ix_entity_names_{column}", "entity_names", [column])
    op.create_table(
        "entity_links",
        sa.Column("kind", sa.Integer(), primary_key=True),
        sa.Column("a", sa.String(length=400), primary_key=True),
        sa.Column("b", sa.String(length=400), primary_key=True),
        sa.Column("document_id", sa.String(length=64), primary_key=True),
    )
    op.create_index("ix_entity_links_b", "entity_links", ["b"])
    op.create_index("ix_entity_links_document_id", "entity_links", ["document_id"])
    op.create_table(
        "document_names",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("name_key", sa.String(length=400), primary_key=True),
        sa.Column("surface", sa.Text(), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
    )
    op.create_table(
        "work_names",
        sa.Column("key", sa.String(length=64), primary_key=True),
        sa.Column("node", sa.JSON(), nullable=False),
        sa.Column("citations", sa.Integer(), nullable=False),
        sa.Column("digest", sa.JSON(), nullable=False),
        sa.Column("cluster", sa.String(length=64), nullable=False),
        sa.Column("source_key", sa.String(length=200), nullable=False),
    )
    op.create_index("ix_work_names_cluster", "work_names", ["cluster"])
    op.create_index("ix_work_names_source_key", "work_names", ["source_key"])
    op.create_table(
        "work_blocks",
        sa.Column("block", sa.String(length=400), primary_key=True),
        sa.Column("key", sa.String(length=64), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
    )
    op.create_index("ix_work_blocks_key", "work_blocks", ["key"])
    op.create_table(
        "work_links",
        sa.Column("a", sa.String(length=64), primary_key=True),
        sa.Column("b", sa.String(length=64), primary_key=True),
        sa.Column("score", sa.Float(), nullable=False),
    )
    op.create_index("ix_work_links_b", "work_links", ["b"])
    op.create_table(
        "document_works",
        sa.Column("document_id", sa.String(length=64), primary_key=True),
        sa.Column("name_key", sa.String(length=64), primary_key=True),
        sa.Column("count", sa.Integer(), nullable=False),
    )
    # documents stored before are resolved again, into the graphs, at the next ingest
    op.execute("INSERT INTO pending_resolution (document_id) SELECT id FROM documents")


def downgrade() -> None:
    for table in (
        "document_works",
        "work_links",
        "work_blocks",
        "work_names",
        "document_names",
        "entity_links",
        "entity_names",
        "pending_resolution",
        "resolution_state",
    ):
        op.drop_table(table)
    op.drop_index("ix_search_entries_ref", table_name="search_entries")
    with op.batch_alter_table("citations") as batch_op:
        batch_op.drop_index("ix_citations_name_key")
        batch_op.drop_column("name_key")
    with op.batch_alter_table("mentions") as batch_op:
        batch_op.drop_index("ix_mentions_document_start")
        batch_op.drop_index("ix_mentions_name_key")
        batch_op.drop_column("name_key")
