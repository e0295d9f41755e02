"""The reconciliation service as OpenRefine uses it: the W3C Reconciliation API 0.2's manifest, batches,
types, limits, properties, preview and suggest, and a CSV of names reconciled end to end."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "reconcile"
SAMPLE_ARTICLE = (
    Path(__file__).resolve().parents[3] / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"
)
TYPES = {"person", "place", "organization", "treaty", "meeting"}


@pytest.fixture
def authority_client(database_url, tmp_path):
    """The API on an empty knowledge base, so every candidate comes from the authority file; write tokens
    are configured (alice:s3cret), as on a server where some may write."""
    from fastapi.testclient import TestClient

    from vakanuvis.api.app import create_app

    app = create_app(database_url, tokens="alice:s3cret", upload_folder=tmp_path / "uploads")
    with TestClient(app) as test_client:
        yield test_client
    app.state.knowledge_base.engine.dispose()


def batch(client, queries: dict, *, post: bool = True) -> dict:
    """The answer to a batch, posted as a form field (as OpenRefine sends it) or given as a parameter."""
    text = json.dumps(queries, ensure_ascii=False)
    answer = (
        client.post("/api/reconcile", data={"queries": text})
        if post
        else client.get("/api/reconcile", params={"queries": text})
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def first(answer: dict, name: str = "q0") -> dict:
    return answer[name]["result"][0]


# ---------------------------------------------------------------------- the manifest


def test_manifest_names_the_service_its_types_and_its_other_services(authority_client):
    manifest = authority_client.get("/api/reconcile").json()
    assert {"versions", "name", "identifierSpace", "schemaSpace", "defaultTypes", "view", "preview"} <= set(
        manifest
    )
    assert "0.2" in manifest["versions"]
    assert {t["id"] for t in manifest["defaultTypes"]} == TYPES
    assert all(t["name"] for t in manifest["defaultTypes"])
    assert manifest["view"]["url"].endswith("/#/entity/{{id}}")
    assert "{{id}}" in manifest["preview"]["url"] and manifest["preview"]["width"] > 0
    assert set(manifest["suggest"]) == {"entity", "type", "property"}
    for service in (*manifest["suggest"].values(), manifest["propose_properties"]):
        url = service["service_url"] + service["service_path"]
        assert authority_client.get(url, params={"prefix": "k"}).status_code == 200


def test_manifest_and_answers_as_jsonp_for_older_clients(authority_client):
    answer = authority_client.get("/api/reconcile", params={"callback": "jsonp123"})
    assert answer.headers["content-type"].startswith("application/javascript")
    assert answer.text.startswith("jsonp123(") and answer.text.endswith(")")
    assert json.loads(answer.text[len("jsonp123(") : -1])["defaultTypes"]
    assert authority_client.get("/api/reconcile", params={"callback": "alert(1);x"}).status_code == 400


# ---------------------------------------------------------------------- queries


def test_a_batch_answers_every_query_with_candidates_of_the_protocols_shape(authority_client):
    queries = {"q0": {"query": "Chicherin"}, "q1": {"query": "Angora", "limit": 3}}
    for post in (True, False):
        answer = batch(authority_client, queries, post=post)
        assert set(answer) == {"q0", "q1"}
        for result in answer.values():
            for candidate in result["result"]:
                assert {"id", "name", "type", "score", "match"} <= set(candidate)
                assert candidate["type"][0]["id"] in TYPES and candidate["type"][0]["name"]
                assert isinstance(candidate["score"], float) and isinstance(candidate["match"], bool)
        assert first(answer)["id"] == "person:georgy-chicherin" and first(answer)["match"]
        assert first(answer, "q1")["name"] == "Ankara" and first(answer, "q1")["match"]


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Çiçerin", "Georgy Chicherin"),  # Turkish
        ("Чичерин", "Georgy Chicherin"),  # Cyrillic
        ("Ghazi Mustapha Kemal", "Mustafa Kemal Atatürk"),  # English transcription, title
        ("Kiazim Kara Bekir", "Kazım Karabekir"),  # the palatal k written "ki"
        ("Bekir Sâmi Bey", "Bekir Sami Kunduh"),  # Ottoman circumflex
        ("Talaat Pasha", "Talat Pasha"),  # a spelling variant (guarded fuzzy match)
        ("Congress of Erzeroum", "Erzurum Congress"),  # an English head put last, a French place name
        ("Kars Muahedenamesi", "Treaty of Kars"),
        # spellings the authority file does not list (issue 23's dev list)
        ("Halidé Edib Hanoum", "Halide Edib Adıvar"),  # a French transcription of the title Hanım
        ("Errnenistan", "Armenia"),  # OCR: "rn" read for "m"
        ("Anatolie", "Anatolia"),  # French: the ending vowel
        ("Narimanow", "Nariman Narimanov"),  # German -ow
        ("Traité de Kars", "Treaty of Kars"),  # French head and preposition
        ("Armée Rouge", "Red Army"),  # the words of the name in French
        ("Garb Cebhesi Kumandanlığı", "Western Front (Turkish army)"),  # Ottoman spelling, other words
    ],
)
def test_spellings_of_the_period_find_the_entity_first(authority_client, written, expected):
    assert first(batch(authority_client, {"q0": {"query": written}}))["name"] == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("Moscou", "Moscow"),
        ("Turquie", "Turkey"),
        ("Constantinople", "Istanbul"),
        ("Smyrne", "İzmir"),
        ("Angora", "Ankara"),
        ("Géorgie", "Georgia"),  # not David Lloyd George
        ("Angleterre", "United Kingdom"),
        ("Traité de Moscou", "Treaty of Moscow (1921)"),
        ("Conférence de Londres", "London Conference (1921)"),
        ("Empire ottoman", "Ottoman Empire"),
    ],
)
def test_french_names_of_the_period_are_matched(authority_client, written, expected):
    """The French names diplomacy and the press of 1918-1923 used for states, cities and treaties are
    aliases of the authority file: the entity comes first and is a match, with or without its type."""
    candidate = first(batch(authority_client, {"q0": {"query": written}}))
    assert (candidate["name"], candidate["match"]) == (expected, True)


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Tschitscherin", "person"),
        ("Traité de Kars", "treaty"),
        ("Errnenistan", "place"),
    ],
)
def test_a_spelling_found_only_by_loose_keys_is_offered_never_matched(authority_client, written, typed):
    """A loose transliteration or OCR key confuses more names than the resolver's keys: it may put the
    entity first, but never says `match`."""
    candidate = first(batch(authority_client, {"q0": {"query": written, "type": typed}}))
    assert candidate["score"] < 95 and not candidate["match"]


def test_the_type_keeps_only_candidates_of_that_type(authority_client):
    answer = batch(
        authority_client,
        {"q0": {"query": "Kars", "type": "place"}, "q1": {"query": "Kars", "type": "treaty"}},
    )
    assert {c["type"][0]["id"] for c in answer["q0"]["result"]} == {"place"}
    assert first(answer)["name"] == "Kars"
    assert {c["type"][0]["id"] for c in answer["q1"]["result"]} == {"treaty"}
    assert first(answer, "q1")["name"] == "Treaty of Kars"
    assert (
        authority_client.post(
            "/api/reconcile", data={"queries": '{"q0": {"query": "Kars", "type": "city"}}'}
        ).status_code
        == 400
    )


def test_limit_bounds_the_candidates_but_not_the_judgement_of_a_match(authority_client):
    many = batch(authority_client, {"q0": {"query": "Kemal", "type": "person", "limit": 10}})["q0"]["result"]
    one = batch(authority_client, {"q0": {"query": "Kemal", "type": "person", "limit": 1}})["q0"]["result"]
    assert len(many) > 1 and len(one) == 1 and one[0]["id"] == many[0]["id"]
    assert not one[0]["match"]  # a given name alone is several people: a rival hidden by the limit counts


def test_match_only_when_the_first_is_clearly_right(authority_client):
    assert first(batch(authority_client, {"q0": {"query": "Kiazim Kara Bekir", "type": "person"}}))["match"]
    answer = batch(authority_client, {"q0": {"query": "Narimanoff", "type": "person"}})
    assert first(answer)["name"] == "Nariman Narimanov" and not first(answer)["match"]  # only similar
    assert batch(authority_client, {"q0": {"query": "Zzyzx Qwerty"}})["q0"]["result"] == []


def test_an_office_and_a_date_tell_namesakes_apart(authority_client):
    """'Cemal Paşa' alone reads as Ahmed Cemal Pasha; the Minister of War of late 1919 was Mersinli Cemal."""
    alone = batch(authority_client, {"q0": {"query": "Cemal Paşa", "type": "person"}})
    assert first(alone)["name"] == "Cemal Pasha"
    properties = [{"pid": "office", "v": "Harbiye Nazırı"}, {"pid": "date", "v": "1919-12-01"}]
    told = batch(
        authority_client, {"q0": {"query": "Cemal Paşa", "type": "person", "properties": properties}}
    )
    assert first(told)["name"] == "Cemal Mersinli"


def test_a_date_outside_an_existence_lowers_the_score_and_forbids_a_match(authority_client):
    fitting = {
        "query": "London Conference",
        "type": "meeting",
        "properties": [{"pid": "date", "v": "1921-03-01"}],
    }
    earlier = {**fitting, "properties": [{"pid": "date", "v": "1920-03"}]}
    answer = batch(authority_client, {"q0": fitting, "q1": earlier})
    assert first(answer)["name"] == "London Conference (1921)"
    assert first(answer, "q1")["name"] == "London Conference (1920)"
    late = {"query": "Lausanne Conference", "type": "meeting", "properties": [{"pid": "date", "v": "1919"}]}
    on_time = {
        **late,
        "properties": [{"pid": "date", "v": "1923-01-15T00:00:00Z"}],
    }  # as OpenRefine sends dates
    answer = batch(authority_client, {"q0": late, "q1": on_time})
    assert not first(answer)["match"] and first(answer, "q1")["match"]
    assert first(answer)["score"] < first(answer, "q1")["score"]


def test_an_office_raises_the_one_who_held_it(authority_client):
    """'Kazım Paşa' is two pashas to the resolver (Karabekir, Özalp): the Eastern Front's command is one's."""
    alone = batch(authority_client, {"q0": {"query": "Kazım Paşa", "type": "person"}})["q0"]["result"]
    pashas = {"person:kazim-karabekir", "person:kazim-ozalp"}
    assert pashas <= {c["id"] for c in alone} and not alone[0]["match"]
    properties = [{"pid": "office", "v": "Şark Cephesi Kumandanı"}]
    told = batch(
        authority_client, {"q0": {"query": "Kazım Paşa", "type": "person", "properties": properties}}
    )
    assert first(told)["id"] == "person:kazim-karabekir"
    assert first(told)["score"] > max(c["score"] for c in alone)


def test_an_office_alone_offers_its_holders_the_one_of_the_date_first(authority_client):
    properties = [{"pid": "date", "v": "1921-03-16"}]
    answer = batch(
        authority_client, {"q0": {"query": "Hariciye Vekili", "type": "person", "properties": properties}}
    )
    assert first(answer)["name"] == "Bekir Sami Kunduh"


@pytest.mark.parametrize(
    "queries",
    [
        "not json",
        '["Chicherin"]',
        '{"q0": {"query": ""}}',
        '{"q0": {"query": "Kars", "limit": 0}}',
        '{"q0": {"query": "Kars", "properties": {"pid": "date"}}}',
        '{"q0": {"query": "Kars", "properties": [{"v": "1921"}]}}',
    ],
)
def test_a_bad_batch_is_a_clear_400(authority_client, queries):
    answer = authority_client.post("/api/reconcile", data={"queries": queries})
    assert answer.status_code == 400 and answer.json()["detail"]


def test_queries_need_no_token_though_the_server_has_some(authority_client):
    """The client's app has write tokens configured: a POST of queries still needs none (it writes nothing)."""
    answer = authority_client.post("/api/reconcile", data={"queries": json.dumps({"q0": {"query": "Lenin"}})})
    assert answer.status_code == 200 and first(answer.json())["name"] == "Vladimir Lenin"


