"""A body holding a lone surrogate escape ("\\ud800", valid JSON, not valid Unicode) is refused with an
answer that can be encoded, on every JSON write route; nothing is changed."""

from __future__ import annotations

import json

import pytest

ALICE = {"Authorization": "Bearer s3cret", "Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("patch", "/api/entities/ENTITY", b'{"name": "\\ud800"}'),
        ("patch", "/api/entities/ENTITY", b'{"name": "Ankara \\udfff"}'),
        ("patch", "/api/events/EVENT", b'{"date": "\\ud800"}'),
        ("post", "/api/entities/merge", b'{"into": "ENTITY", "merge": ["\\ud800"]}'),
        ("post", "/api/entities/merge", b'{"into": "\\ud83d", "merge": ["ENTITY"]}'),
        ("post", "/api/findings/\\ud800/review", b'{"reviewed": true}'),
    ],
)
def test_a_lone_surrogate_is_refused_with_an_encodable_answer(client, method, url, body):
    entity = client.get("/api/entities").json()["data"][0]["id"]
    event = client.get("/api/events").json()["data"][0]["id"]
    before = (client.get("/api/entities").json(), client.get("/api/events").json())
    url = url.replace("ENTITY", entity).replace("EVENT", event)
    response = client.request(method, url, content=body.replace(b"ENTITY", entity.encode()), headers=ALICE)
    assert response.status_code in (400, 404, 422), response.text
    # the answer is clean UTF-8 and, read as JSON, holds no lone surrogate either
    json.dumps(response.json(), ensure_ascii=False).encode("utf-8")
    response.content.decode("utf-8")
    assert (client.get("/api/entities").json(), client.get("/api/events").json()) == before
