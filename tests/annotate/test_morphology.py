"""Word analysis is a function of the word alone, not of the words analysed before it."""

from __future__ import annotations

import pytest

from vakanuvis.annotate.entities.morphology import _analyzer


def analyses(word: str) -> list[str]:
    return sorted(str(analysis) for analysis in _analyzer()._parse(word))


@pytest.mark.parametrize(
    ("earlier", "word"),
    [
        ("görmek", "görüldüğü"),  # zeyrek 0.1.3 alone: no analysis at all for the second word
        ("kitap", "kitabı"),
        ("Ankara", "Ankara'da"),
    ],
)
def test_an_analysis_does_not_depend_on_the_words_before(earlier, word):
    first = analyses(word)
    analyses(earlier)
    assert analyses(word) == first
    assert first, f"{word} has an analysis"
