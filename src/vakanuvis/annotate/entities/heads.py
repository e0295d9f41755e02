"""Head words ("Kongresi", "Hükümeti", "hükümetinin"): what a word at the end of a name says about its type.

The answers depend only on the word and the entity words, so they are kept per word (`Words.memo`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from vakanuvis.annotate.entities.tokens import Token
from vakanuvis.lang.entity_words import Words
from vakanuvis.lang.tr import morphology
from vakanuvis.lang.tr.casing import turkish_lower

_HEAD_INFLECTION = frozenset({"A3sg", "A3pl", "Pnon", "P3sg", "P3pl"}) | morphology.CASE_MORPHEMES
_MEMO_LIMIT = 262_144  # words remembered per question before that memo starts afresh


def _memo(words: Words, question: str) -> dict[str, object]:
    """The per-word answers to one question about `words`, emptied when it grows past the limit."""
    answers = words.memo.get(question)
    if answers is None or len(answers) >= _MEMO_LIMIT:
        answers = words.memo[question] = {}
    return answers


def head_type(token: Token, words: Words) -> str | None:
    """The type a head word gives ('Kongresi' → meeting), if the word is a head with only inflection."""
    if token.kind != "word":
        return None
    try:
        return words.memo["head type"][token.stem]  # type: ignore[return-value]
    except KeyError:
        found = _memo(words, "head type")[token.stem] = _stem_head_type(token.stem, words)
        return found


def _stem_head_type(stem: str, words: Words) -> str | None:
    lower = turkish_lower(stem)
    if lower in words.heads and lower not in words.possessive_only_heads:
        return words.heads[lower]
    for analysis in morphology.analyze_word(stem):
        lemma = turkish_lower(analysis.lemma)
        inflection = {m[0] for m in analysis.morphemes[1:]}
        if lemma in words.possessive_only_heads and not inflection & {"P3sg", "P3pl"}:
            continue  # "Ocak" of a date is the month; "Ocağı" of "Türk Ocağı" heads a club's name
        if lemma in words.heads and inflection <= _HEAD_INFLECTION:
            return words.heads[lemma]
    # a long head the lexicon derives from another word ("Müfettişliği" of müfettişlik, "Kumandanlığına"):
    # the head, its last consonant softened before a vowel, and a suffix of a few letters
    for head, kind in _long_heads(words):
        if lower.startswith(head) and len(lower) - len(head) <= 5 and lower[len(head) :].isalpha():
            return kind  # not "Nezaret-i", the first word of an izafet
    return None


_SOFTENED = str.maketrans("kçtp", "ğcdb")


def _long_heads(words: Words) -> tuple[tuple[str, str], ...]:
    answers = _memo(words, "long heads")
    if "" not in answers:
        found = []
        for head, kind in words.heads.items():
            if len(head) >= 7 and kind != "other":
                found.append((head, kind))
                found.append((head[:-1] + head[-1].translate(_SOFTENED), kind))
        answers[""] = tuple(sorted(set(found), key=lambda pair: -len(pair[0])))
    return answers[""]  # type: ignore[return-value]


def is_lowercase_org_head(token: Token, words: Words) -> bool:
    """'hükümetinin' in 'Ankara hükümetinin': a singular possessive organization head written lower-case."""
    if token.capitalized or token.has_apostrophe:
        return False
    answers = _memo(words, "lower-case organization head")
    if token.text not in answers:
        answers[token.text] = _word_is_organization_head(token.text, words)
    return bool(answers[token.text])


def _word_is_organization_head(word: str, words: Words) -> bool:
    for analysis in morphology.analyze_word(word):
        ids = {m[0] for m in analysis.morphemes}
        if (
            words.heads.get(turkish_lower(analysis.lemma)) == "organization"
            and "P3sg" in ids
            and "A3pl" not in ids
        ):
            return True
    return False


# What `RuleRecognizer._segments` asks of each word of a run: (a connector written lower-case, a title after
# a name, a title before one, an office word, its head type, it ends like an izafet, an oblique case)
SegmentProfile = tuple[bool, bool, bool, bool, str | None, bool, bool]
_IZAFET_END = re.compile(r"-y?[ıiuü]$")


def segment_profile(
    token: Token, words: Words, lemmas_of: Callable[[Token], frozenset[str]]
) -> SegmentProfile:
    """The answers `_segments` needs about one token, kept per spelling and kind (all they depend on)."""
    key = (token.text, token.kind)
    try:
        return words.memo["segment profile"][key]  # type: ignore[index, return-value]
    except KeyError:
        lemmas = lemmas_of(token)
        profile = (
            not token.capitalized and token.kind == "word" and turkish_lower(token.text) in words.connectors,
            bool(lemmas & words.titles_after),
            bool(lemmas & words.titles_before),
            bool(lemmas & words.office_words),
            head_type(token, words),
            _IZAFET_END.search(token.text) is not None,
            token.kind == "word" and morphology.has_oblique_case(token.stem),
        )
        _memo(words, "segment profile")[key] = profile  # type: ignore[index]
        return profile


def is_body_office(token: Token, words: Words) -> bool:
    """'Kumandanlığına', 'Riyasetine': the office of a body's head, in any case form (k softens to ğ)."""
    lower = turkish_lower(token.stem)
    return any(
        lower.startswith(office) or (office.endswith("k") and lower.startswith(office[:-1] + "ğ"))
        for office in words.body_offices
    )
