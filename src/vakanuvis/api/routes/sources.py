"""Sources: distinct works and every footnote that cites them."""

from __future__ import annotations

from fastapi import APIRouter

from vakanuvis.api.deps import KnowledgeBaseDep
from vakanuvis.api.routes.common import DocumentFilter, PageDep, RecordId, paged
from vakanuvis.api.schemas import SourceDetail, SourcesPublic

router = APIRouter(prefix="/sources", tags=["sources"])


@router.get("", response_model=SourcesPublic)
def list_sources(kb: KnowledgeBaseDep, page: PageDep, document: DocumentFilter = None):
    return paged(kb.sources(document), page)


@router.get("/{source_id}", response_model=SourceDetail)
def get_source(kb: KnowledgeBaseDep, source_id: RecordId):
    return kb.source(source_id)
