"""Authors' names split into family and given parts only when they are a person's family and given name."""

from __future__ import annotations

import bibtexparser
import pytest

from vakanuvis.annotate.citations import parse_footnote
from vakanuvis.export.author_names import split_name
from vakanuvis.export.bibtex import sources_to_bibtex
from vakanuvis.export.csl_json import sources_to_csl_json
from vakanuvis.resolve.sources import merge_sources


@pytest.mark.parametrize(
    ("name", "csl"),
    [
        # Ottoman titles after the name: the period's persons had no family names
        ("Bekir Sami Bey", {"literal": "Bekir Sami Bey"}),
        ("Ahmet Tevfik Paşa", {"literal": "Ahmet Tevfik Paşa"}),
        ("Kâzım Karabekir Paşa", {"literal": "Kâzım Karabekir Paşa"}),
        ("Hoca Rasih Efendi", {"literal": "Hoca Rasih Efendi"}),
        ("Halide Edib Hanım", {"literal": "Halide Edib Hanım"}),
        ("Ahmed Tevfik Pasha", {"literal": "Ahmed Tevfik Pasha"}),
        # a title before the name
        ("Şeyh Sait", {"literal": "Şeyh Sait"}),
        ("Hoca Rasih", {"literal": "Hoca Rasih"}),
        # groups and institutions: izafet names, possessive heads, words of any language
        ("Heyet-i Temsiliye", {"literal": "Heyet-i Temsiliye"}),
        ("Kuva-yı Milliye", {"literal": "Kuva-yı Milliye"}),
        ("Müdafaa-i Hukuk Cemiyeti", {"literal": "Müdafaa-i Hukuk Cemiyeti"}),
        ("Hariciye Nezareti", {"literal": "Hariciye Nezareti"}),
        ("Şark Cephesi Kumandanlığı", {"literal": "Şark Cephesi Kumandanlığı"}),
        ("Türk Tarih Kurumu", {"literal": "Türk Tarih Kurumu"}),
        ("British Intelligence at Constantinople", {"literal": "British Intelligence at Constantinople"}),
        ("British intelligence at Constantinople", {"literal": "British intelligence at Constantinople"}),
        ("Foreign Office", {"literal": "Foreign Office"}),
        ("British High Commission", {"literal": "British High Commission"}),
        ("Наркоминдел", {"literal": "Наркоминдел"}),
        ("Народный комиссариат иностранных дел", {"literal": "Народный комиссариат иностранных дел"}),
        ("Комитет Национальной Обороны", {"literal": "Комитет Национальной Обороны"}),
        # modern authors with family names are split as before
        ("Kâzım Karabekir", {"family": "Karabekir", "given": "Kâzım"}),
        ("Karabekir, Kâzım", {"family": "Karabekir", "given": "Kâzım"}),
        ("Ali Fuat Cebesoy", {"family": "Cebesoy", "given": "Ali Fuat"}),
        ("Ali Işık", {"family": "Işık", "given": "Ali"}),
        ("Ahmet Efe", {"family": "Efe", "given": "Ahmet"}),  # a title, but a family name since 1934
        ("Robert Service", {"family": "Service", "given": "Robert"}),
        ("Salahi R. Sonyel", {"family": "Sonyel", "given": "Salahi R."}),
        ("Багиров Ю.А.", {"family": "Багиров", "given": "Ю.А."}),
    ],
)
def test_split_name(name: str, csl: dict[str, str]) -> None:
    assert split_name(name) == csl


@pytest.mark.parametrize(
    ("name", "csl"),
    [
        ("Bekir Sami", {"literal": "Bekir Sami"}),
        ("Ahmet Efe", {"literal": "Ahmet Efe"}),
        ("A. Rıza", {"family": "Rıza", "given": "A."}),  # initials: no name of its own to keep whole
    ],
)
def test_a_turk_before_the_surname_law_has_one_name(name: str, csl: dict[str, str]) -> None:
    assert split_name(name, before_surnames=True) == csl


def test_the_same_names_in_a_later_work_are_split() -> None:
    assert split_name("Bekir Sami") == {"family": "Sami", "given": "Bekir"}


NOTES = [
    "Bekir Sami Bey, Moskova Heyetinin Raporu, Ankara, 1920, s. 12.",
    "Ahmet Rıza, Meclis-i Mebusan ve Ayan Reisi Ahmet Rıza Bey'in Anıları, İstanbul, 1932, s. 4.",
    "Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul, 1955, s. 40.",
]


def sources():
    pairs = [("d", c) for n, text in enumerate(NOTES, 1) for c in parse_footnote(n, text)]
    return merge_sources(pairs)


def test_csl_json_keeps_period_names_whole() -> None:
    authors = {item["title"]: item["author"] for item in sources_to_csl_json(sources())}
    assert authors["Moskova Heyetinin Raporu"] == [{"literal": "Bekir Sami Bey"}]
    # a Turkish book of 1932: its author had no family name yet
    assert [{"literal": "Ahmet Rıza"}] in authors.values()
    assert authors["Moskova Hatıraları"] == [{"family": "Cebesoy", "given": "Ali Fuat"}]


def test_bibtex_braces_a_literal_name_once() -> None:
    text = sources_to_bibtex(sources())
    assert "author = {{Bekir Sami Bey}}" in text
    assert "\\{" not in text
    entries = {entry["title"]: entry for entry in bibtexparser.loads(text).entries}
    assert entries["Moskova Hatıraları"]["author"] == "Cebesoy, Ali Fuat"
