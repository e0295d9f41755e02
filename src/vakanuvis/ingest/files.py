"""Choosing a reader by file type, checking the file first, and expanding folders."""

from __future__ import annotations

import hashlib
from pathlib import Path

from vakanuvis.errors import UnreadableFile
from vakanuvis.ingest.options import ReadOptions
from vakanuvis.ingest.pdf import read_pdf
from vakanuvis.ingest.text import read_text
from vakanuvis.model import RawDocument

# Larger inputs are refused rather than read: a scholarly article is well under a few MB even as text,
# and structure recovery keeps the whole document in memory several times over.
MAX_FILE_BYTES = 100 * 1024 * 1024

SUPPORTED_SUFFIXES = (".txt", ".pdf")


def read_file(path: Path, options: ReadOptions | None = None) -> RawDocument:
    """Read one `.txt` or `.pdf` file (a PDF's scanned pages by OCR, as `options` says); raise
    `UnreadableFile` with a reason a historian can act on."""
    path = Path(path)
    if not path.exists():
        raise UnreadableFile(str(path), "no such file or folder")
    if path.is_dir():
        raise UnreadableFile(str(path), "is a folder, not a file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableFile(
            str(path), f"unsupported file type {suffix or '(no extension)'!r}; use .txt or .pdf"
        )
    size = path.stat().st_size
    if size == 0:
        raise UnreadableFile(str(path), "the file is empty")
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(
            str(path),
            f"the file is {size / 1024 / 1024:.0f} MB, over the limit of {MAX_FILE_BYTES // 1024 // 1024} MB "
            "for one article; split it first",
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise UnreadableFile(str(path), f"cannot be read: {error.strerror or error}") from error
    sha256 = hashlib.sha256(data).hexdigest()
    if suffix == ".pdf":
        return read_pdf(path, data, sha256, options)
    return read_text(path, data, sha256)


def find_input_files(paths: list[Path]) -> list[Path]:
    """Expand folders recursively to their .txt/.pdf files (sorted); keep named files of any type."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(
                sorted(
                    child
                    for child in path.rglob("*")
                    if child.is_file()
                    and child.suffix.lower() in SUPPORTED_SUFFIXES
                    # Hidden files and folders (".git", editor back-ups) are not the user's articles.
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                )
            )
        else:
            # Named explicitly (or missing): kept so that the reader reports why it cannot be used.
            found.append(path)
    return found
