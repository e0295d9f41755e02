"""The actor network of a period and the places with coordinates, for the reader's graph and map."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from vakanuvis.api import records
from vakanuvis.api.deps import EngineDep
from vakanuvis.api.routes.common import DocumentFilter
from vakanuvis.api.routes.events import DatePattern
from vakanuvis.api.schemas import NetworkPublic, PlacesPublic

router = APIRouter(tags=["maps"])


@router.get("/network", response_model=NetworkPublic)
def network(
    engine: EngineDep,
    document: DocumentFilter = None,
    date_from: Annotated[str | None, Query(alias="from", pattern=DatePattern)] = None,
    date_to: Annotated[str | None, Query(alias="to", pattern=DatePattern)] = None,
):
    return records.actor_network(
        engine,
        records.date_bound(date_from, last=False, name="from"),
        records.date_bound(date_to, last=True, name="to"),
        document,
    )


@router.get("/places", response_model=PlacesPublic)
def places(engine: EngineDep, document: DocumentFilter = None):
    found = records.places_with_events(engine, document)
    return {"data": found, "count": len(found)}
