"""A conclusion that denies what the body tells done, or the other way: cases written in the period's
register and in modern Turkish, run through the pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.check.conclusion_negated import find_conclusions_denying_the_body
from vakanuvis.ingest import read_file
from vakanuvis.model import Document
from vakanuvis.pipeline import analyse


def _analysed(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "metin.txt"
    path.write_text(text, encoding="utf-8")
    return analyse(read_file(path), {"language": "tr"})


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        (
            "Kars istihkâmlarında düşman şiddetli mukavemet göstermiştir.\n\n"
            "Hülâsa: Ermeni kuvvetleri Kars’ı mukavemet göstermeksizin terk etmiştir.\n",
            True,
        ),
        (
            "Düşman kuvvetleri Sakarya nehrini geçerek Haymana istikametinde ilerlemiştir.\n\n"
            "Netice: Düşman Sakarya nehrini geçmeye muvaffak olamamıştır.\n",
            True,
        ),
        # the conclusion agrees with the body
        (
            "Düşman kuvvetleri Sakarya nehrini geçerek Haymana istikametinde ilerlemiştir.\n\n"
            "Netice: Düşman Sakarya nehrini geçmiş, fakat mağlup olmuştur.\n",
            False,
        ),
        # the denial is of another place: no common name
        (
            "Kars istihkâmlarında düşman şiddetli mukavemet göstermiştir.\n\n"
            "Hülâsa: Ermeni kuvvetleri Gümrü’yü mukavemet göstermeksizin terk etmiştir.\n",
            False,
        ),
        # no part that sums up
        (
            "Kars istihkâmlarında düşman şiddetli mukavemet göstermiştir. Ermeni kuvvetleri Kars’ı mukavemet "
            "göstermeksizin terk etmiştir.\n",
            False,
        ),
    ],
)
def test_a_conclusion_denying_what_the_body_tells(tmp_path, text, flagged):
    document = _analysed(tmp_path, text)
    findings = find_conclusions_denying_the_body(document)
    assert bool(findings) is flagged, [f.message for f in findings]
    assert all(f.kind == "conclusion-contradicts" for f in findings)
