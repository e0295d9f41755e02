"""BibTeX of merged works, read back with bibtexparser."""

from __future__ import annotations

import bibtexparser

from vakanuvis.annotate.citations import parse_footnote
from vakanuvis.export.bibtex import sources_to_bibtex
from vakanuvis.resolve.sources import merge_sources

NOTES = [
    "Kazım Karabekir, İstiklal Harbimiz, Türkiye yayınları, İstanbul,1969,s.626",
    "Kazım Karabekir, İstiklal Harbimiz, Türkiye yayınları, İstanbul,1969,s.12",
    "С.И.Аралов.Воспоминаниясоветскогодипломата.М., 1960,стр.76.",
    "А.Н.Хейфец. Влияние Октябрьской революции на угнетенные народы Востока. Сборник «Великий Октябрь и народы Востока». М., 1957, стр. 56",
    "Azәrbaycan Cumhuriyeti MDA, f.28, siy.1, iş 68, v.17-21.",
    "Azәrbaycan Cumhuriyeti MDA, f.28, siy.1, iş 219, v.201.",
    "İkdam qәzeti, 21 oktyabr 1921.",
    "Documents on 100% of the T&C, London, 1950, p. 3.",
]


def read_back() -> dict[str, dict[str, str]]:
    pairs = [("d", c) for n, text in enumerate(NOTES, 1) for c in parse_footnote(n, text)]
    sources = merge_sources(pairs)
    database = bibtexparser.loads(sources_to_bibtex(sources))
    assert [e["ID"] for e in database.entries] == [s.key for s in sources]
    return {entry["ID"]: entry for entry in database.entries}


def find(entries: dict[str, dict[str, str]], field: str, text: str) -> dict[str, str]:
    (entry,) = [e for e in entries.values() if text in e.get(field, "")]
    return entry


def test_one_entry_per_work() -> None:
    assert len(read_back()) == 7


def test_entry_fields() -> None:
    entries = read_back()
    book = find(entries, "title", "İstiklal")
    assert book["ENTRYTYPE"] == "book"
    assert book["author"] == "Karabekir, Kazım"
    assert (book["publisher"], book["address"], book["year"]) == ("Türkiye yayınları", "İstanbul", "1969")
    memoir = find(entries, "title", "Воспоминания")
    assert memoir["author"] == "Аралов, С.И." and memoir["usera"] == "Vospominanii͡a sovetskogo diplomata"
    chapter = find(entries, "title", "Влияние")
    # no publisher cited: a @booklet (BibTeX requires a publisher of @incollection), the collection kept
    assert chapter["ENTRYTYPE"] == "booklet" and chapter["booktitle"] == "Великий Октябрь и народы Востока"
    assert chapter["howpublished"] == "Великий Октябрь и народы Востока" and "publisher" not in chapter
    paper = find(entries, "journal", "İkdam")
    assert paper["date"] == "1921-10-21"
    files = sorted(e["note"] for e in entries.values() if e["ENTRYTYPE"] == "misc" and "journal" not in e)
    assert files == ["f. 28, siy. 1, iş 219", "f. 28, siy. 1, iş 68"]


def test_tex_specials_are_escaped() -> None:
    entry = find(read_back(), "title", "Documents")
    assert entry["title"] == "Documents on 100\\% of the T\\&C"


def test_newspapers_and_archives_have_what_biblatex_and_zotero_need() -> None:
    entries = read_back()
    paper = find(entries, "journal", "İkdam")
    # an issue cited without an article (no title, no author): not an @article, which requires both
    assert paper["ENTRYTYPE"] == "misc" and paper["howpublished"] == paper["journal"]
    assert paper["note"] == "[Newspaper issue]" and paper["language"] == "tr"
    archive = find(entries, "note", "iş 68")
    assert archive["ENTRYTYPE"] == "misc" and archive["title"] == "[Archival document]"
    assert archive["howpublished"] == "Azәrbaycan Cumhuriyeti MDA" and archive["language"] == "az"
    assert find(entries, "title", "Воспоминания")["language"] == "ru"


def test_a_journal_cited_whole_is_titled_by_the_journal() -> None:
    sources = merge_sources(
        [("d", c) for c in parse_footnote(1, "Azәrbaycan arxivi jurnalı, 1988,№1,2,s.әһ. 143")]
    )
    (entry,) = bibtexparser.loads(sources_to_bibtex(sources)).entries
    assert entry["ENTRYTYPE"] == "misc" and entry["title"] == "Azәrbaycan arxivi jurnalı"
    assert "journal" not in entry and entry["year"] == "1988"


REQUIRED = {
    "article": ("author", "title", "journal", "year"),
    "book": ("author|editor", "title", "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "booklet": ("title",),
    "misc": (),
}


def test_each_entry_has_what_its_type_requires_and_nothing_made_up() -> None:
    """plain.bst's required fields, written out here apart from the module's own table; a work whose
    citations name no publisher gets none (a @booklet), an authorless collection is a @misc."""
    notes = NOTES + [
        "Документы внешней политики СССР. Т. III, Москва: Госполитиздат, 1959, с. 675.",
        "Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 10.",
        "a.g.e., s. 12.",
    ]
    pairs = [("d", c) for n, text in enumerate(notes, 1) for c in parse_footnote(n, text)]
    entries = bibtexparser.loads(sources_to_bibtex(merge_sources(pairs))).entries
    for entry in entries:
        for required in REQUIRED[entry["ENTRYTYPE"]]:
            assert any(entry.get(name) for name in required.split("|")), (entry, required)
    memoir = next(e for e in entries if "Moskova" in e.get("title", ""))
    assert memoir["ENTRYTYPE"] == "booklet" and "publisher" not in memoir and memoir["address"] == "İstanbul"
    book = next(e for e in entries if "İstiklal" in e.get("title", ""))
    assert book["ENTRYTYPE"] == "book"
    collection = next(e for e in entries if "Документы" in e.get("title", ""))
    assert collection["ENTRYTYPE"] == "misc" and collection["howpublished"] == collection["publisher"]
