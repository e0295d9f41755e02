"""What happened at a date: the verb or verbal noun of the date's clause, its voice and its kind.

Turkish puts the verb after what it governs, so a date's predicate is the first verb after it in its
sentence ("16 Mart 1921’de Moskova’da muahede imzalandı"; "23 Nisan’da açılan Meclis …"), or, when none
follows, the last one before it. A verb that carries a noun's meaning ("işgal edildi", "küşâd olundu")
takes that noun with it. Words are read by zeyrek's analyses; words it does not know (the period's
spellings) by their endings. English and Russian take the verb nearest the date in its clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import islice

from vakanuvis.annotate.dates.lexicon import unmarked
from vakanuvis.lang import language_data
from vakanuvis.lang.tr import morphology
from vakanuvis.lang.tr.casing import turkish_lower

WORD = re.compile(r"[^\W\d_](?:[\w’'\-]*\w)?")
CYRILLIC = re.compile(r"[А-Яа-яЁё]")
CLAUSE_BOUNDARY = re.compile(r"[;:]")
FINITE = frozenset({"Past", "Narr", "Fut", "Aor", "Prog1", "Prog2", "Neces", "Pres", "Cond", "Desr"})
NOMINAL = frozenset(
    {"Inf1", "Inf2", "Inf3", "PastPart", "PresPart", "FutPart", "NarrPart", "AorPart", "FeelLike"}
)
# the endings of a finite verb or participle in a word zeyrek does not know ("olunmuştur", "akdeylemiştir")
TURKISH_VERB_ENDING = re.compile(
    r"(?:[dt][ıiuü](?:m|n|k|nız|niz|nuz|nüz|lar|ler)?|m[ıiuü]ş(?:t[ıiuü]r|lar|ler)?|[ae]c[ae]k(?:t[ıi]r)?"
    r"|[ıiuü]?yor(?:du|lar|muş)?|m[ae]kt[ae]d[ıi]r|[dt]ı[ğk]ı|[dt]i[ğk]i|[dt]u[ğk]u|[dt]ü[ğk]ü)$"
)
# the most words of a name between "tarihli" and the treaty it dates ("Türk-Sovyet Dostluk ve Kardeşlik
# Antlaşması")
MOST_NAME_WORDS = 6
# a noun's third-person possessive, with a case after it ("küşadı", "işgali", "açılışıyla", "işgaline")
# ("içtimaında", in the locative, is the setting of what its clause tells: "… içtimaında kabul olunmuştur")
POSSESSIVE_NOUN = re.compile(r"s?[ıiuü](?:n[dt][ae]n|yl[ae]|n[ae]|n[ıiuü]n?)?$")
FEWEST_NOUN_LETTERS = 6  # the fewest letters of such a noun ("yeni" is no "yen-i", a defeat)
FUSED_LIGHT_PARTICIPLE = re.compile(r"(?:olunan|edilen|eylenen|kılınan)$")
PASSIVE_CONVERB = re.compile(r"(?:[ıiuü]l|[ıiuü]?n)(?:[ae]r[ae]k|[ıiuü]p)$")  # "imzalanarak", "imzalanıp"
TURKISH_PASSIVE_ENDING = re.compile(r"(?:[ıiuü]l|[ıiuü]?n)(?:[dt][ıiuü]|m[ıiuü]ş|[ae]c[ae]k|[ae]n|[ıiuü]r)")


@dataclass(frozen=True)
class Predicate:
    """The verb (with the noun a light verb carries) that says what happened, as written."""

    start: int  # offsets in the document's text
    end: int
    text: str
    kind: str  # a kind shared by all languages ("sign", "open", "take" …), "" when none is known
    passive: bool  # its subject is what the happening was done to
    nominal: bool  # a verbal noun or participle: a name in the genitive before it is its patient
    participle: bool = False  # an adjective of the noun after it ("imzalanan Antlaşma"): that noun takes part
    dated_document: bool = False  # "… tarihli telgraf": the date of a document its clause goes on to tell of


class Word:
    """A word of a clause with its offsets in the document's text.

    Immutable by convention and compared by value, like a frozen dataclass, but made in a third of the
    time: the events read every word of every dated clause, several times over."""

    __slots__ = ("start", "end", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text

    def _key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.text)

    def __eq__(self, other: object) -> bool:
        return other.__class__ is self.__class__ and self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Word(start={self.start!r}, end={self.end!r}, text={self.text!r})"


def words_of(text: str, start: int, end: int) -> list[Word]:
    return [Word(m.start(), m.end(), m.group()) for m in WORD.finditer(text, start, end)]


def first_words_of(text: str, start: int, end: int, count: int) -> list[Word]:
    """`words_of(text, start, end)[:count]`, without reading the words after them."""
    return [Word(m.start(), m.end(), m.group()) for m in islice(WORD.finditer(text, start, end), count)]


def sentence_language(document_language: str, sentence: str) -> str:
    """The language a sentence's verbs are read in: Russian when it is written in Cyrillic, else the
    document's (English or Turkish; Azerbaijani reads as Turkish)."""
    # a sentence without a Cyrillic letter (almost every one) need not have its letters counted
    if CYRILLIC.search(sentence) and len(CYRILLIC.findall(sentence)) * 2 > sum(
        ch.isalpha() for ch in sentence
    ):
        return "ru"
    return "en" if document_language == "en" else "tr"


