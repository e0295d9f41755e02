"""A journal known by its issue: "Türk Kültürü, C. 31, S. 161" names no journal word, but a volume and an
issue number cited after the container say it is a journal, in CSL-JSON, BibTeX and sources.csv alike."""

from __future__ import annotations

import bibtexparser

from vakanuvis.annotate.citations import parse_footnote
from vakanuvis.export.bibtex import sources_to_bibtex
from vakanuvis.export.csl_json import sources_to_csl_json
from vakanuvis.model import Source
from vakanuvis.resolve.sources import merge_sources

JOURNAL = "Bülent Gökay, “Altın yardımı ve Erivan”, Türk Kültürü, C. 31, S. 161, Ankara 1984, s. 602-610."
# a collection's volume with no issue stays a chapter; "S. 45" without a volume may be a German page
CHAPTER = "Ali Fuat Cebesoy, “Sivas günleri”, Türk Tarihi Yazıları, C. 3, Ankara 1990, s. 45-60."
GERMAN = "Hans Müller, „Die Türkei 1920“, in: Orient und Okzident, Berlin 1925, S. 45."


def sources(*notes: str) -> list[Source]:
    return merge_sources([("d", c) for n, text in enumerate(notes, 1) for c in parse_footnote(n, text)])


def test_a_volume_and_issue_make_a_journal_article() -> None:
    (item,) = sources_to_csl_json(sources(JOURNAL))
    assert item["type"] == "article-journal"
    assert (item["container-title"], item["volume"], item["issue"]) == ("Türk Kültürü", "31", "161")
    assert item["title"] == "Altın yardımı ve Erivan"


def test_bibtex_writes_it_as_an_article_with_its_number() -> None:
    (entry,) = bibtexparser.loads(sources_to_bibtex(sources(JOURNAL))).entries
    assert entry["ENTRYTYPE"] == "article"
    assert (entry["journal"], entry["volume"], entry["number"]) == ("Türk Kültürü", "31", "161")


def test_a_volume_alone_or_a_german_page_is_no_issue() -> None:
    items = sources_to_csl_json(sources(CHAPTER, GERMAN))
    assert all("issue" not in item for item in items)
    (chapter,) = [item for item in items if item.get("title") == "Sivas günleri"]
    assert chapter["type"] == "chapter"
