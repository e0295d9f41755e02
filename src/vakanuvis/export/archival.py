"""An archival reference as a bibliography shows it: what the document is, where it is kept, and the file's
place in the archive in the labels the citation itself used.

The citation parser keeps everything before the first numbered field of an archival note as the archive
("Karabekir Paşa’nın telgrafı, 12 Kasım 1920, ATASE Arşivi, İSH"). A bibliography needs three things out of
that: the document's description (its title), the repository ("ATASE Arşivi"), and the series that
belongs with the file numbers ("İSH, Kutu 312, Gömlek 87"). The repository is the comma-separated part
that holds an archive's name or an archive word of some language (`archive_names`, `archive_words` in
`lang/<code>/citations.yaml`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from vakanuvis.annotate.citations.vocabulary import vocabulary
from vakanuvis.lang import all_language_data
from vakanuvis.model import Citation

# the order of an archival location, from the largest unit to the smallest; folios are the locator
FIELD_ORDER = ("fond", "opis", "box", "delo", "item", "code")
# the labels of a field no citation of the file spelled out: Russian archival usage, the commonest
DEFAULT_LABELS = {"fond": "f.", "opis": "op.", "box": "box", "delo": "d.", "item": "item", "code": ""}
UNTITLED = "[Archival document]"


@dataclass(frozen=True)
class ArchivalReference:
    description: str | None  # what the document is, as the note describes it
    repository: str  # the archive
    location: str  # series and file, "f. 28, siy. 1, iş 68"


@cache
def _archive_words() -> tuple[str, ...]:
    words: list[str] = []
    for data in all_language_data("citations").values():
        words.extend(str(word).casefold() for word in data.get("archive_words") or [])
    return tuple(words)


@cache
def _labels_by_language() -> dict[str, tuple[str, dict[str, str]]]:
    """{a field word casefolded: (its language, {field kind: that language's first word for it})}."""
    found: dict[str, tuple[str, dict[str, str]]] = {}
    for language, data in all_language_data("citations").items():
        fields = data.get("archive_fields") or {}
        first = {kind: str(words[0]) for kind, words in fields.items() if words}
        for words in fields.values():
            for word in words:
                found.setdefault(str(word).casefold(), (language, first))
    return found


def _is_repository(part: str) -> bool:
    folded = part.casefold()
    if vocabulary().archive_name.search(part):
        return True
    return any(re.search(rf"(?<!\w){re.escape(word)}", folded) for word in _archive_words())


def _labels(raw: str) -> dict[str, str]:
    """The label of each field as the note wrote it ("siy.", "Kutu"); a field it did not write gets the
    first word of the language of the labels it did write."""
    words = vocabulary()
    written: dict[str, str] = {}
    language_labels: dict[str, str] = {}
    for match in words.archive_field.finditer(raw):
        word = match.group(1)
        kind = words.archive_field_kind.get(word.casefold(), "")
        written.setdefault(kind, word)
        if not language_labels:
            language_labels = _labels_by_language().get(word.casefold(), ("", {}))[1]
    return {
        kind: written.get(kind) or language_labels.get(kind) or DEFAULT_LABELS[kind] for kind in FIELD_ORDER
    }


def _with_value(label: str, value: str) -> str:
    if not label:
        return value
    return f"{label} {value}"


def archival_reference(citation: Citation) -> ArchivalReference:
    """The description, repository and location of the file `citation` cites."""
    archive = citation.archive
    parts = [part.strip() for part in (archive.get("archive") or "").split(",") if part.strip()]
    at = next((n for n, part in enumerate(parts) if _is_repository(part)), None)
    if at is None:  # nothing names a repository: the whole is the repository's name
        description, repository, series = None, ", ".join(parts), []
    else:
        description = ", ".join(parts[:at]) or None
        repository, series = parts[at], parts[at + 1 :]
    labels = _labels(citation.raw)
    numbered = [_with_value(labels[kind], archive[kind]) for kind in FIELD_ORDER if archive.get(kind)]
    return ArchivalReference(description, repository, ", ".join(series + numbered))


def archival_title(reference: ArchivalReference) -> str:
    """A bibliography's title for the document: its description, else a bracketed placeholder (never the
    archive and its numbers again)."""
    return reference.description or UNTITLED
