"""Bad requests get a 4xx answer with a clear message, never a 500, and change nothing stored."""

from __future__ import annotations

import pytest

ALICE = {"Authorization": "Bearer s3cret"}


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/documents/nope", 404, "no document with id 'nope'"),
        ("/api/documents/nope/annotations", 404, "no document with id 'nope'"),
        ("/api/documents/nope/footnotes", 404, "no document with id 'nope'"),
        ("/api/entities/person:nobody", 404, "no entity with id 'person:nobody'"),
        ("/api/sources/nope", 404, "no source with id 'nope'"),
        ("/api/events?document=nope", 404, "no document with id 'nope'"),
        ("/api/events?from=1920-13", 422, "is not a date"),
        ("/api/events?from=1920-02-30", 422, "is not a date"),
        ("/api/events?from=yesterday", 422, "pattern"),
        ("/api/events?limit=0", 422, "greater than or equal to 1"),
        # a period asked by a name no route knows is refused, not silently ignored; start/end are from/to
        ("/api/events?year=1920", 422, "'year'"),
        ("/api/events?since=1920&until=1921", 422, "from"),
        ("/api/events?date_from=1920", 422, "start"),
        ("/api/network?date=1920", 422, "'date'"),
        ("/api/events?from=1920&start=1921", 422, "both"),
        ("/api/events?start=1920-13", 422, "is not a date"),
        ("/api/events?limit=501", 422, "less than or equal to 500"),
        ("/api/events?limit=ten", 422, "valid integer"),
        ("/api/events?offset=-1", 422, "greater than or equal to 0"),
        ("/api/entities?type=weapon", 422, "pattern"),
        ("/api/search", 422, "Field required"),
        ("/api/search?q=" + "x" * 600, 422, "at most 500"),
        ("/api/search?q=%00", 400, "NUL"),
        ("/api/search?q=%FF%FE", 400, "not valid UTF-8"),
        ("/api/documents/%00", 400, "NUL"),
        ("/api/entities/%C3%28", 400, "not valid UTF-8"),
    ],
)
def test_bad_reads(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status, response.text
    assert message in str(response.json()["detail"])


@pytest.mark.parametrize(
    "query",
    [
        "'; DROP TABLE documents; --",
        "<script>alert(1)</script>",
        "1 OR 1=1",
        "NEAR(a b)",
        '"',
        "*",
        "%",
        "\\",
    ],
)
def test_sql_and_html_in_query_strings_are_only_words(client, query):
    before = client.get("/api/documents").json()
    for url in ("/api/search", "/api/events", "/api/entities", "/api/sources"):
        params = {"q": query} if url == "/api/search" else {"actor": query, "document": query[:60]}
        response = client.get(url, params=params)
        assert response.status_code in (200, 404), response.text
    assert client.get("/api/documents").json() == before


@pytest.mark.parametrize(
    ("method", "url", "body", "status", "message"),
    [
        ("patch", "/api/entities/person:nobody", {"name": "X"}, 404, "no entity"),
        ("patch", "/api/events/nope-e0", {"date": "1920"}, 404, "no event"),
        ("patch", "/api/events/FIRST", {"date": "23 Nisan"}, 422, "not an EDTF date"),
        ("patch", "/api/events/FIRST", {"date": 1920}, 422, "string"),
        ("patch", "/api/events/FIRST", {}, 422, "Field required"),
        ("patch", "/api/events/FIRST", {"date": "1920", "extra": 1}, 422, "Extra inputs"),
        ("patch", "/api/entities/ENTITY", {"name": ""}, 422, "at least 1"),
        ("patch", "/api/entities/ENTITY", {"name": "a\u0000b"}, 422, "control characters"),
        ("patch", "/api/entities/ENTITY", {"name": "x" * 301}, 422, "at most 300"),
        ("patch", "/api/entities/ENTITY", ["name"], 422, "valid dictionary"),
        ("post", "/api/entities/merge", {"into": "ENTITY", "merge": []}, 422, "at least 1"),
        ("post", "/api/entities/merge", {"into": "ENTITY", "merge": "x"}, 422, "valid list"),
        ("post", "/api/entities/merge", {"into": "ENTITY", "merge": ["ENTITY"]}, 422, "at least one entity"),
        ("post", "/api/entities/merge", {"into": "ENTITY", "merge": ["person:nobody"]}, 404, "no entity"),
        ("post", "/api/findings/nope/review", {"reviewed": True}, 404, "no finding"),
        ("post", "/api/findings/nope/review", {"reviewed": "perhaps"}, 422, "valid boolean"),
        ("post", "/api/edits/12345/undo", None, 404, "no edit"),
        ("post", "/api/edits/abc/undo", None, 422, "valid integer"),
    ],
)
def test_bad_writes(client, method, url, body, status, message):
    first_event = client.get("/api/events").json()["data"][0]["id"]
    entity = client.get("/api/entities").json()["data"][0]["id"]
    url = url.replace("FIRST", first_event)
    body = _replace(body, entity)
    before = (client.get("/api/entities").json(), client.get("/api/events").json())
    response = client.request(method, url.replace("ENTITY", entity), json=body, headers=ALICE)
    assert response.status_code == status, response.text
    assert message in str(response.json()["detail"])
    assert (client.get("/api/entities").json(), client.get("/api/events").json()) == before
    assert client.get("/api/edits").json()["count"] == 0


def _replace(body, entity):
    if isinstance(body, dict):
        return {k: _replace(v, entity) for k, v in body.items()}
    if isinstance(body, list):
        return [_replace(v, entity) for v in body]
    return entity if body == "ENTITY" else body


@pytest.mark.parametrize(
    ("content", "content_type", "status", "message"),
    [
        (b'{"name": ', "application/json", 422, "JSON decode error"),
        (b"name=x", "application/x-www-form-urlencoded", 422, "valid dictionary"),
        (b"\xff\xfe", "application/json", 422, ""),
        (b'{"name": "' + b"x" * 100_000 + b'"}', "application/json", 413, "larger than"),
    ],
)
def test_malformed_and_huge_bodies(client, content, content_type, status, message):
    entity = client.get("/api/entities").json()["data"][0]["id"]
    response = client.patch(
        f"/api/entities/{entity}", content=content, headers={**ALICE, "Content-Type": content_type}
    )
    assert response.status_code == status, response.text
    assert message in str(response.json()["detail"])


def test_huge_body_without_a_declared_length_is_refused(client):
    def chunks():
        for _ in range(100):
            yield b"x" * 1024

    entity = client.get("/api/entities").json()["data"][0]["id"]
    response = client.patch(
        f"/api/entities/{entity}", content=chunks(), headers={**ALICE, "Content-Type": "application/json"}
    )
    assert response.status_code == 413
