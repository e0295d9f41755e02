"""How two written names are compared: core words, partial names, initials, guarded fuzzy similarity, and the
authority file's answer for a name. Pure functions of the names; the resolution stages build on them."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz import fuzz

from vakanuvis.lang.entity_words import entity_words
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.reference.authority import Authority, AuthorityEntry, PerAuthority, name_key
from vakanuvis.reference.person_names import given_names, people_by_given_name

FUZZY_NAME = 90  # whole-name similarity (0-100) for two spellings of one name
FUZZY_TOKEN = 85  # and for every word of it: "Mustafa Kemal" and "Mustafa Suphi" stay apart

Core = Sequence[str]


def core_words(surface: str) -> list[str]:
    """The name's words as keys, without titles: 'Kazım Karabekir Paşa' → ['kazim', 'karabekir']."""
    return list(core_tuple(surface))


@lru_cache(maxsize=262_144)
def core_tuple(surface: str) -> tuple[str, ...]:
    words = entity_words()
    titles = words.titles_before | words.titles_after
    raw = surface.replace(".", ". ").split()
    # a peer's rank goes as a title does ("Earl Curzon", "Marquess Curzon" are "Lord Curzon")
    kept = [
        w
        for w in raw
        if turkish_lower(w.rstrip(".")) not in titles and turkish_lower(w) not in words.peerages
    ]
    # and so does his title's territorial designation ("Marquess Curzon of Kedleston" is "Lord Curzon")
    peer = any(turkish_lower(w) in words.peerages or turkish_lower(w) in words.styles_before for w in raw)
    of = next((p for p, w in enumerate(kept) if p > 0 and w in words.head_first_connectors), None)
    if peer and of is not None:
        kept = kept[:of]
    return tuple(k for k in (name_key(w) for w in (kept or raw)) if k)


@lru_cache(maxsize=262_144)
def rank_words(surface: str) -> frozenset[str]:
    """The titles of rank after a name, as keys: 'Tevfik Bey' → {'bey'}, 'Ismet Pasha' → {'pasha'}."""
    titles = entity_words().titles_after
    return frozenset(
        name_key(word) for word in surface.replace(".", " ").split() if turkish_lower(word) in titles
    )


def ranks_agree(surface: str, entry: AuthorityEntry) -> bool:
    """'Tevfik Bey' is not the entry whose forms say 'Tevfik Paşa': a name with a rank matches an entry
    through a part of its name only when one of the entry's forms has that rank, or none has any."""
    ranks = rank_words(surface)
    if not ranks:
        return True
    entry_ranks = frozenset().union(*(rank_words(form) for form in entry.forms()))
    return not entry_ranks or bool(ranks & entry_ranks)


def is_initial(word: str) -> bool:
    return len(word) == 1


def is_short(core: Core) -> bool:
    """A surname alone or initials and a surname: one entity only inside one document."""
    return len(core) == 1 or any(is_initial(w) for w in core)


def initials_fit(short: Core, full: Core) -> bool:
    """'s i aralov' fits 'sergey aralov' and 'semyon ivanovich aralov'; 'j ahundov' does not fit 'ruhulla ahundov'."""
    if len(short) < 2 or len(full) < 2 or not same_word(short[-1], full[-1]):
        return False
    initials, given = short[:-1], full[:-1]
    if not all(is_initial(i) for i in initials):
        return False
    if any(is_initial(g) for g in given):
        return False
    return initials[0] == given[0][:1] and all(
        i == g[:1] for i, g in zip(initials[1:], given[1:], strict=False)
    )


def same_word(a: str, b: str) -> bool:
    return a == b or (len(a) > 3 and len(b) > 3 and a[0] == b[0] and fuzz.ratio(a, b) >= FUZZY_TOKEN)


