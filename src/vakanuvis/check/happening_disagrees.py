"""One happening told two ways in one document: two reports that disagree about who did it or what came of it.

Who signed a treaty: a sentence that names the signer of every side ("Antlaşmayı TBMM Hükümeti adına Yusuf
Kemal Bey, Fransa adına Franklin-Bouillon imzaladı") against another report of the same treaty (named, or
its head word right after a sentence that names it: "Antlaşmayı …") that gives another man as a signer
("Ankara Antlaşması’nı Türk tarafı adına imzalayan Fethi Bey"). Signers named together in one sentence
never disagree; a go-between ("… aracılığıyla") is no signer; a report that names a signer of a state the
full account does not name (a third party) is not compared.

What came of an attack: one report has a place taken on a day ("2 Eylül’de düşman Çal Dağı’nı
zaptetmiştir"), another the same side's attack on it that day beaten off ("2 Eylül’de Çal Dağı’na yapılan
düşman taarruzu … akamete uğratılmıştır"): the words of each outcome are `attack_outcomes` in
lang/*/events.yaml.

Who came first: two reports that give the first unit to enter one place as two different numbered units
("Kars’a ilk evvel 12. Fırka girmiştir", "Kars’a ilk giren kıtaatımız 9. Fırka’dır"), unless they date it to
two different times. Turkish only, body text only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

from vakanuvis.annotate.events.predicates import (
    Word,
    happening_kind,
    plain,
    sentence_language,
    turkish_verb,
    words_of,
)
from vakanuvis.annotate.events.roles import role_markers, turkish_case
from vakanuvis.check.evidence import evidence_at
from vakanuvis.check.units_listed_twice import NumberedUnit, numbered_units
from vakanuvis.lang import language_data
from vakanuvis.lang.entity_words import entity_words
from vakanuvis.model import Document, EntityMention, Finding, Span
from vakanuvis.structure.sentences import SentenceIndex

SIDE_TYPES = ("organization", "place")


@cache
def _data() -> dict:
    return language_data("tr", "events")


@cache
def _on_behalf_words() -> frozenset[str]:
    return frozenset(plain(str(w)) for w in _data().get("on_behalf_words", []))


@cache
def _side_nouns() -> tuple[str, ...]:
    return tuple(plain(str(w)) for w in _data().get("side_nouns", []))


@cache
def _treaty_heads() -> tuple[str, ...]:
    return tuple(
        sorted((w for w, kind in entity_words().heads.items() if kind == "treaty"), key=len, reverse=True)
    )


@cache
def _outcome_patterns() -> dict[str, re.Pattern[str]]:
    outcomes = _data().get("attack_outcomes", {})
    return {
        outcome: re.compile(r"(?<!\w)(?:" + "|".join(re.escape(plain(str(w))) for w in words) + ")")
        for outcome, words in outcomes.items()
    }


@cache
def _attack_nouns() -> tuple[str, ...]:
    return tuple(plain(str(w)) for w in _data().get("attack_nouns", []))


@cache
def _genitive_endings() -> tuple[str, ...]:
    endings = _data().get("case_endings", {}).get("genitive", [])
    return tuple(sorted((str(e) for e in endings), key=len, reverse=True))


@dataclass(frozen=True)
class Signer:
    mention: EntityMention
    side: EntityMention | None  # the state named before "adına", when the name is one
    side_given: bool  # some side is given ("Türk tarafı adına"), an entity or not


@dataclass(frozen=True)
class SigningReport:
    """One sentence's report of who signed a treaty."""

    treaty: str  # entity key
    name: str  # the treaty as named (its surface, or the antecedent's for a head word)
    sentence: int
    signers: tuple[Signer, ...]
    span: Span  # the report's words: the treaty (or its head word) to the verb or the signer after it

    @property
    def full(self) -> bool:
        """It names the signer of each of two sides or more: the whole account of who signed."""
        sides = {s.side.entity_key for s in self.signers if s.side is not None}
        return len(self.signers) >= 2 and all(s.side is not None for s in self.signers) and len(sides) >= 2


class _Sentences:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.index = SentenceIndex([(s.span.start, s.span.end) for s in document.sentences])
        self.mentions: dict[int, list[EntityMention]] = {}
        for mention in document.mentions:
            if (
                mention.span.footnote is None
                and (number := self.index.containing(mention.span.start)) is not None
            ):
                self.mentions.setdefault(number, []).append(mention)

    def turkish(self, number: int) -> bool:
        span = self.document.sentences[number].span
        return sentence_language(self.document.language, self.document.text[span.start : span.end]) == "tr"


