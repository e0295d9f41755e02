"""Events merged across documents: the same named event or the same day and actor, with every source."""

from __future__ import annotations

import pytest

from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.store.merged import merge_keys

ARTICLE_A = """MUDANYA

Batı cephesindeki zaferden sonra 11 Ekim 1922’de Mudanya Ateşkes Antlaşması imzalandı.1 Aynı gün
İsmet Paşa Ankara’ya bir telgraf çekti.2

______________________________
1 Ali Naci Karacan, Lozan, İstanbul, 1971, s. 12.
2 Bilal N. Şimşir, Lozan Telgrafları I, Ankara, 1990, s. 3.
"""

ARTICLE_B = """ATEŞKES

Yunan ordusunun çekilmesi üzerine 11 Ekim 1922’de imzalanan Mudanya Ateşkes Antlaşması ile savaş bitti.1
Kazım Karabekir Paşa 3 Kasım 1922’de Erzurum’a döndü.2

______________________________
1 Sabahattin Selek, Anadolu İhtilali, İstanbul, 1968, s. 700.
2 Kazım Karabekir, İstiklal Harbimiz, İstanbul, 1960, s. 1100.
"""


@pytest.mark.parametrize(
    ("event", "named", "expected"),
    [
        (
            {"start": "1922-10-11", "end": "1922-10-11", "actors": ["İsmet İnönü"]},
            [],
            [("day", "1922-10-11", "İsmet İnönü")],
        ),
        ({"start": "1922-10-01", "end": "1922-10-31", "actors": ["İsmet İnönü"]}, [], []),
        (
            {"start": "1922-10", "end": "1922-10", "actors": []},
            ["Armistice of Mudanya"],
            [("named", "Armistice of Mudanya")],
        ),
    ],
)
def test_merge_keys(event, named, expected):
    assert merge_keys(event, named) == expected


def test_same_named_event_in_two_documents_is_one_happening(tmp_path):
    for name, text in (("a.txt", ARTICLE_A), ("b.txt", ARTICLE_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    assert all(r.stored for r in kb.ingest([tmp_path / "a.txt", tmp_path / "b.txt"]))
    merged = kb.merged_events()
    armistice = [m for m in merged if len(m["documents"]) == 2]
    assert len(armistice) == 1
    (happening,) = armistice
    assert happening["date"] == "1922-10-11" and not happening["dates_differ"]
    assert len(happening["reports"]) == 2 and len(happening["sources"]) == 2
    assert len(merged) == len(kb.events()) - 1  # only the armistice reports were joined