def partial_of(short: Core, full: Core) -> bool:
    """Is `short` a shorter way of writing `full`? Initials + surname, a surname alone, or a tail of it."""
    if not short or not full:
        return False
    if len(short) > 1 and all(is_initial(w) for w in short[:-1]):
        return initials_fit(short, full)
    if len(short) >= len(full):
        return False
    tail = full[-len(short) :]
    return all(same_word(a, b) for a, b in zip(short, tail, strict=True))


def opens_with_given_name(short: Core, full: Core, entry: AuthorityEntry | None = None) -> bool:
    """Is `short` the given name alone that opens `full`, as the period shortened names ("Kâzım Paşa" for
    "Kâzım Karabekir Paşa", "Ethem Bey" for "Çerkez Ethem")? Of an authority person, only a given name he
    went by alone (not "Mustafa" of "Mustafa Kemal")."""
    if len(short) != 1 or len(full) < 2:
        return False
    opening = full[1] if full[0] in _epithet_keys() else full[0]
    return short[0] == opening and (entry is None or short[0] in given_names(entry))


@lru_cache(maxsize=1)
def _epithet_keys() -> frozenset[str]:
    return frozenset(name_key(word) for word in entity_words().epithets)


def fuzzy_same(a: Core, b: Core) -> bool:
    """Two spellings of one name of the same length: 'hüseynov' / 'hüseyinov', every word alike too."""
    if len(a) != len(b) or not a or a[0][:1] != b[0][:1]:
        return False
    if any(is_initial(w) for w in (*a, *b)):
        return False
    if fuzz.ratio(" ".join(a), " ".join(b)) < FUZZY_NAME:
        return False
    return all(fuzz.ratio(x, y) >= FUZZY_TOKEN for x, y in zip(a, b, strict=True))


def is_longer_name(short: Core, full: Core) -> bool:
    """'Azerbaycan Hükümeti' inside 'Azerbaycan Cumhuriyeti Hükümeti': same first and head word, more words,
    the words added being head words ('Türkiye Devleti' is not 'Türkiye Selçuk Devleti')."""
    if len(short) < 2 or len(full) <= len(short) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    remaining = iter(full)
    if not all(word in remaining for word in short):
        return False
    added = list(full)
    for word in short:
        added.remove(word)
    return all(is_head_key(word) for word in added)


@lru_cache(maxsize=65_536)
def is_head_key(word: str) -> bool:
    """A name key that is a head word, or one with its suffix ('jumhuriyeti', 'sosyalist' is not)."""
    heads = _head_keys()
    return any(word.startswith(head) and len(word) - len(head) <= 4 for head in heads)


@lru_cache(maxsize=1)
def _head_keys() -> tuple[str, ...]:
    return tuple(sorted({name_key(word) for word in entity_words().heads if len(word) >= 3}))


@lru_cache(maxsize=65_536)
def fullest_entry_core(entry: AuthorityEntry) -> tuple[str, ...]:
    """The longest form of an authority entry, as core words."""
    return max((core_tuple(f) for f in entry.forms()), key=len)


