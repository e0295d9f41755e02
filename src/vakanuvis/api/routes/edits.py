"""The log of edits, and undoing one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from vakanuvis.api import records
from vakanuvis.api.deps import EngineDep, TokenName
from vakanuvis.api.routes.common import PageDep
from vakanuvis.api.schemas import EditPublic, EditsPublic
from vakanuvis.store import edits

router = APIRouter(prefix="/edits", tags=["edits"])


@router.get("", response_model=EditsPublic)
def list_edits(engine: EngineDep, page: PageDep):
    """Every edit, newest first, with who made it and when."""
    return records.paged(edits.list_edits(engine), page.offset, page.limit)


@router.post("/{edit_id}/undo", response_model=EditPublic, responses={401: {}, 403: {}, 404: {}})
def undo_edit(engine: EngineDep, token: TokenName, edit_id: Annotated[int, Path(ge=1, le=2**31 - 1)]):
    """Take an edit back; the edit stays in the log, marked undone."""
    return edits.undo_edit(engine, edit_id, token)
