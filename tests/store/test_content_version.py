"""The content version (migration 0014) moves on every write that changes what the corpus-wide answers read,
and only then: a kept network, map or entity page is never served for a knowledge base that changed."""

from __future__ import annotations


def test_the_content_version_moves_with_every_change_of_the_knowledge_base(database_url, corpus_generator):
    from vakanuvis.knowledge_base import KnowledgeBase
    from vakanuvis.store.database import open_database
    from vakanuvis.store.documents import content_state

    engine = open_database(database_url)
    seen = [content_state(engine)]

    def moved() -> bool:
        seen.append(content_state(engine))
        return seen[-1] != seen[-2]

    corpus_generator.store_generated_corpus(engine, 3)
    assert moved()
    kb = KnowledgeBase(database_url, engine=engine)
    network = kb.network()
    assert not moved()
    assert kb.network() is network  # kept while nothing changed
    person = next(e for e in kb.entities() if e["type"] == "person")
    edit = kb.rename_entity(person["id"], "Başka Ad")
    assert moved()
    assert kb.network() is not network
    assert kb.entity(person["id"])["name"] == "Başka Ad"
    kb.undo_edit(edit["id"])
    assert moved()
    findings = kb.finding_records()
    if findings:
        kb.review_finding(findings[0]["id"], True)
        assert not moved()  # a review changes no fact
    corpus_generator.store_generated_corpus(engine, 1, start=3)
    assert moved()
    assert len(set(seen)) == len([s for i, s in enumerate(seen) if i == 0 or s != seen[i - 1]])
    engine.dispose()
