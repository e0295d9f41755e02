"""One figure given twice and differently in one text: real cases of the period, run through the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.check.figures import find_figure_disagreements
from vakanuvis.ingest import read_file
from vakanuvis.model import Document
from vakanuvis.pipeline import analyse


def _analysed(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "metin.txt"
    path.write_text(text, encoding="utf-8")
    return analyse(read_file(path), {"language": "tr"})


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # the guns taken at Kars, in two paragraphs of one telegram
        (
            "Kars’ta iğtinam olunan 140 top muhafaza altına alınmıştır.\n\n"
            "Kıtaatımız Arpaçay hattına sevk olunmuştur. İğtinam edilen 120 topun tamirine başlanmıştır.\n",
            {"140 top", "120 topun"},
        ),
        # the articles of one treaty
        (
            "Moskova Antlaşması 16 Mart 1921’de imzalandı. 16 maddelik Moskova Antlaşması ile Batum "
            "Gürcistan’a bırakıldı.\n\nAntlaşmanın 18 maddesinden ikisi Kafkasya sınırına dairdir.\n",
            {"16 maddelik", "18 maddesinden"},
        ),
        # the body and a footnote its sentence does not point to
        (
            "Sakarya Meydan Muharebesi’nde esir alınan 3.800 Yunan askeri Ankara’ya gönderildi.1 Muharebe "
            "13 Eylül 1921’de sona erdi.2\n\n"
            "1 Genelkurmay, Sakarya, s. 44.\n2 Resmî tebliğe göre esir alınan 2.600 Yunan askeri Ankara’dadır.\n",
            {"3.800 Yunan", "2.600 Yunan"},
        ),
        # a sum counts its unit, and "the first instalment" twice is one instalment
        (
            "Ankara’ya gönderilen altın yardımı ilk partide 1.000.000 ruble idi. Ayın sonunda ikinci bir "
            "parti yola çıktı. Mustafa Kemal Paşa Meclis’te yardımın ilk partisinin 2.000.000 ruble olduğunu "
            "söyledi.\n",
            {"1.000.000 ruble", "2.000.000 ruble"},
        ),
    ],
)
def test_figure_given_two_ways(tmp_path, text, quoted):
    document = _analysed(tmp_path, text)
    (finding,) = find_figure_disagreements(document)
    assert finding.kind == "figure-disagrees"
    assert {item.text.split()[0] + " " + item.text.split()[1] for item in finding.evidence} == quoted
    for item in finding.evidence:
        assert item.text in finding.message


@pytest.mark.parametrize(
    "text",
    [
        # a second proposal is another thing of its kind
        (
            "Haskel 20 maddeden ibaret bir teklifi Azerbaycan Hükümeti’ne sundu.\n\n"
            "27 Eylül’de Haskel 12 maddeden ibaret ikinci teklifini Azerbaycan Hükümeti’ne sundu.\n"
        ),
        # the first instalment and the second are two sums
        (
            "Altın yardımının ilk partisi 1.000.000 ruble idi.\n\n"
            "Yardımın ikinci partisi 2.000.000 ruble olarak Ankara’ya ulaştı.\n"
        ),
        # guns are not shells
        (
            "Sovyet hükümeti Ankara’ya 54 top gönderdi.\n\nAynı yıl Ankara’ya gönderilen 129.479 top mermisi "
            "Trabzon’dan geçti.\n"
        ),
        # a part and the whole in one sentence
        "Kongreye 235 kişinin Anadolu’dan gittiği ve toplamda 1891 kişinin katıldığı bildirilir.\n",
        # two figures of two things described otherwise
        (
            "Kars’ta iğtinam olunan 140 top muhafaza altına alınmıştır.\n\n"
            "Gümrü’de Ermeni ordusunun elinde 30 top kaldığı anlaşıldı.\n"
        ),
        # a body sentence and its own footnote: `quantities` compares those
        (
            "Sakarya’da esir alınan 3.800 Yunan askeri Ankara’ya gönderildi.1\n\n"
            "1 Resmî tebliğe göre esir alınan 2.600 Yunan askeri Ankara’dadır.\n"
        ),
        # the same figure twice
        "Ermeni ordusu 1.500 kişiye indirilecekti.\n\nAntlaşmaya göre Ermeni ordusu 1.500 kişiye indirildi.\n",
    ],
)
def test_figures_that_agree_or_differ_in_kind(tmp_path, text):
    assert find_figure_disagreements(_analysed(tmp_path, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        # under a conclusion's heading
        "Antlaşma 20 Ekim 1921’de imzalandı. Antlaşma 13 maddeden oluşuyordu.\n\nSONUÇ\n\n"
        "18 maddelik Ankara Antlaşması ile Güney Cephesi kapandı.\n",
        # a report's closing paragraph that says it sums up ("Netice:", "Hülâsa:")
        "Muharebe 22 gün 22 gece devam etmiştir. Düşman çekilmiştir.\n\n"
        "Netice: 15 gün süren muharebe neticesinde düşman mağlup olmuştur.\n",
    ],
)
def test_a_figure_of_the_conclusion_against_the_body_is_the_conclusion_contradicting_it(tmp_path, text):
    document = _analysed(tmp_path, text)
    findings = find_figure_disagreements(document)
    assert [f.kind for f in findings] == ["conclusion-contradicts"], [f.message for f in findings]
    assert "conclusion" in findings[0].message