def find_predicate(
    text: str, sentence: tuple[int, int], date: tuple[int, int], language: str
) -> Predicate | None:
    """The predicate of the date at `date` (offsets) in the sentence at `sentence`, or None."""
    start, end = clause_around(text, sentence, date)
    treaty = _treaty_before_parenthesis(text, start, date, language)
    if treaty is not None:
        return treaty
    words = words_of(text, start, end)
    if language == "tr":
        return _turkish_predicate(words, date)
    return _nearest_predicate(text, words, date, language)


def _treaty_before_parenthesis(
    text: str, clause_start: int, date: tuple[int, int], language: str
) -> Predicate | None:
    """ "Moskova Antlaşması (16 Mart 1921) ile …", "Meclis’in açılışı (23 Nisan 1920) ile …": a date in
    brackets after a treaty's word (its signing) or a happening's noun dates that, whatever the clause
    goes on to say was done under it or after it."""
    if text[date[1] : date[1] + 1] != ")" or text[clause_start : date[0]].rstrip()[-1:] != "(":
        return None
    words = words_of(text, clause_start, text.rindex("(", clause_start, date[0]))
    if not words:
        return None
    word = words[-1]
    kind = happening_kind(language, word.text)
    if (
        not kind
        or (kind != "sign" and not word.text[:1].islower())
        or (language == "tr" and turkish_verb(word.text))
    ):
        return None
    return Predicate(word.start, word.end, word.text, kind, passive=False, nominal=True, dated_document=True)


def clause_around(text: str, sentence: tuple[int, int], date: tuple[int, int]) -> tuple[int, int]:
    """The part of a sentence between the semicolons or colons around a date. A date alone before a colon
    heads the words after it, a chronicle's entry ("16 Mart 1337: Rusya ile Moskova’da muahede akdi."):
    its clause is theirs."""
    start, end = sentence
    for boundary in CLAUSE_BOUNDARY.finditer(text, start, end):
        if boundary.end() <= date[0]:
            start = boundary.end()
        elif boundary.start() >= date[1]:
            end = boundary.start()
            break
    alone = not WORD.search(text, start, date[0]) and not WORD.search(text, date[1], end)
    if alone and end < sentence[1] and text[end] == ":":
        following = CLAUSE_BOUNDARY.search(text, end + 1, sentence[1])
        return end + 1, following.start() if following else sentence[1]
    return start, end


