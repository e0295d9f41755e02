"""Reading through the API: documents with spans, events by period, entities, sources, search, maps."""

from __future__ import annotations

import pytest


def test_documents_list_and_paging(client):
    everything = client.get("/api/documents").json()
    assert everything["count"] == 4 and len(everything["data"]) == 4
    page = client.get("/api/documents", params={"offset": 1, "limit": 2}).json()
    assert page["count"] == 4
    assert page["data"] == everything["data"][1:3]
    assert {"id", "title", "path", "language", "pages", "sha256", "date", "type", "authors"} <= set(
        page["data"][0]
    )
    assert "text" not in page["data"][0]


def test_document_text_and_spans_agree(client):
    document_id = client.get("/api/documents").json()["data"][0]["id"]
    document = client.get(f"/api/documents/{document_id}").json()
    text = document["text"]
    annotations = client.get(f"/api/documents/{document_id}/annotations").json()
    assert document["sentences"] and document["blocks"] and document["page_starts"]
    for mention in annotations["mentions"]:
        assert mention["footnote"] is None
        assert text[mention["start"] : mention["end"]] == mention["text"]
        assert mention["entity"] and mention["name"]
    for date in annotations["dates"]:
        assert text[date["start"] : date["end"]] == date["text"]
    numbers = [note["number"] for note in annotations["footnotes"]]
    assert numbers == [marker["number"] for marker in annotations["markers"]]
    footnotes = client.get(f"/api/documents/{document_id}/footnotes").json()
    assert [note["number"] for note in footnotes] == numbers
    assert all(note["sentence"] for note in footnotes)


@pytest.mark.parametrize(
    ("params", "start", "end"),
    [
        ({"from": "1920", "to": "1920"}, "1920-01-01", "1920-12-31"),
        ({"from": "1921-02", "to": "1921-02"}, "1921-02-01", "1921-02-28"),
        ({"from": "1919-05-01", "to": "1919-12-31"}, "1919-05-01", "1919-12-31"),
    ],
)
def test_events_in_a_period_are_chronological(client, params, start, end):
    found = client.get("/api/events", params={**params, "limit": 500}).json()
    dates = [event["start"] for event in found["data"]]
    assert dates == sorted(dates)
    assert all(event["end"] >= start and event["start"] <= end for event in found["data"])
    everything = client.get("/api/events", params={"limit": 500}).json()["data"]
    inside = [e for e in everything if e["end"] >= start and e["start"] <= end]
    assert found["count"] == len(inside)


def test_empty_filters_mean_no_filter(client):
    everything = client.get("/api/events", params={"limit": 500}).json()
    assert client.get("/api/events", params={"from": "", "to": "", "limit": 500}).json() == everything
    assert client.get("/api/entities", params={"type": ""}).json() == client.get("/api/entities").json()


def test_events_by_actor_place_and_document(client):
    events = client.get("/api/events", params={"limit": 500}).json()["data"]
    actor = next(name for event in events for name in event["actors"])
    by_actor = client.get("/api/events", params={"actor": actor, "limit": 500}).json()
    assert by_actor["count"] and all(actor in event["actors"] for event in by_actor["data"])
    place = next(name for event in events for name in event["places"])
    by_place = client.get("/api/events", params={"place": place, "limit": 500}).json()
    assert by_place["count"] and all(place in event["places"] for event in by_place["data"])
    document = events[0]["document"]
    by_document = client.get("/api/events", params={"document": document, "limit": 500}).json()
    assert {event["document"] for event in by_document["data"]} == {document}


def test_entities_and_one_entity(client):
    entities = client.get("/api/entities", params={"type": "place"}).json()
    assert entities["count"] and {e["type"] for e in entities["data"]} == {"place"}
    counts = [e["mentions"] for e in entities["data"]]
    assert counts == sorted(counts, reverse=True)
    entity = client.get(f"/api/entities/{entities['data'][0]['id']}").json()
    assert len(entity["mentions"]) == entities["data"][0]["mentions"]
    assert entity["events"] and all(entity["name"] in e["places"] for e in entity["events"])
    assert all(mention["sentence"] for mention in entity["mentions"])


def test_sources_and_one_source(client):
    sources = client.get("/api/sources").json()
    assert sources["count"] >= 1
    source = client.get(f"/api/sources/{sources['data'][0]['id']}").json()
    assert source["cited_in"] and all(place["footnote_text"] for place in source["cited_in"])


def test_search(client):
    hits = client.get("/api/search", params={"q": "Nahcivan meselesi", "limit": 5}).json()
    assert hits["count"] == len(hits["data"]) == 5
    assert all("Nahçıvan" in hit["text"] for hit in hits["data"])


def test_network_and_places(client):
    network = client.get("/api/network", params={"from": "1919", "to": "1923"}).json()
    ids = {node["id"] for node in network["nodes"]}
    assert network["nodes"] and all(node["type"] in ("person", "organization") for node in network["nodes"])
    assert all(edge["source"] in ids and edge["target"] in ids for edge in network["edges"])
    assert all(edge["weight"] == len(edge["events"]) for edge in network["edges"])
    places = client.get("/api/places").json()
    assert places["count"] and all(p["lat"] is not None for p in places["data"])


def test_findings_have_stable_ids(client):
    first = client.get("/api/findings").json()
    second = client.get("/api/findings").json()
    assert [f["id"] for f in first["data"]] == [f["id"] for f in second["data"]]
    assert all(f["reviewed"] is False for f in first["data"])


