"""Reversed ranges ("Nisan-Mart 1922") and impossible days ("31 Nisan")."""

from __future__ import annotations

import calendar
import re
from functools import cache

from vakanuvis.check.evidence import evidence_at
from vakanuvis.lang import all_language_data
from vakanuvis.model import DateMention, Document, Finding, Span

RANGE_SEPARATOR = re.compile(r"\s*[-–—]\s*")
# a date written in numbers, day, month and year ("9-10-1335", "23-4-337", "23.V.1336"): one day, no range
NUMERIC_DATE = re.compile(r"^\d{1,2}\s*[-–./]\s*(?:\d{1,2}|[IVX]{1,4})\s*[-–./]\s*\d{2,4}\D{0,12}$")
DAY_BEFORE_WORD = re.compile(r"\b(29|30|31)\s+([^\W\d_]+)(?:[’']?[^\W\d_]*\s+(\d{4}))?")


def find_dates(text: str, *, context_year: int) -> list[DateMention]:
    """The temporal tagger, loaded on first use (it reads its language data then)."""
    from vakanuvis.annotate.dates import find_dates as tag

    return tag(text, context_year=context_year)


@cache
def _range_joins() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """What stands between the two ends of a range written with words, in any language's date data: a
    word ("20 Haziran ile 9 Haziran 1921 tarihleri arasında", "from 9 June to 20 June"), or an ablative
    ending the first end ("9 Eylül’den 2 Eylül’e kadar")."""
    words: set[str] = set()
    ablatives: set[str] = set()
    for data in all_language_data("dates").values():
        words.update(data.get("range_and", []) + data.get("range_to", []))
        ablatives.update(data.get("ablative_suffixes", []))
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    word_join = re.compile(rf"\s+(?:{alternatives})\s+", re.IGNORECASE)
    if not ablatives:
        return word_join, None
    endings = "|".join(re.escape(a) for a in sorted(ablatives, key=len, reverse=True))
    return word_join, re.compile(rf"(?<=\d)(?=[’']?(?:{endings})\s)|(?<=[^\W\d_])(?=[’'](?:{endings})\s)")


def _range_ends(mention: DateMention) -> tuple[str, str] | None:
    written = mention.text.strip()
    if NUMERIC_DATE.match(written):
        return None
    pieces = RANGE_SEPARATOR.split(written, maxsplit=1)
    if len(pieces) == 2 and pieces[0] and pieces[1]:
        return pieces[0], pieces[1]
    word_join, ablative = _range_joins()
    pieces = word_join.split(written, maxsplit=1)
    if len(pieces) == 2 and re.search(r"\d", pieces[0]) and re.search(r"\d", pieces[1]):
        return _without_range_word(pieces[0]), pieces[1]
    if ablative is not None:
        split = ablative.search(written)
        if split:
            first, second = written[: split.start()], re.sub(r"^[’']?\w+\s+", "", written[split.start() :])
            if re.search(r"\d", first) and re.search(r"\d", second):
                return first, second
    return None


def _without_range_word(end: str) -> str:
    """The first end without the word that opens the range ("from 9 June", "between 1920")."""
    words: set[str] = set()
    for data in all_language_data("dates").values():
        words.update(data.get("range_from", []) + data.get("range_between", []))
    for word in words:
        if end.casefold().startswith(word.casefold() + " "):
            return end[len(word) + 1 :]
    return end


def _is_reversed(mention: DateMention) -> bool:
    ends = _range_ends(mention)
    if ends is None:
        return False
    first, second = ends
    if first.isdigit():
        second_number = re.match(r"\d+", second)
        if not second_number:
            return False
        later = second_number.group()
        if len(first) == 4 and len(later) < 4:  # "1918-20": the second year is abbreviated
            later = first[: 4 - len(later)] + later
        elif len(first) != len(later) and len(first) > 2:  # a year against a day: not one range
            return False
        return int(first) > int(later)
    year = mention.latest.year
    year_written = re.search(r"\d{4}", second)
    if not re.search(r"\d{4}", first) and year_written:
        first = f"{first} {year_written.group()}"  # "Nisan-Mart 1922": the year of the second end is shared
    first_dates = _end_dates(first, year, mention)
    second_dates = _end_dates(second, year, mention)
    if len(first_dates) != 1 or len(second_dates) != 1:
        return False
    return first_dates[0].earliest > second_dates[0].earliest


