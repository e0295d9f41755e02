"""Assembling expressions: neighbours joined into ranges, and only what is surely a date kept."""

from __future__ import annotations

import re

from vakanuvis.annotate.dates.cores import find_cores
from vakanuvis.annotate.dates.grammar import Expression, Grammar, grammar_for
from vakanuvis.annotate.dates.growth import grow_head, grow_tail
from vakanuvis.annotate.dates.lexicon import alternation, key, unmarked


def join_ranges(expressions: list[Expression], text: str, grammar: Grammar) -> list[Expression]:
    """Join neighbours that form one range or one date ("1921 Ocak-Şubat", "X’den Y’e kadar")."""
    lexicon = grammar.lexicon
    ablatives = lexicon.keys("ablative_suffixes")
    genitives = lexicon.keys("genitive_suffixes")  # "1919’un Mayıs ayında"
    joined: list[Expression] = []
    for expression in expressions:
        if not joined:
            joined.append(expression)
            continue
        before = joined[-1]
        gap = text[before.end : expression.start]
        as_range = False
        if "\n\n" in gap or len(gap) > 12:
            pass
        elif (
            before.last is None
            and before.bare_year
            and (not before.suffix or before.suffix in genitives)
            and expression.first.year is None
            and expression.year_offset is None
        ):
            if gap.strip() == "" and expression.first.month is not None:
                # "1920 Eylülünde", "1921 Ocak-Şubat aylarında", "1920-ci il aprelin 28-də"
                before_year = before.first.year
                expression.first.year = before_year
                if expression.last is not None:
                    expression.last.year = before_year
                expression.year_offset = before.year_offset
                expression.deixis = before.deixis  # "geçen sene Haziran’ın yirmi ikinci günü"
                expression.start = before.start
                expression.calendar_marker = expression.calendar_marker or before.calendar_marker
                expression.confirmed = True
                joined[-1] = expression
                continue
        elif (
            expression.year_offset is not None
            and expression.first.month is None
            and before.first.month is not None
            and before.first.year is None
            and before.year_offset is None
            and re.fullmatch(r"\s+(?:of\s+)?", gap)
        ):
            # "16 марта того же года", "in March of the following year"
            before.year_offset = expression.year_offset
            before.end = expression.end
            before.season = before.season or expression.season
            before.marks.append("year by reference")
            before.confirmed = True
            continue
        elif (
            expression.deixis is not None
            and expression.deixis[0] == "year"
            and expression.first.month is None
            and before.first.month is not None
            and before.first.year is None
            and before.year_offset is None
            and before.deixis is None
            and re.fullmatch(r"\s+of\s+", gap)
        ):
            # "April 23 of last year": the day of the year the document's date counts back to
            before.deixis = expression.deixis
            before.end = expression.end
            before.confirmed = True
            continue
        elif grammar.dash.match(gap) and not before.open_start and not expression.range_from:
            as_range = before.last is None and expression.last is None
        elif grammar.range_to.search(gap) and before.range_from:
            as_range = True
        elif grammar.range_and.search(gap) and (before.range_from or expression.range_tail):
            as_range = True
        elif gap.strip() == "" and before.suffix in ablatives and expression.open_end:
            as_range = True
            expression.open_end = False
        if as_range and before.bare_year and expression.bare_year and before.last is None:
            low, high = before.first.year or 0, expression.first.year or 0
            as_range = low < high <= low + 100  # "from 1000 to 2000 rifles" is no range of years
        if as_range:
            joined[-1] = merge(before, expression)
            continue
        joined.append(expression)
    return joined


def merge(before: Expression, after: Expression) -> Expression:
    """One range from `before` to `after`; a missing year of the start comes from the end."""
    last = after.last or after.first
    first = before.first
    if first.year is None and last.year is not None:
        first.year = last.year
    before.last = last
    before.end = after.end
    before.suffix = after.suffix
    before.narrative = before.narrative or after.narrative
    before.confirmed = True
    before.approximate = before.approximate or after.approximate
    before.uncertain = before.uncertain or after.uncertain
    before.open_start = False
    before.range_tail = before.range_tail or after.range_tail
    before.bare_year = before.bare_year and after.bare_year
    before.calendar_marker = before.calendar_marker or after.calendar_marker
    before.old_style = before.old_style or after.old_style
    before.last_season = after.season
    before.marks.append("range")
    return before


BIBLIOGRAPHIC_BEFORE = re.compile(r"[,.;:]\s?$")
BIBLIOGRAPHIC_AFTER = re.compile(r"\s*(?:[,.;:)]|$)")