def governed_clause(
    text: str, clause: tuple[int, int], predicate: Predicate, language: str
) -> tuple[int, int]:
    """The part of an English or Russian clause its verb governs: up to the next other verb after it
    ("Greek troops were landed here …, in accordance with the decision taken by the Supreme Council": the
    Council is of "taken"). A verb joined to it by "and" or a comma ("met and signed") shares its names."""
    start, end = clause
    joining = {"", ",", "and", "or", "и", "или"}
    for word in words_of(text, predicate.end, end):
        if (
            _is_verb(word.text, language)
            and text[predicate.end : word.start].strip().casefold() not in joining
        ):
            return start, word.start
    return start, end


# ---------------------------------------------------------------- Turkish


@dataclass(frozen=True)
class _Reading:
    lemma: str
    passive: bool
    finite: bool
    nominal: bool
    participle: bool = False


PARTICIPLES = frozenset({"PastPart", "PresPart", "FutPart", "NarrPart", "AorPart"})
HAPPENED = frozenset({"Past", "Narr", "Fut", "Prog1", "Prog2"})
INFINITIVES = frozenset({"Inf1", "Inf2", "Inf3"})
OBLIQUE_CASES = frozenset({"Dat", "Acc", "Loc", "Abl", "Ins", "Gen"})


@cache
def _turkish_data() -> dict:
    return language_data("tr", "events")


@cache
def _light_verbs() -> frozenset[str]:
    return frozenset(_turkish_data().get("light_verbs", []))


@cache
def _words(language: str, topic: str) -> frozenset[str]:
    """A list of words of a language's event data, read once."""
    return frozenset(str(w) for w in language_data(language, "events").get(topic, []))


def _not_predicates(language: str) -> frozenset[str]:
    return _words(language, "not_predicates")


@lru_cache(maxsize=262_144)  # the same words come back in every clause that is read
def plain(word: str) -> str:
    """Lower case, marked vowels plain, apostrophes out: the form kinds and endings are looked up in."""
    return turkish_lower(unmarked(word)).replace("’", "").replace("'", "")


@lru_cache(maxsize=262_144)  # as the morphology's own caches: bounded on a corpus's growing vocabulary
def turkish_verb(word: str) -> _Reading | None:
    """How `word` reads as a verb form, or None when it is no verb (names, nouns, postpositions)."""
    if not word[:1].islower() or word in _not_predicates("tr"):
        return None
    folded = plain(word)
    if folded in _not_predicates("tr"):
        return None
    analyses = morphology.analyze_word(folded)
    if analyses:
        if any(a.pos in ("Postp", "Conj", "Adv", "Pron", "Det") and a.lemma == folded for a in analyses):
            return None
        # a word the lexicon has as a noun or adjective of its own ("karar", "geçici", "çıktı") is a verb
        # only in a tense that says something happened ("çıktı": went out)
        plain_word = any(a.pos != "Verb" and len(a.morphemes) <= 2 and not a.proper for a in analyses)
        chosen: _Reading | None = None
        finite = False
        for analysis in analyses:
            if analysis.pos != "Verb":
                continue
            ids = [m[0] for m in analysis.morphemes]
            if ids in (["Verb", "Imp", "A2sg"], ["Verb", "Opt", "A3sg"]) or "Adv" in ids or "Agt" in ids:
                continue  # a bare stem ("yaz"), an adverb ("olarak", "gelince"), a doer ("geçici")
            if plain_word and not HAPPENED.intersection(ids):
                continue
            if INFINITIVES.intersection(ids) and OBLIQUE_CASES.intersection(ids):
                return None  # a verbal noun that is the object of another verb ("bırakılmasına karar verdi")
            participle = bool(PARTICIPLES.intersection(ids)) and "Adj" in ids
            finite = finite or (bool(FINITE.intersection(ids)) and not NOMINAL.intersection(ids))
            chosen = chosen or _Reading(
                lemma=analysis.lemma,
                passive="Pass" in ids,
                finite=False,
                nominal=bool(NOMINAL.intersection(ids)),
                participle=participle,
            )
        if chosen is None:
            return None
        # one reading finite ("toplanmış": it gathered) is enough to end a clause
        return _Reading(
            chosen.lemma, chosen.passive, finite, chosen.nominal, chosen.participle and not finite
        )
    if len(folded) >= 6 and FUSED_LIGHT_PARTICIPLE.search(folded):
        # "akdolunan", "neşredilen": a noun and a light verb written as one word, as a participle
        return _Reading(lemma=folded, passive=True, finite=False, nominal=True, participle=True)
    if len(folded) >= 6 and TURKISH_VERB_ENDING.search(folded):
        light = next((verb for verb in _light_verbs() if folded.startswith(verb[:2])), "")
        nominal = folded.endswith(("dığı", "diği", "duğu", "düğü", "tığı", "tiği", "tuğu", "tüğü"))
        return _Reading(
            lemma=light or folded,
            passive=bool(TURKISH_PASSIVE_ENDING.search(folded)),
            finite=not nominal,
            nominal=nominal,
        )
    return None


