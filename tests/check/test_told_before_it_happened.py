"""A telegram or report that tells as done what it dates after its own date: real shapes of 1919-1920."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.check.told_before_it_happened import find_events_told_before_they_happened
from vakanuvis.ingest import read_file
from vakanuvis.ingest.metadata import GivenMetadata, checked_fields, resolved_path
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.pipeline import analyse


def _flagged(tmp_path: Path, text: str, given: dict) -> list[str]:
    path = tmp_path / "telgraf.txt"
    path.write_text(text, encoding="utf-8")
    document = analyse(read_file(path), {"language": "tr", **given})
    return [f.evidence[0].text for f in find_events_told_before_they_happened(document)]


TELEGRAM = {"date": "1920-11-03", "type": "telegram"}


@pytest.mark.parametrize(
    ("text", "given", "flagged"),
    [
        # a telegram of 3 November 1336 reports the taking of Gümrü on 7 November
        (
            "Gümrü’nün 7 Teşrîn-i Sânî 1336’da işgali üzerine Ermeni kuvvetlerinin Arpaçay şarkına çekildiği "
            "görülmüştür.\n",
            TELEGRAM,
            ["7 Teşrîn-i Sânî 1336’da"],
        ),
        (
            "Kars 12 Teşrîn-i Sânî 1336 tarihinde tarafımızdan işgal edilmiştir.\n",
            TELEGRAM,
            ["12 Teşrîn-i Sânî 1336 tarihinde"],
        ),
        # what is set for a later day, in the future or as a target
        ("Gümrü istikametinde 7 Teşrîn-i Sânî 1336’da ileri harekât icra edilecektir.\n", TELEGRAM, []),
        (
            "Maahaza 1336 baharında Kars ve Ardahan’ın istirdadı için hazırlıklara başlanmıştır.\n",
            {"date": "1919-11-18", "type": "report"},
            [],
        ),
        (
            "Küşat 23 Temmuz 1335 Çarşamba gününe tehir olunmuştur.\n",
            {"date": "1919-07-15", "type": "report"},
            [],
        ),
        # before the telegram's date: as it should be
        ("Gümrü’nün 1 Teşrîn-i Sânî 1336’da işgali üzerine düşman çekilmiştir.\n", TELEGRAM, []),
        # an article tells of any time
        (
            "Gümrü’nün 7 Kasım 1920’de işgali üzerine Ermeni kuvvetleri çekildi.\n",
            {"date": "1998", "type": "article"},
            [],
        ),
    ],
)
def test_told_before_it_happened(tmp_path, text, given, flagged):
    assert _flagged(tmp_path, text, given) == flagged


@pytest.mark.parametrize(
    ("text", "given", "flagged"),
    [
        # a report of September 1921 acts upon the Ankara agreement with France, signed on 20 October 1921
        (
            "Ankara İtilafnamesi mucibince Cenup Cephesi’nden iki fırka Konya’ya nakledilmektedir.\n",
            {"date": "1921-09-15", "type": "report"},
            ["Ankara İtilafnamesi"],
        ),
        (
            "Kars Muahedesi ahkâmı mucibince hudut komisyonu teşkil olunmuştur.\n",
            {"date": "1921-08-01", "type": "telegram"},
            ["Kars Muahedesi"],
        ),
        # after the signing: as it should be
        (
            "Ankara İtilafnamesi mucibince Cenup Cephesi’nden iki fırka Konya’ya nakledilmektedir.\n",
            {"date": "1921-11-15", "type": "report"},
            [],
        ),
        # the treaty only named, not acted upon (its negotiation is before it)
        (
            "Ankara İtilafnamesi hakkındaki müzakerelere devam olunmaktadır.\n",
            {"date": "1921-09-15", "type": "report"},
            [],
        ),
        # an article tells of any time
        (
            "Ankara Antlaşması gereğince Fransızlar Kilikya’yı boşalttı.\n",
            {"date": "1998", "type": "article"},
            [],
        ),
    ],
)
def test_a_treaty_acted_upon_before_it_was_signed(tmp_path, text, given, flagged):
    path = tmp_path / "rapor.txt"
    path.write_text(text, encoding="utf-8")
    fields, problems = checked_fields(given, "metadata")
    assert not problems
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    (result,) = kb.ingest([path], metadata=GivenMetadata(by_path={resolved_path(path): fields}))
    findings = [f for f in kb.findings(result.document_id) if f.kind == "before-it-existed"]
    assert [f.evidence[0].text for f in findings] == flagged