def _signing_verb(words: list[Word]) -> int | None:
    """The index of the first word that says a signing as a verb ("imzaladı", "imzalayan", "imzalandı")."""
    for index, word in enumerate(words):
        if happening_kind("tr", word.text) == "sign" and plain(word.text).startswith("imza"):
            if turkish_verb(word.text) is not None:
                return index
    return None


def _side_before(
    text: str, start: int, end: int, mentions: list[EntityMention]
) -> tuple[bool, EntityMention | None]:
    """Whether the words in [start, end) give a side ("… adına"), and the state they name when one is."""
    for word in reversed(words_of(text, start, end)):
        if plain(word.text) in _on_behalf_words():
            side = next(
                (
                    m
                    for m in mentions
                    if m.type in SIDE_TYPES
                    and m.entity_key
                    and start <= m.span.start
                    and m.span.end <= word.start
                    and not text[m.span.end : word.start].strip()
                ),
                None,
            )
            if side is not None and plain(side.surface.split()[-1]).startswith(_side_nouns()):
                return True, None  # "Türk heyeti namına": a side, not a state
            return True, side
    return False, None


def _antecedent(document: Document, sentences: _Sentences, number: int) -> EntityMention | None:
    """The treaty a head word alone ("Antlaşmayı") stands for: the last treaty named in its sentence's
    paragraph or the one before, when that is a name."""
    block = document.sentences[number].block
    for earlier in range(number - 1, -1, -1):
        if document.sentences[earlier].block < block - 1:
            return None
        treaties = [m for m in sentences.mentions.get(earlier, []) if m.type == "treaty"]
        if treaties:
            last = treaties[-1]
            return last if last.entity_key and len(last.surface.split()) > 1 else None
    return None


def signing_reports(document: Document) -> list[SigningReport]:
    """The sentences of the body that say who signed a treaty, with each signer's side."""
    sentences = _Sentences(document)
    text = document.text
    reports = []
    for number, sentence in enumerate(document.sentences):
        mentions = sentences.mentions.get(number, [])
        people = [m for m in mentions if m.type == "person" and m.entity_key]
        if not people or not sentences.turkish(number):
            continue
        words = words_of(text, sentence.span.start, sentence.span.end)
        verb_at = _signing_verb(words)
        if verb_at is None:
            continue
        verb = words[verb_at]
        reading = turkish_verb(verb.text)
        assert reading is not None
        named = [m for m in mentions if m.type == "treaty" and m.entity_key and m.span.end <= verb.start]
        if named:
            treaty, treaty_start = named[-1], named[-1].span.start
        else:
            head = next((w for w in words[:verb_at] if plain(w.text).startswith(_treaty_heads())), None)
            found = _antecedent(document, sentences, number) if head is not None else None
            if head is None or found is None:
                continue
            treaty, treaty_start = found, head.start
        after = max(treaty.span.end, treaty_start) if named else treaty_start
        signers = _signers(text, people, mentions, verb, reading, after)
        if not signers:
            continue
        end = max(verb.end, *(s.mention.span.end for s in signers))
        start = min(treaty_start, verb.start, *(s.mention.span.start for s in signers))
        reports.append(
            SigningReport(treaty.entity_key, treaty.surface, number, tuple(signers), Span(start, end))
        )
    return reports


def _signers(
    text: str, people: list[EntityMention], mentions: list[EntityMention], verb: Word, reading, after: int
) -> list[Signer]:
    """Who the sentence says signed: the man after an active participle ("imzalayan Fethi Bey"), the men
    in the nominative before an active verb, the men "tarafından" before a passive one."""
    if reading.participle and not reading.passive:
        head = next((m for m in people if m.span.start >= verb.end), None)
        if head is None or text[verb.end : head.span.start].strip():
            return []
        given, side = _side_before(text, after, verb.start, mentions)
        return [Signer(head, side, given)]
    if reading.participle or reading.nominal:
        return []
    found, boundary = [], after
    for mention in people:
        if not (after <= mention.span.start and mention.span.end <= verb.start):
            continue
        marker = role_markers("tr").get(plain(_next_word(text, mention.span.end)))
        if reading.passive:
            signed = marker == "agent" and plain(_next_word(text, mention.span.end)) == "tarafından"
        else:
            signed = marker is None and turkish_case(mention) == "nominative"
        if signed:
            given, side = _side_before(text, boundary, mention.span.start, mentions)
            found.append(Signer(mention, side, given))
        boundary = mention.span.end
    return found


def _next_word(text: str, position: int) -> str:
    words = words_of(text, position, min(len(text), position + 40))
    return words[0].text if words and not text[position : words[0].start].strip() else ""


