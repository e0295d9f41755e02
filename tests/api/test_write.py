"""Writing through the API: tokens, edits recorded and undone, uploads kept inside the upload area."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from vakanuvis.api.app import create_app

ALICE = {"Authorization": "Bearer s3cret"}
BOB = {"Authorization": "Bearer other"}


def first_entity(client) -> dict:
    return client.get("/api/entities").json()["data"][0]


@pytest.mark.parametrize(
    ("headers", "status", "message"),
    [
        ({}, 401, "writing needs a token"),
        ({"Authorization": "Bearer wrong"}, 403, "not accepted"),
        ({"Authorization": "Basic s3cret"}, 401, "writing needs a token"),
        ({"Authorization": "Bearer "}, 401, "writing needs a token"),
        ({"Authorization": "s3cret"}, 401, "writing needs a token"),
    ],
)
def test_writes_without_a_good_token_are_refused(client, headers, status, message):
    entity = first_entity(client)
    for method, url, body in [
        ("patch", f"/api/entities/{entity['id']}", {"name": "X"}),
        ("post", "/api/entities/merge", {"into": entity["id"], "merge": ["a"]}),
        ("patch", f"/api/events/{client.get('/api/events').json()['data'][0]['id']}", {"date": "1920"}),
        ("post", "/api/findings/abc/review", {"reviewed": True}),
        ("post", "/api/edits/1/undo", None),
    ]:
        response = client.request(method, url, json=body, headers=headers)
        assert response.status_code == status, (url, response.text)
        assert message in response.json()["detail"]
    response = client.post("/api/documents", files={"file": ("a.txt", b"x")}, headers=headers)
    assert response.status_code == status
    assert first_entity(client) == entity
    assert client.get("/api/edits").json()["count"] == 0


def test_without_configured_tokens_every_write_is_refused(api_location, tmp_path):
    with TestClient(create_app(api_location, tokens="", upload_folder=tmp_path)) as client:
        entity = first_entity(client)
        response = client.patch(f"/api/entities/{entity['id']}", json={"name": "X"}, headers=ALICE)
        assert response.status_code == 403
        assert "no VAKANUVIS_TOKEN" in response.json()["detail"]
        assert client.get("/api/documents").status_code == 200  # reading stays open


def test_tokens_from_the_environment(api_location, tmp_path, monkeypatch):
    monkeypatch.setenv("VAKANUVIS_TOKEN", "bare-secret")
    with TestClient(create_app(api_location, upload_folder=tmp_path)) as client:
        entity = first_entity(client)
        response = client.patch(
            f"/api/entities/{entity['id']}",
            json={"name": "X"},
            headers={"Authorization": "Bearer bare-secret"},
        )
        assert response.status_code == 200
        assert response.json()["token"] == "default"


def test_rename_merge_date_and_undo(client, corpus_generator, api_location):
    people = [e for e in client.get("/api/entities", params={"type": "person"}).json()["data"]][:3]
    renamed = client.patch(f"/api/entities/{people[0]['id']}", json={"name": "Yeni Ad"}, headers=ALICE).json()
    assert (renamed["token"], renamed["action"], renamed["after"]) == (
        "alice",
        "rename-entity",
        {"name": "Yeni Ad"},
    )
    assert client.get(f"/api/entities/{people[0]['id']}").json()["name"] == "Yeni Ad"
    merged = client.post(
        "/api/entities/merge", json={"into": people[0]["id"], "merge": [people[1]["id"]]}, headers=BOB
    ).json()
    assert merged["token"] == "bob"
    assert client.get(f"/api/entities/{people[1]['id']}").status_code == 404
    event = client.get("/api/events").json()["data"][0]
    dated = client.patch(f"/api/events/{event['id']}", json={"date": "1921-03-16"}, headers=ALICE)
    assert dated.status_code == 200, dated.text
    log = client.get("/api/edits").json()
    assert [e["action"] for e in log["data"]] == ["date-event", "merge-entities", "rename-entity"]

    # Re-ingesting the same documents and resolving again keeps every edit.
    from vakanuvis.store.database import open_database

    corpus_generator.store_generated_corpus(open_database(api_location), 4)
    assert client.get(f"/api/entities/{people[0]['id']}").json()["name"] == "Yeni Ad"
    assert client.get(f"/api/entities/{people[1]['id']}").status_code == 404
    events = client.get("/api/events", params={"from": "1921-03-16", "to": "1921-03-16"}).json()["data"]
    assert event["id"] in [e["id"] for e in events]

    for edit in log["data"]:
        undone = client.post(f"/api/edits/{edit['id']}/undo", headers=BOB)
        assert undone.status_code == 200 and undone.json()["undone_by"] == "bob"
    assert client.get(f"/api/entities/{people[0]['id']}").json()["name"] == people[0]["name"]
    assert client.get(f"/api/entities/{people[1]['id']}").status_code == 200
    assert client.get("/api/events").json()["data"][0]["date"] == event["date"]
    again = client.post(f"/api/edits/{log['data'][0]['id']}/undo", headers=BOB)
    assert again.status_code == 409 and "already undone" in again.json()["detail"]


def test_upload_review_and_same_file_twice(database_url, tmp_path, demo_article):
    with TestClient(create_app(database_url, tokens="alice:s3cret", upload_folder=tmp_path / "up")) as client:
        _upload_review_and_same_file_twice(client, demo_article)


def _upload_review_and_same_file_twice(client, demo_article):
    content = demo_article.read_bytes()
    first = client.post("/api/documents", files={"file": ("../../../etc/passwd.txt", content)}, headers=ALICE)
    assert first.status_code == 201, first.text
    stored = first.json()
    assert (
        stored["stored"] is True and "/etc/" not in stored["path"] and stored["path"].endswith("passwd.txt")
    )
    assert client.get(f"/api/documents/{stored['id']}").status_code == 200
    second = client.post("/api/documents", files={"file": ("copy.txt", content)}, headers=ALICE)
    assert second.status_code == 200
    assert second.json()["id"] == stored["id"] and second.json()["stored"] is False
    assert client.get("/api/documents").json()["count"] == 1

    odd = "Meclis 31 Nisan 1921 tarihinde Ankara’da toplandı.\n".encode()
    flawed = client.post("/api/documents", files={"file": ("odd.txt", odd)}, headers=ALICE).json()
    findings = client.get("/api/findings", params={"document": flawed["id"]}).json()["data"]
    assert findings, "31 Nisan is an impossible day"
    finding = findings[0]["id"]
    reviewed = client.post(f"/api/findings/{finding}/review", json={"reviewed": True}, headers=ALICE)
    assert reviewed.status_code == 200
    assert next(f for f in client.get("/api/findings").json()["data"] if f["id"] == finding)["reviewed"]
    assert client.get("/api/edits").json()["data"][0]["target"] == finding
    hits = client.get("/api/search", params={"q": "Musul"}).json()["data"]
    assert any(hit["document"] == stored["id"] for hit in hits)


@pytest.mark.parametrize(
    ("name", "content", "status", "message"),
    [
        ("article.exe", b"MZ", 415, "only .txt and .pdf"),
        ("noextension", b"text", 415, "only .txt and .pdf"),
        ("", b"text", 422, ""),
        ("empty.txt", b"", 422, "empty"),
        ("binary.txt", bytes(range(256)) * 40, 422, ""),
        ("big.txt", b"x" * (2 * 1024 * 1024 + 1), 413, "larger than"),
    ],
)
def test_bad_uploads(api_location, tmp_path, name, content, status, message):
    app = create_app(api_location, tokens="alice:s3cret", upload_folder=tmp_path / "uploads")
    app.state.settings.max_upload_bytes = 2 * 1024 * 1024
    with TestClient(app) as client:
        response = client.post("/api/documents", files={"file": (name, content)}, headers=ALICE)
        assert response.status_code == status, response.text
        assert message in str(response.json()["detail"])
        assert client.get("/api/documents").json()["count"] == 4
    uploads = tmp_path / "uploads"
    assert not uploads.exists() or not list(uploads.iterdir())  # nothing refused is kept


def test_upload_without_a_file_field(client):
    response = client.post("/api/documents", data={"x": "y"}, headers=ALICE)
    assert response.status_code == 422


@pytest.mark.parametrize(
    ("name", "kept_as"),
    [
        ("../../../etc/passwd.txt", "passwd.txt"),
        ("/etc/cron.d/job.txt", "job.txt"),
        ("..\\..\\windows\\system32\\x.pdf", "x.pdf"),
        ("makale (son hâli).TXT", "makale_son_hâli.txt"),
        ("....txt", "article.txt"),
        ("~/.ssh/authorized_keys.txt", "authorized_keys.txt"),
    ],
)
def test_upload_names_stay_inside_the_upload_area(tmp_path, name, kept_as):
    from vakanuvis.api.upload import safe_upload_path

    path = safe_upload_path(tmp_path, name, b"content")
    assert path.parent == tmp_path.resolve()
    assert path.name.split("-", 1)[1] == kept_as


def test_findings_are_checked_again_only_when_the_knowledge_base_changed(tmp_path, demo_article, monkeypatch):
    import vakanuvis.check as check

    runs = []
    real = check.check_document
    monkeypatch.setattr(
        check,
        "check_document",
        lambda document, entities: runs.append(document.id) or real(document, entities),
    )
    app = create_app(str(tmp_path / "kb.db"), tokens="alice:s3cret", upload_folder=tmp_path / "up")
    with TestClient(app) as client:
        odd = "Meclis 31 Nisan 1921 tarihinde Ankara’da toplandı.\n".encode()
        flawed = client.post("/api/documents", files={"file": ("odd.txt", odd)}, headers=ALICE).json()
        assert runs == [flawed["id"]]  # checked as it was stored, not at the first request for findings
        first = client.get("/api/findings").json()["data"]
        assert first and len(runs) == 1
        assert client.get("/api/findings", params={"document": flawed["id"]}).json()["data"] == first
        assert len(runs) == 1  # nothing changed: the same findings, not checked again
        client.post(f"/api/findings/{first[0]['id']}/review", json={"reviewed": True}, headers=ALICE)
        assert client.get("/api/findings").json()["data"][0]["reviewed"] and len(runs) == 1  # changes no fact
        client.post("/api/documents", files={"file": ("demo.txt", demo_article.read_bytes())}, headers=ALICE)
        client.get("/api/findings")
        assert len(runs) == 2  # a new document, and only it
        entity = first_entity(client)
        client.patch(f"/api/entities/{entity['id']}", json={"name": "Yeni Ad"}, headers=ALICE)
        client.get("/api/findings")
        assert runs[2:] and len(runs[2:]) == len(set(runs[2:])) <= 2  # an edit: the documents naming it, once
