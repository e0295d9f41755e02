"""Edits: recorded with token name and time, undoable, and still in force after re-ingest and re-resolution."""

from __future__ import annotations

import pytest

from vakanuvis.errors import BadEdit, UnknownRecord
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.store import queries
from vakanuvis.store.database import open_database
from vakanuvis.store.edits import (
    correct_event_date,
    list_edits,
    merge_entities,
    rename_entity,
    review_finding,
    reviewed_findings,
    undo_edit,
)
from vakanuvis.store.search import search_knowledge_base


@pytest.fixture
def corpus(database_url, corpus_generator):
    engine = open_database(database_url)
    corpus_generator.store_generated_corpus(engine, 4)
    return engine


def reingest(engine, corpus_generator):
    """Store the same documents again and rewrite entities as a fresh resolution would."""
    corpus_generator.store_generated_corpus(engine, 4)


def names(engine) -> dict[str, str]:
    return {e["id"]: e["name"] for e in queries.list_entities(engine)}


def test_rename_is_recorded_applied_undone_and_survives_reingest(corpus, corpus_generator):
    acting = {name for event in queries.list_events(corpus) for name in event["actors"]}
    person = next(e for e in queries.list_entities(corpus) if e["type"] == "person" and e["name"] in acting)
    edit = rename_entity(corpus, person["id"], "  Yeni Ad  ", "alice")
    assert (edit["token"], edit["action"], edit["before"]["name"], edit["after"]) == (
        "alice",
        "rename-entity",
        person["name"],
        {"name": "Yeni Ad"},
    )
    assert edit["at"] and not edit["undone"]
    assert names(corpus)[person["id"]] == "Yeni Ad"
    assert any("Yeni Ad" in event["actors"] for event in queries.list_events(corpus))
    assert search_knowledge_base(corpus, "Yeni Ad")[0]["id"] == person["id"]
    reingest(corpus, corpus_generator)
    assert names(corpus)[person["id"]] == "Yeni Ad"
    undone = undo_edit(corpus, edit["id"], "bob")
    assert undone["undone"] and undone["undone_by"] == "bob"
    assert names(corpus)[person["id"]] == person["name"]
    reingest(corpus, corpus_generator)
    assert names(corpus)[person["id"]] == person["name"]


def test_merge_moves_mentions_and_undo_restores_them(corpus, corpus_generator):
    people = [e for e in queries.list_entities(corpus) if e["type"] == "person"][:3]
    into, merged = people[0], people[1:]
    total = sum(p["mentions"] for p in people)
    merge_entities(corpus, into["id"], [p["id"] for p in merged], "alice")
    after = {e["id"]: e for e in queries.list_entities(corpus)}
    assert after[into["id"]]["mentions"] == total
    assert not any(p["id"] in after for p in merged)
    assert {p["name"] for p in merged} <= set(after[into["id"]]["aliases"])
    reingest(corpus, corpus_generator)
    after = {e["id"]: e for e in queries.list_entities(corpus)}
    assert after[into["id"]]["mentions"] == total and not any(p["id"] in after for p in merged)
    undo_edit(corpus, list_edits(corpus)[0]["id"], "alice")
    restored = {e["id"]: e["mentions"] for e in queries.list_entities(corpus)}
    assert [restored[p["id"]] for p in people] == [p["mentions"] for p in people]


def test_event_date_correction_survives_reingest_and_undo(corpus, corpus_generator):
    event = queries.list_events(corpus)[0]
    edit = correct_event_date(corpus, event["id"], "1921-03", "alice")
    assert edit["before"]["edtf"] == event["date"]

    def current():
        return next(e for e in queries.list_events(corpus) if e["id"] == event["id"])

    assert (current()["date"], current()["start"], current()["end"]) == (
        "1921-03",
        "1921-03-01",
        "1921-03-31",
    )
    reingest(corpus, corpus_generator)
    assert current()["date"] == "1921-03"
    undo_edit(corpus, edit["id"], "alice")
    assert (current()["date"], current()["start"]) == (event["date"], event["start"])
    reingest(corpus, corpus_generator)
    assert current()["date"] == event["date"]


