"""What a work's key and record need from its citations, kept per work node: a work is then built again from
its nodes' digests, without reading every citation of a much-cited work back. `source_from_digests` gives
what `sources.build_source` gives from the citations themselves (tested against it)."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from typing import Any

from vakanuvis.lang.folds import fold_for_citation_matching
from vakanuvis.lang.latin import to_latin
from vakanuvis.model import Citation, Source, citation_fields, stored_citation
from vakanuvis.resolve.work_graph import WorkNode
from vakanuvis.resolve.work_record import commonest, filled_fields, most_written_authors

Digest = dict[str, Any]


def citation_digest(document: str, citation: Citation) -> Digest:
    """The digest of one citation."""
    title = fold_for_citation_matching(citation.title_repaired or citation.title or "")
    filled = filled_fields(citation)
    record = {
        "footnote": citation.footnote,
        "start": citation.span.start,
        "end": citation.span.end,
        "raw": citation.raw,
        "fields": citation_fields(citation),
    }
    own = not citation.back_reference
    return {
        "n": 1,
        "own": int(own),
        "titles": {title: 1},
        "best": {title: [filled, citation.raw, record]},
        "years": {str(citation.year): 1} if citation.year not in (None, "") else {},
        "places": {citation.place: 1} if citation.place not in (None, "") else {},
        "authors": {json.dumps(list(citation.authors)): 1} if own and citation.authors else {},
        "first": [document, citation.footnote, citation.span.start, citation.raw],
    }


def combine(digests: Iterable[Digest]) -> Digest:
    """One digest for the citations of several: counts added, the best citation per title and the first kept."""
    total: Digest = {"n": 0, "own": 0, "titles": {}, "best": {}, "years": {}, "places": {}, "authors": {}}
    for digest in digests:
        total["n"] += digest["n"]
        total["own"] += digest["own"]
        for field in ("titles", "years", "places", "authors"):
            for value, count in digest[field].items():
                total[field][value] = total[field].get(value, 0) + count
        for title, candidate in digest["best"].items():
            kept = total["best"].get(title)
            if kept is None or _describes_better(candidate, kept):
                total["best"][title] = candidate
        if "first" not in total or tuple(digest["first"][:3]) < tuple(total["first"][:3]):
            total["first"] = digest["first"]
    return total


def _standing(candidate: list[Any]) -> tuple[bool, int, str]:
    """How well a digest's best citation describes its work, as `sources.representative` ranks citations: a
    full reference before a back-reference ("a.g.e." fills as many fields as an archival file's number), then
    the most fields filled, then the raw text."""
    filled, raw, record = candidate
    return not record["fields"].get("back_reference"), filled, raw


def _describes_better(candidate: list[Any], kept: list[Any]) -> bool:
    return _standing(candidate) > _standing(kept)


def _weighted_majority(values: Iterable[tuple[str | None, int]]) -> str | None:
    counts: Counter[str] = Counter()
    for value, weight in values:
        if value not in (None, "") and weight:
            counts[str(value)] += weight
    return commonest(counts)


def source_from_digests(members: list[tuple[WorkNode, Digest]]) -> tuple[Source, tuple[str, int]]:
    """A work from its nodes and their digests, and the (raw text, footnote) of its first citation."""
    digest = combine(d for _, d in members)
    # as `sources.representative`: a full reference first, then the commonest title (no title counts for
    # none: many back-references without one are not a title the work is known by), then the fullest
    record_title = max(
        digest["best"],
        key=lambda t: (
            _standing(digest["best"][t])[0],
            digest["titles"][t] if t else 0,
            *_standing(digest["best"][t])[1:],
        ),
    )
    record = digest["best"][record_title][2]
    best = stored_citation(
        record["footnote"], record["start"], record["end"], record["raw"], record["fields"]
    )
    first = digest["first"]
    own = [(node, d["own"]) for node, d in members if d["own"]]
    content: dict[str, str | int | None] = {}
    if not own:  # a back-reference that points nowhere: only its own place identifies it
        content["at"] = f"{first[0]}:{first[1]}:{first[3]}"
        own = [(node, d["n"]) for node, d in members]
    content["kind"] = own[0][0].keys.kind
    content["surname"] = _weighted_majority((node.keys.surname, weight) for node, weight in own)
    content["title"] = _weighted_majority((node.keys.title, weight) for node, weight in own)
    for key in sorted({k for node, _ in own for k, _ in node.keys.hard}):
        content[key] = _weighted_majority((node.keys.hard_values.get(key), weight) for node, weight in own)
    key = "src-" + hashlib.sha1(repr(sorted(content.items())).encode("utf-8")).hexdigest()[:10]
    spellings = {tuple(json.loads(names)): count for names, count in digest["authors"].items()}
    if not digest["own"] and best.authors:
        spellings = {tuple(best.authors): digest["n"]}
    authors = most_written_authors(spellings, best)
    title = best.title_repaired or best.title or best.container
    year = commonest(digest["years"])
    place = commonest(digest["places"])
    source = Source(
        key=key,
        type=best.type,
        authors=authors,
        title=title,
        title_latin=to_latin(title) if title else None,
        place=place,
        year=int(year) if year is not None else None,
    )
    return source, (first[3], first[1])
