"""The events' quick lookups give what the plain ones give: a happening's kind found among the stems of
a word's first letter is the kind the scan of every stem finds; sentences without Cyrillic read as the
document's language."""

from __future__ import annotations

import pytest

from vakanuvis.annotate.events import predicates
from vakanuvis.annotate.events.predicates import Word, happening_kind, plain, sentence_language, words_of


def _kind_by_scanning(language: str, phrase: str) -> str:
    folded = plain(phrase) if language == "tr" else phrase.lower()
    return next((kind for stem, kind in predicates._kind_stems(language) if folded.startswith(stem)), "")


@pytest.mark.parametrize("language", ["tr", "en", "ru"])
def test_happening_kind_is_the_kind_a_scan_of_every_stem_finds(language: str) -> None:
    wordfreq = pytest.importorskip("wordfreq")
    stems = [stem for stem, _ in predicates._kind_stems(language)]
    phrases = wordfreq.top_n_list(language, 20_000) + stems + [s[:-1] for s in stems] + ["", "İmza", "'"]
    phrases += [f"{a} {b}" for a, b in zip(phrases[::7], phrases[3::7], strict=False)]
    found = 0
    for phrase in phrases + [p.upper() for p in phrases] + [p.title() for p in phrases]:
        kind = happening_kind(language, phrase)
        assert kind == _kind_by_scanning(language, phrase), phrase
        found += bool(kind)
    assert found > 100


@pytest.mark.parametrize(
    ("sentence", "document", "language"),
    [
        ("Moskova’da muahede imzalandı.", "tr", "tr"),
        ("The treaty was signed.", "en", "en"),
        ("Договор подписан 16 марта 1921 г.", "tr", "ru"),
        ("Договор (Moskova Muahedesi) imzalanmıştır, 16 Mart 1921.", "tr", "tr"),  # mostly Latin
        ("", "az", "tr"),
    ],
)
def test_sentence_language(sentence: str, document: str, language: str) -> None:
    assert sentence_language(document, sentence) == language


def test_words_compare_by_value() -> None:
    first, second = words_of("23 Nisan’da açılan Meclis", 0, 25), words_of("23 Nisan’da açılan Meclis", 0, 25)
    assert first == second and first[0] is not second[0]
    assert first[0] == Word(3, 11, "Nisan’da") and hash(first[0]) == hash(Word(3, 11, "Nisan’da"))
    assert first[0] != Word(3, 11, "Nisan") and repr(first[0]) == "Word(start=3, end=11, text='Nisan’da')"


def test_first_words_are_the_first_of_all_words() -> None:
    text = "Heyet-i Temsiliye tarafından, 23 Nisan’da açılan Büyük Millet Meclisi’ne"
    for start in range(len(text)):
        for count in (1, 3):
            assert (
                predicates.first_words_of(text, start, len(text), count)
                == words_of(text, start, len(text))[:count]
            )