def test_later_correction_stands_when_an_earlier_one_is_undone(corpus):
    event = queries.list_events(corpus)[0]
    first = correct_event_date(corpus, event["id"], "1921", "alice")
    correct_event_date(corpus, event["id"], "1922-05-01", "bob")
    undo_edit(corpus, first["id"], "alice")
    assert next(e for e in queries.list_events(corpus) if e["id"] == event["id"])["date"] == "1922-05-01"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda engine: rename_entity(engine, "person:nobody", "X", "t"), UnknownRecord),
        (lambda engine: rename_entity(engine, queries.list_entities(engine)[0]["id"], "   ", "t"), BadEdit),
        (lambda engine: merge_entities(engine, "person:nobody", ["person:none"], "t"), UnknownRecord),
        (lambda engine: merge_entities(engine, queries.list_entities(engine)[0]["id"], [], "t"), BadEdit),
        (lambda engine: correct_event_date(engine, "nodoc-e0", "1920", "t"), UnknownRecord),
        (lambda engine: correct_event_date(engine, "garbage", "1920", "t"), UnknownRecord),
        (
            lambda engine: correct_event_date(engine, queries.list_events(engine)[0]["id"], "23 Nisan", "t"),
            BadEdit,
        ),
        (
            lambda engine: correct_event_date(
                engine, queries.list_events(engine)[0]["id"], "1920-02-30", "t"
            ),
            BadEdit,
        ),
        (lambda engine: undo_edit(engine, 999, "t"), UnknownRecord),
    ],
)
def test_impossible_edits_are_refused_and_change_nothing(corpus, call, error):
    before = (queries.list_entities(corpus), queries.list_events(corpus))
    with pytest.raises(error):
        call(corpus)
    assert (queries.list_entities(corpus), queries.list_events(corpus)) == before
    assert list_edits(corpus) == []


def test_review_and_undo_twice(corpus):
    edit = review_finding(corpus, "abc123", True, "alice")
    assert reviewed_findings(corpus) == {"abc123"}
    review_finding(corpus, "abc123", False, "bob")
    assert reviewed_findings(corpus) == set()
    undo_edit(corpus, edit["id"] + 1, "bob")
    assert reviewed_findings(corpus) == {"abc123"}
    with pytest.raises(BadEdit, match="already undone"):
        undo_edit(corpus, edit["id"] + 1, "bob")
    assert [e["id"] for e in list_edits(corpus)] == [edit["id"] + 1, edit["id"]]


def test_edits_survive_reingesting_through_the_pipeline(database_url, demo_article):
    from vakanuvis.knowledge_base import KnowledgeBase

    kb = KnowledgeBase(database_url)
    kb.ingest([demo_article])
    entity = kb.entities()[0]
    event = kb.events()[0]
    kb.rename_entity(entity["id"], "Elle Düzeltilmiş Ad", by="alice")
    kb.correct_event_date(event["id"], "1923-07-24", by="alice")
    kb.ingest([demo_article], force=True)  # analysed and stored again, then resolved again
    assert next(e for e in kb.entities() if e["id"] == entity["id"])["name"] == "Elle Düzeltilmiş Ad"
    assert next(e for e in kb.events() if e["id"] == event["id"])["date"] == "1923-07-24"
    assert [edit["action"] for edit in kb.edits()] == ["date-event", "rename-entity"]


def test_a_merge_stands_when_a_later_document_names_the_merged_entity(database_url, tmp_path):
    """Merged by hand, then a new document names the merged-away entity: its mentions go to the entity it
    was merged into, which keeps the merged names for search."""
    from vakanuvis.knowledge_base import KnowledgeBase

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(
        "Hamdi Nüzhet Bey 3 Mart 1921 tarihinde Ankara'ya geldi. Nüzhet Çançar orada kaldı.\n",
        encoding="utf-8",
    )
    second.write_text("Nüzhet Çançar 5 Nisan 1921 tarihinde İstanbul'a döndü.\n", encoding="utf-8")
    kb = KnowledgeBase(database_url)
    kb.ingest([first])
    people = {e["name"]: e["id"] for e in kb.entities() if e["type"] == "person"}
    into, merged = people["Hamdi Nüzhet Bey"], people["Nüzhet Çançar"]
    kb.merge_entities(into, [merged], by="alice")
    (stored,) = kb.ingest([second])
    named = [e for e in kb.entities(stored.document_id) if e["type"] == "person"]
    assert [e["id"] for e in named] == [into]
    assert merged not in {e["id"] for e in kb.entities()}
    assert into in {hit["id"] for hit in kb.search("Çançar") if hit["kind"] == "entity"}


def test_networks_and_maps_are_drawn_again_after_an_edit(corpus):
    """They are kept for the state they were drawn in, never shown from before a change."""
    kb = KnowledgeBase(engine=corpus)
    network = kb.network(date_from="1919", date_to="1923")
    node = network["nodes"][0]
    assert kb.network(date_from="1919", date_to="1923") == network
    rename_entity(corpus, node["id"], "Başka Ad", "alice")
    assert "Başka Ad" in {n["name"] for n in kb.network(date_from="1919", date_to="1923")["nodes"]}
    place = next(p for p in kb.places() if p["events"])
    rename_entity(corpus, place["id"], "Başka Yer", "alice")
    assert "Başka Yer" in {p["name"] for p in kb.places()}
    assert all(p["events_count"] >= len(p["events"]) for p in kb.places())