def is_citation_year(expression: Expression, text: str, grammar: Grammar) -> bool:
    """A bare year placed as in a reference: "М., 1960, стр. 5", "Bakı,1992,s.70", "(1920)", "2005, s.313"."""
    before = text[max(0, expression.start - 3) : expression.start]
    after = text[expression.end : expression.end + 30]
    lexicon = grammar.lexicon
    if BIBLIOGRAPHIC_BEFORE.search(before) and BIBLIOGRAPHIC_AFTER.match(after):
        return True
    if before.endswith("(") and after.startswith(")"):
        return True
    locator = lexicon.pattern("locators")
    return bool(lexicon.regex("locator after year", rf"(?:,?\s*{locator}\s*\d|\s*:\s*\d)").match(after))


def after_locator(expression: Expression, text: str, grammar: Grammar) -> bool:
    """Whether a number follows a page or archive-unit word: "s. 1920", "ss. 1919-1920", "Kls. 1920"."""
    lexicon = grammar.lexicon
    if "units before years" not in lexicon.patterns:
        years = lexicon.keys("year_prepositions")  # "c. 1920" is circa, not cilt
        words = lexicon.words_of("locators") + lexicon.words_of("archive_units")
        units = alternation([word for word in words if key(word) not in years])
        lexicon.patterns["units before years"] = rf"(?:{units}|ss\.|pp\.)\s*$"
    before = text[max(0, expression.start - 12) : expression.start]
    return bool(lexicon.regex("units before years", lexicon.patterns["units before years"]).search(before))


def followed_by_quantity_word(expression: Expression, text: str, grammar: Grammar) -> bool:
    """Whether a number is a count: "1500’ü aşkın", "2000’den fazla", "1800-1900 asker"."""
    lexicon = grammar.lexicon
    words = lexicon.regex("quantity word after", rf"\s+{lexicon.pattern('quantity_words')}")
    return bool(words.match(text[expression.end : expression.end + 30]))


def is_standalone_month(expression: Expression, text: str, grammar: Grammar) -> bool:
    """A month with no number is a date only when capitalized and inflected as a time or qualified."""
    written = text[expression.start : expression.end]
    # the month name itself, after any word before it ("geçen Mart’ta", "yaklaşık Mart’ta")
    month = grammar.lexicon.regex("month", grammar.lexicon.month_pattern).search(written)
    if month is not None:
        written = written[month.start() :]
    first_letter = next((char for char in written if char.isalpha()), "")
    if "month_word" in expression.marks:
        return True  # "temmuz ayında": the word "ay" says it, whatever the case
    if not first_letter.isupper():
        # "şubat başında" is a date; "ocak başında" (at the hearth) may not be
        nouns = grammar.lexicon.keys("month_names_also_nouns")
        name = key(re.split(r"[’'‘`´\s]", written.strip())[0])
        if not {"part", "approximate", "month_deixis"} & set(expression.marks) or any(
            name.startswith(noun) for noun in nouns
        ):
            return False
    allowed = grammar.lexicon.keys("standalone_month_suffixes")
    if expression.suffix in allowed:
        return True
    qualifiers = {
        "month_word",
        "part",
        "approximate",
        "open_start",
        "open_end",
        "range",
        "within",
        "month_deixis",
    }
    return bool(qualifiers & set(expression.marks))


def scan(text: str, languages: tuple[str, ...]) -> list[Expression]:
    """Every date expression of `text`, unnormalized, in text order (read with its marked vowels plain:
    "Teşrîn-i Evvel" is "Teşrin-i Evvel", at the same offsets)."""
    grammar = grammar_for(languages)
    text = unmarked(text)
    expressions = find_cores(text, grammar)
    for index, expression in enumerate(expressions):
        limit = expressions[index + 1].start if index + 1 < len(expressions) else len(text)
        grow_tail(expression, text, grammar, limit)
    for index, expression in enumerate(expressions):
        floor = expressions[index - 1].end if index else 0
        grow_head(expression, text, grammar, floor)
    expressions = join_ranges(expressions, text, grammar)
    since = grammar.lexicon.keys("open_start_before")
    for expression in expressions:
        if expression.range_from in since and expression.last is None:
            expression.open_start = True  # "с 1920 г.": since, as no end follows
    kept = []
    for expression in expressions:
        if (
            expression.first.month is not None
            and expression.first.day is None
            and expression.first.year is None
        ):
            if expression.last is None and not is_standalone_month(expression, text, grammar):
                continue
        elif (
            expression.bare_year
            and set(expression.marks) <= {"suffix", "detached", "year range"}
            and followed_by_quantity_word(expression, text, grammar)
        ):
            continue  # only a suffix says "year"; the next word says "count"
        elif (
            expression.bare_year
            and set(expression.marks) <= {"year range"}
            and after_locator(expression, text, grammar)
        ):
            continue
        elif expression.bare_year and not expression.confirmed:
            if not is_citation_year(expression, text, grammar):
                continue
            expression.marks.append("citation")
        kept.append(expression)
    return kept
