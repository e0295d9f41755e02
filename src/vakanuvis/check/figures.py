"""The same figure given twice and differently in one text: in two paragraphs, or in the body and a footnote
that its sentence does not point to (those `quantities` compares). Two figures are one when they count the
same thing (the counted noun by lemma, not the head of a compound: "top" is not "top mermisi") and the words
around them describe it alike ("iğtinam olunan 140 top" / "iğtinam edilen 120 topun"; "18 maddelik Gümrü
Antlaşması" / "Antlaşmanın 16 maddesinden"), with nothing making it another of its kind ("ikinci teklifi")."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass

from vakanuvis.check.chronology import summing_up_blocks
from vakanuvis.check.evidence import evidence_at
from vakanuvis.check.quantities import Quantity, find_quantities
from vakanuvis.lang import language_data
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.lang.tr.morphology import compound_head, is_bare_noun, lemmas
from vakanuvis.model import Document, Finding, Span

WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")
CLAUSE_END = re.compile(r"[,;:.!?()]")
WINDOW = 3  # words either side of a figure that say what it counts
MIN_DESCRIBING = 3  # letters
KEPT_PER_VALUE = 8  # earlier figures of one value a figure is compared with (the first of them)


@dataclass(frozen=True)
class Figure:
    """A quantity with where it stands and the words that describe it."""

    quantity: Quantity
    place: str  # "body, sentence N" or "footnote N", as a historian reads it
    sentence: int | None  # body sentence index; None in a footnote
    counted: frozenset[str]  # lemmas of the counted noun
    compound: str  # the head of a compound the noun is part of ("mermi"), or ""
    describing: frozenset[str]  # lemmas of the words around it
    distinct_words: frozenset[str]  # words around it that make it another of its kind ("ikinci", "ilk")

    @property
    def distinct(self) -> bool:
        return bool(self.distinct_words)


def _words(text: str) -> list[str]:
    return [turkish_lower(m.group()) for m in WORD.finditer(text)]


CLAUSE_LOOKBACK = 2000  # characters looked back for a clause's start (every clause of the text, before)


def _clause_before(text: str, start: int) -> str:
    """The words of the clause before `start`, back to its punctuation (a clause is never longer than
    CLAUSE_LOOKBACK characters: searching the whole text before each figure was quadratic)."""
    begin = max(0, start - CLAUSE_LOOKBACK)
    ends = list(CLAUSE_END.finditer(text, begin, start))
    return text[ends[-1].end() if ends else begin : start]


def _clause_after(text: str, end: int) -> str:
    found = CLAUSE_END.search(text, end)
    return text[end : found.start() if found else len(text)]


def _compound_head(quantity: Quantity, text: str) -> str:
    """The word after the counted noun when it is a compound's head ("mermisi" after "top")."""
    following = _words(text[quantity.span.start : quantity.span.end])
    if quantity.head not in following or not is_bare_noun(quantity.head):
        return ""  # "topun tamiri" is the repair of the guns: the guns are still counted
    after = following[following.index(quantity.head) + 1 :][:1]
    return (compound_head(after[0]) or "") if after else ""


def _verb_stem(lemma: str) -> str:
    """ "olmak" → "ol": the stem the stop words list verbs by."""
    return lemma[:-3] if lemma.endswith(("mak", "mek")) else lemma


def _figure(quantity: Quantity, text: str, offset: int, place: str, sentence: int | None) -> Figure:
    data = language_data("tr", "quantities")
    stop = set(data.get("stop_words", [])) | set(data.get("describing_stop_words", []))
    local = Span(quantity.span.start - offset, quantity.span.end - offset)
    around = _words(_clause_before(text, local.start))[-WINDOW:]
    after = _words(_clause_after(text, local.end))[:WINDOW]
    inside = _words(text[local.start : local.end])[1:]
    counted = frozenset(lemma for lemma in lemmas(quantity.head) if lemma) if quantity.head else frozenset()
    if quantity.unit and (not counted or any(_verb_stem(lemma) in stop for lemma in counted)):
        # "1.000.000 ruble idi", "2.000.000 ruble olduğunu": a sum counts its unit
        counted = frozenset({quantity.unit})
    describing: set[str] = set()
    for word in [*around, *inside, *after]:
        found = lemmas(word)
        if found & counted:
            continue
        describing |= {lemma for lemma in found if len(lemma) >= MIN_DESCRIBING and lemma not in stop}
    distinct = frozenset(set(data.get("distinct_markers", [])) & {*around, *inside, *after})
    shifted = Quantity(quantity.value, quantity.bound, quantity.unit, quantity.thing, local, quantity.head)
    return Figure(
        quantity,
        place,
        sentence,
        counted,
        _compound_head(shifted, text),
        frozenset(describing),
        distinct,
    )


