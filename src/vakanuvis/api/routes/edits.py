"""The log of edits, and undoing one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from vakanuvis.api.deps import KnowledgeBaseDep, TokenName
from vakanuvis.api.routes.common import PageDep, paged
from vakanuvis.api.schemas import EditPublic, EditsPublic

router = APIRouter(prefix="/edits", tags=["edits"])


@router.get("", response_model=EditsPublic)
def list_edits(kb: KnowledgeBaseDep, page: PageDep):
    """Every edit, newest first, with who made it and when."""
    return paged(kb.edits(), page)


@router.post("/{edit_id}/undo", response_model=EditPublic, responses={401: {}, 403: {}, 404: {}, 409: {}})
def undo_edit(kb: KnowledgeBaseDep, token: TokenName, edit_id: Annotated[int, Path(ge=1, le=2**31 - 1)]):
    """Take an edit back; the edit stays in the log, marked undone."""
    return kb.undo_edit(edit_id, by=token)
