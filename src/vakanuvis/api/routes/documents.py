"""Documents: the list, one document's text and spans, its footnotes, and uploading (ingest)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, Query, Response, UploadFile, status

from vakanuvis.api.deps import KnowledgeBaseDep, SettingsDep, TokenName
from vakanuvis.api.routes.common import MAX_OFFSET, DocumentId, PageDep, paged
from vakanuvis.api.schemas import (
    AnnotationsPublic,
    DocumentDetail,
    DocumentsPublic,
    FootnotePublic,
    UploadResult,
)
from vakanuvis.api.upload import ingest_upload

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("", response_model=DocumentsPublic)
def list_documents(kb: KnowledgeBaseDep, page: PageDep):
    return paged(kb.documents(), page)


DOCUMENT_WINDOW = 100_000  # characters of a document one answer holds unless `end` asks for more
MAX_WINDOW = 1_000_000
WindowStart = Annotated[
    int, Query(ge=0, le=MAX_OFFSET, description="the first character offset wanted (widened to its block)")
]
WindowEnd = Annotated[
    int | None,
    Query(
        ge=1,
        le=MAX_OFFSET,
        description=f"the offset after the last wanted; default start + {DOCUMENT_WINDOW:,}",
    ),
]


def text_window(start: WindowStart = 0, end: WindowEnd = None) -> tuple[int, int]:
    """[start, end) of a document's text one answer covers, at most MAX_WINDOW characters."""
    end = start + DOCUMENT_WINDOW if end is None else end
    if end <= start:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"end ({end}) must be after start ({start})")
    if end - start > MAX_WINDOW:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST, f"a window holds at most {MAX_WINDOW:,} characters: page with start"
        )
    return start, end


TextWindowDep = Annotated[tuple[int, int], Depends(text_window)]


@router.get("/{document_id}", response_model=DocumentDetail)
def get_document(kb: KnowledgeBaseDep, document_id: DocumentId, window: TextWindowDep):
    """The document with its text, blocks, page starts and sentences — those of one window of its text,
    whole blocks, when the text is longer (`window` says which; ask for `start=window.end` for the
    next)."""
    start, end = window
    return kb.document(document_id, start=start, end=end)


@router.get("/{document_id}/annotations", response_model=AnnotationsPublic)
def get_annotations(kb: KnowledgeBaseDep, document_id: DocumentId, window: TextWindowDep):
    """The document's dates, mentions, markers and footnotes — those of one window of its text, and the
    footnotes whose markers stand there, when the text is longer (`window` says which)."""
    start, end = window
    return kb.annotations(document_id, start=start, end=end)


FOOTNOTES_PAGE = 1000  # a document's footnotes one answer gives unless `limit` asks for fewer


@router.get("/{document_id}/footnotes", response_model=list[FootnotePublic])
def get_footnotes(
    response: Response,
    kb: KnowledgeBaseDep,
    document_id: DocumentId,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="skip this many footnotes")] = 0,
    limit: Annotated[
        int, Query(ge=1, le=FOOTNOTES_PAGE, description="at most this many footnotes")
    ] = FOOTNOTES_PAGE,
):
    """The document's footnotes by number, a page of them; the `X-Total-Count` header says how many
    there are (the answer stays a list, as it always was)."""
    notes = kb.footnotes(document_id, limit=limit, offset=offset)
    response.headers["X-Total-Count"] = str(kb.count_footnotes(document_id))
    return notes


@router.post(
    "",
    response_model=UploadResult,
    status_code=status.HTTP_201_CREATED,
    responses={200: {"model": UploadResult, "description": "The same bytes were stored before"}, 415: {}},
)
def upload_document(
    response: Response,
    kb: KnowledgeBaseDep,
    settings: SettingsDep,
    token: TokenName,
    file: Annotated[UploadFile, File(description="a .txt or .pdf article")],
):
    """Store an uploaded article (analysed at once); the same bytes again store nothing new."""
    del token  # the dependency refuses callers without a token
    if file is None:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "send the article as the form field 'file'"
        )
    result = ingest_upload(kb, settings, file)
    if not result["stored"]:  # the same bytes were already stored: nothing was created
        response.status_code = status.HTTP_200_OK
    return result
