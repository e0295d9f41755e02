"""The reference time of a document: its own date, and the tense that puts a yearless date before or after it.

As HeidelTime does for news, a date without a year in a dated telegram, report or speech is placed by
the document's date and the tense of its verb: "16 Mart’ta … akdettik" in a speech of 1 March 1922 is the
last 16 March up to that day (1921-03-16), "Mart iptidasında … içtima edecektir" the next March from it,
and a date whose verb says neither the nearest one. "dün", "mah-ı sabık", "geçen sene" count from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from vakanuvis.annotate.dates.calendars import month_length
from vakanuvis.annotate.dates.lexicon import Lexicon
from vakanuvis.lang.tr.morphology import analyze_word

# The EDTF a reference time can be read from: a day, a month or a year, perhaps approximate or uncertain.
SINGLE_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[~?%]?$")
WORD = re.compile(r"[^\W\d_]+(?:[’'‘`´][^\W\d_]+)?")


@dataclass(frozen=True)
class ReferenceTime:
    """The document's own date, to the precision it is known."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> date:
        if self.month is None:
            return date(self.year, 12, 31)
        return date(self.year, self.month, self.day or month_length(self.year, self.month))

    @property
    def middle(self) -> date:
        return self.earliest + (self.latest - self.earliest) / 2

    def shifted_days(self, days: int) -> ReferenceTime:
        """The day `days` after (or before) this one; a month or year stays as it is ("dün" in a letter
        dated only "1926" is still of 1926, as far as one can tell)."""
        if self.day is None:
            return self
        day = self.earliest + timedelta(days=days)
        return ReferenceTime(day.year, day.month, day.day)

    def shifted_months(self, months: int) -> ReferenceTime | None:
        """The month `months` after (or before) this one; None when the month is not known."""
        if self.month is None:
            return None
        index = self.year * 12 + self.month - 1 + months
        return ReferenceTime(index // 12, index % 12 + 1)


def reference_time(edtf: str | None) -> ReferenceTime | None:
    """The reference time a document's EDTF date gives ("1922-03-01", "1922-03", "1926", "1920-04~"),
    or None for none, an interval or a season."""
    if not edtf:
        return None
    match = SINGLE_DATE.match(edtf.strip())
    if not match:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if month is not None and not 1 <= month <= 12:
        return None
    if month is not None and day is not None and not 1 <= day <= month_length(year, month):
        return None
    return ReferenceTime(year, month, day)


def tense_after(text: str, start: int, end: int, lexicon: Lexicon) -> str | None:
    """The tense of the date that ends at `start`: of the first verb in `text[start:end]` that has one ("past", "future", "present"), as the
    morphological analyser reads its first analysis; None when no verb there tells.

    A date right before a word such as "tarihli" is of a paper already written: the past. Capitalized
    words (names) and words with an apostrophe (a name or a loan with its suffix) are passed over, and
    so are the participles and converbs that carry no tense ("gelen", "başlayıp", "olduğu")."""
    if not lexicon.verb_tenses:
        return None
    dated = lexicon.pattern("dated_paper_words")
    ending = lexicon.regex("dated paper word before", rf"{dated}\s*$")
    after = lexicon.regex("dated paper word after", rf"\s*{dated}")
    if ending.search(text, max(0, start - 16), start) or after.match(text, start, end):
        return "past"  # the date's own last word ("29 Teşrinievvel tarihli") or the next
    timeless = lexicon.keys("verbs_without_time_in_participle")
    verbal_nouns = frozenset(lexicon.words_of("verbal_noun_morphemes"))
    for match in WORD.finditer(text, start, end):
        word = match.group()
        if not word[0].islower() or not word.isalpha():
            continue
        analyses = analyze_word(word)
        if not analyses:
            continue
        for morpheme, _surface, _derivational in analyses[0].morphemes:
            if morpheme in verbal_nouns:
                return None  # "… alınması derpiş olunmuştur": the act named has no tense of its own
            tense = lexicon.verb_tenses.get(morpheme)
            if tense is None:
                continue
            if morpheme.endswith("Part") and analyses[0].lemma in timeless:
                break  # "olduğundan": being, at no time in particular
            return tense
    return None
