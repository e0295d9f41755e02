"""Events: chronological, filtered by period, actor, place and document; correcting an event's date."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from vakanuvis.api import records
from vakanuvis.api.deps import EngineDep, TokenName
from vakanuvis.api.routes.common import DocumentFilter, PageDep, RecordId
from vakanuvis.api.schemas import DateRequest, EditPublic, EventsPublic
from vakanuvis.store import edits, queries

router = APIRouter(prefix="/events", tags=["events"])
DatePattern = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty means no bound, as a form sends it


@router.get("", response_model=EventsPublic)
def list_events(
    engine: EngineDep,
    page: PageDep,
    document: DocumentFilter = None,
    date_from: Annotated[
        str | None, Query(alias="from", pattern=DatePattern, description="YYYY[-MM[-DD]]")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", pattern=DatePattern, description="YYYY[-MM[-DD]]")
    ] = None,
    actor: Annotated[str | None, Query(max_length=200, description="part of an actor's name")] = None,
    place: Annotated[str | None, Query(max_length=200, description="part of a place's name")] = None,
):
    found = queries.list_events(
        engine,
        document,
        date_from=records.date_bound(date_from, last=False, name="from"),
        date_to=records.date_bound(date_to, last=True, name="to"),
        actor=actor,
        place=place,
    )
    return records.paged(found, page.offset, page.limit)


@router.patch("/{event_id}", response_model=EditPublic, responses={401: {}, 403: {}, 404: {}})
def correct_event_date(engine: EngineDep, token: TokenName, event_id: RecordId, body: DateRequest):
    """Set the event's date (EDTF); recorded as an edit that can be undone."""
    return edits.correct_event_date(engine, event_id, body.date, token)