# ---------------------------------------------------------------------- preview, suggest, properties


def test_preview_is_a_small_html_page_about_the_entity(authority_client):
    answer = authority_client.get("/api/reconcile/preview", params={"id": "Q5152"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/html")
    assert "Mustafa Kemal Atatürk" in answer.text and "Gazi Mustafa Kemal" in answer.text
    assert "wikidata.org/wiki/Q5152" in answer.text
    assert authority_client.get("/api/reconcile/preview", params={"id": "no-such-entity"}).status_code == 404


def test_suggest_entities_by_prefix_of_any_word_and_spelling(authority_client):
    found = authority_client.get("/api/reconcile/suggest/entity", params={"prefix": "Çiçe"}).json()["result"]
    assert found[0]["name"] == "Georgy Chicherin" and found[0]["notable"][0]["id"] == "person"
    words = authority_client.get("/api/reconcile/suggest/entity", params={"prefix": "karabek"}).json()[
        "result"
    ]
    assert "Kazım Karabekir" in [r["name"] for r in words]
    places = authority_client.get(
        "/api/reconcile/suggest/entity", params={"prefix": "Kar", "type": "place"}
    ).json()
    assert places["result"] and {r["notable"][0]["id"] for r in places["result"]} == {"place"}


def test_suggest_types_and_properties(authority_client):
    types = authority_client.get("/api/reconcile/suggest/type", params={"prefix": "tr"}).json()["result"]
    assert types == [{"id": "treaty", "name": "Treaty"}]
    found = authority_client.get("/api/reconcile/suggest/property", params={"prefix": "off"}).json()["result"]
    assert [p["id"] for p in found] == ["office"]


def test_properties_proposed_by_type(authority_client):
    person = authority_client.get("/api/reconcile/properties", params={"type": "person"}).json()
    assert person["type"] == "person"
    assert [p["id"] for p in person["properties"]] == ["date", "place", "office"]
    treaty = authority_client.get("/api/reconcile/properties", params={"type": "treaty"}).json()
    assert [p["id"] for p in treaty["properties"]] == ["date", "place"]


# ---------------------------------------------------------------------- end to end


@pytest.fixture(scope="module")
def article_client(tmp_path_factory):
    """The API on a knowledge base holding the sample article, as `vakanuvis serve` would offer it."""
    if not SAMPLE_ARTICLE.exists():
        pytest.skip("../shared/corpus is not beside the checkout")
    from fastapi.testclient import TestClient

    from vakanuvis.api.app import create_app
    from vakanuvis.knowledge_base import KnowledgeBase

    folder = tmp_path_factory.mktemp("reconcile")
    location = str(folder / "kb.db")
    knowledge_base = KnowledgeBase(location)
    knowledge_base.ingest([SAMPLE_ARTICLE])
    knowledge_base.engine.dispose()
    app = create_app(location, upload_folder=folder / "uploads")
    with TestClient(app) as test_client:
        yield test_client
    app.state.knowledge_base.engine.dispose()


def test_a_csv_of_names_reconciled_end_to_end(article_client):
    """A historian's column of names, sent in OpenRefine's batches of 10: each row's first candidate is its
    entity (authority entries and entities only the article knows), and its page in the reader exists."""
    rows = list(csv.DictReader((DATA / "names.csv").open(encoding="utf-8")))
    results = []
    for start in range(0, len(rows), 10):
        chunk = rows[start : start + 10]
        queries = {f"q{i}": {"query": row["name"], "type": row["type"]} for i, row in enumerate(chunk)}
        answer = batch(article_client, queries)
        results.extend(answer[f"q{i}"]["result"] for i in range(len(chunk)))
    in_article = {e["id"] for e in article_client.get("/api/entities", params={"limit": 500}).json()["data"]}
    for row, candidates in zip(rows, results, strict=True):
        assert candidates and candidates[0]["id"] == row["expected"], (row, candidates[:2])
        if candidates[0]["id"] in in_article:  # the manifest's view link: the reader's entity page
            assert article_client.get(f"/api/entities/{candidates[0]['id']}").status_code == 200
    assert len({row["expected"] for row in rows} & in_article) >= 10
    matched = [row["name"] for row, candidates in zip(rows, results, strict=True) if candidates[0]["match"]]
    assert len(matched) >= len(rows) - 2
    preview = article_client.get("/api/reconcile/preview", params={"id": "person:ibrahim-abilov"}).text
    assert "mentions in the knowledge base" in preview


def test_a_place_raises_the_person_whose_events_happened_there(article_client):
    """In the article Kâzım Karabekir acts in Nakhchivan: the place tells him from Kâzım Özalp."""
    properties = [{"pid": "place", "v": "Nahçıvan"}]
    alone = batch(article_client, {"q0": {"query": "Kazım Paşa", "type": "person"}})["q0"]["result"]
    told = batch(article_client, {"q0": {"query": "Kazım Paşa", "type": "person", "properties": properties}})
    score = {c["name"]: c["score"] for c in alone}
    assert first(told)["name"] == "Kazım Karabekir"
    assert first(told)["score"] > score["Kazım Karabekir"]
