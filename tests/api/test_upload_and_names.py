"""Upload answers name the document and the file, never the server's paths; the same bytes are stored
once; an entity cannot be renamed to a name nobody can see."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from vakanuvis.api.app import create_app

ALICE = {"Authorization": "Bearer s3cret"}


@pytest.fixture
def upload_client(tmp_path):
    app = create_app(str(tmp_path / "kb.db"), tokens="alice:s3cret", upload_folder=tmp_path / "uploads")
    with TestClient(app) as client:
        yield client
    app.state.knowledge_base.engine.dispose()


def no_server_path(response, tmp_path) -> bool:
    return str(tmp_path) not in response.text and str(tmp_path.resolve()) not in response.text


def test_an_upload_answer_gives_the_id_and_the_file_name(upload_client, tmp_path, demo_article):
    response = upload_client.post(
        "/api/documents", files={"file": ("arsiv/makale.txt", demo_article.read_bytes())}, headers=ALICE
    )
    assert response.status_code == 201, response.text
    answer = response.json()
    assert answer["name"] == "makale.txt" and answer["stored"] is True and answer["warnings"] == []
    assert answer["path"].endswith("-makale.txt") and "/" not in answer["path"]
    assert no_server_path(response, tmp_path)


def test_the_same_bytes_under_other_names_are_written_once(upload_client, tmp_path, demo_article):
    content = demo_article.read_bytes()
    answers = [
        upload_client.post("/api/documents", files={"file": (name, content)}, headers=ALICE)
        for name in ("ilk.txt", "kopya.txt", "ilk.txt", "baska-ad.TXT")
    ]
    assert [answer.status_code for answer in answers] == [201, 200, 200, 200]
    assert len({answer.json()["id"] for answer in answers}) == 1
    assert [answer.json()["name"] for answer in answers] == [
        "ilk.txt",
        "kopya.txt",
        "ilk.txt",
        "baska-ad.TXT",
    ]
    assert [path.name.split("-", 1)[1] for path in (tmp_path / "uploads").iterdir()] == ["ilk.txt"]
    assert upload_client.get("/api/documents").json()["count"] == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ikili.txt", bytes(range(256)) * 40, "ikili.txt: it looks like a binary file"),
        ("bosluk.txt", b"   \n\n\t \n", "bosluk.txt: the file holds only blank space"),
        ("sahte.pdf", b"%PDF-1.4\n1 0 obj\n<<", "sahte.pdf: "),
    ],
)
def test_an_upload_error_names_the_file_not_the_server_path(upload_client, tmp_path, name, content, message):
    response = upload_client.post("/api/documents", files={"file": (f"../{name}", content)}, headers=ALICE)
    assert response.status_code == 422, response.text
    assert response.json()["detail"].startswith(message)
    assert no_server_path(response, tmp_path)


def test_an_upload_warning_names_the_file(upload_client, tmp_path, demo_article):
    data = demo_article.read_bytes()
    response = upload_client.post(
        "/api/documents", files={"file": ("nul.txt", data[:300] + b"\x00" + data[300:])}, headers=ALICE
    )
    assert response.status_code == 201, response.text
    assert response.json()["warnings"] == [
        "warning: nul.txt: 1 stray NUL byte removed (the first at byte 300); the rest is read as text"
    ]
    assert no_server_path(response, tmp_path)


@pytest.mark.parametrize(
    "name",
    [
        "\u200b",  # zero-width space
        "\u2060\u2060",  # word joiner
        "\ufeff",  # byte-order mark
        " \u200b \u200c\u200d ",  # spaces, zero-width space, non-joiner, joiner
        "\u00a0\u3000",  # no-break and ideographic spaces
        "\u200e\u202e",  # directional marks
        "\u0301",  # a combining accent with no letter
        "\u3164",  # Hangul filler
        "\u2800",  # blank Braille pattern
    ],
    ids=[
        "zwsp",
        "word-joiner",
        "bom",
        "mixed",
        "wide-spaces",
        "bidi",
        "lone-accent",
        "hangul-filler",
        "braille",
    ],
)
def test_a_name_without_a_visible_character_is_refused(client, name):
    entity = client.get("/api/entities").json()["data"][0]
    response = client.patch(f"/api/entities/{entity['id']}", json={"name": name}, headers=ALICE)
    assert response.status_code == 422, response.text
    # blank by Python's reckoning (no-break spaces): the schema's own strip already refuses it
    detail = str(response.json()["detail"])
    assert "at least one visible character" in detail or "at least 1 character" in detail
    assert client.get(f"/api/entities/{entity['id']}").json()["name"] == entity["name"]


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("\u200bKâzım Karabekir\ufeff", "Kâzım Karabekir"),
        ("\u2060 Rauf Bey \u200b", "Rauf Bey"),
        ("Bakü\u0301", "Bakü\u0301"),  # a combining mark after a letter stays
        ("Mehmed\u200cAli", "Mehmed\u200cAli"),  # inside a name, kept as written
    ],
)
def test_invisible_characters_at_the_ends_of_a_name_are_trimmed(client, name, kept):
    entity = client.get("/api/entities").json()["data"][0]
    response = client.patch(f"/api/entities/{entity['id']}", json={"name": name}, headers=ALICE)
    assert response.status_code == 200, response.text
    assert client.get(f"/api/entities/{entity['id']}").json()["name"] == kept
