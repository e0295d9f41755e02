"""Query parameters shared by the list routes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Path, Query
from pydantic import BaseModel

MAX_OFFSET = 10**9
MAX_LIMIT = 500  # the most records one page of a list holds


class Page(BaseModel):
    offset: int
    limit: int


def page(
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="skip this many records")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="at most this many records")] = 50,
) -> Page:
    return Page(offset=offset, limit=limit)


PageDep = Annotated[Page, Depends(page)]


def paged(items: list[Any], page: Page) -> dict[str, Any]:
    """The form of every API list: one page of `data`, and `count` before paging."""
    return {"data": items[page.offset : page.offset + page.limit], "count": len(items)}


DocumentFilter = Annotated[
    str | None, Query(max_length=64, description="only this document (an id from /api/documents)")
]
DocumentId = Annotated[str, Path(max_length=64, description="a document id from /api/documents")]
RecordId = Annotated[str, Path(max_length=400)]
