"""Word analysis is a function of the word alone, not of the words analysed before it; the fast search
finds zeyrek's own analyses, with the zeyrek version whose internals it copies."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from vakanuvis.lang.tr.morphology import _analyzer


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


def plain_and_fast() -> tuple[object, object]:
    """zeyrek's own search and zeyrek_search's, over the one loaded graph."""
    from zeyrek.rulebasedanalyzer import RuleBasedAnalyzer

    from vakanuvis.lang.tr.zeyrek_search import FastRuleBasedAnalyzer

    loaded = _analyzer()
    return RuleBasedAnalyzer(loaded.morphotactics), FastRuleBasedAnalyzer(loaded.morphotactics)


def described(parses: list) -> list[tuple]:
    """Everything an analysis holds, in zeyrek's order (dictionary items by id, morphemes by id)."""
    return [
        (
            parse.dict_item.id_,
            parse.stem,
            parse.ending,
            tuple((morpheme.id_, surface) for morpheme, surface in parse.morphemes),
            tuple(parse.group_boundaries),
            parse.pos,
        )
        for parse in parses
    ]


def same_search(word: str) -> tuple[list[tuple], list[tuple]]:
    plain, fast = plain_and_fast()
    normalized = word.lower().replace("'", "")
    return described(plain.analyze(normalized)), described(fast.analyze(normalized))


@pytest.mark.parametrize(
    "word",
    [
        "görüldüğü",  # passive participle with voicing
        "kitapçığı",  # -cık/-cığ: ExpectsVowel after the voiced form
        "kitapçık",  # ... and CannotTerminate lifted
        "güzelliğden",  # "-liğ" expects a vowel: no analysis
        "yapacağlar",
        "güzelliğ",  # ... and cannot end a word
        "evciğim",
        "yapılamayacakmış",  # a long verbal chain
        "gelmeyeceklerdi",
        "bolşeviklerin",
        "hakkı",  # doubling
        "ağzı",  # last vowel drop
        "zeytinyağı",  # compound with P3sg
        "bana",  # modified pronoun
        "şunu",
        "ayında",  # duplicate analyses (proper and common "ay")
        "ile",
        "km",  # no vowel at all
        "rp",
        "x",
        "ankarada",
        "istanbulluların",
        "xyzqw",  # unknown
    ],
)
def test_the_fast_search_finds_zeyreks_analyses_in_zeyreks_order(word):
    plain, fast = same_search(word)
    assert fast == plain


def test_the_fast_search_agrees_on_the_commonest_turkish_words():
    from wordfreq import top_n_list

    plain, fast = plain_and_fast()
    words = [w for w in top_n_list("tr", 1500) if w.isalpha()]
    differing = [w for w in words if described(fast.analyze(w)) != described(plain.analyze(w))]
    assert differing == []
    assert sum(bool(fast.analyze(w)) for w in words) > 1000  # the comparison is over real analyses


def kept_of(parses: list) -> list[tuple]:
    """What vakanuvis.lang.tr.morphology keeps of zeyrek's analyses (lemma, pos, proper, morphemes)."""
    return [
        (
            parse.dict_item.lemma,
            parse.dict_item.primary_pos.value,
            getattr(parse.dict_item.secondary_pos, "value", None) == "Prop",
            tuple((morpheme.id_, surface, morpheme.derivational) for morpheme, surface in parse.morphemes),
        )
        for parse in parses
    ]


def test_the_fast_route_gives_zeyreks_own_analyses_on_20000_real_words():
    """The analyses the word cache keeps, made straight from the fast search's accepted paths, are those
    zeyrek's own search and parse_analysis give, in zeyrek's order (kept sorted), over 20,000 real words (and their
    capitalised, upper-cased and circumflexed spellings, normalized as zeyrek does)."""
    from wordfreq import top_n_list
    from zeyrek.morphology import _normalize

    from vakanuvis.lang.tr import morphology

    plain, fast = plain_and_fast()
    words = [w for w in top_n_list("tr", 23000) if w.isalpha()][:20000]
    words += ["HÜKÛMET", "Hâlâ", "Ankara'da", "BOLŞEVİKLERİN", "İstanbul'dan", "Iğdır"]
    assert len(words) > 20000
    differing = []
    for word in words:
        normalized = _normalize(word)
        expected = kept_of(plain.analyze(normalized))
        if fast.analysis_tuples(normalized) != expected:
            differing.append(word)
        elif morphology._zeyrek_analyses(word) != morphology.in_one_order(expected):  # kept in one order
            differing.append(word)
    assert differing == []
    assert sum(bool(fast.analysis_tuples(_normalize(w))) for w in words) > 15000


def test_the_fast_search_is_used_and_keeps_answers_independent_of_earlier_words():
    from vakanuvis.lang.tr.zeyrek_search import FastRuleBasedAnalyzer

    assert isinstance(_analyzer().analyzer, FastRuleBasedAnalyzer)
    fast = _analyzer().analyzer
    first = described(fast.analyze("görüldüğü"))
    described(fast.analyze("görmek"))
    assert described(fast.analyze("görüldüğü")) == first != []


