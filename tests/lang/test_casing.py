"""Turkish casing: one lower-casing, and the variant that keeps a combining dot above where stored keys need it."""

from __future__ import annotations

import pytest

from vakanuvis.annotate.dates.lexicon import key
from vakanuvis.lang.tr.casing import turkish_lower, turkish_lower_keeping_dot_above, turkish_upper
from vakanuvis.store.search import word_terms

DOTTED = "i\u0307"  # "i" and a combining dot above: "İ".lower() outside Turkish


@pytest.mark.parametrize(
    ("text", "lower", "keeping_dot_above"),
    [
        ("İSTANBUL", "istanbul", "istanbul"),
        ("ISPARTA", "ısparta", "ısparta"),
        ("Iğdır’da", "ığdır’da", "ığdır’da"),
        ("İsmet İnönü", "ismet inönü", "ismet inönü"),
        ("ÇĞÖŞÜ", "çğöşü", "çğöşü"),
        ("Нариманов", "нариманов", "нариманов"),
        (f"{DOTTED}stanbul", "istanbul", f"{DOTTED}stanbul"),
        (f"{DOTTED}KİNCİ", "ikinci", f"{DOTTED}kinci"),
        ("I\u0307zmir", "ı\u0307zmir", "ı\u0307zmir"),  # a capital I with a dot above: dotless i, dot kept
        ("", "", ""),
    ],
)
def test_turkish_lower(text: str, lower: str, keeping_dot_above: str) -> None:
    assert turkish_lower(text) == lower
    assert turkish_lower_keeping_dot_above(text) == keeping_dot_above


@pytest.mark.parametrize(
    ("text", "upper"),
    [("istanbul", "İSTANBUL"), ("ısparta", "ISPARTA"), ("çiçerin", "ÇİÇERİN"), ("Iğdır", "IĞDIR")],
)
def test_turkish_upper(text: str, upper: str) -> None:
    assert turkish_upper(text) == upper


def test_the_date_keys_and_the_search_terms_keep_a_combining_dot_above():
    """The lexicon's keys and the stored search terms were built with the dot kept: a word written with it
    is not a month key, and is indexed whole (not stemmed) as before."""
    assert key(f"{DOTTED}kinci  Teşrin") == f"{DOTTED}kinci teşrin"
    assert key("İkinci  Teşrin") == "ikinci teşrin"
    assert word_terms(f"{DOTTED}stanbuldaki") == ("istanbuldaki", "istanbuldaki")
    assert word_terms("İstanbuldaki") == ("istanbuldaki", "istanbul")
