"""Mention detection: apostrophe and bare suffixes, titles, initials, head words, sentence-initial capitals."""

from __future__ import annotations

import pytest

from vakanuvis.annotate.entities import find_mentions
from vakanuvis.model import Document


def mentions_of(text: str) -> list[tuple[str, str]]:
    document = Document(id="t", path="t.txt", sha256="", text=text)
    found = find_mentions(document)
    for mention in found:
        assert mention.span.text_in(document) == mention.text
    return [(m.surface, m.type) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # apostrophe suffixes are removed from the surface
        ("Sözcü, Mustafa Kemal’in mektubunu okudu.", [("Mustafa Kemal", "person")]),
        ("Osmanlı ordusu Bakü’yü kurtardı.", [("Osmanlı ordusu", "organization"), ("Bakü", "place")]),
        ("Heyet Moskova’ya gitti.", [("Moskova", "place")]),
        ("Bu durum Azerbaycan’daki hükümeti sarstı.", [("Azerbaycan", "place")]),
        # suffixes written without an apostrophe, through the morphological analyzer
        (
            "Azerbaycan’da Bolşeviklerin iktidara gelmesi.",
            [("Azerbaycan", "place"), ("Bolşevik", "organization")],
        ),
        ("Bu durum Taşnakları rahatsız etti.", [("Taşnak", "organization")]),
        ("Cemiyetlerde Müsavatçılar çalışıyordu.", [("Müsavatçı", "organization")]),
        # titles: after the name they stay, before it they do not
        (
            "Yusuf Kemal, Kazım Karabekir Paşa’dan rapor istedi.",
            [("Yusuf Kemal", "person"), ("Kazım Karabekir Paşa", "person")],
        ),
        (
            "Bu sebeple Lord Curzon, Bekir Sami Bey ile görüştü.",
            [("Lord Curzon", "person"), ("Bekir Sami Bey", "person")],
        ),
        ("Aralov hatıralarında yoldaş Ebilov diye yazar.", [("Aralov", "person"), ("Ebilov", "person")]),
        ("Kongreye gözlemci olarak Dr. İbrahim Tali Bey katıldı.", [("İbrahim Tali Bey", "person")]),
        ("Rusya Dışişleri Komiseri Çiçerin’e ulaştırıldı.", [("Rusya", "place"), ("Çiçerin", "person")]),
        # initials
        ("Sovyet sefiri S.İ. Aralov görüşmeyi anlattı.", [("S.İ. Aralov", "person")]),
        ("Dışişleri sözcüsü M.D. Hüseyinov konuştu.", [("M.D. Hüseyinov", "person")]),
        ("Herkes İ. Ebilov’un çalışmalarını övdü.", [("İ. Ebilov", "person")]),
        # head words type the name
        ("Daha sonra Sivas Kongresi yapıldı.", [("Sivas Kongresi", "meeting")]),
        ("Türkiye Kars Antlaşması’nı imzaladı.", [("Türkiye", "place"), ("Kars Antlaşması", "treaty")]),
        (
            "Yol haritası için Erzurum ve Sivas Kongreleri yapıldı.",
            [("Erzurum ve Sivas Kongreleri", "meeting")],
        ),
        (
            "Onu İttihat ve Terakki Partisini temsilen gönderdiler.",
            [("İttihat ve Terakki Partisi", "organization")],
        ),
        (
            "Ankara’da Türkiye Büyük Millet Meclisi açıldı.",
            [("Ankara", "place"), ("Türkiye Büyük Millet Meclisi", "organization")],
        ),
        ("Teklif Ankara hükümetinin işine yaradı.", [("Ankara hükümeti", "organization")]),
        ("Sonra 11. Ordu şehre girdi.", [("Ordu", "organization")]),
        ("Görüşmeler San-Remo Konferansı’nda yapıldı.", [("San-Remo Konferansı", "meeting")]),
        # capitals that are not names: sentence starts, months, peoples, compass points, common words
        ("Bu kongrede önemli kararlar alındı.", []),
        ("Ermeniler silah gücüyle bölgeyi alamadılar.", []),
        ("Ocak 1920’de Amerikalılar çekildiler.", []),
        ("Doğu’daki birlikleri Batı’ya kaydırdı.", []),
        ("Milli Mücadele’nin başında durum zordu.", []),
        ("Bunun için Vakit gazetesine yazdı.", []),
        # adjacent names are cut apart
        (
            "O sırada Mustafa Kemal Akşehir’deki karargâhta idi.",
            [("Mustafa Kemal", "person"), ("Akşehir", "place")],
        ),
        (
            "Moskova Anlaşması ile Kars ve Ardahan bırakıldı.",
            [("Moskova Anlaşması", "treaty"), ("Kars", "place"), ("Ardahan", "place")],
        ),
        ("Böylece Türkiye-Azerbaycan ilişkileri gelişti.", [("Türkiye", "place"), ("Azerbaycan", "place")]),
        (
            "Mektupta Sergey Kirov ve Serqo Orconikidze imzası vardı.",
            [("Sergey Kirov", "person"), ("Serqo Orconikidze", "person")],
        ),
        # a heading in capitals is not a person; an acronym in capitals still names something
        ("LOZAN KONFERANSI VE MUSUL MESELESİ", []),
        ("Bu teklifi TBMM kabul etti.", [("TBMM", "organization")]),
    ],
)
def test_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions_of(text) == expected


def test_surname_with_a_title_is_a_person_elsewhere_in_the_document() -> None:
    text = "ABD’yi temsilen Albay Rey geldi. Daha sonra Haskel ve Rey bölgeden çekildiler."
    assert ("Rey", "person") in mentions_of(text)[-1:]


def test_unknown_word_listed_with_places_is_a_place() -> None:
    found = mentions_of(
        "Kasım 1918’de Nahçıvan, Şerur, Dereleyez ve Vedibasar topraklarını kapsayan cumhuriyet kuruldu."
    )
    assert found == [
        ("Nahçıvan", "place"),
        ("Şerur", "place"),
        ("Dereleyez", "place"),
        ("Vedibasar", "place"),
    ]
