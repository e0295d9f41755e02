"""The reconciliation service OpenRefine speaks (W3C Entity Reconciliation API, version 0.2): the service
manifest, batches of queries, preview, suggest and the properties a query may give.

Reading only: no route here needs a token, and POST is only the protocol's way of sending long batches.
Suggest and preview are loaded by OpenRefine's page in the browser, so these answers allow any origin.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from vakanuvis.api.deps import KnowledgeBaseDep
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.reference.authority import ENTITY_TYPES
from vakanuvis.resolve.reconcile import (
    DEFAULT_LIMIT,
    MOST_CANDIDATES,
    PROPERTIES,
    TYPE_NAMES,
    PropertyValue,
    ReconcileQuery,
)

router = APIRouter(prefix="/reconcile", tags=["reconcile"])

MOST_QUERIES = 100  # in one batch (OpenRefine sends 10)
QUERY_LENGTH = 500
OPEN_TO_ANY_ORIGIN = {"Access-Control-Allow-Origin": "*"}
_CALLBACK = re.compile(r"^[A-Za-z_$][\w$.]{0,100}$")  # a JSONP function name, nothing that could be code
JSON_OR_JSONP: dict[int | str, dict[str, Any]] = {  # what `_answer` sends
    200: {
        "description": "JSON; JavaScript (the JSON wrapped in a call of `callback`) when `callback` is given",
        "content": {"application/javascript": {"schema": {"type": "string"}}},
    }
}

Callback = Annotated[str | None, Query(max_length=101, description="JSONP: wrap the answer in this function")]
Queries = Annotated[
    str | None,
    Query(max_length=60_000, description='a JSON batch: {"q0": {"query": "Chicherin", "type": "person"}}'),
]


def _answer(body: Any, callback: str | None) -> Response:
    """JSON, or JSONP when a `callback` is given (older OpenRefine clients)."""
    if callback:
        if not _CALLBACK.match(callback):
            raise HTTPException(400, "callback must be a JavaScript function name")
        text = f"{callback}({json.dumps(body, ensure_ascii=False)})"
        return Response(text, media_type="application/javascript", headers=OPEN_TO_ANY_ORIGIN)
    return JSONResponse(body, headers=OPEN_TO_ANY_ORIGIN)


def _base(request: Request) -> str:
    """The server's address as the client reached it, without a trailing slash."""
    return str(request.base_url).rstrip("/")


def manifest(base: str) -> dict[str, Any]:
    """The service manifest: what OpenRefine reads when the service is added."""
    return {
        "versions": ["0.1", "0.2"],
        "name": "vakanuvis: people, places, organizations, treaties and meetings of 1918-1923",
        "identifierSpace": f"{base}/api/entities/",
        "schemaSpace": f"{base}/api/reconcile/types/",
        "defaultTypes": [{"id": kind, "name": TYPE_NAMES[kind]} for kind in ENTITY_TYPES],
        "view": {"url": f"{base}/#/entity/{{{{id}}}}"},
        "preview": {"url": f"{base}/api/reconcile/preview?id={{{{id}}}}", "width": 420, "height": 200},
        "suggest": {
            kind: {"service_url": base, "service_path": f"/api/reconcile/suggest/{kind}"}
            for kind in ("entity", "type", "property")
        },
        "propose_properties": {"service_url": base, "service_path": "/api/reconcile/properties"},
    }


@router.get("", responses=JSON_OR_JSONP)
def reconcile(kb: KnowledgeBaseDep, request: Request, queries: Queries = None, callback: Callback = None):
    """Without `queries`, the service manifest; with them, each query's candidates:
    `{"q0": {"result": [{id, name, type, score, match, description}]}}`."""
    return _manifest_or_candidates(kb, request, queries, callback)


@router.post(
    "",
    responses=JSON_OR_JSONP,
    openapi_extra={"requestBody": {"content": {"application/x-www-form-urlencoded": {}}}},
)
async def reconcile_posted(
    kb: KnowledgeBaseDep, request: Request, queries: Queries = None, callback: Callback = None
):
    """The same with `queries` (and `callback`) as form fields, as OpenRefine posts its batches; no token is
    needed: nothing is written."""
    form = await request.form()
    posted, posted_callback = form.get("queries"), form.get("callback")
    queries = posted if isinstance(posted, str) else queries
    callback = callback or (posted_callback if isinstance(posted_callback, str) else None)
    return _manifest_or_candidates(kb, request, queries, callback)


def _manifest_or_candidates(
    kb: KnowledgeBase, request: Request, queries: str | None, callback: str | None
) -> Response:
    if not queries:
        return _answer(manifest(_base(request)), callback)
    batch = parse_batch(queries)
    index = kb.reconciliation()
    answer = {
        name: {"result": [candidate.public() for candidate in index.reconcile(query)]}
        for name, query in batch.items()
    }
    return _answer(answer, callback)


@router.get("/preview", response_class=HTMLResponse, responses={404: {}})
def preview(kb: KnowledgeBaseDep, id: Annotated[str, Query(max_length=400)]):
    """A small HTML page about one entity, shown in OpenRefine beside a candidate."""
    page = kb.reconciliation().preview_html(id)
    if page is None:
        raise HTTPException(404, f"no entity has the id {id!r}")
    return HTMLResponse(page, headers=OPEN_TO_ANY_ORIGIN)


