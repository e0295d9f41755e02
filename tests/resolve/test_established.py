"""The engine keeps what documents resolved before established (issue 22): a later batch never merges two
entities it finds stored, nor changes a stored entity's key or name; an entity a replaced document splits
keeps its key in the part that still sees its name."""

from __future__ import annotations

from vakanuvis.model import Entity, EntityMention, Span
from vakanuvis.reference.authority import load_authority
from vakanuvis.resolve.incremental import resolve_documents
from vakanuvis.resolve.memory_graph import MemoryNameStore
from vakanuvis.resolve.name_resolution import NameGraph, keeper_of, number_repeated_keys
from vakanuvis.resolve.names import matcher_for


def mentions(*surfaces: str) -> list[EntityMention]:
    return [EntityMention(Span(0, len(s)), s, s, "organization") for s in surfaces]


def resolve(store: MemoryNameStore, batch: dict[str, list[EntityMention]]) -> dict[str, tuple[str, str]]:
    """`batch` kept and resolved in `store`; then each stored entity's (key, name) by its first surface."""
    for document, rows in batch.items():
        store.keep_rows(document, rows)
    resolve_documents(NameGraph(store, matcher_for(load_authority())), sorted(batch), trusted=True)
    return {entity.aliases[-1]: (entity.key, entity.name) for entity in store.records.values()}


def entity_of(store: MemoryNameStore, document: str) -> list[str]:
    return [mention.entity_key for mention in store.rows[document]]


def test_a_later_batch_joins_stored_entities_without_merging_them():
    store = MemoryNameStore()
    first = resolve(
        store,
        {
            "a1": mentions("Nahçıvan Cumhuriyeti Hükümeti", "Nahçıvan Hükümeti"),
            "a2": mentions("Nahçıvan Şura Hükümeti"),
        },
    )
    before = {document: entity_of(store, document) for document in ("a1", "a2")}
    assert len(set(before["a1"] + before["a2"])) == 2
    resolve(store, {"b": mentions("Nahçıvan Şura Hükümeti", "Nahçıvan Hükümeti", "Nahçıvan Şura Hükümeti")})
    assert {document: entity_of(store, document) for document in ("a1", "a2")} == before
    assert {(e.key, e.name) for e in store.records.values()} == set(first.values())
    # each of the new document's names joined the entity it was stored in
    assert entity_of(store, "b") == [before["a2"][0], before["a1"][1], before["a2"][0]]
    assert store.records[before["a2"][0]].mentions == 3

    # all at once, the short name joins the two governments
    at_once = MemoryNameStore()
    resolve(
        at_once,
        {
            "a1": mentions("Nahçıvan Cumhuriyeti Hükümeti", "Nahçıvan Hükümeti"),
            "a2": mentions("Nahçıvan Şura Hükümeti"),
            "b": mentions("Nahçıvan Şura Hükümeti", "Nahçıvan Hükümeti", "Nahçıvan Şura Hükümeti"),
        },
    )
    assert len(at_once.records) == 1


def test_a_stored_entity_keeps_its_key_and_name_against_a_fuller_name():
    store = MemoryNameStore()
    resolve(store, {"a": mentions("Nahçıvan Hükümeti", "Nahçıvan Hükümeti")})
    (established,) = store.records.values()
    resolve(
        store,
        {
            "b": mentions(
                "Nahçıvan Cumhuriyeti Hükümeti", "Nahçıvan Cumhuriyeti Hükümeti", "Nahçıvan Hükümeti"
            )
        },
    )
    (entity,) = store.records.values()
    assert (entity.key, entity.name, entity.mentions) == (established.key, "Nahçıvan Hükümeti", 5)
    assert "Nahçıvan Cumhuriyeti Hükümeti" in entity.aliases


def test_a_split_entity_keeps_its_key_where_its_name_still_is():
    store = MemoryNameStore()
    resolve(store, {"a": mentions("Nahçıvan Cumhuriyeti Hükümeti", "Nahçıvan Hükümeti")})
    (established,) = store.records.values()
    assert established.name == "Nahçıvan Cumhuriyeti Hükümeti"
    # the document again, with a second government: its short name now fits two and joins neither
    resolve(
        store, {"a": mentions("Nahçıvan Cumhuriyeti Hükümeti", "Nahçıvan Hükümeti", "Nahçıvan Şura Hükümeti")}
    )
    named = {entity.name: entity.key for entity in store.records.values()}
    assert len(named) == len(set(named.values())) == 3
    assert named["Nahçıvan Cumhuriyeti Hükümeti"] == established.key


def test_keepers_and_numbered_keys():
    def entity(key: str, name: str, mentions: int) -> Entity:
        return Entity(key, "organization", name, aliases=[name], mentions=mentions)

    entities = [entity("o:x", "X", 9), entity("o:y", "Y", 1), entity("o:y", "Y", 2), entity("o:z", "Z", 1)]
    held = ["o:y", "o:y", None, "o:gone"]
    # of the two that hold "o:y", the one still seeing its name keeps it, however few its mentions
    assert keeper_of(entities, held, {"o:y": "Y"}) == {"o:y": 1}
    # its name seen by neither: the more mentioned; a key no longer kept ("o:gone") is kept by none
    assert keeper_of(entities, held, {"o:y": "Q", "o:x": "X"}) == {"o:y": 0}
    # a part that came to a kept key by its own name is numbered, as are parts that share a key
    entities.append(entity("o:z", "Z", 3))
    number_repeated_keys(entities, {1})
    assert [e.key for e in entities] == ["o:x", "o:y", "o:y-2", "o:z", "o:z-2"]
