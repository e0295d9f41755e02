"""A person or place spelled two ways in one document, and one person listed twice: real cases of the period's
historiography, run through the pipeline and the resolver as an ingest would."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.check.spellings import (
    find_names_listed_twice,
    find_spelling_variants,
    name_variant,
    name_words,
)
from vakanuvis.ingest import read_file
from vakanuvis.model import Document, Entity
from vakanuvis.pipeline import analyse
from vakanuvis.resolve.entities import resolve_entities


def _resolved(tmp_path: Path, text: str) -> tuple[Document, dict[str, Entity]]:
    path = tmp_path / "makale.txt"
    path.write_text(text, encoding="utf-8")
    document = analyse(read_file(path), {"language": "tr"})
    entities = resolve_entities({document.id: document.mentions})
    return document, {entity.key: entity for entity in entities}


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # the resolver joins the forms; the surname is spelled two ways
        (
            "Heyet Moskova’da Mirze Davud Hüseynov ile görüştü. Azerbaycan Dışişleri sözcüsü M.D. Hüseyinov "
            "bir beyanat verdi.\n",
            {"Mirze Davud Hüseynov", "M.D. Hüseyinov"},
        ),
        # a place misspelled once
        (
            "Türk ordusu Haziran 1920’de Nahçıvan’a girdi. Mondros’tan sonra ordu Nahçiva’dan çekilmişti.\n",
            {"Nahçıvan’a", "Nahçiva’dan"},
        ),
        # the body and a footnote's own words spell the surname otherwise
        (
            "Konferansta Ermenistan’ı Askanaz Mravyan ve Poqos Makinsiyan temsil ediyordu.1\n\n"
            "1 Ermenistan hükümeti: Askanaz Mravyan, Dışişleri Bakanı; Poqos Makinzyan, İçişleri Bakanı.\n",
            {"Poqos Makinsiyan", "Makinzyan"},
        ),
        # the misspelt form taken for another type of name: "Sarıkamuş’tan" for a man, "Eliyava" for a town
        (
            "Harekât esnasında Sarıkamış 29 Eylül’de işgal edilmiştir. Sarıkamuş’tan ileri sürülen cephane "
            "kolları vaktinde yetişmiştir.\n",
            {"Sarıkamış", "Sarıkamuş’tan"},
        ),
        (
            "Gürcistan’ı Şalva Eliava, Ermenistan’ı Askanaz Mravyan temsil etti. Rusya adına Yakov Ganetski "
            "konferansa katıldı. Eliyava, Ardahan ve Artvin’in Türkiye’de kalmasına itiraz etti.\n",
            {"Şalva Eliava", "Eliyava"},
        ),
        # one word in the habits of two alphabets
        (
            "Halil Paşa Bakü’ye ulaştı. Nuri Paşa ile görüşen Halil Pasha orduyu Karabağ’a gönderdi.\n",
            {"Halil Paşa", "Halil Pasha"},
        ),
    ],
)
def test_spelled_two_ways(tmp_path, text, quoted):
    document, entities = _resolved(tmp_path, text)
    findings = find_spelling_variants(document, entities)
    assert len(findings) == 1, [f.message for f in findings]
    (finding,) = findings
    assert finding.kind == "spelled-two-ways" and finding.severity == "note"
    assert {item.text for item in finding.evidence} == quoted
    for item in finding.evidence:
        assert item.span.text_in(document) == item.text


@pytest.mark.parametrize(
    "text",
    [
        # case endings, with and without the apostrophe
        "Nuri Paşa Bakü’ye girdi. Bakü’de kalan ordu Bakü halkını korudu.\n",
        # a circumflex of the period's orthography
        "Kâzım Karabekir Paşa Erzurum’da idi. Kazım Karabekir Paşa ordusunu Kars’a yürüttü.\n",
        # a full name, its surname, its initials
        "Mihail Frunze Ankara’ya geldi. Frunze, Mustafa Kemal ile görüştü. M. Frunze sonra Ukrayna’ya döndü.\n",
        "Vladimir İlyiç Lenin mektubu okudu. V.İ. Lenin cevap yazdı.\n",
        # two men whose names differ by one letter are two men
        "Cemal Paşa ve Kemal Paşa o gün İstanbul’da değildi.\n",
        # a known town and a man named after another known town: neither type is a guess
        "Heyet Erzincan’dan Erzurum’a geçti. Erzurum’da Kâzım Karabekir Paşa heyeti karşıladı.\n",
        # a reference prints the author's name as the cited work does
        "Neriman Nerimanov Stalin’e uzun bir mektup yazdı.1\n\n1 N. Nərimanov, Seçilmiş əsərləri, Bakı, 1988, s. 70.\n",
        # a translation in an English abstract beside the Turkish text
        "Azerbaycan bağımsızlığını ilan etti.\n\nAbstract\n\nAzerbaijan declared its independence and the "
        "relations of Turkey and Azerbaijan were the most important agenda.\n",
        # a heading in capitals: its I is read as Turkish ı by lower-casing, which is no other spelling
        "FRANKLIN-BOUILLON’UN ANKARA GÖRÜŞMELERİ\n\nHenry Franklin-Bouillon 9 Haziran 1921’de Ankara’ya geldi. "
        "Franklin-Bouillon Paris’e döndü.\n",
        # a signature in capitals under an English report
        "Report by Lieutenant-Colonel A. Rawlinson.\n\nThe Congress met at Erzeroum.\n\nA. RAWLINSON, Lieut.-Col.\n",
    ],
)
def test_not_spelled_two_ways(tmp_path, text):
    document, entities = _resolved(tmp_path, text)
    assert [f.message for f in find_spelling_variants(document, entities)] == []


@pytest.mark.parametrize(
    ("first", "second", "variant"),
    [
        ("Neriman Nerimanov", "Nariman Narimanov", True),
        ("Hüseynov", "Hüseyinov", True),
        ("Halil Paşa", "Halil Pasha", True),
        ("Bakü", "Bakü", False),
        ("Frunze", "Mihail Frunze", False),
        ("Mustafa Kemal", "Mustafa Kemal Atatürk", False),
        ("Gürcistan", "Georgia", False),
        ("Aleksandr", "Aleksandre", False),  # one of them could be the other with an ending
    ],
)
def test_name_variant(first, second, variant):
    assert bool(name_variant(name_words(first), name_words(second), 0.75)) is variant


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "Nisan 1922’de S. İ. Aralov, İ. Aralov ve askeri müşavir Zvanaryov cepheye geldiler.\n",
            ("S. İ. Aralov", "İ. Aralov"),
        ),
        (
            "O gün Ahmet Bey, Cemal Paşa, Ahmet Bey ve Rauf Bey toplantıya katıldılar.\n",
            ("Ahmet Bey", "Ahmet Bey"),
        ),
        # the office of the next name stands between them: the list goes on through it
        (
            "Türk heyetinde Kâzım Karabekir Paşa, Erzurum Valisi Hamit Bey, Erzurum Mebusu Süleyman Necati Bey "
            "ve Vali Hamit Bey bulunuyordu.\n",
            ("Hamit Bey", "Hamit Bey"),
        ),
        (
            "Türk heyetinde Kâzım Karabekir Paşa, Burdur Mebusu Veli Bey, Trabzon Mebusu Muhtar Bey ve Veli Bey "
            "yer alıyordu.\n",
            ("Veli Bey", "Veli Bey"),
        ),
    ],
)
def test_listed_twice(tmp_path, text, quoted):
    document, _ = _resolved(tmp_path, text)
    (finding,) = find_names_listed_twice(document)
    assert finding.kind == "listed-twice" and finding.severity == "warning"
    assert tuple(item.text for item in finding.evidence) == quoted
    assert finding.evidence[0].span != finding.evidence[1].span


@pytest.mark.parametrize(
    "text",
    [
        "Heyette Bekir Sami Bey, Yusuf Kemal Bey, Osman Bey ve Seyfi Bey vardı.\n",
        # "Kemal Bey" beside "Mustafa Kemal Paşa" may well be another Kemal (Yusuf Kemal)
        "Mustafa Kemal Paşa, Kemal Bey ve Rauf Bey Ankara’da buluştular.\n",
        # one man named twice, but not in one list
        "Ahmet Bey geldi. Cemal Paşa ile Ahmet Bey konuştu ve Rauf Bey’i beklediler.\n",
        # a clause, not an office, between two mentions of one man
        "Hamit Bey, Erzurum’a dönen Karabekir Paşa ve sonra da Hamit Bey ile görüştü.\n",
    ],
)
def test_not_listed_twice(tmp_path, text):
    document, _ = _resolved(tmp_path, text)
    assert [f.message for f in find_names_listed_twice(document)] == []
