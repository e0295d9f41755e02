"""Full-text search."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from vakanuvis.api.deps import KnowledgeBaseDep
from vakanuvis.api.schemas import SearchHits

router = APIRouter(tags=["search"])


@router.get("/search", response_model=SearchHits)
def search(
    kb: KnowledgeBaseDep,
    q: Annotated[
        str, Query(max_length=500, description="words; Turkish suffixes and accents need not match")
    ],
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
):
    hits = kb.search(q, limit=limit)
    return {"data": hits, "count": len(hits)}