class AuthorityMatcher:
    """The authority entry a written name stands for, when the evidence is unambiguous (answers kept)."""

    def __init__(self, authority: Authority) -> None:
        self.authority = authority
        self.people = [e for e in authority.entries if e.type == "person"]
        # each person's forms as core words, computed once rather than for every mention
        self.people_cores = [(e, core_tuple(form)) for e in self.people for form in e.undated_forms()]
        self.called = people_by_given_name(authority)
        # ... and by the first letter of their last word, which every partial form must share
        # (`partial_of` compares last words with `same_word`): a name is compared with few forms, not all
        self.people_by_last_letter: dict[str, list[tuple[AuthorityEntry, tuple[str, ...]]]] = {}
        for entry, form_core in self.people_cores:
            if form_core:
                self.people_by_last_letter.setdefault(form_core[-1][:1], []).append((entry, form_core))
        # every key by type, number of words and first letter, the three things `fuzzy_same` wants equal
        self.keys_by_shape: dict[tuple[str, int, str], list[tuple[list[str], AuthorityEntry]]] = {}
        for key, entries in authority.keys().items():
            words = key.split()
            for entry in entries:
                shape = (entry.type, len(words), words[0][:1] if words else "")
                self.keys_by_shape.setdefault(shape, []).append((words, entry))
        self.by_key = {e.key: e for e in authority.entries}
        # words that open a person's name, or are all of it before a rank ("Tevfik Paşa"): given names,
        # which alone may be anyone of that name (the period's Turks had no surnames)
        self.given_names = frozenset(
            core[0]
            for e in self.people
            for form in e.forms()
            if (core := core_tuple(form)) and (len(core) > 1 or rank_words(form))
        )
        self.answers: dict[tuple[str, tuple[str, ...], str], AuthorityEntry | None] = {}

    def match(self, surface: str, core: Core, entity_type: str) -> AuthorityEntry | None:
        question = (surface, tuple(core), entity_type)
        if question not in self.answers:
            self.answers[question] = self._match(surface, core, entity_type)
        return self.answers[question]

    def _match(self, surface: str, core: Core, entity_type: str) -> AuthorityEntry | None:
        # the exact key, then a unique surname with compatible initials, then a guarded fuzzy match
        if len(self.called.called(surface)) > 1:
            return None  # "Cemal Paşa": Ahmed Cemal or Mersinli Cemal; the document's context decides
        for form in (surface, " ".join(core)):
            entry = self.authority.find(form, entity_type) or self.authority.find(form)
            if entry is not None and (entry.type == entity_type or entity_type != "person"):
                if form is surface or ranks_agree(surface, entry):
                    return entry
        if entity_type != "person" or not core:
            for variant in self.place_variants(surface):
                entry = self.authority.find(variant, entity_type)
                if entry is not None:
                    return entry
            return self._fuzzy(core, entity_type)
        if len(core) == 1 and core[0] in self.given_names:
            return None  # "Tevfik", "Kâzım Paşa": a given name alone, with or without a rank
        if len(core) == 1 and core[0] in self.authority.dated:
            return None  # "İnönü": a surname of 1934; the annotator, who knows the date, gives the person
        candidates = self.people_by_last_letter.get(core[-1][:1], [])
        fits = {e.key: e for e, form_core in candidates if partial_of(core, form_core)}
        if len(fits) == 1:
            entry = next(iter(fits.values()))
            return entry if ranks_agree(surface, entry) else None
        return self._fuzzy(core, entity_type) if not fits else None

    def place_variants(self, surface: str) -> list[str]:
        """The name with its place written as the place's other forms, and an English head put last:
        'Government of Constantinople' → 'İstanbul Government', 'Congress of Erzeroum' → 'Erzurum Congress',
        'Angora Government' → 'Ankara Government'."""
        words = surface.split()
        if len(words) >= 3 and words[1].lower() == "of":
            words = [*words[2:], words[0]]  # "Congress of Erzeroum" → "Erzeroum Congress"
        variants = [" ".join(words)] if words != surface.split() else []
        for size in (2, 1):
            if len(words) <= size:
                continue
            place = self.authority.find(" ".join(words[:size]), "place")
            if place is None:
                continue
            rest = " ".join(words[size:])
            variants.extend(f"{form} {rest}" for form in place.forms())
            break
        return variants

    def _fuzzy(self, core: Core, entity_type: str) -> AuthorityEntry | None:
        if not core:
            return None
        candidates = self.keys_by_shape.get((entity_type, len(core), core[0][:1]), [])
        fits = {e.key: e for words, e in candidates if fuzzy_same(core, words)}
        return next(iter(fits.values())) if len(fits) == 1 else None


_MATCHERS = PerAuthority(AuthorityMatcher)


def matcher_for(authority: Authority) -> AuthorityMatcher:
    """One matcher per authority, reused by every resolution of the process (its answers accumulate)."""
    return _MATCHERS(authority)
