"""A given name alone ("Ethem", "İsmet", "Kâzım Paşa") is read by its document's context: the person whose
units, places and associates the document names, when exactly one fits; else it stays its document's."""

from __future__ import annotations

import hashlib

import pytest

from vakanuvis.model import EntityMention, RawDocument, RawLine, RawPage
from vakanuvis.pipeline import analyse
from vakanuvis.resolve.entities import resolve_entities


def mentions_of(text: str) -> list[EntityMention]:
    digest = hashlib.sha256(text.encode()).hexdigest()
    raw = RawDocument(path="belge.txt", sha256=digest, encoding="utf-8", pages=[RawPage(1, [RawLine(text)])])
    return analyse(raw).mentions


def surface_of(text: str, written: str) -> str:
    found = [m.surface for m in mentions_of(text) if m.text.startswith(written)]
    assert found, f"{written!r} not found as a mention"
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "surface"),
    [
        # the context names one person of that given name
        ("Ethem Bey Kuvâ-yı Seyyare ile Kütahya’ya hareket etmiştir.", "Ethem", "Çerkes Ethem"),
        ("Kuva-yi Seyyare kumandanı Ethem dün Gediz’e vâsıl oldu.", "Ethem", "Çerkes Ethem"),
        ("Kâzım Paşa On Beşinci Kolordu ile Kars’a girmiştir.", "Kâzım Paşa", "Kazım Karabekir"),
        ("Kâzım Paşa Balıkesir’den Karesi havalisine geçti.", "Kâzım Paşa", "Kazım Özalp"),
        ("Garp Cephesi karargâhında İsmet ile görüştük; İnönü mevziine gidildi.", "İsmet", "İsmet İnönü"),
        ("Tevfik Bey Kuvâ-yı Seyyare’nin Salihli müfrezesini idare ediyor.", "Tevfik Bey", "Çerkes Tevfik"),
        # a place inside another name counts ("Balıkesir cephesi")
        (
            "Dün Karesi Mebusu Kâzım Paşa, Balıkesir cephesinin ihtiyacatı için müracaat etti. "
            "Heyet Kafkasya’ya geçmiştir.",
            "Kâzım Paşa",
            "Kazım Özalp",
        ),
        # a given name that the lexicon also reads as a common word is a name mid-sentence, or with its
        # apostrophe at a sentence's start
        ("Garp Cephesi karargâhında İsmet ile görüştük.", "İsmet", "İsmet İnönü"),
        ("Garp Cephesi mevzii tahkim edildi. İsmet’in raporu geldi.", "İsmet", "İsmet İnönü"),
        # a byname before a given name ("Çerkes Tevfik") is not the given name of another ("Ahmet Cemal")
        ("Ahmet Bey Enver Paşa ve Talat Paşa ile Moskova’ya gitti.", "Ahmet Bey", "Ahmet Bey"),
        # a rank that disagrees: the Grand Vizier was Paşa, Çerkes Tevfik never
        ("Rauf Bey Malta’dan avdet etti.", "Rauf Bey", "Rauf Bey"),
        # no context, or a context two people share equally: the name stays as written
        ("Kâzım Paşa bugün geldi.", "Kâzım Paşa", "Kâzım Paşa"),
        ("Kâzım Paşa Erzurum’dan Balıkesir’e geçti.", "Kâzım Paşa", "Kâzım Paşa"),
        ("Ethem Efendi mektebe gitti.", "Ethem", "Ethem Efendi"),
        # the document's own fuller name decides, not the context
        ("Kâzım Özalp Paşa Kars’ta idi. Kâzım Paşa ertesi gün döndü.", "Kâzım Paşa", "Kâzım Paşa"),
    ],
)
def test_a_short_name_is_read_by_its_context(text: str, written: str, surface: str) -> None:
    assert surface_of(text, written) == surface


def test_short_names_join_the_full_name_of_another_document_by_context() -> None:
    documents = {
        "a": mentions_of("Çerkes Ethem Bey Kütahya’dan hareket etti."),
        "b": mentions_of("Kuvâ-yı Seyyare kumandanı Ethem dün Gediz’e girdi."),
        "c": mentions_of("Kâzım Karabekir Paşa Erzurum’dadır."),
        "d": mentions_of("Kâzım Paşa Kars’ı istirdat etti."),
        "e": mentions_of("Kâzım Paşa Balıkesir’e vâsıl oldu."),
        "f": mentions_of("Kâzım Paşa bugün geldi."),
    }
    resolve_entities(documents)
    key = {(d, m.text.split("’")[0]): m.entity_key for d, ms in documents.items() for m in ms}
    assert key["a", "Çerkes Ethem Bey"] == key["b", "Ethem"]
    assert key["c", "Kâzım Karabekir Paşa"] == key["d", "Kâzım Paşa"]
    assert key["e", "Kâzım Paşa"] not in {key["d", "Kâzım Paşa"], key["f", "Kâzım Paşa"]}
    assert key["f", "Kâzım Paşa"] != key["d", "Kâzım Paşa"]
