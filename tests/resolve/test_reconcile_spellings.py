"""An institution's name as the things its words say, across languages, and the loose score of a name."""

from __future__ import annotations

import pytest

from vakanuvis.resolve.reconcile_spellings import (
    LOOSE_SAME,
    SAME_WORDS,
    SAME_WORDS_QUALIFIED,
    loose_core,
    loose_form_score,
    name_words,
    place_index,
)

PLACES = place_index(
    [("kars", ["Kars", "Qars"]), ("moscow", ["Moscow", "Moskova"]), ("turkey", ["Turkey", "Türkiye"])]
)


def words(text: str):
    return name_words(text, PLACES.get)


@pytest.mark.parametrize(
    ("written", "other"),
    [
        ("Traité de Kars", "Kars Antlaşması"),
        ("Traité de Kars", "Treaty of Kars"),
        ("Moskova Muahedesi", "Treaty of Moscow (1921)"),  # the year is left to the date property
        ("Armée rouge", "Red Army"),
        ("Kızıl Ordu", "Red Army"),
        ("Türkiye Büyük Millet Meclisi", "Grand National Assembly of Turkey"),
        ("Congrès de Kars", "Kars Kongresi"),
    ],
)
def test_names_in_other_languages_have_the_same_words(written, other):
    assert words(written).words == words(other).words


@pytest.mark.parametrize(
    ("written", "other"),
    [
        ("Treaty of Kars", "Treaty of Moscow"),  # another place
        ("Kars Conference", "Treaty of Kars"),  # another head
        ("Red Army", "Green Army"),
    ],
)
def test_other_institutions_have_other_words(written, other):
    assert words(written).words != words(other).words


@pytest.mark.parametrize(
    ("written", "form", "entity_type", "expected"),
    [
        ("Traité de Kars", "Kars Antlaşması", "treaty", SAME_WORDS),
        ("Turkish National Pact", "National Pact", "treaty", SAME_WORDS_QUALIFIED),  # a qualifier added
        ("Halidé Edib Hanoum", "Halide Edib", "person", LOOSE_SAME),  # a title in French transcription
        ("Ismet Pacha", "İsmet Paşa", "person", LOOSE_SAME),
        ("Traité de Kars", "Treaty of Moscow", "treaty", 0.0),
        ("Ahmet Bey", "Mehmet Bey", "person", 0.0),
    ],
)
def test_loose_form_score(written, form, entity_type, expected):
    institution = entity_type != "person"
    score = loose_form_score(
        loose_core(written),
        words(written) if institution else None,
        loose_core(form),
        words(form) if institution else None,
        entity_type,
        similarity=0.0,
    )
    assert score == expected
