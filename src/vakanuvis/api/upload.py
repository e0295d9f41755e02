"""Uploaded articles: kept in the upload folder under a safe name, bounded in size, then ingested."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from fastapi import HTTPException, UploadFile, status

from vakanuvis.api.deps import Settings
from vakanuvis.knowledge_base import KnowledgeBase

ACCEPTED_SUFFIXES = (".txt", ".pdf")
_UNSAFE = re.compile(r"[^\w.\-]+")


def upload_name(filename: str | None) -> str:
    """The client's file name as answers show it: its last part, without control characters and with
    what UTF-8 cannot carry (lone surrogates) replaced, so that it can always be sent back."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if ord(char) >= 32 and ord(char) != 127)
    return name.encode("utf-8", "replace").decode("utf-8") or "the upload"


def _without_server_paths(message: str, path: Path, name: str, folder: Path) -> str:
    """A reader's message about the saved upload, naming the client's file instead of the server's path."""
    for server_path in (str(path), str(folder.resolve()), str(folder)):
        message = message.replace(server_path, name)
    return message


def safe_upload_path(folder: Path, filename: str | None, content: bytes) -> Path:
    """A path inside `folder` for an upload: the client's name reduced to its last part and safe letters.

    A name such as "../../etc/passwd" or "/abs/x.txt" can never leave the folder; the content's hash
    prefixes the name so two uploads with one name do not overwrite each other.
    """
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    suffix = Path(name).suffix.lower()
    if suffix not in ACCEPTED_SUFFIXES:
        raise HTTPException(
            status.HTTP_415_UNSUPPORTED_MEDIA_TYPE,
            f"only .txt and .pdf articles can be uploaded, not {name or 'a file without a name'!r}",
        )
    stem = _UNSAFE.sub("_", Path(name).stem).strip("._")[:80] or "article"
    path = (folder / f"{hashlib.sha256(content).hexdigest()[:12]}-{stem}{suffix}").resolve()
    if not path.is_relative_to(folder.resolve()):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "the file name leads outside the upload area")
    return path


def ingest_upload(kb: KnowledgeBase, settings: Settings, upload: UploadFile) -> dict:
    """Save the upload and ingest it; 4xx when it is too big, of the wrong kind, or unreadable.

    Answers and errors name the document by its id and the client's file name, never by the server's
    path. Bytes already stored (under whatever name) are neither written nor read again: the answer is
    the stored document's id."""
    content = upload.file.read(settings.max_upload_bytes + 1)
    if len(content) > settings.max_upload_bytes:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"the file is larger than {settings.max_upload_bytes // (1024 * 1024)} MB",
        )
    if not content:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "the uploaded file is empty")
    name = upload_name(upload.filename)
    path = safe_upload_path(settings.upload_folder, upload.filename, content)
    kept_as = path.name  # relative to the upload area
    existing = kb.document_with_content(hashlib.sha256(content).hexdigest())
    if existing:
        return {"id": existing, "name": name, "path": kept_as, "stored": False, "warnings": []}
    settings.upload_folder.mkdir(parents=True, exist_ok=True)
    written = not path.exists()
    if written:
        path.write_bytes(content)
    result = kb.ingest([path], check=True)[0]  # its findings ready for the first /api/findings
    warnings = [_without_server_paths(line, path, name, settings.upload_folder) for line in result.warnings]
    if result.error or not result.document_id:
        if written:  # an unreadable upload is not kept
            path.unlink(missing_ok=True)
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            _without_server_paths(
                result.error or f"{path}: the file could not be read", path, name, settings.upload_folder
            ),
        )
    return {
        "id": result.document_id,
        "name": name,
        "path": kept_as,
        "stored": result.stored,
        "warnings": warnings,
    }
