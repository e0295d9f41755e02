"""Word frequencies read from the table on disk are wordfreq's own, and wordfreq's lists stay out of memory."""

from __future__ import annotations

import pytest

from vakanuvis.lang import word_frequencies

wordfreq = pytest.importorskip("wordfreq")

ODD_WORDS = [
    "",
    "'",
    "world's",
    "World",
    "co-operation",
    "1920",
    "19th",
    "Mart-Nisan",
    "Москва-река",
    "ВНЕШНЕЙ",
    "ё",
    "документывнешнейполитики",
    "xqzv",
    "New York",
]


def _sample(language: str) -> list[str]:
    listed = list(wordfreq.iter_wordlist(language))
    return (
        listed[:3000] + listed[-3000:] + listed[::500] + [word.upper() for word in listed[:500]] + ODD_WORDS
    )


@pytest.fixture
def fresh_tables(tmp_path, monkeypatch):
    """Tables built afresh in an empty cache directory, none of wordfreq's lists loaded."""
    monkeypatch.setenv("VAKANUVIS_CACHE_DIR", str(tmp_path))
    for cached in (word_frequencies._table, word_frequencies._centibels, word_frequencies._word_frequency):
        cached.cache_clear()
    yield tmp_path
    for cached in (word_frequencies._table, word_frequencies._centibels, word_frequencies._word_frequency):
        cached.cache_clear()


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_table_answers_as_wordfreq_does(fresh_tables, language):
    words = _sample(language)
    listed = wordfreq.get_frequency_dict(language)
    assert [word_frequencies.frequency(w, language) for w in words] == [listed.get(w, 0.0) for w in words]
    assert [word_frequencies.zipf_frequency(w, language) for w in words] == [
        wordfreq.zipf_frequency(w, language) for w in words
    ]
    assert list(fresh_tables.glob(f"wordfreq-*_{language}-v*.sqlite"))


def test_the_table_in_memory_when_the_cache_is_off(monkeypatch):
    monkeypatch.setenv("VAKANUVIS_CACHE_DIR", "off")
    word_frequencies._table.cache_clear()
    word_frequencies._centibels.cache_clear()
    try:
        table = word_frequencies._FrequencyTable("ru")
        assert table.connection is None
        listed = wordfreq.get_frequency_dict("ru")
        for word in _sample("ru")[::10]:
            found = table.centibels(word)
            assert (0.0 if found is None else word_frequencies._cB_to_freq(found)) == listed.get(word, 0.0)
    finally:
        word_frequencies._table.cache_clear()
        word_frequencies._centibels.cache_clear()


def test_repairing_a_glued_title_leaves_wordfreqs_lists_unloaded(fresh_tables):
    from vakanuvis.annotate.citations import repair

    for cached in (repair._needs_repair, repair._segmentation, wordfreq.get_frequency_list):
        cached.cache_clear()
    wordfreq.get_frequency_dict.cache_clear()
    assert repair.repair_run_together("Документывнешнейполитики СССР") == "Документы внешней политики СССР"
    assert wordfreq.get_frequency_list.cache_info().currsize == 0
    assert wordfreq.get_frequency_dict.cache_info().currsize == 0
