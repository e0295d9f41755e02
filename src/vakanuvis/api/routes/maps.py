"""The actor network of a period and the places with coordinates, for the reader's graph and map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from vakanuvis.api.deps import KnowledgeBaseDep
from vakanuvis.api.routes.common import DocumentFilter
from vakanuvis.api.routes.events import DatePattern
from vakanuvis.api.schemas import NetworkPublic, PlacesPublic

router = APIRouter(tags=["maps"])


@router.get("/network", response_model=NetworkPublic)
def network(
    kb: KnowledgeBaseDep,
    document: DocumentFilter = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=DatePattern)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DatePattern)] = None,
):
    return kb.network(document, date_from=date_from, date_to=date_to)


@router.get("/places", response_model=PlacesPublic)
def places(kb: KnowledgeBaseDep, document: DocumentFilter = None):
    found = kb.places(document)
    return {"data": found, "count": len(found)}
