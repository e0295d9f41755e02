"""A conclusion against the body: the part that sums up (a conclusion, an abstract) gives a treaty other
parties than the body does.

A sentence gives a treaty's parties when it lists them (lang/*/events.yaml `treaty_parties`): all of
them ("13 Ekim 1921’de Kars’ta Türkiye, Azerbaycan, Gürcistan ve Ermenistan arasında … Kars Antlaşması
imzalanmıştır"), or one and the other ("Türkiye Rusya ile Kars Antlaşması’nı imzalayarak"). When the body
lists all the parties of a treaty and the summing-up part names as a party a state that none of the
body's lists holds, the two disagree.

The summing-up part also disagrees with the body when it dates a treaty's or meeting's signing, opening,
closing or adoption at a time no report of the body overlaps, or puts it in a town other than every town
the body gives it (the reports as `conflicting_dates.dated_occurrences` reads them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vakanuvis.annotate.events.predicates import sentence_language
from vakanuvis.check.chronology import summing_up_blocks
from vakanuvis.check.conflicting_dates import Occurrence, dated_occurrences, dates_overlap
from vakanuvis.check.evidence import evidence_at
from vakanuvis.lang import language_data
from vakanuvis.model import Document, EntityMention, Finding, Span
from vakanuvis.structure.sentences import SentenceIndex

TREATY_TYPES = ("treaty", "meeting")
PARTY_TYPES = ("place", "organization")


@dataclass(frozen=True)
class PartyWords:
    after: bool  # the words stand after the names (Turkish postpositions) or before them (prepositions)
    between: re.Pattern[str]
    with_: re.Pattern[str]
    joiner: re.Pattern[str]


@cache
def _party_words(language: str) -> PartyWords | None:
    data = language_data(language, "events").get("treaty_parties")
    if not data:
        return None
    after = data.get("position", "after") == "after"

    def words(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(data[key], key=len, reverse=True))

    def next_to_names(key: str) -> re.Pattern[str]:
        """The words of `key` right after a name (or, for prepositions, right before it)."""
        if after:
            return re.compile(rf"^\s+(?:{words(key)})(?!\w)", re.IGNORECASE)
        return re.compile(rf"(?<!\w)(?:{words(key)})\s+$", re.IGNORECASE)

    return PartyWords(
        after,
        next_to_names("between"),
        next_to_names("with"),
        re.compile(rf"^\s*(?:{words('joiners')})\s*$", re.IGNORECASE),  # a joiner, not a bare space
    )


@dataclass(frozen=True)
class Parties:
    """The parties one sentence gives a treaty: every one (`whole`, a list "between" them) or some."""

    treaty: str
    named: EntityMention  # the treaty as this sentence names it
    keys: frozenset[str]
    mentions: tuple[EntityMention, ...]
    whole: bool


def treaty_parties(
    document: Document, sentence: tuple[int, int], mentions: list[EntityMention]
) -> list[Parties]:
    """What one sentence says of the parties of each treaty it names."""
    start, end = sentence
    text = document.text
    words = _party_words(sentence_language(document.language, text[start:end]))
    treaties = [m for m in mentions if m.type in TREATY_TYPES and m.entity_key]
    if words is None or not treaties:
        return []
    states = [
        m
        for m in mentions
        if m.type in PARTY_TYPES
        and m.entity_key
        and not any(
            t.span.start <= m.span.start < t.span.end for t in treaties
        )  # "Kars" of "Kars Antlaşması"
    ]
    found: list[Parties] = []
    listed = _listed_between(text, states, words)
    if len(listed) >= 2:
        keys = frozenset(m.entity_key for m in listed)
        found += [Parties(t.entity_key, t, keys, tuple(listed), True) for t in treaties]
    else:
        other = [m for m in states if _next_to(text, m, words.with_, words.after)]
        if other:
            first = states[0] if states and states[0] not in other else None
            named = [*([first] if first else []), *other]
            keys = frozenset(m.entity_key for m in named)
            found += [Parties(t.entity_key, t, keys, tuple(named), False) for t in treaties]
    return found


def _next_to(text: str, mention: EntityMention, pattern: re.Pattern[str], after: bool) -> bool:
    """Whether the words `pattern` stand right after the mention (or right before it, with `after` False)."""
    if after:
        return bool(pattern.match(text[mention.span.end : mention.span.end + 20]))
    return bool(pattern.search(text[max(0, mention.span.start - 20) : mention.span.start]))


def _listed_between(text: str, states: list[EntityMention], words: PartyWords) -> list[EntityMention]:
    """The states of a list that the "between" words close (or open): adjacent names, only joiners between."""
    for index, mention in enumerate(states):
        if not _next_to(text, mention, words.between, words.after):
            continue
        chain = [mention]
        step = -1 if words.after else 1
        position = index + step
        while 0 <= position < len(states):
            near, far = (states[position], chain[-1]) if words.after else (chain[-1], states[position])
            if not words.joiner.match(text[near.span.end : far.span.start]):
                break
            chain.append(states[position])
            position += step
        return sorted(chain, key=lambda m: m.span.start)
    return []


def find_conclusion_contradictions(document: Document) -> list[Finding]:
    """A treaty the summing-up part gives a party that none of the body's lists of all its parties holds."""
    summing_up = summing_up_blocks(document)
    if not summing_up:
        return []
    index = SentenceIndex([(s.span.start, s.span.end) for s in document.sentences])
    by_sentence: dict[int, list[EntityMention]] = {}
    for mention in document.mentions:
        if mention.span.footnote is None and (number := index.containing(mention.span.start)) is not None:
            by_sentence.setdefault(number, []).append(mention)
    body: dict[str, list[Parties]] = {}
    summed: list[Parties] = []
    for number, mentions in sorted(by_sentence.items()):
        sentence = document.sentences[number]
        for parties in treaty_parties(document, (sentence.span.start, sentence.span.end), mentions):
            if sentence.block in summing_up:
                summed.append(parties)
            elif parties.whole:
                body.setdefault(parties.treaty, []).append(parties)
    findings = _when_and_where(document)
    for parties in summed:
        lists = body.get(parties.treaty)
        if not lists:
            continue
        known = frozenset().union(*(each.keys for each in lists))
        strangers = [m for m in parties.mentions if m.entity_key not in known]
        if not strangers:
            continue
        told = lists[0]
        names = ", ".join(m.surface for m in told.mentions)
        findings.append(
            Finding(
                kind="conclusion-contradicts",
                message=(
                    f"The part that sums up makes {', '.join(m.surface for m in strangers)} a party to "
                    f"{parties.named.surface}; the body has it between {names}."
                ),
                evidence=[evidence_at(document, m.span) for m in strangers]
                + [evidence_at(document, Span(told.mentions[0].span.start, told.mentions[-1].span.end))],
                severity="warning",
            )
        )
    return findings


