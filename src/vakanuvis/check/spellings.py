"""One person or place spelled two ways in one document, and one name listed twice in an enumeration.

An article that writes "Hüseynov" on one page and "Hüseyinov" on the next, or a body that says "Nerimanov"
where its note says "Nərimanov", leaves the reader unsure whether one man is meant. What is compared is a
name's words as written, with what does not make a spelling left out: the case ending (the surfaces have
none), the apostrophe, the circumflex of the period's orthography ("Kâzım" is "Kazım"), a full name against
its surname or its initials ("Frunze", "M. Frunze", "Mihail Frunze"). What is left must differ a little, as
two spellings of one word do ("Neriman"/"Nariman"), or be one word in two alphabets' habits ("Paşa"/"Pasha");
words that differ a lot are two names of one thing (a translation, "Gürcistan"/"Georgia"), no misspelling.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import process
from rapidfuzz.distance import Indel

from vakanuvis.check.evidence import evidence_at
from vakanuvis.lang.entity_words import entity_words
from vakanuvis.lang.latin import CYRILLIC
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.model import Document, Entity, EntityMention, Finding, Span
from vakanuvis.structure.guess import guess_language
from vakanuvis.structure.sentences import SentenceIndex

NAMED_TYPES = ("person", "place")
NAME_WORD = re.compile(r"[^\W\d_]+\.?")
# between two names of one enumeration: a comma, "ve", "and", "и", "ile" (and a comma before any of them)
ENUMERATION_GAP = re.compile(r"^\s*,?\s*(?:ve|and|и|ile|with|,)?\s*$", re.I)
# the same, before an office or title that belongs to the next name: ", Erzurum Mebusu ", " ve Vali "
ENUMERATION_GAP_WITH_OFFICE = re.compile(
    r"^\s*(?:,\s*(?:(?:ve|and|и|ile|with)\s+)?|(?:ve|and|и|ile|with)\s+)(?P<office>[^,;:()]*?)\s*$", re.I
)
OFFICE_WORDS_AT_MOST = 3  # "Hariciye Halk Komiseri", "Erzurum Valisi", "Dr."
POSSESSIVE_ENDINGS = ("sı", "si", "su", "sü", "ı", "i", "u", "ü")
APOSTROPHES = re.compile(r"[’'`ʼ]")
# one sound written in the habits of two alphabets: Turkish "ş" is English "sh", "ç" "ch", "c" "j"
TRANSCRIPTIONS = (("ş", "sh"), ("ç", "ch"), ("c", "j"), ("ğ", "gh"), ("ü", "u"), ("ö", "o"), ("ı", "i"))
# How alike two words must be to be two spellings of one: the same entity's forms (the resolver joined them)
# may differ more than two entities' names, which are two people unless nearly identical ("Kemal"/"Cemal").
SAME_ENTITY_SIMILARITY = 0.75
NEAR_MISS_SIMILARITY = 0.85
NEAR_MISS_LENGTH = 6  # a short word differing by one letter is as likely another name
# a footnote's word against a body surname: one person is named in both, as footnotes often do
FOOTNOTE_SIMILARITY = 0.8
ALIKE_AT_ALL = 0.5  # two whole names less alike than this hold no two spellings of one name


def _plain(word: str) -> str:
    """A word in lower case, without apostrophe or circumflex ("Kâzım" → "kazım"), the Turkish ı kept."""
    word = APOSTROPHES.sub("", turkish_lower(word)).rstrip(".")
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize("NFC", decomposed.replace("\u0302", ""))


@lru_cache(maxsize=65536)
def _transcribed(word: str) -> str:
    for letter, written in TRANSCRIPTIONS:
        word = word.replace(letter, written)
    return word.replace("ə", "e").replace("ә", "e").replace("kh", "h")


def name_words(surface: str) -> tuple[str, ...]:
    """The words of a name, plain; initials ("V.İ.") one letter each, honorific titles ("Bey") kept."""
    words: list[str] = []
    for match in NAME_WORD.finditer(surface):
        word = _plain(match.group())
        if word:
            words.append(word)
    return tuple(words)


def _fits(short: str, long: str) -> bool:
    """The same word, or an initial of it."""
    return (
        short == long or (len(short) == 1 and long.startswith(short)) or (len(long) == 1 and short[0] == long)
    )


@lru_cache(maxsize=262_144)
def spelling_difference(first: str, second: str, similarity: float) -> tuple[str, str] | None:
    """Two words that are two spellings of one word, or None: not the same, neither the other with an
    ending ("Nahçıvan"/"Nahçıvanlı", "Aleksandr"/"Aleksandre" cannot be told from a suffix), and alike by
    `similarity` (normalized Indel) or the same once transcribed ("Paşa"/"Pasha")."""
    if first == second or len(first) < 3 or len(second) < 3:
        return None
    if first.startswith(second) or second.startswith(first):
        return None
    if (
        _transcribed(first) == _transcribed(second)
        or Indel.normalized_similarity(first, second) >= similarity
    ):
        return first, second
    return None


def name_variant(first: tuple[str, ...], second: tuple[str, ...], similarity: float) -> list[tuple[str, str]]:
    """The word pairs that make two names two spellings of one; empty when they are the same name (a full
    name and its surname or initials count as the same) or two different names."""
    short, long = sorted((first, second), key=len)
    differences = []
    for word in short:
        if any(_fits(word, other) for other in long):
            continue
        variants = [pair for other in long if (pair := spelling_difference(word, other, similarity))]
        if not variants:
            return []  # a word the other name does not have at all: another name, not another spelling
        differences.append(variants[0])
    return differences


@dataclass(frozen=True)
class Written:
    """One form of a name as one document writes it, with its first mention."""

    words: tuple[str, ...]
    mention: EntityMention
    language: str  # the language of its paragraph: "tr" (and Azerbaijani), "en", "ru"

    @property
    def joined(self) -> str:
        return " ".join(self.words)


def _language_family(code: str) -> str:
    return "tr" if code in ("tr", "az") else code


def _block_languages(document: Document) -> dict[int, str]:
    """The language of each paragraph that names something: an English abstract beside a Turkish body
    writes "Azerbaijan" for "Azerbaycan", a translation, no misspelling."""
    languages = {}
    for index, block in enumerate(document.blocks):
        text = document.text[block.span.start : block.span.end]
        languages[index] = _language_family(guess_language(text)) if text.strip() else document.language
    return languages


def _sentence_index(document: Document) -> SentenceIndex:
    return SentenceIndex([(s.span.start, s.span.end) for s in document.sentences])


def _written_forms(document: Document) -> dict[str, list[Written]]:
    """Every distinct form of each person and place the document names (entity key -> forms in text order)."""
    sentences = _sentence_index(document)
    languages = _block_languages(document)
    forms: dict[str, dict[tuple[str, ...], Written]] = defaultdict(dict)
    for mention in document.mentions:
        if mention.type not in NAMED_TYPES or not mention.entity_key:
            continue
        if not _written_here(mention):
            continue
        # titles stay: one mention's "Paşa" and another's "Pasha" are a spelling too; a title only one of
        # them carries is a word the other lacks, as a given name is
        words = name_words(mention.surface)
        if not words:
            continue
        language = _language_family(document.language)
        if mention.span.footnote is None:
            index = sentences.containing(mention.span.start)
            if index is not None:
                language = languages.get(document.sentences[index].block, language)
        if CYRILLIC.search(mention.surface):
            language = "ru"
        forms[mention.entity_key].setdefault(words, Written(words, mention, language))
    lower = {
        frozenset(_dotless_folded(form.words))
        for written in forms.values()
        for form in written.values()
        if not form.mention.surface.isupper()
    }
    return {
        key: _without_capitals_read_twice(list(written.values()), lower) for key, written in forms.items()
    }


def _dotless_folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(word.replace("ı", "i") for word in words)


def _without_capitals_read_twice(forms: list[Written], lower: set[frozenset[str]]) -> list[Written]:
    """The forms without those written in capitals (a heading, a signature) whose words a form of any
    entity (`lower`: the words of each, folded) spells alike but for ı and i: a capital I is Turkish ı when lower-cased, so "BOUILLON" is "Bouillon",
    not another spelling."""
    return [
        form
        for form in forms
        if not (
            form.mention.surface.isupper()
            and any(set(_dotless_folded(form.words)) <= words for words in lower)
        )
    ]


def _written_here(mention: EntityMention) -> bool:
    """The surface is what the text writes, its ending cut off: an office's bearer ("Hariciye Halk Komiseri"
    as "Chicherin") or a name completed from elsewhere ("Ethem Bey" as "Çerkes Ethem") is no spelling."""
    surface = _plain(mention.surface).replace(" ", "")
    return bool(surface) and _plain(mention.text).replace(" ", "").startswith(surface)


@cache
def _titles() -> frozenset[str]:
    words = entity_words()
    return frozenset(map(_plain, words.titles_before | words.titles_after))


def _name_without_titles(surface: str) -> tuple[str, ...]:
    """A name's words without the titles that only some mentions carry ("Mustafa Kemal Paşa"); a name that
    is all title words ("Paşa Hazretleri") stays whole."""
    words = name_words(surface)
    kept = tuple(word for word in words if word not in _titles())
    return kept or words


def _describe(written: Written, document: Document) -> str:
    where = "body" if written.mention.span.footnote is None else f"footnote {written.mention.span.footnote}"
    return f"“{evidence_at(document, written.mention.span).text}” ({where})"


def _spelling_finding(document: Document, name: str, forms: list[Written], similarity: float) -> Finding:
    listed = " and ".join(_describe(written, document) for written in forms)
    words = {
        pair
        for index, first in enumerate(forms)
        for second in forms[index + 1 :]
        for pair in name_variant(first.words, second.words, similarity)
    }
    # the words as written ("Hüseynov" / "Hüseyinov"), not as compared
    written = {
        _plain(m.group()): m.group().rstrip(".")
        for form in forms
        for m in NAME_WORD.finditer(form.mention.surface)
    }
    differing = "; ".join(f"“{written.get(a, a)}” / “{written.get(b, b)}”" for a, b in sorted(words))
    return Finding(
        kind="spelled-two-ways",
        message=f"{name} is spelled two ways in this document: {listed}, that is {differing}. "
        "If one person or place is meant, one spelling should be kept; if two, they should be told apart.",
        evidence=[evidence_at(document, written.mention.span) for written in forms],
        severity="note",
    )


def _variant_forms(forms: list[Written], similarity: float) -> list[Written]:
    """The forms that some other form of the list spells differently, in text order."""
    chosen: list[Written] = []
    for index, first in enumerate(forms):
        for second in forms[index + 1 :]:
            if first.language != second.language:
                continue
            if name_variant(first.words, second.words, similarity):
                chosen += [form for form in (first, second) if form not in chosen]
    return sorted(chosen, key=lambda form: form.mention.span.start)


def find_spelling_variants(document: Document, entities: dict[str, Entity]) -> list[Finding]:
    """Forms of one entity (joined by the resolver) that spell a name differently, and two entities of one
    type whose names differ by a spelling only (a near-miss the resolver kept apart)."""
    forms = _written_forms(document)
    findings = []
    for key, written in forms.items():
        variants = _variant_forms(written, SAME_ENTITY_SIMILARITY)
        if variants:
            entity = entities.get(key)
            findings.append(
                _spelling_finding(
                    document,
                    entity.name if entity else variants[0].mention.surface,
                    variants,
                    SAME_ENTITY_SIMILARITY,
                )
            )
    findings += _near_misses(document, forms, entities)
    findings += _footnote_spellings(document, forms, entities)
    return findings


def _mostly_cyrillic(word: str) -> bool:
    return len(CYRILLIC.findall(word)) * 2 > len(word)


def _footnote_spellings(
    document: Document, forms: dict[str, list[Written]], entities: dict[str, Entity]
) -> list[Finding]:
    """A person's surname as the body writes it against a capitalized word of a footnote's own prose that
    spells it otherwise ("Poqos Makinsiyan" / "Poqos Makinzyan"): the footnotes are not read for names, so
    their words are compared with the body's surnames. Surnames only, long ones only, not places, and not
    the references: a cited Azerbaijani work prints "N. Nərimanov" and "Azərbaycan" as that language does."""
    surnames: dict[str, Written] = {}
    for written in forms.values():
        for form in written:
            if (
                form.mention.type == "person"
                and form.language == "tr"
                and len(form.words[-1]) >= NEAR_MISS_LENGTH
            ):
                surnames.setdefault(form.words[-1], form)
    known = {form.words[-1] for written in forms.values() for form in written}
    findings = []
    seen: set[tuple[str, str]] = set()
    for note in document.footnotes:
        # a reference gives its author and title as the work prints them ("N. Nərimanov, … Bakı, 1992")
        cited = [c.span for c in document.citations if c.span.footnote == note.number]
        for match in NAME_WORD.finditer(note.text):
            token = APOSTROPHES.split(match.group().rstrip("."))[0]
            if not token[:1].isupper() or _mostly_cyrillic(token):
                continue
            if any(span.start <= match.start() < span.end for span in cited):
                continue
            word = _plain(token)
            if len(word) < NEAR_MISS_LENGTH or word in known:
                continue
            for surname, form in surnames.items():
                if (surname, word) in seen or not spelling_difference(word, surname, FOOTNOTE_SIMILARITY):
                    continue
                seen.add((surname, word))
                entity = entities.get(form.mention.entity_key)
                name = entity.name if entity else form.mention.surface
                span = Span(match.start(), match.start() + len(token), note.number)
                findings.append(
                    Finding(
                        kind="spelled-two-ways",
                        message=f"{name} is written “{form.mention.surface}” in the body but "
                        f"“{token}” in footnote {note.number}. If one person is meant, one spelling "
                        "should be kept.",
                        evidence=[evidence_at(document, form.mention.span), evidence_at(document, span)],
                        severity="note",
                    )
                )
    return findings


def _guessed(key: str, entities: dict[str, Entity]) -> bool:
    """An entity whose type is the recognizer's guess, found nowhere else: a place with no coordinates, a
    person known by one name in this document only (its key scoped to the document). "Sarıkamuş’tan" taken
    for a man, "Eliyava" for a town: a misspelling is what the authority file does not know."""
    entity = entities.get(key)
    if entity is None:
        return False
    if entity.type == "place":
        return entity.lat is None
    return entity.type == "person" and "@" in key


def _near_misses(
    document: Document, forms: dict[str, list[Written]], entities: dict[str, Entity] | None = None
) -> list[Finding]:
    """Two entities of one type whose names differ by a spelling only, or of two types when one type is a
    guess (`_guessed`). Each form is compared, by rapidfuzz in one pass, with the forms of its type (or of
    both, for a guess) that are alike at all; those are few."""
    everything = [(key, form) for key, written in forms.items() for form in written]
    pairs: dict[tuple[str, str], tuple[Written, Written]] = {}
    guessed = {key for key in forms if _guessed(key, entities or {})}
    for kind in (*NAMED_TYPES, "guessed"):
        if kind == "guessed":
            # a guessed entity's forms against the other type's: only pairs with one guess in them count
            typed = [(key, form) for key, form in everything if form.mention.type in NAMED_TYPES]
        else:
            typed = [(key, form) for key, form in everything if form.mention.type == kind]
        choices = [form.joined for _, form in typed]
        for index, (key, form) in enumerate(typed):
            alike = process.extract(
                form.joined,
                choices,
                scorer=Indel.normalized_similarity,
                score_cutoff=ALIKE_AT_ALL,
                limit=None,
            )
            for _, _, other in alike:
                other_key, other_form = typed[other]
                if other <= index or other_key == key or form.language != other_form.language:
                    continue
                if kind == "guessed" and (
                    form.mention.type == other_form.mention.type or not {key, other_key} & guessed
                ):
                    continue
                pair = tuple(sorted((key, other_key), key=lambda k: forms[k][0].mention.span.start))
                if pair in pairs:
                    continue
                differences = name_variant(form.words, other_form.words, NEAR_MISS_SIMILARITY)
                if differences and all(min(len(a), len(b)) >= NEAR_MISS_LENGTH for a, b in differences):
                    first, second = sorted((form, other_form), key=lambda w: w.mention.span.start)
                    pairs[(pair[0], pair[1])] = (first, second)
    return [
        _spelling_finding(document, first.mention.surface, [first, second], NEAR_MISS_SIMILARITY)
        for first, second in sorted(pairs.values(), key=lambda p: p[0].mention.span.start)
    ]


# ---------------------------------------------------------------- listed twice


@cache
def _offices() -> frozenset[str]:
    words = entity_words()
    return frozenset(map(_plain, words.office_words | words.titles_before))


def _is_office(word: str) -> bool:
    """An office or title word, with the possessive of an izafet ("Valisi", "Mebusu") or without."""
    plain = _plain(word)
    return plain in _offices() or any(
        plain.endswith(ending) and plain[: -len(ending)] in _offices() for ending in POSSESSIVE_ENDINGS
    )


def enumeration_gap(gap: str) -> bool:
    """Whether the text between two names joins them in one list: a comma or "ve"/"and", and perhaps the
    office or title of the next one ("Erzurum Valisi Hamit Bey, Erzurum Mebusu Süleyman Necati Bey ve Vali
    Hamit Bey"): a few capitalized words ending in an office word."""
    if ENUMERATION_GAP.match(gap):
        return True
    found = ENUMERATION_GAP_WITH_OFFICE.match(gap)
    words = found.group("office").split() if found else []
    if not words or len(words) > OFFICE_WORDS_AT_MOST:
        return False
    return _is_office(words[-1]) and all(word[:1].isupper() for word in words)


def _enumerations(document: Document) -> list[list[EntityMention]]:
    """Runs of person mentions in one body sentence with nothing but a comma or "ve"/"and" between them,
    and perhaps the next one's office."""
    sentences = _sentence_index(document)
    runs: list[list[EntityMention]] = []
    current: list[EntityMention] = []
    previous_sentence = None
    for mention in document.mentions:
        if mention.span.footnote is not None or mention.type != "person":
            continue
        sentence = sentences.containing(mention.span.start)
        joined = (
            current
            and sentence == previous_sentence
            and enumeration_gap(document.text[current[-1].span.end : mention.span.start])
        )
        if not joined:
            if len(current) > 1:
                runs.append(current)
            current = []
        current.append(mention)
        previous_sentence = sentence
    if len(current) > 1:
        runs.append(current)
    return runs


def _one_person(first: EntityMention, second: EntityMention) -> bool:
    """The same person named twice: one entity, the same name, or one name the shorter form of the other
    with its surname and at least an initial ("İ. Aralov" of "S. İ. Aralov"; "Kemal Bey" beside "Mustafa
    Kemal" may well be another Kemal)."""
    if first.entity_key and first.entity_key == second.entity_key:
        return True
    a, b = _name_without_titles(first.surface), _name_without_titles(second.surface)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) < 2 or short[-1] != long[-1]:
        return False
    given = list(long[:-1])
    for word in reversed(short[:-1]):
        while given and not _fits(word, given[-1]):
            given.pop()
        if not given:
            return False
        given.pop()
    return True


def find_names_listed_twice(document: Document) -> list[Finding]:
    """One person listed twice in one enumeration ("S. İ. Aralov, İ. Aralov ve Zvanaryov"), as if two."""
    findings = []
    for run in _enumerations(document):
        for index, first in enumerate(run):
            second = next((other for other in run[index + 1 :] if _one_person(first, other)), None)
            if second is None:
                continue
            findings.append(
                Finding(
                    kind="listed-twice",
                    message=f"“{first.text}” and “{second.text}” stand in one list of people as if they were "
                    "two, but they name the same person: a name is repeated or one of them is wrong.",
                    evidence=[evidence_at(document, first.span), evidence_at(document, second.span)],
                    severity="warning",
                )
            )
            break
    return findings
