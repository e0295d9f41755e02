"""Names whose reading depends on the document: a given name two people went by ("Cemal Paşa": Ahmed Cemal,
Mersinli Cemal) is the one its context names, else its document's own; an alias valid only from a date on
("İnönü", a surname of 1934) names the person only in a document of that date or later."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from vakanuvis.model import EntityMention, RawDocument, RawLine, RawPage
from vakanuvis.pipeline import analyse
from vakanuvis.reference.authority import BadAuthorityFile, load_authority, parse_authority
from vakanuvis.reference.person_names import given_names
from vakanuvis.resolve.entities import resolve_entities


def mentions_of(text: str, written_on: str | None) -> list[EntityMention]:
    digest = hashlib.sha256(f"{written_on}{text}".encode()).hexdigest()
    lines = [RawLine(line) for line in text.split("\n")]
    raw = RawDocument(path="belge.txt", sha256=digest, encoding="utf-8", pages=[RawPage(1, lines)])
    return analyse(raw, {"date": written_on} if written_on else {}).mentions


def mention(text: str, written_on: str | None, written: str) -> EntityMention:
    found = [m for m in mentions_of(text, written_on) if m.text.startswith(written)]
    assert found, f"{written!r} not found as a mention"
    return found[0]


def resolved(text: str, written_on: str | None, written: str) -> str:
    documents = {"d": mentions_of(text, written_on)}
    resolve_entities(documents)
    found = [m.entity_key for m in documents["d"] if m.text.startswith(written)]
    assert found, f"{written!r} not found as a mention"
    return found[0]


AHMED_CEMAL = load_authority().find("Ahmed Cemal Paşa")
MERSINLI_CEMAL = load_authority().find("Mersinli Cemal Paşa")
ISMET = load_authority().find("İsmet Paşa")


@pytest.mark.parametrize(
    ("text", "written_on", "written", "entity"),
    [
        # the context names one of the two Cemal Paşas
        (
            "Enver Paşa ile Cemal Paşa’nın Teşrîn-i Sânî iptidasında bir Alman torpidosu ile firar ettikleri "
            "şayi olmuştur.",
            "1918-11-20",
            "Cemal Paşa",
            AHMED_CEMAL,
        ),
        (
            "Sadaret-i uzmaya Ali Rıza Paşa tayin buyurulmuştur. Yeni kabinede Harbiye Nezaretine Cemal Paşa, "
            "Bahriye Nezaretine Salih Paşa getirilmiştir.",
            "1919-10-03",
            "Cemal Paşa",
            MERSINLI_CEMAL,
        ),
        (
            "Djemal Pasha, formerly commander of the Fourth Army in Syria, left Moscow for Afghanistan.",
            "1920-12-15",
            "Djemal Pasha",
            AHMED_CEMAL,
        ),
        # the office before the name, held on the document's date by one of them
        (
            "Harbiye Nazırı Cemal Paşa’nın ordunun milletle beraber olduğunu teslim ettiği anlaşılmaktadır.",
            "1919-10-20",
            "Cemal Paşa",
            MERSINLI_CEMAL,
        ),
        # a fuller name says who he is, whatever the context
        ("Mersinli Cemal Paşa Konya’dan hareket etti.", "1919-07-01", "Mersinli Cemal Paşa", MERSINLI_CEMAL),
        ("Ahmed Cemal Paşa Kabil’e vâsıl olmuştur.", "1921-03-01", "Ahmed Cemal Paşa", AHMED_CEMAL),
        # a name only valid later: "İsmet Paşa" is İsmet İnönü in 1921 by his other names
        ("İsmet Paşa İnönü’de düşmanı tevkif etti.", "1921-04-01", "İsmet Paşa", ISMET),
        ("Garp Cephesi Kumandanı İsmet Paşa’ya tebrikât.", "1921-01-12", "İsmet Paşa", ISMET),
        ("İnönü, Meclis’te hükûmetin programını okudu.", "1938-11-25", "İnönü", ISMET),
    ],
)
def test_the_document_decides_who_a_name_is(text: str, written_on: str, written: str, entity) -> None:
    assert entity is not None
    assert resolved(text, written_on, written) == entity.key


@pytest.mark.parametrize(
    ("text", "written_on", "written", "not_entity"),
    [
        # no context that tells the two Cemal Paşas apart: the document's own Cemal Paşa
        ("Cemal Paşa bugün İstanbul’a muvasalat etti.", "1919-10-05", "Cemal Paşa", AHMED_CEMAL),
        ("Cemal Paşa bugün İstanbul’a muvasalat etti.", "1919-10-05", "Cemal Paşa", MERSINLI_CEMAL),
        # the English OCR's "Paga" is a rank too: "Djemal Paga" is no more Ahmed Cemal than "Cemal Paşa"
        (
            "Djemal Paga is known to be in sympathy with the Nationalists.",
            "1919-11-01",
            "Djemal Paga",
            AHMED_CEMAL,
        ),
        # the first of two given names is not a name he went by ("Ahmed Cemal" was Cemal Paşa): a signature
        # "Ahmet" beside the Moscow government is not Ahmed Cemal
        (
            "Vekâletimiz, meselenin Moskova Hükûmeti ile müzakeresi fikrindedir.\n\nAnkara, 14 Kânûn-ı Evvel 1336\n"
            "Hariciye Vekili namına\nAhmet Muhtar",
            "1920-12-14",
            "Ahmet",
            AHMED_CEMAL,
        ),
        # a surname of 1934 before 1934, or in a text of no known date: the place of the battles
        ("İnönü’de düşman ağır zayiatla geri atıldı.", "1921-01-11", "İnönü", ISMET),
        ("Garp Cephesi karargâhında İsmet ile görüştük; İnönü mevziine gidildi.", None, "İnönü", ISMET),
        ("Birinci İnönü Muharebesi’nden sonra İnönü’de tahkimat yapıldı.", "1921-02-01", "İnönü’de", ISMET),
    ],
)
def test_the_document_keeps_a_name_from_the_wrong_person(
    text: str, written_on: str | None, written: str, not_entity
) -> None:
    assert not_entity is not None
    assert resolved(text, written_on, written) != not_entity.key


def test_a_surname_of_1934_in_1921_is_the_place() -> None:
    found = mention("Düşman İnönü’de ağır zayiatla geri atıldı.", "1921-01-11", "İnönü")
    assert (found.surface, found.type) == ("İnönü", "place")


def test_a_surname_after_1934_is_written_as_the_person() -> None:
    found = mention("İnönü, Meclis’te hükûmetin programını okudu.", "1938-11-25", "İnönü")
    assert (found.surface, found.type) == ("İsmet İnönü", "person")


@pytest.mark.parametrize(
    ("person", "went_by", "not_by"),
    [
        ("Cemal Pasha", {"jemal"}, {"ahmet", "ahmed"}),  # Ahmed Cemal Paşa
        ("Rauf Orbay", {"rauf"}, {"huseyin"}),  # Hüseyin Rauf Bey
        ("Fevzi Çakmak", {"fevzi"}, {"mustafa"}),  # Mustafa Fevzi Paşa
        ("Kazım Karabekir", {"kazim"}, set()),  # Kazım Karabekir Paşa: a surname, not a second given name
        ("Cemal Mersinli", {"jemal"}, {"mersinli"}),  # Mersinli: a byname
    ],
)
def test_the_given_names_a_person_went_by(person: str, went_by: set[str], not_by: set[str]) -> None:
    entry = load_authority().find(person)
    assert entry is not None
    names = given_names(entry)
    assert went_by <= names and not (not_by & names)


def test_an_alias_with_a_since_counts_only_from_that_day() -> None:
    text = "- {name: İsmet İnönü, type: person, aliases: [İsmet Paşa, {name: İnönü, since: 1934}]}"
    [entry] = parse_authority(text)
    assert entry.aliases == ("İsmet Paşa", "İnönü")
    assert entry.undated_forms() == ("İsmet İnönü", "İsmet Paşa")
    authority = load_authority()
    assert authority.find("İnönü") is None
    assert authority.find_on("İnönü", date(1921, 1, 11)) is None
    assert authority.find_on("İnönü", None) is None
    assert authority.find_on("İnönü", date(1934, 1, 1)) == ISMET


@pytest.mark.parametrize(
    "text",
    [
        "- {name: X, type: person, aliases: [{since: 1934}]}",
        "- {name: X, type: person, aliases: [{name: Y, since: sometime}]}",
    ],
)
def test_a_bad_dated_alias_is_a_clear_error(text: str) -> None:
    with pytest.raises(BadAuthorityFile):
        parse_authority(text)
