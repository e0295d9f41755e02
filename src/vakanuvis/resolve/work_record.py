"""How a work's record and key are chosen, alike whether from all its citations (sources.build_source) or
from its nodes' digests (work_digest.source_from_digests): the commonest value, the fullest citation, the
authors as most citations write them, and numbered keys for works kept apart whose content keys agree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from vakanuvis.model import Citation, Source


def filled_fields(citation: Citation) -> int:
    """How many of a citation's fields hold something."""
    return sum(1 for value in vars(citation).values() if value not in (None, "", [], {}, False))


def commonest(counts: Mapping[Any, int]) -> Any:
    """The value counted most often (None when there is none); ties go to the fuller spelling ("М." over "М")."""
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(str(kv[0])), str(kv[0])))[0][0]


def most_written_authors(spellings: Mapping[tuple[str, ...], int], best: Citation) -> list[str]:
    """The authors as most citations write them ("Аралов" over a single "Арлов"); ties to `best`'s."""
    if not spellings:
        return list(best.authors)
    top = max(spellings.values())
    candidates = sorted(names for names, count in spellings.items() if count == top)
    return list(tuple(best.authors) if tuple(best.authors) in candidates else candidates[0])


def number_repeated_keys(
    sources: list[Source], taken: Iterable[str], first: Callable[[Source], tuple[str, int]]
) -> None:
    """Works kept apart although their content keys agree (a guard split them) get numbered keys, in the
    order of their `first` citations' (raw text, footnote); `taken`: keys other works hold already."""
    seen: Counter[str] = Counter(taken)
    for source in sorted(sources, key=lambda s: (s.key, *first(s))):
        seen[source.key] += 1
        if seen[source.key] > 1:
            base = source.key
            while f"{base}-{seen[base]}" in seen:
                seen[base] += 1
            source.key = f"{base}-{seen[base]}"
            seen[source.key] += 1
