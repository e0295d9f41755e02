"""The folds, one per purpose: each reduces spellings its own way (the stored keys depend on it)."""

from __future__ import annotations

import pytest

from vakanuvis.lang.folds import (
    fold_for_citation_matching,
    fold_for_name_matching,
    fold_for_search,
    fold_for_search_by_decomposing,
    fold_for_surname_ending,
)

DOTTED = "i\u0307"


@pytest.mark.parametrize(
    ("text", "name", "citation", "search"),
    [
        ("Nahçıvan", "nahcivan", "nahcivan", "nahcivan"),
        ("İSMET İNÖNÜ", "ismet inonu", "ismetinonu", "ismet inonu"),
        ("T.B.M.M", "tbmm", "tbmm", "t.b.m.m"),
        ("Nәrimanov", "nerimanov", "nerimanov", "nәrimanov"),  # a Cyrillic ә typed for ə
        ("Чичерин", "chicherin", "chicherin", "чичерин"),
        ("Kâzım Karabekir’in", "kazim karabekirin", "kazimkarabekirin", "kazim karabekir’in"),
        ("Straße", "straße", "strasse", "strasse"),
        (f"{DOTTED}stanbul", "istanbul", "istanbul", "istanbul"),
        ("Łódź", "łodz", "łodz", "lodz"),
    ],
)
def test_folds(text: str, name: str, citation: str, search: str) -> None:
    assert fold_for_name_matching(text) == name
    assert fold_for_citation_matching(text) == citation
    assert fold_for_search(text) == search


@pytest.mark.parametrize(
    ("name", "last_word"),
    [("Ahmet Ağaoğlu", "ağaoğlu"), ("Ali İhsan SABİS", "sabis"), ("Kazım", "kazım"), ("", ""), ("  ", "")],
)
def test_fold_for_surname_ending(name: str, last_word: str) -> None:
    assert fold_for_surname_ending(name) == last_word


def test_search_fold_by_letter_is_the_decomposing_fold_for_every_code_point() -> None:
    for code in range(0x110000):
        char = chr(code)
        assert fold_for_search(char) == fold_for_search_by_decomposing(char), hex(code)


@pytest.mark.parametrize(
    "text",
    [
        "Nahçıvan’ın HÜKÛMET hükûmet İSTANBUL i\u0307stanbul",
        "a\u0301\u0323b o\u0323\u0302 ǅemal ﬁrka Ⅻ ² ﬀ Straße Æsir Œuvre",  # marks in any order, compatibility
        "Чичерин Нәриманов Ёлка ДЖЕМАЛЬ",
        "\u1100\u1161\u11a8 각 ｶﾞ ﾊﾟ",  # Hangul and half-width kana, decomposed and not
    ],
)
def test_search_fold_by_letter_is_the_decomposing_fold_on_mixed_text(text: str) -> None:
    assert fold_for_search(text) == fold_for_search_by_decomposing(text)
    for word in text.split():
        assert fold_for_search(word) == fold_for_search_by_decomposing(word)


def test_search_fold_by_letter_is_the_decomposing_fold_on_real_words() -> None:
    wordfreq = pytest.importorskip("wordfreq")
    words = wordfreq.top_n_list("tr", 20_000) + wordfreq.top_n_list("ru", 2_000)
    for word in words + [word.upper() for word in words] + [word.title() for word in words]:
        assert fold_for_search(word) == fold_for_search_by_decomposing(word), word
