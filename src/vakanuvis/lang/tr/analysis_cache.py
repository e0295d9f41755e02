"""A persistent cache of zeyrek's word analyses, so a process that meets only known words never loads zeyrek.

The cache is an append-only file of JSON lines (one word and its analyses a line) under the user cache
directory ($VAKANUVIS_CACHE_DIR, else $XDG_CACHE_HOME/vakanuvis, else ~/.cache/vakanuvis), one file per
zeyrek version and cache format. Appends are single small writes, so processes ingesting in parallel
can share it; a torn last line (a killed process) is skipped when read. VAKANUVIS_CACHE_DIR=off turns
the file off (analyses are then cached only in memory).
"""

from __future__ import annotations

import json
import os
from functools import cache
from importlib import metadata
from pathlib import Path

from vakanuvis.user_cache import cache_directory

CACHE_FORMAT = 2  # bump when the stored tuple layout or the analyses change (2: zeyrek's analyses order-free)

# (lemma, pos, proper, ((morpheme id, surface, derivational), ...)) per analysis
AnalysisTuple = tuple[str, str, bool, tuple[tuple[str, str, bool], ...]]


def cache_file() -> Path | None:
    """The cache file for the installed zeyrek, or None when zeyrek is missing or the cache is off."""
    directory = cache_directory()
    version = _zeyrek_version()
    if directory is None or version is None:
        return None
    return directory / f"zeyrek-{version}-analyses-v{CACHE_FORMAT}.jsonl"


@cache
def _zeyrek_version() -> str | None:
    try:
        return metadata.version("zeyrek")
    except metadata.PackageNotFoundError:
        return None


def read_cache(path: Path | None, offset: int = 0) -> tuple[dict[str, tuple[AnalysisTuple, ...]], int]:
    """Words stored in the cache file from byte `offset` on, and the offset after the last whole line read
    (other processes may be appending: a line without its newline yet is left for the next read)."""
    found: dict[str, tuple[AnalysisTuple, ...]] = {}
    if path is None:
        return found, offset
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            data = handle.read()
    except OSError:
        return found, offset
    complete = data.rfind(b"\n") + 1
    for line in data[:complete].decode("utf-8", errors="replace").splitlines():
        try:
            word, analyses = json.loads(line)
            found[word] = tuple(
                (lemma, pos, bool(proper), tuple((m, s, bool(d)) for m, s, d in morphemes))
                for lemma, pos, proper, morphemes in analyses
            )
        except (ValueError, TypeError):
            continue  # a torn line from a killed process
    return found, offset + complete


def cache_size(path: Path | None) -> int:
    """Bytes in the cache file now (0 when there is none)."""
    try:
        return path.stat().st_size if path is not None else 0
    except OSError:
        return 0


def append_cache(path: Path | None, entries: dict[str, tuple[AnalysisTuple, ...]]) -> None:
    """Add new words to the cache file in one write; a cache that cannot be written is skipped."""
    if path is None or not entries:
        return
    lines = "".join(
        json.dumps([word, analyses], ensure_ascii=False, separators=(",", ":")) + "\n"
        for word, analyses in entries.items()
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(descriptor, lines.encode("utf-8"))
        finally:
            os.close(descriptor)
    except OSError:
        return
