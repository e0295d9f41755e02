"""A short name's identity: the one fuller name of its document it opens, and the same short name in other
documents whose context agrees."""

from __future__ import annotations

import pytest

from vakanuvis.model import EntityMention, Span
from vakanuvis.resolve.entities import resolve_entities


def mentions(*surfaces: str, entity_type: str = "person") -> list[EntityMention]:
    return [EntityMention(Span(i, i + 1), s, s, entity_type) for i, s in enumerate(surfaces)]


def entity_of(documents: dict[str, list[EntityMention]], document: str, surface: str) -> str:
    resolve_entities(documents)
    return next(m.entity_key for m in documents[document] if m.surface == surface)


@pytest.mark.parametrize(
    ("names", "short", "fuller"),
    [
        # the period shortened a name to its given name and rank
        (("Kâzım Paşa", "Kâzım Karabekir"), "Kâzım Paşa", "Kâzım Karabekir"),
        (("Reşit Bey", "Çerkes Reşit"), "Reşit Bey", "Çerkes Reşit"),
        (("Hadi Bey", "Hadi Osman Bey"), "Hadi Bey", "Hadi Osman Bey"),
    ],
)
def test_a_given_name_alone_is_the_one_fuller_name_it_opens(names, short, fuller) -> None:
    documents = {"d": mentions(*names)}
    assert entity_of(documents, "d", short) == entity_of(documents, "d", fuller)


@pytest.mark.parametrize(
    ("names", "short", "other"),
    [
        # two fuller names open with it: neither
        (("Ali Bey", "Ali Rıza Bey", "Ali Fuat Bey"), "Ali Bey", "Ali Rıza Bey"),
        # a name its bearer did not go by alone ("Mustafa" of Mustafa Kemal)
        (("Mustafa Bey", "Mustafa Kemal"), "Mustafa Bey", "Mustafa Kemal"),
        # another rank is another man
        (("Kâzım Bey", "Kâzım Karabekir Paşa"), "Kâzım Bey", "Kâzım Karabekir Paşa"),
    ],
)
def test_a_given_name_alone_stays_apart_when_the_document_does_not_say(names, short, other) -> None:
    documents = {"d": mentions(*names)}
    assert entity_of(documents, "d", short) != entity_of(documents, "d", other)


def corpus(**documents: list[EntityMention]) -> dict[str, list[EntityMention]]:
    """The documents, and six others that name what most of a corpus names."""
    others = {f"other{i}": mentions("Ankara", "İstanbul", entity_type="place") for i in range(6)}
    return {**documents, **others}


def telegram(short: str, *context: str) -> list[EntityMention]:
    return [*mentions(short), *mentions(*context, entity_type="place")]


@pytest.mark.parametrize(
    ("a", "b", "one"),
    [
        # the same short name in two documents that name the same few things: one person
        (
            ("Harington", "Mudanya", "Eastern Thrace", "Maritza"),
            ("Harington", "Mudanya", "Eastern Thrace", "Maritza"),
            True,
        ),
        # spellings of one short name
        (("Hassan Bey", "Lausanne", "Ouchy", "Rumine"), ("Hasan Bey", "Lausanne", "Ouchy", "Rumine"), True),
        # documents that share too little of what they name
        (("Reşit Bey", "Gediz", "Kütahya", "Simav"), ("Reşit Bey", "Ankara", "Kütahya", "İstanbul"), False),
        # a rank that contradicts the other ("Tevfik Bey" is not "Tevfik Paşa")
        (
            ("Tevfik Bey", "Mudanya", "Eastern Thrace", "Maritza"),
            ("Tevfik Paşa", "Mudanya", "Eastern Thrace", "Maritza"),
            False,
        ),
        # a rank alone is no name
        (
            ("Pasha", "Mudanya", "Eastern Thrace", "Maritza"),
            ("Pasha", "Mudanya", "Eastern Thrace", "Maritza"),
            False,
        ),
    ],
)
def test_a_short_name_is_one_person_across_documents_whose_names_agree(a, b, one) -> None:
    documents = corpus(a=telegram(*a), b=telegram(*b))
    assert (entity_of(documents, "a", a[0]) == entity_of(documents, "b", b[0])) is one


def test_a_later_document_joins_the_stored_short_name_and_keeps_its_key() -> None:
    from vakanuvis.reference.authority import load_authority
    from vakanuvis.resolve.incremental import resolve_documents
    from vakanuvis.resolve.memory_graph import MemoryNameStore
    from vakanuvis.resolve.name_resolution import NameGraph
    from vakanuvis.resolve.names import matcher_for

    store, matcher = MemoryNameStore(), matcher_for(load_authority())
    first = {"b": telegram("Harington", "Mudanya", "Eastern Thrace", "Maritza")}
    later = {"a": telegram("Harington", "Mudanya", "Eastern Thrace", "Maritza")}
    for batch in (first, later):
        for document, rows in batch.items():
            store.keep_rows(document, rows)
        resolve_documents(NameGraph(store, matcher), sorted(batch), trusted=True)
    assert first["b"][0].entity_key == later["a"][0].entity_key == "person:harington@b"
    # the first document again, naming other things: the link goes, each document its own Harington
    store.keep_rows("b", telegram("Harington", "Paris", "London", "Rome"))
    resolve_documents(NameGraph(store, matcher), ["b"], trusted=True)
    assert store.rows["b"][0].entity_key != store.rows["a"][0].entity_key
