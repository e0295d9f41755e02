"""Documents: the list, one document's text and spans, its footnotes, and uploading (ingest)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, HTTPException, Response, UploadFile, status

from vakanuvis.api.deps import KnowledgeBaseDep, SettingsDep, TokenName
from vakanuvis.api.routes.common import DocumentId, PageDep, paged
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


@router.get("/{document_id}", response_model=DocumentDetail)
def get_document(kb: KnowledgeBaseDep, document_id: DocumentId):
    return kb.document(document_id)


@router.get("/{document_id}/annotations", response_model=AnnotationsPublic)
def get_annotations(kb: KnowledgeBaseDep, document_id: DocumentId):
    return kb.annotations(document_id)


@router.get("/{document_id}/footnotes", response_model=list[FootnotePublic])
def get_footnotes(kb: KnowledgeBaseDep, document_id: DocumentId):
    return kb.footnotes(document_id)


@router.post(
    "",
    response_model=UploadResult,
    status_code=status.HTTP_201_CREATED,
    responses={400: {}, 401: {}, 403: {}, 413: {}, 415: {}, 422: {}},
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
