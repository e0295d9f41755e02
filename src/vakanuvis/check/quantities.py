"""Quantities of the same thing that differ between a body sentence and the footnote that backs it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vakanuvis.check.evidence import evidence_at
from vakanuvis.lang import language_data
from vakanuvis.model import Document, Finding, Span

NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d+(?:[.,]\d{1,2})?)(?![\w.,]?\d)")
WORD = re.compile(r"[^\W\d_]+\.?")


@dataclass(frozen=True)
class Quantity:
    value: float
    bound: str  # "=" exact, ">" more than, "~" about, "<" at most
    unit: str
    thing: tuple[str, ...]  # word stems naming what is counted
    span: Span
    head: str = ""  # the first word naming the thing, as written ("topun"), for comparing by lemma


def turkish_number(written: str) -> float:
    """A number in Turkish convention: "6.000" is six thousand, "200,6" and "200.6" are two hundred point six."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", written):
        return float(written.replace(".", ""))
    return float(written.replace(",", "."))


def _stem(word: str) -> str:
    return word.casefold().rstrip(".")[:4]


def find_quantities(text: str, footnote: int | None, excluded: list[Span]) -> list[Quantity]:
    """Counted things in `text`: number, multiplier, qualifier, unit, then the words naming the thing."""
    words = language_data("tr", "quantities")
    multipliers: dict[str, float] = words.get("multipliers", {})
    qualifiers: dict[str, str] = words.get("qualifiers", {})
    units = set(words.get("units", []))
    stop = set(words.get("stop_words", []))
    verb_endings = tuple(words.get("verb_endings", []))
    found = []
    for match in NUMBER.finditer(text):
        if any(s.start <= match.start() < s.end for s in excluded):
            continue
        value, bound, unit = turkish_number(match.group(1)), "=", ""
        thing: list[str] = []
        head = ""
        position = match.end()
        for word_match in WORD.finditer(text, position):
            if text[position : word_match.start()].strip(" "):
                break  # punctuation or a number ends the phrase
            word = word_match.group().casefold().rstrip(".")
            prefix = next((m for m in multipliers if word.startswith(m)), None)
            if prefix and not thing and not unit:
                value *= multipliers[prefix]
            elif word in qualifiers and not thing:
                bound = qualifiers[word]
            elif word in units and not thing:
                unit = word
            elif word in stop or len(thing) == 2 or thing and word.endswith(verb_endings):
                break
            else:
                head = head or word
                thing.append(_stem(word))
            position = word_match.end()
        if thing:
            found.append(
                Quantity(value, bound, unit, tuple(thing), Span(match.start(), position, footnote), head)
            )
    return found


def _same_thing(a: Quantity, b: Quantity) -> bool:
    """Same unit and the same words (by stem): "makinalı tüfek" is not "tüfek", "top mermisi" is "top mermi"."""
    return a.unit == b.unit and a.thing == b.thing


def _disagree(a: Quantity, b: Quantity) -> str | None:
    if abs(a.value - b.value) > 1e-9 * max(a.value, b.value, 1):
        return "different figures"
    if {a.bound, b.bound} in ({">", "~"}, {">", "<"}, {"<", "~"}) or {a.bound, b.bound} == {">", "="}:
        return "the same figure with different qualifiers"
    return None


def find_quantity_conflicts(document: Document) -> list[Finding]:
    """Compare each body sentence's quantities with those of the footnotes its markers point to."""
    date_spans = [d.span for d in document.dates]
    findings = []
    for marker in document.markers:
        if marker.sentence is None or all(note.number != marker.number for note in document.footnotes):
            continue
        sentence = document.sentences[marker.sentence].span
        body = [
            Quantity(
                q.value,
                q.bound,
                q.unit,
                q.thing,
                Span(q.span.start + sentence.start, q.span.end + sentence.start),
                q.head,
            )
            for q in find_quantities(document.text[sentence.start : sentence.end], None, [])
            if not any(
                d.footnote is None and d.start <= q.span.start + sentence.start < d.end for d in date_spans
            )
        ]
        note = document.footnote(marker.number)
        note_dates = [d for d in date_spans if d.footnote == note.number]
        noted_quantities = find_quantities(note.text, note.number, note_dates)
        for stated in body:
            same = [noted for noted in noted_quantities if _same_thing(stated, noted)]
            # A footnote may list several deliveries; one that agrees settles it.
            if not same or any(_disagree(stated, noted) is None for noted in same):
                continue
            noted = min(same, key=lambda q: abs(q.value - stated.value))
            why = _disagree(stated, noted)
            findings.append(
                Finding(
                    kind="quantity-mismatch",
                    message=f"The body and footnote {note.number} give {why} for the same thing: "
                    f"“{evidence_at(document, stated.span).text}” / “{evidence_at(document, noted.span).text}”.",
                    evidence=[evidence_at(document, stated.span), evidence_at(document, noted.span)],
                )
            )
    return findings
