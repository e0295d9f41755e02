"""Findings of the source-criticism checks, and marking them reviewed."""

from __future__ import annotations

from fastapi import APIRouter

from vakanuvis.api.deps import KnowledgeBaseDep, TokenName
from vakanuvis.api.routes.common import DocumentFilter, PageDep, RecordId, paged
from vakanuvis.api.schemas import EditPublic, FindingsPublic, ReviewRequest

router = APIRouter(prefix="/findings", tags=["findings"])


@router.get("", response_model=FindingsPublic)
def list_findings(kb: KnowledgeBaseDep, page: PageDep, document: DocumentFilter = None):
    return paged(kb.finding_records(document), page)


@router.post("/{finding_id}/review", response_model=EditPublic, responses={401: {}, 403: {}, 404: {}})
def review_finding(kb: KnowledgeBaseDep, token: TokenName, finding_id: RecordId, body: ReviewRequest):
    """Mark a finding reviewed (or not); recorded as an edit that can be undone."""
    return kb.review_finding(finding_id, body.reviewed, by=token)
