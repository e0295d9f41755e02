"""Authors' names as CSL names: split into family and given parts, or kept whole as one literal name.

A name is one literal name when it is not a person's family and given name: a name of the Ottoman period
carrying a title ("Ahmet Tevfik Paşa", "Bekir Sami Bey", "Şeyh Sait"), a name in an izafet or with a word of
an institution or group ("Heyet-i Temsiliye", "Müdafaa-i Hukuk Cemiyeti", "Şark Cephesi Kumandanlığı",
"British Intelligence at Constantinople", "Наркоминдел"), or a Turkish author of a work issued before the
Surname Law, when Turks had no family names ("Bekir Sami", 1920). The words are data: the titles of
lang/<code>/entities.yaml (titles_after, izafet_heads) and lang/<code>/citations.yaml (one_name_titles,
group_author_words, titles_also_surnames, name_suffixes, surname_law_year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vakanuvis.lang import all_language_data, language_data
from vakanuvis.lang.entity_words import entity_words
from vakanuvis.lang.tr.casing import turkish_lower

INITIALS = re.compile(r"^(?:[^\W\d_][^\W\d_]?\.\s*)+$")
GLUED_INITIALS = re.compile(r"^((?:[^\W\d_][^\W\d_]?\.\s*)+)([^\W\d_].*)$")
# the vowel of an izafet, written after a hyphen: "Heyet-i", "Kuva-yı", "Şura-yı", "Erkân-ı"
IZAFET = re.compile(r"^([^\W\d_]+)-y?[iıuü]$")
# Turkish possessive endings, longest first: "cemiyeti", "kumandanlığı", "nezareti", "meclisi"
POSSESSIVE_ENDINGS = ("ları", "leri", "sı", "si", "su", "sü", "ı", "i", "u", "ü")
SOFTENED = {"ğ": "k", "b": "p", "c": "ç", "d": "t"}


@dataclass(frozen=True)
class NameWords:
    """The words that make a name one literal name, merged over languages."""

    titles: frozenset[str]  # written after a name: paşa, bey, efendi, pasha…
    titles_before: frozenset[str]  # written before it: şeyh, hacı…
    titles_also_surnames: frozenset[str]  # efe, han: titles only before the Surname Law
    group_words: frozenset[str]  # heyet, cemiyet, office, комитет…
    surname_law_year: int


@cache
def name_words() -> NameWords:
    citations = all_language_data("citations")

    def union(key: str) -> frozenset[str]:
        return frozenset(turkish_lower(str(w)) for data in citations.values() for w in data.get(key) or ())

    entities = entity_words()
    return NameWords(
        titles=entities.titles_after - union("name_suffixes"),
        titles_before=union("one_name_titles"),
        titles_also_surnames=union("titles_also_surnames"),
        group_words=union("group_author_words") | entities.izafet_heads,
        surname_law_year=int(language_data("tr", "citations").get("surname_law_year") or 1935),
    )


def _forms(word: str) -> set[str]:
    """A word lower-cased the Turkish way, and its stems without a possessive ending ("kumandanlığı")."""
    word = re.split(r"['’]", word.strip(".,;:()«»\"'’"))[0]
    # lower-cased the Turkish way ("Işık" -> "ışık") and the other ("Intelligence" -> "intelligence")
    forms = {turkish_lower(word), word.casefold()}
    for lowered in list(forms):
        for ending in POSSESSIVE_ENDINGS:
            if lowered.endswith(ending) and len(lowered) - len(ending) >= 3:
                stem = lowered[: -len(ending)]
                forms.update({stem, stem[:-1] + SOFTENED.get(stem[-1], stem[-1])})
    return forms


def is_one_name(name: str, before_surnames: bool = False) -> bool:
    """True when `name` is no family and given name but one name: titled, of a group, or of a Turk named
    before the Surname Law (`before_surnames`)."""
    words = name.split()
    if not words:
        return False
    vocabulary = name_words()
    texts = (turkish_lower(name), name.casefold())
    for group in vocabulary.group_words:
        if " " in group and any(re.search(rf"(?<!\w){re.escape(group)}(?!\w)", text) for text in texts):
            return True
    for index, word in enumerate(words):
        izafet = IZAFET.match(word)
        if izafet:
            return True
        forms = _forms(word)
        if forms & vocabulary.group_words:
            return True
        if index == 0 and forms & vocabulary.titles_before and len(words) > 1:
            return True  # "Şeyh Sait", "Hoca Rasih"
        titles = forms & vocabulary.titles if index > 0 else set()
        # "Ahmet Efe" since the Surname Law is a family name, "Çakırcalı Efe" before it a title
        if titles and (before_surnames or not titles <= vocabulary.titles_also_surnames):
            return True
    if before_surnames:
        # a Turk before 1935: "Bekir Sami", "Ahmet Rıza"; not one written with initials ("A. Rıza")
        return len(words) >= 2 and not any(INITIALS.match(word) for word in words)
    return False


def split_name(name: str, before_surnames: bool = False) -> dict[str, str]:
    """A CSL name: family and given parts of a name as written ("Ю.А.Багиров", "Багиров Ю.А.",
    "Kazım Karabekir", "Karabekir, Kâzım"), or one literal name ("Bekir Sami Bey", "Heyet-i Temsiliye")."""
    name = name.strip()
    if is_one_name(name, before_surnames):
        return {"literal": name}
    family_first = re.match(r"^([^,]+),\s*([^,]+)$", name)
    if family_first:
        return {"family": family_first.group(1).strip(), "given": family_first.group(2).strip()}
    glued = GLUED_INITIALS.match(name)
    if glued and not INITIALS.match(name):
        return {"family": glued.group(2).strip(), "given": glued.group(1).strip()}
    words = name.split()
    if len(words) >= 2 and INITIALS.match(" ".join(words[1:])):
        return {"family": words[0].rstrip(","), "given": " ".join(words[1:])}
    if len(words) >= 2:
        return {"family": words[-1], "given": " ".join(words[:-1])}
    return {"literal": name}
