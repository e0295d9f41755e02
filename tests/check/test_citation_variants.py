"""One work cited two ways in one article: real works of the period's historiography, run through the
pipeline as an ingest would, with the citation forms an editor flags and those that are right."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.check.citation_variants import find_citation_variants
from vakanuvis.ingest import read_file
from vakanuvis.model import Document
from vakanuvis.pipeline import analyse

BODY = "Ankara Hükümeti Moskova’ya bir heyet gönderdi.1 Heyet Mart 1921’de antlaşmayı imzaladı.2\n\n"


def _analysed(tmp_path: Path, footnotes: list[str]) -> Document:
    path = tmp_path / "makale.txt"
    notes = "\n".join(f"{number}  {note}" for number, note in enumerate(footnotes, 1))
    path.write_text(BODY + notes + "\n", encoding="utf-8")
    return analyse(read_file(path), {"language": "tr"})


@pytest.mark.parametrize(
    ("footnotes", "flagged", "said"),
    [
        # another year of the same edition
        (
            [
                "Salahi R. Sonyel, Türk Kurtuluş Savaşı ve Dış Politika, Türk Tarih Kurumu, Ankara, 1973, s. 57.",
                "Salahi R. Sonyel, Türk Kurtuluş Savaşı ve Dış Politika, Türk Tarih Kurumu, Ankara, 1978, s. 61.",
            ],
            (2, 1),
            "1973 / 1978",
        ),
        # another place of publication
        (
            [
                "Tevfik Bıyıklıoğlu, Atatürk Anadolu’da, Türk Tarih Kurumu, Ankara, 1959, s. 12.",
                "Tevfik Bıyıklıoğlu, Atatürk Anadolu’da, Türk Tarih Kurumu, İstanbul, 1959, s. 14.",
            ],
            (2, 1),
            "Ankara / İstanbul",
        ),
        # other initials
        (
            [
                "Ю.А.Багиров. Из истории советско-турецких отношений. Баку, 1965, с. 21.",
                "К.А.Багиров. Из истории советско-турецких отношений. Баку, 1965, с. 40.",
            ],
            (2, 1),
            "initials",
        ),
        # the author's surname spelled otherwise, the work merged all the same
        (
            [
                "С.И.Аралов. Воспоминания советского дипломата. М., 1960, с. 19.",
                "С.И.Аралов. Воспоминания советского дипломата. М., 1960, с. 44.",
                "С.И.Арлов. Воспоминания советского дипломата. М., 1960, с. 63.",
            ],
            (3, 1),
            "Арлов",
        ),
    ],
)
def test_work_cited_two_ways(tmp_path, footnotes, flagged, said):
    document = _analysed(tmp_path, footnotes)
    (finding,) = find_citation_variants(document)
    assert finding.kind == "citation-variant"
    assert finding.severity == "warning"
    assert [item.span.footnote for item in finding.evidence] == list(flagged)
    assert said in finding.message
    for item in finding.evidence:
        assert item.text == document.footnote(item.span.footnote).text[item.span.start : item.span.end]


@pytest.mark.parametrize(
    "footnotes",
    [
        # the short form after a full citation gives nothing to disagree with
        [
            "Kâzım Karabekir, İstiklâl Harbimiz, Türkiye Yayınevi, İstanbul, 1960, s. 746.",
            "Karabekir, İstiklâl Harbimiz, s. 801.",
        ],
        # two volumes of one set, published in two years
        [
            "Bilal N. Şimşir, İngiliz Belgelerinde Atatürk, C. I, Türk Tarih Kurumu, Ankara, 1973, s. 5.",
            "Bilal N. Şimşir, İngiliz Belgelerinde Atatürk, C. II, Türk Tarih Kurumu, Ankara, 1975, s. 9.",
        ],
        # two works of one author
        [
            "Kâzım Karabekir, İstiklâl Harbimiz, Türkiye Yayınevi, İstanbul, 1960, s. 746.",
            "Kâzım Karabekir, Paşaların Kavgası, Emre Yayınları, İstanbul, 1991, s. 20.",
        ],
        # the place abbreviated once, written out once
        [
            "С.И.Аралов. Воспоминания советского дипломата. М., 1960, с. 19.",
            "С.И.Аралов. Воспоминания советского дипломата. Москва, 1960, с. 44.",
        ],
        # the same citation twice
        [
            "Kâmuran Gürün, Ermeni Dosyası, Türk Tarih Kurumu, Ankara, 1983, s. 298.",
            "Kâmuran Gürün, Ermeni Dosyası, Türk Tarih Kurumu, Ankara, 1983, s. 301.",
        ],
    ],
)
def test_work_cited_alike(tmp_path, footnotes):
    assert find_citation_variants(_analysed(tmp_path, footnotes)) == []
