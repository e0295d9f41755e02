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
    """Save the upload and ingest it; 4xx when it is too big, of the wrong kind, or unreadable."""
    content = upload.file.read(settings.max_upload_bytes + 1)
    if len(content) > settings.max_upload_bytes:
        raise HTTPException(
            status.HTTP_413_CONTENT_TOO_LARGE,
            f"the file is larger than {settings.max_upload_bytes // (1024 * 1024)} MB",
        )
    if not content:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "the uploaded file is empty")
    settings.upload_folder.mkdir(parents=True, exist_ok=True)
    path = safe_upload_path(settings.upload_folder, upload.filename, content)
    written = not path.exists()
    if written:
        path.write_bytes(content)
    result = kb.ingest([path])[0]
    if result.error or not result.document_id:
        if written:  # an unreadable upload is not kept
            path.unlink(missing_ok=True)
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, result.error or "the file could not be read"
        )
    return {"id": result.document_id, "path": str(path), "stored": result.stored}
