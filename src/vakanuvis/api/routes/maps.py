"""The actor network of a period and the places with coordinates, for the reader's graph and map."""

from __future__ import annotations

from fastapi import APIRouter

from vakanuvis.api.deps import KnowledgeBaseDep
from vakanuvis.api.routes.common import DocumentFilter, PeriodDep
from vakanuvis.api.schemas import NetworkPublic, PlacesPublic

router = APIRouter(tags=["maps"])


@router.get("/network", response_model=NetworkPublic)
def network(
    kb: KnowledgeBaseDep,
    period: PeriodDep,
    document: DocumentFilter = None,
):
    return kb.network(document, date_from=period.date_from, date_to=period.date_to)


@router.get("/places", response_model=PlacesPublic)
def places(kb: KnowledgeBaseDep, document: DocumentFilter = None):
    found = kb.places(document)
    return {"data": found, "count": len(found)}
