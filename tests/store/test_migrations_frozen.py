"""A migration, once shipped, is never edited: a knowledge base migrated by it must stay what its upgrade
made. A new change of schema is a new migration; add its file's hash below when it ships."""

from __future__ import annotations

import hashlib
from pathlib import Path

import vakanuvis

VERSIONS = Path(vakanuvis.__file__).parent / "store" / "migrations" / "versions"
SHIPPED = {
    "0001_initial_schema.py": "be6d67e589ec21336ab3d0cadde90fa53335281dc94aa1caa26253174aa7b708",
    "0002_search_and_edits.py": "95391163e429b055d6fd73a252661a84ca4fff1dbaf5f032a97554cc9d21a3ac",
    "0003_incremental_resolution.py": "51bf4325c50ecf98ea5223b9a247a51cc24a8796559d7445df3d0ce6746cfe64",
    "0004_faster_storing.py": "ef054096933a821d136dba95c506eba56b56a1017dc0326b17b9573df20daabc",
    "0005_work_block_groups.py": "3243940919652211b2343cb892db0e28a6dc01b309fb4a1b2306bec32f6cdbc3",
    "0006_document_metadata.py": "e7b28aaa1aa7d4250a0c251d473f23045560e5ca8d729e95a5b66881b33c16d8",
    "0007_date_modifiers.py": "ee8da9d621cd6bebf2deb3b4890a244accc5afea861ddeec08e5a6ddd5c2f0aa",
    "0008_what_happened.py": "56c9cec1907e8a7ed074073953b7158f88be7fbd95778f32b6ce723516baca43",
    "0009_article_header_and_ocr.py": "26b13ad979c230a99fcd12dbc374d7ee7e1cd7c9dfb1714c740d72d993ce29ab",
    "0010_ocr_confidence.py": "28201e8204c3b3d2efd7dc3232891b5be6ae07da362bf9516bca821bfdfcc1b3",
    "0011_sentences_by_offset.py": "ea900fc368540c2f55f184402c239dc6f25c1f75098828b693484050c9ae4e40",
    "0012_document_findings.py": "b5fd7ae040a0bae36acc7b06f313c2d4ef7af801205729787b723d4ff337a856",
    "0013_event_roles_by_mention.py": "f86a1fefebe5ecf8b71188d233de78af1edf0aacc71f44fbb30180d2635595fd",
    "0014_content_version.py": "a1ae33778d94f69a7931c0db500ccfd646dc5dfe867ce56aea6d92fa6c52a3bb",
}


def test_shipped_migrations_are_unchanged():
    changed = [
        name
        for name, digest in SHIPPED.items()
        if hashlib.sha256((VERSIONS / name).read_bytes()).hexdigest() != digest
    ]
    assert not changed, f"shipped migrations edited: {changed}; write a new migration instead"


def test_every_migration_is_listed_once_shipped():
    present = {path.name for path in VERSIONS.glob("[0-9]*.py")}
    assert set(SHIPPED) <= present


def test_the_head_revision_read_off_the_files_is_alembics() -> None:
    """`open_database` compares the database's revision with one read off the migration files, so that a
    command on a current knowledge base need not load alembic; it must be the head alembic would upgrade to."""
    from alembic.script import ScriptDirectory

    from vakanuvis.store.database import _migrations_config, head_revision

    assert head_revision() == ScriptDirectory.from_config(_migrations_config()).get_current_head()
