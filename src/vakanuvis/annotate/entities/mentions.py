"""A document's entity mentions: the rule recognizer's over every body sentence, their types made to agree,
and the optional model's (the decisions are listed in the package's docstring)."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date
from functools import cache

from rapidfuzz import fuzz

from vakanuvis.annotate.dates.lexicon import MARKED_VOWELS, unmarked
from vakanuvis.annotate.dates.values import end_bounds
from vakanuvis.annotate.entities.dated_names import dated_aliases_read, written_on
from vakanuvis.annotate.entities.recognizer import model_mentions
from vakanuvis.annotate.entities.rules import Candidate, RuleRecognizer
from vakanuvis.annotate.entities.short_names import context_reading, given_names_recovered, unambiguous_form
from vakanuvis.lang.entity_words import entity_words
from vakanuvis.lang.folds import fold_for_name_matching
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.model import Document, EntityMention, Span
from vakanuvis.reference.authority import Authority, load_authority, name_key
from vakanuvis.reference.offices import bearer_of, timed_names
from vakanuvis.reference.person_names import people_by_given_name

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“«(]?[^\W\d_])|\n\s*\n")
_INITIAL_BEFORE = re.compile(r"(?:^|[\s.])[A-ZÇĞİÖŞÜ]\.$")
_COORDINATION = re.compile(r"^\s*(?:,|ve|ile|-|–)?\s*$")
_NEXT_WORD = re.compile(r"\s*([^\W\d_]+)")


def find_mentions(document: Document, authority: Authority | None = None) -> list[EntityMention]:
    """Every entity mention of the body text, in text order, with its suffix-free surface form."""
    authority = authority or load_authority()
    written = written_on(document_period(document), document)
    recognizer = RuleRecognizer(authority, english=document.language == "en", written_on=written)
    text = document.text
    spans = [(s.span.start, s.span.end) for s in document.sentences if s.span.footnote is None]
    sentences = spans or fallback_sentences(text)
    candidates: list[Candidate] = []
    for start, end in sentences:
        candidates.extend(recognizer.sentence_candidates(text, start, end))
    candidates = outside_dates(candidates, document)
    candidates.extend(recover_surnames(candidates, recognizer))
    rules_took = {(c.start, c.end) for c in candidates}
    candidates.extend(given_names_recovered(recognizer.dropped, rules_took, authority))
    harmonize_types(candidates, text)
    candidates = dated_aliases_read(candidates, written, authority)
    if read := context_reading(candidates, authority):
        by_place = {(c.start, c.end): c for c in read}
        candidates = [by_place.get((c.start, c.end), c) for c in candidates]
    timed = timed_mentions(document, candidates, sentences, authority)
    if timed:
        replaced = {(c.start, c.end) for c in timed}
        candidates = [c for c in candidates if (c.start, c.end) not in replaced] + timed
    mentions = [
        EntityMention(Span(c.start, c.end), text[c.start : c.end], c.surface, c.type) for c in candidates
    ]
    taken = [(m.span.start, m.span.end) for m in mentions]
    for extra in model_mentions(document):
        if all(extra.span.end <= start or extra.span.start >= end for start, end in taken):
            mentions.append(extra)
    return sorted(mentions, key=lambda m: (m.span.start, m.span.end))


def outside_dates(candidates: list[Candidate], document: Document) -> list[Candidate]:
    """Candidates that do not end inside a date expression: 'Teşrîn-i Sânî' of '1 Teşrîn-i Sânî 1338',
    'Received October' of 'Received October 3', 'Rebiülahir' of a Hijri date are months, not names."""
    dated = sorted((d.span.start, d.span.end) for d in document.dates if d.span.footnote is None)
    if not dated:
        return candidates
    starts = [start for start, _ in dated]
    kept = []
    for candidate in candidates:
        index = bisect_right(starts, candidate.end - 1) - 1
        if index >= 0 and dated[index][0] < candidate.end <= dated[index][1]:
            continue
        kept.append(candidate)
    return kept


def document_period(document: Document) -> tuple[date, date] | None:
    """The first and last day the document's own date may be; None when it has none or its year is unknown."""
    if not document.date:
        return None
    ends = [end.strip("~?%") for end in document.date.split("/") if end and end != ".."]
    try:
        earliest, latest = end_bounds(ends[0])[0], end_bounds(ends[-1])[1]
    except (ValueError, KeyError, IndexError):
        return None
    return (earliest, latest) if earliest != date.min and latest != date.max else None


