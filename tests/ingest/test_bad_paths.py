"""Paths an ingest is given that lead to no readable file: each one line naming it and why, the rest read.

Permission cases are made by refusing the system calls (`os.open`, `os.scandir`, `os.stat`) for chosen
paths: a test run as root reads any file whatever its mode, and the test must still be able to fail.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from vakanuvis.errors import UnreadableFile
from vakanuvis.ingest import find_input_files, read_file
from vakanuvis.workers import file_sha256

TEXT = "Mustafa Kemal Paşa 19 Mayıs 1919 günü Samsun'a çıktı.\n"


def refuse(monkeypatch, call: str, denied: set[Path]) -> None:
    """Make `os.<call>` fail with EACCES for the paths in `denied`, as it would for a user without rights."""
    original = getattr(os, call)
    denied_names = {os.fspath(path) for path in denied}

    def refusing(path, *args, **kwargs):
        if os.fspath(path) in denied_names:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(os, call, refusing)


def fifo(folder: Path) -> Path:
    path = folder / "boru.txt"
    os.mkfifo(path)
    return path


def symlink_loop(folder: Path) -> Path:
    path = folder / "dongu.txt"
    path.symlink_to(path.name)
    return path


def two_link_loop(folder: Path) -> Path:
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    return folder / "a.txt"


def dangling_link(folder: Path) -> Path:
    path = folder / "kayip.txt"
    path.symlink_to("yok.txt")
    return path


def socket_file(folder: Path) -> Path:
    import socket

    path = folder / "soket.txt"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()
    return path


def through_a_file(folder: Path) -> Path:
    (folder / "dosya.txt").write_text(TEXT)
    return folder / "dosya.txt" / "alt.txt"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (fifo, "is a named pipe (FIFO), not a file that can be read"),
        (symlink_loop, "a loop of symbolic links"),
        (two_link_loop, "a loop of symbolic links"),
        (dangling_link, "a symbolic link to yok.txt, which does not exist"),
        (socket_file, "is a socket"),
        (lambda folder: Path("/dev/null"), "is a character device"),
        (through_a_file, "a part of its path is a file, not a folder"),
        (lambda folder: folder / "yok.txt", "no such file or folder"),
    ],
    ids=[
        "fifo",
        "self-link",
        "two-link-loop",
        "dangling-link",
        "socket",
        "device",
        "through-file",
        "missing",
    ],
)
def test_a_path_that_is_no_file_is_refused_with_its_reason(tmp_path, make, reason):
    path = make(tmp_path)
    with pytest.raises(UnreadableFile) as error:
        read_file(path)  # a FIFO is never opened: this returns at once instead of waiting for a writer
    assert reason in error.value.why
    assert error.value.path == str(path)
    assert file_sha256(path) is None


def test_a_file_that_cannot_be_opened_says_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "gizli.txt"
    path.write_text(TEXT)
    refuse(monkeypatch, "open", {path})
    with pytest.raises(UnreadableFile, match="gizli.txt: cannot be read: Permission denied"):
        read_file(path)
    assert file_sha256(path) is None


def test_a_file_in_a_folder_that_cannot_be_entered(tmp_path, monkeypatch):
    path = tmp_path / "kapali" / "makale.txt"
    path.parent.mkdir()
    path.write_text(TEXT)
    refuse(monkeypatch, "stat", {path})
    with pytest.raises(UnreadableFile, match="permission denied"):
        read_file(path)


def test_a_named_folder_that_cannot_be_listed(tmp_path, monkeypatch):
    folder = tmp_path / "kapali"
    folder.mkdir()
    (folder / "makale.txt").write_text(TEXT)
    refuse(monkeypatch, "scandir", {folder})
    assert find_input_files([folder]) == [folder]
    with pytest.raises(UnreadableFile, match=r"kapali: the folder cannot be opened \(permission denied\)"):
        read_file(folder)


def test_a_folder_reports_what_inside_cannot_be_read(tmp_path, monkeypatch):
    folder = tmp_path / "arsiv"
    for name in ("a.txt", "kapali/b.txt", "acik/c.txt", "acik/derin/d.txt"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(TEXT)
    os.mkfifo(folder / "acik" / "boru.txt")
    (folder / "acik" / "dongu.txt").symlink_to("dongu.txt")
    (folder / "acik" / "geri").symlink_to("..")  # a link back up: walked once, not forever
    refuse(monkeypatch, "scandir", {folder / "kapali"})
    found = find_input_files([folder])
    assert found == [
        folder / "a.txt",
        folder / "acik" / "boru.txt",
        folder / "acik" / "c.txt",
        folder / "acik" / "derin" / "d.txt",
        folder / "acik" / "dongu.txt",
        folder / "kapali",
    ]
    reasons = {}
    for path in found:
        try:
            read_file(path)
        except UnreadableFile as error:
            reasons[path.name] = error.why
    assert reasons == {
        "boru.txt": "is a named pipe (FIFO), not a file that can be read",
        "dongu.txt": "a loop of symbolic links (each leads to another, never to a file)",
        "kapali": "the folder cannot be opened (permission denied)",
    }
