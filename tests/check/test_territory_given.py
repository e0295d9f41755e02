"""A conclusion that gives a territory to another state than the body does: real shapes of the
historiography of the 1921 treaties."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.check.territory_given import find_territories_given_otherwise
from vakanuvis.ingest import read_file
from vakanuvis.pipeline import analyse
from vakanuvis.reference.authority import load_authority
from vakanuvis.resolve.entities import resolve_entities

BODY = (
    "GİRİŞ\n\nMoskova Antlaşması 16 Mart 1921’de Moskova’da imzalandı. Antlaşma ile Batum Gürcistan’a "
    "bırakıldı, Nahçıvan ise Azerbaycan’a bağlandı.\n\nSONUÇ\n\n"
)


def _flagged(tmp_path: Path, text: str) -> list[tuple[str, ...]]:
    path = tmp_path / "makale.txt"
    path.write_text(text, encoding="utf-8")
    document = analyse(read_file(path), {"language": "tr"})
    resolve_entities({document.id: document.mentions}, load_authority())
    return [tuple(e.text for e in f.evidence[:2]) for f in find_territories_given_otherwise(document)]


@pytest.mark.parametrize(
    ("conclusion", "flagged"),
    [
        (
            "Moskova Antlaşması ile Batum Türkiye’ye bırakılmış, doğu sınırı belirlenmiştir.\n",
            [("Batum", "Türkiye’ye")],
        ),
        # the body's own states
        ("Moskova Antlaşması ile Batum Gürcistan’a bırakılmış, doğu sınırı belirlenmiştir.\n", []),
        ("Nahçıvan Azerbaycan’a bağlanmış, Batum Gürcistan’a bırakılmıştır.\n", []),
        # a place the body gives to no one
        ("Kars Türkiye’ye bırakılmıştır.\n", []),
        # a state not in the dative, no territory verb
        ("Batum Türkiye’nin kuzeydoğusunda kalmıştır.\n", []),
    ],
)
def test_territory_given_otherwise(tmp_path, conclusion, flagged):
    assert _flagged(tmp_path, BODY + conclusion) == flagged
