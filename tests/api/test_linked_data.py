"""The JSON-LD @context published at /api/context.jsonld is the one shipped with the exports."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from vakanuvis.api.app import create_app

CONTEXT = Path(__file__).resolve().parents[2] / "src" / "vakanuvis" / "export" / "context.jsonld"


def test_the_context_is_published(tmp_path):
    app = create_app(str(tmp_path / "kb.db"))
    with TestClient(app) as client:
        answer = client.get("/api/context.jsonld")
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/ld+json")
        assert answer.json() == json.loads(CONTEXT.read_text(encoding="utf-8"))
        assert "/api/context.jsonld" in client.get("/api/openapi.json").json()["paths"]
    app.state.knowledge_base.engine.dispose()
