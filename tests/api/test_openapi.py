"""The OpenAPI document tells the truth: each status a route sends is listed for it, with the content type
and the schema of what is sent, and a 405 names every method the path takes."""

from __future__ import annotations

import re

import pytest
import schemathesis

ALICE = {"Authorization": "Bearer s3cret"}
UNUSED_METHODS = ("DELETE", "PUT")  # no route takes them


@pytest.fixture
def document(client):
    return client.app.openapi()


@pytest.fixture
def check_answer(client, document):
    """Check that `response` of the operation `method path` is one the document describes."""
    schema = schemathesis.openapi.from_dict(document)

    def check(method: str, path: str, response) -> None:
        answers = document["paths"][path][method.lower()]["responses"]
        status = str(response.status_code)
        assert status in answers, f"{method} {path} sends {status}, the document lists {sorted(answers)}"
        media_type = response.headers["content-type"].split(";")[0]
        assert media_type in answers[status]["content"], (status, media_type)
        schema[path][method].validate_response(response)  # raises when the body does not match

    return check


def _fits(template: str, url: str) -> bool:
    """Whether `url` is a path of the OpenAPI path `template` ({name} standing for one segment)."""
    parts, given = template.split("/"), url.split("/")
    return len(parts) == len(given) and all(
        p == g or p.startswith("{") for p, g in zip(parts, given, strict=True)
    )


def _entity(client) -> str:
    return client.get("/api/entities").json()["data"][0]["id"]


def _event(client) -> str:
    return client.get("/api/events").json()["data"][0]["id"]


@pytest.mark.parametrize(
    ("method", "path", "request_of", "status"),
    [
        ("GET", "/api/search", lambda c: c.get("/api/search?q=%00"), 400),
        ("GET", "/api/reconcile", lambda c: c.get("/api/reconcile", params={"callback": "1+1"}), 400),
        ("GET", "/api/reconcile", lambda c: c.get("/api/reconcile", params={"callback": "cb"}), 200),
        ("GET", "/api/reconcile", lambda c: c.get("/api/reconcile", params={"queries": "{"}), 400),
        ("PATCH", "/api/entities/{entity_id}", lambda c: c.patch(f"/api/entities/{_entity(c)}"), 401),
        (
            "PATCH",
            "/api/entities/{entity_id}",
            lambda c: c.patch(
                f"/api/entities/{_entity(c)}", json={"name": "X"}, headers={"Authorization": "Bearer no"}
            ),
            403,
        ),
        ("GET", "/api/documents/{document_id}", lambda c: c.get("/api/documents/nope"), 404),
        ("GET", "/api/events", lambda c: c.get("/api/events?document=nope"), 404),
        ("GET", "/api/reconcile/preview", lambda c: c.get("/api/reconcile/preview?id=nope"), 404),
        ("POST", "/api/edits/{edit_id}/undo", lambda c: c.post("/api/edits/999/undo", headers=ALICE), 404),
        (
            "POST",
            "/api/entities/merge",
            lambda c: c.post("/api/entities/merge", json={"into": "x" * 70_000, "merge": []}, headers=ALICE),
            413,
        ),
        (
            "POST",
            "/api/documents",
            lambda c: c.post("/api/documents", files={"file": ("a.doc", b"text")}, headers=ALICE),
            415,
        ),
        ("GET", "/api/events", lambda c: c.get("/api/events?limit=0"), 422),
        (
            "PATCH",
            "/api/events/{event_id}",
            lambda c: c.patch(f"/api/events/{_event(c)}", json={"date": "23 Nisan"}, headers=ALICE),
            422,
        ),
        (
            "POST",
            "/api/documents",
            lambda c: c.post("/api/documents", files={"file": ("empty.txt", b"")}, headers=ALICE),
            422,
        ),
        ("GET", "/api/context.jsonld", lambda c: c.get("/api/context.jsonld"), 200),
        ("GET", "/api/reconcile/preview", lambda c: c.get(f"/api/reconcile/preview?id={_entity(c)}"), 200),
    ],
)
def test_each_status_sent_is_described(client, check_answer, method, path, request_of, status):
    response = request_of(client)
    assert response.status_code == status, response.text
    check_answer(method, path, response)


def test_uploads_edits_and_an_undo_conflict_are_described(client, check_answer):
    article = b"23 Nisan 1920'de Ankara'da Buyuk Millet Meclisi acildi.\n"
    first = client.post("/api/documents", files={"file": ("a.txt", article)}, headers=ALICE)
    again = client.post("/api/documents", files={"file": ("b.txt", article)}, headers=ALICE)
    assert (first.status_code, again.status_code) == (201, 200), again.text
    for response in (first, again):
        check_answer("POST", "/api/documents", response)
    entity = _entity(client)
    renamed = client.patch(f"/api/entities/{entity}", json={"name": "Another name"}, headers=ALICE)
    assert renamed.status_code == 200, renamed.text
    check_answer("PATCH", "/api/entities/{entity_id}", renamed)
    edit = renamed.json()["id"]
    undone = client.post(f"/api/edits/{edit}/undo", headers=ALICE)
    assert undone.status_code == 200, undone.text
    check_answer("POST", "/api/edits/{edit_id}/undo", undone)
    conflict = client.post(f"/api/edits/{edit}/undo", headers=ALICE)
    assert conflict.status_code == 409, conflict.text
    check_answer("POST", "/api/edits/{edit_id}/undo", conflict)


def test_a_validation_error_is_one_line_and_each_problem_by_where_it_stands(client):
    answer = client.get("/api/events?limit=0&offset=-1").json()
    assert isinstance(answer["detail"], str) and "\n" not in answer["detail"]
    assert {tuple(problem["loc"]) for problem in answer["errors"]} == {
        ("query", "limit"),
        ("query", "offset"),
    }
    assert "query.limit: Input should be greater than or equal to 1" in answer["detail"]


def test_a_401_says_how_to_authenticate(client):
    response = client.patch(f"/api/entities/{_entity(client)}", json={"name": "X"})
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"


def test_a_method_a_path_does_not_take_gets_405_naming_every_method_it_takes(client, document):
    assert {"get", "post"} <= set(document["paths"]["/api/documents"])  # a path of two routes
    for path in document["paths"]:
        url = re.sub(r"\{[^}]+\}", "1", path)
        # every path the URL fits: /api/entities/merge also fits /api/entities/{entity_id}
        declared = {
            method.upper()
            for other in document["paths"]
            if _fits(other, url)
            for method in document["paths"][other]
        }
        for method in UNUSED_METHODS:
            response = client.request(method, url)
            assert response.status_code == 405, (method, url, response.text)
            assert set(response.headers["allow"].split(", ")) == declared, (method, url)
            assert method in response.json()["detail"]
