"""The gutter search leaves a page at once when too few of its lines leave two neighbouring positions
blank: the same answer as counting every line's letters at every position."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from vakanuvis.structure.zones import text as zones_text

SAMPLE = Path(__file__).parents[2] / "src" / "vakanuvis" / "samples" / "lozan-musul-ornek.txt"


def _pages() -> list[list[str]]:
    """Pages of the sample article as they are, and set in two columns at several gutters and widths,
    with short lines, indents and lines across the page mixed in."""
    lines = [line.rstrip() for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    chooser = random.Random(21)
    pages = [lines[start : start + 40] for start in range(0, len(lines), 40)]
    for _ in range(120):
        start = chooser.randrange(0, max(1, len(lines) - 80))
        left, right = lines[start : start + 40], lines[start + 40 : start + 80]
        column = chooser.choice([20, 30, 38, 45, 60])
        gap = chooser.choice([1, 2, 3, 5])
        page = []
        for a, b in zip(left, right, strict=False):
            a, b = a[: chooser.randint(column // 2, column)], b[: chooser.randint(1, column)]
            if chooser.random() < 0.1:
                page.append(a + " " + b)  # a line across the gutter
            elif chooser.random() < 0.1:
                page.append(a)
            else:
                page.append(a.ljust(column + chooser.randint(0, 2)) + " " * gap + b)
        pages.append(page)
    return pages


@pytest.mark.parametrize("page", _pages())
def test_gutter_shortcut_gives_the_full_search_answer(page: list[str], monkeypatch) -> None:
    filled = [text for text in page if text.strip()]
    if not filled:
        return
    width = max(len(text) for text in filled)
    found = zones_text.find_gutter(filled, width)
    monkeypatch.setattr(zones_text, "_double_blank_lines", lambda filled, low, high: len(filled))
    assert found == zones_text.find_gutter(filled, width)


def test_some_pages_have_a_gutter_and_some_do_not() -> None:
    found = []
    for page in _pages():
        filled = [text for text in page if text.strip()]
        found.append(zones_text.find_gutter(filled, max(len(text) for text in filled)))
    assert any(gutter is None for gutter in found) and any(gutter is not None for gutter in found)
