"""Names in the period's own Turkish and in English documents: what is a name, what only looks like one."""

from __future__ import annotations

import hashlib

import pytest

from vakanuvis.model import RawDocument, RawLine, RawPage
from vakanuvis.pipeline import analyse


def mentions_of(text: str) -> list[tuple[str, str]]:
    """(surface, type) of every mention, through the whole pipeline (dates are read before names)."""
    digest = hashlib.sha256(text.encode()).hexdigest()
    lines = [RawLine(line) for line in text.split("\n")]
    document = analyse(RawDocument(path="belge.txt", sha256=digest, encoding="utf-8", pages=[RawPage(1, lines)]))
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
        ("Ali Rıza Paşa kabinesi istifa etti.", [("Ali Rıza Paşa", "person")]),
        # English: pronouns, articles and head-first names
        ("I have the honour to report that the Congress of Sivas assembled.", [("Congress of Sivas", "meeting")]),
        ("The Treaty of Sèvres, which the Sultan's Government signed, is dead.", [("Treaty of Sèvres", "treaty")]),
        ("Our troops entered the town. The Assembly met at Angora.", [("Angora", "place")]),
    ],
)
def test_period_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions_of(text) == expected
