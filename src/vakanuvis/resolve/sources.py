"""Merge citations into distinct works: one `Source` per work however its citations were spelled.

Comparison keys are Latin (ALA-LC), without diacritics, casefolded, letters and digits only, built
from the OCR-repaired title. Citations are compared only within blocks (first author's surname
prefix; title prefix; place and year; archive fond and file; newspaper issue), never all against all.

Two citations are one work when their authors agree (surnames alike at >= 80, first initials
equal when both are written) and their titles are alike (>= 85, or one title contained in the
other at >= 85 when place and year agree too). Guards keep apart what must stay apart, also
through chains of merges: different volumes, different years (1955 and 1965 printings are
different editions, so different works), different archive files (fond, list, file, box, item or
call number differ), different newspaper issues. Archive citations of one file with different
folios are one work; folios are locators.

Back-references ("a.g.e.", "ibid.", "там же") point to the last earlier citation of the same
document, or, when they name an author, to the last earlier citation of that author; order
within a document is footnote number, then position in the footnote.

A source's key is "src-" and a hash of its content (kind, first author's surname, title,
volume, year, archive file or newspaper issue), taken from the values most of its citations
share, so it does not depend on the order of the input.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from vakanuvis.annotate.citations.latin import fold, to_latin
from vakanuvis.model import Citation, Source

SURNAME_SIMILARITY = 80
TITLE_SIMILARITY = 85
PARTIAL_TITLE_SIMILARITY = 85
ARCHIVE_NAME_SIMILARITY = 80
NEWSPAPER_SIMILARITY = 85
ARCHIVE_FILE_FIELDS = ("fond", "opis", "delo", "box", "item", "code")
INITIALS = re.compile(r"([^\W\d_])[^\W\d_]?\.")


@dataclass
class _Item:
    """One citation with its comparison keys."""

    index: int
    document: str
    citation: Citation
    kind: str  # "work" | "archive" | "newspaper"
    surname: str
    initial: str
    title: str
    hard: dict[str, str]  # values that must not differ within one work


def _author_parts(name: str) -> tuple[str, str]:
    """(folded surname, folded first initial) of one author as written."""
    name = name.strip()
    initials = INITIALS.findall(name)
    rest = INITIALS.sub(" ", name).split()
    if initials and rest:
        surname = rest[-1] if name.find(rest[-1]) > name.find(initials[0]) else rest[0]
        return fold(surname), fold(initials[0])[:1]
    if len(rest) >= 2:
        return fold(rest[-1]), fold(rest[0])[:1]
    return (fold(rest[0]) if rest else ""), ""


def _item(index: int, document: str, citation: Citation) -> _Item:
    kind = citation.type if citation.type in ("archive", "newspaper") else "work"
    surname, initial = _author_parts(citation.authors[0]) if citation.authors else ("", "")
    title = fold(citation.title_repaired or citation.title or citation.container or "")
    hard: dict[str, str] = {"kind": kind}
    if kind == "archive":
        hard.update({k: fold(v) for k, v in citation.archive.items() if k in ARCHIVE_FILE_FIELDS})
    elif kind == "newspaper":
        if citation.issue_date:
            hard["issue"] = citation.issue_date
    else:
        if citation.volume:
            hard["volume"] = citation.volume
        if citation.year:
            hard["year"] = str(citation.year)
        if initial:
            hard["initial"] = initial
    return _Item(index, document, citation, kind, surname, initial, title, hard)


def _blocks(item: _Item) -> list[str]:
    if item.kind == "archive":
        return ["archive:" + "/".join(item.hard.get(k, "") for k in ARCHIVE_FILE_FIELDS)]
    if item.kind == "newspaper":
        return ["newspaper:" + item.hard.get("issue", item.title[:4])]
    keys = []
    if item.surname:
        keys.append("author:" + item.surname[:2])
    if item.title:
        keys.append("title:" + item.title[:5])
    if item.citation.place and item.citation.year:
        # one imprint: lets differently worded titles of one work meet (the partial-title rule)
        keys.append(f"imprint:{fold(item.citation.place)}:{item.citation.year}")
    return keys


def _archive_name(citation: Citation) -> str:
    return fold(citation.archive.get("archive", ""))


def _similarity(a: _Item, b: _Item) -> float:
    """How alike two citations are (0-100), or 0 when they cannot be one work."""
    if a.kind != b.kind:
        return 0.0
    if a.kind == "archive":
        name_a, name_b = _archive_name(a.citation), _archive_name(b.citation)
        if name_a and name_b and fuzz.ratio(name_a, name_b) < ARCHIVE_NAME_SIMILARITY:
            return 0.0
        return 100.0
    if a.kind == "newspaper":
        if "issue" not in a.hard or "issue" not in b.hard:
            return 0.0
        score = fuzz.ratio(a.title, b.title)
        return score if score >= NEWSPAPER_SIMILARITY else 0.0
    if bool(a.surname) != bool(b.surname):
        return 0.0
    if a.surname and fuzz.ratio(a.surname, b.surname) < SURNAME_SIMILARITY:
        return 0.0
    if not a.title or not b.title:
        return 0.0
    score = fuzz.ratio(a.title, b.title)
    if score >= TITLE_SIMILARITY:
        return score
    same_imprint = (
        a.citation.year is not None
        and a.citation.year == b.citation.year
        and a.citation.place is not None
        and b.citation.place is not None
        and fold(a.citation.place) == fold(b.citation.place)
    )
    if same_imprint and fuzz.partial_ratio(a.title, b.title) >= PARTIAL_TITLE_SIMILARITY:
        return float(TITLE_SIMILARITY)
    return 0.0


class _Clusters:
    """Union-find whose unions respect the guards: no cluster holds two values of one hard field."""

    def __init__(self, items: list[_Item]) -> None:
        self.parent = list(range(len(items)))
        self.hard: list[dict[str, str]] = [dict(item.hard) for item in items]

    def find(self, index: int) -> int:
        while self.parent[index] != index:
            self.parent[index] = self.parent[self.parent[index]]
            index = self.parent[index]
        return index

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return
        hard_a, hard_b = self.hard[root_a], self.hard[root_b]
        if any(hard_b.get(key, value) != value for key, value in hard_a.items()):
            return
        self.parent[root_b] = root_a
        hard_a.update(hard_b)


def _candidate_pairs(items: list[_Item]) -> Iterable[tuple[int, int]]:
    blocks: dict[str, list[int]] = defaultdict(list)
    for item in items:
        if not item.citation.back_reference:
            for key in _blocks(item):
                blocks[key].append(item.index)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                pair = (min(a, b), max(a, b))
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def _order_key(item: _Item) -> tuple[str, int, int]:
    return item.document, item.citation.footnote, item.citation.span.start


def _content_key(item: _Item) -> str:
    return "|".join(
        [item.kind, item.surname, item.title] + [f"{k}={v}" for k, v in sorted(item.hard.items())]
    )


def _resolve_back_references(items: list[_Item], clusters: _Clusters) -> dict[int, int]:
    """`{back-reference index: index of the citation it points to}`."""
    target: dict[int, int] = {}
    by_document: dict[str, list[_Item]] = defaultdict(list)
    for item in items:
        by_document[item.document].append(item)
    for members in by_document.values():
        members.sort(key=_order_key)
        earlier: list[_Item] = []
        for item in members:
            if item.citation.back_reference:
                candidates = earlier
                if item.surname:
                    candidates = [
                        e
                        for e in earlier
                        if e.surname and fuzz.ratio(e.surname, item.surname) >= SURNAME_SIMILARITY
                    ]
                if candidates:
                    pointed = candidates[-1]
                    target[item.index] = target.get(pointed.index, pointed.index)
            earlier.append(item)
    return target


def representative(citations: list[Citation]) -> Citation:
    """The citation that best describes a work: the commonest repaired title, then the most fields filled."""
    titles = Counter(fold(c.title_repaired or c.title or "") for c in citations)

    def score(citation: Citation) -> tuple[int, int, str]:
        filled = sum(1 for value in vars(citation).values() if value not in (None, "", [], {}, False))
        return titles[fold(citation.title_repaired or citation.title or "")], filled, citation.raw

    return max(citations, key=score)


def _majority(values: Iterable[str | int | None]) -> str | int | None:
    counts = Counter(v for v in values if v not in (None, ""))
    if not counts:
        return None
    # ties go to the fuller spelling ("М." over "М")
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(str(kv[0])), str(kv[0])))[0][0]


def _majority_authors(members: list[_Item], best: Citation) -> list[str]:
    """The authors as most citations write them ("Аралов" over a single "Арлов")."""
    spellings = Counter(tuple(m.citation.authors) for m in members if m.citation.authors)
    if not spellings:
        return list(best.authors)
    top = max(spellings.values())
    candidates = sorted(names for names, count in spellings.items() if count == top)
    return list(tuple(best.authors) if tuple(best.authors) in candidates else candidates[0])


def _source(members: list[_Item]) -> Source:
    citations = [m.citation for m in sorted(members, key=_order_key)]
    best = representative(citations)
    own = [m for m in members if not m.citation.back_reference]
    if not own:
        # a back-reference that points nowhere: only its own place identifies it
        own = members
        content_extra = {"at": f"{members[0].document}:{citations[0].footnote}:{citations[0].raw}"}
    else:
        content_extra = {}
    content: dict[str, str | int | None] = {
        **content_extra,
        "kind": own[0].kind,
        "surname": _majority(m.surname for m in own),
        "title": _majority(m.title for m in own),
    }
    for key in sorted({k for m in own for k in m.hard}):
        content[key] = _majority(m.hard.get(key) for m in own)
    key = "src-" + hashlib.sha1(repr(sorted(content.items())).encode("utf-8")).hexdigest()[:10]
    title = best.title_repaired or best.title or best.container
    year = _majority(c.year for c in citations)
    place = _majority(c.place for c in citations)
    return Source(
        key=key,
        type=best.type,
        authors=_majority_authors(own, best),
        title=title,
        title_latin=to_latin(title) if title else None,
        place=str(place) if place is not None else None,
        year=int(year) if year is not None else None,
        citations=citations,
    )


def merge_sources(citations: list[tuple[str, Citation]]) -> list[Source]:
    """Distinct works of `(document id, citation)` pairs; sets `source_key` on every citation."""
    items = [_item(index, document, citation) for index, (document, citation) in enumerate(citations)]
    clusters = _Clusters(items)
    # citations written alike are one work at once; only one of each spelling enters the comparisons
    first_of: dict[str, int] = {}
    for item in items:
        if not item.citation.back_reference:
            signature = _content_key(item) + "|" + fold(item.citation.place or "")
            if signature in first_of:
                clusters.union(first_of[signature], item.index)
            else:
                first_of[signature] = item.index
    distinct = [items[index] for index in sorted(first_of.values())]
    content = {item.index: _content_key(item) for item in distinct}
    scored = []
    for a, b in _candidate_pairs(distinct):
        score = _similarity(items[a], items[b])
        if score:
            scored.append((-score, content[a], content[b], a, b))
    for _, _, _, a, b in sorted(scored):
        clusters.union(a, b)
    pointed = _resolve_back_references(items, clusters)
    groups: dict[int, list[_Item]] = defaultdict(list)
    for item in items:
        root = clusters.find(pointed[item.index]) if item.index in pointed else clusters.find(item.index)
        groups[root].append(item)
    sources = [_source(members) for members in groups.values()]
    seen: Counter[str] = Counter()
    for source in sorted(sources, key=lambda s: (s.key, s.citations[0].raw, s.citations[0].footnote)):
        # works kept apart although their content keys agree (a guard split them) get numbered keys
        seen[source.key] += 1
        if seen[source.key] > 1:
            source.key = f"{source.key}-{seen[source.key]}"
    for source in sources:
        for citation in source.citations:
            citation.source_key = source.key
    return sorted(sources, key=lambda s: s.key)