def _turkish_predicate(words: list[Word], date: tuple[int, int]) -> Predicate | None:
    after = [i for i, w in enumerate(words) if w.start >= date[1]]
    before = [i for i, w in enumerate(words) if w.end <= date[0]]
    dated = _turkish_words("dated_document_words")
    inside = [w for w in words if date[0] <= w.start < date[1]]
    if inside and plain(inside[-1].text) in dated:  # the date's span holds its "tarihli"
        return _dated_document(words, [words.index(inside[-1]), *after])
    if after and plain(words[after[0]].text) in dated:
        return _dated_document(words, after)
    noun = _happening_noun_after(words, after)
    if noun is not None:
        return noun
    found = None
    for index in after + before[::-1]:
        reading = turkish_verb(words[index].text)
        if reading is None:
            continue
        if reading.nominal and index + 1 in after and _opens_circumstance(words[index + 1]):
            continue  # "mebuslar hazır olduğu halde küşad olundu": the state it happened in
        found = _turkish_predicate_at(words, index, reading, date, index in after)
        if found.kind in LEADING_KINDS and index + 1 in after and plain(words[index + 1].text) == "ve":
            # "buraya geldik ve Meclis’i açıyoruz": the coming is the way to what was done there
            found = _finite_with_kind(words, [i for i in after if i > index + 1], date) or found
        if reading.participle and not found.kind and index + 1 in after and _is_day_part(words[index + 1]):
            # a participle of no known happening before a part of the day ("3 Kânûn-ı Evvel’e bağlayan
            # gece … imza olunmuştur") belongs to the date: the clause's own verb, when it says what
            # happened, is what the date is of
            found = _finite_with_kind(words, [i for i in after if i > index + 1], date) or found
        break
    if found is None:
        return _nominal_head(words, date)
    if not found.kind:
        converb = _converb_of_a_happening(words, date, found.start)
        if converb is not None:
            return converb
        return _told_by_noun(words, date, found, "tr", found.text)
    return found


def _converb_of_a_happening(words: list[Word], date: tuple[int, int], before: int) -> Predicate | None:
    """ "16 Mart 1337’de Rusya ile muahede imzalanarak hudut tespit edildi": a verb in -arak or -ıp between
    the date and a clause's verb that says no kind of happening is what the date is of."""
    endings = _turkish_endings("converb_endings")
    for word in words:
        if word.start < date[1] or word.start >= before or not word.text[:1].islower():
            continue
        folded = plain(word.text)
        if len(folded) >= FEWEST_NOUN_LETTERS and folded.endswith(endings) and happening_kind("tr", folded):
            passive = bool(PASSIVE_CONVERB.search(folded))
            return Predicate(word.start, word.end, word.text, happening_kind("tr", folded), passive, False)
    return None