def document_figures(document: Document) -> list[Figure]:
    """The figures of a document's body sentences and footnotes, dates left out."""
    figures = []
    body_dates = sorted((d.span.start, d.span.end) for d in document.dates if d.span.footnote is None)
    starts = [start for start, _ in body_dates]
    for index, sentence in enumerate(document.sentences):
        start = sentence.span.start
        for quantity in find_quantities(document.text[start : sentence.span.end], None, []):
            where = Span(quantity.span.start + start, quantity.span.end + start)
            if _in_a_date(where.start, body_dates, starts):
                continue
            moved = Quantity(
                quantity.value, quantity.bound, quantity.unit, quantity.thing, where, quantity.head
            )
            figures.append(_figure(moved, document.text, 0, f"sentence {index + 1}", index))
    for note in document.footnotes:
        dates = [d.span for d in document.dates if d.span.footnote == note.number]
        for quantity in find_quantities(note.text, note.number, dates):
            figures.append(_figure(quantity, note.text, 0, f"footnote {note.number}", None))
    return figures


def _in_a_date(offset: int, dates: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether an offset lies inside one of the (sorted, seldom overlapping) date spans."""
    at = bisect_right(starts, offset)
    return any(start <= offset < end for start, end in dates[max(0, at - 3) : at])


def same_figure(a: Figure, b: Figure) -> bool:
    """Do two figures count one thing, described alike?"""
    return (
        a.quantity.unit == b.quantity.unit
        and bool(a.counted & b.counted)
        and a.compound == b.compound
        # "ikinci teklifi" against "teklif" is another of its kind; "ilk partide" against "ilk partisinin" is not
        and a.distinct_words == b.distinct_words
        and bool(a.describing & b.describing)
    )


def _pointed_to(document: Document, a: Figure, b: Figure) -> bool:
    """A body sentence and the footnote its marker points to (compared by `quantities`)."""
    note = a.quantity.span.footnote if a.sentence is None else b.quantity.span.footnote
    sentence = a.sentence if a.sentence is not None else b.sentence
    return any(m.number == note and m.sentence == sentence for m in document.markers)


def _in_summing_up(document: Document, figure: Figure, summing_up: set[int]) -> bool:
    """The figure stands in a body sentence of a part that sums up (a conclusion, an abstract)."""
    return figure.sentence is not None and document.sentences[figure.sentence].block in summing_up


def find_figure_disagreements(document: Document) -> list[Finding]:
    """Each figure that another place of the text gives otherwise, the first place quoted against it."""
    figures = document_figures(document)
    summing_up = summing_up_blocks(document)
    findings = []
    # the earlier figures by what they count (unit, compound, a counted word), then by value: a figure is
    # compared only with those that could be the same thing given otherwise, a few of each value, so a long
    # text with thousands of figures costs no more per figure than a short one
    earlier: dict[tuple, dict[object, list[int]]] = defaultdict(dict)
    for index, later in enumerate(figures):
        keys = [(later.quantity.unit, later.compound, word) for word in sorted(later.counted)]
        candidates = sorted(
            {
                i
                for key in keys
                for value, indexes in earlier.get(key, {}).items()
                if value != later.quantity.value
                for i in indexes
            }
        )
        for key in keys:
            kept = earlier[key].setdefault(later.quantity.value, [])
            if len(kept) < KEPT_PER_VALUE:
                kept.append(index)
        for first in (figures[i] for i in candidates):
            if first.sentence is not None and first.sentence == later.sentence:
                continue  # a part and its whole, or two parts, in one sentence
            note = first.quantity.span.footnote
            if note is not None and note == later.quantity.span.footnote:
                continue  # a footnote that lists several figures
            if (first.sentence is None) != (later.sentence is None) and _pointed_to(document, first, later):
                continue
            if not same_figure(first, later) or first.quantity.value == later.quantity.value:
                continue
            one, other = (
                evidence_at(document, first.quantity.span),
                evidence_at(document, later.quantity.span),
            )
            shared = max(sorted(first.describing & later.describing), key=len)
            if _in_summing_up(document, first, summing_up) != _in_summing_up(document, later, summing_up):
                summary, body = (other, one) if _in_summing_up(document, later, summing_up) else (one, other)
                finding = Finding(
                    kind="conclusion-contradicts",
                    message=f"The conclusion gives “{summary.text}” where the body gives “{body.text}” for what "
                    f"reads as the same thing (“{shared}”): one of the two figures is wrong.",
                    evidence=[summary, body],
                    severity="warning",
                )
            else:
                finding = Finding(
                    kind="figure-disagrees",
                    message=f"The text gives two figures for what reads as the same thing (“{shared}”): "
                    f"“{one.text}” ({first.place}) and “{other.text}” ({later.place}).",
                    evidence=[other, one],
                    severity="warning",
                )
            findings.append(finding)
            break
    return findings
