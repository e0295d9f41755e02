"""The sample article from ../shared/corpus: footnotes whole, markers linked, body clean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from vakanuvis.ingest import read_file
from vakanuvis.structure import account_characters, recover_structure

ARTICLE = Path(__file__).parents[2].parent / "shared/corpus/sutad-turkiye-azerbaycan-1920-1922.txt"


@pytest.fixture(scope="module")
def raw():
    if not ARTICLE.exists():
        pytest.skip(f"sample article not present: {ARTICLE}")
    return read_file(ARTICLE)


@pytest.fixture(scope="module")
def document(raw):
    return recover_structure(raw, "sutad")


def sentence_of(document, number):
    marker = next(marker for marker in document.markers if marker.number == number)
    span = document.sentences[marker.sentence].span
    return document.text[span.start : span.end]


def test_every_footnote_is_found_once_in_order(document):
    assert [note.number for note in document.footnotes] == list(range(1, 42))


def test_footnote_4_is_joined_with_its_continuation_on_the_next_page(document):
    note = document.footnote(4)
    assert note.text.startswith("Документы внешний политики СССР. Т. III, М., 1959, примечание 54, стр. 675.")
    assert "стр. 675. Fahir Armaoğlu ise aynı kaynağı göstererek" in note.text
    assert note.text.endswith("(Bu konuda bak. Fahir Armaoğlu 20 yy siyasi tarihi 2005, s.313)")
    assert (note.page, note.pages) == (2, [2, 3])
    assert note.text == (
        "Документы внешний политики СССР. Т. III, М., 1959, примечание 54, стр. 675. Fahir Armaoğlu ise aynı "
        "kaynağı göstererek Sovyetlerin yapmış olduğu yardımı şu şekilde yazmaktadır: 1920 yazında 6.000 tüfek, "
        "5 milyon kadar tüfek mermisi ve 17.600 top mermisi. 1920 Eylülünde 200.6 kg. altın külçe altın (Erzurum "
        "da teslim edilmiştir). 1921 Ocak-Şubat aylarında, 1000 atımlık top barutu, 4.000 el bombası ve 4.000 "
        "şarapnel mermisi ile daha bazı askeri malzeme verilmiştir. 1921 yılı içinde yapılan yardım ise "
        "şöyledir:33.275 tüfek,57.986.000 tüfek mermisi, 327 makinalı tüfek, 54 top 129.479 top mermisi, 1500 "
        "kılıç,20.000 gaz maskesi. 3 Ekim 1921 de de Jivoy ve Jutkiy adı iki destroyer Trabzon’da Ankara "
        "hükümetine devredilmiştir. Nihayet, 16 mart 1921 antlaşmasından önce 10 milyon altın rublelik akçalı "
        "yardım yardım antlaşması yapılmış ve bu akçalı yardım şu şekilde verilmiştir: Nisan 1921 de 4 milyon, "
        "Mayıs-Haziran 1921’de 1.4 milyon Kasım 1921’de 1.1 milyon ve Mayıs 1922’de 3.5 milyon (Bu konuda bak. "
        "Fahir Armaoğlu 20 yy siyasi tarihi 2005, s.313)"
    )


@pytest.mark.parametrize(
    ("number", "text"),
    [
        (1, "Ю.А.Багиров. Из истории совестко-турецких отношений. Баку, 1965, s. 21"),
        (3, "Kazım Karabekir, İstiklal Harbimiz, Türkiye yayınları, İstanbul,1969,s.626"),
        (
            5,
            "А.Н.Хейфец. Влияние Октябрьской революции на угнетенные народы Востока. Сборник «великий Октябрь и народы Востока». М., 1957, стр. 56",
        ),
        (
            6,
            "А.Н.Хейфец. Влияние Октябрьской революции на угнетенные народы Востока. Сборник «великий Октябрь и народы Востока». М., 1957, стр. 56",
        ),
        (
            12,
            "Доклад М.Д.Гусейнована I Всеазербаиджанеком съезде Советов.6 мая 1921 г. Стенографическийотчет съезда.Баку, 1922,стр.47.",
        ),
        (27, "История дипломатии.т.Ш,М'Л,1945,с'ф.103."),
        (32, "İkdam qәzeti,18 oktyabr 1921-ъi il."),
        (41, "С.И.Аралов.Воспоминаншсоветскогодипломата.М., 1960,стр. 142."),
    ],
)
def test_footnote_texts_are_whole(document, number, text):
    assert document.footnote(number).text == text


def test_footnote_23_keeps_all_its_lines(document):
    text = document.footnote(23).text
    assert text.startswith("Ermenistan Sosyalist Sovyet Cumhuriyeti hükümeti: Askanaz Mravyan")
    assert "Askeri-Deniz Bakanı;" in text  # hyphen at a line end before a capital is kept
    assert text.endswith("Litvanya da ki temsilcisi katılmışlardır.")


@pytest.mark.parametrize(
    ("numbers", "page"),
    [
        ((1, 2, 3, 4), 2),
        ((5, 6, 7, 8, 9), 3),
        ((10, 15), 4),
        ((16, 18), 5),
        ((19, 20), 6),
        ((21, 23), 7),
        ((24, 30), 8),
        ((31, 35), 9),
        ((36, 39), 10),
        ((40, 41), 11),
    ],
)
def test_footnote_pages(document, numbers, page):
    assert {document.footnote(n).page for n in numbers} == {page}


@pytest.mark.parametrize(
    ("number", "ending"),
    [
        (1, "hususları müzakere edildi."),
        (2, "görüşmeyi gerçekleştirememişti."),
        (3, "üstlenebileceğini yazıyordu."),
        (4, "200,6 kg külçe altın yardım gönderdi."),
        (5, "Türk askerlerinin de yardımı olmuştur."),
        (7, "kurultay üyelerine anlatıyordu."),
        (10, "Osmanlı için anlaşma metnini hazırladılar."),
        (19, "Nahçıvan’a sevk ettik.” ifadelerinde bulunmuştur."),
        (21, "hakkında anlaşma” imzalanmıştı."),
        (28, "13 Aralık 1921’de Mihail Frunze Türkiye’ye geldi."),
        (35, "hep iştirak ederdi,” ifadelerini kullanmıştı."),
        (42, "Türkiye ile siyasi ilişkiler kurup geliştirmiştir."),
    ],
)
def test_markers_link_to_the_sentence_that_carries_them(document, number, ending):
    assert sentence_of(document, number).endswith(ending)


def test_marker_42_is_kept_though_it_has_no_footnote(document):
    assert [marker.number for marker in document.markers] == list(range(1, 43))
    assert 42 not in {note.number for note in document.footnotes}
    assert next(m for m in document.markers if m.number == 42).page == 11


def test_marker_5_stands_on_the_page_before_its_footnote(document):
    assert next(m for m in document.markers if m.number == 5).page == 2
    assert document.footnote(5).page == 3


@pytest.mark.parametrize(
    "phrase",
    [
        "edildi. İşgallere karşı",
        "hazırladılar. 10 Ağustos 1920’de",
        "28 Haziran 1920’de 11. Ordu, Gorus",
        "Müsavatçıları 6. Türk süvari alayına",
        "(SSCB) 8.Sovyetler kurultayında",
        "gelirlerinin %25’i Fransa’nın",
        "Türkiye’ye 6000 tüfek",
        "1-8 Eylül 1920’de Bakü’de",
        "Mustafa Kemal 14 Ağustos 1920’de TBMM’de",
        "Türkiye, Azerbaycan-Ermenistan ve Gürcistan",
        "biz Türkiye-Taşnak savaşına",
        "Vilayet-ı Şarkiye Müdafaa-i Hukuk-u Milliye",
        "askerlerinin de yardımı olmuştur.\n\n4 Mayıs 1920’de Sergey Kirov",
        "kararları:\n\n1- Ülke içerisindeki nizam ve bütünlüğü sağlamak\n\n2- Güney Kafkasya",
        "\n\nGİRİŞ\n\nAzerbaycan 1920 yılı",
        "geliştirmiştir.\n\nSONUÇ\n\nMondros",
    ],
)
def test_body_text_keeps_numbers_that_are_not_markers(document, phrase):
    assert phrase in document.text


@pytest.mark.parametrize(
    "leak",
    [
        "SÜTAD",
        "Sovyet Rusya Belgelerinde",
        "Багиров",
        "Fahir Armaoğlu",
        "Documents",
        "стр.",
        "MDA",
        "\n\n\n",
        "  ",
    ],
)
def test_body_text_has_no_footnote_or_furniture(document, leak):
    assert leak not in document.text


def test_body_sentences_are_not_lost(raw, document):
    """Every body line of the input (footnote zones aside) reappears in the text, markers removed."""
    body = re.sub(r"\s+", " ", document.text)
    for sample in [
        "I. Dünya Savaşı’nda mağlup olan Osmanlı Devleti",
        "Nahçıvan ve Azerbaycan - Ermenistan anlaşmazlığı oluşturuyordu.",
        "National Struggle, Turkey, Soviet Russia, Azerbaijan, military and economic aid",
        "anlaşma metnini hazırladılar.",
        "Cumhuriyeti Hükümeti’nin arzusu ve isteği ile olmuştu.",
        "Ermeni halkının iradesi ile değil",
        "ediyordu; o Türkiye Büyük Millet Meclisi",
        "İ. Ebilov Türkiye-Azerbaycan ilişkilerinin",
        "sonucunda 11 Ekim 1922’de İtilaf Devletleri",
        "çıkması sonucu bu düşünce hayata geçmemiştir.",
        "Azerbaycan’ın bu oluşumda yer alması için Türkiye destek olmuştur.",
    ]:
        assert sample in body


def test_nothing_is_lost(raw, document):
    assert account_characters(raw, document) == {}


def test_furniture_records_running_heads_and_separators(document):
    reasons = {(item.reason, item.text.strip()) for item in document.furniture}
    assert ("running-head", "SÜTAD 38") in reasons
    assert (
        "running-head",
        "37  Sovyet Rusya Belgelerinde Türkiye-Azerbaycan Siyasi İlişkileri (1920-1922)",
    ) in reasons
    assert sum(1 for item in document.furniture if item.reason == "separator") == 11


def test_document_level_guesses(document):
    assert document.title == "Sovyet Rusya Belgelerinde Türkiye-Azerbaycan Siyasi İlişkileri (1920-1922)"
    assert document.language == "tr"
    assert document.pages == 12
    assert [page for _, page in document.page_starts] == list(range(1, 13))


@pytest.mark.parametrize(
    "sentence",
    [
        "Sovyet Rusya’nın Türkiye’deki sefiri S.İ. Aralov hatıralarında görüşmeyi anlatırken “yoldaş Ebilov Türk dilini çok iyi biliyordu.",
        "4 Mayıs 1920’de Sergey Kirov ve Serqo Orconikidze V.İ. Lenin’e yazdıkları mektupta Bakü’de Bolşeviklerin iktidara gelmesinde Türk askerlerinin Müsavat hükümetine karşı faaliyetlerinin önemli rol oynadığı bilgisini vermişlerdir.",
        "Azerbaycan Dışişleri sözcüsü M.D. Hüseyinov; “İngiltere ve Yunanistan orduları Anadolu’yu işgal etmeye başlayınca, Ankara hükümeti de bu haksız işgallere karşı koymak için tüm gücüyle savaşıyordu.",
        "Eylül 1921’de İ. Ebilov, Türkiye’ye gitmek için yola çıktı.",
        "Bu kongreye TBMM’si adına gözlemci olarak Dr. İbrahim Tali Bey, İttihat ve Terakki Partisini temsilen Enver Paşa, Türkiye Komünist Partisinin başkanı Mustafa Suphi katılmışlardı.",
        "28 Haziran 1920’de 11. Ordu, Gorus, Şabuz, Çağrı istikametinden Nahçıvan’a girdi.",
    ],
)
def test_sentences_respect_initials_titles_and_ordinals(document, sentence):
    texts = {document.text[s.span.start : s.span.end] for s in document.sentences}
    assert sentence in texts


def test_spans_are_consistent(document):
    for block in document.blocks:
        assert (
            document.text[block.span.start : block.span.end].strip()
            == document.text[block.span.start : block.span.end]
        )
    for sentence in document.sentences:
        block = document.blocks[sentence.block].span
        assert block.start <= sentence.span.start < sentence.span.end <= block.end
    assert [b.span.start for b in document.blocks] == sorted(b.span.start for b in document.blocks)


def test_same_result_when_the_converter_does_not_mark_page_starts(tmp_path, raw, document):
    """Other converters do not begin a page with one space: the break is found from footnote evidence."""
    text = ARTICLE.read_text(encoding="utf-8")
    unmarked = re.sub(r"(?m)^ (?=\S)", "", text)
    assert unmarked != text
    path = tmp_path / "unmarked.txt"
    path.write_text(unmarked, encoding="utf-8")
    other_raw = read_file(path)
    other = recover_structure(other_raw, "unmarked")
    assert other.text == document.text
    assert [(n.number, n.text, n.page, n.pages) for n in other.footnotes] == [
        (n.number, n.text, n.page, n.pages) for n in document.footnotes
    ]
    assert [(m.number, m.offset, m.sentence) for m in other.markers] == [
        (m.number, m.offset, m.sentence) for m in document.markers
    ]
    assert account_characters(other_raw, other) == {}
