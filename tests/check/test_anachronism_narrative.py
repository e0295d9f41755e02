"""Anachronisms in sentences without a date of their own: the time comes from the narrative around them
(see tests/annotate/test_narrative_time.py), in texts written for the test."""

from __future__ import annotations

import re

import pytest
from tests.annotate.test_narrative_time import laid_out

from vakanuvis.check.anachronism import find_anachronisms
from vakanuvis.model import Entity, EntityMention, Span

USSR = Entity(
    "Q15180", "organization", "Union of Soviet Socialist Republics", start="1922-12-30", end="1991-12-26"
)
REVKOM = Entity("Q1", "organization", "Azerbaijan Revolutionary Committee", start="1920-04-28", end="1921-05")
NAMES = {"Sovyetler Birliği": USSR, "SSCB": USSR, "İnkılâp Komitesi": REVKOM}


def flagged(text: str, **fields) -> list[tuple[str, str, str]]:
    """(name as written, severity, the date it is dated by) of each anachronism found in `text`."""
    document = laid_out(text, **fields)
    for name, entity in NAMES.items():
        for found in re.finditer(re.escape(name), document.text):
            document.mentions.append(
                EntityMention(Span(found.start(), found.end()), name, name, "organization", entity.key)
            )
    findings = find_anachronisms(document, {e.key: e for e in NAMES.values()})
    return sorted(
        (
            finding.evidence[0].text,
            finding.severity,
            finding.evidence[-1].text if len(finding.evidence) > 1 else "",
        )
        for finding in findings
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the last date of the paragraph governs the sentences after it
        (
            "13 Aralık 1921’de Frunze Ankara’ya geldi. Görüşmeye Aralov da katıldı. "
            "Mustafa Kemal antlaşmanın Sovyetler Birliği aleyhine olmadığını söyledi.",
            [("Sovyetler Birliği", "warning", "13 Aralık 1921’de")],
        ),
        # "after" a year: its sequel, within a year of it
        (
            "1920’de TBMM’nin kurulmasından sonra iki başlı bir idare doğdu. Ankara SSCB ile temas hâlindeydi.",
            [("SSCB", "warning", "1920’de")],
        ),
        # "after" a day: the sequel may well reach past the founding
        ("12 Aralık 1922’de heyet döndükten sonra yola çıktı. Heyet SSCB ile görüştü.", []),
        # the narrative jumped: nothing dates the sentence
        ("1920’de heyet Bakü’ye gitti. Yıllar sonra bu heyet SSCB hakkında yazdı.", []),
        # the text knows it did not exist yet
        ("1920’de heyet Bakü’ye gitti. Heyet kurulmakta olan Sovyetler Birliği ile görüştü.", []),
        # ended things are named later all the time: only a date of the sentence itself flags them
        ("Eylül 1921’de heyet yola çıktı. İnkılâp Komitesi kararları şunlardı.", []),
        ("Eylül 1921’de İnkılâp Komitesi toplandı.", [("İnkılâp Komitesi", "warning", "Eylül 1921’de")]),
        # a date later in the paragraph dates it, more loosely: a note
        (
            "Heyet Sovyetler Birliği ile görüşmek istiyordu. 16 Mart 1921’de antlaşma imzalandı.",
            [("Sovyetler Birliği", "note", "16 Mart 1921’de")],
        ),
    ],
)
def test_anachronism_in_undated_sentences(text, expected):
    assert flagged(text) == expected


def test_a_telegram_is_dated_by_its_own_date():
    text = "Heyet-i Vekile SSCB murahhasıyla müzakereye karar vermiştir. Keyfiyet arz olunur."
    assert flagged(text, date="1920-09-12", type="telegram") == [("SSCB", "warning", "")]
    assert flagged(text, date="1923-09-12", type="telegram") == []
    assert flagged(text, date="1920", type="article") == []  # an article's date is not its narrative's