def _when_and_where(document: Document) -> list[Finding]:
    """Reports of the summing-up part that no report of the body agrees with, in date or in town."""
    told: dict[tuple[str, str], list[Occurrence]] = {}
    summed = []
    for occurrence in dated_occurrences(document):
        if occurrence.summing_up:
            summed.append(occurrence)
        else:
            told.setdefault((occurrence.entity_key, occurrence.kind), []).append(occurrence)
    findings = []
    for occurrence in summed:
        body = told.get((occurrence.entity_key, occurrence.kind), [])
        if body and not any(dates_overlap(occurrence, each) for each in body):
            findings.append(
                Finding(
                    kind="conclusion-contradicts",
                    message=(
                        f"The part that sums up dates {occurrence.surface} {occurrence.edtf}; "
                        f"the body dates it {body[0].edtf}."
                    ),
                    evidence=[
                        item
                        for item in (occurrence.dated, occurrence.mention, body[0].dated, body[0].mention)
                        if item is not None  # reports of dated_occurrences are all dated
                    ],
                    severity="warning",
                )
            )
        towns = [each for each in body if each.town is not None]
        if occurrence.town is not None and towns and all(each.town != occurrence.town for each in towns):
            assert occurrence.place is not None and towns[0].place is not None
            findings.append(
                Finding(
                    kind="conclusion-contradicts",
                    message=(
                        f"The part that sums up puts {occurrence.surface} in {occurrence.place.text}; "
                        f"the body puts it in {towns[0].place.text}."
                    ),
                    evidence=[occurrence.place, occurrence.mention, towns[0].place, towns[0].mention],
                    severity="warning",
                )
            )
    return findings