def _nominal_head(words: list[Word], date: tuple[int, int]) -> Predicate | None:
    """A clause without a verb ("23 Nisan 1336: Büyük Millet Meclisi’nin Ankara’da küşadı."): its head, the
    last word (Turkish puts it last), when it names a happening."""
    outside = [w for w in words if not date[0] <= w.start < date[1]]
    if not outside or outside[-1].start < date[1]:
        return None
    head = outside[-1]
    kind = happening_kind("tr", head.text) if head.text[:1].islower() else ""
    if not kind:
        return None
    return Predicate(head.start, head.end, head.text, kind, passive=False, nominal=True)


# kinds of happening that lead to what is done next ("Ankara’ya geldik ve Meclis’i açtık"): a verb of theirs
# joined by "ve" to a verb of another happening gives the date to that one
LEADING_KINDS = ("arrive", "depart")


def _opens_circumstance(word: Word) -> bool:
    """ "halde" after a participle: the clause tells the state in which something happened."""
    return plain(word.text) in _turkish_words("circumstance_words")


def _happening_noun_after(words: list[Word], after: list[int]) -> Predicate | None:
    """ "Meclis’in 23 Nisan 1336’da küşadı üzerine …", "23 Nisan’da açılışıyla": the happening's own noun,
    with its possessive ending, right after the date is what the date is of (not the verb of the clause it
    stands in); a light verb after it makes it the verb's ("işgal edildi") and is left to the verbs."""
    if not after:
        return None
    word = words[after[0]]
    folded = plain(word.text)
    if not word.text[:1].islower() or len(folded) < FEWEST_NOUN_LETTERS or not POSSESSIVE_NOUN.search(folded):
        return None
    if turkish_verb(word.text) is not None:
        return None
    following = words[after[0] + 1] if after[0] + 1 < len(words) else None
    if (
        following is not None
        and (reading := turkish_verb(following.text))
        and reading.lemma in _light_verbs()
    ):
        return None
    kind = happening_kind("tr", word.text)
    if not kind:
        return None
    return Predicate(word.start, word.end, word.text, kind, passive=False, nominal=True)


def _turkish_predicate_at(
    words: list[Word], index: int, reading: _Reading, date: tuple[int, int], after_date: bool
) -> Predicate:
    """The predicate whose verb is words[index]: with the noun a light verb carries or makes."""
    first = index
    if reading.lemma in _light_verbs() and index > 0:
        carried = words[index - 1]
        if (
            carried.text[:1].islower()
            and carried.start >= (date[1] if after_date else 0)
            and not plain(carried.text).endswith(_turkish_endings("uncarried_endings"))
            and plain(carried.text) not in _not_predicates("tr")  # "Rusya ile yapılan muahede"
        ):
            first = index - 1  # "işgal edildi", "küşâd olunacaktır"
    last = index
    if reading.participle and reading.lemma in _light_verbs() and first == index and index + 1 < len(words):
        following = index + 1
        while following + 1 < len(words) and plain(words[following].text) in _turkish_words(
            "happening_noun_modifiers"
        ):
            following += 1  # "yapılan ilk içtima"
        named = words[following]
        if named.text[:1].islower() and turkish_verb(named.text) is None:
            last = following  # "yapılan görüşmede": the happening is the noun the light verb makes
    phrase = " ".join(w.text for w in words[first : last + 1])
    kind = happening_kind("tr", words[last].text if last != index else phrase)
    if not kind and first > 0 and words[first - 1].text[:1].islower():
        kind = happening_kind("tr", f"{words[first - 1].text} {phrase}")  # "ayak bastığım"
    return Predicate(
        start=words[first].start,
        end=words[last].end,
        text=phrase,
        kind=kind,
        passive=reading.passive,
        nominal=reading.nominal,
        participle=reading.participle and last == index,
    )


