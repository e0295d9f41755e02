"""Who and what took part in a happening, read from the names of its clause: their case endings and the
postpositions after them (Turkish), the prepositions before them (English, Russian), their type and the
voice of the verb. Not every name of the sentence: only those of the predicate's clause.

Roles: agent (who did it), patient (what or whom it was done to), recipient (to whom: a telegram's
addressee), place (where), instrument (the treaty, congress or assembly it was of or by), intermediary
(through whom: "Kâzım Karabekir aracılığıyla", "through the mediation of Soviet Russia").
"""

from __future__ import annotations

from functools import cache

from vakanuvis.annotate.events.predicates import (
    Predicate,
    first_words_of,
    happening_kind,
    plain,
    turkish_verb,
    words_of,
)
from vakanuvis.lang import language_data
from vakanuvis.lang.tr.morphology import possessed_in_oblique_case
from vakanuvis.model import EVENT_ROLES, EntityMention

NAMED_HAPPENINGS = ("treaty", "meeting")
ARTICLES = frozenset({"the", "a", "an"})


@cache
def _case_of_ending() -> dict[str, str]:
    endings = language_data("tr", "events").get("case_endings", {})
    return {plain(str(ending)): case for case, forms in endings.items() for ending in forms}


@cache
def role_markers(language: str) -> dict[str, str]:
    data = language_data(language, "events")
    if language == "tr":
        return {plain(str(word)): role for word, role in data.get("role_postpositions", {}).items()}
    return {str(word): role for word, role in data.get("role_prepositions", {}).items()}


@cache
def _counterpart_words(language: str) -> tuple[str, ...]:
    words = language_data(language, "events").get("counterpart_words", [])
    return tuple(plain(str(word)) if language == "tr" else str(word) for word in words)


@cache
def _endings_longest_first() -> tuple[str, ...]:
    return tuple(sorted(_case_of_ending(), key=len, reverse=True))


@cache
def _classifiers() -> tuple[str, ...]:
    return tuple(plain(str(word)) for word in language_data("tr", "events").get("place_classifiers", []))


def turkish_case(mention: EntityMention, next_word: str = "") -> str:
    """The case a Turkish name is in, from what its written form adds to its name ("Ankara’ya": dative),
    or, for a place named with the word after it ("Lozan şehrinde"), what that word ends in."""
    written, surface = plain(mention.text), plain(mention.surface)
    if written.startswith(surface):
        ending = written[len(surface) :]
    else:  # an honoured form ("Harbiye Nezaret-i Celilesine" for Harbiye Nezareti): its last word's ending
        ending = next(
            (e for e in _endings_longest_first() if written.endswith(e) and len(written) > len(e) + 3), ""
        )
    following = plain(next_word)
    if not ending and mention.type == "place" and following.startswith(_classifiers()):
        for size in (4, 3, 2, 1):
            case = _case_of_ending().get(following[-size:])
            if case and len(following) > size + 2:
                return case
    if not ending:
        return "nominative"
    return _case_of_ending().get(ending, "other")


def clause_start(text: str, sentence_start: int, predicate: Predicate, date_start: int) -> int:
    """Where the Turkish clause of a predicate begins: after the last finite verb before its date."""
    start = sentence_start
    for word in words_of(text, sentence_start, min(date_start, predicate.start)):
        reading = turkish_verb(word.text)
        if reading is not None and reading.finite:
            start = word.end
    return start


def assign_roles(
    text: str,
    mentions: list[tuple[int, EntityMention]],
    predicate: Predicate | None,
    clause: tuple[int, int],
    language: str,
) -> dict[str, list[int]]:
    """Role -> indices of the mentions (of `mentions`, (index, mention) of the clause) that fill it."""
    roles: dict[str, list[int]] = {}

    def add(role: str, index: int) -> None:
        if index not in roles.setdefault(role, []):
            roles[role].append(index)

    in_clause = [
        (index, mention)
        for index, mention in mentions
        if clause[0] <= mention.span.start
        and mention.span.end <= clause[1]
        and not (predicate is not None and predicate.start <= mention.span.start < predicate.end)
    ]
    found_roles = {
        index: (
            _turkish_role(text, mention, predicate)
            if language == "tr"
            else _prepositional_role(text, mention, predicate, language)
        )
        for index, mention in in_clause
    }
    if language == "tr":
        _share_coordinated_roles(text, in_clause, found_roles)
    else:
        marked = {i for i, m in in_clause if _preposition_before(text, m, language)[0]}
        _share_coordinated_roles(text, in_clause, found_roles, forward_from=marked)
    if language == "tr" and predicate is not None and predicate.participle:
        head = _head_of_participle(text, mentions, predicate)
        if head is not None:
            in_clause.append(head)
            found_roles[head[0]] = "patient" if predicate.passive else "agent"
    for index, mention in in_clause:
        role = found_roles[index]
        if mention.type in NAMED_HAPPENINGS:
            add("instrument", index)
            if role in ("agent", "patient") and mention.type == "treaty":
                add("patient", index)  # "Moskova Muahedesi imzalandı": the treaty signed
            continue
        if role:
            add(role, index)
    return {role: roles[role] for role in EVENT_ROLES if role in roles}


COORDINATORS = frozenset({",", "ve", "ile", "ve de", "and", ",and", ", and", "и", "or", "veya"})


