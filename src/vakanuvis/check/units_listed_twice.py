"""One numbered unit listed twice in one enumeration: "9. Fırka, 11. Fırka, 12. Fırka ve Dokuzuncu Fırka".

A telegram or an article that counts the divisions of an assault and names one of them twice, once in
figures and once in letters (or with a Roman numeral), gives one unit too many: a number is wrong or one
unit is repeated. The unit words and the ordinals written in letters are language data
(`numbered_units`, `ordinal_words`, `tens_words` in lang/tr/quantities.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vakanuvis.check.evidence import evidence_at
from vakanuvis.check.spellings import ENUMERATION_GAP
from vakanuvis.lang import language_data
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.model import Document, Finding, Span

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


@dataclass(frozen=True)
class NumberedUnit:
    number: int
    unit: str  # the unit word as listed ("fırka")
    span: Span


def roman_number(written: str) -> int | None:
    """ "XV" → 15; None for what is no Roman numeral of the units' range."""
    if not written or any(letter not in ROMAN for letter in written):
        return None
    total = 0
    for index, letter in enumerate(written):
        value = ROMAN[letter]
        following = ROMAN[written[index + 1]] if index + 1 < len(written) else 0
        total += -value if value < following else value
    return total if total > 0 else None


@cache
def _words() -> dict:
    return language_data("tr", "quantities")


@cache
def _unit_pattern() -> re.Pattern[str]:
    data = _words()
    units = "|".join(sorted(map(re.escape, data.get("numbered_units", [])), key=len, reverse=True)) or "(?!)"
    ordinals = (
        "|".join(sorted(map(re.escape, data.get("ordinal_words", {})), key=len, reverse=True)) or "(?!)"
    )
    tens = "|".join(sorted(map(re.escape, data.get("tens_words", {})), key=len, reverse=True)) or "(?!)"
    return re.compile(
        r"(?<![\w.])(?:(?P<figures>\d{1,3})\.|(?P<roman>[IVXL]{1,7})\.|(?P<letters>(?:(?:" + tens + r")\s+)?"
        r"(?:" + ordinals + r")))\s+(?P<unit>" + units + r")(?:[’']\w+|\w*)",
        re.IGNORECASE,
    )


def _number(found: re.Match[str]) -> int | None:
    if found.group("figures"):
        return int(found.group("figures"))
    if found.group("roman"):
        return roman_number(found.group("roman"))
    data = _words()
    words = turkish_lower(found.group("letters")).split()
    total = data["ordinal_words"].get(words[-1], 0)
    if len(words) == 2:
        total += data["tens_words"].get(words[0], 0)
    return total or None


def numbered_units(text: str) -> list[NumberedUnit]:
    """Every numbered unit of a text, in order."""
    units = []
    for found in _unit_pattern().finditer(text):
        number = _number(found)
        if number is not None:
            unit = turkish_lower(found.group("unit"))
            units.append(NumberedUnit(number, unit, Span(found.start(), found.end())))
    return units


def _lists(text: str) -> list[list[NumberedUnit]]:
    """Runs of numbered units with nothing but a comma or "ve" between them."""
    runs: list[list[NumberedUnit]] = []
    for unit in numbered_units(text):
        if runs and ENUMERATION_GAP.match(text[runs[-1][-1].span.end : unit.span.start]):
            runs[-1].append(unit)
        else:
            runs.append([unit])
    return [run for run in runs if len(run) > 1]


def find_units_listed_twice(document: Document) -> list[Finding]:
    """One unit numbered twice in one list of the body ("9. Fırka … ve Dokuzuncu Fırka")."""
    findings = []
    for run in _lists(document.text):
        seen: dict[tuple[int, str], NumberedUnit] = {}
        for unit in run:
            first = seen.setdefault((unit.number, unit.unit), unit)
            if first is unit:
                continue
            a, b = evidence_at(document, first.span), evidence_at(document, unit.span)
            findings.append(
                Finding(
                    kind="listed-twice",
                    message=f"“{a.text}” and “{b.text}” stand in one list as if they were two units, but "
                    f"they number the same one ({unit.number}): a number is wrong or a unit is repeated.",
                    evidence=[a, b],
                    severity="warning",
                )
            )
            break
    return findings
