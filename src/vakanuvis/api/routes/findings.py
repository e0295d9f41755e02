"""Findings of the source-criticism checks, and marking them reviewed."""

from __future__ import annotations

from fastapi import APIRouter

from vakanuvis.api import records
from vakanuvis.api.deps import EngineDep, TokenName
from vakanuvis.api.routes.common import DocumentFilter, PageDep, RecordId
from vakanuvis.api.schemas import EditPublic, FindingsPublic, ReviewRequest
from vakanuvis.errors import UnknownRecord
from vakanuvis.store import edits

router = APIRouter(prefix="/findings", tags=["findings"])


@router.get("", response_model=FindingsPublic)
def list_findings(engine: EngineDep, page: PageDep, document: DocumentFilter = None):
    return records.paged(records.findings_with_ids(engine, document), page.offset, page.limit)


@router.post("/{finding_id}/review", response_model=EditPublic, responses={401: {}, 403: {}, 404: {}})
def review_finding(engine: EngineDep, token: TokenName, finding_id: RecordId, body: ReviewRequest):
    """Mark a finding reviewed (or not); recorded as an edit that can be undone."""
    if all(finding["id"] != finding_id for finding in records.findings_with_ids(engine, None)):
        raise UnknownRecord("finding", finding_id)
    return edits.review_finding(engine, finding_id, body.reviewed, token)
