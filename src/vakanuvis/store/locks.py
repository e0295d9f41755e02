"""One writer of corpus-wide state at a time, on both databases, so concurrent ingests lose nothing."""

from __future__ import annotations

from sqlalchemy import Connection, text

CORPUS_LOCK = 727275  # an arbitrary advisory-lock number of our own


def lock_corpus(connection: Connection) -> None:
    """Wait until no other transaction writes the corpus; call first in a transaction that reads then writes.

    PostgreSQL: a transaction-scoped advisory lock (each later statement sees every commit before it).
    SQLite: take the write lock at once with a no-op write, so the reads that follow are not stale
    (the driver would otherwise start the transaction only at the first write, after the reads).
    """
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CORPUS_LOCK})
    elif connection.dialect.name == "sqlite":
        connection.execute(text("UPDATE alembic_version SET version_num = version_num"))
