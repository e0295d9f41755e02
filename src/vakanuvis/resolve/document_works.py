"""An ingested article as a work: the knowledge base's own documents found among the works its other
documents cite.

One article of the knowledge base often cites another ("Karataş, Sovyet Rusya Belgelerinde…, 2021,
s. 150"). The cited work and the ingested document are then one work, and every export and query should
say so. They are when the titles are alike (rapidfuzz, >= 85 on the folded titles, or one title holding
the other at >= 90 when the shorter has four words or more: a citation drops the subtitle or the years in
brackets), a surname of the work's first author is one of the document's authors' (>= 85), and the years
agree when both are known (the document's from its header, else from its own date). A document cites
itself never.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from vakanuvis.lang.folds import fold_for_name_matching
from vakanuvis.model import Document, Source

TITLE_ALIKE = 85
TITLE_HELD = 90
HELD_TITLE_WORDS = 4
SURNAME_ALIKE = 85


@dataclass(frozen=True)
class DocumentWork:
    """What identifies an ingested document as a work: its titles (in each language), authors and year."""

    document: str
    titles: tuple[str, ...]
    authors: tuple[str, ...]
    year: int | None


def document_work(document: Document | Mapping[str, Any]) -> DocumentWork:
    """The work of a document, or of a stored document's record (`KnowledgeBase.documents()`)."""
    values = vars(document) if isinstance(document, Document) else document
    header = values.get("header") or {}
    titles = [values.get("title") or "", *(header.get("titles") or {}).values()]
    year = header.get("year")
    date = values.get("date") or ""
    if year is None and date[:4].isdigit():
        year = int(date[:4])
    return DocumentWork(
        document=values["id"],
        titles=tuple(dict.fromkeys(title for title in titles if title)),
        authors=tuple(values.get("authors") or []),
        year=int(year) if year is not None else None,
    )


def _surname(name: str) -> str:
    words = fold_for_name_matching(name).replace(",", " ").split()
    return words[-1] if words else ""


def _surnames(name: str) -> set[str]:
    """The words a surname may be: the last ("Ayşe Karataş"), or the first ("Karataş A.", "Karataş, Ayşe")."""
    words = [word for word in fold_for_name_matching(name).replace(",", " ").split() if len(word) > 1]
    return {words[0], words[-1]} if words else set()


def titles_alike(cited: str, own: str) -> bool:
    a, b = fold_for_name_matching(cited), fold_for_name_matching(own)
    if not a or not b:
        return False
    if fuzz.ratio(a, b) >= TITLE_ALIKE:
        return True
    shorter = a if len(a) <= len(b) else b
    return len(shorter.split()) >= HELD_TITLE_WORDS and fuzz.partial_ratio(a, b) >= TITLE_HELD


def is_document(source: Source, work: DocumentWork) -> bool:
    """Whether the cited work `source` is the ingested document of `work`."""
    if not source.title or not source.authors or not work.authors:
        return False
    if source.year is not None and work.year is not None and source.year != work.year:
        return False
    if not any(titles_alike(source.title, title) for title in work.titles):
        return False
    cited = _surnames(source.authors[0])
    return any(
        fuzz.ratio(surname, own) >= SURNAME_ALIKE for surname in cited for own in map(_surname, work.authors)
    )


def cited_documents(
    sources: Iterable[Source], works: Iterable[DocumentWork], citing: Mapping[str, set[str]] | None = None
) -> dict[str, str]:
    """{source key: document id} for every cited work that is one of the ingested documents; `citing`
    ({source key: ids of the documents citing it}) keeps a document from being the work only it cites."""
    works = list(works)
    found: dict[str, str] = {}
    for source in sources:
        for work in works:
            if citing is not None and citing.get(source.key, set()) <= {work.document}:
                continue
            if is_document(source, work):
                found[source.key] = work.document
                break
    return found
