"""Where a date's missing year comes from: the narrative, the document's own date, or nowhere.

- "text": the date states its year.
- "context": the narrative does. A yearless date takes the year of the last explicit one before it ("1
  Eylül’de" after "Eylül 1919’dan itibaren"), a day counted from the narrative's last day ("ertesi gün")
  or a day of its month ("ayın yirmisinde") takes that day's or month's.
- "document": the document's own date does (its reference time, see `reference`): "dün", "mah-ı sabık",
  "geçen sene", "geçen Mart", and in a document written at its moment (a telegram, letter, report,
  decree, speech, newspaper) a yearless date placed by its tense.
- "unknown": nothing does; the value keeps "XXXX".

When both could give the year: a document written at its moment talks of the days around its date, so
the narrative's year holds only in the sentence that states it ("23 Temmuz 1335’te Erzurum’da ve 4
Eylül’de Sivas’ta"); past that sentence the document's date places the date (a speech of 1922 that
recalls "23 Nisan 1336" goes on with "Temmuz’da … çekildi", July 1921). A memoir, an article or a
book chapter tells of another time than its own: there the narrative's year holds, and the document's
date serves only the words that count from it ("bugün"). So does a document of its moment whose narrative
is of years far from its date (a speech of 1927 telling of 1920: `near_its_moment`).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from vakanuvis.annotate.dates.calendars import RUMI_GREGORIAN_FROM, RUMI_OFFSET, year_in
from vakanuvis.annotate.dates.grammar import Expression, Point
from vakanuvis.annotate.dates.lexicon import Lexicon
from vakanuvis.annotate.dates.reference import ReferenceTime, tense_after
from vakanuvis.annotate.dates.values import Context, Value, copied, value_of, with_context_year
from vakanuvis.model import DateMention

# Documents written at the moment they are dated: their yearless dates are placed by that date.
OF_THEIR_MOMENT = frozenset({"telegram", "letter", "report", "decree", "speech", "newspaper"})
PLACED = "placed by the document's date"  # the mark of a date whose year its tense chose
# How many years a narrative's year may lie from the document's for the document's date to place its
# yearless dates (beyond, the text looks back on another time, and the narrative's year holds)
NEAR_ITS_MOMENT = 2
FUTURE_WEIGHT = 2  # see `choose`


@dataclass
class Reading:
    """What a text's dates are read against: the document's date and kind, and the sentences."""

    reference: ReferenceTime | None = None
    of_its_moment: bool = False  # the document is of its moment (see OF_THEIR_MOMENT)
    sentence_starts: list[int] = field(default_factory=list)  # in the text's own offsets, sorted

    def sentence_start(self, offset: int) -> int:
        """Where the sentence holding `offset` begins (0 when the sentences are not known)."""
        index = bisect_right(self.sentence_starts, offset) - 1
        return self.sentence_starts[index] if index >= 0 else 0

    def sentence_end(self, offset: int, text_length: int) -> int:
        index = bisect_right(self.sentence_starts, offset)
        return self.sentence_starts[index] if index < len(self.sentence_starts) else text_length


@dataclass
class Narrative:
    """What the text has said so far: its last explicit year, its last day and month."""

    context: Context | None = None
    context_at: int = -1  # where the expression that set `context` begins (-1: before the text)
    last_day: date | None = None  # Gregorian
    last_month: tuple[str, int, int] | None = None  # (calendar, year, month) as the calendar counts them
    last_month_at: int = -1  # where the expression that set `last_month` begins


def resolved(
    expression: Expression,
    text: str,
    narrative: Narrative,
    reading: Reading,
    lexicon: Lexicon,
) -> tuple[Expression, str] | None:
    """A copy of `expression` with what it lacks filled in, and where its year came from; None when it
    names a date only by reference and there is nothing to refer to ("dün" in an undated text)."""
    reference = reading.reference
    if expression.deixis is not None:
        return from_document(expression, narrative, reference)
    if expression.day_anaphora is not None:
        if narrative.last_day is None:
            return None
        day = narrative.last_day + timedelta(days=expression.day_anaphora)
        return with_point(expression, Point(day.year, day.month, day.day)), "context"
    if expression.month_anaphora:
        return day_of_current_month(expression, narrative, reading)
    if expression.weekday is not None:
        return day_of_weekday(expression, text, narrative, reading, lexicon)
    first, last = expression.first, expression.last
    if first.year is not None:
        return expression, "text"  # value_of changes nothing of it
    if last is not None and last.year is not None:
        return with_context_year(expression, None)[0], "text"  # "23 Temmuz - 6 Ağustos 1919"
    if expression.year_offset is not None:
        filled, inferred = with_context_year(expression, narrative.context)
        return filled, "context" if inferred else "unknown"
    if expression.month_deixis is not None and reference is not None and first.month is not None:
        return placed_by_reference(expression, narrative, reference, lexicon, by_deixis=True), "document"
    context = narrative.context
    if context is not None and not (
        reference is not None
        and reading.of_its_moment
        and narrative.context_at < reading.sentence_start(expression.start)
        and near_its_moment(context, reference)
    ):
        return with_context_year(expression, context)[0], "context"
    if reference is not None and reading.of_its_moment and (first.month is not None or first.day is not None):
        tense = tense_after(text, expression.end, reading.sentence_end(expression.start, len(text)), lexicon)
        placed = placed_by_reference(expression, narrative, reference, lexicon, tense=tense)
        placed.marks.append(PLACED)
        return placed, "document"
    if context is not None:
        return with_context_year(expression, context)[0], "context"
    return copied(expression), "unknown"


def near_its_moment(context: Context, reference: ReferenceTime) -> bool:
    """Whether the narrative tells of the years around the document's date: a speech of 1922 recalling
    1920 still speaks of its own days, Nutuk (1927) telling of 1919-1922 does not, and there the narrative's
    year holds ("On the 16th March" after "1920" is of 1920, not 1927)."""
    year = context.year
    if context.calendar == "rumi":
        year += RUMI_OFFSET
    return abs(year - reference.year) <= NEAR_ITS_MOMENT


def with_point(expression: Expression, point: Point, calendar: str | None = None) -> Expression:
    """A copy of `expression` that is the one point given (a day counted, a month named by reference)."""
    filled = copied(expression)
    filled.first = point
    filled.last = None
    filled.deixis = filled.month_deixis = filled.day_anaphora = None
    filled.month_anaphora = False
    filled.weekday = None
    filled.calendar_marker = calendar if calendar in ("rumi", "hijri") else None
    return filled


def from_document(
    expression: Expression, narrative: Narrative, reference: ReferenceTime | None
) -> tuple[Expression, str] | None:
    """A date counted from the document's date: "bugün", "dün", "mah-ı sabıkın yirmi sekizinde", "geçen
    sene", "geçen sene Haziran’ın yirmi ikinci günü". Without a document date only the years count, from
    the narrative's year ("bu sene" is that year), as "aynı yıl" does."""
    assert expression.deixis is not None
    unit, offset = expression.deixis
    first = expression.first
    if reference is None:
        if unit != "year" or narrative.context is None:
            return None
        anaphora = copied(expression)
        anaphora.deixis = None
        anaphora.year_offset = offset
        return with_context_year(anaphora, narrative.context)[0], "context"
    if unit == "day":
        day = reference.shifted_days(offset)
        return with_point(expression, Point(day.year, day.month, day.day)), "document"
    if unit == "month":
        month = reference.shifted_months(offset)
        if month is None:
            return None
        return with_point(expression, Point(month.year, month.month, first.day)), "document"
    point = Point(reference.year + offset, first.month, first.day, first.calendar)
    filled = with_point(expression, point)
    if first.calendar == "hijri" and first.month is not None:
        filled.first.year = year_in("hijri", date(reference.year + offset, 7, 1))
    return filled, "document"


