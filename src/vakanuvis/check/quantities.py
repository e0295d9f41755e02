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
    named_before: bool = False  # the thing named before the figure: "subay sayısını 3.000 olarak"


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
            elif not thing and not unit and (unit_word := _unit_of(word, units)):
                unit = unit_word
            elif word in stop or len(thing) == 2 or (thing or unit) and word.endswith(verb_endings):
                break
            else:
                head = head or word
                thing.append(_stem(word))
            position = word_match.end()
        if thing:
            found.append(
                Quantity(value, bound, unit, tuple(thing), Span(match.start(), position, footnote), head)
            )
        elif named := _named_before(text, match.start(), words.get("count_words", [])):
            found.append(
                Quantity(
                    value, bound, unit, named, Span(match.start(), position, footnote), named_before=True
                )
            )
        elif unit:
            found.append(Quantity(value, bound, unit, (), Span(match.start(), position, footnote)))
    return found


UNIT_STEM = 4  # a unit with its case ending ("kişiden", "tonluk" is no ton: a suffix of its own is listed)


def _unit_of(word: str, units: set[str]) -> str | None:
    """The unit a word is, as listed or with a case ending ("kişiden")."""
    if word in units:
        return word
    return next(
        (u for u in units if len(u) >= UNIT_STEM and word.startswith(u) and word[len(u) :] in CASE_ENDINGS),
        None,
    )


CASE_ENDINGS = frozenset(
    {
        "den",
        "dan",
        "ten",
        "tan",
        "de",
        "da",
        "te",
        "ta",
        "e",
        "a",
        "ye",
        "ya",
        "yi",
        "yı",
        "i",
        "ı",
        "nin",
        "nın",
        "in",
        "ın",
        "le",
        "la",
        "yle",
        "yla",
    }
)


def _named_before(text: str, start: int, count_words: list[str]) -> tuple[str, ...]:
    """The thing a figure counts when the text names it first: "subay sayısını 3.000 olarak verir" (the
    word before a counting word such as "sayısı", "miktarı", stems)."""
    words = WORD.findall(text[max(0, start - 60) : start])
    if len(words) < 2 or not any(words[-1].casefold().startswith(c) for c in count_words):
        return ()
    return (_stem(words[-2]),)


def _same_thing(a: Quantity, b: Quantity) -> bool:
    """Same unit and the same words (by stem): "makinalı tüfek" is not "tüfek", "top mermisi" is "top mermi".
    A thing named before its figure ("subay sayısını 3.000") is its head noun: the last word of the other's
    ("Ermeni subayı"). A figure of a unit alone ("12 kişiden") counts what its sentence is about."""
    if a.unit != b.unit:
        return False
    if a.named_before or b.named_before:
        return bool(a.thing and b.thing) and a.thing[-1] == b.thing[-1] and a.unit == b.unit
    return a.thing == b.thing


def _disagree(a: Quantity, b: Quantity) -> str | None:
    if abs(a.value - b.value) > 1e-9 * max(a.value, b.value, 1):
        return "different figures"
    if {a.bound, b.bound} in ({">", "~"}, {">", "<"}, {"<", "~"}) or {a.bound, b.bound} == {">", "="}:
        return "the same figure with different qualifiers"
    return None


def _alone(stated: Quantity, body: list[Quantity], noted: list[Quantity]) -> bool:
    """A figure of a unit alone is the only one of its unit in its sentence and in the footnote."""
    return sum(q.unit == stated.unit for q in body) == 1 and sum(q.unit == stated.unit for q in noted) == 1


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
            if not stated.thing and not _alone(stated, body, noted_quantities):
                continue  # "12 kişiden" beside another count of people: which one the note gives is unknown
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
