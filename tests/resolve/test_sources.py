"""Citations merged into works: spellings collapse, guards keep volumes, files, issues, editions apart."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from vakanuvis.annotate.citations import parse_footnote
from vakanuvis.model import Citation
from vakanuvis.resolve import work_graph
from vakanuvis.resolve.sources import merge_sources


def cite(*notes: str, document: str = "d") -> list[tuple[str, Citation]]:
    """Each string is one footnote, numbered from 1."""
    return [(document, c) for number, text in enumerate(notes, 1) for c in parse_footnote(number, text)]


def groups(pairs: list[tuple[str, Citation]]) -> list[int]:
    """For each citation, the index of the first citation of its work."""
    keys = [c.source_key for _, c in pairs]
    return [keys.index(key) for key in keys]


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        (  # the author written surname first, with a comma, is the same author (issue 23)
            [
                "Kâzım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 45.",
                "Karabekir, Kâzım, İstiklal Harbimiz, İstanbul 1960, s. 112.",
                "Bayur, Yusuf Hikmet, Türk İnkılâbı Tarihi, C. III, Ankara 1983, s. 12.",
            ],
            [0, 0, 2],
        ),
        (  # one memoir, glued, misspelt author, OCR ш for ия
            [
                "С.И.Аралов. воспоминания советского дипломата. М., 1960, s. 19",
                "С.И.Аралов.Воспоминаниасоветскогодипломата.М.1960,стр.33.",
                "С.И.Арлов.Воспоминаниясоветского дипломата.М. 1960,стр.63-64.",
                "С.И.Аралов.Воспоминаншсоветскогодипломата.М., 1960,стр. 142.",
            ],
            [0, 0, 0, 0],
        ),
        (  # volumes II and III of one series stay apart; a note without the year joins its volume
            [
                "Документывнешнейполитики СССРт. .II.,М., 1958, стр.724.",
                "Документы внешней политики СССР. Т. III, М., 1959, стр. 675.",
                "ДокументывнешнейполитикиСССР.т.II, стр.354-355.",
            ],
            [0, 1, 0],
        ),
        (  # archive files 68, 219, 230 stay apart; folios of one file do not split it
            [
                "Azәrbaycan Cumhuriyeti MDA, f.28, siy.1, iş 68, v.17-21.",
                "Azәrbaycan Cumhuriyeti MDA, f.28, siy.1, iş 219, v.201.",
                "Azәrbaycan  Cumhuriyeti MDA,f.28, siy.1, iş 68, v.10-16.",
                "Azәrbaycan Cumhuriyeti MDA,f.28, siy.1, iş 230, v.153.",
            ],
            [0, 1, 0, 3],
        ),
        (  # two issues of one newspaper stay apart
            [
                "İkdam qәzeti,18 oktyabr 1921-ъi il.",
                "İkdam qәzeti, 21 oktyabr 1921.",
                "İkdam qәzeti, 18 oktyabr 1921.",
            ],
            [0, 1, 0],
        ),
        (  # 1955 and 1965 printings: different editions, different works; other initials too
            [
                "Ю.А.Багиров. Из истории советско-турецких отношений. Баку, 1965, s. 21",
                "Ю.А.Багиров, Изисториисоветско-турецкихотношении. Баку, 1965, s.45.",
                "Ю.А.Багиров.Изисториисоветско-турецкихотношении. Баку, 1955, s.51.",
            ],
            [0, 0, 2],
        ),
        (  # same title, other author
            [
                "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 45.",
                "Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 10.",
                "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 90.",
            ],
            [0, 1, 0],
        ),
        (  # back-references: to the last citation, or to the last citation of the named author
            [
                "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 45.",
                "a.g.e., s. 12.",
                "Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 10.",
                "Karabekir, a.g.e., s. 50.",
                "Там же. С. 12.",
            ],
            [0, 0, 2, 0, 0],
        ),
        (  # a back-reference naming what heads an authorless citation: an archive, a Russian author's initials
            [
                "ATASE Arşivi, Klasör 314, Dosya 65, Fihrist 12.",
                "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 45.",
                "ATASE, a.g.e., s. 12.",
                "Аралов С. И., Воспоминания советского дипломата, Москва, 1960, с. 19.",
                "Karabekir, a.g.e., s. 50.",
                "Аралов, указ. соч., с. 33.",
                "Lenin, a.g.e., s. 4.",
            ],
            [0, 1, 0, 3, 1, 3, 6],
        ),
        (  # a Turkish short form joins the full citation; the volume guard keeps C. I apart
            [
                "Şevket Süreyya Aydemir, Tek Adam, C. II, İstanbul 1966, s. 112.",
                "Aydemir, Tek Adam, C. II, s. 45.",
                "Aydemir, Tek Adam, C. I, s. 7.",
            ],
            [0, 0, 2],
        ),
        (  # a short title without the subtitle joins its work; by another author, it is another work
            [
                "Stefanos Yerasimos, Türk-Sovyet İlişkileri: Ekim Devriminden Milli Mücadeleye, İstanbul 1979, s. 251.",
                "Yerasimos, Türk-Sovyet İlişkileri, s. 260.",
                "Mehmet Perinçek, Türk-Sovyet İlişkileri, İstanbul 2005, s. 3.",
            ],
            [0, 0, 2],
        ),
        (  # one main title under two subtitles: two works
            [
                "Stefanos Yerasimos, Türk-Sovyet İlişkileri: Ekim Devriminden Milli Mücadeleye, İstanbul 1979, s. 251.",
                "Stefanos Yerasimos, Türk-Sovyet İlişkileri: Sonraki Yıllar, s. 12.",
            ],
            [0, 1],
        ),
        (  # one report cited under two wordings with the same imprint
            [
                "Доклад М.Д.Гусейнована I Всеазербаиджанеком съезде Советов.6 мая 1921 г. Стенографическийотчет съезда.Баку, 1922,стр.47.",
                "ОтчетныидокладНаркоминдела АЗ.ССР М.Д.Гусеинована I Всеазербаиджанском съездеСоветов в мае 1921г.Стенографическииотчет.Баку, 1922,стр.47.",
            ],
            [0, 0],
        ),
    ],
)
def test_merging(notes: list[str], expected: list[int]) -> None:
    pairs = cite(*notes)
    merged = merge_sources(pairs)
    assert groups(pairs) == expected
    assert len(merged) == len(set(expected))
    assert sorted(len(s.citations) for s in merged) == sorted(expected.count(i) for i in set(expected))


def test_keys_do_not_depend_on_order() -> None:
    notes = [
        "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 45.",
        "Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 10.",
        "Azәrbaycan Cumhuriyeti MDA, f.28, siy.1, iş 68, v.17-21.",
        "İkdam qәzeti, 21 oktyabr 1921.",
        "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 90.",
    ]
    pairs = cite(*notes)
    first = {c.raw: c.source_key for _, c in pairs}
    shuffled = cite(*notes)
    random.Random(3).shuffle(shuffled)
    merge_sources(pairs)
    merge_sources(shuffled)
    assert {c.raw: c.source_key for _, c in pairs} == {c.raw: c.source_key for _, c in shuffled}
    assert first  # keys are set on the citations themselves
    assert all(key.startswith("src-") for key in {c.source_key for _, c in pairs})


def test_documents_share_works_but_not_back_references() -> None:
    pairs = cite("Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 45.", document="a") + cite(
        "Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul 1955, s. 10.",
        "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 9.",
        "a.g.e., s. 3.",
        document="b",
    )
    merge_sources(pairs)
    keys = [c.source_key for _, c in pairs]
    assert keys[0] == keys[2] == keys[3]
    assert keys[1] != keys[0]


def test_a_work_is_described_by_its_full_reference_not_its_back_references() -> None:
    """A file cited once and then by "a.g.e." is an archival file: the back-reference, with as many fields
    filled, is not what describes it (nor is its empty title the work's commonest)."""
    pairs = cite(
        "Azərbaycan Respublikası Dövlət Arxivi, f. 97, siy. 2, iş 60, v. 561-565.",
        "a.g.e., s. 564.",
        "Aynı eser, s. 12.",
    )
    (source,) = merge_sources(pairs)
    assert source.type == "archive"
    assert [c.raw for c in source.citations][0].startswith("Azərbaycan")


def test_source_fields_come_from_the_repaired_majority() -> None:
    pairs = cite(
        "С.И.Аралов.Воспоминаниясоветскогодипломата.М.1960,стр.70.",
        "С.И.Аралов.Воспоминаншсоветскогодипломата.М., 1960,стр. 142.",
    )
    (source,) = merge_sources(pairs)
    assert source.title == "Воспоминания советского дипломата"
    assert source.title_latin == "Vospominanii͡a sovetskogo diplomata"
    assert source.year == 1960 and source.type == "book"
    assert [c.footnote for c in source.citations] == [1, 2]


def test_comparisons_stay_within_blocks(monkeypatch) -> None:
    pairs = cite(
        "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 45.",
        "Ali Fuat Cebesoy, Moskova Hatıraları, Ankara 1955, s. 10.",
        "РГАСПИ, ф. 5, оп. 1, д. 2, л. 3–4.",
    )
    compared: list[tuple[str, str]] = []
    similarity = work_graph.similarity

    def counted(a, b):
        compared.append((a.key, b.key))
        return similarity(a, b)

    monkeypatch.setattr(work_graph, "similarity", counted)
    merge_sources(pairs + cite("Kazım Karabekir, İstiklal Harbimz, İstanbul 1960, s. 47."))
    # only the two spellings (one mistyped) of one title share a block; nothing else is compared
    assert len(compared) == 1 and len(set(compared[0])) == 2


BLOCK_FILTER_NOTES = [
    "Stefanos Yerasimos, Türk-Sovyet İlişkileri: Ekim Devriminden Milli Mücadeleye, İstanbul 1979, s. 251.",
    "Yerasimos, Türk-Sovyet İlişkileri, s. 260.",  # a short title: one work with the full one
    "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 45.",
    "Kâzım Karabekir, İstiklâl Harbimiz, İstanbul 1960, s. 46.",
    "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1969, s. 48.",  # another edition: never the same work
    "K. Karabekir, İstiklal Harbimz, İst. 1960, s. 47.",
    "Kazim Karabakir, Istiklal Harbimiz, Istanbul, 1960, s. 12.",
    "Kazım Karabekir, İstiklal Harbinde Doğu Cephesi, İstanbul 1960, s. 3.",
    "C. Hasanli, Azerbaycan Türkiye İlişkileri, Bakü 2010, s. 9.",
    "Dž. Gasanly, Azerbaycan Türkiye İlişkileri, Bakü 2010, s. 19.",
    "C. Həsənli, Azərbaycan Türkiyə əlaqələri, Bakı 2010, s. 21.",
    "Azerbaycan Türkiye İlişkileri, Bakü 2010, s. 5.",
    "Türkiye Dış Politikası Belgeleri, Ankara 1995, s. 8.",
    "Türkiye Dış Politikası Belgeleri Cilt II, Ankara 1995, s. 18.",
    "Ali Fuat Cebesoy, Moskova Hatıraları, Ankara 1955, s. 10.",
    "A. F. Cebesoy, Moskova Hatiralari, Ankara 1955, s. 11.",
    "Документы внешней политики СССР, т. III, М., 1959, стр. 675.",
    "Документы внешней политики СССР, т. 3, Москва, 1959, стр. 676.",
    "Доклад М.Д.Гусейнова на I съезде Советов. Стенографический отчет. Баку, 1922, стр.47.",
    "Стенографический отчет съезда. Баку, 1922, стр. 50.",
    "РГАСПИ, ф. 5, оп. 1, д. 2, л. 3–4.",
    "РГАСПИ, ф. 5, оп. 1, д. 2, л. 7.",
    "Hâkimiyet-i Milliye, 12 Mart 1921, nr. 110.",
    "Hakimiyeti Milliye, 12 Mart 1921, nr. 110.",
]


def _editions(a, b) -> bool:
    """Do two nodes hold different values of one hard field (year, volume…)?"""
    hard = dict(b.keys.hard)
    return any(hard.get(key, value) != value for key, value in a.keys.hard)


def test_the_block_filter_never_drops_a_pair_alike_enough_to_link() -> None:
    """Titles and surnames are filtered for a whole block at once; every pair `similarity` would link
    must still be among the candidates."""
    nodes = {
        node.key: node
        for _, citation in cite(*BLOCK_FILTER_NOTES)
        for node in work_graph.document_work_nodes("d", [citation])
    }
    candidates = work_graph.block_candidates(nodes.values(), nodes.values())
    alike = {
        (a.key, b.key)
        for a in nodes.values()
        for b in nodes.values()
        if a.key != b.key
        and set(work_graph.node_blocks(a)) & set(work_graph.node_blocks(b))
        and work_graph.similarity(a, b)
    }
    apart = {(a, b) for a, b in alike if _editions(nodes[a], nodes[b])}  # a guard keeps them apart
    assert len(alike - apart) >= 10 and len(apart) >= 2  # alike spellings, and other editions of them
    assert {(a, b) for a, b in alike - apart if b not in candidates[a]} == set()
    assert {(a, b) for a, b in apart if b in candidates[a]} == set()  # never read nor compared
    in_block = Counter(block for node in nodes.values() for block in set(work_graph.node_blocks(node)))
    filtered_out = sum(in_block[block] for node in nodes.values() for block in work_graph.node_blocks(node))
    assert sum(len(keys) for keys in candidates.values()) < filtered_out  # and it does filter


def test_every_pair_similarity_would_link_shares_a_block() -> None:
    nodes = [
        node
        for _, citation in cite(*BLOCK_FILTER_NOTES)
        for node in work_graph.document_work_nodes("d", [citation])
    ]
    linkable = [(a, b) for a in nodes for b in nodes if a.key < b.key and work_graph.similarity(a, b)]
    assert len(linkable) >= 5
    apart = [
        (a.keys.title, b.keys.title)
        for a, b in linkable
        if not set(work_graph.node_blocks(a)) & set(work_graph.node_blocks(b))
    ]
    assert apart == []


def test_a_block_compares_each_way_of_naming_a_work_once_and_reads_only_its_editions() -> None:
    """Thirty years of one journal article are one group of each of their blocks: a new citation with a
    slip in the title matches that group once, and of its members keeps those of its own year and those
    without one."""
    notes = [f"Ali Yılmaz, “Kars ve Batum”, Belleten, Ankara {1960 + n}, s. 4." for n in range(30)]
    notes += [
        "Ali Yılmaz, “Kars ve Batum”, Belleten, s. 9.",
        "Veli Kaya, “Kars ve Batum”, Belleten, 1970, s. 2.",
    ]
    known = [node for _, citation in cite(*notes) for node in work_graph.document_work_nodes("d", [citation])]
    (new,) = [
        node
        for _, citation in cite("A. Yilmaz, “Kars ve Batun”, Belleten, Ankara 1975, s. 7.")
        for node in work_graph.document_work_nodes("e", [citation])
    ]
    groups: dict[str, dict] = {}
    for node in known:
        for block in work_graph.node_blocks(node):
            groups.setdefault(block, {})[work_graph.group_signature(node)] = work_graph.block_group(node)
    matched = work_graph.matching_groups(
        [new], {block: list(found.values()) for block, found in groups.items()}
    )
    signatures = {signature for _, signature in matched[new.key]}
    assert len({work_graph.group_signature(node) for node in known}) == 2  # two authors, one title
    assert signatures == {work_graph.group_signature(known[0])}  # not the other author's
    candidates = work_graph.block_candidates([new], [*known, new])[new.key]
    years = {node.key: node.year for node in known}
    assert sorted(years[key] or 0 for key in candidates) == [0, 1975]
