"""The words around a core that qualify it: its case suffix, "yılının yaz aylarında", "itibaren", "gecesi"
after it; "yaklaşık", "geçen", a day in words ("on altı Mart") before it."""

from __future__ import annotations

import re

from vakanuvis.annotate.dates.grammar import Expression, Grammar
from vakanuvis.annotate.dates.lexicon import key, lookup
from vakanuvis.annotate.dates.numbers import alone_not_a_day, day_from_words
from vakanuvis.annotate.dates.starts import may_end_head


def grow_tail(expression: Expression, text: str, grammar: Grammar, limit: int) -> None:
    """Take the words after the expression that qualify it."""
    lexicon = grammar.lexicon
    decades = lexicon.pattern("decade_suffixes")
    position = expression.end
    first_tail = tail_finder(grammar)
    for _ in range(8):
        found = first_tail.match(text, position, limit)
        if found is None:
            break  # no tail matches here: the loop below would find none either
        # the tails before the first that matches here would each be tried in vain
        for name, pattern in grammar.tails[int((found.lastgroup or "t0")[1:]) :]:
            match = pattern.match(text, position, limit)
            if not match or match.end() == position:
                continue
            word = match.groupdict().get("w") or ""
            if name in ("suffix", "detached") and expression.suffix:
                continue
            if name in ("season", "part") and (expression.first.day is not None or names_a_day(expression)):
                continue
            if name == "day_part" and not (expression.first.day is not None or names_a_day(expression)):
                continue
            if name == "season" and expression.first.month is not None:
                continue
            if name == "suffix" or name == "detached":
                expression.suffix = key(word)
                if (
                    expression.bare_year
                    and expression.last is None
                    and re.fullmatch(decades, expression.suffix)
                ):
                    expression.decade = (expression.first.year or 1) % 10 == 0
            elif name == "decade":
                if (
                    not expression.bare_year
                    or expression.last is not None
                    or (expression.first.year or 1) % 10
                ):
                    continue
                expression.decade = True
            elif name == "year_word" and expression.first.month is not None and expression.first.day is None:
                if expression.first.year is None:
                    continue
            elif name == "season":
                expression.season = lookup(lexicon.seasons_after, word) or 22
            elif name == "part":
                expression.part = str(lookup(lexicon.parts_after, word))
            elif name in ("rumi", "hijri"):
                expression.calendar_marker = name
            elif name == "approximate":
                expression.approximate = True
            elif name == "uncertain":
                expression.uncertain = True
            elif name == "open_start":
                expression.open_start = True
            elif name == "open_end":
                expression.open_end = True
            elif name == "old_style":
                expression.old_style = True
            elif name == "range_tail":
                expression.range_tail = True
            if name not in ("old_style", "rumi", "hijri", "uncertain", "year_word"):
                expression.narrative = True
            if name == "year_word" and not word.startswith(("г", "-")):
                expression.narrative = True
            expression.confirmed = True
            expression.marks.append(name)
            position = match.end()
            break
        else:
            break
    expression.end = position


def tail_finder(grammar: Grammar) -> re.Pattern[str]:
    """A pattern matching where some tail does, its group `t<i>` naming the first such tail (built once
    per grammar): one match says where in the list of tails to begin."""
    compiled = grammar.lexicon.compiled
    if "first tail" not in compiled:
        alternatives = (
            f"(?P<t{index}>{re.sub(r'[(][?]P<[^>]+>', '(?:', pattern.pattern)})"
            for index, (_, pattern) in enumerate(grammar.tails)
        )
        compiled["first tail"] = re.compile("|".join(alternatives))
    return compiled["first tail"]


def names_a_day(expression: Expression) -> bool:
    """Whether a date named by reference is a day ("dün", "ertesi gün")."""
    return (
        expression.day_anaphora is not None
        or expression.weekday is not None
        or (expression.deixis is not None and expression.deixis[0] == "day")
    )


def take_day_in_words(expression: Expression, text: str, grammar: Grammar, floor: int) -> None:
    """The day written in words before a month: "on altı Mart", "yirmi üç Nisan 1336’da"."""
    first = expression.first
    if grammar.day_words_before is None or first.month is None or first.day is not None:
        return
    if expression.last is not None:
        return
    window = text[max(floor, expression.start - 20) : expression.start]
    if not key(window.rstrip()[-6:]).endswith(grammar.day_word_endings):
        return  # the word before is no number (a look at its end spares the search at most months)
    lexicon = grammar.lexicon
    month = lexicon.regex("month", lexicon.month_pattern).match(text, expression.start, expression.end)
    if month is None or key(" ".join(month.group().split())) not in lexicon.months_with_day_words:
        return  # a month of another language: "on March 16" is no "on Mart"
    match = grammar.day_words_before.search(window)
    if not match or alone_not_a_day(match.group("w"), grammar.lexicon):
        return
    day = day_from_words(match.group("w"), grammar.lexicon)
    if day is None:
        return
    first.day = day
    expression.start -= len(window) - match.start()
    expression.confirmed = expression.narrative = True
    expression.marks.append("day in words")


def grow_head(expression: Expression, text: str, grammar: Grammar, floor: int) -> None:
    """Take the words before the expression that qualify it."""
    lexicon = grammar.lexicon
    take_day_in_words(expression, text, grammar, floor)
    # Words such as "около", "до", "yaklaşık" also stand before quantities: alone they do not make
    # a bare number a year; the prepositions of years and the season and part words do.
    year_words = lexicon.keys("year_prepositions")
    for _ in range(4):
        window = text[max(floor, expression.start - 40) : expression.start]
        if not may_end_head(window, grammar.head_endings):
            return  # what the loop below ends with when no head matches
        for name, pattern in grammar.heads:
            match = pattern.search(window)
            if not match:
                continue
            word = match.group("w")
            start = expression.start - (len(window) - match.start())
            if name == "preposition":
                expression.confirmed = True
                expression.marks.append(name)
                return  # "in", "в": confirms, but is not part of the expression
            if name == "month_deixis":
                first = expression.first
                if first.month is None or first.year is not None or expression.month_deixis is not None:
                    continue
                expression.month_deixis = lookup(lexicon.month_deixis, word)
            elif name == "season":
                if expression.first.month is not None:
                    continue
                expression.season = lookup(lexicon.seasons_before, word) or 22
            elif name == "part":
                if expression.first.day is not None:
                    continue
                expression.part = str(lookup(lexicon.parts_before, word))
            elif name == "approximate":
                expression.approximate = True
            elif name == "range_from":
                expression.range_from = key(word)
            elif name == "open_start":
                expression.open_start = True
            elif name == "open_end":
                expression.open_end = True
            if (
                not expression.bare_year
                or name in ("season", "part", "range_prefix")
                or key(word) in year_words
            ):
                expression.confirmed = True
            expression.marks.append(name)
            expression.start = start
            break
        else:
            return
