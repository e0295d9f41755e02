"""Every status an operation can answer, written into the OpenAPI document with the shape that is sent.

The statuses are worked out from each route (its parameters, whether it needs a token) and from what its
decorator declares in `responses=` (e.g. 409, 415), so a new route is described without listing them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any

from fastapi import APIRouter, FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from pydantic.json_schema import models_json_schema

from vakanuvis.api.deps import require_token
from vakanuvis.api.schemas import ErrorAnswer, ValidationErrorAnswer

ERROR_DESCRIPTIONS: dict[int, str] = {
    400: "A URL that is not clean UTF-8 or holds a NUL, or a value the knowledge base cannot take",
    401: "No token: writing needs the header 'Authorization: Bearer <token>'",
    403: "The token is not accepted, or the server has no token configured (writing is disabled)",
    404: "No record with this id (or no document with the id given as `document`)",
    409: "The edit conflicts with the knowledge base as it stands",
    413: "The request body is larger than the server accepts",
    415: "The upload is not a .txt or .pdf file",
    422: "The request does not have the shape or the values the operation takes",
}
EVERY_OPERATION = (400, 413)  # the URL check and the body bound run before any route
COMPONENTS = "#/components/schemas/{model}"


def error_statuses(route: APIRoute) -> set[int]:
    """The error statuses `route` can answer: those every operation can, 422 when it takes any input,
    401 and 403 when it needs a token, 404 when it names a record by its path or a `document`, and the
    error statuses its decorator declares."""
    statuses = set(EVERY_OPERATION)
    inputs = [param for dependant in _dependants(route.dependant) for param in _inputs(dependant)]
    if inputs or route.body_field is not None:
        statuses.add(422)
    if any(dependant.call is require_token for dependant in _dependants(route.dependant)):
        statuses |= {401, 403}
    path_params = [param for dependant in _dependants(route.dependant) for param in dependant.path_params]
    query_names = {
        param.alias for dependant in _dependants(route.dependant) for param in dependant.query_params
    }
    if path_params or "document" in query_names:
        statuses.add(404)
    statuses |= {int(status) for status in route.responses if int(status) in ERROR_DESCRIPTIONS}
    return statuses


def _dependants(dependant: Dependant) -> Iterator[Dependant]:
    yield dependant
    for sub in dependant.dependencies:
        yield from _dependants(sub)


def _inputs(dependant: Dependant) -> list[Any]:
    return [
        *dependant.path_params,
        *dependant.query_params,
        *dependant.header_params,
        *dependant.cookie_params,
        *dependant.body_params,
    ]


def api_routes(routers: Iterable[APIRouter], prefix: str) -> list[tuple[str, APIRoute]]:
    """Each route of `routers` with its whole path, as the app serves them under `prefix`."""
    return [
        (prefix + route.path_format, route)
        for router in routers
        for route in router.routes
        if isinstance(route, APIRoute)
    ]


def openapi_with_errors(app: FastAPI, routes: list[tuple[str, APIRoute]]) -> Callable[[], dict[str, Any]]:
    """`app.openapi`: FastAPI's document, each operation of `routes` (from `api_routes`) with every error
    status it can answer, each with the model of what is sent (ErrorAnswer; ValidationErrorAnswer for 422)."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        document = FastAPI.openapi(app)  # FastAPI's own (kept as app.openapi_schema), completed here
        _, schemas = models_json_schema(
            [(ErrorAnswer, "serialization"), (ValidationErrorAnswer, "serialization")],
            ref_template=COMPONENTS,
        )
        components = document.setdefault("components", {}).setdefault("schemas", {})
        components.update(schemas["$defs"])
        for path, route in routes:
            for method in (route.methods or set()) if route.include_in_schema else set():
                operation = document["paths"][path][method.lower()]
                answers = operation["responses"] | {str(s): _error_response(s) for s in error_statuses(route)}
                operation["responses"] = dict(sorted(answers.items()))
        for unused in ("HTTPValidationError", "ValidationError"):  # FastAPI's 422, replaced above
            components.pop(unused, None)
        app.openapi_schema = document
        return document

    return openapi


def _error_response(status: int) -> dict[str, Any]:
    model = ValidationErrorAnswer if status == 422 else ErrorAnswer
    response: dict[str, Any] = {
        "description": ERROR_DESCRIPTIONS[status],
        "content": {"application/json": {"schema": {"$ref": COMPONENTS.format(model=model.__name__)}}},
    }
    if status == 401:
        response["headers"] = {
            "WWW-Authenticate": {"description": "Bearer", "schema": {"type": "string"}, "required": True}
        }
    return response