def _end_dates(end: str, year: int, mention: DateMention) -> list[DateMention]:
    """The date one end of a range says. A month alone is no date to the tagger ("Kasım" is a man's name
    too), but as an end of a range it is one: "Kasım-Teşrîn-i Evvel aylarında" reads "Kasım" in the
    range's year, as written (the Rumi year of a Rumi range)."""
    found = find_dates(end, context_year=year)
    if found or re.search(r"\d", end):
        return found
    written_year = re.match(r"\d{4}", mention.original or "")
    return find_dates(f"{end} {written_year.group() if written_year else year}", context_year=year)


YEAR_PAIR = re.compile(r"(?<![\d.,])(1\d{3}|20\d{2})\s*[-–—]\s*(1\d{3}|20\d{2})(?![\d.,]?\d)")


def find_reversed_ranges(document: Document) -> list[Finding]:
    """Date ranges whose end comes before their start, in the tagged dates and in bare year pairs."""
    findings = []
    flagged: list[Span] = []
    for mention in document.dates:
        if mention.role == "event" and _is_reversed(mention):
            flagged.append(mention.span)
            findings.append(_reversed_finding(document, mention.span))
    for match in YEAR_PAIR.finditer(document.text):  # "1922-1920": the tagger reads no range there
        inside = any(s.footnote is None and s.start <= match.start() < s.end for s in flagged)
        if int(match.group(1)) > int(match.group(2)) and not inside:
            findings.append(_reversed_finding(document, Span(match.start(), match.end())))
    return findings


def _reversed_finding(document: Document, span: Span) -> Finding:
    written = span.text_in(document).strip()
    return Finding(
        kind="reversed-range",
        severity="error",
        message=f"The range “{written}” ends before it begins; the two ends are probably swapped.",
        evidence=[evidence_at(document, span)],
    )


def _month_of(word: str) -> int | None:
    found = find_dates(f"1 {word} 1921", context_year=1921)
    if len(found) == 1 and found[0].earliest == found[0].latest:
        return found[0].earliest.month
    return None


def find_impossible_days(document: Document) -> list[Finding]:
    """Day numbers that the month does not have (in any year of the date in force)."""
    findings = []
    texts = [(None, document.text)] + [(note.number, note.text) for note in document.footnotes]
    for footnote, text in texts:
        for match in DAY_BEFORE_WORD.finditer(text):
            day, month = int(match.group(1)), _month_of(match.group(2))
            if month is None:
                continue
            if day > max(calendar.monthrange(year, month)[1] for year in (1920, 1924)):
                written, message = match.group(2), f"that month has no day {day}"
            elif match.group(3) and not _day_exists(day, match.group(2), match.group(3)):
                written = f"{match.group(2)} {match.group(3)}"
                message = f"that month had no day {day} in that year (not a leap year)"
            else:
                continue
            end = match.start(2) + len(written)
            findings.append(
                Finding(
                    kind="impossible-day",
                    severity="error",
                    message=f"“{text[match.start() : end]}”: {message}.",
                    evidence=[evidence_at(document, Span(match.start(), end, footnote))],
                )
            )
    return findings


def _day_exists(day: int, month: str, year: str) -> bool:
    """Whether the tagger reads this day of this month and year, in its calendar (a Rumi year too), as one
    day: of a day the month did not have that year ("29 Şubat 1921") it reads the whole month."""
    found = find_dates(f"{day} {month} {year}", context_year=int(year))
    return len(found) != 1 or found[0].earliest == found[0].latest  # its day in another calendar: any
