"""The temporal tagger: date expressions of Turkish, Azerbaijani, Russian and English historiography,
and of the Ottoman papers of 1918-1923 (telegrams, decrees, reports, speeches).

`find_dates(text)` finds and normalizes the dates of one string; `tag_dates(document)` runs it over
the body in narrative order and over each footnote, resolving missing years from context and from the
document's own date.

Values are EDTF strings (parsed by the `edtf` package) with earliest and latest days:
"1919-05-19", "1919-07-23/1919-08-06", "1919-22" (summer), "1919-07/1919-12" (second half),
"1920-05-20~" ("…’ya doğru"). As in TimeML, a part of a period or an open end modifies the value named:
"Haziran 1920’den itibaren" is "1920-06", modifier "from", extent "1920-06/.."; "1922 başlarında" is
"1922", modifier "beginning", extent "1922-01~/1922-03~" (see `values`).
Rumi, Hijri and Old Style (Julian) dates are converted; `calendar` and `original` keep what was
written: "30 Teşrîn-i Evvel 1334", "16 Mayıs 335 günü", "23. V. 1336", "336 (1920)" are Rumi.
A date without a year takes the year of the last explicitly dated expression before it, or is placed
by the document's date (its reference time: see `years`); `year_from` says which ("text", "context",
"document", "unknown") and `year_inferred` is `year_from != "text"`. With no year at all it keeps
"XXXX" in its EDTF ("XXXX-09-04"), and its earliest/latest are `date.min`/`date.max`. Words that count from the document's date ("bugün", "mah-ı sabık",
"geçen sene") are dates only when the document has one. Publication dates of cited works and
newspaper issue dates get role "bibliographic".
"""

from __future__ import annotations

import re
from datetime import date

from vakanuvis.annotate.dates.assemble import scan
from vakanuvis.annotate.dates.grammar import Expression, grammar_for
from vakanuvis.annotate.dates.lexicon import unmarked
from vakanuvis.annotate.dates.reference import reference_time
from vakanuvis.annotate.dates.values import Context, Value, copied, value_of
from vakanuvis.annotate.dates.years import (
    OF_THEIR_MOMENT,
    PLACED,
    Narrative,
    Reading,
    in_narrative_order,
    resolved,
)
from vakanuvis.lang import LANGUAGES
from vakanuvis.model import DateMention, Document, Span
from vakanuvis.structure.sentences import segment_sentences

__all__ = ["find_dates", "tag_dates"]

# After a date in a footnote: a reference's publication year or page locator soon follows
# ("6 мая 1921 г. Стенографический отчет. Баку, 1922, стр. 47").
REFERENCE_AHEAD = 60
# The years a bare 13xx year with "sene" is Rumi in (the calendar's official use, 1840-1926)
RUMI_PERIOD = (1840, 1926)
# Documents dated up to this year recall the period's dates in its own calendar (memoirs, speeches of 1927)
RUMI_RECALLED_UNTIL = 1960
CLAUSE_END = re.compile(r"[.;]\s")
YEAR_IN_REFERENCE = re.compile(r"[,.]\s?(?:1\d{3}|20\d{2})\s*[,.;:]")  # "…, 1922, стр. 47"


def role_of(expression: Expression, text: str, languages: tuple[str, ...], in_footnote: bool) -> str:
    """ "bibliographic" for dates of cited works and newspaper issues, else "event"."""
    if expression.narrative:
        return "event"
    lexicon = grammar_for(languages).lexicon
    before = text[max(0, expression.start - 40) : expression.start]
    clause = CLAUSE_END.split(before)[-1]
    if lexicon.regex("newspaper words", lexicon.pattern("newspaper_words")).search(clause):
        return "bibliographic"
    titles = lexicon.regex("newspaper title before", rf"{lexicon.pattern('newspaper_titles')}\s*,\s*$")
    title = titles.search(clause)
    if title and not (not in_footnote and not text[: expression.start - len(clause) + title.start()].strip()):
        return "bibliographic"  # "(Hâkimiyet-i Milliye, 26 Nisan 1336)": an issue of a newspaper
    # (but a newspaper's own masthead, "Hâkimiyet-i Milliye, 25 Nisan 1336" opening the text, dates it)
    if expression.bare_year and ("citation" in expression.marks or in_footnote):
        return "bibliographic"
    if in_footnote:
        ahead = text[expression.end : expression.end + REFERENCE_AHEAD]
        locator = lexicon.regex("locator and number", rf"{lexicon.pattern('locators')}\s*\d")
        if YEAR_IN_REFERENCE.search(ahead) or locator.search(ahead):
            return "bibliographic"
    return "event"


def explicit_year(expression: Expression) -> int | None:
    """The year an expression states for itself, if it is one year (not a span of years)."""
    first = expression.first.year
    last = expression.last.year if expression.last is not None else None
    if first is None or last is None or first == last:
        return last if first is None else first
    return None


