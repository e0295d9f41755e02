"""The bibliography as BibTeX (biblatex-friendly, UTF-8), written with bibtexparser.

Entry types: book and collection -> @book; article in a journal -> @article (journal), in a
collection -> @incollection (booktitle); newspaper -> @article (what Zotero writes for a newspaper
article) with `journal` the paper, `date` the issue and, when no article title was cited, a `note`
saying it is the issue (and then, lacking the title and author @article requires, a @misc: below); archive -> @misc with the document's description (or "[Archival document]") as
`title`, `howpublished` the archive and `note` the file's place; a journal cited as a whole ->
@misc with the journal as `title`. `language` is the ISO 639-1 code.
An entry is given a type only when the work has every field BibTeX's standard styles (plain.bst) require
of it; none is made up to fill one. A book or a chapter whose citations name no publisher is a
@booklet ("a work that is printed and bound, but without a named publisher", BibTeX's own definition;
its title is all it needs); a book without an author or editor (a collection cited by its title), an
article without an author and anything without a year is a @misc, with `howpublished` saying where it
appeared (the publisher, journal or collection) when that is known. What the citations give is kept
in its own field either way (`address`, `booktitle`, `journal`, `publisher`), for biblatex and Zotero.
The key of each entry is the source key. The Latin transliteration goes into `usera`, a
biblatex field reserved for such extra data; BibTeX ignores it.
"""

from __future__ import annotations

from bibtexparser.bibdatabase import BibDatabase
from bibtexparser.bwriter import BibTexWriter

from vakanuvis.export.csl_json import source_to_csl
from vakanuvis.model import Source

ENTRY_TYPES = {
    "book": "book",
    "chapter": "incollection",
    "article-journal": "article",
    "article-newspaper": "article",
    "manuscript": "misc",
}

NEWSPAPER_ISSUE = "[Newspaper issue]"
# the fields plain.bst requires of each type this module writes ("a|b": one of them)
REQUIRED_FIELDS = {
    "article": ("author", "title", "journal", "year"),
    "book": ("author|editor", "title", "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "booklet": ("title",),
    "misc": (),
}


def _has(entry: dict[str, str], required: str) -> bool:
    return any(entry.get(name) for name in required.split("|"))


def entry_type_for_fields(entry: dict[str, str]) -> str:
    """The entry's type, or the nearest type whose required fields it has (@booklet, else @misc)."""
    wanted = entry["ENTRYTYPE"]
    if all(_has(entry, required) for required in REQUIRED_FIELDS.get(wanted, ())):
        return wanted
    if wanted in ("book", "incollection") and not entry.get("publisher") and entry.get("title"):
        return "booklet"
    return "misc"


def _escape(value: str) -> str:
    """Braces balanced and the characters TeX treats as commands made literal."""
    value = value.replace("\\", "\\textbackslash{}")
    for char in "&%$#_":
        value = value.replace(char, "\\" + char)
    return value.replace("{", "\\{").replace("}", "\\}").replace("\\textbackslash\\{\\}", "\\textbackslash{}")


def _names(names: list[dict[str, str]]) -> str:
    """BibTeX's author list, escaped; a literal name braced, so that BibTeX takes it as one family name
    ("{Heyet-i Temsiliye}", "{Bekir Sami Bey}") and neither splits nor abbreviates it."""
    parts = []
    for name in names:
        if "literal" in name:
            parts.append("{" + _escape(name["literal"]) + "}")
        else:
            parts.append(f"{_escape(name['family'])}, {_escape(name['given'])}")
    return " and ".join(parts)


def source_to_entry(source: Source) -> dict[str, str]:
    """One bibtexparser entry (a dict with ENTRYTYPE and ID) for one work."""
    item = source_to_csl(source)
    entry: dict[str, str] = {"ENTRYTYPE": ENTRY_TYPES.get(item["type"], "misc"), "ID": source.key}
    if "author" in item:
        entry["author"] = _names(item["author"])
    fields = {
        "title": item.get("title"),
        "publisher": item.get("publisher"),
        "address": item.get("publisher-place"),
        "volume": item.get("volume"),
        "number": item.get("issue"),
    }
    container = item.get("container-title")
    if item["type"] == "article-journal" and not item.get("title"):
        # a journal cited as a whole (an issue): titled by the journal; @misc, because biblatex's
        # @periodical is not a BibTeX type, and bibtexparser and BibTeX styles drop or misread it
        entry["ENTRYTYPE"] = "misc"
        fields["title"] = container
    elif container:
        fields["booktitle" if entry["ENTRYTYPE"] == "incollection" else "journal"] = container
    if item["type"] == "manuscript":
        fields["howpublished"] = item.get("archive")
        fields["note"] = item.get("archive_location")
    if item["type"] == "article-newspaper" and not item.get("title"):
        fields["note"] = NEWSPAPER_ISSUE
    fields["language"] = item.get("language")
    issued = item.get("issued", {}).get("date-parts", [[]])[0]
    if issued:
        fields["year"] = str(issued[0])
        if len(issued) == 3:
            fields["date"] = "{:04d}-{:02d}-{:02d}".format(*issued)
    fields["usera"] = item.get("custom", {}).get("title_latin")
    entry.update({key: _escape(str(value)) for key, value in fields.items() if value})
    demoted = entry_type_for_fields(entry)
    if demoted != entry["ENTRYTYPE"]:
        where = entry.get("publisher") or entry.get("booktitle") or entry.get("journal")
        if where and "howpublished" not in entry:
            entry["howpublished"] = where  # how @booklet and @misc say where it appeared
        entry["ENTRYTYPE"] = demoted
    return entry


def sources_to_bibtex(sources: list[Source]) -> str:
    """A BibTeX file holding one entry per work, in the order given."""
    database = BibDatabase()
    database.entries = [source_to_entry(source) for source in sources]
    writer = BibTexWriter()
    writer.order_entries_by = None
    writer.indent = "  "
    return str(writer.write(database))
