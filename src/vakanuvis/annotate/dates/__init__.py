"""The temporal tagger: date expressions of Turkish, Azerbaijani, Russian and English historiography.

`find_dates(text)` finds and normalizes the dates of one string; `tag_dates(document)` runs it over
the body in narrative order and over each footnote, resolving missing years from context.

Values are EDTF strings (parsed by the `edtf` package) with earliest and latest days:
"1919-05-19", "1919-07-23/1919-08-06", "1919-22" (summer), "1919-07/1919-12" (second half),
"1920-05-20~" ("…’ya doğru"), "1920-06/.." ("itibaren"), "../1922" ("…’e kadar" alone).
Rumi, Hijri and Old Style (Julian) dates are converted; `calendar` and `original` keep what was
written. A date without a year takes the year of the last explicitly dated expression before it
(`year_inferred=True`); with no such year at all it keeps "XXXX" in its EDTF ("XXXX-09-04"), and
its earliest/latest are `date.min`/`date.max`. Open ends also give `date.min`/`date.max`.
Publication dates of cited works and newspaper issue dates get role "bibliographic".
"""

from __future__ import annotations

import re

from vakanuvis.annotate.dates.assemble import scan
from vakanuvis.annotate.dates.grammar import Expression, grammar_for
from vakanuvis.annotate.dates.values import Context, normalize
from vakanuvis.lang import LANGUAGES
from vakanuvis.model import DateMention, Document, Span

__all__ = ["find_dates", "tag_dates"]

# After a date in a footnote: a reference's publication year or page locator soon follows
# ("6 мая 1921 г. Стенографический отчет. Баку, 1922, стр. 47").
REFERENCE_AHEAD = 60


def role_of(expression: Expression, text: str, languages: tuple[str, ...], in_footnote: bool) -> str:
    """ "bibliographic" for dates of cited works and newspaper issues, else "event"."""
    if expression.narrative:
        return "event"
    lexicon = grammar_for(languages).lexicon
    before = text[max(0, expression.start - 40) : expression.start]
    clause = re.split(r"[.;]\s", before)[-1]
    if re.search(lexicon.pattern("newspaper_words"), clause):
        return "bibliographic"
    if expression.bare_year and ("citation" in expression.marks or in_footnote):
        return "bibliographic"
    if in_footnote:
        ahead = text[expression.end : expression.end + REFERENCE_AHEAD]
        locator = lexicon.pattern("locators")
        if re.search(r"[,.]\s?(?:1\d{3}|20\d{2})\s*[,.;:]", ahead) or re.search(rf"{locator}\s*\d", ahead):
            return "bibliographic"
    return "event"


def explicit_year(expression: Expression) -> int | None:
    """The year an expression states for itself, if it is one year (not a span of years)."""
    years = {point.year for point in (expression.first, expression.last) if point and point.year is not None}
    return years.pop() if len(years) == 1 else None


def tag_text(
    text: str,
    context: Context | None,
    languages: tuple[str, ...],
    footnote: int | None = None,
    offset: int = 0,
) -> tuple[list[DateMention], list[tuple[int, Context | None]]]:
    """Date mentions of one text, and the context after each (offset, context) for later lookups."""
    lexicon = grammar_for(languages).lexicon
    mentions: list[DateMention] = []
    contexts: list[tuple[int, Context | None]] = []
    for expression in scan(text, languages):
        try:
            value = normalize(expression, context, lexicon.rumi_years)
        except (ValueError, OverflowError):  # a date no calendar has; the check stage reports such days
            continue
        role = role_of(expression, text, languages, footnote is not None)
        mentions.append(
            DateMention(
                span=Span(offset + expression.start, offset + expression.end, footnote),
                text=text[expression.start : expression.end],
                edtf=value.edtf,
                earliest=value.earliest,
                latest=value.latest,
                year_inferred=value.year_inferred,
                calendar=value.calendar,
                original=value.original,
                role=role,
            )
        )
        year = explicit_year(expression)
        if year is not None and role == "event":
            calendar = "rumi" if value.calendar == "rumi" else "gregorian"
            months = {point.month for point in (expression.first, expression.last) if point}
            context = Context(year, calendar, months.pop() if len(months) == 1 else None)
            contexts.append((offset + expression.end, context))
    return mentions, contexts


def find_dates(
    text: str,
    *,
    context_year: int | None = None,
    languages: tuple[str, ...] = LANGUAGES,
) -> list[DateMention]:
    """Every date expression in `text`, spans relative to it.

    A date without a year takes the year of the last explicitly dated expression before it in
    `text`, else `context_year`; when both are missing its EDTF keeps "XXXX" for the year.
    """
    context = Context(context_year) if context_year is not None else None
    mentions, _ = tag_text(text, context, tuple(languages))
    return mentions


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


def tag_dates(document: Document) -> list[DateMention]:
    """Dates of the body, in narrative order, then of each footnote (spans carry the footnote number).

    A yearless date takes the year of the last explicitly dated event before it in the body, else
    the first year of the period in the document's title. In a footnote, the context is the
    footnote's own earlier dates, else the body's context where the footnote's marker stands.
    """
    period = document_period(document)
    mentions, contexts = tag_text(document.text, period, LANGUAGES)
    markers = {marker.number: marker.offset for marker in document.markers}
    for note in document.footnotes:
        at = markers.get(note.number)
        context = context_at(contexts, at, period) if at is not None else period
        found, _ = tag_text(note.text, context, LANGUAGES, footnote=note.number)
        mentions.extend(found)
    return mentions
