"""A persistent cache of zeyrek's word analyses, so a process that meets only known words never loads zeyrek.

The cache is an append-only file of JSON lines (one word and its analyses a line) under the user cache
directory ($VAKANUVIS_CACHE_DIR, else $XDG_CACHE_HOME/vakanuvis, else ~/.cache/vakanuvis), one file per
zeyrek version and cache format. Appends are single small writes, so processes ingesting in parallel
can share it; a torn last line (a killed process) is skipped when read. VAKANUVIS_CACHE_DIR=off turns
the file off (analyses are then cached only in memory).
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
from functools import cache
from importlib import metadata
from pathlib import Path

from vakanuvis.user_cache import cache_directory

# the cache file is read from its snapshot when this many bytes or fewer came after it
SNAPSHOT_AFTER = 256 * 1024
CACHE_FORMAT = 4  # bump when the stored tuple layout or the analyses change (2: zeyrek's analyses order-free; 3: roots changed in declared order, analyses sorted; 4: proper readings last)

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
    (other processes may be appending: a line without its newline yet is left for the next read).

    Read from the start, the file's first part comes from its snapshot (`read_snapshot`) where that is
    current: parsing every JSON line again took some 0.2 s at each start."""
    if path is None:
        return {}, offset
    found: dict[str, tuple[AnalysisTuple, ...]] = {}
    if offset == 0:
        found, offset = read_snapshot(path)
    read_from = offset
    more, offset = _read_lines(path, offset)
    found.update(more)
    if offset - read_from > SNAPSHOT_AFTER:
        write_snapshot(path, found, offset)
    return found, offset


def _read_lines(path: Path, offset: int) -> tuple[dict[str, tuple[AnalysisTuple, ...]], int]:
    found: dict[str, tuple[AnalysisTuple, ...]] = {}
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


def snapshot_file(path: Path) -> Path:
    return path.with_name(path.name + ".snapshot")


def _prefix_digest(path: Path, length: int) -> bytes:
    with path.open("rb") as handle:
        return hashlib.sha256(handle.read(length)).digest()


def read_snapshot(path: Path) -> tuple[dict[str, tuple[AnalysisTuple, ...]], int]:
    """The words of the cache file's first bytes as its snapshot holds them, and how many bytes that is;
    nothing when the snapshot is missing, torn, or not of this file's first bytes."""
    try:
        length, digest, found = marshal.loads(snapshot_file(path).read_bytes())
        if isinstance(found, dict) and _prefix_digest(path, length) == digest:
            return found, length
    except (OSError, EOFError, ValueError, TypeError):
        pass
    return {}, 0


def write_snapshot(path: Path, found: dict[str, tuple[AnalysisTuple, ...]], length: int) -> None:
    """Keep `found`, the words of the cache file's first `length` bytes, in one marshal file."""
    target = snapshot_file(path)
    partial = target.with_name(f"{target.name}.{os.getpid()}.partial")
    try:
        partial.write_bytes(marshal.dumps((length, _prefix_digest(path, length), found)))
        os.replace(partial, target)  # processes writing at once each write their own file; one wins
    except (OSError, ValueError):
        partial.unlink(missing_ok=True)


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
