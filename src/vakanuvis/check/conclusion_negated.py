"""A conclusion that denies what the body tells: the summing-up part says a thing was not done ("mukavemet
göstermeksizin", "nehri geçmeye muvaffak olamamış") where a body sentence tells it done ("şiddetli mukavemet
göstermiş", "Sakarya nehrini geçerek").

A claim is a verb with the noun right before it (its object or complement), compared by lemma. The verb is
denied when every reading of it carries a negation (the morphology's Neg, Unable, WithoutHavingDoneSo); when
it is the verb of a phrase of ability ("muvaffak olamamak", "imkân bulamamak": `negation_carried_by` in
lang/tr/events.yaml), the verbal noun before the phrase is what is denied. Both sentences must also name one
entity (a place, a person, a body), so that "mukavemet göstermek" of two armies is not compared. Turkish only:
the negation is read from its morphology.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vakanuvis.check.chronology import summing_up_blocks
from vakanuvis.check.evidence import evidence_at, sentence_evidence
from vakanuvis.lang import language_data
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.lang.tr.morphology import analyze_word
from vakanuvis.model import Document, Finding, Span

WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")
NEGATIONS = frozenset({"Neg", "Unable", "WithoutHavingDoneSo", "WithoutBeingAbleToHaveDoneSo"})
NAMED_TYPES = ("place", "person", "organization")


@dataclass(frozen=True)
class Claim:
    verb: str  # the verb's lemma
    nouns: frozenset[str]  # the lemmas of the word before it
    denied: bool
    span: Span  # the noun and the verb as written


@cache
def _carriers() -> dict[str, frozenset[str]]:
    """Word before a verb -> the verbs with which it makes a phrase of ability ("muvaffak" -> "olmak")."""
    data = language_data("tr", "events").get("negation_carried_by", {})
    return {turkish_lower(word): frozenset(verbs) for word, verbs in data.items()}


def _stem(word: str) -> str:
    return turkish_lower(re.split(r"[’']", word)[0])


@cache
def _readings(word: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """(verb lemmas, other lemmas, denied): denied when every verb reading carries a negation."""
    analyses = analyze_word(word)
    verbs = [a for a in analyses if a.pos == "Verb" or (a.morphemes and a.morphemes[0][0] == "Verb")]
    verb_lemmas = frozenset(a.lemma for a in verbs)
    others = frozenset(a.lemma for a in analyses if a not in verbs) | {word}
    denied = bool(verbs) and all(any(m[0] in NEGATIONS for m in a.morphemes) for a in verbs)
    return verb_lemmas, others, denied


def _claims(text: str, offset: int) -> list[Claim]:
    words = list(WORD.finditer(text))
    claims: list[Claim] = []
    for index in range(1, len(words)):
        verbs, _, denied = _readings(_stem(words[index].group()))
        if not verbs:
            continue
        noun_index = index - 1
        before = _stem(words[noun_index].group())
        carried = _carriers().get(before)
        if denied and carried and verbs & carried and index >= 3:
            # "geçmeye muvaffak olamamış": the verbal noun before the phrase is what is denied
            verbs, _, _ = _readings(_stem(words[index - 2].group()))
            noun_index = index - 3
            if not verbs:
                continue
        _, nouns, _ = _readings(_stem(words[noun_index].group()))
        span = Span(offset + words[noun_index].start(), offset + words[index].end())
        claims.extend(Claim(verb, nouns, denied, span) for verb in sorted(verbs))
    return claims


def _entities(document: Document, start: int, end: int) -> set[str]:
    # the resolved entity, or the name as written where the mentions are not resolved yet
    return {
        m.entity_key or f"{m.type}:{turkish_lower(m.surface)}"
        for m in document.mentions
        if m.span.footnote is None and m.type in NAMED_TYPES and start <= m.span.start < end
    }


def find_conclusions_denying_the_body(document: Document) -> list[Finding]:
    """A summing-up sentence that denies a claim (verb and noun) a body sentence naming one of its entities
    tells as done, or tells as done a claim the body denies."""
    if not document.language.startswith("tr"):
        return []
    summing_up = summing_up_blocks(document)
    if not summing_up:
        return []
    conclusion: list[tuple[int, list[Claim], set[str]]] = []
    body: list[tuple[int, list[Claim], set[str]]] = []
    for index, sentence in enumerate(document.sentences):
        if document.blocks[sentence.block].kind != "paragraph":
            continue
        start, end = sentence.span.start, sentence.span.end
        entry = (index, _claims(document.text[start:end], start), _entities(document, start, end))
        (conclusion if sentence.block in summing_up else body).append(entry)
    findings = []
    for index, claims, named in conclusion:
        for claim in claims:
            contrary = next(
                (
                    (other_index, other)
                    for other_index, others, other_named in body
                    if named & other_named
                    for other in others
                    if other.verb == claim.verb and other.denied != claim.denied and other.nouns & claim.nouns
                ),
                None,
            )
            if contrary is None:
                continue
            other_index, other = contrary
            said, told = evidence_at(document, claim.span), evidence_at(document, other.span)
            findings.append(
                Finding(
                    kind="conclusion-contradicts",
                    message=f"The conclusion says “{said.text}” where the body tells “{told.text}”: "
                    f"one {'denies' if claim.denied else 'affirms'} what the other "
                    f"{'tells as done' if claim.denied else 'denies'}.",
                    evidence=[
                        said,
                        told,
                        sentence_evidence(document, index),
                        sentence_evidence(document, other_index),
                    ],
                    severity="warning",
                )
            )
            break
    return findings