def context_after(expression: Expression, value: Value) -> Context | None:
    """The narrative context an explicitly dated expression sets: its year as written (Rumi or Gregorian),
    or for a Hijri date its Gregorian year and month and its Hijri year."""
    year = explicit_year(expression)
    if year is None:
        return None
    first, last = expression.first, expression.last
    month = first.month if last is None or last.month == first.month else None
    # the date's first day, or for an open start ("… 1336 iptidasına kadar") its last
    day = value.earliest if value.earliest != date.min else value.latest if value.latest != date.max else None
    if value.calendar == "hijri":
        if day is None:
            return None
        return Context(day.year, "gregorian", day.month, year, day)
    calendar = "rumi" if value.calendar == "rumi" else "gregorian"
    return Context(year, calendar, month, None, day)


def remember(narrative: Narrative, filled: Expression, value: Value, calendar: str) -> None:
    """The last day and month a resolved date leaves the narrative in ("ertesi gün", "ayın yirmisinde")."""
    if "XXXX" in value.edtf:
        return
    point = filled.last or filled.first
    if point.day is not None and value.latest != date.max:
        narrative.last_day = value.latest
    elif point.day is not None and value.earliest != date.min:
        narrative.last_day = value.earliest
    if point.month is not None and point.year is not None:
        narrative.last_month_at = filled.start
        if calendar in ("rumi", "hijri"):
            narrative.last_month = (calendar, point.year, point.month)
        else:
            narrative.last_month = ("gregorian", point.year, point.month)


def in_rumi_period(narrative: Narrative, reading: Reading) -> bool:
    """Whether a bare 13xx year is a Rumi one: the document's date or the narrative is of the years the
    Rumi calendar was in use (a text of 1900-1926 writes "1336 senesinde" for 1920; a Hijri year has its
    Hijri month or its "H." beside it)."""
    low, high = RUMI_PERIOD
    if reading.reference is not None and low <= reading.reference.year <= RUMI_RECALLED_UNTIL:
        # (a memoir or a speech of the next decades that writes "1335 senesi" recalls the Rumi year of the
        # time it tells of, 1919, not the fourteenth century)
        return True
    context = narrative.context
    return context is not None and (context.calendar == "rumi" or low <= context.year <= high)


def tag_text(
    text: str,
    context: Context | None,
    languages: tuple[str, ...],
    footnote: int | None = None,
    offset: int = 0,
    reading: Reading | None = None,
) -> tuple[list[DateMention], list[tuple[int, Context | None]]]:
    """Date mentions of one text, and the context after each (offset, context) for later lookups."""
    lexicon = grammar_for(languages).lexicon
    reading = reading or Reading()
    mentions: list[DateMention] = []
    contexts: list[tuple[int, Context | None]] = []
    narrative = Narrative(context=context)
    placed: list[tuple[int, int, Expression, DateMention]] = []  # see in_narrative_order
    rumi_low, rumi_high = lexicon.rumi_years or (0, -1)
    written, text = text, unmarked(text)  # the patterns read plain vowels; a mention keeps what was written
    quotations = quotation_spans(text)
    for expression in scan(text, languages):
        if narrative.last_day is not None and _quoted(quotations, expression.start):
            expression = _counted_from_the_narrative(expression)
        if (
            expression.bare_year
            and expression.calendar_marker is None
            and rumi_low <= (expression.first.year or 0) <= rumi_high
            and in_rumi_period(narrative, reading)
        ):
            expression.calendar_marker = "rumi"  # "1336 senesinde", "1336’da" in a text of the period
        found = resolved(expression, text, narrative, reading, lexicon)
        if found is None:
            continue
        filled, year_from = found
        try:
            value = value_of(filled, lexicon.rumi_years)
        except (ValueError, OverflowError):  # a date no calendar has; the check stage reports such days
            continue
        if "XXXX" in value.edtf:
            year_from = "unknown"
        role = role_of(expression, text, languages, footnote is not None)
        mentions.append(
            DateMention(
                span=Span(offset + expression.start, offset + expression.end, footnote),
                text=written[expression.start : expression.end],
                edtf=value.edtf,
                earliest=value.earliest,
                latest=value.latest,
                year_inferred=year_from != "text",
                calendar=value.calendar,
                original=value.original,
                modifier=value.modifier,
                extent=value.extent,
                role=role,
                year_from=year_from,
            )
        )
        if PLACED in filled.marks and not _opens_a_dateline(text, expression.start):
            placed.append((reading.sentence_start(expression.start), len(mentions) - 1, filled, mentions[-1]))
        if role != "event":
            continue
        remember(narrative, filled, value, value.calendar)
        if year_from == "text" and (after := context_after(expression, value)) is not None:
            narrative.context, narrative.context_at = after, expression.start
            contexts.append((offset + expression.end, after))
    in_narrative_order(placed, lexicon)
    for _, index, _, mention in placed:
        mentions[index] = mention
    return mentions, contexts


