"""The folds, one per purpose: each reduces spellings its own way (the stored keys depend on it)."""

from __future__ import annotations

import pytest

from vakanuvis.lang.folds import (
    fold_for_citation_matching,
    fold_for_name_matching,
    fold_for_search,
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
