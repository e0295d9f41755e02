"""Dates running backwards in a paragraph, and an event dated before the treaty or meeting it presupposes:
real cases of 1919-1922, run through the pipeline and the resolver as an ingest would."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.check.chronology import find_backward_chronology, find_events_before_existence, steps_back
from vakanuvis.ingest import read_file
from vakanuvis.model import Document, Entity
from vakanuvis.pipeline import analyse
from vakanuvis.reference.authority import load_authority
from vakanuvis.resolve.entities import resolve_entities


def _resolved(tmp_path: Path, text: str, language: str = "tr") -> tuple[Document, dict[str, Entity]]:
    path = tmp_path / "makale.txt"
    path.write_text(text, encoding="utf-8")
    document = analyse(read_file(path), {"language": language})
    entities = resolve_entities({document.id: document.mentions}, load_authority())
    return document, {entity.key: entity for entity in entities}


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "Büyük Millet Meclisi 23 Nisan 1920’de Ankara’da açıldı. Sevr Antlaşması 10 Ağustos 1920’de "
            "imzalandı. Bekir Sami Bey başkanlığındaki heyet 11 Mayıs 1920’de Ankara’dan hareket etti.\n",
            ("10 Ağustos 1920’de", "11 Mayıs 1920’de"),
        ),
        (
            "Mustafa Kemal 14 Ağustos 1920’de Mecliste bir konuşma yaptı. Azerbaycan’da durum değişti. "
            "28 Haziran 1920’de 11. Ordu Nahçıvan’a girdi.\n",
            ("14 Ağustos 1920’de", "28 Haziran 1920’de"),
        ),
        # a sentence that opens by saying it comes next ("Ardından", "Müteakiben"), dated before the one before
        (
            "Fransızlar 25 Aralık 1921’de Antep’ten çekildi. Ardından 3 Aralık 1921’de Mersin boşaltıldı.\n",
            ("25 Aralık 1921’de", "3 Aralık 1921’de"),
        ),
        (
            "Düşman 2 Eylül 1921’de Çal Dağı’nı zaptetmiştir. Müteakiben 30 Ağustos 1921’de hatlarımıza yapılan "
            "taarruzlar tardolunmuştur.\n",
            ("2 Eylül 1921’de", "30 Ağustos 1921’de"),
        ),
        # a vaguer date between them does not move the narrative's time
        (
            "Sovyet Rusya 3 Haziran 1920’de Ankara ile ilişki kurmak istedi. 1920’de Türkiye’ye altın geldi. "
            "24 Nisan 1920’de İngiltere ve Fransa San-Remo Konferansı’nda anlaşmaya vardılar.\n",
            ("3 Haziran 1920’de", "24 Nisan 1920’de"),
        ),
    ],
)
def test_chronology_backwards(tmp_path, text, quoted):
    document, _ = _resolved(tmp_path, text)
    findings = find_backward_chronology(document)
    assert len(findings) == 1, [f.message for f in findings]
    (finding,) = findings
    assert finding.kind == "chronology-backwards"
    assert tuple(item.text for item in finding.evidence[:2]) == quoted
    assert all(item.span.text_in(document) == item.text for item in finding.evidence)


@pytest.mark.parametrize(
    "text",
    [
        # said to step back
        "Sevr Antlaşması 10 Ağustos 1920’de imzalandı. Heyet daha önce, 11 Mayıs 1920’de Ankara’dan ayrıldı.\n",
        "Sevr Antlaşması 10 Ağustos 1920’de imzalandı. Evvelce 11 Mayıs 1920’de heyet Ankara’dan ayrıldı.\n",
        # the past perfect steps back by itself
        "Türk ordusu Ağustos 1920’de Nahçıvan’a girdi. Nahçıvan 1918 yılının yaz aylarında alınmıştı.\n",
        # a relative clause dates a fact already there
        "Meclis 23 Nisan 1336’da Ankara’da açıldı. İstanbul’da Meclis-i Mebusan’ın 28 Kânûn-ı Sânî 1336’da "
        "kabul ettiği Misak-ı Millî, mücadelemizin yegâne düsturu olmuştur.\n",
        # a cited document's date is no step of the narrative
        "Meclis 23 Nisan 1336’da açıldı. 19 Mart 1336 tarihli tamim bütün vilayetlere gönderilmişti.\n",
        # two paragraphs
        "Sevr Antlaşması 10 Ağustos 1920’de imzalandı.\n\nHeyet 11 Mayıs 1920’de Ankara’dan hareket etti.\n",
        # a period summed up, then told from its start
        "1920-1922 yılları arasında ilişkiler gelişti. 19 Mayıs 1919’da Mustafa Kemal Samsun’a çıktı.\n",
        # in the conclusion, facts are listed in any order
        "SONUÇ\n\nTürkiye ve Rusya 16 Mart 1921 tarihinde Moskova’da bir antlaşma imzaladı. Azerbaycan "
        "Haziran 1918’de bağımsızlığını ilan etti.\n",
        # forward
        "Kars Konferansı 26 Eylül 1921’de açıldı. Kars Antlaşması 13 Ekim 1921’de imzalandı.\n",
        "Kars 30 Ekim 1920’de alındı. Ardından 7 Kasım 1920’de Gümrü’ye girildi.\n",
    ],
)
def test_not_backwards(tmp_path, text):
    document, _ = _resolved(tmp_path, text)
    assert [f.message for f in find_backward_chronology(document)] == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "The Grand National Assembly opened in Ankara on 23 April 1920. The Treaty of Sèvres was signed on "
            "10 August 1920. The delegation left Ankara for Moscow on 11 May 1920.\n",
            True,
        ),
        (
            "The Grand National Assembly opened in Ankara on 23 April 1920. The Treaty of Sèvres was signed on "
            "10 August 1920. Earlier, on 11 May 1920, the delegation had left Ankara for Moscow.\n",
            False,
        ),
    ],
)
def test_backwards_in_english(tmp_path, text, flagged):
    document, _ = _resolved(tmp_path, text, "en")
    assert bool(find_backward_chronology(document)) is flagged


@pytest.mark.parametrize(
    ("sentence", "back"),
    [
        ("Heyet daha önce Moskova’ya gitmişti.", True),
        ("Evvelce verilen karar bozuldu.", True),
        ("Nahçıvan 1918 yazında alınmıştı.", True),
        ("Earlier, on 16 March 1921, the treaty was signed.", True),
        ("Ранее, 16 марта 1921 г., был подписан договор.", True),
        # "since the day when": the sentence looks back to a beginning
        (
            "Российское правительство следило за борьбой турецкого народа с того дня, когда 23 апреля 1920 года "
            "в Ангоре открылось Великое Национальное Собрание.",
            True,
        ),
        ("Turkey has fought on ever since the day when, on 23 April 1920, the Assembly met.", True),
        ("Türk milleti, 23 Nisan 1920’de Meclis’in açıldığı günden beri mücadele ediyor.", True),
        ("28 Haziran 1920’de 11. Ordu Nahçıvan’a girdi.", False),
    ],
)
def test_steps_back(sentence, back):
    assert steps_back(sentence) is back


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # carried out under a treaty signed only on 13 October 1921
        (
            "Kars Antlaşması gereğince Türk kuvvetleri 5 Ağustos 1921’de Gümrü’den çekildi.\n",
            ("Kars Antlaşması", "5 Ağustos 1921’de"),
        ),
        # ratified before it was signed (16 March 1921)
        (
            "Moskova Antlaşması 10 Şubat 1921’de Büyük Millet Meclisi tarafından tasdik edildi.\n",
            ("Moskova Antlaşması", "10 Şubat 1921’de"),
        ),
        # a congress's decisions before it met (4 September 1919)
        (
            "Sivas Kongresi kararları 20 Ağustos 1919’da bütün vilayetlere tebliğ edildi.\n",
            ("Sivas Kongresi", "20 Ağustos 1919’da"),
        ),
    ],
)
def test_before_it_existed(tmp_path, text, quoted):
    document, entities = _resolved(tmp_path, text)
    _assert_one_before_it_existed(document, entities, quoted)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "Under the Treaty of Kars, Turkish troops withdrew from Alexandropol on 5 August 1921.\n",
            ("Treaty of Kars", "5 August 1921"),
        ),
        (
            "The Treaty of Moscow was ratified by the Grand National Assembly on 10 February 1921.\n",
            ("Treaty of Moscow", "10 February 1921"),
        ),
    ],
)
def test_before_it_existed_in_english(tmp_path, text, quoted):
    document, entities = _resolved(tmp_path, text, "en")
    _assert_one_before_it_existed(document, entities, quoted)


def _assert_one_before_it_existed(document, entities, quoted):
    findings = find_events_before_existence(document, entities)
    assert len(findings) == 1, [f.message for f in findings]
    (finding,) = findings
    assert finding.kind == "before-it-existed" and finding.severity == "warning"
    assert tuple(item.text for item in finding.evidence) == quoted


@pytest.mark.parametrize(
    "text",
    [
        # negotiating a treaty comes before its signing
        "Moskova Antlaşması için görüşmeler 26 Şubat 1921’de Moskova’da başladı.\n",
        # applied after it was signed
        "Kars Antlaşması gereğince Türk kuvvetleri 22 Ekim 1921’de Gümrü’den çekildi.\n",
        # the sentence dates the signing too, and knows the order
        "Kars Antlaşması 13 Ekim 1921’de imzalandı ve 5 Ağustos 1921’de başlayan görüşmeler sona erdi.\n",
        # related to another happening: the date is not the treaty's
        "Moskova Antlaşması’nın tasdikinden önce, 10 Şubat 1921’de heyet Ankara’ya döndü.\n",
        # a congress called before it met
        "Sivas Kongresi için delegeler 20 Ağustos 1919’da Sivas’a gelmeye başladı.\n",
        "Sivas Kongresi’nin toplanmasına 29 Temmuz 1919’da Erzurum’da karar verildi.\n",
        "Kars Antlaşması’nın imzalanması için görüşmeler 26 Eylül 1921’de Kars’ta başladı.\n",
    ],
)
def test_not_before_it_existed(tmp_path, text):
    document, entities = _resolved(tmp_path, text)
    assert [f.message for f in find_events_before_existence(document, entities)] == []


TELEGRAM = {"language": "tr", "date": "1920-11-03", "type": "telegram"}


def _telegram(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "telgraf.txt"
    path.write_text(text, encoding="utf-8")
    return analyse(read_file(path), TELEGRAM)


def test_chronology_backwards_in_a_telegram(tmp_path):
    """A telegram's yearless Rumi dates take their year from its own date, and run backwards too."""
    document = _telegram(
        tmp_path,
        "30 Teşrîn-i Evvel sabahı umumi taarruza geçildi. 1 Teşrîn-i Sânî’de süvarimiz Arpaçay’a kadar ileri "
        "sürüldü. 28 Teşrîn-i Evvel’de Kars’ın şimalindeki tabyalar tazyik altına alındı.\n",
    )
    assert [tuple(item.text for item in f.evidence[:2]) for f in find_backward_chronology(document)] == [
        ("1 Teşrîn-i Sânî’de", "28 Teşrîn-i Evvel’de")
    ]


def test_a_telegram_date_placed_a_year_back_by_its_tense_is_no_step_back(tmp_path):
    document = _telegram(
        tmp_path,
        "1 Teşrîn-i Sânî’de süvarimiz Arpaçay’a kadar ileri sürüldü. 7 Teşrîn-i Sânî’de Gümrü işgal edildi.\n",
    )
    assert find_backward_chronology(document) == []
