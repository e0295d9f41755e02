"""Names the authority file gives only from a day on ("İnönü", a surname of the 1934 law, `since: 1934`):
in a document of that day or later such a name is the person, written as his full
name so that the resolver, which knows no dates, finds him; before it the name stays what the text makes
of it ("İnönü" in 1921 is the place of the battles), and so it does when the document's date is unknown."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from vakanuvis.annotate.entities.rules import Candidate
from vakanuvis.model import Document
from vakanuvis.reference.authority import Authority, name_key


def written_on(period: tuple[date, date] | None, document: Document) -> date | None:
    """The first day a document may have been written: of its own date's `period`, else of the year its
    header gives (an article's publication), else None."""
    if period is not None:
        return period[0]
    year = str(document.header.get("year") or "")
    return date(int(year[:4]), 1, 1) if year[:4].isdigit() and 1000 <= int(year[:4]) <= 2999 else None


def dated_aliases_read(
    candidates: list[Candidate], earliest: date | None, authority: Authority
) -> list[Candidate]:
    """`candidates` with each name that only a dated alias valid on `earliest` (the document's first possible
    day; None: unknown, and no dated alias counts) gives to an entry written as that entry's name and given its type."""
    if not authority.dated:
        return candidates
    read = []
    for candidate in candidates:
        if name_key(candidate.surface) in authority.dated and authority.find(candidate.surface) is None:
            entry = authority.find_on(candidate.surface, earliest)
            if entry is not None:
                candidate = replace(candidate, surface=entry.name, type=entry.type)
        read.append(candidate)
    return read
