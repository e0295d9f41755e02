"""The date words of the chosen languages, read from `lang/<code>/dates.yaml`, as regular expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TypeVar

from vakanuvis.lang import LANGUAGES, language_data
from vakanuvis.lang.tr.casing import turkish_lower_keeping_dot_above, turkish_upper

T = TypeVar("T")
APOSTROPHE = "[’'‘`´]"
LETTERS = r"[^\W\d_]"
# A letter may not touch a word on either side: \b treats digits as word characters.
WORD_START = rf"(?<!{LETTERS})"
WORD_END = rf"(?!{LETTERS})"


def marked_vowels() -> dict[str, str]:
    """Vowels with a circumflex or a macron and the plain vowel they are read as ("â" → "a"), all languages."""
    marks: dict[str, str] = {}
    for code in LANGUAGES:
        marks.update(language_data(code, "dates").get("marked_vowels") or {})
    return marks


MARKED_VOWELS = marked_vowels()
MARKED_VOWEL = re.compile("[" + "".join(sorted(MARKED_VOWELS)) + "]")


def unmarked(text: str) -> str:
    """`text` with its circumflex and macron vowels plain, of the same length (one letter for one):
    "Kânûn-ı Sânî" → "Kanun-ı Sani". The grammar's patterns are written with plain vowels and are run
    over the text made plain, so a marked spelling needs no form of its own."""
    # (a search and a replacement per marked letter: str.translate looks up every letter, and took a
    # third of the stage's time on long texts)
    if MARKED_VOWEL.search(text) is None:
        return text
    return MARKED_VOWEL.sub(lambda match: MARKED_VOWELS[match.group()], text)


def case_variants(form: str, capitalized_only: bool = False) -> set[str]:
    """The spellings of `form` in lower, upper and title case, Turkish and general casing."""
    variants = {form, form.upper(), turkish_upper(form)}
    if not capitalized_only:
        variants |= {form.lower(), turkish_lower_keeping_dot_above(form)}
    for text in list(variants):
        if text:
            variants.add(text[0].upper() + text[1:])
            variants.add(turkish_upper(text[0]) + text[1:])
    return variants


def form_pattern(form: str, bounded: bool = True, word_start: bool = True) -> str:
    """A regex for one data form: "*" at the end allows an inflection, spaces allow any whitespace."""
    inflected = form.endswith("*")
    form = form.rstrip("*")
    pattern = r"\s+".join(re.escape(part) for part in form.split())
    if inflected:
        pattern += f"{LETTERS}*"
    if bounded and form[-1:].isalpha():
        pattern += WORD_END
    if word_start and form[:1].isalpha():
        pattern = WORD_START + pattern
    return pattern


def spellings_of(forms: list[str], capitalized_only: bool = False) -> list[str]:
    """Every casing of every form, its marked vowels made plain (the patterns match them either way),
    longest first (so that alternation prefers the longest)."""
    spellings: set[str] = set()
    for form in forms:
        spellings |= case_variants(unmarked(form), capitalized_only)
    return sorted(spellings, key=lambda text: (-len(text), text))


def alternation(
    forms: list[str], capitalized_only: bool = False, bounded: bool = True, suffix: bool = False
) -> str:
    """One non-capturing group matching any of `forms` in any casing, longest first.

    `bounded`: the form must end a word; `suffix`: the form continues a word (an attached suffix).
    """
    ordered = spellings_of(forms, capitalized_only)
    if not ordered:
        return "(?!x)x"  # matches nothing
    # Consecutive forms that start a word share one word-start test and one test of their first
    # letters, so the engine leaves most positions of a text at once instead of trying every form
    # there; the forms keep their order, so the same match is found. The first-letter test comes first:
    # both tests look at the same position, and it fails sooner at most of them.
    runs: list[tuple[bool, list[str]]] = []
    for text in ordered:
        starts = not suffix and text.rstrip("*")[:1].isalpha()
        if not runs or runs[-1][0] != starts:
            runs.append((starts, []))
        runs[-1][1].append(text)
    parts = []
    for starts, texts in runs:
        bodies = [form_pattern(text, bounded, word_start=False) for text in texts]
        first = "".join(sorted({re.escape(text[0]) for text in texts}))
        if starts:
            parts.append(f"(?=[{first}]){WORD_START}(?:" + "|".join(bodies) + ")")
        elif suffix and all(text[:1].isalpha() for text in texts):
            parts.append(f"(?=[{first}])(?:" + "|".join(bodies) + ")")  # a suffix: only the letter test
        else:
            parts.extend(bodies)
    return "(?:" + "|".join(parts) + ")"


def trie_pattern(words: list[str]) -> str:
    """A regex matching any of `words`, longest first, shared prefixes factored; a space matches any whitespace."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def branch(node: dict[str, dict]) -> str:
        ending = "" in node
        parts = [
            (r"\s+" if char == " " else re.escape(char)) + branch(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if ending:
            return "(?:" + body + ")?"
        return body

    return "(?:" + branch(trie) + ")"


@lru_cache(maxsize=65_536)
def key(text: str) -> str:
    """The lookup key of a written word: Turkish-lowercased, marked vowels plain, inner whitespace collapsed."""
    return " ".join(turkish_lower_keeping_dot_above(unmarked(text)).split())


@dataclass
class Lexicon:
    """The date words of a set of languages, merged."""

    languages: tuple[str, ...]
    months: dict[str, int] = field(default_factory=dict)  # key -> month number
    hijri_months: dict[str, int] = field(default_factory=dict)
    rumi_month_keys: set[str] = field(default_factory=set)  # names that make a Rumi-range year Rumi
    rumi_years: tuple[int, int] | None = None
    words: dict[str, list[str]] = field(default_factory=dict)  # category -> forms
    seasons_after: dict[str, int] = field(default_factory=dict)  # form -> season code
    seasons_before: dict[str, int] = field(default_factory=dict)
    parts_after: dict[str, str] = field(default_factory=dict)  # form -> part name
    parts_before: dict[str, str] = field(default_factory=dict)
    year_anaphora: dict[str, int] = field(default_factory=dict)  # "aynı yıl*" -> 0, "ertesi yıl*" -> 1
    two_digit_rumi_years: tuple[int, int] | None = None  # "38" in "1 Teşrinisani 38" is 1338
    day_numbers: dict[str, int] = field(default_factory=dict)  # "yirmi" -> 20, "dörd" -> 4
    # counted from the document's date: form -> (unit, offset), "dün" -> ("day", -1), "mah-ı sabık" -> ("month", -1)
    deixis: dict[str, tuple[str, int]] = field(default_factory=dict)
    month_deixis: dict[str, int] = field(default_factory=dict)  # before a month name: "geçen" -> -1
    day_anaphora: dict[str, int] = field(default_factory=dict)  # "ertesi gün" -> 1
    weekdays: dict[str, int] = field(default_factory=dict)  # "Çarşamba" -> 3 (ISO: Monday 1)
    weekday_directions: dict[str, int] = field(default_factory=dict)  # "geçen" -> -1, "next" -> 1
    verb_tenses: dict[str, str] = field(
        default_factory=dict
    )  # analyser morpheme -> "past" | "future" | "present"
    month_pattern: str = ""
    month_words: list[str] = field(default_factory=list)  # every spelling of every month name, longest first
    month_firsts: frozenset[str] | None = None  # first characters of the month spellings (None: unknown)
    patterns: dict[str, str] = field(default_factory=dict)  # category -> alternation, built once
    key_sets: dict[str, frozenset[str]] = field(default_factory=dict)  # category -> keys, built once
    compiled: dict[str, re.Pattern[str]] = field(default_factory=dict)  # see regex()
    capitalized_months: set[str] = field(default_factory=set)
    # the months of the languages whose number words can name their day ("on altı Mart", not "on March")
    months_with_day_words: set[str] = field(default_factory=set)

    def words_of(self, category: str) -> list[str]:
        return self.words.get(category, [])

    def pattern(self, category: str) -> str:
        if category not in self.patterns:
            self.patterns[category] = alternation(self.words_of(category))
        return self.patterns[category]

    def regex(self, name: str, pattern: str) -> re.Pattern[str]:
        """`pattern` compiled once under `name` (the patterns built from categories are long: building
        and hashing them again at every date cost more than matching them)."""
        found = self.compiled.get(name)
        if found is None:
            found = self.compiled[name] = re.compile(pattern)
        return found

    def keys(self, category: str) -> frozenset[str]:
        """The lookup keys of a category's forms (built once: scanning asks for them at every date)."""
        if category not in self.key_sets:
            self.key_sets[category] = frozenset(key(word) for word in self.words_of(category))
        return self.key_sets[category]

    def month_number(self, written: str) -> tuple[int, str] | None:
        """(month number, calendar) of a written month name, or None."""
        name = key(written)
        if name in self.months:
            return self.months[name], "gregorian"
        if name in self.hijri_months:
            return self.hijri_months[name], "hijri"
        return None


WORD_CATEGORIES = (
    "attached_suffixes",
    "detached_suffixes",
    "standalone_month_suffixes",
    "ablative_suffixes",
    "year_words",
    "month_words",
    "month_day_links",
    "date_words",
    "range_tails",
    "within_words",
    "approximate_before",
    "approximate_after",
    "open_start_after",
    "open_end_after",
    "open_start_before",
    "open_end_before",
    "range_from",
    "range_to",
    "range_between",
    "range_and",
    "range_prefix",
    "year_prepositions",
    "rumi_markers",
    "hijri_markers",
    "old_style_markers",
    "newspaper_words",
    "decade_suffixes",
    "archive_units",
    "genitive_suffixes",
    "day_suffixes",
    "quantity_words",
    "month_names_also_nouns",
    "year_before_words",
    "locators",
    "day_parts",
    "date_prepositions",
    "short_year_words",
    "day_word_possessives",
    "day_word_cases",
    "day_word_ordinals",
    "day_word_after_ordinal",
    "day_words_not_alone",
    "month_of_narrative",
    "verbs_without_time_in_participle",
    "verbal_noun_morphemes",
    "numbered_item_words",
    "ordinal_day_articles",
    "ordinal_not_day_words",
    "dated_paper_words",
    "newspaper_titles",
    "weekday_after_words",
    "weekday_before_words",
    "narrative_month_after_ordinal",
)
DEIXIS_UNITS = {"days_from_document": "day", "months_from_document": "month", "years_from_document": "year"}


@cache
def build_lexicon(languages: tuple[str, ...]) -> Lexicon:
    """Merge the date data of `languages` into one lexicon."""
    lexicon = Lexicon(languages=languages)
    month_forms: list[str] = []
    capitalized_forms: list[str] = []
    for code in languages:
        data = language_data(code, "dates")
        capitalized = bool(data.get("months_capitalized"))
        for number, forms in (data.get("months") or {}).items():
            for form in forms:
                lexicon.months[key(form)] = int(number)
                (capitalized_forms if capitalized else month_forms).append(form)
                if data.get("rumi_years"):
                    lexicon.rumi_month_keys.add(key(form))
        for number, forms in (data.get("hijri_months") or {}).items():
            for form in forms:
                lexicon.hijri_months[key(form)] = int(number)
                month_forms.append(form)
        if data.get("rumi_years"):
            low, high = data["rumi_years"]
            lexicon.rumi_years = (int(low), int(high))
        for category in WORD_CATEGORIES:
            lexicon.words.setdefault(category, []).extend(data.get(category) or [])
        after = data.get("season_position", "after") == "after"
        for code_number, forms in (data.get("seasons") or {}).items():
            for form in forms:
                (lexicon.seasons_after if after else lexicon.seasons_before)[form] = int(code_number)
        for offset, forms in (data.get("year_anaphora") or {}).items():
            for form in forms:
                lexicon.year_anaphora[form] = int(offset)
        if data.get("two_digit_rumi_years"):
            low, high = data["two_digit_rumi_years"]
            lexicon.two_digit_rumi_years = (int(low), int(high))
        lexicon.day_numbers.update(
            {str(word): int(number) for word, number in (data.get("day_number_words") or {}).items()}
        )
        if data.get("day_number_words"):
            lexicon.months_with_day_words.update(
                key(form)
                for group in ("months", "hijri_months")
                for forms in (data.get(group) or {}).values()
                for form in forms
            )
        for category, unit in DEIXIS_UNITS.items():
            for offset, forms in (data.get(category) or {}).items():
                for form in forms:
                    lexicon.deixis[form] = (unit, int(offset))
        for offset, forms in (data.get("months_named_from_document") or {}).items():
            for form in forms:
                lexicon.month_deixis[form] = int(offset)
        for offset, forms in (data.get("days_from_narrative") or {}).items():
            for form in forms:
                lexicon.day_anaphora[form] = int(offset)
        for number, forms in (data.get("weekdays") or {}).items():
            for form in forms:
                lexicon.weekdays[form] = int(number)
        for offset, forms in (data.get("weekday_directions") or {}).items():
            for form in forms:
                lexicon.weekday_directions[form] = int(offset)
        for tense, morphemes in (data.get("verb_tenses") or {}).items():
            for morpheme in morphemes:
                lexicon.verb_tenses[morpheme] = tense
        after = data.get("part_position", "after") == "after"
        for part, forms in (data.get("parts") or {}).items():
            for form in forms:
                (lexicon.parts_after if after else lexicon.parts_before)[form] = part
    lexicon.capitalized_months = {key(form) for form in capitalized_forms}
    spellings = spellings_of(month_forms) + spellings_of(capitalized_forms, capitalized_only=True)
    # Hundreds of spellings: a trie keeps the regex from trying each one at every position.
    month_words = [" ".join(text.split()) for text in spellings]
    lexicon.month_words = month_words
    lexicon.month_pattern = WORD_START + trie_pattern(month_words)
    lexicon.month_firsts = frozenset(word[0] for word in month_words) if all(month_words) else None
    return lexicon


def lookup(table: dict[str, T], written: str) -> T | None:
    """The value of the data form that `written` spells (inflections of "*" forms included)."""
    written_key = key(written)
    for form, value in table.items():
        form_key = key(form.rstrip("*"))
        if written_key == form_key or (form.endswith("*") and written_key.startswith(form_key)):
            return value
        if form.endswith("-") and written_key.startswith(form_key):
            return value
    return None
