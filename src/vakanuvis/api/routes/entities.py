"""Entities: the list, one entity with its mentions, events and sources; merging and renaming."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from vakanuvis.api.deps import KnowledgeBaseDep, TokenName
from vakanuvis.api.routes.common import MAX_LIMIT, MAX_OFFSET, DocumentFilter, PageDep, RecordId, paged
from vakanuvis.api.schemas import (
    EditPublic,
    EntitiesPublic,
    EntityDetail,
    EntityMentionsPublic,
    MergeRequest,
    RenameRequest,
)

router = APIRouter(prefix="/entities", tags=["entities"])
ENTITY_MENTIONS = 200  # an entity page's mentions in context, unless asked for another page
EntityType = Annotated[
    str | None, Query(pattern="^(person|place|organization|treaty|meeting)?$", description="only this type")
]


@router.get("", response_model=EntitiesPublic)
def list_entities(
    kb: KnowledgeBaseDep, page: PageDep, document: DocumentFilter = None, type: EntityType = None
):
    return paged(kb.entities(document, type=type), page)


@router.post("/merge", response_model=EditPublic, responses={401: {}, 403: {}, 404: {}})
def merge_entities(kb: KnowledgeBaseDep, token: TokenName, body: MergeRequest):
    """Make the entities in `merge` one with `into`; recorded as an edit that can be undone."""
    return kb.merge_entities(body.into, list(body.merge), by=token)


@router.get("/{entity_id}", response_model=EntityDetail)
def get_entity(
    kb: KnowledgeBaseDep,
    entity_id: RecordId,
    mentions_offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="skip this many of its mentions (document order)")
    ] = 0,
    mentions_limit: Annotated[
        int, Query(ge=0, le=MAX_LIMIT, description="give at most this many of its mentions")
    ] = ENTITY_MENTIONS,
):
    """The entity with one page of its mentions in context (`mentions_count` says how many there are;
    `/api/entities/{id}/mentions` pages through them), its first events (`events_count`) and its
    sources. The encoded answer is kept until the knowledge base changes (`KnowledgeBase.kept_answer`)."""

    def encoded() -> bytes:
        detail = kb.entity(entity_id, most_mentions=mentions_limit, mentions_from=mentions_offset)
        return entity_page_json(detail)

    answer = kb.kept_answer(("entity page", entity_id, mentions_limit, mentions_offset), encoded)
    return Response(answer, media_type="application/json")


def entity_page_json(detail: dict) -> bytes:
    """An entity page as `response_model=EntityDetail` would send it (tests/api/test_read.py compares)."""
    return EntityDetail.model_validate(detail).model_dump_json(by_alias=True).encode()


@router.get("/{entity_id}/mentions", response_model=EntityMentionsPublic)
def get_entity_mentions(kb: KnowledgeBaseDep, entity_id: RecordId, page: PageDep):
    """One page of the entity's mentions in context, in document order, with how many there are."""
    mentions, count = kb.entity_mentions(entity_id, limit=page.limit, offset=page.offset)
    return {"data": mentions, "count": count}


@router.patch("/{entity_id}", response_model=EditPublic, responses={401: {}, 403: {}, 404: {}})
def rename_entity(kb: KnowledgeBaseDep, token: TokenName, entity_id: RecordId, body: RenameRequest):
    """Give the entity a new canonical name; recorded as an edit that can be undone."""
    return kb.rename_entity(entity_id, body.name, by=token)
