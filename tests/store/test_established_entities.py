"""A new document never changes the identity of an entity that documents stored before established
(issue 22): new mentions may join an entity and new entities may be made, but two entities stored before
are never merged into one, and an entity keeps its id and name, by a new document's evidence alone."""

from __future__ import annotations

from pathlib import Path

from vakanuvis.knowledge_base import KnowledgeBase

# two governments of Nakhchivan (neither in the authority file), stored first in two documents; the first
# document also writes its government short ("Nahçıvan Hükümeti"), as the new document does for the other
# one: read at once, that short name joins both governments into one
MILLI = (
    "Nahçıvan Cumhuriyeti Hükümeti 12 Mart 1920 tarihinde Ordubad kasabasında bir karar aldı. "
    "Nahçıvan Hükümeti bu kararı Culfa kasabasında uyguladı.\n"
)
SOVYET = "Nahçıvan Şura Hükümeti 3 Ağustos 1920 tarihinde Culfa kasabasında Kâzım Karabekir ile görüştü.\n"
BRIDGE = (
    "Nahçıvan Şura Hükümeti 9 Eylül 1920 tarihinde Ordubad kasabasında bir antlaşma imzaladı. "
    "Nahçıvan Hükümeti bu antlaşmayı Moskova ile onayladı.\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def identities(kb: KnowledgeBase, document: str) -> dict:
    """What a stored document's resolution says: its entities (id, name) and its events' actors."""
    return {
        "entities": sorted((e["id"], e["name"]) for e in kb.entities(document)),
        "events": sorted((e["id"], tuple(sorted(e["actors"]))) for e in kb.events(document_id=document)),
    }


def governments(kb: KnowledgeBase) -> list[tuple[str, str]]:
    return sorted((e["id"], e["name"]) for e in kb.entities() if e["name"].startswith("Nahçıvan"))


def test_a_new_document_does_not_merge_two_entities_stored_before(database_url, tmp_path):
    first, second = write(tmp_path, "a1.txt", MILLI), write(tmp_path, "a2.txt", SOVYET)
    kb = KnowledgeBase(database_url)
    stored = [result.document_id for result in kb.ingest([first, second])]
    before = {document: identities(kb, document) for document in stored}
    established = governments(kb)
    assert [name for _, name in established] == ["Nahçıvan Cumhuriyeti Hükümeti", "Nahçıvan Şura Hükümeti"]
    assert any(actors for document in stored for _, actors in before[document]["events"])

    (bridge,) = kb.ingest([write(tmp_path, "b.txt", BRIDGE)])
    assert {document: identities(kb, document) for document in stored} == before
    assert governments(kb) == established
    # the new document's mentions joined the governments stored before, each where its own links lead
    assert sorted(e["name"] for e in kb.entities(bridge.document_id) if e["name"].startswith("Nahçıvan")) == [
        "Nahçıvan Cumhuriyeti Hükümeti",
        "Nahçıvan Şura Hükümeti",
    ]

    # read all at once, the same three documents make one government of the two
    at_once = KnowledgeBase(str(tmp_path / "at-once.db"))
    at_once.ingest([first, second, tmp_path / "b.txt"])
    assert len(governments(at_once)) == 1
