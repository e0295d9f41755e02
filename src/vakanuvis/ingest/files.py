"""Choosing a reader by file type, checking the file first, and expanding folders."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path
from typing import BinaryIO

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
    status = stat_input(path)
    if stat.S_ISDIR(status.st_mode):
        problem = folder_listing_problem(path)
        if problem:
            raise UnreadableFile(str(path), f"the folder cannot be opened ({problem})")
        raise UnreadableFile(str(path), "is a folder, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableFile(
            str(path), f"is {special_file_kind(status.st_mode)}, not a file that can be read"
        )
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableFile(
            str(path), f"unsupported file type {suffix or '(no extension)'!r}; use .txt or .pdf"
        )
    size = status.st_size
    if size == 0:
        raise UnreadableFile(str(path), "the file is empty")
    if size > MAX_FILE_BYTES:
        raise UnreadableFile(
            str(path),
            f"the file is {size / 1024 / 1024:.0f} MB, over the limit of {MAX_FILE_BYTES // 1024 // 1024} MB "
            "for one article; split it first",
        )
    try:
        data = read_regular_file(path)
    except OSError as error:
        raise UnreadableFile(str(path), f"cannot be read: {error.strerror or error}") from error
    sha256 = hashlib.sha256(data).hexdigest()
    if suffix == ".pdf":
        return read_pdf(path, data, sha256, options)
    return read_text(path, data, sha256)


def stat_input(path: Path) -> os.stat_result:
    """The status of the file or folder a path leads to (symbolic links followed), checked without
    opening it (opening a FIFO waits for a writer); `UnreadableFile` says why there is none."""
    try:
        return os.stat(path)
    except OSError as error:
        raise UnreadableFile(str(path), _stat_problem(path, error)) from error
    except ValueError as error:  # a NUL in the name
        raise UnreadableFile(str(path), "the name holds a NUL character") from error


def _stat_problem(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a loop of symbolic links (each leads to another, never to a file)"
    if error.errno == errno.ENOENT:
        try:
            target = os.readlink(path)
        except OSError:
            return "no such file or folder"
        return f"a symbolic link to {target}, which does not exist"
    if error.errno in (errno.EACCES, errno.EPERM):
        return "permission denied (a folder on its way cannot be entered)"
    if error.errno == errno.ENOTDIR:
        return "no such file or folder (a part of its path is a file, not a folder)"
    if error.errno == errno.ENAMETOOLONG:
        return "the name is too long for this system"
    return f"cannot be read: {error.strerror or error}"


def special_file_kind(mode: int) -> str:
    """What a path that is neither a file nor a folder is, in words."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "a special file"


def open_regular_file(path: Path) -> BinaryIO:
    """A regular file opened for reading. Checked before it is opened (a FIFO would wait for a writer,
    a device never end), opened without waiting and checked again once open, so that a file replaced by
    a FIFO or a device in between is refused too (OSError)."""
    mode = os.stat(path).st_mode
    if stat.S_ISREG(mode):
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        handle = os.fdopen(descriptor, "rb")
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISREG(mode):
            return handle
        handle.close()
    raise OSError(errno.EINVAL, f"it is {special_file_kind(mode)}, not a file that can be read", str(path))


def read_regular_file(path: Path) -> bytes:
    """A regular file's bytes (`open_regular_file`)."""
    with open_regular_file(path) as handle:
        return handle.read()


def folder_listing_problem(folder: Path) -> str | None:
    """Why a folder's entries cannot be listed (no read permission), or None when they can."""
    try:
        with os.scandir(folder):
            return None
    except OSError as error:
        if error.errno in (errno.EACCES, errno.EPERM):
            return "permission denied"
        return error.strerror or str(error)


def find_input_files(paths: list[Path]) -> list[Path]:
    """Expand folders recursively to their .txt/.pdf files (sorted); keep named paths of any kind.

    What cannot be read is kept too, so that `read_file` reports it in one line: a named path that is
    missing, special or a loop of links; inside a folder, a .txt/.pdf name that is not a regular file
    and a subfolder that cannot be listed (Path.rglob skips those in silence)."""
    found: list[Path] = []
    for path in map(Path, paths):
        try:
            is_folder = stat.S_ISDIR(os.stat(path).st_mode)
        except (OSError, ValueError):
            is_folder = False  # read_file says why
        if is_folder:
            found.extend(sorted(_folder_inputs(path)))
        else:
            found.append(path)
    return found


def _folder_inputs(folder: Path) -> list[Path]:
    """The .txt/.pdf files under a folder (symbolic links to folders followed once), and the subfolders
    and entries that cannot be read."""
    inputs: list[Path] = []
    unreadable: list[Path] = []
    visited: set[tuple[int, int]] = set()

    def note(error: OSError) -> None:
        if error.filename is not None:
            unreadable.append(Path(os.fsdecode(error.filename)))

    for top, folders, files in os.walk(folder, onerror=note, followlinks=True):
        try:
            status = os.stat(top)
        except OSError as error:
            note(error)
            continue
        if (status.st_dev, status.st_ino) in visited:  # a link back to a folder already walked
            folders[:] = []
            continue
        visited.add((status.st_dev, status.st_ino))
        # Hidden files and folders (".git", editor back-ups) are not the user's articles.
        folders[:] = [name for name in folders if not name.startswith(".")]
        for name in files:
            if name.startswith(".") or Path(name).suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            inputs.append(Path(top) / name)
        # os.walk lists a link that leads nowhere (or to itself) among the files; one named like an
        # article is reported by read_file like every other unreadable file.
    return inputs + unreadable