def _signer_disagreements(document: Document) -> list[Finding]:
    reports = signing_reports(document)
    findings, told = [], set()
    for full in (r for r in reports if r.full):
        keys = {s.mention.entity_key for s in full.signers}
        sides = {s.side.entity_key for s in full.signers if s.side is not None}
        for other in reports:
            if other.treaty != full.treaty or other.sentence == full.sentence:
                continue
            strangers = [s for s in other.signers if _disagrees(s, other, keys, sides)]
            pair = frozenset((full.sentence, other.sentence))
            if not strangers or pair in told:
                continue
            told.add(pair)
            names = ", ".join(s.mention.surface for s in full.signers)
            findings.append(
                Finding(
                    kind="happening-disagrees",
                    message=(
                        f"{full.name}: signed by {names} in one place, by "
                        f"{', '.join(s.mention.surface for s in strangers)} in another."
                    ),
                    evidence=[evidence_at(document, other.span), evidence_at(document, full.span)],
                    severity="warning",
                )
            )
    return findings


def _disagrees(signer: Signer, report: SigningReport, keys: set[str], sides: set[str]) -> bool:
    """A signer the full account does not have, for a side it names (or one not said to be another)."""
    if signer.mention.entity_key in keys:
        return False
    side = signer.side.entity_key if signer.side is not None else None
    if side is not None and side not in sides:
        return False  # a party the full account does not name
    if side is None and not signer.side_given:
        return False  # no side said: it may be a third party's signer
    fellows = [
        s
        for s in report.signers
        if s is not signer and (s.side.entity_key if s.side is not None else None) == side
    ]
    return not any(s.mention.entity_key in keys for s in fellows)


@dataclass(frozen=True)
class OutcomeReport:
    """What one sentence says came of an attack on a place on one day."""

    outcome: str  # "taken" or "repelled"
    place: str  # the place's name, folded
    name: str  # the place as written, suffix removed
    day: str  # ISO day
    attacker: str  # the word naming who attacked (plain), "" when not named
    words: frozenset[str]  # the plain words of the clause, to find the attacker named in the other report
    span: Span


def outcome_reports(document: Document) -> list[OutcomeReport]:
    """The sentences of the body that tell of a place taken, or of an attack on it beaten off, on one day."""
    sentences = _Sentences(document)
    text = document.text
    patterns = _outcome_patterns()
    if not patterns:
        return []
    days: dict[int, list] = {}
    for mention in document.dates:
        if mention.span.footnote is None and mention.role == "event" and mention.earliest == mention.latest:
            number = sentences.index.containing(mention.span.start)
            if number is not None:
                days.setdefault(number, []).append(mention)
    reports = []
    for number, dated in days.items():
        if len({d.earliest for d in dated}) != 1 or not sentences.turkish(number):
            continue
        # a name the entities stage took for a person ("düşman Mangaltepe’yi …") still names the place the
        # other report has: places are compared by their names
        places = [m for m in sentences.mentions.get(number, []) if m.type in ("place", "person")]
        if len({plain(m.surface) for m in places}) != 1:
            continue  # one place attacked, and no other the outcome could be of
        place = places[0]
        span = document.sentences[number].span
        words = words_of(text, span.start, span.end)
        folded = " ".join(plain(w.text) for w in words)
        found = {outcome: pattern.search(folded) for outcome, pattern in patterns.items()}
        outcomes = [outcome for outcome, match in found.items() if match]
        if len(outcomes) != 1:
            continue
        outcome = outcomes[0]
        case = turkish_case(place)
        attack = next((i for i, w in enumerate(words) if plain(w.text).startswith(_attack_nouns())), None)
        if outcome == "repelled":
            if (
                place.type != "place"
                or attack is None
                or case != "dative"
                or place.span.end > words[attack].start
            ):
                continue  # the attack on the place ("Çal Dağı’na yapılan … taarruzu")
            attacker = _attacker(words, attack)
        else:
            if attack is not None or case not in ("accusative", "nominative"):
                continue  # the place itself taken ("Çal Dağı’nı zaptetmiştir")
            attacker = ""
        end = _outcome_end(words, folded, found[outcome])
        start = min(d.span.start for d in dated)
        reports.append(
            OutcomeReport(
                outcome,
                plain(place.surface),
                place.surface,
                dated[0].earliest.isoformat(),
                attacker,
                frozenset(plain(w.text) for w in words),
                Span(min(start, place.span.start), max(end, place.span.end)),
            )
        )
    return reports


def _attacker(words: list[Word], attack: int) -> str:
    """Who attacked: the word before the attack noun ("düşman taarruzu", "düşmanın hücumu")."""
    return plain(words[attack - 1].text) if attack > 0 else ""


def _names_attacker(words: frozenset[str], attacker: str) -> bool:
    """Whether a clause's words name the attacker, as it is or in the genitive ("düşmanın" for "düşman")."""
    return any(
        attacker == word
        or (len(word) >= 3 and attacker.startswith(word) and attacker[len(word) :] in _genitive_endings())
        for word in words
    )