@cache
def _timed_forms() -> dict[str, tuple[str, ...]]:
    """Every office and generic name as written (marked vowels folded), by its first four letters, longest
    first: a text is searched only at its capitalized words, by a dictionary look-up."""
    forms = {unmarked(form) for timed in timed_names() for form in timed.forms}
    by_start: dict[str, list[str]] = {}
    for form in sorted(forms, key=len, reverse=True):
        by_start.setdefault(form[:_FORM_PREFIX], []).append(form)
    return {start: tuple(found) for start, found in by_start.items()}


_FORM_PREFIX = 4


@cache
def _form_starts() -> re.Pattern[str]:
    """Where a form may start: its first letter, at the start of a word."""
    plain = {start[0] for start in _timed_forms()}
    letters = "".join(
        sorted(re.escape(c) for c in plain | {m for m, p in MARKED_VOWELS.items() if p in plain})
    )
    return re.compile(rf"(?<![\w-])[{letters}]")


# "Meclis-i Âliniz", "Heyet-i Vekilenize": "your exalted Assembly" addresses its hearers, names nothing
_ADDRESSING = re.compile(r"[’']?[ıiuü]?n[ıiuü]z")
_SUFFIX = re.compile(r"(?:[’'][^\W\d_]+|[^\W\d_]{0,6})(?![\w-])")  # what may follow a form, and then


def _timed_matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end with the suffix, form) of each office or generic name in the text (its marked vowels
    made plain only where a form may start: doing so for a whole text costs more than the search)."""
    by_start = _timed_forms()
    found = []
    for capital in _form_starts().finditer(text):
        left = capital.start()
        forms = by_start.get(unmarked(text[left : left + _FORM_PREFIX]))
        if not forms:
            continue
        for form in forms:
            if unmarked(text[left : left + len(form)]) == form:
                suffix = _SUFFIX.match(text, left + len(form))
                if suffix is not None and not _ADDRESSING.match(suffix.group(0)):
                    found.append((left, suffix.end(), form))
                    break
    return found


def timed_mentions(
    document: Document, candidates: list[Candidate], sentences: list[tuple[int, int]], authority: Authority
) -> list[Candidate]:
    """Offices and generic names standing for a name ('Hariciye Vekili', 'Sadrazam', 'Meclis'): a mention of
    whoever or whatever bore them on the document's date, when exactly one did. An office followed by a name
    ('Hariciye Vekili Bekir Sami Bey') is left to the name."""
    period = document_period(document)
    if period is None or not timed_names():
        return []
    text = document.text
    starts = sorted(c.start for c in candidates)
    taken = sorted((c.start, c.end) for c in candidates)
    surface_of = {(c.start, c.end): c.surface for c in candidates}
    by_start = {c.start: c for c in candidates}
    found: list[Candidate] = []
    sentence_starts = [start for start, _ in sentences]
    acting_for = entity_words().acting_for
    for left, right, form in _timed_matches(text):
        sentence = bisect_right(sentence_starts, left) - 1
        if sentence < 0 or sentences[sentence][1] < right:
            continue  # not inside one body sentence
        index = bisect_right(taken, (right, right)) - 1
        if index >= 0 and taken[index][1] > left:
            rule = taken[index]
            if rule != (left, right) or name_key(surface_of[rule]) != name_key(form):
                continue  # inside a name found by the rules ("Büyük Millet Meclisi")
        if index >= 0 and taken[index][1] <= left and _of_a_state(by_start.get(taken[index][0]), text, left):
            continue  # "Azerbaycan Hariciye Vekili": another state's office, not the one the forms list
        next_word = _NEXT_WORD.match(text, right)
        if next_word is not None and turkish_lower(next_word.group(1)) in acting_for:
            continue  # "Hariciye Vekili namına Ahmet Muhtar": one signs for the office, its holder is absent
        following = bisect_right(starts, right - 1)
        if following < len(starts) and starts[following] - right <= 2:
            # "Harbiye Nazırı Cemal Paşa": a given name several people went by is the one who held the
            # office on the document's date, when he is one of them
            name = by_start.get(starts[following])
            bearer = bearer_of(form, *period)
            if name is not None and bearer is not None and name.type == "person":
                entry = authority.find(bearer.bearer, "person")
                if entry is not None and entry in (called := people_by_given_name(authority)).called(
                    name.surface
                ):
                    found.append(replace(name, surface=unambiguous_form(entry, called), strength=3))
            continue
        bearer = bearer_of(form, *period)
        if bearer is not None:
            found.append(Candidate(left, right, bearer.bearer, bearer.type, 3, []))
    return found


def _of_a_state(before: Candidate | None, text: str, left: int) -> bool:
    """A place or organization stands right before the office at `left` (nothing but a space between)."""
    return (
        before is not None
        and before.type in ("place", "organization")
        and not text[before.end : left].strip()
        and text[before.end : left].count("\n") == 0
    )


def fallback_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence offsets when the structure stage gave none: split after . ! ? and at blank lines."""
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if _INITIAL_BEFORE.search(text, max(0, match.start() - 3), match.start()):
            continue  # "S.İ. Aralov": the full stop of an initial ends no sentence
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def recover_surnames(candidates: list[Candidate], recognizer: RuleRecognizer) -> list[Candidate]:
    """Capitalized common words dropped by the rules that are the surname of a titled person ('Albay Rey')."""
    titles = recognizer.words.titles_after
    titled = {
        fold_for_name_matching(names[-1].stem)
        for c in candidates
        if c.type == "person" and c.strength >= 3
        if (names := [t for t in c.tokens if fold_for_name_matching(t.stem) not in titles])
    }
    taken = {(c.start, c.end) for c in candidates}
    recovered = []
    for token in recognizer.dropped:
        if fold_for_name_matching(token.stem) in titled and (token.start, token.end) not in taken:
            recovered.append(Candidate(token.start, token.end, token.stem, "person", 2, [token]))
    return recovered


