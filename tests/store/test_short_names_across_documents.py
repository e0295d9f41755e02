"""A short person name of two documents that name the same few things is one entity in the knowledge base
too, whichever document came first; a later document never changes the stored entity's key or name."""

from __future__ import annotations

from vakanuvis.knowledge_base import KnowledgeBase

TELEGRAMS = {
    "mudania.txt": "Mudania, October 3, 1922.\n\nGeneral Harington told Ismet Pasha at Mudania that Eastern "
    "Thrace as far as the Maritza would be handed over; Rumbold agreed.\n",
    "rumbold.txt": "Constantinople, October 5, 1922.\n\nSir Horace Rumbold reports that General Harington "
    "came back from Mudania. Ismet Pasha had asked for Eastern Thrace up to the Maritza.\n",
}


def harington(kb: KnowledgeBase) -> list[dict]:
    return [e for e in kb.entities() if e["name"] == "Harington" and e["type"] == "person"]


def test_a_later_telegram_joins_the_stored_short_name(tmp_path) -> None:
    paths = []
    for name, text in TELEGRAMS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(tmp_path / name)
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    kb.ingest([paths[0]])
    (stored,) = harington(kb)
    kb.ingest([paths[1]])
    (joined,) = harington(kb)
    assert (joined["id"], joined["name"]) == (stored["id"], stored["name"])
    assert joined["mentions"] == 2
    # the first telegram analysed again takes its link away and finds it anew
    kb.ingest([paths[0]], force=True)
    assert [e["id"] for e in harington(kb)] == [stored["id"]]
    # and resolving from nothing gives one Harington too
    kb.resolve(again=True)
    assert len(harington(kb)) == 1