def _finite_with_kind(words: list[Word], candidates: list[int], date: tuple[int, int]) -> Predicate | None:
    """The first finite verb among `candidates` whose happening is known."""
    for index in candidates:
        reading = turkish_verb(words[index].text)
        if reading is None or not reading.finite:
            continue
        found = _turkish_predicate_at(words, index, reading, date, True)
        return found if found.kind else None
    return None


@cache
def _day_parts() -> frozenset[str]:
    return frozenset(
        plain(str(w)) for w in language_data("tr", "dates").get("day_parts", []) if " " not in str(w)
    )


def _is_day_part(word: Word) -> bool:
    """ "gece", "sabahı": a word that makes a time of the day of the date before it."""
    return plain(word.text) in _day_parts()


@cache
def _verb_starts(language: str, topic: str) -> tuple[str, ...]:
    return tuple(plain(str(w)) if language == "tr" else str(w).lower() for w in _words(language, topic))


def _told_by_noun(
    words: list[Word], date: tuple[int, int], found: Predicate, language: str, verb: str
) -> Predicate:
    """A predicate whose verb (`verb`, as looked up: "tesadüf etti", "took place") says only when a
    happening fell is the happening's noun before it; one that says the happening took place keeps its
    words and takes that noun's kind ("iftitahı … icra edildi": open)."""
    folded = plain(verb) if language == "tr" else verb.lower()
    copula = folded.startswith(_verb_starts(language, "date_copulas"))
    if not copula and not folded.startswith(_verb_starts(language, "taking_place_verbs")):
        return found
    noun = _happening_noun(words, date, found.start, language)
    if noun is None:
        return found
    return noun if copula else replace(found, kind=noun.kind)


def _happening_noun(words: list[Word], date: tuple[int, int], before: int, language: str) -> Predicate | None:
    """The noun of a happening before a date whose verb only says when it fell ("Meclis’in küşâdı 23
    Nisan’a tesadüf etti", "On April 23 the opening took place"): the nearest word before the copula (which
    begins at `before`), outside the date, that names a kind of happening."""
    for word in reversed([w for w in words if w.end <= before]):
        if not word.text[:1].islower() or date[0] <= word.start < date[1]:
            continue
        kind = happening_kind(language, word.text)
        if kind:
            return Predicate(word.start, word.end, word.text, kind, passive=False, nominal=True)
    return None


@cache
def _turkish_endings(topic: str) -> tuple[str, ...]:
    return tuple(plain(str(ending)) for ending in _turkish_data().get(topic, []))


@cache
def _turkish_words(topic: str) -> frozenset[str]:
    return frozenset(plain(str(word)) for word in _turkish_data().get(topic, []))


def _dated_document(words: list[Word], after: list[int]) -> Predicate:
    """ "1 Teşrinisani 1338 tarihli bir telgraf": the date of a document, whose event is what its clause
    says was done with it ("… tarihli talimatname kabul olunmuştur"), else its sending."""
    treaty = _dated_treaty(words, after)
    if treaty is not None:
        return treaty
    last = after[0]
    told_in_it = False
    for index in after[1:3]:
        last = index
        if plain(words[index].text).startswith(tuple(_turkish_words("document_nouns"))):
            kind = "send"
            # "… tarihli telgrafnamede … imza olunduğu bildirilmektedir": what is told in it is no deed done
            # with it
            told_in_it = plain(words[index].text).endswith(_turkish_endings("happened_at_endings"))
            break
    else:
        last, kind = after[0], ""
    told = _turkish_predicate(words, (words[last].end, words[last].end)) if last + 1 < len(words) else None
    if told is not None and words[last].end <= told.start and not told.dated_document:
        return Predicate(
            told.start,
            told.end,
            told.text,
            kind if told_in_it else told.kind or kind,
            told.passive,
            told.nominal,
            told.participle,
            dated_document=True,
        )
    return Predicate(
        start=words[after[0]].start,
        end=words[last].end,
        text=" ".join(w.text for w in words[after[0] : last + 1]),
        kind=kind,
        passive=False,
        nominal=True,
        dated_document=True,
    )


