"""The JSON-LD @context that the JSON-LD exports refer to, published where consumers can fetch it."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from vakanuvis.export.jsonld import published_context

router = APIRouter(tags=["linked data"])


class JSONLDResponse(JSONResponse):
    media_type = "application/ld+json"


@router.get("/context.jsonld", response_class=JSONLDResponse)
def context() -> JSONLDResponse:
    """The @context of vakanuvis's JSON-LD (schema.org terms, xsd: and edtf: datatypes)."""
    return JSONLDResponse({"@context": published_context()})