def _outcome_end(words: list[Word], folded: str, match: re.Match[str] | None) -> int:
    """The end of the word in which the outcome's words end."""
    if match is None:
        return words[-1].end
    position = 0
    for word in words:
        position += len(plain(word.text)) + 1
        if position > match.end():
            return word.end
    return words[-1].end


def _outcome_disagreements(document: Document) -> list[Finding]:
    reports = outcome_reports(document)
    findings = []
    for taken in (r for r in reports if r.outcome == "taken"):
        for repelled in (r for r in reports if r.outcome == "repelled"):
            if (taken.place, taken.day) != (repelled.place, repelled.day) or not repelled.attacker:
                continue
            if not _names_attacker(taken.words, repelled.attacker):
                continue  # another side's attack: the place may have been taken back
            findings.append(
                Finding(
                    kind="happening-disagrees",
                    message=(
                        f"{taken.name} on {taken.day}: taken in one report, the same side's attack on it "
                        "beaten off in another."
                    ),
                    evidence=[evidence_at(document, repelled.span), evidence_at(document, taken.span)],
                    severity="warning",
                )
            )
    return findings


@dataclass(frozen=True)
class FirstReport:
    """One sentence's report of which unit was the first to enter or take a place."""

    place: str  # the place's name, folded
    name: str
    kind: str  # "take" or "arrive"
    unit: NumberedUnit
    days: (
        tuple[date, date] | tuple[()]
    )  # the (earliest, latest) of the sentence's dates; () when it gives none
    span: Span


FIRST_KINDS = ("take", "arrive")


def first_reports(document: Document) -> list[FirstReport]:
    """The sentences of the body that name the first unit to enter or take one place ("Kars’a ilk evvel
    12. Fırka girmiştir"): one place in the dative, a word of "first", a verb of entering or taking after
    it, one numbered unit."""
    sentences = _Sentences(document)
    text = document.text
    firsts = frozenset(plain(str(w)) for w in _data().get("first_words", []))
    reports = []
    for number, sentence in enumerate(document.sentences):
        places = [m for m in sentences.mentions.get(number, []) if m.type == "place"]
        if len({plain(m.surface) for m in places}) != 1 or turkish_case(places[0]) != "dative":
            continue
        words = words_of(text, sentence.span.start, sentence.span.end)
        first = next((i for i, w in enumerate(words) if plain(w.text) in firsts), None)
        if first is None or words[first].start < places[0].span.end or not sentences.turkish(number):
            continue
        verb = next(
            (
                w
                for w in words[first + 1 :]
                if happening_kind("tr", w.text) in FIRST_KINDS and turkish_verb(w.text) is not None
            ),
            None,
        )
        units = numbered_units(text[sentence.span.start : sentence.span.end])
        if verb is None or len(units) != 1:
            continue
        unit = units[0]
        at = Span(unit.span.start + sentence.span.start, unit.span.end + sentence.span.start)
        dates = [
            d
            for d in document.dates
            if d.span.footnote is None and sentence.span.start <= d.span.start < sentence.span.end
        ]
        days = (min(d.earliest for d in dates), max(d.latest for d in dates)) if dates else ()
        span = Span(places[0].span.start, max(at.end, verb.end))
        reports.append(
            FirstReport(
                plain(places[0].surface),
                places[0].surface,
                happening_kind("tr", verb.text),
                NumberedUnit(unit.number, unit.unit, at),
                days,
                span,
            )
        )
    return reports


def _first_disagreements(document: Document) -> list[Finding]:
    reports = first_reports(document)
    findings = []
    for index, one in enumerate(reports):
        for other in reports[index + 1 :]:
            if (one.place, one.kind) != (other.place, other.kind):
                continue
            if (one.unit.number, one.unit.unit) == (other.unit.number, other.unit.unit):
                continue
            if one.days and other.days and (one.days[1] < other.days[0] or other.days[1] < one.days[0]):
                continue  # the first of two different times
            a, b = evidence_at(document, one.unit.span), evidence_at(document, other.unit.span)
            findings.append(
                Finding(
                    kind="happening-disagrees",
                    message=f"The first to enter {one.name}: {a.text} in one report, {b.text} in another.",
                    evidence=[evidence_at(document, other.span), evidence_at(document, one.span)],
                    severity="warning",
                )
            )
    return findings


def find_happening_disagreements(document: Document) -> list[Finding]:
    """Two reports of one happening in one document that disagree about who did it or what came of it."""
    return _signer_disagreements(document) + _outcome_disagreements(document) + _first_disagreements(document)