def _dated_treaty(words: list[Word], after: list[int]) -> Predicate | None:
    """ "16 Mart 1337 tarihli Moskova Muahedesi mucibince …": the date of a treaty is its signing, whatever
    its clause goes on to say was done under it. The treaty's word ("muahede", "antlaşma") follows the
    "tarihli" (`after[0]`) directly or after the words of its name."""
    for index in after[1 : 1 + MOST_NAME_WORDS]:
        word = words[index]
        if happening_kind("tr", word.text) == "sign" and turkish_verb(word.text) is None:
            # the treaty's word alone, so that the treaty's name stays a name of the clause (its instrument)
            return Predicate(
                start=word.start,
                end=word.end,
                text=word.text,
                kind="sign",
                passive=False,
                nominal=True,
                dated_document=True,
            )
        if word.text[:1].islower() and plain(word.text) not in _turkish_words("name_joiners"):
            return None  # past the name: no treaty dated
    return None


# ---------------------------------------------------------------- English and Russian


def _nearest_predicate(
    text: str, words: list[Word], date: tuple[int, int], language: str
) -> Predicate | None:
    named = _noun_of_date(words, date, language)
    if named is not None:
        return named
    candidates = [i for i, w in enumerate(words) if _is_verb(w.text, language, first=i == 0)]
    if not candidates:
        return None
    following = [i for i, w in enumerate(words) if w.start >= date[1]]
    if following and words[following[0]].text.lower() in _words(language, "clause_of_the_date_words"):
        # "since the 16th March, 1920, when the Entente Powers occupied the capital": what happened on it
        candidates = [i for i in candidates if i > following[0]] or candidates
    else:
        # a verb that no comma parts from the date is of its clause ("the Congress of Sivas, which
        # assembled on the 4th September, closed on the 11th": assembled)
        candidates = [i for i in candidates if "," not in _between(text, words[i], date)] or candidates

    def distance(index: int) -> int:
        word = words[index]
        return date[0] - word.end if word.end <= date[0] else word.start - date[1]

    index = min(candidates, key=distance)
    first = index
    if language == "en" and index > 0 and words[index - 1].text.lower() in _words("en", "auxiliaries"):
        first = index - 1
    phrase = " ".join(w.text for w in words[first : index + 1])
    passive = _is_passive(words, index, language)
    kind = _phrase_kind(language, words[index:]) or happening_kind(language, words[index].text)
    clause = " ".join(w.text.lower() for w in words)
    if kind in ("meet", "") and any(f" {w} " in f" {clause} " for w in _words(language, "first_time_words")):
        kind = "open"  # a body's first meeting is its opening ("met", "held its first sitting")
    found = Predicate(
        start=words[first].start,
        end=words[index].end,
        text=phrase,
        kind=kind,
        passive=passive,
        nominal=False,
    )
    if language == "en" and index + 1 < len(words):
        # "took place", "fell on": the verb with the word after it
        return _told_by_noun(words, date, found, "en", f"{words[index].text} {words[index + 1].text}")
    return found


def _between(text: str, word: Word, date: tuple[int, int]) -> str:
    """The text between a word and a date, on whichever side of it the word stands."""
    return text[word.end : date[0]] if word.end <= date[0] else text[date[1] : word.start]


def _noun_of_date(words: list[Word], date: tuple[int, int], language: str) -> Predicate | None:
    """ "my despatch of the 6th instant", "the armistice of 30 October", "договор от 16 марта": a date
    that dates a noun (after the language's `date_of_noun_words`)."""
    before = [w for w in words if w.end <= date[0]]
    if before and before[-1].text.lower() in ("the", "a"):
        before.pop()
    dating = _words(language, "date_of_noun_words")
    if len(before) < 2 or before[-1].text.lower() not in dating or not before[-2].text[:1].islower():
        return None
    noun = before[-2]
    kind = happening_kind(language, noun.text)
    if not kind:
        return None
    return Predicate(noun.start, noun.end, noun.text, kind, passive=False, nominal=True)


