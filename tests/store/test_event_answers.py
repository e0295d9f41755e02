"""The event pages, an entity's page and the actor network are cut and joined in SQL; each must give what
the whole list of events says, read record by record (the slow way it was answered before)."""

from __future__ import annotations

from itertools import combinations

import pytest

from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.model import ACTING_ROLES
from vakanuvis.store import queries


@pytest.fixture
def kb(database_url, corpus_generator):
    """Twelve generated articles, stored and resolved."""
    knowledge_base = KnowledgeBase(database_url)
    corpus_generator.store_generated_corpus(knowledge_base.engine, 12)
    yield knowledge_base
    knowledge_base.engine.dispose()


def _network_from(events: list[dict], entities: dict[str, dict]) -> tuple[dict, dict]:
    """Nodes (key -> events taken part in) and edges ((a, b) -> event ids) read from whole event records."""
    nodes: dict[str, int] = {}
    edges: dict[tuple[str, str], list[str]] = {}
    for event in events:
        keys = {
            key
            for role, found in event["role_keys"].items()
            if role in ACTING_ROLES
            for key in found
            if entities[key]["type"] in queries.ACTOR_TYPES
        }
        for key in keys:
            nodes[key] = nodes.get(key, 0) + 1
        for pair in combinations(sorted(keys), 2):
            edges.setdefault(pair, []).append(event["id"])
    return nodes, edges


@pytest.mark.parametrize(
    "period", [("1919", "1923"), ("1920-03", "1920"), ("1921-06", "1922-02"), (None, None)]
)
def test_the_network_links_the_actors_of_each_event_of_the_period(kb, period):
    date_from, date_to = period
    entities = {e["id"]: e for e in kb.entities()}
    nodes, edges = _network_from(kb.events(date_from=date_from, date_to=date_to), entities)
    network = kb.network(date_from=date_from, date_to=date_to)
    assert edges, "the generated articles have events with several actors"
    assert {node["id"]: node["events"] for node in network["nodes"]} == nodes
    assert {node["id"]: node["name"] for node in network["nodes"]} == {k: entities[k]["name"] for k in nodes}
    found = {(edge["source"], edge["target"]): sorted(edge["events"]) for edge in network["edges"]}
    assert found == {pair: sorted(ids) for pair, ids in edges.items()}
    weights = [edge["weight"] for edge in network["edges"]]
    assert weights == sorted(weights, reverse=True)


def test_a_page_of_events_is_the_same_slice_of_the_whole_list(kb):
    everything = kb.events()
    assert len(everything) > 30
    for offset, limit in [(0, 1), (0, 7), (5, 10), (len(everything) - 3, 10), (len(everything) + 5, 10)]:
        assert kb.events(limit=limit, offset=offset) == everything[offset : offset + limit]
    in_period = kb.events(date_from="1920", date_to="1921")
    assert kb.events(date_from="1920", date_to="1921", limit=4, offset=2) == in_period[2:6]


def test_every_role_of_an_event_names_the_entity_of_its_mention(kb):
    """The names of a page's roles come from its roles' mentions: each name and key is an entity's, and
    every entity mentioned in the event's sentence as a participant is found."""
    entities = {e["id"]: e for e in kb.entities()}
    for event in kb.events(limit=20, offset=3):
        assert event["roles"].keys() == event["role_keys"].keys()
        for role, keys in event["role_keys"].items():
            assert [entities[key]["name"] for key in keys] == event["roles"][role]
        assert set(event["actors"]) == {
            name for role, names in event["roles"].items() if role != "place" for name in names
        }


def test_an_entity_page_lists_its_first_events_and_counts_them_all(kb, monkeypatch):
    monkeypatch.setattr(queries, "ENTITY_EVENTS", 3)
    everything = kb.events()
    for entity in kb.entities()[:6]:
        taking_part = [
            event for event in everything if any(entity["id"] in keys for keys in event["role_keys"].values())
        ]
        page = kb.entity(entity["id"], most_mentions=5)
        assert page["events"] == taking_part[:3]
        assert page["events_count"] == len(taking_part)
        assert page["mentions_count"] == entity["mentions"]
        assert len(page["mentions"]) == min(5, entity["mentions"])


def test_a_period_holds_only_events_known_to_lie_in_it(kb):
    for date_from, date_to in [("1920-03", "1920-05"), ("1921", "1921"), ("1919-05-19", "1919-12-31")]:
        found = kb.events(date_from=date_from, date_to=date_to)
        assert found, (date_from, date_to)
        last = _period_end(date_to)
        assert all(date_from <= event["start"] and event["end"] <= last for event in found)
        assert all(event["year_from"] != "unknown" and "X" not in event["date"] for event in found)
        assert kb.count_events(date_from=date_from, date_to=date_to) == len(found)


def _period_end(bound: str) -> str:
    """The last day a bound of YYYY, YYYY-MM or YYYY-MM-DD names, as ISO text."""
    from vakanuvis.records import period_bound

    return period_bound(bound, last=True, option="to").isoformat()