def test_openapi_and_docs(client):
    spec = client.get("/api/openapi.json").json()
    assert {"/api/documents", "/api/events", "/api/search", "/api/edits/{edit_id}/undo"} <= set(spec["paths"])
    assert client.get("/api/docs").status_code == 200


def test_an_entity_page_is_bounded_and_says_how_many(client):
    listed = client.get("/api/entities").json()["data"][0]
    entity = client.get(f"/api/entities/{listed['id']}?mentions_limit=2").json()
    assert listed["mentions"] > 2 and len(entity["mentions"]) == 2
    assert entity["mentions_count"] == listed["mentions"]
    assert entity["events_count"] >= len(entity["events"])
    later = client.get(f"/api/entities/{listed['id']}?mentions_limit=2&mentions_offset=2").json()
    everything = client.get(f"/api/entities/{listed['id']}?mentions_limit=500").json()["mentions"]
    assert later["mentions"] == everything[2:4]


def test_an_entitys_mentions_page_through_in_document_order_with_their_sentences(client):
    listed = client.get("/api/entities").json()["data"][0]
    url = f"/api/entities/{listed['id']}/mentions"
    pages = [
        client.get(f"{url}?limit=3&offset={offset}").json() for offset in range(0, listed["mentions"], 3)
    ]
    assert {page["count"] for page in pages} == {listed["mentions"]}
    mentions = [mention for page in pages for mention in page["data"]]
    assert len(mentions) == listed["mentions"]
    order = [(m["document"], m["footnote"] is not None, m["start"]) for m in mentions]
    assert order == sorted(order)
    texts = {}
    for mention in mentions:
        if mention["footnote"] is not None:
            assert mention["sentence"] is None
            continue
        if mention["document"] not in texts:
            texts[mention["document"]] = client.get(f"/api/documents/{mention['document']}").json()
        document = texts[mention["document"]]
        (holding,) = [s for s in document["sentences"] if s["start"] <= mention["start"] < s["end"]]
        assert mention["sentence"] == holding["text"]
        assert mention["text"] in mention["sentence"]
    assert client.get(f"{url}?limit=0").status_code == 422
    assert client.get("/api/entities/no-such-entity/mentions").status_code == 404


def test_a_name_several_entities_have_gives_the_most_mentioned_and_lists_the_others(client):
    listed = client.get("/api/entities?limit=100").json()["data"]
    first = listed[0]
    second = next(e for e in listed if e["mentions"] < first["mentions"])
    renamed = client.patch(
        f"/api/entities/{second['id']}",
        json={"name": first["name"]},
        headers={"Authorization": "Bearer s3cret"},
    )
    assert renamed.status_code == 200, renamed.text
    by_name = client.get(f"/api/entities/{first['name']}").json()
    assert by_name["id"] == first["id"]
    assert [(o["id"], o["name"], o["mentions"]) for o in by_name["others"]] == [
        (second["id"], first["name"], second["mentions"])
    ]
    assert client.get(f"/api/entities/{first['id']}").json()["others"] == []


def test_an_entity_page_kept_encoded_is_what_its_model_would_send_and_changes_with_the_knowledge_base(client):
    import json

    from vakanuvis.api.schemas import EntityDetail

    kb = client.app.state.knowledge_base
    for entity in client.get("/api/entities", params={"limit": 500}).json()["data"]:
        for params in ({}, {"mentions_limit": 1, "mentions_offset": 1}):
            first = client.get(f"/api/entities/{entity['id']}", params=params)
            again = client.get(f"/api/entities/{entity['id']}", params=params)
            detail = kb.entity(
                entity["id"],
                most_mentions=params.get("mentions_limit", 200),
                mentions_from=params.get("mentions_offset", 0),
            )
            # what FastAPI's JSONResponse makes of the response model's JSON form
            expected = json.dumps(
                EntityDetail.model_validate(detail).model_dump(mode="json", by_alias=True),
                ensure_ascii=False,
                allow_nan=False,
                separators=(",", ":"),
            ).encode()
            assert first.status_code == again.status_code == 200
            assert first.headers["content-type"] == "application/json"
            assert first.content == again.content == expected
    person = client.get("/api/entities", params={"type": "person"}).json()["data"][0]
    assert client.get(f"/api/entities/{person['id']}").json()["name"] == person["name"]
    renamed = client.patch(
        f"/api/entities/{person['id']}", json={"name": "Başka Ad"}, headers={"Authorization": "Bearer s3cret"}
    )
    assert renamed.status_code == 200, renamed.text
    assert client.get(f"/api/entities/{person['id']}").json()["name"] == "Başka Ad"
    assert client.get("/api/entities/no-such-entity").status_code == 404


@pytest.mark.parametrize("route", ["/api/events", "/api/network"])
def test_start_and_end_are_the_periods_from_and_to(client, route):
    """The events' own fields are called start and end: asked by those names, the period is the same."""
    by_from = client.get(route, params={"from": "1920", "to": "1920-06", "limit": 500}).json()
    assert client.get(route, params={"start": "1920", "end": "1920-06", "limit": 500}).json() == by_from
    assert client.get(route, params={"from": "1920", "end": "1920-06", "limit": 500}).json() == by_from
    if route == "/api/events":
        everything = client.get(route, params={"limit": 500}).json()
        assert by_from["count"] < everything["count"]  # the period is no silent no-op


def test_a_parameter_no_route_knows_is_left_alone_unless_it_names_a_date(client):
    # JSONP's callback, a cache-buster: what clients add is no error
    assert client.get("/api/events", params={"callback": "f", "_": "1"}).status_code == 200
