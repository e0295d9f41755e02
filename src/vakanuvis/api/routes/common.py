"""Query parameters shared by the list routes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Path, Query, Request
from pydantic import BaseModel

from vakanuvis.errors import BadOption

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


DatePattern = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty means no bound, as a form sends it
# names a client may give a period by that no route takes: refused rather than silently unfiltered (other
# unknown parameters, JSONP's callback or a cache-buster, are left alone)
PERIOD_LIKE_PARAMETERS = frozenset(
    {"date", "dates", "year", "years", "since", "until", "before", "after", "begin", "finish", "period"}
    | {
        f"{a}{sep}{b}"
        for a, b in (
            ("date", "from"),
            ("date", "to"),
            ("from", "date"),
            ("to", "date"),
            ("start", "date"),
            ("end", "date"),
            ("date", "start"),
            ("date", "end"),
        )
        for sep in ("_", "")
    }
)


class Period(BaseModel):
    date_from: str | None
    date_to: str | None


def period(
    request: Request,
    date_from: Annotated[
        str | None, Query(alias="from", pattern=DatePattern, description="YYYY[-MM[-DD]]")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", pattern=DatePattern, description="YYYY[-MM[-DD]]")
    ] = None,
    start: Annotated[str | None, Query(pattern=DatePattern, description="the same as `from`")] = None,
    end: Annotated[str | None, Query(pattern=DatePattern, description="the same as `to`")] = None,
) -> Period:
    """The period a list is narrowed to: `from` and `to`, or by the names of the events' own fields,
    `start` and `end`."""
    asked = sorted(PERIOD_LIKE_PARAMETERS & {name.casefold() for name in request.query_params})
    if asked:
        raise BadOption(
            f"unknown parameter {asked[0]!r}: a period is given by from and to (or start and end),"
            " each YYYY, YYYY-MM or YYYY-MM-DD"
        )
    bounds = []
    for name, given, alias, alias_name in (("from", date_from, start, "start"), ("to", date_to, end, "end")):
        if given and alias and given != alias:
            raise BadOption(f"both {name}={given!r} and {alias_name}={alias!r}: give one of them")
        bounds.append(given or alias)
    return Period(date_from=bounds[0], date_to=bounds[1])


PeriodDep = Annotated[Period, Depends(period)]
