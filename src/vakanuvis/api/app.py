"""The FastAPI app: /api/ routes, errors as clear 4xx answers, bounded requests, the web reader at /."""

from __future__ import annotations

import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from sqlalchemy.exc import DataError, StatementError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from vakanuvis.api.auth import parse_tokens
from vakanuvis.api.deps import Settings
from vakanuvis.api.error_answers import api_routes, openapi_with_errors
from vakanuvis.api.routes import (
    documents,
    edits,
    entities,
    events,
    findings,
    linked_data,
    maps,
    reconcile,
    search,
    sources,
)
from vakanuvis.errors import BadEdit, BadOption, EditConflict, UnknownDocument, UnknownRecord, VakanuvisError
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.store.database import database_location_default

UPLOAD_VARIABLE = "VAKANUVIS_UPLOADS"


def create_app(
    location: str | None = None,
    *,
    tokens: str | None = None,
    upload_folder: str | Path | None = None,
) -> FastAPI:
    """The API on the knowledge base at `location` (as --db); tokens default to $VAKANUVIS_TOKEN."""
    location = location or database_location_default()
    app = FastAPI(
        title="vakanuvis",
        summary="A source-linked knowledge base of historical scholarship",
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.knowledge_base = KnowledgeBase(location)
    app.state.settings = Settings(
        location=location,
        tokens=parse_tokens(tokens if tokens is not None else os.environ.get("VAKANUVIS_TOKEN")),
        upload_folder=Path(upload_folder or _default_upload_folder(location)).resolve(),
    )
    routes = (documents, events, entities, sources, search, findings, maps, edits, reconcile, linked_data)
    for module in routes:  # before the reader's static files at /, which take every other path
        app.include_router(module.router, prefix="/api")
    served = api_routes((module.router for module in routes), "/api")
    app.openapi = openapi_with_errors(app, served)  # type: ignore[method-assign]
    _add_error_handlers(app)
    app.add_middleware(AllowedMethods, routes=served)
    app.add_middleware(BoundedRequests, settings=app.state.settings)
    static = resources.files("vakanuvis") / "web" / "static"
    if static.is_dir() and (Path(str(static)) / "index.html").exists():
        from fastapi.staticfiles import StaticFiles

        app.mount("/", StaticFiles(directory=str(static), html=True), name="web")
    return app


def _default_upload_folder(location: str) -> Path:
    if os.environ.get(UPLOAD_VARIABLE):
        return Path(os.environ[UPLOAD_VARIABLE])
    if "://" not in location:
        return Path(location).expanduser().resolve().parent / "vakanuvis-uploads"
    return Path.cwd() / "vakanuvis-uploads"


def _detail(status_code: int, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """An error answer: {"detail": "one line"}; a 422 also lists `errors` by where they stand (here none)."""
    body: dict[str, Any] = {"detail": message}
    if status_code == 422:
        body["errors"] = []
    return JSONResponse(body, status_code=status_code, headers=headers)


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(UnknownDocument)
    async def unknown_document(_request: Request, error: UnknownDocument) -> JSONResponse:
        return _detail(404, str(error).split(" (see")[0])

    @app.exception_handler(UnknownRecord)
    async def unknown_record(_request: Request, error: UnknownRecord) -> JSONResponse:
        return _detail(404, str(error))

    @app.exception_handler(EditConflict)
    async def edit_conflict(_request: Request, error: EditConflict) -> JSONResponse:
        return _detail(409, str(error))

    @app.exception_handler(BadEdit)
    @app.exception_handler(BadOption)
    async def bad_value(_request: Request, error: VakanuvisError) -> JSONResponse:
        return _detail(422, str(error))

    @app.exception_handler(VakanuvisError)
    async def other_error(_request: Request, error: VakanuvisError) -> JSONResponse:
        return _detail(400, str(error))

    @app.exception_handler(StarletteHTTPException)
    async def refused(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        return _detail(error.status_code, str(error.detail), headers=error.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        # FastAPI's own answer echoes the input, which may hold what cannot be encoded (a lone surrogate
        # escape is valid JSON and no Unicode): each error is given by where it stands and what is wrong,
        # in the shape the OpenAPI document names (ValidationErrorAnswer), never with the input itself.
        errors = [encodable_error(item) for item in error.errors()]
        line = "; ".join(f"{'.'.join(str(part) for part in item['loc'])}: {item['msg']}" for item in errors)
        return JSONResponse({"detail": line or "the request is not valid", "errors": errors}, status_code=422)

    @app.exception_handler(DataError)
    @app.exception_handler(StatementError)
    async def value_the_database_refuses(_request: Request, _error: Exception) -> JSONResponse:
        return _detail(400, "the request holds a value the database cannot store or compare")


def encodable_error(item: Any) -> dict[str, Any]:
    """One validation error as {loc, msg, type}, every text in it clean UTF-8."""

    def clean(value: Any) -> Any:
        return value.encode("utf-8", "backslashreplace").decode("utf-8") if isinstance(value, str) else value

    return {
        "loc": [clean(part) for part in item.get("loc", ())],
        "msg": clean(str(item.get("msg", ""))),
        "type": clean(str(item.get("type", ""))),
    }


class BoundedRequests:
    """Refuse, before any route runs, bodies over the size limits and URLs that are not clean UTF-8."""

    def __init__(self, app, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = _url_problem(scope)
        if problem:
            await _detail(400, problem)(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        multipart = headers.get("content-type", "").startswith("multipart/")
        limit = self.settings.max_upload_bytes + 64 * 1024 if multipart else self.settings.max_json_bytes
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            await _detail(413, f"the request body is larger than {limit} bytes")(scope, receive, send)
            return
        body, more, messages = 0, True, []
        while more:  # read the body here, so a body without a declared length is bounded too
            message = await receive()
            messages.append(message)
            if message["type"] != "http.request":
                break
            body += len(message.get("body", b""))
            if body > limit:
                await _detail(413, f"the request body is larger than {limit} bytes")(scope, receive, send)
                return
            more = message.get("more_body", False)

        async def replay():
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


class AllowedMethods:
    """A 405 for a method that no route of an /api/ path takes, with `Allow` naming every one that does
    (Starlette's router would name only the first route's, or leave the path to the reader's files)."""

    def __init__(self, app, routes: list[tuple[str, APIRoute]]) -> None:
        self.app = app
        self.routes = [(compile_path(path)[0], route.methods or set()) for path, route in routes]

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            allowed = self.methods(scope["path"])
            if allowed and scope["method"] not in allowed:
                line = f"{scope['method']} is not allowed here; this path takes {', '.join(allowed)}"
                await _detail(405, line, headers={"Allow": ", ".join(allowed)})(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def methods(self, path: str) -> list[str]:
        """The methods of the API routes whose path is `path` (none when no API route has it)."""
        return sorted(
            {method for pattern, methods in self.routes if pattern.match(path) for method in methods}
        )


def _url_problem(scope) -> str | None:
    raw_path = scope.get("raw_path") or scope["path"].encode("utf-8", "surrogateescape")
    for part, name in ((raw_path, "path"), (scope.get("query_string", b""), "query")):
        decoded = unquote_to_bytes(part)
        try:
            text = decoded.decode("utf-8")
        except UnicodeDecodeError:
            return f"the URL {name} is not valid UTF-8"
        if "\x00" in text:
            return f"the URL {name} holds a NUL character"
    return None


def serve(location: str | None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API (and the web reader) with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(location), host=host, port=port, log_level="warning")