QUOTATION = re.compile(r"[“«\"]([^“”«»\"]{1,3000})[”»\"]")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Where the text quotes another text (a telegram, a speech) between quotation marks."""
    return [match.span(1) for match in QUOTATION.finditer(text)]


def _quoted(quotations: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in quotations)


def _counted_from_the_narrative(expression: Expression) -> Expression:
    """A quoted telegram's "to-day", "dün" ("That evening I sent the following telegram: 'The Entente Powers
    have to-day occupied Constantinople'"): the day of what is quoted, the narrative's last day, not the
    day the quoting document was written."""
    if expression.deixis is None or expression.deixis[0] != "day":
        return expression
    counted = copied(expression)
    counted.day_anaphora = expression.deixis[1]
    counted.deixis = None
    return counted


# "CONSTANTINOPLE, ", "Ankara, ": up to three words naming a place and a comma, from the start of a line
DATELINE_PLACE = re.compile(r"^[^\W\d_][\w'’.\-]*(?:[ \t]+[^\W\d_][\w'’.\-]*){0,2}[ \t]*,[ \t]*$")


def _opens_a_dateline(text: str, start: int) -> bool:
    """A date after a place and a comma at the start of its line ("CONSTANTINOPLE, March 22. — News …") is
    the document's own moment: the narrative after it, in the same sentence, may go back from it."""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(DATELINE_PLACE.match(text[line_start:start]))


def find_dates(
    text: str,
    *,
    context_year: int | None = None,
    languages: tuple[str, ...] = LANGUAGES,
    document_date: str | None = None,
    document_type: str = "article",
) -> list[DateMention]:
    """Every date expression in `text`, spans relative to it.

    A date without a year takes the year of the last explicitly dated expression before it in
    `text`, else `context_year`; when both are missing its EDTF keeps "XXXX" for the year. With a
    `document_date` (EDTF) the words that count from it are dates ("dün", "geçen sene"), and in a
    document of its moment (`document_type` "telegram", "speech"…) it places the yearless dates.
    """
    context = Context(context_year) if context_year is not None else None
    reading = reading_of(text, document_date, document_type, None)
    mentions, _ = tag_text(text, context, tuple(languages), reading=reading)
    return mentions


def reading_of(
    text: str, document_date: str | None, document_type: str, sentences: list[int] | None
) -> Reading:
    """What a text's dates are read against; its sentences are segmented only when they are needed."""
    reference = reference_time(document_date)
    of_its_moment = reference is not None and document_type in OF_THEIR_MOMENT
    if of_its_moment and sentences is None:
        sentences = [start for start, _ in segment_sentences(text)]
    return Reading(reference, of_its_moment, sentences or [])


def document_period(document: Document) -> Context | None:
    """The first year of the period a document's title names ("… (1920-1922)"), if any."""
    years = [mention.earliest.year for mention in find_dates(document.title) if "XXXX" not in mention.edtf]
    return Context(min(years)) if years else None


def context_at(
    contexts: list[tuple[int, Context | None]], offset: int, fallback: Context | None
) -> Context | None:
    """The narrative context in force at a body offset."""
    current = fallback
    for end, context in contexts:
        if end > offset:
            break
        current = context
    return current


def of_its_moment(document: Document) -> str:
    """The document's type as the dates read it: a document whose date was read off its own dateline,
    with no type given, is of its moment (a telegram, a letter, a report)."""
    if document.origins.get("date") == "detected" and "type" not in document.origins:
        return "letter"
    return document.type


def tag_dates(document: Document) -> list[DateMention]:
    """Dates of the body, in narrative order, then of each footnote (spans carry the footnote number).

    A yearless date takes the year of the last explicitly dated event before it in the body, else
    the first year of the period in the document's title. In a footnote, the context is the
    footnote's own earlier dates, else the body's context where the footnote's marker stands. The
    document's own date (`Document.date`) is the reference time of the words that count from it and,
    in a document of its moment, of the yearless dates (see `years`).
    """
    period = document_period(document)
    kind = of_its_moment(document)
    sentences = [sentence.span.start for sentence in document.sentences] or None
    reading = reading_of(document.text, document.date, kind, sentences)
    mentions, contexts = tag_text(document.text, period, LANGUAGES, reading=reading)
    markers = {marker.number: marker.offset for marker in document.markers}
    for note in document.footnotes:
        at = markers.get(note.number)
        context = context_at(contexts, at, period) if at is not None else period
        note_reading = reading_of(note.text, document.date, kind, None)
        found, _ = tag_text(note.text, context, LANGUAGES, footnote=note.number, reading=note_reading)
        mentions.extend(found)
    return mentions