def harmonize_types(candidates: list[Candidate], text: str) -> None:
    """Make one document's types agree; changes `candidates` in place."""
    # 1. a surname seen in a full or titled name is a person wherever it stands alone
    surnames = {
        fold_for_name_matching(c.tokens[-1].stem)
        for c in candidates
        if c.type == "person" and len([t for t in c.tokens if t.kind == "word"]) >= 2
    }
    for candidate in candidates:
        if (
            candidate.strength < 3
            and len(candidate.tokens) == 1
            and fold_for_name_matching(candidate.surface) in surnames
        ):
            candidate.type = "person"
            candidate.strength = 2
    # 2. the same surface gets the type its best-evidenced occurrence has
    best: dict[str, Candidate] = {}
    for candidate in candidates:
        key = fold_for_name_matching(candidate.surface)
        if key not in best or candidate.strength > best[key].strength:
            best[key] = candidate
    for candidate in candidates:
        leader = best[fold_for_name_matching(candidate.surface)]
        if leader.strength > candidate.strength:
            candidate.type = leader.type
    # 3. a bare unknown word that is a misspelling of a better-evidenced name takes its type ("Nahçiva")
    for candidate in candidates:
        if candidate.strength != 1:
            continue
        key = fold_for_name_matching(candidate.surface)
        for model in best.values():
            spelled = fold_for_name_matching(model.surface)
            if (
                model.strength >= 2
                and spelled != key
                and spelled[:1] == key[:1]
                and fuzz.ratio(key, spelled) >= 90
            ):
                candidate.type = model.type
                break
    # 4. a bare unknown word coordinated with places ("Nahçıvan, Şerur, Dereleyez ve Sürmeli") is a place
    ordered = sorted(candidates, key=lambda c: c.start)
    for _ in range(3):
        changed = False
        for left, right in zip(ordered, ordered[1:], strict=False):
            if not _COORDINATION.match(text[left.end : right.start]):
                continue
            for weak, other in ((left, right), (right, left)):
                if weak.strength == 1 and weak.type == "person" and other.type == "place":
                    weak.type = "place"
                    changed = True
        if not changed:
            break
