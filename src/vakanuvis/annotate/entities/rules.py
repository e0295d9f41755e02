"""Rule-based mention detection: capitalized runs cut at titles, offices, apostrophes and head words.

Signals, strongest first: a head word ("Devleti", "Kongresi", "Antlaşması"), a title ("Paşa", "Dr.",
"yoldaş"), initials ("S.İ. Aralov"), the authority file, the gazetteer, the Turkish apostrophe rule and
the morphological lexicon (a word it knows only as a common word is not a name by itself).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from operator import attrgetter

from vakanuvis.annotate.entities.heads import (
    head_type,
    is_body_office,
    is_lowercase_org_head,
    segment_profile,
)
from vakanuvis.annotate.entities.tokens import Token, split_hyphenated, tokenize
from vakanuvis.lang.entity_words import entity_words
from vakanuvis.lang.folds import fold_for_surname_ending
from vakanuvis.lang.tr import morphology
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.lang.word_frequencies import zipf_frequency
from vakanuvis.reference.authority import Authority, AuthorityEntry, name_key
from vakanuvis.reference.gazetteer import lookup_place
from vakanuvis.reference.person_names import listed_given_names

# Zipf frequency (wordfreq) above which a capitalized word of an English sentence is an ordinary word.
ENGLISH_WORD_ZIPF = 3.9
# ... and above which a lone capitalized word that neither the authority nor the gazetteer knows is one
# ("Quay", "Orient", "Caliphate"); a plural counts by its singular ("Nationalists", "Consulates"). The
# period's people such a document names alone are rarer words ("Curzon" 2.7) or listed ("Lenin").
ENGLISH_WORD_ALONE_ZIPF = 3.0
# A gazetteer hit types a name as a place only for towns of some size: villages share names with people.
PLACE_MIN_POPULATION = 5000
_TEXT = attrgetter("text")


def _after_apostrophe(text: str) -> str:
    """What follows a word's apostrophe ("Malta’ya" → "ya")."""
    return re.split("[’']", text, maxsplit=1)[-1]


_ORDINAL_BEFORE = re.compile(r"\d+\s?\.\s*$")
# an Ottoman izafet's first word: "Heyet-i", "Şura-yı", "Zât-ı" (lower-cased)
_IZAFET = re.compile(r"^([^\W\d_]+)-y?[ıiuü]$")
# the case endings of where to, where and where from, written after a name's apostrophe ("Malta’ya",
# "Filistin’de", "Şehzadebaşı’ndaki"): in the period's documents a lone unknown word so written is a place
# (205 of 207 such words annotated in the development corpus; the two others a Russian's surname)
_DIRECTIONAL_CASE = re.compile(r"^(?:y?[ae]|n?[dt][ae](?:n|ki)?)$")
# the genitive ending written after a name's apostrophe ("Bey’in", "Paşa’nın")
_GENITIVE = re.compile(r"^n?[ıiuü]n$")
# an Arabic adjective in -iye closing an izafet, with the case ending it may carry ("Temsiliyeye")
_ARABIC_ADJECTIVE = re.compile(r"^(\w+?[iı]y?ye)(?:ye|yi|yı|nin|nın|de|den|ce|dir)?$")


def _izafet(token: Token) -> re.Match[str] | None:
    """The izafet a word opens ("Heyet-i" → "heyet"), if it opens one."""
    return _IZAFET.match(turkish_lower(token.text)) if "-" in token.text else None


def _is_numeral(token: Token) -> bool:
    """'On', 'Beşinci', 'Yirmi Dördüncü': a number word, which is part of a unit's name ("On Beşinci Kolordu")."""
    if token.kind != "word" or morphology.has_closed_class_reading(token.stem):
        return False  # "Onu" reads as a number too, but is a pronoun first
    return any(a.pos == "Num" for a in morphology.analyze_word(token.stem))


@dataclass
class Candidate:
    """A mention found by the rules, with how sure the rules are of its type."""

    start: int
    end: int
    surface: str
    type: str
    strength: int  # 3 head/title/initials/authority, 2 gazetteer or several words, 1 one unknown word
    tokens: list[Token] = field(default_factory=list)


# (start, end relative to the word, surface, type, strength) of each mention one word gave
OneWordResult = list[tuple[int, int, str, str, int]]
# (text, kind, sentence-initial, pre-title, post-title, English sentence, ordinal before, place noun after)
OneWordKey = tuple[str, str, bool, bool, bool, bool, bool, bool]


@dataclass
class _Segment:
    tokens: list[Token]
    pre_title: bool = False
    post_title: bool = False
    style: Token | None = None  # "Lord", "Sir" before the name: part of how the person is named
    before_office: bool = False  # an office word follows ("Azerbaycan Hariciye | Nazırı")


