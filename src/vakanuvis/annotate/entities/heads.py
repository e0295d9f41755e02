"""Head words ("Kongresi", "Hükümeti", "hükümetinin"): what a word at the end of a name says about its type.

The answers depend only on the word and the entity words, so they are kept per word (`Words.memo`).
"""

from __future__ import annotations

from vakanuvis.annotate.entities import morphology
from vakanuvis.annotate.entities.tokens import Token
from vakanuvis.annotate.entities.words import Words
from vakanuvis.resolve.authority import turkish_lower

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
    answers = _memo(words, "head type")
    try:
        return answers[token.stem]  # type: ignore[return-value]
    except KeyError:
        found = answers[token.stem] = _stem_head_type(token.stem, words)
        return found


def _stem_head_type(stem: str, words: Words) -> str | None:
    lower = turkish_lower(stem)
    if lower in words.heads:
        return words.heads[lower]
    for analysis in morphology.analyze_word(stem):
        lemma = turkish_lower(analysis.lemma)
        if lemma in words.heads and {m[0] for m in analysis.morphemes[1:]} <= _HEAD_INFLECTION:
            return words.heads[lemma]
    return None


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