def day_of_current_month(
    expression: Expression, narrative: Narrative, reading: Reading
) -> tuple[Expression, str] | None:
    """ "ayın yirmisinde": a day of the month the narrative is in, else of the document's month. In a
    document of its moment the narrative's month holds only in the sentence that names it: past it, "this
    month" is the month the document is written in."""
    day = expression.first.day
    reference = reading.reference
    of_the_document = reference is not None and reference.month is not None
    if narrative.last_month is not None and not (
        of_the_document
        and reading.of_its_moment
        and narrative.last_month_at < reading.sentence_start(expression.start)
    ):
        calendar, year, month = narrative.last_month
        return with_point(expression, Point(year, month, day, calendar), calendar), "context"
    if reference is not None and reference.month is not None:
        return with_point(expression, Point(reference.year, reference.month, day)), "document"
    return None


def day_of_weekday(
    expression: Expression, text: str, narrative: Narrative, reading: Reading, lexicon: Lexicon
) -> tuple[Expression, str] | None:
    """ "Çarşamba günü", "Friday last": the nearest such weekday to the document's date in a document of
    its moment (it speaks of its own week), else to the narrative's last day, else to the document's date;
    before it for the past ("imza olunduğu", "last"), after it for the future ("hareket edilecektir",
    "next"), else the nearest. None when there is no day to count from."""
    assert expression.weekday is not None
    weekday, direction = expression.weekday
    reference = reading.reference
    of_the_document = reference is not None and reference.day is not None
    if of_the_document and (reading.of_its_moment or narrative.last_day is None):
        assert reference is not None
        anchor, year_from = reference.earliest, "document"
    elif narrative.last_day is not None:
        anchor, year_from = narrative.last_day, "context"
    else:
        return None
    behind = (anchor.isoweekday() - weekday) % 7  # days back to the last such weekday (0: the anchor)
    ahead = (weekday - anchor.isoweekday()) % 7
    if direction == 0 and year_from == "context":
        offset = ahead  # a narrative goes on from its last day: "15 Mart’ta çıktık. Perşembe günü vardık"
    elif direction == 0:
        end = reading.sentence_end(expression.start, len(text))
        tense = tense_after(text, expression.end, end, lexicon)
        if tense == "past":
            offset = -behind
        elif tense == "future":
            offset = ahead
        else:  # the nearest, a day ahead counting as two behind (as `choose` does)
            offset = -behind if behind <= ahead * FUTURE_WEIGHT else ahead
    else:  # "Friday last" in a paper of a Friday is the Friday a week before
        offset = -(behind or 7) if direction < 0 else ahead or 7
    day = anchor + timedelta(days=offset)
    return with_point(expression, Point(day.year, day.month, day.day)), year_from