Prefix = Annotated[str, Query(max_length=200, description="the beginning of a name")]
SuggestType = Annotated[str | None, Query(max_length=40, description="only entities of this type")]
Limit = Annotated[int, Query(ge=1, le=MOST_CANDIDATES)]


@router.get("/suggest/entity", responses=JSON_OR_JSONP)
def suggest_entity(
    request: Request,
    kb: KnowledgeBaseDep,
    prefix: Prefix,
    type: SuggestType = None,
    limit: Limit = 10,
    cursor: Annotated[int, Query(ge=0, le=10_000)] = 0,
    callback: Callback = None,
):
    """Entities whose name, or one word of it, begins with `prefix`."""
    wanted = type if type in ENTITY_TYPES else None
    found = kb.reconciliation().suggest(prefix, wanted, limit + cursor)[cursor:]
    result = [
        {
            "id": record.id,
            "name": record.name,
            "description": record.description(),
            "notable": [{"id": record.type, "name": TYPE_NAMES[record.type]}],
        }
        for record in found
    ]
    return _answer({"result": result}, callback)


@router.get("/suggest/type", responses=JSON_OR_JSONP)
def suggest_type(request: Request, prefix: Prefix, callback: Callback = None):
    """The entity types whose id or name begins with `prefix`."""
    wanted = prefix.casefold()
    result = [
        {"id": kind, "name": name}
        for kind, name in TYPE_NAMES.items()
        if kind.startswith(wanted) or name.casefold().startswith(wanted)
    ]
    return _answer({"result": result}, callback)


@router.get("/suggest/property", responses=JSON_OR_JSONP)
def suggest_property(request: Request, prefix: Prefix, callback: Callback = None):
    """The properties whose id or name begins with `prefix`."""
    wanted = prefix.casefold()
    result = [
        {"id": p.id, "name": p.name, "description": p.description}
        for p in PROPERTIES
        if p.id.startswith(wanted) or p.name.casefold().startswith(wanted)
    ]
    return _answer({"result": result}, callback)


@router.get("/properties", responses=JSON_OR_JSONP)
def propose_properties(
    request: Request,
    type: Annotated[str | None, Query(max_length=40)] = None,
    limit: Limit = 10,
    callback: Callback = None,
):
    """The properties a query of this type may give (all of them without a type)."""
    chosen = [p for p in PROPERTIES if type is None or type in p.types][:limit]
    body: dict[str, Any] = {"properties": [{"id": p.id, "name": p.name} for p in chosen]}
    if type is not None:
        body["type"] = type
    return _answer(body, callback)


def parse_batch(text: str) -> dict[str, ReconcileQuery]:
    """The queries of a batch, each checked; a 400 that says what is wrong otherwise."""
    try:
        raw = json.loads(text)
    except ValueError as error:
        raise HTTPException(400, f"queries is not valid JSON ({error.args[0]})") from error
    if not isinstance(raw, dict) or not all(isinstance(q, dict) for q in raw.values()):
        raise HTTPException(400, 'queries must be an object of queries: {"q0": {"query": "..."}}')
    if len(raw) > MOST_QUERIES:
        raise HTTPException(400, f"at most {MOST_QUERIES} queries in one batch")
    return {str(name): _query(str(name), query) for name, query in raw.items()}


def _query(name: str, raw: dict[str, Any]) -> ReconcileQuery:
    text = raw.get("query")
    if not isinstance(text, str) or not text.strip() or len(text) > QUERY_LENGTH:
        raise HTTPException(400, f"{name}: query must be a name of 1 to {QUERY_LENGTH} characters")
    kind = raw.get("type")
    if isinstance(kind, list):  # some clients send a list of types; the first is the one asked for
        kind = kind[0] if kind else None
    if isinstance(kind, dict):
        kind = kind.get("id")
    if kind is not None and kind not in ENTITY_TYPES:
        raise HTTPException(400, f"{name}: type must be one of {', '.join(ENTITY_TYPES)}")
    limit = raw.get("limit", DEFAULT_LIMIT)
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 1:
        raise HTTPException(400, f"{name}: limit must be a positive whole number")
    properties = raw.get("properties") or []
    if not isinstance(properties, list):
        raise HTTPException(400, f"{name}: properties must be a list of {{pid, v}}")
    values = [value for item in properties for value in _property_values(name, item)]
    return ReconcileQuery(text.strip(), kind, min(limit, MOST_CANDIDATES), tuple(values))


def _property_values(name: str, item: Any) -> list[PropertyValue]:
    """A property's values: v may be a text, a number, an entity {id, name} or a list of them."""
    if not isinstance(item, dict) or not isinstance(item.get("pid"), str):
        raise HTTPException(400, f"{name}: each property needs a pid")
    values = item.get("v")
    found = []
    for value in values if isinstance(values, list) else [values]:
        if isinstance(value, dict):
            value = value.get("id") or value.get("name")
        if isinstance(value, (str, int, float)) and not isinstance(value, bool) and str(value).strip():
            found.append(PropertyValue(item["pid"], str(value).strip()[:QUERY_LENGTH]))
    return found
