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
    assert (
        chapter["ENTRYTYPE"] == "incollection" and chapter["booktitle"] == "Великий Октябрь и народы Востока"
    )
    paper = find(entries, "journal", "İkdam")
    assert paper["date"] == "1921-10-21"
    files = sorted(e["note"] for e in entries.values() if e["ENTRYTYPE"] == "misc")
    assert files == ["f. 28, siy. 1, iş 219", "f. 28, siy. 1, iş 68"]


def test_tex_specials_are_escaped() -> None:
    entry = find(read_back(), "title", "Documents")
    assert entry["title"] == "Documents on 100\\% of the T\\&C"


def test_newspapers_and_archives_have_what_biblatex_and_zotero_need() -> None:
    entries = read_back()
    paper = find(entries, "journal", "İkdam")
    assert paper["ENTRYTYPE"] == "article"  # what Zotero writes for a newspaper article
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