def test_the_installed_zeyrek_is_the_version_the_fast_search_was_written_for():
    pyproject = tomllib.loads((Path(__file__).parents[2] / "pyproject.toml").read_text(encoding="utf-8"))
    pins = [re.fullmatch(r"zeyrek==(\S+)", d) for d in pyproject["project"]["dependencies"]]
    (pinned,) = [pin.group(1) for pin in pins if pin]
    assert metadata.version("zeyrek") == pinned


def test_words_new_to_the_cache_get_the_analyses_of_their_own_spelling(monkeypatch):
    """A word in another spelling of one searched before ("Hükümet" after "hükümet", "HÂLÂ" after "hâlâ")
    reuses that search: over 20,000 real words and 14,000 of their other spellings, analyze_word gives
    exactly what zeyrek finds for each word itself."""
    from wordfreq import top_n_list

    from vakanuvis.lang.tr import morphology
    from vakanuvis.lang.tr.casing import turkish_upper

    monkeypatch.setenv("VAKANUVIS_CACHE_DIR", "off")
    for table in ("_memory", "_new", "_by_normalized"):
        monkeypatch.setattr(morphology, table, {})
    monkeypatch.setattr(morphology, "_stored", None)
    words = [w for w in top_n_list("tr", 23000) if w.isalpha()][:20000]
    assert len(words) == 20000
    spellings = []
    for word in words[:7000]:
        capitalised = turkish_upper(word[0]) + word[1:]
        spellings += [capitalised, turkish_upper(word)]
    spellings += ["hâlâ", "Hâlâ", "HÜKÛMET", "hükûmet", "Hükümet", "Ankarada", "ANKARADA"]
    # other spellings both before (the first 2,000) and after the word they spell
    ordered = spellings[:2000] + words + spellings[2000:]
    got = [morphology.analyze_word(word) for word in ordered]
    expected = [morphology._zeyrek_analyses(word) for word in ordered]
    as_tuples = [tuple((a.lemma, a.pos, a.proper, a.morphemes) for a in found) for found in got]
    differing = [w for w, g, e in zip(ordered, as_tuples, expected, strict=True) if g != e]
    assert differing == []
    assert (
        len(morphology._by_normalized) < len(ordered) - 10000
    )  # the other spellings were not searched again
    assert sum(bool(found) for found in got) > 25000  # the comparison is over real analyses


def test_a_new_process_answers_cached_words_from_the_cache_file_without_searching(monkeypatch, tmp_path):
    """Words another process stored in the cache file are read from it from the very first word on: a
    process meeting only such words never searches them again (nor loads zeyrek's lexicon)."""
    from vakanuvis.lang.tr import morphology

    def fresh_process() -> None:
        for table in ("_memory", "_new", "_by_normalized"):
            monkeypatch.setattr(morphology, table, {})
        monkeypatch.setattr(morphology, "_stored", None)
        monkeypatch.setattr(morphology, "_stored_until", 0)
        monkeypatch.setattr(morphology, "_unchecked", [0])

    monkeypatch.setenv("VAKANUVIS_CACHE_DIR", str(tmp_path))
    words = ["hükümet", "Ankarada", "telgrafı", "kuvvetleri", "milletin"]
    fresh_process()
    first = [morphology.analyze_word(word) for word in words]
    morphology.save_new_analyses()
    assert all(first)

    fresh_process()
    searched: list[str] = []
    monkeypatch.setattr(
        morphology, "_zeyrek_analyses", lambda word, normalized=None: searched.append(word) or ()
    )
    assert [morphology.analyze_word(word) for word in words] == first
    assert searched == []


ANALYSED_IN_ANOTHER_PROCESS = """
import json, sys
from vakanuvis.lang.tr import morphology
morphology.USE_FAST_SEARCH = sys.argv[1] == "fast"
words = ["reddi", "Reddi", "hakkı", "hissi", "zannı", "Ne", "bir", "Şubat", "ordusu", "muahedesi"]
print(json.dumps([morphology._zeyrek_analyses(word) for word in words], ensure_ascii=False))
"""


@pytest.mark.parametrize("search", ["fast", "zeyrek"])
def test_a_word_has_the_same_analyses_in_the_same_order_whatever_the_hash_seed(search, tmp_path):
    """zeyrek met a root's voicing and doubling in set order, which the hash seed decides: "ret" became
    "redd" in some processes and "retd" in others ("reddi" was or was not "ret"); and the analyses came in
    set order too. Seeds 1 and 6 gave the two roots before."""
    import json
    import os
    import subprocess
    import sys

    answers = []
    for seed in ("1", "6"):
        environment = {**os.environ, "PYTHONHASHSEED": seed, "VAKANUVIS_CACHE_DIR": str(tmp_path / seed)}
        run = subprocess.run(
            [sys.executable, "-c", ANALYSED_IN_ANOTHER_PROCESS, search],
            capture_output=True,
            text=True,
            env=environment,
            check=True,
        )
        answers.append(json.loads(run.stdout))
    assert answers[0] == answers[1]
    assert "ret" in {lemma for lemma, *_ in answers[0][0]}
