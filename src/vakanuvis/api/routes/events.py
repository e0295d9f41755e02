"""Events: chronological, filtered by period, actor, place and document; correcting an event's date."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from vakanuvis.api.deps import KnowledgeBaseDep, TokenName
from vakanuvis.api.routes.common import DocumentFilter, PageDep, PeriodDep, RecordId
from vakanuvis.api.schemas import DateRequest, EditPublic, EventsPublic

router = APIRouter(prefix="/events", tags=["events"])


@router.get("", response_model=EventsPublic)
def list_events(
    kb: KnowledgeBaseDep,
    page: PageDep,
    period: PeriodDep,
    document: DocumentFilter = None,
    actor: Annotated[str | None, Query(max_length=200, description="part of an actor's name")] = None,
    place: Annotated[str | None, Query(max_length=200, description="part of a place's name")] = None,
    overlapping: Annotated[
        bool, Query(description="also the events that only reach into the period, not only those inside it")
    ] = False,
):
    filters = {"date_from": period.date_from, "date_to": period.date_to, "actor": actor, "place": place}
    found = kb.events(document, **filters, overlapping=overlapping, limit=page.limit, offset=page.offset)
    return {"data": found, "count": kb.count_events(document, **filters, overlapping=overlapping)}


@router.patch("/{event_id}", response_model=EditPublic, responses={401: {}, 403: {}, 404: {}})
def correct_event_date(kb: KnowledgeBaseDep, token: TokenName, event_id: RecordId, body: DateRequest):
    """Set the event's date (EDTF); recorded as an edit that can be undone."""
    return kb.correct_event_date(event_id, body.date, by=token)
