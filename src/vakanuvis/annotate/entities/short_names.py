"""A given name alone ("Ethem", "İsmet", "Kâzım Paşa") read by its document's context: the person of the
authority file whose `context` (the units, places, offices and people met beside him in the period's
papers) the document names, when exactly one such person fits better than every other.

A short name that a fuller name of its own document fits is left to that name (the resolver joins them);
one whose context names nobody, or several equally, stays a name of its document, listed with its
candidates by `who`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from vakanuvis.annotate.entities.rules import Candidate
from vakanuvis.annotate.entities.tokens import Token
from vakanuvis.lang.entity_words import entity_words
from vakanuvis.reference.authority import Authority, AuthorityEntry, PerAuthority, name_key
from vakanuvis.reference.person_names import (
    PeopleByGivenName,
    given_names,
    name_and_ranks,
    people_by_given_name,
    ranks_of,
)


class _People:
    """The authority file's people who have a context, by each given name they went by alone
    (`reference.person_names`), with the ranks of their forms and the keys of their context."""

    def __init__(self, authority: Authority) -> None:
        found: dict[str, list[AuthorityEntry]] = {}
        epithets = {name_key(word) for word in entity_words().epithets}
        self.ranks: dict[str, frozenset[str]] = {}
        self.context: dict[str, frozenset[str]] = {}
        for entry in authority.entries:
            if entry.type != "person" or not entry.context:
                continue
            for given in sorted(given_names(entry)):
                found.setdefault(given, []).append(entry)
            self.ranks[entry.key] = ranks_of(entry)
            keys: set[str] = set()
            for name in entry.context:  # each name as written and every form of the entry it names
                keys.add(name_key(name))
                if (named := authority.find(name)) is not None:
                    keys |= {name_key(form) for form in named.forms()}
            self.context[entry.key] = frozenset(keys)
        self.by_given = {given: tuple(entries) for given, entries in found.items()}
        # the first word of every person's form of two words or more, or of one before a rank
        self.given_names = (
            frozenset(
                names[0]
                for entry in authority.entries
                if entry.type == "person"
                for form in entry.forms()
                for names, ranks in [name_and_ranks(form)]
                if len(names) > 1 or (names and ranks)
            )
            - epithets
        )


_people = PerAuthority(_People)


def given_names_recovered(
    dropped: Sequence[Token], taken: set[tuple[int, int]], authority: Authority
) -> list[Candidate]:
    """Capitalized words inside a sentence that the rules dropped as common words but that are given names
    of the authority file's people ("İsmet", "Refet" are also common nouns, never capitalized mid-sentence)."""
    given = _people(authority).given_names
    return [
        Candidate(token.start, token.end, token.stem, "person", 2, [token])
        for token in dropped
        if (not token.sentence_initial or token.has_apostrophe)  # "İsmet’in": the apostrophe marks a name
        and (token.start, token.end) not in taken
        and len(key := name_key(token.stem)) >= 3
        and key in given
    ]


def context_reading(candidates: Sequence[Candidate], authority: Authority) -> list[Candidate]:
    """The short person names of one document that its context gives to one person of the authority file,
    each as a candidate whose surface is that person's name."""
    people = _people(authority)
    called = people_by_given_name(authority)
    by_given = people.by_given
    if not by_given:
        return []
    names = [(c, *name_and_ranks(c.surface)) for c in candidates if c.type == "person"]
    shorts = [(c, core, ranks) for c, core, ranks in names if len(core) == 1 and core[0] in by_given]
    if not shorts:
        return []
    # what each other name of the document says: its key, its authority entry's, and its words ("Balıkesir
    # cephesi", "Karesi Mebusu" name Balıkesir and Karesi)
    context_of = [(candidate.start, _context_words(candidate.surface, authority)) for candidate in candidates]
    fuller = {word for _, core, _ in names if len(core) > 1 for word in core}
    read: list[Candidate] = []
    for candidate, core, ranks in shorts:
        if core[0] in fuller:
            continue  # "Kâzım Paşa" beside "Kâzım Özalp Paşa": the resolver joins them
        if authority.find(candidate.surface) is not None and len(called.called(candidate.surface)) < 2:
            continue  # "İsmet Paşa": the name says who he is ("Cemal Paşa" does not: there were two)
        scores = {
            entry: _score(candidate.start, people.context[entry.key], context_of)
            for entry in by_given[core[0]]
            if not ranks or not people.ranks[entry.key] or ranks & people.ranks[entry.key]
        }
        best = max(scores.values(), default=0)
        winners = [entry for entry, score in scores.items() if score == best]
        if best > 0 and len(winners) == 1:
            read.append(replace(candidate, surface=unambiguous_form(winners[0], called), strength=3))
    return read


def unambiguous_form(entry: AuthorityEntry, called: PeopleByGivenName) -> str:
    """A form of `entry` that names it alone: its name, unless that is a given name several people went by
    ("Cemal Pasha"), then its fullest form ("Ahmed Cemal Paşa")."""
    if len(called.called(entry.name)) < 2:
        return entry.name
    epithets = {name_key(word) for word in entity_words().epithets}
    forms = entry.undated_forms()

    def fullness(index: int) -> tuple[int, bool, int]:  # most names, not bynames; a rank; listed first
        names, ranks = name_and_ranks(forms[index])
        return len([n for n in names if n not in epithets]), bool(ranks), -index

    return forms[max(range(len(forms)), key=fullness)]


def _context_words(surface: str, authority: Authority) -> frozenset[str]:
    """The keys a name gives as context: its own, its authority entry's, and its words of four letters or more."""
    kept = _CONTEXT_WORDS.get(surface)
    if kept is None or kept[0] is not authority:
        keys = {name_key(surface)}
        keys |= {key for word in surface.split() if len(key := name_key(word)) >= 4}
        named = authority.find(surface)
        if named is not None:
            keys.add(name_key(named.name))
        if len(_CONTEXT_WORDS) >= 65_536:
            _CONTEXT_WORDS.clear()
        kept = _CONTEXT_WORDS[surface] = (authority, frozenset(keys))
    return kept[1]


_CONTEXT_WORDS: dict[str, tuple[Authority, frozenset[str]]] = {}
NEAR = 300  # characters: a name this close to the short name (its sentence or paragraph) counts twice


def _score(at: int, context: frozenset[str], context_of: list[tuple[int, frozenset[str]]]) -> int:
    """How much of a person's context the document names, the names near the short name counting twice."""
    return sum(2 if abs(start - at) <= NEAR else 1 for start, keys in context_of if keys & context)
