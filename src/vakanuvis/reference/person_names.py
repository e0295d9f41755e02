"""How the authority file's people are called by a given name alone ("Cemal Paşa", "Rauf Bey", "İsmet"), read
from their forms: the given name of each form of two words or more (after a byname: "Mersinli Cemal"), or
of one before a rank, but not the first of two given names before a rank or a surname ("Ahmed Cemal Paşa",
"Hüseyin Rauf Bey", "Mustafa Fevzi Paşa": he went by Cemal, Rauf, Fevzi, not by Ahmed, Hüseyin, Mustafa).
"""

from __future__ import annotations

from functools import lru_cache

from vakanuvis.lang.entity_words import entity_words
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.reference.authority import Authority, AuthorityEntry, PerAuthority, name_key


@lru_cache(maxsize=65_536)
def name_and_ranks(surface: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The name's words as keys without titles, and its ranks after the name ('Kâzım Paşa' → kazim; pasha)."""
    words = entity_words()
    titles = words.titles_before | words.titles_after
    rank_keys = _rank_keys()
    names, ranks = [], set()
    for word in surface.replace(".", " ").split():
        lowered = turkish_lower(word)
        if lowered in words.titles_after or name_key(word) in rank_keys:  # "Paga": the OCR's Paşa
            ranks.add(name_key(word))
        elif lowered not in titles and (key := name_key(word)):
            names.append(key)
    return tuple(names), frozenset(ranks)


@lru_cache(maxsize=4096)
def given_names(entry: AuthorityEntry) -> frozenset[str]:
    """The given names `entry` went by alone (see the module's docstring); none for a non-person."""
    if entry.type != "person":
        return frozenset()
    epithets = _epithet_keys()
    canonical, canonical_ranks = name_and_ranks(entry.name)
    surname = canonical[-1] if len(canonical) > 1 and not canonical_ranks else None
    forms = [name_and_ranks(form) for form in entry.undated_forms()]
    first_of_two = set()  # "Ahmed" of "Ahmed Cemal Paşa"
    for names, ranks in forms:
        before = names[:-1] if names and names[-1] == surname else names
        if (ranks or len(before) < len(names)) and len(before) >= 2 and before[-2] not in epithets:
            first_of_two.add(before[-2])
    found = set()
    for names, ranks in forms:
        if len(names) > 1 or (names and ranks):
            found.add(names[1] if len(names) > 1 and names[0] in epithets else names[0])
    return frozenset(found - first_of_two - epithets)


@lru_cache(maxsize=4096)
def ranks_of(entry: AuthorityEntry) -> frozenset[str]:
    """Every rank written after a form of `entry` ('Cemal Paşa' → pasha)."""
    return frozenset().union(*(name_and_ranks(form)[1] for form in entry.forms()))


def ranks_fit(ranks: frozenset[str], entry: AuthorityEntry) -> bool:
    """A name's ranks do not contradict the entry's ('Tevfik Bey' is not a Paşa whose forms all say Paşa)."""
    return not ranks or not ranks_of(entry) or bool(ranks & ranks_of(entry))


class PeopleByGivenName:
    """The authority file's people by each given name they went by alone."""

    def __init__(self, authority: Authority) -> None:
        found: dict[str, list[AuthorityEntry]] = {}
        for entry in authority.entries:
            for given in sorted(given_names(entry)):
                found.setdefault(given, []).append(entry)
        self.by_given = {given: tuple(entries) for given, entries in found.items()}

    def called(self, surface: str) -> tuple[AuthorityEntry, ...]:
        """The people known to have gone by a given name alone with its rank if it has one ('Cemal Paşa':
        Ahmed Cemal and Mersinli Cemal, both written Paşa; 'Tevfik Paşa': only the Grand Vizier, as no
        form of Çerkes Tevfik says Paşa); empty when the surface is more than a given name."""
        names, ranks = name_and_ranks(surface)
        if len(names) != 1:
            return ()
        return tuple(e for e in self.by_given.get(names[0], ()) if not ranks or ranks & ranks_of(e))


_BY_AUTHORITY = PerAuthority(PeopleByGivenName)


def _names_before_names(authority: Authority) -> frozenset[str]:
    """Keys of the words the authority's people write before another of their names or a rank: the given
    names ("Ali" of "Ali Fuat Cebesoy", "Ali Fuat Paşa"), whatever else the lexicon reads them as."""
    found: set[str] = set()
    for entry in authority.entries:
        if entry.type != "person":
            continue
        for form in entry.undated_forms():
            names, ranks = name_and_ranks(form)
            found.update(names if ranks else names[:-1])
    return frozenset(found)


_GIVEN_BY_AUTHORITY = PerAuthority(_names_before_names)


def listed_given_names(authority: Authority) -> frozenset[str]:
    """Keys of the given names the authority's people are written with (see `_names_before_names`)."""
    return _GIVEN_BY_AUTHORITY(authority)


def people_by_given_name(authority: Authority) -> PeopleByGivenName:
    """One index per authority, reused by the process."""
    return _BY_AUTHORITY(authority)


@lru_cache(maxsize=1)
def _epithet_keys() -> frozenset[str]:
    return frozenset(name_key(word) for word in entity_words().epithets)


@lru_cache(maxsize=1)
def _rank_keys() -> frozenset[str]:
    """The ranks after a name as keys, which fold the OCR's and English spellings ("Paga", "Pasha")."""
    return frozenset(name_key(word) for word in entity_words().titles_after)