@cache
def _verb_forms(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    data = language_data(language, "events")
    return frozenset(data.get("irregular_pasts", [])), tuple(data.get("verb_endings", []))


def _is_verb(word: str, language: str, first: bool = False) -> bool:
    """`first`: the word opens its line or sentence, where a verb may be capitalized ("Received October 3")."""
    lowered = word.lower()
    if not (word[:1].islower() or first) or lowered in _not_predicates(language):
        return False
    irregular, endings = _verb_forms(language)
    if language == "en":
        return lowered in irregular or (len(lowered) > 4 and lowered.endswith("ed"))
    if len(lowered) >= 4 and lowered.endswith(endings):
        return True
    # a long participle ("подписанный 16 марта договор") is a verb when it names a happening: the same
    # endings are those of adjectives ("военный", "иностранный")
    participles = tuple(str(e) for e in language_data(language, "events").get("participle_endings", []))
    return bool(participles) and lowered.endswith(participles) and bool(happening_kind(language, lowered))


def _is_passive(words: list[Word], index: int, language: str) -> bool:
    if language == "en":
        auxiliaries = ("was", "were", "been", "is", "are", "be", "being")
        nearby = [w.text.lower() for w in words[max(0, index - 2) : index]]
        return any(word in auxiliaries for word in nearby)
    return words[index].text.lower().endswith(tuple(_words("ru", "passive_endings")))


# ---------------------------------------------------------------- kinds


@cache
def _kind_stems(language: str) -> tuple[tuple[str, str], ...]:
    """(start of a word, kind), longest start first."""
    kinds = language_data(language, "events").get("happening_kinds", {})
    pairs = [
        (plain(str(stem)) if language == "tr" else str(stem).lower(), kind)
        for kind, stems in kinds.items()
        for stem in stems
    ]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@cache
def _phrases(language: str) -> tuple[tuple[str, str], ...]:
    """(a verb with the words after it, the kind they say), longest first."""
    phrases = language_data(language, "events").get("happening_phrases", {})
    pairs = [(str(p).lower(), kind) for kind, listed in phrases.items() for p in listed]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def _phrase_kind(language: str, words: list[Word]) -> str:
    """The kind a verb and the words after it say together ("concluded its sittings": close)."""
    phrases = _phrases(language)
    if not phrases:
        return ""
    said = " ".join(w.text.lower() for w in words[:4])
    return next((kind for phrase, kind in phrases if f"{said} ".startswith(f"{phrase} ")), "")


@cache
def _kind_stems_by_letter(language: str) -> dict[str, tuple[tuple[str, str], ...]]:
    """The (start, kind) pairs of `_kind_stems` by their first letter, in the same order: a word is
    compared only with the starts it can begin with."""
    by_letter: dict[str, list[tuple[str, str]]] = {}
    for stem, kind in _kind_stems(language):
        by_letter.setdefault(stem[:1], []).append((stem, kind))
    return {letter: tuple(pairs) for letter, pairs in by_letter.items()}


def happening_kind(language: str, phrase: str) -> str:
    """The kind of happening a predicate says ("sign" for "imzalandı", "was signed", "подписан")."""
    folded = plain(phrase) if language == "tr" else phrase.lower()
    by_letter = _kind_stems_by_letter(language)
    if "" in by_letter:  # an empty start begins every word: keep the longest-first order whole
        stems = _kind_stems(language)
    else:
        stems = by_letter.get(folded[:1], ())
    for stem, kind in stems:
        if folded.startswith(stem):
            return kind
    return ""
