"""Entities: the list, one entity with its mentions, events and sources; merging and renaming."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from vakanuvis.api import records
from vakanuvis.api.deps import EngineDep, TokenName
from vakanuvis.api.routes.common import DocumentFilter, PageDep, RecordId
from vakanuvis.api.schemas import EditPublic, EntitiesPublic, EntityDetail, MergeRequest, RenameRequest
from vakanuvis.store import edits, queries

router = APIRouter(prefix="/entities", tags=["entities"])
EntityType = Annotated[
    str | None, Query(pattern="^(person|place|organization|treaty|meeting)?$", description="only this type")
]


@router.get("", response_model=EntitiesPublic)
def list_entities(engine: EngineDep, page: PageDep, document: DocumentFilter = None, type: EntityType = None):
    found = queries.list_entities(engine, document)
    if type:
        found = [entity for entity in found if entity["type"] == type]
    return records.paged(found, page.offset, page.limit)


@router.post("/merge", response_model=EditPublic, responses={401: {}, 403: {}, 404: {}})
def merge_entities(engine: EngineDep, token: TokenName, body: MergeRequest):
    """Make the entities in `merge` one with `into`; recorded as an edit that can be undone."""
    return edits.merge_entities(engine, body.into, list(body.merge), token)


@router.get("/{entity_id}", response_model=EntityDetail)
def get_entity(engine: EngineDep, entity_id: RecordId):
    return records.entity_with_sources(engine, entity_id)


@router.patch("/{entity_id}", response_model=EditPublic, responses={401: {}, 403: {}, 404: {}})
def rename_entity(engine: EngineDep, token: TokenName, entity_id: RecordId, body: RenameRequest):
    """Give the entity a new canonical name; recorded as an edit that can be undone."""
    return edits.rename_entity(engine, entity_id, body.name, token)
