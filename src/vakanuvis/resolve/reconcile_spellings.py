"""How reconciliation compares names the resolver's keys do not join: loose transliteration and OCR keys
(`lang.loose_spelling`) for every name, and for institutions the words of the name as translated by
`lang.name_translations`, with the places in it standing for their entity ('Traité de Kars', 'Kars
Antlaşması' and 'Treaty of Kars' are the words {treaty, Kars})."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from vakanuvis.lang.entity_words import entity_words
from vakanuvis.lang.loose_spelling import loose_key, loose_word
from vakanuvis.lang.name_translations import name_translations
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.reference.authority import name_key
from vakanuvis.resolve.names import fuzzy_same, partial_of

_TOKEN_BREAKS = re.compile(r"[\s\-’'`ʼ(),;:/]+")
PLACE_WORDS_MOST = 2  # a place inside a name is written in at most this many words ('San Remo')


@dataclass(frozen=True)
class NameWords:
    """A name as the things its words say: translated words, places (as '@' and their entity id) and the
    loose keys of other words, in order; and the qualifiers ('Turkish') it adds."""

    words: tuple[str, ...]
    qualifiers: frozenset[str]


@cache
def _title_keys() -> frozenset[str]:
    words = entity_words()
    titles = words.titles_before | words.titles_after | name_translations().titles
    return frozenset(loose_key(name_key(t)) for t in titles if name_key(t))


@cache
def _translated_keys() -> dict[str, str]:
    """The translation table keyed by loose key too, so that 'Kongresi' and 'Kongrési' are found alike."""
    table = name_translations().words
    return {loose_key(name_key(w)): meaning for w, meaning in table.items() if name_key(w)}


@lru_cache(maxsize=65_536)
def loose_core(text: str) -> tuple[str, ...]:
    """The name's words as loose keys, without titles in any transcription: 'Ismet Pacha' → ('ismet',)."""
    titles = _title_keys()
    words = [loose_key(name_key(w)) for w in text.replace(".", ". ").split()]
    kept = [w for w in words if w and w not in titles]
    return tuple(kept or [w for w in words if w])


def _token_meaning(token: str) -> str | None:
    """What one word says: its English translation, its loose key, or None for an empty word."""
    lowered = turkish_lower(token)
    table = name_translations()
    if not lowered or lowered in table.empty or lowered.isdigit():
        return None
    if lowered in table.words:
        return table.words[lowered]
    key = name_key(token)
    if not key:
        return None
    loose = loose_key(key)
    return _translated_keys().get(loose, loose)


def name_words(text: str, place_of: Callable[[str], str | None]) -> NameWords:
    """The words of an institution's name: places found by `place_of` (a loose key → a place's id)."""
    table = name_translations()
    tokens = [t for t in _TOKEN_BREAKS.split(text) if t]
    qualifiers = frozenset(loose_word(name_key(t)) for t in tokens if turkish_lower(t) in table.qualifiers)
    meanings = [None if turkish_lower(t) in table.qualifiers else _token_meaning(t) for t in tokens]
    words: list[str] = []
    position = 0
    while position < len(tokens):
        for size in range(PLACE_WORDS_MOST, 0, -1):
            part = meanings[position : position + size]
            if len(part) < size or any(m is None for m in part):
                continue
            place = place_of(" ".join(m for m in part if m))
            if place is not None:
                words.append(f"@{place}")
                position += size
                break
        else:
            if meanings[position] is not None:
                words.append(meanings[position])  # type: ignore[arg-type]
            position += 1
    return NameWords(tuple(sorted(words)), qualifiers)


# Scores (0-100), all below a fit of the resolver's keys: a looser key confuses more names.
LOOSE_SAME = 90  # the same loose key without titles: 'Tchitcherine' / 'Chicherin'
SAME_WORDS = 92  # an institution's words the same in other languages: 'Traité de Kars' / 'Kars Antlaşması'
SAME_WORDS_QUALIFIED = 84  # ... but for a qualifier one adds: 'Turkish National Pact' / 'National Pact'
LOOSE_FUZZY = 84  # a spelling variant of every word, loosely keyed
LOOSE_PARTIAL = 70  # a surname of the full name, loosely keyed
WEAK_SIMILARITY = 80
WEAK_WEIGHT = 0.7


def loose_form_score(
    core: tuple[str, ...],
    words: NameWords | None,
    form_core: tuple[str, ...],
    form_words: NameWords | None,
    entity_type: str,
    similarity: float,
) -> float:
    """How well a written name fits one form of an entity's name by loose keys and translated words (0 when
    not at all); `words` only for institutions, `similarity` rapidfuzz's token-sort ratio of the loose cores
    when it is at least WEAK_SIMILARITY (the caller finds those for all forms at once)."""
    if words is not None and form_words is not None and len(words.words) >= 2:
        if words.words == form_words.words:
            return SAME_WORDS if words.qualifiers <= form_words.qualifiers else SAME_WORDS_QUALIFIED
    if not core or not form_core:
        return 0.0
    if core == form_core:
        return LOOSE_SAME
    if fuzzy_same(core, form_core):
        return LOOSE_FUZZY
    if entity_type == "person" and partial_of(core, form_core):
        return LOOSE_PARTIAL
    return similarity * WEAK_WEIGHT if similarity >= WEAK_SIMILARITY else 0.0


def place_index(places: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """A place's id by the loose key of each of its names of at most two words, kept only when one place
    has it."""
    found: dict[str, set[str]] = {}
    for place_id, forms in places:
        for form in forms:
            key = loose_key(name_key(form))
            if key and len(key.split()) <= PLACE_WORDS_MOST:
                found.setdefault(key, set()).add(place_id)
    return {key: next(iter(ids)) for key, ids in found.items() if len(ids) == 1}
