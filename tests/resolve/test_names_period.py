"""Matching the period's names to the authority: ranks, given names, OCR and English spellings."""

from __future__ import annotations

from datetime import date

import pytest

from vakanuvis.reference.authority import load_authority, name_key
from vakanuvis.resolve.names import core_tuple, matcher_for


def matched(surface: str) -> str | None:
    entry = matcher_for(load_authority()).match(surface, core_tuple(surface), "person")
    return entry.name if entry else None


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Tevfik Paşa", "Ahmet Tevfik Pasha"),
        ("Ahmet Tevfik Paşa", "Ahmet Tevfik Pasha"),
        # another rank with the same given name is someone else (Çerkez Ethem's brother)
        ("Tevfik Bey", None),
        # a given name alone may be anyone of that name
        ("Tevfik", None),
        # OCR and English spellings of the same person
        ("Kazim Karabekir Paga", "Kazım Karabekir"),
        ("Chicherin", "Georgy Chicherin"),
        ("Чичерин", "Georgy Chicherin"),
    ],
)
def test_authority_match(surface: str, expected: str | None) -> None:
    assert matched(surface) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Hiiseyin Rauf", "Hüseyin Rauf"),
        ("Ghazi Mustapha Kemal", "Gazi Mustafa Kemal"),
        ("Kiazim Kara Bekir", "Kâzım Kara Bekir"),
        ("Ali Fuad Pacha", "Ali Fuad Paşa"),
        ("Ismet Paga", "İsmet Paşa"),
    ],
)
def test_spellings_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_russian_ii_ending_is_kept() -> None:
    assert name_key("Dmitrii") != name_key("Dmitru")


def test_a_longer_name_adds_only_head_words() -> None:
    from vakanuvis.resolve.names import is_longer_name

    assert is_longer_name(core_tuple("Azerbaycan Hükümeti"), core_tuple("Azerbaycan Cumhuriyeti Hükümeti"))
    # a name word added makes another thing: every "Türkiye Devleti" of a corpus is not the Seljuk state
    assert not is_longer_name(core_tuple("Türkiye Devleti"), core_tuple("Türkiye Selçuk Devleti"))


@pytest.mark.parametrize(
    ("surface", "entity_type", "expected"),
    [
        # a place in its English or old form, an English head put first: one authority entry
        ("Angora Government", "organization", "Ankara government"),
        ("Government of Constantinople", "organization", "Istanbul government"),
        ("Congress of Erzeroum", "meeting", "Erzurum Congress"),
        ("Treaty of Sevres", "treaty", "Treaty of Sèvres"),
        # Ottoman treaty words and the Soviet state's many names
        ("Moskova Muahedenamesi", "treaty", "Treaty of Moscow (1921)"),
        ("Rusya Şûralar Cumhuriyeti", "organization", "Russian Soviet Federative Socialist Republic"),
        ("Misak-ı Millî", "treaty", "National Pact"),
    ],
)
def test_names_of_one_thing_in_other_words(surface: str, entity_type: str, expected: str) -> None:
    entry = matcher_for(load_authority()).match(surface, core_tuple(surface), entity_type)
    assert entry is not None and entry.name == expected


@pytest.mark.parametrize(("a", "b"), [("Amasia", "Amasya"), ("Aintab", "Antep"), ("Geiveh", "Geyve")])
def test_a_places_spellings_are_one_node(a: str, b: str) -> None:
    """The gazetteer's one place: an English report's 'Amasia' is the telegram's 'Amasya'."""
    from vakanuvis.resolve.name_graph import name_node

    matcher = matcher_for(load_authority())
    assert name_node(a, "place", "d1", matcher).key == name_node(b, "place", "d2", matcher).key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # a British peer of any rank is Lord before his title's name
        ("Earl Curzon", "Lord Curzon"),
        ("Marquess Curzon", "Lord Curzon"),
        # his title's territorial designation goes as well
        ("Marquess Curzon of Kedleston", "Lord Curzon"),
        ("Lord Curzon of Kedleston", "Curzon"),
    ],
)
def test_peers_are_compared_as_lords(a: str, b: str) -> None:
    assert core_tuple(a) == core_tuple(b)
    assert matched(a) == matched(b) == "George Curzon"


@pytest.mark.parametrize(
    ("a", "b", "entity_type"),
    [
        ("Conference of London", "London Conference", "meeting"),
        ("Council of Commissioners", "Commissioners Council", "organization"),
    ],
)
def test_an_english_name_head_first_is_the_same_name_head_last(a: str, b: str, entity_type: str) -> None:
    from vakanuvis.resolve.name_graph import name_node

    matcher = matcher_for(load_authority())
    assert name_node(a, entity_type, "d", matcher).key == name_node(b, entity_type, "d", matcher).key


@pytest.mark.parametrize(
    ("surface", "written", "expected"),
    [
        # the English name of a Turkish front, from the front's first day on (in 1918 it is France's)
        ("Western Front", date(1921, 1, 10), "Western Front (Turkish army)"),
        ("Western Front", date(1918, 7, 1), None),
        ("Eastern Front", date(1920, 9, 1), "Eastern Front (Turkish army)"),
        ("Southern Front", date(1921, 3, 1), "Southern Front (Turkish army)"),
        ("XVth Army Corps", None, "XV Corps (Ottoman army)"),
    ],
)
def test_english_names_of_the_turkish_armys_units(surface: str, written, expected: str | None) -> None:
    entry = load_authority().find_on(surface, written)
    assert (entry.name if entry else None) == expected
