"""The words of every language that make, bound or type a name, read from lang/<code>/entities.yaml: the
entity recognizer and the name resolver read names with the same words."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from vakanuvis.lang import all_language_data
from vakanuvis.lang.tr.casing import turkish_lower


@dataclass(frozen=True)
class Words:
    """The entity words of every language, merged (texts mix languages)."""

    titles_before: frozenset[str]
    titles_after: frozenset[str]
    office_words: frozenset[str]
    heads: dict[str, str]  # lemma → entity type, or "other" for names of no type of ours
    ethnonyms: frozenset[str]
    not_names: frozenset[str]
    connectors: frozenset[str]
    surname_endings: tuple[str, ...]
    title_heads: frozenset[str] = frozenset()
    izafet_heads: frozenset[str] = frozenset()
    english_function_words: frozenset[str] = frozenset()
    sentence_words: frozenset[str] = frozenset()  # adverbs, conjunctions, pronouns: never a name alone
    address_heads: frozenset[str] = frozenset()  # "Zât-ı", "Cenab-ı": an izafet that addresses someone
    honorifics: frozenset[str] = frozenset()  # "Celile", "Âlîleri", "Efendiler": honour, name nothing
    head_first_connectors: frozenset[str] = frozenset()  # "of" of "Treaty of Sèvres"
    epithets: frozenset[str] = frozenset()  # "Çerkes" of "Çerkes Ethem": a byname before the given name
    office_connectors: frozenset[str] = frozenset()  # "of" of "Minister of War": a title heads an office
    courtesy_titles: frozenset[str] = frozenset()  # "M." of "M. Chicherin": a courtesy before a surname
    styles_before: frozenset[str] = frozenset()  # "Lord", "Sir": titles before a name that stay in it
    peerages: frozenset[str] = frozenset()  # "Earl", "Marquess": compared as "Lord" is, without it
    body_offices: frozenset[str] = frozenset()  # "Kumandanlığı" of "On Beşinci Kolordu Kumandanlığına"
    administrative_heads: frozenset[str] = frozenset()  # "Elviye-i", "Vilâyât-ı": units of the state
    acting_for: frozenset[str] = frozenset()  # "namına" of "Hariciye Vekili namına": for the office's holder
    place_nouns: frozenset[str] = frozenset()  # "kasabası" of "Çay kasabası": the words before name a place
    place_qualifiers: frozenset[str] = frozenset()  # "Garbi" of "Garbi Anadolu": part of the place's name
    possessive_only_heads: frozenset[str] = frozenset()  # "Ocağı" heads a name, "Ocak" is the month
    name_particles: frozenset[str] = frozenset()  # "de" of "John de Robeck", in English sentences
    regime_words: frozenset[str] = frozenset()  # "Şûralar" of "Şûralar Rusyası": the place's state is meant
    # Answers of the rules that depend only on a word and these words, kept per word (the entity rules fill them)
    memo: dict[str, dict[str, object]] = field(default_factory=dict, compare=False, repr=False)


@cache
def entity_words() -> Words:
    data = all_language_data("entities")

    def union(key: str) -> frozenset[str]:
        return frozenset(turkish_lower(str(w)) for lang in data.values() for w in lang.get(key) or ())

    heads: dict[str, str] = {}
    for kind, key in (
        ("other", "other_heads"),
        ("place", "place_heads"),
        ("treaty", "treaty_heads"),
        ("meeting", "meeting_heads"),
        ("organization", "organization_heads"),
    ):
        for word in union(key):
            heads[word] = kind
    return Words(
        titles_before=union("titles_before"),
        titles_after=union("titles_after"),
        office_words=union("office_words"),
        heads=heads,
        ethnonyms=union("ethnonyms"),
        not_names=union("not_names"),
        connectors=(union("name_connectors") or frozenset({"ve"})) | union("head_first_connectors"),
        head_first_connectors=union("head_first_connectors"),
        surname_endings=tuple(sorted(union("surname_endings"), key=len, reverse=True)),
        title_heads=union("title_heads"),
        izafet_heads=union("izafet_heads"),
        english_function_words=frozenset(str(w) for w in data.get("en", {}).get("function_words") or ()),
        sentence_words=union("sentence_words"),
        address_heads=union("address_heads"),
        honorifics=union("honorifics"),
        epithets=union("epithets"),
        office_connectors=union("office_connectors"),
        courtesy_titles=union("courtesy_titles"),
        peerages=union("peerages"),
        body_offices=union("body_offices"),
        administrative_heads=union("administrative_heads"),
        acting_for=union("acting_for"),
        place_nouns=union("place_nouns"),
        place_qualifiers=union("place_qualifiers"),
        regime_words=union("regime_words"),
        name_particles=union("name_particles"),
        possessive_only_heads=union("possessive_only_heads"),
        styles_before=union("styles_before"),
    )