def placed_by_reference(
    expression: Expression,
    narrative: Narrative,
    reference: ReferenceTime,
    lexicon: Lexicon,
    tense: str | None = None,
    by_deixis: bool = False,
) -> Expression:
    """The yearless date with the year that places it as its verb's tense (or "geçen", "bu",
    "önümüzdeki" before its month) says, counted from the document's date: the last one before it for
    the past, the next after it for the future, else the nearest."""
    hijri = expression.first.calendar == "hijri"
    calendar = "hijri" if hijri else "gregorian"
    base = year_in(calendar, reference.middle)
    candidates: list[tuple[Expression, Value]] = []
    for year in (base - 1, base, base + 1):
        candidate = copied(expression)
        candidate.first.year = year
        if candidate.last is not None and candidate.last.year is None:
            candidate.last.year = year
        candidate.month_deixis = None
        bounded = copied(candidate)
        bounded.open_start = bounded.open_end = False  # "15 Şubat’tan itibaren": placed by 15 February
        try:
            candidates.append((candidate, value_of(bounded, lexicon.rumi_years)))
        except (ValueError, OverflowError):
            continue
    if not candidates:
        return copied(expression)
    chosen = choose(candidates, reference, tense, expression.month_deixis if by_deixis else None)
    return in_narrative_calendar(chosen, narrative)


