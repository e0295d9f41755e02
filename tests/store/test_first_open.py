"""Two processes opening a new SQLite knowledge base at the same moment: one creates the schema, the
other waits and finds it made (never "table documents already exists")."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import inspect

from vakanuvis.store import schema
from vakanuvis.store.database import migration_lock, open_database

# Each process imports first, then sleeps until the same instant, so that both migrate at once.
OPEN_AT = """
import sys, time
from vakanuvis.store.database import open_database
start = float(sys.argv[2])
time.sleep(max(0.0, start - time.time()))
open_database(sys.argv[1])
print("opened")
"""

TRIALS = 8


def test_two_processes_create_a_new_database_together(tmp_path):
    failures = []
    for trial in range(TRIALS):
        database = tmp_path / f"kb-{trial}.db"
        start = time.time() + 4  # time enough for both to import vakanuvis and SQLAlchemy
        processes = [
            subprocess.Popen(
                [sys.executable, "-c", OPEN_AT, str(database), str(start)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=os.environ.copy(),
            )
            for _ in range(2)
        ]
        for process in processes:
            out, err = process.communicate(timeout=120)
            if process.returncode != 0 or out.strip() != "opened":
                failures.append(f"trial {trial}: exit {process.returncode}: {err.strip().splitlines()[-1:]}")
        assert not Path(str(database) + "-migrating").exists()  # the lock file does not stay behind
        engine = open_database(str(database))
        assert set(schema.metadata.tables) <= set(inspect(engine).get_table_names())
        engine.dispose()
    assert failures == []


def test_the_migration_lock_excludes_a_second_holder(tmp_path):
    """While one engine holds the lock, a second process cannot take it (so it would wait)."""
    database = tmp_path / "kb.db"
    engine = open_database(str(database))
    probe = (
        "import fcntl, sys\n"
        "handle = open(sys.argv[1], 'a+b')\n"
        "try:\n"
        "    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
        "except BlockingIOError:\n"
        "    print('locked')\n"
        "else:\n"
        "    print('free')\n"
    )
    lock_file = str(database) + "-migrating"
    with migration_lock(engine):
        held = subprocess.run([sys.executable, "-c", probe, lock_file], capture_output=True, text=True)
    assert held.stdout.strip() == "locked"
    free = subprocess.run([sys.executable, "-c", probe, lock_file], capture_output=True, text=True)
    assert free.stdout.strip() == "free"
    engine.dispose()


@pytest.mark.parametrize("location", [":memory:"])
def test_no_lock_file_for_a_database_in_memory(location, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    open_database(location).dispose()
    assert list(tmp_path.iterdir()) == []
