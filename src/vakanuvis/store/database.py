"""Opening a knowledge base: a SQLite path or a PostgreSQL URL, migrated to the newest schema."""

from __future__ import annotations

import os
import re
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from vakanuvis.errors import BadDatabase
from vakanuvis.store.fresh_schema import create_fresh_schema, is_empty

try:
    import fcntl
except ImportError:  # pragma: no cover — Windows: no lock (two first opens at once may still collide)
    fcntl = None  # type: ignore[assignment]

DEFAULT_DATABASE = "vakanuvis.db"
MIGRATE_ATTEMPTS = 8  # tries at opening a database another process holds locked (some 9 s in all)
_OPENED: weakref.WeakSet[Engine] = weakref.WeakSet()  # engines open_database made, for close_databases


def database_location_default() -> str:
    """`$VAKANUVIS_DB`, else ./vakanuvis.db."""
    return os.environ.get("VAKANUVIS_DB") or DEFAULT_DATABASE


def database_url(location: str | None) -> str:
    """The SQLAlchemy URL for `--db`: a path (SQLite) or a URL; default `$VAKANUVIS_DB`, else ./vakanuvis.db."""
    location = location or database_location_default()
    if location.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + location.split("://", 1)[1]
    if "://" in location:
        return location
    return f"sqlite:///{Path(location).expanduser()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA journal_mode=WAL")
    # in WAL mode this keeps the database consistent after any crash; only a power cut can lose the last
    # transactions, which the next ingest stores again (unchanged files are recognised by their hash)
    cursor.execute("PRAGMA synchronous=NORMAL")
    # a larger write-ahead log (up to about 160 MB) before its pages are copied back: an ingest rewrites the
    # same index pages many times, and each is then copied once per checkpoint rather than once per few
    # documents; and each checkpoint waits for the disk twice (about 0.3 s here), so fewer are better
    cursor.execute("PRAGMA wal_autocheckpoint=40000")
    # a page cache of up to 32 MB (SQLite's default is 2 MB): the documents of one commit touch more index
    # pages than 2 MB holds, and each page pushed out mid-transaction was written to the log more than once
    cursor.execute("PRAGMA cache_size=-32768")
    cursor.close()


def _migrations_config() -> Any:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(resources.files("vakanuvis.store") / "migrations"))
    return config


def open_database(location: str | None = None) -> Engine:
    """An engine on the knowledge base at `location`, its schema brought up to date."""
    url = database_url(location)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        folder = Path(url.removeprefix("sqlite:///")).parent
        if not folder.is_dir():
            raise BadDatabase(url, f"folder {folder} does not exist")
    try:
        engine = create_engine(url, future=True)
    except (SQLAlchemyError, ImportError, ValueError) as error:
        raise BadDatabase(url, str(error).splitlines()[0]) from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    for attempt in range(MIGRATE_ATTEMPTS):
        began = time.monotonic()
        try:
            migrate(engine)
            break
        except OperationalError as error:
            # A new SQLite file another process is creating at the same moment may answer "database is
            # locked" at once, before the migration lock is reached (switching a new file to WAL wants it
            # alone); migrating is idempotent, so look again shortly. A lock that outlasted SQLite's own
            # wait (busy_timeout) is reported.
            waited = time.monotonic() - began > 2.0
            if "locked" not in str(error.orig) or waited or attempt == MIGRATE_ATTEMPTS - 1:
                raise BadDatabase(url, str(error.orig).splitlines()[0]) from error
            engine.dispose()
            time.sleep(0.25 * (attempt + 1))
        except SQLAlchemyError as error:
            raise BadDatabase(
                url, str(error.orig if hasattr(error, "orig") else error).splitlines()[0]
            ) from error
    _OPENED.add(engine)
    return engine


def close_databases() -> None:
    """Close the connections of every engine `open_database` made. SQLite folds its write-ahead log into
    the database file when the last connection closes, so the file alone then holds everything (a process
    that exits with connections open leaves the newest data in `-wal`, and a copy of the file without it
    would lack them)."""
    for engine in list(_OPENED):
        engine.dispose()


def migrate(engine: Engine) -> None:
    """Apply every migration not yet recorded in the database (alembic's version table).

    One migrator at a time: two processes opening a new database together would otherwise both find no
    tables and both create them (SQLite runs CREATE TABLE outside any transaction, so the second fails
    with "table documents already exists"). PostgreSQL takes an advisory lock, SQLite a file lock beside
    the database (`migration_lock`); whoever waited looks again and finds the work done. A new, empty
    database gets the newest schema in one go (`fresh_schema`); alembic is loaded only when an older
    knowledge base is to be migrated."""
    head = head_revision()
    with engine.connect() as connection:  # the usual case, an up-to-date database: no lock, no alembic
        if _current_revision(connection) == head:
            return
    with migration_lock(engine), engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.exec_driver_sql("SELECT pg_advisory_xact_lock(727274)")
        current = _current_revision(connection)
        if current == head:
            return
        if current is None and head is not None and is_empty(connection):
            create_fresh_schema(connection, head)  # a new database: the head's schema in one go
            return
        from alembic import command

        config = _migrations_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


@cache
def head_revision() -> str | None:
    """The newest migration's revision, read off the migration files' `revision` and `down_revision` lines
    (what alembic's script directory gives, without loading alembic; tests/store compares the two)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (resources.files("vakanuvis.store") / "migrations" / "versions").iterdir():
        if not script.name.endswith(".py"):
            continue
        text = script.read_text(encoding="utf-8")
        if found := re.search(r'^revision\s*=\s*["\'](\w+)["\']', text, re.MULTILINE):
            revisions.add(found.group(1))
        if found := re.search(r'^down_revision\s*=\s*["\'](\w+)["\']', text, re.MULTILINE):
            parents.add(found.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


@contextmanager
def migration_lock(engine: Engine) -> Iterator[None]:
    """Hold an exclusive lock on `DATABASE-migrating` (SQLite files only) while the schema is migrated.

    A file of its own, not the database: SQLite's own locks are POSIX locks, which a process loses when
    it closes any handle on the database file. The lock file is removed once the migration has been
    committed: a process that later locks a new file of the same name finds the schema up to date, as
    does one still waiting on the removed file, so two migrations never run at once."""
    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:") or fcntl is None:
        yield
        return
    lock_path = Path(database + "-migrating")
    try:
        handle = lock_path.open("a+b")
    except OSError:  # a folder we cannot write to: the migration itself will say so
        yield
        return
    with handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        yield
        lock_path.unlink(missing_ok=True)
