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
