"""Names in the period's own Turkish and in English documents: what is a name, what only looks like one."""

from __future__ import annotations

import hashlib

import pytest

from vakanuvis.model import RawDocument, RawLine, RawPage
from vakanuvis.pipeline import analyse


def mentions_of(text: str, dated: str | None = None) -> list[tuple[str, str]]:
    """(surface, type) of every mention, through the whole pipeline (dates are read before names)."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    lines = [RawLine(line) for line in text.split("\n")]
    raw = RawDocument(path="belge.txt", sha256=digest, encoding="utf-8", pages=[RawPage(1, lines)])
    document = analyse(raw, {"date": dated} if dated else None)
    return [(m.surface, m.type) for m in document.mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # months of every calendar inside a date are not names
        ("Mütareke 30 Teşrîn-i Evvel 1334 tarihinde imza olundu.", []),
        ("Heyet 1 Teşrîn-i Sânî 1338’de Lozan’a hareket etti.", [("Lozan", "place")]),
        # izafet fragments and compounds of common words
        ("Vaziyet-i umumiye fenadır.", []),
        ("Hâkimiyet-i Milliye bu haberi neşretti.", []),
        # forms of address and honorifics
        ("Zât-ı Devletleri bu hususu bilirler.", []),
        ("Heyet-i Celileniz bu kararı vermiştir.", []),
        ("Cenab-ı Hak muvaffak etsin.", []),
        ("Paşa Hazretleri bu sabah geldiler.", []),
        ("Muhterem Efendiler, bugün toplandık.", []),
        # an office with an honorific is the office
        ("Keyfiyet Harbiye Nezaret-i Celilesine arz olundu.", [("Harbiye Nezareti", "organization")]),
        # words that open sentences
        ("Maahaza Rauf Bey Ankara’ya gelmiştir.", [("Rauf Bey", "person"), ("Ankara", "place")]),
        ("Belki yarın cevap gelir.", []),
        # izafet names of organizations keep their Arabic adjective
        ("Heyet-i Temsiliyeye malumat verildi.", [("Heyet-i Temsiliye", "organization")]),
        ("Düvel-i İtilafiye bu teklifi reddetti.", [("Düvel-i İtilafiye", "organization")]),
        # kinship before a name is not part of it
        ("Biraderim Tevfik Bey’in kumandasındaki alaylar geldi.", [("Tevfik Bey", "person")]),
        ("Ali Rıza Paşa geldi.", [("Ali Rıza Paşa", "person")]),
        # a person's cabinet is an organization; buildings are places
        ("Ali Rıza Paşa kabinesi istifa etti.", [("Ali Rıza Paşa kabinesi", "organization")]),
        ("Heyet Sivas Lisesi’nde toplandı.", [("Sivas Lisesi", "place")]),
        ("Murahhaslar Pera Palas’ta kaldılar.", [("Pera Palas", "place")]),
        # number words are part of a unit's name; an office word before a head is part of the name
        ("Yirminci Kolordu Ankara’dadır.", [("Yirminci Kolordu", "organization"), ("Ankara", "place")]),
        ("Mıntıkada On Beşinci Kolordu bulunuyordu.", [("On Beşinci Kolordu", "organization")]),
        ("Bu sırada Üçüncü Ordu Müfettişliği kuruldu.", [("Üçüncü Ordu Müfettişliği", "organization")]),
        ("İcra Vekilleri Heyeti toplandı.", [("İcra Vekilleri Heyeti", "organization")]),
        (
            "Onu İttihat ve Terakki Partisini temsilen gönderdiler.",
            [("İttihat ve Terakki Partisi", "organization")],
        ),
        # a name the authority lists though its head is of no type of ours
        ("Misak-ı Millî kabul edildi.", [("Misak-ı Millî", "treaty")]),
        # English: pronouns, articles and head-first names
        (
            "I have the honour to report that the Congress of Sivas assembled.",
            [("Congress of Sivas", "meeting")],
        ),
        (
            "The Treaty of Sèvres, which the Sultan's Government signed, is dead.",
            [("Treaty of Sèvres", "treaty")],
        ),
        ("Our troops entered the town. The Assembly met at Angora.", [("Angora", "place")]),
        ("The Western Front was quiet.", [("Western Front", "organization")]),
        # headings in capitals are read as whole words, not cut into six-letter abbreviations
        ("KARARNAME\n\nHeyet toplandı.", []),
        ("İZMİR'DE TÜRK BAYRAĞI\n\nOrdumuz şehre girdi.", [("İZMİR", "place")]),
        # the body's head addressed names the body
        (
            "On Beşinci Kolordu Kumandanlığına ve Büyük Millet Meclisi Riyasetine yazıldı.",
            [("On Beşinci Kolordu", "organization"), ("Büyük Millet Meclisi", "organization")],
        ),
        ("Heyet-i Temsiliye Riyaset-i Celilesine arz olunur.", [("Heyet-i Temsiliye", "organization")]),
        ("Keyfiyet Heyet-i Temsiliye Riyasetine bildirildi.", [("Heyet-i Temsiliye", "organization")]),
        # a word with the speaker's possessive, or an office, before a name is no part of it
        (
            "Heyetimizi Mustafa Kemal Paşa, Rauf Bey ve Bekir Sami Bey teşkil edecektir.",
            [("Mustafa Kemal Paşa", "person"), ("Rauf Bey", "person"), ("Bekir Sami Bey", "person")],
        ),
        (
            "Dokuzuncu Ordu Müfettişi Mustafa Kemal Paşa’nın vazifesine nihayet verildi.",
            [("Dokuzuncu Ordu", "organization"), ("Mustafa Kemal Paşa", "person")],
        ),
        # a second given name that is also a common word, in a signature
        (
            "Ankara, 14 Kânûn-ı Evvel 1336\n\nAhmet Muhtar",
            [("Ankara", "place"), ("Ahmet Muhtar", "person")],
        ),
        # a given name the lexicon also reads as a common word ('âlî'), before another given name or a title
        (
            "Ankara, 14 Kânûn-ı Evvel 1336\n\nAli Fuat",
            [("Ankara", "place"), ("Ali Fuat", "person")],
        ),
        # a state's name before an office word is that state's office, not a person
        ("Azerbaycan Hariciye Nazırı bugün geldi.", [("Azerbaycan", "place")]),
        ("Heyet İngiltere Hariciye Nazırı ile görüştü.", [("İngiltere", "place")]),
        # an izafet opened by an administrative unit names units, never a person
        ("Keyfiyet Elviye-i Müstakilleye tebliğ olundu.", []),
        ("Bu emir Elviye-i Gayrimülhakaya tamim olundu.", []),
        # a society's branch named after its town is a body ("Şube" heads it)
        ("Cemiyetin Erzurum Şubesi toplandı.", [("Erzurum Şubesi", "organization")]),
        ("Erzurum Şubesinden malumat geldi.", [("Erzurum Şubesi", "organization")]),
        # the period's ranks before a name, the izafet's adjective with the rank
        ("Mülazım-ı evvel Hasan şehit oldu.", [("Hasan", "person")]),
        (
            "Bu harpte Mülazım-ı sani Ahmet ve Yüzbaşı Cemil şehit düştüler.",
            [("Ahmet", "person"), ("Cemil", "person")],
        ),
        ("Kolağası Nuri Eskişehir’e gitti.", [("Nuri", "person"), ("Eskişehir", "place")]),
        # a word of direction before a place is part of its name; a regime's word before a country names
        # that regime's state
        ("Bu kuvvetler Garbi Anadolu’ya gönderildi.", [("Garbi Anadolu", "place")]),
        (
            "Moskova’da Şûralar Rusyası ile muahede imza olundu.",
            [("Moskova", "place"), ("Şûralar Rusyası", "organization")],
        ),
        (
            "Kars’ta Sovyet Ermenistanı’na karşı harekât başladı.",
            [("Kars", "place"), ("Sovyet Ermenistanı", "organization")],
        ),
        ("Rusya ile muahede yapıldı.", [("Rusya", "place")]),
        # an izafet between the connector and a singular head: the names before it are the society's region
        (
            "Anadolu ve Rumeli Müdafaa-i Hukuk Cemiyeti heyeti toplandı.",
            [("Anadolu ve Rumeli Müdafaa-i Hukuk Cemiyeti", "organization")],
        ),
        ("Kars ve Ardahan’a asker gönderildi.", [("Kars", "place"), ("Ardahan", "place")]),
        # "Ocağı" with its possessive heads a club's name; the month in a date names nothing
        ("Türk Ocağı’nda bir müsamere verildi.", [("Türk Ocağı", "organization")]),
        ("Heyet 5 Ocak 1921’de Ankara’ya geldi.", [("Ankara", "place")]),
        ("Bu kitap Ankara Ocak 1921 tarihinde basıldı.", [("Ankara", "place")]),
        # a sentence's first word read as a common word too does not stick to the known name after it
        ("Kuvvetler Tuz gölü civarına çekildi.", [("Tuz", "place")]),
        ("Hasan Tahsin Bey geldi.", [("Hasan Tahsin Bey", "person")]),
        # an institution the authority lists is typed by it, in English too
        (
            "The Red Crescent sent doctors and medicines to Angora.",
            [("Red Crescent", "organization"), ("Angora", "place")],
        ),
        # a peer's territorial designation is part of how he is named
        (
            "Marquess Curzon of Kedleston replied on the same day.",
            [("Marquess Curzon of Kedleston", "person")],
        ),
        ("Lord Curzon replied.", [("Lord Curzon", "person")]),
        # a surname's particle stays inside an English name, a Turkish "de" is a conjunction
        (
            "Türkiye Komünist Partisi 1919 yılında William N. Haskell başkanlığında toplandı.",
            [("Türkiye Komünist Partisi", "organization"), ("William N. Haskell", "person")],
        ),
        (
            "Admiral John de Robeck arrived at Constantinople on the 5th.",
            [("John de Robeck", "person"), ("Constantinople", "place")],
        ),
        ("Rauf Bey de Ankara’ya gitti.", [("Rauf Bey", "person"), ("Ankara", "place")]),
        # a Caucasian name holds its title before the surname
        (
            "Azerbaycan murahhası Khosrov bey Sultanov geldi.",
            [("Azerbaycan", "place"), ("Khosrov bey Sultanov", "person")],
        ),
        # a head without the possessive is no compound with the name before it
        ("Dün İnönü Meclis’te nutkunu irad etti.", [("İnönü", "place")]),
        ("Murahhaslar Ankara Hükûmeti’nin teklifini kabul ettiler.", [("Ankara Hükûmeti", "organization")]),
        # English: a title before "of" heads an office; "M." is Monsieur
        (
            "The Minister of War, Djemal Paga, is known to be in sympathy with them.",
            [("Djemal Paga", "person")],
        ),
        (
            "It was said that M. Chicherin and M. Franklin-Bouillon had met with the delegates.",
            [("Chicherin", "person"), ("Franklin-Bouillon", "person")],
        ),
        ("THE GREEK RETREAT\n\nThe retreat of the army was complete.", []),
        # a lone common English word is no name, nor is a plural of one
        (
            "The Nationalists have occupied the Quay and the Consulates of the Powers at Smyrna.",
            [("Smyrna", "place")],
        ),
        # plurals of common nouns in addresses, and a religion, are no names
        ("Keyfiyet Vilâyât valilerine tamim olunur.", []),
        ("Ankara Eşraf ve ulemasına selam ederim.", [("Ankara", "place")]),
        ("Ahali-i İslâmiye galeyandadır, İslâm ahali müdafaa eder.", []),
        # a lone unknown word with a case ending of where to, where or where from is a place
        ("Mebuslar Malta’ya götürüldü.", [("Malta", "place")]),
        ("Askerler Şehzadebaşı’ndaki karakola girdiler.", [("Şehzadebaşı", "place")]),
        # a lower-case body after a genitive or after a whole name is someone's, not part of a name
        ("Müzakere Rauf Bey’in riyasetinde yapıldı.", [("Rauf Bey", "person")]),
        ("Nakliyat Refet Paşa’nın nezareti altındadır.", [("Refet Paşa", "person")]),
        ("Kıtaat İngilizlerin nezaretine verildi.", []),
        ("Redd-i İlhak Cemiyeti heyeti dün geldi.", [("Redd-i İlhak Cemiyeti", "organization")]),
        ("Murahhaslar Ankara hükûmetinin teklifini kabul ettiler.", [("Ankara hükûmeti", "organization")]),
        # a capitalized word before a lower-case place noun names a place, a common word too
        ("Bozkır ve Hadim kazalarında sükûnet vardır.", [("Bozkır", "place"), ("Hadim", "place")]),
        ("Alay dün Tuz gölü civarına çekildi.", [("Tuz", "place")]),
        ("Yunan cihetinden bir hareket yoktur.", []),
        # the offices of a sanjak and a district split a place from its holder
        ("Bolu Mutasarrıfı Rifat Bey geldi.", [("Bolu", "place"), ("Rifat Bey", "person")]),
        # an office word splits a compound off, whose common rest leaves a bare izafet: no name
        ("Vekâletimiz Umur-ı Siyasiye Müdürü Tevfik Bey de geldi.", [("Tevfik Bey", "person")]),
        ("Maraş ve Pazarcık havalisinde sükûnet vardır.", [("Maraş", "place"), ("Pazarcık", "place")]),
        ("Müfrezelerimiz Çay kasabası civarında temas etmiştir.", [("Çay", "place")]),
        ("Heyetimizi Yirminci Kolordu karşıladı.", [("Yirminci Kolordu", "organization")]),
        # a sentence's first word trimmed leaves an izafet name; a court is an organization
        ("Murahhaslara Heyet-i Vekile’nin kararı bildirildi.", [("Heyet-i Vekile", "organization")]),
        (
            "Bunlar hakkında İstiklal Mahkemesi’nce takibat yapılacaktır.",
            [("İstiklal Mahkemesi", "organization")],
        ),
        # initials before a surname in capitals, as signatures are printed
        ("I have, &c.\n\nH. C. A. KNIGHT.", [("H. C. A. KNIGHT", "person")]),
        ("I have, &c.\n\nJ. M. DE ROBECK.", [("J. M. DE ROBECK", "person")]),
        # the period's provinces, sanjaks and regions from the authority, a name ending like a possessive too
        (
            "Elviye-i Selâse ile Batı Trakya’nın vaziyeti reye bağlıdır.",
            [("Elviye-i Selâse", "place"), ("Batı Trakya", "place")],
        ),
        (
            "Heyet Rumeli’yi ve Filistin’de kalan arazi hakkında karar verdi.",
            [("Rumeli", "place"), ("Filistin", "place")],
        ),
        ("Karesi ve Menteşe havalisinde sükûnet vardır.", [("Karesi", "place"), ("Menteşe", "place")]),
        # Ottoman and Soviet offices in English reports are no persons
        (
            "Huseyin Bey, the new Mutessarif of Mersina, informs me that the Valis were recalled.",
            [("Huseyin Bey", "person"), ("Mersina", "place")],
        ),
        # English months are no names alone
        ("The offensive was expected in March, and the troops moved in April.", []),
        # "Lord" and "Sir" are how the period names the man
        (
            "It was said that Lord Curzon and Sir H. Rumbold had met with the delegates of General Harington.",
            [("Lord Curzon", "person"), ("Sir H. Rumbold", "person"), ("Harington", "person")],
        ),
    ],
)
def test_period_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions_of(text) == expected


@pytest.mark.parametrize(
    ("text", "dated", "expected"),
    [
        # an office is the person who held it on the document's date
        ("Hariciye Vekili bu hususu bildirdi.", "1921-02-10", [("Bekir Sami Kunduh", "person")]),
        ("Sadrazam bugün istifa etti.", "1919-11-20", [("Ali Rıza Pasha", "person")]),
        ("The Grand Vizier resigned.", "1921-05-01", [("Ahmet Tevfik Pasha", "person")]),
        # an office followed by a name is left to the name
        ("Hariciye Vekili Bekir Sami Bey geldi.", "1921-02-10", [("Bekir Sami Bey", "person")]),
        # 'Meclis' is the assembly of its day
        (
            "Meclis’in kararı tebliğ olundu.",
            "1921-02-10",
            [("Grand National Assembly of Turkey", "organization")],
        ),
        ("Meclis’te müzakere edildi.", "1919-11-20", [("Ottoman Chamber of Deputies", "organization")]),
        # an English office before an OCR-read name: "Djemal Paga" is the Minister of War of October 1919
        (
            "The Minister of War, Djemal Paga, is known to be in sympathy with them.",
            "1919-10-25",
            [("Cemal Mersinli", "person")],
        ),
        # one who signs on behalf of an office ("namına") is not its holder, and the office names no one
        ("Hariciye Vekili namına Ahmet Muhtar imza etti.", "1921-02-10", [("Ahmet Muhtar", "person")]),
        ("Hariciye Vekili namına\nAhmet Muhtar", "1920-12-14", [("Ahmet Muhtar", "person")]),
        # another state's office is not the one the office list names
        ("Azerbaycan Hariciye Vekili geldi.", "1921-02-10", [("Azerbaycan", "place")]),
        ("Fransa Harbiye Nazırı geldi.", "1919-10-25", [("Fransa", "place")]),
        # with no date, or a date two bearers share, nothing is guessed
        ("Meclis’te müzakere edildi.", None, []),
        ("Meclis’te müzakere edildi.", "1920", []),
    ],
)
def test_offices_and_generic_names_by_date(
    text: str, dated: str | None, expected: list[tuple[str, str]]
) -> None:
    assert mentions_of(text, dated) == expected
