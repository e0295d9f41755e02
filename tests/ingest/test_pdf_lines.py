"""Characters grouped into lines: word gaps, raised footnote digits, mixed sizes, and the same lines as the
plain reading of the rule (sizes' median, body characters, baseline) on generated pages."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vakanuvis.ingest.normalize import normalize_line
from vakanuvis.ingest.pdf import Char, group_lines, make_char, median
from vakanuvis.model import RawLine


def word(text: str, x0: float, bottom: float = 700.0, size: float = 11.0, start: int = 0) -> list[Char]:
    """`text` set left to right from `x0`, each character 5 pt wide and touching the next."""
    return [
        make_char(start + i, letter, x0 + 5 * i, x0 + 5 * i + 5, bottom, size)
        for i, letter in enumerate(text)
    ]


@pytest.mark.parametrize(
    ("chars", "expected"),
    [
        # Words placed apart with no space glyph: a gap over a fifth of the type size is a space.
        (word("Kars", 72) + word("Antlaşması", 100, start=10), ["Kars Antlaşması"]),
        # A gap of a fifth of the type size or less is no space.
        (word("Ka", 72) + word("rs", 84.0, start=10), ["Kars"]),
        # A space glyph before the gap: no second space.
        (word("Kars ", 72) + word("1921", 120, start=10), ["Kars 1921"]),
        # Digits of the line's own size stay digits, even on a line of one size only.
        (word("Madde 13", 72), ["Madde 13"]),
        # A smaller digit raised above the baseline is a footnote marker.
        (word("Paşa", 72) + word("12", 92, bottom=696.0, size=7.0, start=10), ["Paşa¹²"]),
        # A smaller digit on the baseline is not.
        (word("Paşa", 72) + word("12", 92, size=7.0, start=10), ["Paşa12"]),
        # The characters arrive in any order; lines come out top to bottom, each left to right.
        (word("ikinci", 72, bottom=720.0) + word("birinci", 72, start=10), ["birinci", "ikinci"]),
        # A line of spaces only has no type size to give and is left out.
        (word("   ", 72) + word("metin", 72, bottom=740.0, start=10), ["metin"]),
        # Ligature letters are spelled out.
        (word("\ufb01kir", 72), ["fikir"]),
    ],
    ids=[
        "gap-is-space",
        "narrow-gap",
        "no-double-space",
        "body-digits",
        "raised-marker",
        "small-digit-on-baseline",
        "order",
        "blank-line",
        "ligature",
    ],
)
def test_characters_become_lines(chars, expected):
    assert [line.text for line in group_lines(chars)] == expected


def test_a_line_reports_its_body_size_top_and_edges():
    chars = word("Paşa", 72) + word("12", 92, bottom=696.0, size=7.0, start=10)
    assert group_lines(chars) == [RawLine(text="Paşa¹²", font_size=11.0, top=689.0, x0=72.0, x1=102.0)]


def test_a_superscript_raised_above_the_line_top_stays_on_its_line():
    # A word processor's superscript: 58 % of the type, raised a third of it, so that its middle stands
    # above the line's top (as LibreOffice and Word set note numbers).
    chars = word("gönderdi.", 72) + word("12", 117, bottom=690.0, size=6.4, start=20) + word("Sonra", 72, 712)
    assert [line.text for line in group_lines(chars)] == ["gönderdi.¹²", "Sonra"]


@pytest.mark.parametrize(
    "values",
    [[11.0], [8.0, 11.0], [11.0, 8.0, 9.5], [11.0, 11.0, 8.0, 8.0], [0.1, 0.2, 0.3, 1e308, 1e308, 1e308]],
    ids=["one", "two", "three-unsorted", "even-ties", "huge"],
)
def test_median_is_statistics_median(values):
    assert median(values) == statistics.median(values)


def plain_group_lines(chars: list[Char]) -> list[RawLine]:
    """The rule read plainly, without the shortcuts group_lines takes: rows by vertical overlap with one of
    the last three rows, the median size of the printing characters, body characters within half a point of
    it, their median descent line as the baseline."""
    rows: list[list[Char]] = []
    for c in sorted(chars, key=lambda c: (round(c[6], 1), c[1])):
        middle = (c[5] + c[6]) / 2
        for row in reversed(rows[-3:]):
            if min(x[5] for x in row) <= middle <= max(x[6] for x in row):
                row.append(c)
                break
        else:
            rows.append([c])
    # A row of small digits whose bottom reaches into the top of a neighbouring row of larger type (the
    # next, the one before, the one after next) is a superscript of that row.
    extents = [(min(x[5] for x in row), max(x[6] for x in row)) for row in rows]
    into: dict[int, int] = {}
    for i, row in enumerate(rows):
        if not all(c[3].isdigit() or c[3] in "*†‡" or c[3].isspace() for c in row):
            continue
        for j in (i + 1, i - 1, i + 2):
            if 0 <= j < len(rows) and j not in into:
                larger = max(c[7] for c in row) <= 0.85 * statistics.median(c[7] for c in rows[j])
                if larger and extents[j][0] < extents[i][1] < extents[j][1] and extents[i][0] < extents[j][0]:
                    into[i] = j
                    break
    merged = [list(row) for row in rows]
    for i, j in into.items():
        merged[j] += rows[i]
        merged[i] = []
    lines = []
    for row in [row for row in merged if row]:
        row.sort(key=lambda c: c[1])
        sizes = [c[7] for c in row if c[3].strip()]
        if not sizes:
            continue
        size = statistics.median(sizes)
        body = [c for c in row if abs(c[7] - size) < 0.5] or row
        baseline = statistics.median(c[6] for c in body)
        text = ""
        for i, c in enumerate(row):
            if i and c[1] - row[i - 1][4] > 0.2 * size and not text.endswith(" "):
                text += " "
            raised = c[3].isdigit() and c[7] <= 0.85 * size and c[6] < baseline - 0.15 * size
            text += "⁰¹²³⁴⁵⁶⁷⁸⁹"[int(c[3])] if raised else c[3]
        top = min(c[5] for c in body)
        right = round(max(c[4] for c in row), 2)
        lines.append(RawLine(normalize_line(text), round(size, 2), round(top, 2), round(row[0][1], 2), right))
    return sorted(lines, key=lambda line: (line.top or 0.0, line.x0 or 0.0))


@st.composite
def pages(draw: st.DrawFn) -> list[Char]:
    """Characters on a few baselines in mixed sizes, some raised, with gaps and overlaps."""
    chars = []
    for index in range(draw(st.integers(1, 60))):
        text = draw(st.sampled_from("aşЖ1 2.9 "))
        size = draw(st.sampled_from([11.0, 11.0, 11.0, 10.8, 8.0, 7.0]))
        bottom = draw(st.sampled_from([700.0, 700.04, 713.0, 726.5])) - draw(st.sampled_from([0, 0, 3.5, 6]))
        x0 = draw(st.floats(72, 300, allow_nan=False).map(lambda x: round(x, 1)))
        width = draw(st.sampled_from([0.0, 2.5, 5.0, 6.2]))
        chars.append(make_char(index, text, x0, x0 + width, bottom, size))
    return chars


@settings(max_examples=300, deadline=None)
@given(pages())
def test_lines_are_those_of_the_plain_rule(chars):
    assert group_lines(list(chars)) == plain_group_lines(chars)
