"""The numbers of dates written without digits, and Rumi years written without their thousand.

"Martın yirmi üçünde", "Ağustos’un on beşinci günü", "on altı Mart": a day in words, read from the
lexicon's number words and the endings a day takes. "23/7/335", "1 Teşrinisani 38": a Rumi year whose
thousand (and, with two digits, hundred) the writer left out.
"""

from __future__ import annotations

from vakanuvis.annotate.dates.lexicon import WORD_END, Lexicon, alternation, key

SHORT_RUMI_YEAR = r"(?<!\d)3\d\d(?![.,]?\d)"  # 1300-1399 Rumi written "300"-"399"


def two_digit_rumi_year(lexicon: Lexicon) -> str:
    """A two-digit Rumi year of the lexicon's range ("36" for 1336), or a pattern matching nothing."""
    if lexicon.two_digit_rumi_years is None:
        return "(?!x)x"
    low, high = lexicon.two_digit_rumi_years
    numbers = "|".join(f"{number:02d}" for number in range(high, low - 1, -1))
    return rf"(?<!\d)(?:{numbers})(?![.,]?\d)"


def full_year(written: str) -> tuple[int, bool]:
    """The year a written number stands for, and whether its thousand was left out ("335" → 1335)."""
    number = int(written)
    if len(written) == 3:
        return 1000 + number, True
    if len(written) <= 2:
        return 1300 + number, True
    return number, False


def number_words(lexicon: Lexicon) -> str:
    """One to thirty-one in words, as written before its endings: "on üç", "yirmi", "dörd"."""
    words = list(lexicon.day_numbers)
    tens = [word for word in words if lexicon.day_numbers[word] % 10 == 0]
    return rf"(?:{alternation(tens, bounded=False)}\s+)?{alternation(words, bounded=False)}"


def day_words_inflected(lexicon: Lexicon) -> str:
    """A day in words as it follows a month with the genitive: "yirmi üçünde", "on altısı", "onuncu günü"."""
    possessive = alternation(lexicon.words_of("day_word_possessives"), bounded=False, suffix=True)
    case = alternation(lexicon.words_of("day_word_cases"), bounded=False, suffix=True)
    ordinal = alternation(lexicon.words_of("day_word_ordinals"), bounded=False, suffix=True)
    after_ordinal = alternation(lexicon.words_of("day_word_after_ordinal"))
    return rf"{number_words(lexicon)}(?:{ordinal}\s+{after_ordinal}|{possessive}(?:{case})?{WORD_END})"


def day_words_before_month(lexicon: Lexicon) -> str:
    """A day in words before a month name ("on altı Mart"), at the end of the text before it."""
    return rf"(?P<w>{number_words(lexicon)}){WORD_END}[ \t]*\n?[ \t]*$"


def day_from_words(written: str, lexicon: Lexicon) -> int | None:
    """The day a phrase of number words names (its endings ignored), if it is one from 1 to 31."""
    total = 0
    words = key(written).split()
    stems = sorted(lexicon.day_numbers, key=len, reverse=True)
    for word in words:
        stem = next((stem for stem in stems if word.startswith(key(stem))), None)
        if stem is None:
            break  # "günü" after an ordinal
        total += lexicon.day_numbers[stem]
    return total if 1 <= total <= 31 else None


def alone_not_a_day(written: str, lexicon: Lexicon) -> bool:
    """A number word that before a month is no day ("bir Mart sabahı": one March morning)."""
    return key(written) in lexicon.keys("day_words_not_alone")