def choose(
    candidates: list[tuple[Expression, Value]],
    reference: ReferenceTime,
    tense: str | None,
    month_deixis: int | None,
) -> Expression:
    """The candidate the tense (or the word before the month) asks for."""
    if month_deixis == -1:  # "geçen Mart": the last whole March before the document's date
        before = [pair for pair in candidates if pair[1].latest < reference.earliest]
        return max(before or candidates[:1], key=lambda pair: pair[1].earliest)[0]
    if month_deixis == 1:  # "önümüzdeki Nisan": the next after it
        after = [pair for pair in candidates if pair[1].earliest > reference.latest]
        return min(after or candidates[-1:], key=lambda pair: pair[1].earliest)[0]
    if month_deixis == 0:  # "bu Mart": this year's
        return candidates[len(candidates) // 2][0]
    if tense == "past":
        before = [pair for pair in candidates if pair[1].earliest <= reference.latest]
        return max(before or candidates[:1], key=lambda pair: pair[1].earliest)[0]
    if tense == "future":
        after = [pair for pair in candidates if pair[1].latest >= reference.earliest]
        return min(after or candidates[-1:], key=lambda pair: pair[1].earliest)[0]
    # no tense told: the nearest, a day ahead counting twice a day behind (what a telegram, a report or a
    # letter dates without its year is more often done than to be done)
    middle = reference.middle
    return min(candidates, key=lambda pair: weighted_distance(pair[1], middle))[0]


def weighted_distance(value: Value, day: date) -> int:
    """`distance`, doubled when the value lies after the day."""
    return distance(value, day) * (FUTURE_WEIGHT if value.earliest > day else 1)


def distance(value: Value, day: date) -> int:
    """Days between a value's span and a day (0 when the span holds it)."""
    if value.earliest <= day <= value.latest:
        return 0
    return min(abs((value.earliest - day).days), abs((value.latest - day).days))


def in_narrative_calendar(expression: Expression, narrative: Narrative) -> Expression:
    """A date placed by the document's date, written as the narrative writes its dates: in a Rumi text a
    Turkish month is a Rumi one (the same day from 1918, when the Rumi year became the Gregorian less 584)."""
    first = expression.first
    context = narrative.context
    if (
        context is not None
        and context.calendar == "rumi"
        and first.rumi_name
        and first.calendar != "hijri"
        and first.year is not None
        and first.year - RUMI_OFFSET > RUMI_GREGORIAN_FROM
    ):
        expression.first.year = first.year - RUMI_OFFSET
        if expression.last is not None and expression.last.year is not None:
            expression.last.year -= RUMI_OFFSET
        expression.calendar_marker = "rumi"
    return expression


def in_narrative_order(placed: list[tuple[int, int, Expression, DateMention]], lexicon: Lexicon) -> None:
    """Dates placed by the document's date in one sentence keep the order the sentence tells them in: when
    one falls after the next one ("Kânunusani’de ve Mart’ın sonlarında … ricata icbar olundu", in a
    speech of 1 March 1922, is January and March 1921, not January 1922 and March 1921), it goes a year
    back. `placed` holds (sentence start, index, filled expression, mention), in text order."""
    for position in range(len(placed) - 2, -1, -1):
        sentence, _, expression, mention = placed[position]
        next_sentence, _, _, following = placed[position + 1]
        if sentence != next_sentence or mention.earliest <= following.earliest:
            continue
        earlier = copied(expression)
        for point in (earlier.first, earlier.last):
            if point is not None and point.year is not None:
                point.year -= 1
        try:
            value = value_of(earlier, lexicon.rumi_years)
        except (ValueError, OverflowError):
            continue
        placed[position] = (sentence, placed[position][1], earlier, with_value(mention, value))


def with_value(mention: DateMention, value: Value) -> DateMention:
    return replace(
        mention,
        edtf=value.edtf,
        earliest=value.earliest,
        latest=value.latest,
        calendar=value.calendar,
        original=value.original,
        modifier=value.modifier,
        extent=value.extent,
    )
