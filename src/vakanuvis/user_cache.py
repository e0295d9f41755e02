"""The user's cache directory, where tables derived from the package's data are kept between processes.

$VAKANUVIS_CACHE_DIR, else $XDG_CACHE_HOME/vakanuvis, else ~/.cache/vakanuvis; VAKANUVIS_CACHE_DIR=off
turns every cache file off (the tables are then built in memory in each process).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

CACHE_ENV = "VAKANUVIS_CACHE_DIR"


def cache_directory() -> Path | None:
    """Where the caches live, or None when turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in ("", "off", "0", "none") else Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "vakanuvis"


def file_digest(path: Path) -> str:
    """A short digest of a data file's bytes: a table derived from it is named by it, so an edited or
    upgraded data file never meets a stale table."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
