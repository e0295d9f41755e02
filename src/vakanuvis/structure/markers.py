"""Footnote markers in body lines: the candidates (found by form, `lines.line_candidates`) chosen by the
numbering sequence."""

from __future__ import annotations

from vakanuvis.structure.lines import MarkerCandidate

MAX_SKIP = 3
LOOKAHEAD = 20  # candidates looked at before accepting a skip in the numbering


def select_markers(
    candidates: list[MarkerCandidate],
    footnote_numbers: set[int],
    footnote_pages: dict[int, int] | None = None,
) -> list[MarkerCandidate]:
    """The candidates that are markers: each the next number in sequence (small skips only to a footnote).

    A spaced candidate ("vardılar. 9 San-Remo") counts only when its footnote stands on the same page or
    the next one.
    """
    chosen: list[MarkerCandidate] = []
    last = 0
    pages = footnote_pages or {}
    for index, candidate in enumerate(candidates):
        number = candidate.number
        if candidate.spaced:
            page = pages.get(number)
            in_reach = number == last + 1 or (
                last + 1 < number <= last + 1 + MAX_SKIP
                and not expected_soon(candidates[index + 1 : index + 1 + LOOKAHEAD], last + 1, number)
            )
            if not in_reach or page is None or not 0 <= page - candidate.page <= 1:
                continue
        elif number == last + 1 and (candidate.glued_to_punctuation or number in footnote_numbers):
            pass
        elif (
            last + 1 < number <= last + 1 + MAX_SKIP
            and number in footnote_numbers
            and candidate.glued_to_punctuation
            and not expected_soon(candidates[index + 1 : index + 1 + LOOKAHEAD], last + 1, number)
            and not candidate.spaced
        ):
            pass
        else:
            continue
        chosen.append(candidate)
        last = number
    return chosen


def expected_soon(upcoming: list[MarkerCandidate], low: int, high: int) -> bool:
    """Whether a skipped-over number turns up shortly, so that the skip was a false candidate."""
    return any(
        low <= candidate.number < high and candidate.glued_to_punctuation and not candidate.spaced
        for candidate in upcoming
    )
