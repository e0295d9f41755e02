"""What happened at each date: the predicate of its clause, its kind, its roles read from case endings,
postpositions and prepositions, a headline in the document's language; datelines as the document itself."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.annotate.events.headlines import finite_past
from vakanuvis.annotate.events.predicates import find_predicate, happening_kind, turkish_verb
from vakanuvis.ingest import read_file
from vakanuvis.pipeline import analyse


def _events(tmp_path, text: str, language: str = "tr", **given):
    path = tmp_path / "belge.txt"
    path.write_text(text, encoding="utf-8")
    document = analyse(read_file(Path(path)), {"language": language, **given})
    return document, document.events


def _roles(document, event) -> dict[str, list[str]]:
    return {role: [document.mentions[i].surface for i in found] for role, found in event.roles.items()}


def test_a_passive_verb_after_the_date_and_its_subject_as_patient(tmp_path):
    document, (event,) = _events(
        tmp_path, "16 Mart 1336 sabahı İstanbul İtilaf kuvvetleri tarafından resmen işgal edilmiştir.\n"
    )
    assert (event.predicate, event.kind) == ("işgal edilmiştir", "take")
    roles = _roles(document, event)
    assert roles.get("patient") == ["İstanbul"]
    assert "İstanbul" in event.headline and event.headline.endswith("işgal edilmiştir")
    assert "16 Mart" not in event.headline


def test_case_endings_give_place_recipient_and_the_treaty_is_the_instrument(tmp_path):
    document, events = _events(
        tmp_path,
        "Mustafa Kemal Paşa 27 Aralık 1919’da Ankara’ya geldi. "
        "Moskova Muahedesi 16 Mart 1921’de Moskova’da imzalandı.\n",
    )
    arrival, signing = events
    assert arrival.kind == "arrive" and _roles(document, arrival) == {
        "agent": ["Mustafa Kemal Paşa"],
        "place": ["Ankara"],
    }
    roles = _roles(document, signing)
    assert signing.kind == "sign" and roles["instrument"] == ["Moskova Muahedesi"]
    assert roles["place"] == ["Moskova"] and roles["patient"] == ["Moskova Muahedesi"]


@pytest.mark.parametrize(
    "sentence",
    [
        "16 Mart 1337 tarihli Moskova Muahedesi mucibince Batum Gürcistan’a terk edildi.",
        "30 Teşrîn-i Evvel 1334 tarihli Mondros Mütarekenamesi’nin akdi sırasındaki hudut dahilinde kalan"
        " memleket parçaları birbirinden ayrılmaz.",
        "16 Mart 1921 tarihli Türk-Sovyet Dostluk ve Kardeşlik Antlaşması ile sınır çizildi.",
        "Moskova Antlaşması (16 Mart 1921) ile Batum Gürcistan’a terk edildi.",
    ],
)
def test_the_date_of_a_treaty_is_its_signing_whatever_is_done_under_it(tmp_path, sentence):
    document, events = _events(tmp_path, sentence + "\n")
    assert events[0].kind == "sign"
    treaties = [m.surface for m in document.mentions if m.type == "treaty"]
    assert _roles(document, events[0]).get("instrument", []) == treaties[:1]


def test_a_dated_telegram_is_still_its_sending(tmp_path):
    _, events = _events(tmp_path, "1 Teşrinisani 1338 tarihli bir telgraf ile Ankara’ya bildirildi.\n")
    assert events[0].kind == "send"


def test_of_after_the_happenings_own_noun_gives_its_patient(tmp_path):
    document, (event,) = _events(
        tmp_path,
        "The occupation of Constantinople was carried out on the morning of March 16th, 1920.\n",
        language="en",
    )
    assert event.kind == "take" and _roles(document, event).get("patient") == ["Constantinople"]
    # "of" after any other noun is that noun's complement
    document, (event,) = _events(
        tmp_path, "The Governor of Smyrna was arrested on March 16th, 1920.\n", language="en"
    )
    assert "Smyrna" not in _roles(document, event).get("patient", [])


def test_a_participle_tells_what_happened_to_the_noun_it_describes(tmp_path):
    document, (event,) = _events(
        tmp_path, "11 Ekim 1922’de imzalanan Mudanya Mütarekesi ile Batı Anadolu’daki savaş sona erdi.\n"
    )
    assert event.predicate == "imzalanan" and event.kind == "sign"
    assert event.headline == "Mudanya Mütarekesi imzalandı"
    assert "Mudanya Mütarekesi" in _roles(document, event)["instrument"]


def test_names_joined_by_ve_share_their_role_and_only_the_clause_counts(tmp_path):
    document, (event,) = _events(
        tmp_path,
        "Erzurum’da kongre toplanmış, 5 Haziran 1926’da Ankara’da Türkiye, İngiltere ve Irak arasında "
        "bir muahede imzalanmıştır.\n",
    )
    roles = _roles(document, event)
    assert roles["agent"] == ["Türkiye", "İngiltere", "Irak"]
    assert roles["place"] == ["Ankara"]  # Erzurum is of the clause before


def test_a_dateline_is_the_document_with_its_place_and_addressees(tmp_path):
    document, events = _events(
        tmp_path,
        "Şifre\nAnkara, 16 Mart 1336\n\nHarbiye Nezaret-i Celilesine,\nBilcümle Kolordu Kumandanlıklarına,\n\n"
        "Bugün İtilaf Devletleri kuvvetleri İstanbul’u işgal etmişlerdir.\n",
        type="telegram",
    )
    dateline = events[0]
    assert dateline.dateline and not dateline.predicate and dateline.headline in ("Şifre", "Telgraf")
    roles = _roles(document, dateline)
    assert roles["place"] == ["Ankara"] and roles.get("recipient")
    assert not events[1].dateline and events[1].kind == "take"


def test_a_press_dateline_ends_at_its_dash(tmp_path):
    document, events = _events(
        tmp_path,
        "ANGORA AND THE SOVIETS\n\nLONDON, March 23. — A wireless message from Moscow states that the Treaty of"
        " Moscow was signed on March 17.\n",
        language="en",
        date="1921-03-24",
        type="newspaper",
    )
    dateline, signing = events
    assert dateline.dateline and dateline.date.edtf == "1921-03-23"
    assert _roles(document, dateline)["place"] == ["LONDON"]
    assert not signing.dateline and signing.kind == "sign"


def test_a_datelines_sender_is_its_signature(tmp_path):
    document, events = _events(
        tmp_path,
        "Erzurum, 12 Mayıs 1335\n\nHarbiye Nezaret-i Celilesine,\n\nKolordu kumandasını deruhte ettim.\n\n"
        "On Beşinci Kolordu Kumandanı\nKâzım Karabekir\n",
        type="telegram",
        authors=["Kâzım Karabekir"],
    )
    roles = _roles(document, events[0])
    assert roles["agent"] == ["Kâzım Karabekir"] and roles["place"] == ["Erzurum"]


def test_english_and_russian_verbs_nearest_the_date(tmp_path):
    document, events = _events(
        tmp_path,
        "The Treaty of Moscow was signed on 16 March 1921 by Turkey and Soviet Russia. "
        "On 23 April 1920 the Grand National Assembly opened at Angora.\n",
        language="en",
    )
    signing, opening = events
    assert (signing.predicate, signing.kind) == ("was signed", "sign")
    assert "Treaty of Moscow" in _roles(document, signing)["instrument"]
    assert opening.kind == "open" and "opened" in opening.headline
    document, (event,) = _events(
        tmp_path, "16 марта 1921 года в Москве был подписан договор.\n", language="ru"
    )
    assert event.kind == "sign"


@pytest.mark.parametrize(
    ("word", "is_verb"),
    [
        ("imzalandı", True),
        ("olunmuştur", True),
        ("akdettik", True),
        ("karar", False),  # a noun the lexicon also reads as an aorist
        ("geçici", False),
        ("göre", False),
        ("olarak", False),
        ("Ankara", False),
        ("bırakılmasına", False),  # a verbal noun that is another verb's object
    ],
)
def test_what_reads_as_a_verb(word, is_verb):
    assert (turkish_verb(word) is not None) is is_verb


@pytest.mark.parametrize(
    ("language", "phrase", "kind"),
    [
        ("tr", "küşâd olunacaktır", "open"),
        ("tr", "imza olunmuştur", "sign"),
        ("tr", "içtima akdetmiştir", "open"),
        ("en", "was occupied", "take"),
        ("ru", "подписан", "sign"),
        ("tr", "söyledi", ""),
        ("tr", "akdolunan", "sign"),
        ("tr", "iftitahı", "open"),
    ],
)
def test_kinds_are_shared_by_languages(language, phrase, kind):
    assert happening_kind(language, phrase.split()[-1] if language != "tr" else phrase) == kind


@pytest.mark.parametrize(
    ("participle", "past"),
    [("imzalanan", "imzalandı"), ("işgal edilen", "işgal edildi"), ("kalkan", "kalktı"), ("eden", "etti")],
)
def test_a_participle_told_as_a_past_tense(participle, past):
    assert finite_past(participle) == past


@pytest.mark.parametrize(
    ("language", "sentence", "date", "predicate", "kind"),
    [
        # a verb that says only on which day a happening fell: the happening is the noun before it; one that
        # says the happening took place takes the noun's kind
        ("tr", "Meclis-i Âlî’nin küşâdı 23 Nisan’a tesadüf etti.", "23 Nisan’a", "küşâdı", "open"),
        ("en", "The opening of the Assembly took place on April 23.", "April 23", "took", "open"),
        (
            "tr",
            "Büyük Millet Meclisi’nin iftitahı 23 Nisan’da icra edildi.",
            "23 Nisan’da",
            "icra edildi",
            "open",
        ),
        ("en", "The Assembly met at Angora for the first time on April 23rd.", "April 23rd", "met", "open"),
        ("en", "The delegates met at Angora on April 23rd.", "April 23rd", "met", "meet"),
        ("tr", "23 Nisan’da Ankara’da büyük bir merasim yapıldı.", "23 Nisan’da", "merasim yapıldı", ""),
        ("en", "On April 23 the opening of the Assembly took place.", "April 23", "took", "open"),
        ("en", "The opening of the Assembly fell on April 23.", "April 23", "opening", "open"),
        # Russian: a long participle of a happening is a verb, an adjective is not; "договор от" dates the treaty
        (
            "ru",
            "Московский договор, подписанный 16 марта 1921 года, установил границу.",
            "16 марта 1921 года",
            "подписанный",
            "sign",
        ),
        (
            "ru",
            "По договору от 16 марта 1921 года Батум отошел к Грузии.",
            "16 марта 1921 года",
            "договору",
            "sign",
        ),
        ("ru", "16 марта 1921 года военный отряд занял Карс.", "16 марта 1921 года", "занял", "take"),
        # the happening's own noun right after the date, not the verb of the clause it stands in
        (
            "tr",
            "Büyük Millet Meclisi’nin 23 Nisan 1336’da küşadı üzerine bir beyanname neşredildi.",
            "23 Nisan 1336’da",
            "küşadı",
            "open",
        ),
        (
            "tr",
            "İstanbul’un 16 Mart 1920’deki işgali üzerine Meclis dağıldı.",
            "16 Mart 1920’deki",
            "işgali",
            "take",
        ),
        (
            "tr",
            "Meclis’in 23 Nisan 1920’de açılışıyla yeni bir devir başladı.",
            "23 Nisan 1920’de",
            "açılışıyla",
            "open",
        ),
        (
            "tr",
            "Meclis’in açılışı (23 Nisan 1920) ile egemenlik millete geçti.",
            "23 Nisan 1920",
            "açılışı",
            "open",
        ),
        # but not a noun in the locative, the setting of what its clause tells, nor a word too short
        (
            "tr",
            "Heyet-i Temsiliye’nin 3 Teşrinievvel 1335 tarihli içtimaında kabul olunmuştur.",
            "3 Teşrinievvel 1335 tarihli",
            "kabul olunmuştur",
            "adopt",
        ),
        (
            "en",
            "On the 23rd April the Assembly held its first sitting at Angora.",
            "23rd April",
            "held",
            "open",
        ),
        # a verb that no comma parts from the date is of its clause
        (
            "en",
            "The Congress of Sivas, which assembled on the 4th September, closed its sittings on the 11th.",
            "4th September",
            "assembled",
            "open",
        ),
        (
            "en",
            "The Grand National Assembly, which was opened at Angora on the 23rd April, 1920, is expected to"
            " ratify the treaty.",
            "23rd April, 1920",
            "was opened",
            "open",
        ),
        (
            "en",
            "On the 16th March, 1920, the Entente Powers occupied Constantinople.",
            "16th March, 1920",
            "occupied",
            "take",
        ),
        # a date the antecedent of "when": what happened on it is the verb after
        (
            "en",
            "It declared a situation which had existed since the 16th March, 1920, when the Entente Powers"
            " occupied the capital.",
            "16th March, 1920",
            "occupied",
            "take",
        ),
        (
            "en",
            "The occupation of Constantinople was carried out on the morning of March 16th.",
            "March 16th",
            "was carried",
            "take",
        ),
        # a participle before a part of the day belongs to the date; the clause's verb is what happened
        (
            "tr",
            "Gümrü Muahedenamesi, 2 Kânûn-ı Evvel’i 3 Kânûn-ı Evvel’e bağlayan gece saat ikide imza olunmuştur.",
            "3 Kânûn-ı Evvel’e",
            "imza olunmuştur",
            "sign",
        ),
        # but a participle the date stands in keeps it
        (
            "tr",
            "23 Temmuz’dan 7 Ağustos’a kadar devam eden Kongre mesaisini dün ikmal etmiştir.",
            "7 Ağustos’a kadar",
            "devam eden",
            "",
        ),
        (
            "tr",
            "16 Mart’ta Moskova’da imzalanan muahede ile hudut çizildi.",
            "16 Mart’ta",
            "imzalanan",
            "sign",
        ),
        (
            "tr",
            "Rusya ile akdolunan muahede Mart’ın on altısında imza olunmuştur.",
            "Mart’ın on altısında",
            "imza olunmuştur",
            "sign",
        ),
        # a noun in a case of its own is no noun a light verb carries; the verb makes the noun after it
        (
            "tr",
            "Meclis evvelki gün Şerif Bey’in riyasetinde yapılan ilk içtimaın zabıtlarını tasdik etti.",
            "evvelki gün",
            "yapılan ilk içtimaın",
            "open",
        ),
        (
            "tr",
            "11 Ekim’de Mudanya’da yapılan görüşmede mütareke imzalandı.",
            "11 Ekim’de",
            "yapılan görüşmede",
            "meet",
        ),
        # a date alone before a colon heads a chronicle's entry; a clause with no verb has its last word as head
        (
            "tr",
            "23 Nisan 1336: Büyük Millet Meclisi’nin Ankara’da küşadı.",
            "23 Nisan 1336",
            "küşadı",
            "open",
        ),
        ("tr", "16 Mart 1337: Rusya ile Moskova’da muahede akdi.", "16 Mart 1337", "akdi", "sign"),
        # coming or going joined by "ve" to another happening gives the date to that one
        (
            "tr",
            "23 Nisan 1336’da ise mebuslar Ankara’ya geldik ve Meclis-i Âlîyi açtık.",
            "23 Nisan 1336’da",
            "açtık",
            "open",
        ),
        (
            "tr",
            "Bugün, Cuma namazını müteakip hep beraber buraya geldik ve Büyük Millet Meclisi’ni Allah’ın"
            " inayetiyle açıyoruz.",
            "Bugün",
            "açıyoruz",
            "open",
        ),
        (
            "tr",
            "Mustafa Kemal Paşa 27 Aralık 1919’da Ankara’ya geldi ve halk tarafından karşılandı.",
            "27 Aralık 1919’da",
            "geldi",
            "arrive",
        ),
        # a participle before "halde" tells the state in which it happened
        (
            "tr",
            "Meclis-i Âlî, 4 Şaban 1338 Cuma günü, mebusların ekseriyeti hazır olduğu halde küşad olundu.",
            "4 Şaban 1338 Cuma günü",
            "küşad olundu",
            "open",
        ),
        # what a dated telegram tells in it ("… telgrafnamede") is no deed done with it: it is a sending
        (
            "tr",
            "Heyetimizden vasıl olan 18 Mart 1337 tarihli telgrafnamede Rusya ile aktolunan muahedenin imza"
            " olunduğu bildirilmektedir.",
            "18 Mart 1337",
            "aktolunan",
            "send",
        ),
        # a verb with the words after it ("concluded its sittings": no treaty); "first met" is an opening
        (
            "en",
            "The Conference of San Remo, which opened on the 19th April, concluded its sittings on the 26th April.",
            "26th April",
            "concluded",
            "close",
        ),
        (
            "en",
            "The Angora Assembly, which first met on April 23 of last year, is said to welcome the agreement.",
            "April 23",
            "met",
            "open",
        ),
        # a converb of a happening before a clause's verb of none; "ile" is carried by no light verb
        (
            "tr",
            "16 Mart 1337’de Rusya ile muahede imzalanarak hudut tespit edildi.",
            "16 Mart 1337’de",
            "imzalanarak",
            "sign",
        ),
        (
            "tr",
            "16 Mart 1921’de Moskova’da Sovyetlerle antlaşma imzalanıp Kars ve Ardahan bize bırakıldı.",
            "16 Mart 1921’de",
            "imzalanıp",
            "sign",
        ),
        ("tr", "16 Mart’ta Ankara’dan hareket ederek Konya’ya vardık.", "16 Mart’ta", "vardık", "arrive"),
        (
            "tr",
            "16 Mart 1921’de Rusya ile yapılan muahede üzerine Batum tahliye olundu.",
            "16 Mart 1921’de",
            "yapılan muahede",
            "sign",
        ),
        # "dated" dates the noun before it as "of" does
        (
            "en",
            "The Russo-Turkish treaty, dated March 16, 1921, was published.",
            "March 16, 1921",
            "treaty",
            "sign",
        ),
    ],
)
def test_the_predicate_of_a_date(language, sentence, date, predicate, kind):
    start = sentence.index(date)
    found = find_predicate(sentence, (0, len(sentence)), (start, start + len(date)), language)
    assert found is not None and (found.text, found.kind) == (predicate, kind)