class RuleRecognizer:
    """Finds entity mentions in one sentence at a time."""

    def __init__(
        self, authority: Authority, *, english: bool = False, written_on: date | None = None
    ) -> None:
        self.authority = authority
        self.written_on = written_on  # the document's first possible day: which dated aliases count
        self.english_document = english  # every sentence is English, its headings and short lines too
        self.head_first_sentence = False
        self.words = entity_words()
        self.other_heads = frozenset(w for w, k in self.words.heads.items() if k == "other")
        # titles and honorifics: a phrase made only of them names no one ("Paşa Hazretleri")
        self.honouring = self.words.honorifics | self.words.titles_after | self.words.titles_before
        self.dropped: list[Token] = []
        self.entries: dict[str, AuthorityEntry | None] = {}  # the document's authority look-ups
        self.places: dict[str, object | None] = {}  # and gazetteer look-ups
        self.pending: list[Candidate] = []  # candidates split off while making another
        self.english = False  # the current sentence is English (an abstract)
        self.place_noun_after = False  # the segment read stands before "kasabası", "havalisinde"
        # what a one-word segment gave, by everything it depends on (see _one_word_candidates)
        self.one_word: dict[OneWordKey, tuple[OneWordResult, bool]] = {}

    # ---------------------------------------------------------------- knowledge
    def known_name(self, text: str) -> bool:
        return self._entry(text) is not None or self._place(text) is not None

    def _entry(self, text: str) -> AuthorityEntry | None:
        """The authority's entry for `text`, looked up once per document (names recur)."""
        if text not in self.entries:
            self.entries[text] = self.authority.find_on(text, self.written_on)
        return self.entries[text]

    def _place(self, text: str) -> object | None:
        if text not in self.places:
            place = lookup_place(text)
            self.places[text] = (
                place if place is not None and place.population >= PLACE_MIN_POPULATION else None
            )
        return self.places[text]

    def _authority_type(self, text: str) -> str | None:
        entry = self._entry(text)
        return entry.type if entry is not None else None

    def _lemmas(self, token: Token) -> frozenset[str]:
        """Lemmas of a word and, for 'Mart-Nisan' or 'Misak-ı', of each of its hyphenated parts."""
        if token.kind == "initials":
            return frozenset()
        if token.kind == "abbr":
            return frozenset({turkish_lower(token.stem)})
        found = morphology.lemmas(token.stem)
        if "-" in token.stem:
            for part in token.stem.split("-"):
                found = found | morphology.lemmas(part)
        return found

    def _frequent_english(self, token: Token) -> bool:
        """In an English sentence, 'World', 'Eastern', 'Securing' are words, not names."""
        if not self.english or token.kind != "word":
            return False
        if token.stem.isupper() and len(token.stem) > 1 and self._entry(token.stem) is None:
            # a heading in capitals: "THE GREEK RETREAT" names no town Retreat
            return zipf_frequency(token.stem.lower(), "en") >= ENGLISH_WORD_ZIPF
        if self.known_name(token.stem):
            return False
        return zipf_frequency(token.stem.lower(), "en") >= ENGLISH_WORD_ZIPF

    def _common_english(self, token: Token) -> bool:
        """In an English sentence, a lone unknown capitalized word that is a common English word."""
        if not self.english or token.kind != "word":
            return False
        lower = token.stem.lower()
        if zipf_frequency(lower, "en") >= ENGLISH_WORD_ALONE_ZIPF:
            return True
        return lower.endswith("s") and zipf_frequency(lower[:-1], "en") >= ENGLISH_WORD_ALONE_ZIPF

    def _name_capable(self, token: Token) -> bool:
        """Could this word be (part of) a name? Unknown words, proper names, initials, authority names."""
        if token.kind != "word":
            return True
        if self._frequent_english(token):
            return False
        stem = token.stem
        if not morphology.is_known(stem) or morphology.has_proper_analysis(stem):
            return True
        if self._entry(stem) is not None or self._entry(morphology.strip_inflection(stem)):
            return True
        return token.has_apostrophe and self.known_name(stem)

    def _strong(self, token: Token) -> bool:
        """A word that is a name on its own evidence: unknown to the lexicon, proper only, or an authority name."""
        if token.kind != "word":
            return True
        if self._frequent_english(token):
            return False
        stem = token.stem
        if not morphology.is_known(stem) or morphology.is_proper_only(stem):
            return True
        if token.has_apostrophe and morphology.has_proper_analysis(stem):
            return True
        return self._entry(stem) is not None or self._entry(morphology.strip_inflection(stem)) is not None

    def _not_a_name_alone(self, token: Token) -> bool:
        """'Maahaza', 'Belki', 'Our', 'I': a word that opens or joins sentences, whatever else it spells."""
        if token.kind == "initials":
            return False
        lower = turkish_lower(token.stem)
        if token.kind == "abbr":  # "THE", "AT" of a heading in capitals
            return lower in self.words.sentence_words
        if lower in self.words.sentence_words or self._lemmas(token) & self.words.sentence_words:
            return True
        return token.sentence_initial and morphology.has_closed_class_reading(token.stem)

    def _addresses(self, tokens: list[Token]) -> bool:
        """'Zât-ı Devletleri', 'Heyet-i Celileniz', 'Riyaset-i Celilesine', 'Muhterem Efendiler': ways of
        addressing or pointing at someone, not names (unless the authority lists the phrase)."""
        words = self.words
        first = tokens[0]
        izafet = _izafet(first)
        if izafet is None:
            if not self._lemmas(first) & self.honouring:
                return False
            addresses = all(self._lemmas(t) & self.honouring for t in tokens[1:])
        else:
            rest = tokens[1:]
            addresses = bool(
                turkish_lower(izafet.group(1)) in words.address_heads
                or self._lemmas(first) & words.address_heads
                or (rest and all(self._lemmas(t) & words.honorifics for t in rest))
            )
        # checked last, as it is the dearest: the authority may list the phrase as a name
        return addresses and self._authority_type(self._surface(tokens, "", False, whole=True)) is None

    def _izafet_surface(self, tokens: list[Token], text: str) -> str:
        """'Heyet-i Temsiliye' stays whole: an Arabic adjective's -iye is not a dative suffix."""
        last = tokens[-1]
        adjective = _ARABIC_ADJECTIVE.match(last.text)
        if adjective is not None and not last.has_apostrophe:
            body = text[tokens[0].start : last.start] if text else " ".join(t.text for t in tokens[:-1]) + " "
            return " ".join((body + adjective.group(1)).split())
        return self._surface(tokens, text, keep_possessive=True)

    def _izafet_name(self, token: Token) -> bool:
        """The word opens an izafet name of a body ("Heyet-i", "Meclis-i")."""
        izafet = _izafet(token)
        return izafet is not None and bool(morphology.lemmas(izafet.group(1)) & self.words.izafet_heads)

    def _speaker_possessive(self, token: Token) -> bool:
        """'Azizim', 'Heyetimizi': every reading has a first or second person's possessive, which no name takes."""
        analyses = morphology.analyze_word(token.stem)
        return bool(analyses) and all(
            {"P1sg", "P1pl", "P2sg", "P2pl"} & {m[0] for m in analysis.morphemes} for analysis in analyses
        )

    def _possessive(self, token: Token) -> bool:
        """The word carries a third-person possessive ("Meclisi", "Hükûmeti’nin"), as a compound's head does."""
        return any(
            {"P3sg", "P3pl"} & {m[0] for m in analysis.morphemes}
            for analysis in morphology.analyze_word(token.stem)
        )

    def _common_part(self, token: Token) -> bool:
        """A word of an izafet compound that the lexicon knows only as a common word ('Milliye')."""
        parts = [part for part in token.stem.split("-") if len(part) > 2]  # not the izafet's vowel
        return all(morphology.is_known(part) and not morphology.is_proper_only(part) for part in parts)

    def _honoured_office(self, tokens: list[Token], text: str) -> Candidate | None:
        """'Harbiye Nezaret-i Celilesine', 'Hariciye Vekâlet-i Celilesi': an office named with an
        honorific is the office ('Harbiye Nezareti'); without a name before it, it only points."""
        words = self.words
        for position in range(1, len(tokens)):
            izafet = _izafet(tokens[position])
            rest = tokens[position + 1 :]
            if izafet is None or not rest or not all(self._lemmas(t) & words.honorifics for t in rest):
                continue
            if not morphology.lemmas(izafet.group(1)) & words.izafet_heads:
                return None
            named = tokens[:position]
            while len(named) > 1 and named[0].sentence_initial and not self._name_capable(named[0]):
                named = named[1:]  # "Keyfiyet Harbiye Nezaret-i Celilesine": the sentence's first word
            office = tokens[position].text.replace("-", "")  # "Nezaret-i" → "Nezareti"
            surface = " ".join([*(t.text for t in named), office])
            if morphology.lemmas(izafet.group(1)) & words.body_offices and (
                _izafet(named[0]) is not None or head_type(named[-1], words) not in (None, "other")
            ):
                # "Heyet-i Temsiliye Riyaset-i Celilesine": the body's head addressed, the body named
                surface = " ".join(t.text for t in named)
                kind = self._authority_type(surface) or "organization"
                return Candidate(named[0].start, named[-1].end, surface, kind, 3, named)
            kind = self._authority_type(surface) or "organization"
            return Candidate(named[0].start, tokens[-1].end, surface, kind, 3, tokens)
        return None

    # ---------------------------------------------------------------- runs and segments
    def _adjacent(self, text: str, left: Token, right: Token) -> bool:
        gap = text[left.end : right.start]
        if gap.strip() == "" and gap.count("\n") <= 1:
            return True
        # "Dr. İbrahim Tali": the abbreviation's full stop does not end the run
        return gap.strip() == "." and bool(self._lemmas(left) & self.words.titles_before)

    def _surname(self, token: Token) -> bool:
        """A capitalized word with a surname's ending ("Sultanov", "Xoyski", "Topçubaşızade")."""
        if token.kind != "word" or not token.capitalized:
            return False
        lower = fold_for_surname_ending(token.stem)
        return any(
            lower.endswith(ending) and len(lower) > len(ending) + 2 for ending in self.words.surname_endings
        )

    def _second_given_name(self, tokens: list[Token]) -> bool:
        """'Ahmet Muhtar', 'Ali Cami': after a given name, a capitalized word is the second given name even
        when it is also a common word ('muhtar', 'cami'), unless it heads, bounds or honours a name."""
        if len(tokens) < 2 or self.english:
            return False
        last, before = tokens[-1], tokens[-2]
        if last.kind != "word" or not last.capitalized or last.sentence_initial:
            return False
        if before.kind != "word" or before.has_apostrophe or not morphology.is_proper_only(before.stem):
            return False
        words = self.words
        barred = (
            words.not_names | self.honouring | words.office_words | words.ethnonyms | words.sentence_words
        )
        if head_type(last, words) is not None or self._lemmas(last) & barred or self._possessive(last):
            return False  # "Erzurum Şubesi": a possessive is the head of a compound, not a given name
        return self._place(before.stem) is None

    def _administrative(self, token: Token) -> bool:
        """The word opens an izafet of an administrative unit ("Elviye-i", "Vilâyât-ı")."""
        izafet = _izafet(token)
        return izafet is not None and (
            turkish_lower(izafet.group(1)) in self.words.administrative_heads
            or bool(morphology.lemmas(izafet.group(1)) & self.words.administrative_heads)
        )

    def _state_of_office(self, tokens: list[Token], text: str) -> Candidate | None:
        """'Azerbaycan Hariciye | Nazırı', 'İngiltere Hariciye | Nezareti': a known state or place, then the
        office's domain, before an office word names the office of that state, no person: the state alone is
        the mention (with its own type), the domain words name nothing."""
        for cut in range(len(tokens) - 1, 0, -1):
            named = tokens[:cut]
            surface = self._surface(named, text, keep_possessive=False)
            kind = self._authority_type(surface)
            if kind is None and self._place(surface) is not None:
                kind = "place"
            if kind in ("place", "organization"):
                return Candidate(named[0].start, named[-1].end, surface, kind, 3, named)
        return None

    def _given_name_before_name(self, tokens: list[Token]) -> bool:
        """'Ali Fuat': a capitalized word the people of the authority go by as a given name, before another
        such name or a title after a name, is the first given name, though the lexicon knows 'âlî' too."""
        if len(tokens) < 2 or self.english:
            return False
        first, second = tokens[0], tokens[1]
        if first.kind != "word" or not first.capitalized or first.has_apostrophe:
            return False
        given = listed_given_names(self.authority)
        if name_key(first.stem) not in given:
            return False
        return second.kind == "word" and (
            name_key(second.stem) in given or bool(self._lemmas(second) & self.words.titles_after)
        )

    def _runs(self, text: str, tokens: list[Token]) -> list[tuple[list[Token], int]]:
        """Runs of tokens that may hold names, each with the index of the token after it."""
        runs: list[tuple[list[Token], int]] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if not (token.capitalized or token.kind != "word"):
                if turkish_lower(token.text) in self.words.titles_before and index + 1 < len(tokens):
                    pass  # "yoldaş Ebilov": a lower-case title still opens a run
                else:
                    index += 1
                    continue
            run = [token]
            index += 1
            while index < len(tokens) and self._adjacent(text, run[-1], tokens[index]):
                following = tokens[index]
                if following.capitalized or following.kind != "word":
                    run.append(following)
                    index += 1
                    continue
                lower = turkish_lower(following.text)
                if (
                    (lower in self.words.connectors or (self.english and lower in self.words.name_particles))
                    and index + 1 < len(tokens)
                    and tokens[index + 1].capitalized
                    and self._adjacent(text, following, tokens[index + 1])
                ):
                    run.append(following)
                    index += 1
                    continue
                if (
                    lower in self.words.titles_after
                    and index + 1 < len(tokens)
                    and self._surname(tokens[index + 1])
                    and self._adjacent(text, following, tokens[index + 1])
                ):
                    run.append(following)  # "Khosrov bey Sultanov", "Fətəli xan Xoyski"
                    index += 1
                    continue
                if (
                    self._rank_izafet(run[-1])
                    and index + 1 < len(tokens)
                    and tokens[index + 1].capitalized
                    and self._adjacent(text, following, tokens[index + 1])
                ):
                    run.append(following)  # "Mülazım-ı evvel Hasan": the rank's adjective is the rank's
                    index += 1
                    continue
                if is_lowercase_org_head(following, self.words) and self._names_a_body(run[-1]):
                    run.append(following)
                    index += 1
                break
            runs.append((run, index))
        return runs

    def _rank_izafet(self, token: Token) -> bool:
        """The word opens an izafet of a title before a name ("Mülazım-ı" of "Mülazım-ı sani")."""
        izafet = _izafet(token) if token.kind == "word" else None
        return izafet is not None and bool(morphology.lemmas(izafet.group(1)) & self.words.titles_before)

    def _before_place_noun(self, token: Token) -> bool:
        """The word may name the place a lower-case place noun after it speaks of ("Çay kasabası"): a
        capitalized word of the sentence's inside, without a suffix of its own, no title, office or month."""
        if token.kind != "word" or not token.capitalized or token.sentence_initial or token.has_apostrophe:
            return False
        words = self.words
        barred = words.not_names | self.honouring | words.office_words | words.sentence_words
        lemmas = self._lemmas(token)  # "Pazarcık" reads as pazar (Sunday) too, but not only so
        return turkish_lower(token.stem) not in barred and not (lemmas and lemmas <= barred)

    def _place_noun(self, token: Token) -> bool:
        """'kasabası', 'havalisinde', 'istikametinde': a lower-case place noun with its possessive."""
        if token.capitalized or token.kind != "word" or token.has_apostrophe:
            return False
        answers = self.words.memo.setdefault("place noun", {})
        if token.text not in answers:
            answers[token.text] = any(
                turkish_lower(a.lemma) in self.words.place_nouns
                and {"P3sg", "P3pl"} & {m[0] for m in a.morphemes}
                for a in morphology.analyze_word(token.text)
            )
        return bool(answers[token.text])

    def _common_noun_opening(self, tokens: list[Token]) -> bool:
        """'Müzakere Rauf Bey’in …', 'Nakliyat Refet Paşa’nın …': a sentence's first word that the lexicon
        reads only as a common noun, before a name with its title, is capitalized for the sentence, not
        the name (a given name or byname that is also a common word is listed or an epithet)."""
        first = tokens[0]
        if first.kind != "word" or first.has_apostrophe or self._given_name_before_name(tokens):
            return False
        analyses = morphology.analyze_word(first.stem)
        if not analyses or any(a.proper or a.pos != "Noun" for a in analyses):
            return False
        return not self._lemmas(first) & self.words.epithets and self._entry(first.stem) is None

    def _names_a_body(self, token: Token) -> bool:
        """May a lower-case organization head after this word make one name with it ("Ankara hükümeti",
        "Ali Rıza Paşa kabinesi")? Not after a genitive: "Rauf Bey’in heyeti", "İngilizlerin nezareti" are
        someone's delegation or supervision (a compound name has no genitive on its modifier); nor after a
        head, which closes a name already ("Hilal-i Ahmer Cemiyeti heyetiyle")."""
        if token.kind != "word":
            return True
        if token.has_apostrophe:
            return _GENITIVE.match(turkish_lower(_after_apostrophe(token.text))) is None
        if head_type(token, self.words) not in (None, "other"):
            return False
        # "İngilizlerin": a genitive, or the second person's possessive no name takes
        analyses = morphology.analyze_word(token.stem)
        return not analyses or not all(
            {"Gen", "P2sg", "P2pl"} & {m[0] for m in a.morphemes} for a in analyses
        )

    def _segments(self, run: list[Token]) -> list[_Segment]:
        words = self.words
        segments: list[_Segment] = []
        current: list[Token] = []
        pre_title = False
        style: Token | None = None
        profiles = [segment_profile(token, words, self._lemmas) for token in run]

        def close(post_title: bool = False) -> None:
            nonlocal current, pre_title, style
            if current:
                segments.append(_Segment(current, pre_title, post_title, style))
            current, pre_title, style = [], False, None

        last_position = len(run) - 1
        surname_taken = -1
        for position, token in enumerate(run):
            if position == surname_taken:
                continue
            connector, title_after, title_before, office, head, _, oblique = profiles[position]
            if not token.capitalized and position > 0 and self._rank_izafet(run[position - 1]):
                continue  # "evvel" of "Mülazım-ı evvel": part of the rank, which stays out of the name
            if connector:
                current.append(token)
                continue
            if current and title_after:
                current.append(token)
                if position < last_position and profiles[position + 1][4] == "organization":
                    continue  # "Ali Rıza Paşa kabinesi": the person names the organization
                if position < last_position and not token.capitalized and self._surname(run[position + 1]):
                    # "Khosrov bey Sultanov": a Caucasian name holds its title before the surname
                    current.append(run[position + 1])
                    surname_taken = position + 1
                    close(post_title=True)
                    continue
                close(post_title=True)
                continue
            if title_before and not token.has_apostrophe:
                close()
                # "Minister of War", "Minister for Foreign Affairs": the title heads an office, whose
                # words after "of" name its domain, not a person
                pre_title = not (
                    position < last_position
                    and turkish_lower(run[position + 1].text) in words.office_connectors
                )
                if pre_title and turkish_lower(token.text) in words.styles_before:
                    style = token
                continue
            next_is_head = position < last_position and profiles[position + 1][4] not in (None, "other")
            # the izafet test reads the profile of the word before: current[-1] is run[position - 1];
            # an office before a head is part of the name ("İcra Vekilleri Heyeti")
            if office and head is None and not next_is_head and not (current and profiles[position - 1][5]):
                closed = bool(current)
                close()
                if closed:
                    segments[-1].before_office = True
                continue
            if (
                token.kind == "initials"
                and current
                and current[-1].kind != "initials"
                and not self._middle_initial(current, run, position, last_position)
            ):
                close()
            current.append(token)
            if token.has_apostrophe or oblique:
                close()
            elif (
                head not in (None, "other")
                and not next_is_head
                and len(current) > 1
                and not (
                    position < last_position
                    and turkish_lower(run[position + 1].text) in words.head_first_connectors
                )
            ):
                close()
        close()
        return segments

    # ---------------------------------------------------------------- one segment
    def _trim(self, tokens: list[Token], keep_all: bool, keep_last: bool = False) -> list[Token]:
        """Drop edge words that are not part of the name: connectors, titles, peoples, common words."""
        words = self.words
        if len(tokens) > 1 and self._authority_type(self._surface(tokens, "", False, whole=True)) is not None:
            return tokens

        def droppable(token: Token, leading: bool) -> bool:
            lemmas = self._lemmas(token)
            if not token.capitalized and token.kind == "word":
                return True
            if lemmas & words.not_names or lemmas & words.titles_before or lemmas & words.titles_after:
                return True
            if lemmas & words.ethnonyms and self._authority_type(token.stem) is None:
                return True
            if keep_all or (leading and not token.sentence_initial):
                return False
            return not self._name_capable(token) or (leading and self._opening_common_word(tokens))

        while (
            tokens
            and droppable(tokens[0], leading=True)
            and not self._given_name_before_name(tokens)
            and not (keep_last and len(tokens) == 1 and self._before_place_noun(tokens[0]))
        ):
            tokens = tokens[1:]
        while (
            tokens
            and droppable(tokens[-1], leading=False)
            and not self._second_given_name(tokens)
            and not (keep_last and self._before_place_noun(tokens[-1]))
        ):
            tokens = tokens[:-1]
        return tokens

    def _opening_common_word(self, tokens: list[Token]) -> bool:
        """'Kuvvetler Tuz gölü …': a sentence's first word that the lexicon reads as a common word too, before
        a word that is a known name by itself, is capitalized for the sentence (a given name or a name the
        authority or gazetteer knows stays)."""
        first = tokens[0]
        if len(tokens) < 2 or first.kind != "word" or first.has_apostrophe or self.english:
            return False
        if morphology.is_proper_only(first.stem) or self.known_name(first.stem):
            return False
        if name_key(first.stem) in listed_given_names(self.authority):
            return False
        second = tokens[1]
        return second.kind == "word" and self.known_name(morphology.strip_inflection(second.stem))

    def _middle_initial(self, current: list[Token], run: list[Token], position: int, last: int) -> bool:
        """'William N. Haskell': an initial between a listed given name alone and a surname is its bearer's
        middle initial, not the start of another name ("Türkiye İ. Ebilov")."""
        return (
            len(current) == 1
            and current[0].kind == "word"
            and not current[0].has_apostrophe
            and name_key(current[0].stem) in listed_given_names(self.authority)
            and position < last
            and run[position + 1].kind == "word"
            and run[position + 1].capitalized
        )

    def _split_known(self, tokens: list[Token], text: str) -> list[list[Token]]:
        """'Türkiye Rusya', 'İ. Ebilov Türkiye': adjacent names the authority or gazetteer knows apart."""
        if len(tokens) < 2 or self._authority_type(self._surface(tokens, text, False)) is not None:
            return [tokens]
        for cut in range(1, len(tokens)):
            left, right = tokens[:cut], tokens[cut:]
            if any(t.kind == "initials" for t in right[:1]):
                continue
            right_surface = self._surface(right, text, False)
            right_type = self._authority_type(right_surface) or (
                "place" if self._place(right_surface) else None
            )
            left_surface = self._surface(left, text, False)
            left_known = (
                self._authority_type(left_surface) is not None or self._place(left_surface) is not None
            )
            if right_type is None or left[-1].kind == "initials":
                continue
            if right_type in ("place", "organization") or left_known:
                return [left, *self._split_known(right, text)]
        return [tokens]

    def _surface(self, tokens: list[Token], text: str, keep_possessive: bool, whole: bool = False) -> str:
        """The name as written without the last word's suffix ('Mustafa Kemal’in' → 'Mustafa Kemal')."""
        last = tokens[-1]
        if whole:  # words joined by single spaces, for lookups that do not need the document text
            return " ".join([t.text for t in tokens[:-1]] + [self._surface([last], "", keep_possessive)])
        if last.has_apostrophe:
            ending = last.stem
            stripped = morphology.strip_inflection(ending)
            if not keep_possessive and stripped != ending and self._authority_type(stripped) is not None:
                ending = stripped  # "Taşnakları’nı": the apostrophe came after the plural
        elif last.kind == "word":
            ending = morphology.strip_inflection(last.text, keep_possessive)
        else:
            ending = last.text
        body = text[tokens[0].start : last.start] if len(tokens) > 1 else ""
        return " ".join((body + ending).split())

    def _candidates(self, segment: _Segment, text: str) -> list[Candidate]:
        """The mentions one segment holds: usually one, several when known names stand side by side."""
        if len(segment.tokens) == 1 and not self.pending:
            return self._one_word_candidates(segment, text)
        return self._segment_candidates(segment, text)

    def _one_word_candidates(self, segment: _Segment, text: str) -> list[Candidate]:
        """`_segment_candidates` of a one-word segment, worked out once per document for each spelling.

        For one word the rules read only the word, the segment's titles, whether the sentence is
        English and whether an ordinal number stands right before it ("11. Ordu"); the same word in
        the same setting gives the same mentions at its own offsets (most words of a document recur).
        """
        token = segment.tokens[0]
        ordinal = _ORDINAL_BEFORE.search(text[max(0, token.start - 6) : token.start]) is not None
        key: OneWordKey = (
            token.text,
            token.kind,
            token.sentence_initial,
            segment.pre_title,
            segment.post_title,
            self.english,
            ordinal,
            self.place_noun_after,
        )
        known = self.one_word.get(key)
        if known is None:
            dropped_before = len(self.dropped)
            found = self._segment_candidates(segment, text)
            dropped = len(self.dropped) > dropped_before
            if any(len(c.tokens) != 1 or c.tokens[0] is not token for c in found):
                return found  # not the shape remembered below (no rule makes it today)
            results = [
                (c.start - token.start, c.end - token.start, c.surface, c.type, c.strength) for c in found
            ]
            self.one_word[key] = (results, dropped)
            return found
        results, dropped = known
        if dropped:
            self.dropped.append(token)
        return [
            Candidate(token.start + start, token.start + end, surface, kind, strength, [token])
            for start, end, surface, kind, strength in results
        ]

    def _qualified_place(self, tokens: list[Token], text: str) -> Candidate | None:
        """'Garbi Anadolu’daki', 'Şûralar Rusyası': a word of direction before a place's name is part of
        the place's name; a regime's word before a country's name with its possessive names that regime's
        state (an organization). What stands before the two words is read by itself."""
        if len(tokens) < 2 or self.english:
            return None
        qualifier, place = tokens[-2], tokens[-1]
        if qualifier.kind != "word" or place.kind != "word" or qualifier.has_apostrophe:
            return None
        if head_type(place, self.words) is not None:
            return None  # "Şûralar Cumhuriyeti": a head word, though a town is so called
        lemmas = self._lemmas(qualifier) | {turkish_lower(qualifier.text)}
        words = self.words
        direction, regime = bool(lemmas & words.place_qualifiers), bool(lemmas & words.regime_words)
        if not (direction or (regime and self._possessive(place))):
            return None
        bare = self._surface([place], text, keep_possessive=False)
        if (self._authority_type(bare) or ("place" if self._place(bare) is not None else None)) != "place":
            return None
        named = tokens[-2:]
        if len(tokens) > 2:
            self.pending.extend(self._candidates(_Segment(tokens[:-2]), text))
        if regime and not direction:
            surface = self._surface(named, text, keep_possessive=True)
            return Candidate(qualifier.start, place.end, surface, "organization", 3, named)
        surface = self._surface(named, text, keep_possessive=False)
        return Candidate(
            qualifier.start, place.end, surface, self._authority_type(surface) or "place", 3, named
        )

    def _segment_candidates(self, segment: _Segment, text: str) -> list[Candidate]:
        tokens = segment.tokens
        if not segment.pre_title and not segment.post_title:
            qualified = self._qualified_place(tokens, text)
            if qualified is not None:
                split_off, self.pending = self.pending, []
                return [*split_off, qualified]
        if (
            tokens
            and head_type(tokens[-1], self.words) is None
            and not segment.post_title
            and self._head_first(tokens) is None
        ):
            kept = self._trim(list(tokens), keep_all=segment.pre_title)
            parts = self._split_known(kept, text)
            if len(parts) > 1:
                found = []
                for index, part in enumerate(parts):
                    found.extend(self._candidates(_Segment(part, segment.pre_title and index == 0), text))
                return found
        candidate = self._candidate(segment, text)
        split_off, self.pending = self.pending, []
        if (
            candidate is None
            and len(tokens) == 1
            and tokens[0].kind == "word"
            and (not tokens[0].sentence_initial or tokens[0].has_apostrophe)
        ):
            # "Rey" (a common word) may be the surname of "Albay Rey"; "İsmet’in" at a sentence's start too
            self.dropped.append(tokens[0])
        return split_off + ([candidate] if candidate is not None else [])

    def _candidate(self, segment: _Segment, text: str) -> Candidate | None:
        words = self.words
        tokens = segment.tokens
        if not tokens:
            return None
        if self._addresses(tokens):
            return None
        position = self._head_first(tokens)
        if position is not None:
            named = tokens[position:]
            surface = self._surface(named, text, keep_possessive=False)
            kind = self._authority_type(surface) or head_type(named[0], words) or "organization"
            return Candidate(named[0].start, named[-1].end, surface, kind, 3, named)
        last = tokens[-1]
        head = head_type(last, words)
        if head == "other" or self._lemmas(tokens[0]) & self.other_heads:
            # "Misak-ı Millî": the authority may list a name whose head is of no type of ours
            surface = self._izafet_surface(tokens, text)
            known = self._authority_type(surface)
            return Candidate(tokens[0].start, last.end, surface, known, 3, tokens) if known else None
        honoured = self._honoured_office(tokens, text)
        if honoured is not None:
            return honoured
        if head is not None:
            if all(t.stem.isupper() and len(t.stem) > 1 for t in tokens) and (
                self._authority_type(self._surface(tokens, "", False, whole=True)) is None
            ):
                return None  # a heading in capitals ("LOZAN KONFERANSI VE MUSUL MESELESİ")
            ordinal = bool(_ORDINAL_BEFORE.search(text[max(0, tokens[0].start - 6) : tokens[0].start]))
            named = [t for t in tokens[:-1] if t.capitalized or t.kind != "word"]
            # sentence-initial function words ("Bu Kongre") are not part of the name
            while (
                named
                and named[0].sentence_initial
                and not _is_numeral(named[0])  # "Yirminci Kolordu", "On Beşinci Kolordu"
                and (
                    morphology.is_function_word(named[0].stem)
                    or turkish_lower(named[0].text) in words.sentence_words  # "The Assembly"
                    or self._speaker_possessive(named[0])  # "Heyetimizi Yirminci Kolordu"
                    or (
                        len(named) > 1
                        and not self._name_capable(named[0])
                        and (self._strong(named[1]) or _is_numeral(named[1]))  # "Heyet Yirmi Dördüncü Fırka"
                    )
                )
            ):
                tokens = tokens[1:]
                named = named[1:]
            while tokens and not tokens[0].capitalized and tokens[0].kind == "word":
                tokens = tokens[1:]
            if not tokens:
                return None
            if (
                len(tokens) >= 2
                and is_body_office(last, words)
                and (
                    head_type(tokens[-2], words) not in (None, "other")
                    or (len(tokens) > 2 and self._izafet_name(tokens[0]))  # "Heyet-i Temsiliye Riyasetine"
                )
            ):
                # "On Beşinci Kolordu Kumandanlığına": written to the body's head, it names the body
                return self._candidate(_Segment(tokens[:-1]), text)
            if (
                len(tokens) == 2
                and not self.english
                and head == "organization"
                and last.has_apostrophe  # the head is itself a proper name ("Meclis’te")
                and not self._possessive(last)
                and self.known_name(self._surface(tokens[:1], text, keep_possessive=False))
                and self._authority_type(self._surface(tokens, text, keep_possessive=True)) is None
            ):
                # "İnönü Meclis’te": a compound name's head carries the possessive ("Ankara Hükûmeti");
                # without it the head stands by itself after another name
                before = self._candidates(_Segment(tokens[:1]), text)  # (it empties the pending list)
                self.pending.extend(before)
                return self._candidate(_Segment(tokens[1:]), text)
            alone = self._authority_type(self._surface(tokens, text, keep_possessive=False))
            if (
                not named
                and not ordinal
                and alone is None
                and len(tokens) == 1
                and self.place_noun_after
                and self._before_place_noun(last)
            ):
                return Candidate(last.start, last.end, last.text, "place", 2, tokens)  # "Çay kasabası"
            if not named and not ordinal and alone is not None:  # "Boğazlar": a head word that is a name
                return Candidate(
                    tokens[0].start, last.end, self._surface(tokens, text, False), alone, 3, tokens
                )
            if named or ordinal:
                surface = self._surface(tokens, text, keep_possessive=True)
                if self._authority_type(surface) is None:
                    # "Türkiye Kars Antlaşması’nı": a known name may stand before another known name
                    for cut in range(1, len(tokens) - 1):
                        rest = self._surface(tokens[cut:], text, keep_possessive=True)
                        rest_type = self._authority_type(rest)
                        if rest_type is not None and self.known_name(
                            self._surface(tokens[:cut], text, False)
                        ):
                            before = self._candidates(_Segment(tokens[:cut]), text)
                            self.pending.extend(before)
                            return Candidate(tokens[cut].start, last.end, rest, rest_type, 3, tokens[cut:])
                kind = self._authority_type(surface) or head
                return Candidate(tokens[0].start, last.end, surface, kind, 3, tokens)
            return None
        if segment.post_title:
            kept = [t for t in tokens if t.capitalized or t.kind != "word"]
            kept = [t for t in kept if not self._lemmas(t) & words.titles_before or t is kept[-1]]
            while (
                len(kept) > 2
                and kept[0].sentence_initial
                and (
                    self._not_a_name_alone(kept[0])  # "Bugün Rauf Bey", "Maahaza Rauf Bey"
                    or self._speaker_possessive(kept[0])  # "Azizim Vasıf Bey", "Heyetimizi Rauf Bey"
                    or self._common_noun_opening(kept)  # "Müzakere Rauf Bey’in riyasetinde"
                )
            ):
                kept = kept[1:]
            if len(kept) < 2 or all(self._lemmas(t) & self.honouring for t in kept):
                return None  # "Paşa Hazretleri": a title and an honorific, no name
            surface = self._surface(kept, text, keep_possessive=False)
            return Candidate(kept[0].start, kept[-1].end, surface, "person", 3, kept)
        izafet = _izafet(tokens[0])
        if izafet and len(tokens) == 1:
            return None  # "Vaziyet-i", "Suret-i": the first word of a compound whose rest is not a name
        unit = next(
            (p for p, t in enumerate(tokens) if p < len(tokens) - 1 and self._administrative(t)), None
        )
        if unit is not None:
            # "Elviye-i Müstakilleye": a unit of the state, or a class of them, is never a person
            if unit > 0:  # "Keyfiyet Elviye-i …": what stands before is read by itself
                self.pending.extend(self._candidates(_Segment(tokens[:unit]), text))
            named = tokens[unit:]
            surface = self._izafet_surface(named, text)
            known = self._authority_type(surface)
            return Candidate(named[0].start, named[-1].end, surface, known, 3, named) if known else None
        if (
            izafet
            and not morphology.lemmas(izafet.group(1)) & words.izafet_heads
            and all(self._common_part(t) for t in tokens)
            and self._authority_type(self._izafet_surface(tokens, text)) is None
        ):
            return None  # "Hâkimiyet-i Milliye", "Müdafaa-i Milliye": a compound of common words
        if izafet and len(tokens) > 1 and morphology.lemmas(izafet.group(1)) & words.izafet_heads:
            surface = self._izafet_surface(tokens, text)
            kind = self._authority_type(surface) or "organization"
            return Candidate(tokens[0].start, tokens[-1].end, surface, kind, 3, tokens)
        kept = self._trim(list(tokens), keep_all=segment.pre_title, keep_last=self.place_noun_after)
        if not kept or (len(kept) == 1 and _izafet(kept[0]) is not None):
            return None  # "Umur-ı Siyasiye": the compound's common rest trimmed, its first word is no name
        if kept[0] is not tokens[0] and len(kept) > 1 and _izafet(kept[0]) is not None:
            # "Murahhaslara Heyet-i Vekile’nin": the sentence's first word trimmed, an izafet name is left
            return self._candidate(_Segment(kept, segment.pre_title, segment.post_title), text)
        first, last = kept[0], kept[-1]
        place_before_noun = self.place_noun_after and self._before_place_noun(last)
        name_tokens = [t for t in kept if self._lemmas(t).isdisjoint(words.not_names)]
        if not name_tokens and not place_before_noun:
            return None
        surface = self._surface(kept, text, keep_possessive=False)
        authority_type = self._authority_type(surface)
        if authority_type is None and len(kept) == 1 and last.kind == "word" and not last.has_apostrophe:
            whole = self._surface(kept, text, keep_possessive=True)
            whole_type = self._authority_type(whole) if whole != surface else None
            if whole_type is not None:
                surface, authority_type = whole, whole_type  # "Karesi": the name ends like a possessive
        if authority_type is None and place_before_noun:
            surface = " ".join(text[first.start : last.end].split())  # "Menteşe havalisinde": no suffix
        if (
            self.english
            and authority_type is None
            and len(kept) == 2
            and kept[0].kind == "initials"
            and turkish_lower(kept[0].text) in words.courtesy_titles
            and kept[1].kind == "word"
        ):
            # "M. Chicherin": Monsieur, not an initial
            surface = self._surface(kept[1:], text, keep_possessive=False)
            return Candidate(
                last.start, last.end, surface, self._authority_type(surface) or "person", 3, kept[1:]
            )
        if segment.before_office and authority_type is None and len(kept) > 1 and not segment.pre_title:
            state = self._state_of_office(kept, text)
            if state is not None:
                return state
        if segment.pre_title or any(t.kind == "initials" for t in kept):
            return Candidate(first.start, last.end, surface, authority_type or "person", 3, kept)
        if authority_type is not None:
            return Candidate(first.start, last.end, surface, authority_type, 3, kept)
        if len(kept) == 1 and self._not_a_name_alone(first):
            return None
        if place_before_noun and not segment.before_office:
            if len(kept) > 1 or not (
                self._lemmas(first) & words.ethnonyms or morphology.derived_from_proper(first.stem)
            ):
                return Candidate(first.start, last.end, surface, "place", 2, kept)  # "Çay kasabası"
        if self._place(surface) is not None:
            return Candidate(first.start, last.end, surface, "place", 2, kept)
        if len(kept) == 1:
            lemmas = self._lemmas(first)
            if lemmas & words.ethnonyms or morphology.derived_from_proper(first.stem):
                return None  # a people, not a person, place or organization
        if len(kept) == 1 and self._common_english(first):
            return None
        if first.kind == "abbr" and len(kept) == 1:
            return Candidate(first.start, last.end, surface, "organization", 1, kept)
        if not any(self._strong(t) for t in kept):
            return None
        if len(kept) >= 2:
            if all(t.text.isupper() and len(t.text) > 1 for t in kept):
                return None  # a heading in capitals ("LOZAN KONFERANSI VE MUSUL MESELESİ"), not a person
            return Candidate(first.start, last.end, surface, "person", 2, kept)
        lower = fold_for_surname_ending(surface)
        if any(lower.endswith(ending) and len(lower) > len(ending) + 2 for ending in words.surname_endings):
            return Candidate(first.start, last.end, surface, "person", 2, kept)
        if first.has_apostrophe and _DIRECTIONAL_CASE.match(turkish_lower(_after_apostrophe(first.text))):
            return Candidate(first.start, last.end, surface, "place", 1, kept)  # "Malta’ya", "Filistin’de"
        return Candidate(first.start, last.end, surface, "person", 1, kept)

    # ---------------------------------------------------------------- a sentence
    def sentence_candidates(self, text: str, start: int, end: int) -> list[Candidate]:
        """Candidates in text[start:end] (offsets are document offsets)."""
        sentence = text[start:end]
        tokens = tokenize(sentence, start)
        if "-" in sentence:  # else no word is hyphenated
            whole, tokens = tokens, []
            for token in whole:
                if token.kind == "word" and "-" in token.stem:
                    tokens.extend(split_hyphenated(token, self.known_name))
                else:
                    tokens.append(token)  # what split_hyphenated gives back, without the call
        # tokens that are English function words, counted without a Python loop
        function_words = sum(map(self.words.english_function_words.__contains__, map(_TEXT, tokens)))
        self.english = self.english_document or function_words >= 3
        # whether any name of the sentence can be "Treaty of Sèvres" (most sentences have no "of")
        self.head_first_sentence = not self.words.head_first_connectors.isdisjoint(map(_TEXT, tokens))
        found: list[Candidate] = []
        # Tokens are ordered and disjoint: the first to start after a run is the one after its last.
        for run, after in self._runs(text, tokens):
            following = tokens[after] if after < len(tokens) else None
            if (
                following is not None
                and not following.capitalized
                and morphology.lemmas(following.text) & self.words.title_heads
            ):
                run = run[:-1]  # "Vakit gazetesinin": the last word is the title of a publication
            run = self._without_address(run)
            place_noun_next = (
                following is not None
                and bool(run)
                and not self.english
                and text[run[-1].end : following.start].isspace()
                and self._place_noun(following)
            )
            segments = self._segments(run)
            for position, segment in enumerate(segments):
                # "Maraş ve Pazarcık havalisinde": the names of the run's last segment stand before it
                self.place_noun_after = place_noun_next and position == len(segments) - 1
                for part in self._split_connectors(segment):
                    made = self._candidates(part, text)
                    if part.style is not None:
                        made = [self._styled(candidate, part, text) for candidate in made]
                    found.extend(made)
        self.place_noun_after = False
        return found

    @staticmethod
    def _styled(candidate: Candidate, segment: _Segment, text: str) -> Candidate:
        """'Lord Curzon', 'Sir H. Rumbold': the style before a person's name stays in the mention."""
        style = segment.style
        if style is None or candidate.type != "person" or candidate.start != segment.tokens[0].start:
            return candidate
        surface = " ".join((text[style.start : candidate.start] + candidate.surface).split())
        return Candidate(style.start, candidate.end, surface, "person", candidate.strength, candidate.tokens)

    def _without_address(self, run: list[Token]) -> list[Token]:
        """'Cenab-ı Hak', 'Zât-ı Âlîleri': an address word and the common words it governs leave the run."""
        izafet = _izafet(run[0]) if run and run[0].kind == "word" else None
        if izafet is None or turkish_lower(izafet.group(1)) not in self.words.address_heads:
            return run
        if self._authority_type(self._surface(run, "", False, whole=True)) is not None:
            return run
        rest = run[1:]
        while rest and not self._strong(rest[0]):
            rest = rest[1:]
        return rest

    def _head_first(self, tokens: list[Token]) -> int | None:
        """Where the head of 'Treaty of Sèvres', 'The Congress of Erzeroum' stands, if the name is so made."""
        if not self.head_first_sentence or len(tokens) < 3:
            return None
        position = 1 if turkish_lower(tokens[0].text) == "the" else 0
        if (
            len(tokens) >= position + 3
            and turkish_lower(tokens[position + 1].text) in self.words.head_first_connectors
            and head_type(tokens[position], self.words) not in (None, "other")
            and tokens[position].capitalized
            and tokens[position + 2].capitalized
        ):
            return position
        return None

    def _territorial_designation(self, tokens: list[Token]) -> bool:
        """'Curzon of Kedleston': a name, 'of', then one capitalized word, and nothing else lower-case."""
        lower = [p for p, t in enumerate(tokens) if t.kind == "word" and not t.capitalized]
        return (
            len(lower) == 1
            and 0 < lower[0] == len(tokens) - 2
            and turkish_lower(tokens[lower[0]].text) in self.words.head_first_connectors
            and tokens[-1].capitalized
        )

    def _split_connectors(self, segment: _Segment) -> list[_Segment]:
        """'Kars ve Ardahan' is two names; 'İttihat ve Terakki Cemiyeti', 'Erzurum ve Sivas Kongreleri' one;
        'Treaty of Sèvres' one."""
        tokens = segment.tokens
        if not tokens:
            return []
        if self._head_first(tokens) is not None:
            return [segment]
        peer = segment.style is not None or turkish_lower(tokens[0].text) in self.words.peerages
        if peer and self._territorial_designation(tokens):
            return [segment]  # "Marquess Curzon of Kedleston": a peer's title names the place he holds it of
        last = tokens[-1]
        if head_type(last, self.words) not in (None, "other") and last.capitalized:
            plural_head = any(
                "A3pl" in {m[0] for m in a.morphemes} or "P3pl" in {m[0] for m in a.morphemes}
                for a in morphology.analyze_word(last.stem)
            )
            first_part = []
            for token in tokens:
                if not token.capitalized and token.kind == "word":
                    break
                first_part.append(token)
            # "Anadolu ve Rumeli Müdafaa-i Hukuk Cemiyeti": an izafet between the connector and a singular
            # head makes the names before it the society's region, not names of their own
            izafet_inside = any(_izafet(t) is not None for t in tokens[len(first_part) + 1 : -1])
            if (
                not first_part
                or plural_head
                or izafet_inside
                or len(first_part) == len(tokens)
                or not self.known_name(self._surface(first_part, "", False, whole=True))
            ):
                return [segment]
        parts: list[list[Token]] = [[]]
        for token in tokens:
            if (
                not token.capitalized
                and token.kind == "word"
                and token is not last
                and not (segment.post_title and turkish_lower(token.text) in self.words.titles_after)
                and not (self.english and turkish_lower(token.text) in self.words.name_particles)
            ):
                parts.append([])
            else:
                parts[-1].append(token)
        parts = [p for p in parts if p]
        if len(parts) <= 1:
            whole = _Segment(
                parts[0], segment.pre_title, segment.post_title, segment.style, segment.before_office
            )
            return [whole] if parts else []
        final = len(parts) - 1
        return [
            _Segment(
                p,
                segment.pre_title and i == 0,
                segment.post_title and i == final,
                segment.style if i == 0 else None,
                segment.before_office and i == final,
            )
            for i, p in enumerate(parts)
        ]
