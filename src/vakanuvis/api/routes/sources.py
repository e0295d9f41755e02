"""Sources: distinct works and every footnote that cites them."""

from __future__ import annotations

from fastapi import APIRouter

from vakanuvis.api import records
from vakanuvis.api.deps import EngineDep
from vakanuvis.api.routes.common import DocumentFilter, PageDep, RecordId
from vakanuvis.api.schemas import SourceDetail, SourcesPublic
from vakanuvis.store import queries

router = APIRouter(prefix="/sources", tags=["sources"])


@router.get("", response_model=SourcesPublic)
def list_sources(engine: EngineDep, page: PageDep, document: DocumentFilter = None):
    return records.paged(queries.list_sources(engine, document), page.offset, page.limit)


@router.get("/{source_id}", response_model=SourceDetail)
def get_source(engine: EngineDep, source_id: RecordId):
    return queries.source_detail(engine, source_id)