def _share_coordinated_roles(
    text: str,
    in_clause: list[tuple[int, EntityMention]],
    found_roles: dict[int, str],
    forward_from: set[int] | None = None,
) -> None:
    """Names joined by "," or "ve" ("Türkiye, İngiltere ve Irak arasında") share the role of the last,
    which the postposition after them gives. With prepositions (`forward_from`: the names that have one
    of their own) the first gives it: "signed by Turkey and Soviet Russia", the names after it that have
    none of their own take it."""
    ordered = sorted(in_clause, key=lambda pair: pair[1].span.start)
    pairs = list(zip(ordered[:-1], ordered[1:], strict=True))

    def joined(mention: EntityMention, following: EntityMention) -> bool:
        between = text[mention.span.end : following.span.start].casefold().split()
        while between and between[-1] in ARTICLES:  # "between the Angora Government and the Soviet …"
            between.pop()
        return " ".join(between) in COORDINATORS

    if forward_from is None:
        for (index, mention), (next_index, following) in reversed(pairs):
            if joined(mention, following) and found_roles.get(next_index):
                found_roles[index] = found_roles[next_index]
        return
    for (index, mention), (next_index, following) in pairs:
        if index in forward_from and next_index not in forward_from and joined(mention, following):
            found_roles[next_index] = found_roles[index]
            forward_from.add(next_index)


def _head_of_participle(
    text: str, mentions: list[tuple[int, EntityMention]], predicate: Predicate
) -> tuple[int, EntityMention] | None:
    """The name right after a participle, which it describes ("imzalanan Mudanya Ateşkes Antlaşması")."""
    for index, mention in mentions:
        if mention.span.start >= predicate.end and text[predicate.end : mention.span.start].strip() == "":
            return index, mention
    return None


MARKER_REACH = 3  # words after a name where its postposition may stand ("İtilaf kuvvetleri tarafından")


def _marker_after(text: str, position: int) -> str:
    """The role a postposition after a name gives it, through the lowercase words of its noun phrase."""
    words = first_words_of(text, position, min(len(text), position + 80), MARKER_REACH + 1)
    previous_end = position
    for at, word in enumerate(words[:MARKER_REACH]):
        if text[previous_end : word.start].strip():
            return ""  # punctuation ends the name's phrase
        marker = role_markers("tr").get(plain(word.text))
        if marker == "agent" and at + 1 < len(words):
            if plain(words[at + 1].text).startswith(_counterpart_words("tr")):
                return "recipient"  # "Osmanlı Devleti ile temasa geçti": the one contacted
        if marker:
            return marker
        if not word.text[:1].islower() or turkish_verb(word.text) is not None:
            return ""
        previous_end = word.end
    return ""


def _next_word(text: str, position: int) -> str:
    words = first_words_of(text, position, min(len(text), position + 40), 1)
    return words[0].text if words and text[position : words[0].start].strip() == "" else ""


def _turkish_role(text: str, mention: EntityMention, predicate: Predicate | None) -> str:
    following = _next_word(text, mention.span.end)
    marker = _marker_after(text, mention.span.end)
    if marker:
        return marker
    case = turkish_case(mention, following)
    if case == "nominative" and following[:1].islower() and possessed_in_oblique_case(following):
        return ""  # "Çiçerin hatıratında …": the possessor of another noun, not of the clause
    passive = predicate is not None and predicate.passive
    place = mention.type == "place"
    if case == "nominative":
        return "patient" if passive else "agent"
    if case == "accusative":
        return "patient"
    if case == "dative":
        return "place" if place else "recipient"
    if case in ("locative", "ablative"):
        return "place" if place else ""
    if case == "genitive":
        return "patient" if predicate is not None and predicate.nominal else ""
    if case == "instrumental":
        return "agent"
    return ""


@cache
def _marker_lengths(language: str) -> tuple[int, ...]:
    """The numbers of words of the language's prepositions, most first ("through the mediation of")."""
    return tuple(sorted({len(marker.split()) for marker in role_markers(language)}, reverse=True))


def _preposition_before(text: str, mention: EntityMention, language: str) -> tuple[str, list[str]]:
    """The role the preposition before a name gives it (its articles passed over), and the words before
    the preposition, lower case."""
    before = [w.text.lower() for w in words_of(text, max(0, mention.span.start - 60), mention.span.start)]
    while before and before[-1] in ARTICLES:
        before.pop()
    markers = role_markers(language)
    for size in _marker_lengths(language):
        marker = markers.get(" ".join(before[-size:])) if len(before) >= size else None
        if marker:
            return marker, before[:-size]
    return "", before


def _prepositional_role(text: str, mention: EntityMention, predicate: Predicate | None, language: str) -> str:
    marker, before = _preposition_before(text, mention, language)
    place = mention.type == "place"
    if marker == "way":
        return "place" if place else "intermediary"  # "through Batum", "through Chicherin"
    if marker == "place":
        return "place" if place else ""
    if marker == "recipient" or (
        marker == "agent" and before and before[-1].startswith(_counterpart_words(language))
    ):  # "got into touch with Turkey": the one contacted
        return "place" if place and marker == "recipient" else "recipient"
    if marker == "patient":
        # "of": a name's complement, not the happening's, unless the name is of the happening's own noun
        # ("The occupation of Constantinople … was carried out")
        noun = before[-1] if before else ""
        told = predicate is not None and predicate.kind and happening_kind(language, noun) == predicate.kind
        return "patient" if told else ""
    if marker:
        return marker
    if predicate is None:
        return ""
    if mention.span.start < predicate.start:
        return "patient" if predicate.passive else "agent"
    return "patient"  # after the verb: its object, or the subject of a Russian passive ("подписан договор")
