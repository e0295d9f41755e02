"""Incremental resolution: resolving document by document, in any order, with documents replaced on the
way, gives the same entities and works as resolving the whole corpus at once (and as the in-memory
resolution of the same documents)."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.resolve.entities import resolve_entities
from vakanuvis.resolve.sources import merge_sources
from vakanuvis.store import schema
from vakanuvis.store.graph_store import entity_row, source_row
from vakanuvis.store.resolution import resolve_corpus

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def articles(tmp_path_factory, scale_corpus) -> list[Path]:
    """Generated articles that share people, places and works (no PDF, for speed), the sample article,
    and the demo article, which names some of the same people."""
    folder = tmp_path_factory.mktemp("articles")
    text_articles = [i for i in range(14) if scale_corpus.article_format(i, 1920)[0] != "pdf"]
    for index in text_articles[:8]:
        scale_corpus.write_article(folder, index)
    shutil.copy(REPO.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt", folder)
    shutil.copy(REPO / "src" / "vakanuvis" / "samples" / "lozan-musul-ornek.txt", folder)
    return sorted(folder.iterdir())


def contents(kb: KnowledgeBase) -> dict:
    """Everything resolution writes, in a comparable form."""
    with kb.engine.connect() as connection:

        def rows(table, *columns):
            return sorted(tuple(map(repr, row)) for row in connection.execute(select(*columns or [table])))

        found = {
            "entities": rows(schema.entities),
            "sources": rows(schema.sources),
            "mentions": rows(
                None, schema.mentions.c.document_id, schema.mentions.c.idx, schema.mentions.c.entity_key
            ),
            "citations": rows(
                None, schema.citations.c.document_id, schema.citations.c.idx, schema.citations.c.source_key
            ),
            "search": rows(
                None, schema.search_entries.c.kind, schema.search_entries.c.ref, schema.search_entries.c.text
            ),
            # the blocks of the graph of works: what later documents are compared with
            "work blocks": rows(schema.work_blocks),
            "work block groups": rows(schema.work_block_groups),
            "work links": rows(schema.work_links),
        }
        m = schema.mentions
        spanning = spanning_key_names(connection.execute(select(m.c.entity_key, m.c.document_id)))
        if spanning:
            pattern = re.compile("|".join(re.escape(k) for k in sorted(spanning, key=len, reverse=True)))
            for part, texts in found.items():
                found[part] = sorted(
                    tuple(pattern.sub(lambda hit: spanning[hit.group()], text) for text in row)
                    for row in texts
                )
        return found


def test_document_by_document_in_any_order_equals_all_at_once(database_url, tmp_path, articles):
    at_once = KnowledgeBase(str(tmp_path / "at-once.db"))
    at_once.ingest(articles)
    expected = contents(at_once)
    assert len(expected["entities"]) > 100 and len(expected["sources"]) > 30

    one_by_one = KnowledgeBase(database_url)
    order = list(articles)
    random.Random(7).shuffle(order)
    for start in range(0, len(order), 3):  # batches of three, in another order
        one_by_one.ingest(order[start : start + 3])
    assert contents(one_by_one) == expected

    # a document analysed again (same content) takes back what it contributed before adding it anew
    one_by_one.ingest([order[0], order[-1]], force=True)
    assert contents(one_by_one) == expected
    # and the whole corpus resolved again from nothing agrees too
    resolve_corpus(one_by_one.engine)
    assert contents(one_by_one) == expected


def test_a_replaced_document_takes_its_names_and_works_away(tmp_path, articles):
    """A document whose new version lacks a name: the name's entity loses those mentions or vanishes."""
    folder = tmp_path / "changing"
    folder.mkdir()
    sample = next(p for p in articles if p.name.startswith("sutad"))
    target = folder / "article.txt"
    text = sample.read_text(encoding="utf-8")
    target.write_text(text, encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    kb.ingest([target])
    before = {e["id"]: e for e in kb.entities()}
    # the same file, half of it gone (a new document id: the old one stays, as for any other file)
    target.write_text(text[: len(text) // 2], encoding="utf-8")
    kb.ingest([target])
    fresh = KnowledgeBase(str(tmp_path / "fresh.db"))
    fresh.ingest([sample])
    fresh.ingest([target])
    assert contents(kb) == contents(fresh)
    after = {e["id"]: e for e in kb.entities()}
    assert set(before) <= set(after)


def spanning_key_names(keys_and_documents) -> dict[str, str]:
    """A person known by a short name in several documents is keyed by the document resolved first, which
    the order decides (a stored key never changes): each such key named by the documents it spans."""
    documents_of: dict[str, set[str]] = {}
    for key, document in keys_and_documents:
        if key and "@" in key:
            documents_of.setdefault(key, set()).add(document)
    return {k: k.split("@")[0] + "@" + "+".join(sorted(d)) for k, d in documents_of.items() if len(d) > 1}


def test_the_store_agrees_with_the_in_memory_resolution(tmp_path, articles):
    """The engine on the database, document batch by batch, and on dicts, all at once (resolve_entities,
    merge_sources): the same entities and works, and every mention and citation in the same one (a key
    that the order of resolution decides compared as the documents it spans)."""
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    order = list(articles)
    random.Random(3).shuffle(order)
    for start in range(0, len(order), 4):
        kb.ingest(order[start : start + 4])
    documents = kb.load_documents()
    mentions = {d.id: [m for m in d.mentions] for d in documents}
    stored_names = spanning_key_names((m.entity_key, d.id) for d in documents for m in d.mentions)
    stored_entity_keys = {
        (d.id, i): stored_names.get(m.entity_key, m.entity_key)
        for d in documents
        for i, m in enumerate(d.mentions)
    }
    for mention in (m for ms in mentions.values() for m in ms):
        mention.entity_key = ""
    entities = resolve_entities(mentions)
    memory_names = spanning_key_names((m.entity_key, d) for d, ms in mentions.items() for m in ms)
    assert {
        (d, i): memory_names.get(m.entity_key, m.entity_key)
        for d, ms in mentions.items()
        for i, m in enumerate(ms)
    } == stored_entity_keys
    assert sorted(memory_names.get(e.key, e.key) for e in entities) == sorted(
        stored_names.get(e["id"], e["id"]) for e in kb.entities()
    )
    citations = [(d.id, c) for d in documents for c in d.citations]
    stored_source_keys = [c.source_key for _, c in citations]
    for _, citation in citations:
        citation.source_key = ""
    sources = merge_sources(citations)
    assert [c.source_key for _, c in citations] == stored_source_keys
    with kb.engine.connect() as connection:
        stored_entities = {
            stored_names.get(row.key, row.key): {**row._asdict(), "key": stored_names.get(row.key, row.key)}
            for row in connection.execute(select(schema.entities))
        }
        stored_sources = {row.key: row._asdict() for row in connection.execute(select(schema.sources))}
    assert {
        memory_names.get(e.key, e.key): {**entity_row(e), "key": memory_names.get(e.key, e.key)}
        for e in entities
    } == stored_entities
    assert {s.key: source_row(s) for s in sources} == stored_sources


def test_an_entity_stored_earlier_keeps_its_key_and_name_when_a_later_document_names_it_fuller(
    database_url, tmp_path
):
    """A later document shows that 'Azerbaycan Hükümeti' is short for 'Azerbaycan Cumhuriyeti Hükümeti': its
    mentions join the entity the first document established, which keeps its key and name (issue 22: a new
    document never changes an entity's identity); read at once, the two take the fuller name."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(
        "Azerbaycan Hükümeti 12 Mart 1921 tarihinde Bakü şehrinde bir karar aldı. "
        "Bu kararı Azerbaycan Hükümeti uyguladı.\n",
        encoding="utf-8",
    )
    second.write_text(
        "Azerbaycan Cumhuriyeti Hükümeti 3 Nisan 1921 tarihinde Gence şehrinde toplandı. "
        "Azerbaycan Hükümeti bu toplantıda yeni bir karar aldı.\n",
        encoding="utf-8",
    )
    kb = KnowledgeBase(database_url)
    (stored,) = kb.ingest([first])
    (established,) = [e for e in kb.entities(stored.document_id) if e["type"] == "organization"]
    assert established["name"] == "Azerbaycan Hükümeti"
    (later,) = kb.ingest([second])
    government = [e for e in kb.entities(stored.document_id) if e["type"] == "organization"]
    assert [(e["id"], e["name"], e["mentions"]) for e in government] == [
        (established["id"], "Azerbaycan Hükümeti", 2)
    ]
    assert [e["id"] for e in kb.entities(later.document_id) if e["type"] == "organization"] == [
        established["id"]
    ]
    corpus_wide = {e["name"]: e for e in kb.entities()}
    assert corpus_wide["Azerbaycan Hükümeti"]["mentions"] == 4
    assert "Azerbaycan Cumhuriyeti Hükümeti" in kb.entity(established["id"])["aliases"]
    assert "Azerbaycan Cumhuriyeti Hükümeti" not in corpus_wide
    at_once = KnowledgeBase(str(tmp_path / "at-once.db"))
    at_once.ingest([first, second])
    assert [(e["name"], e["mentions"]) for e in at_once.entities() if e["type"] == "organization"] == [
        ("Azerbaycan Cumhuriyeti Hükümeti", 4)
    ]


def test_a_knowledge_base_stored_before_the_graphs_is_resolved_into_them(database_url, tmp_path, articles):
    """Migration 0003 on a knowledge base of schema 0002: its next ingest resolves every document into the
    graphs, replacing the entities and works resolved before, as if the corpus were ingested anew."""
    from alembic import command

    from vakanuvis.store.database import _migrations_config, open_database

    chosen = articles[:4]
    at_once = KnowledgeBase(str(tmp_path / "at-once.db"))
    at_once.ingest(chosen)
    old = KnowledgeBase(database_url)
    old.ingest(chosen)
    with old.engine.begin() as connection:
        config = _migrations_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
        # what an older resolution may have left: other keys, and a work nobody cites any more
        connection.execute(schema.mentions.update().values(entity_key="person:old"))
        connection.execute(
            schema.sources.insert().values(key="src-stale", type="book", authors=[], title="Eski")
        )
    old.engine.dispose()
    upgraded = KnowledgeBase(database_url, engine=open_database(database_url))
    results = upgraded.ingest(chosen)
    assert not any(r.stored for r in results)
    assert contents(upgraded) == contents(at_once)


def test_a_changed_authority_file_resolves_the_knowledge_base_again(tmp_path, demo_article, monkeypatch):
    """Entities resolved before the user's authority file named a thing take its key at the next resolution,
    by `vakanuvis resolve` or by the next ingest, though no document changed."""
    from typer.testing import CliRunner

    from vakanuvis.cli import app

    db = str(tmp_path / "kb.db")
    kb = KnowledgeBase(db)
    kb.ingest([demo_article])
    assert "place:musul" in {e["id"] for e in kb.entities()}
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "- name: Mosul\n  type: place\n  aliases: [Musul, Mousul]\n  wikidata: Q209091\n", encoding="utf-8"
    )
    monkeypatch.setenv("VAKANUVIS_AUTHORITY", str(mine))
    result = CliRunner().invoke(app, ["resolve", "--db", db])
    assert result.exit_code == 0, result.output
    entities = {e["id"]: e for e in KnowledgeBase(db).entities()}
    assert "place:musul" not in entities and entities["Q209091"]["name"] == "Mosul"
    # back to the shipped authority: the next ingest (of nothing new) resolves again by itself
    monkeypatch.delenv("VAKANUVIS_AUTHORITY")
    KnowledgeBase(db).ingest([demo_article])
    assert "place:musul" in {e["id"] for e in KnowledgeBase(db).entities()}


def test_upgrading_from_0003_gives_work_blocks_their_groups(database_url, tmp_path, articles):
    """Migrations 0004 and 0005 fill a resolved knowledge base's work blocks (groups of one surname and
    title, their members with hard fields) from its work nodes, so that later documents find the same
    candidates as in a knowledge base built at the head revision."""
    from alembic import command

    from vakanuvis.store.database import _migrations_config, open_database

    kb = KnowledgeBase(database_url)
    kb.ingest(articles[:3])

    def blocks() -> list[tuple]:
        with kb.engine.connect() as connection:
            members, groups = schema.work_blocks, schema.work_block_groups
            rows = connection.execute(
                select(members.c.block, members.c.signature, members.c.key, members.c.hard)
            )
            group_rows = connection.execute(select(groups))
            return sorted(tuple(map(str, row)) for row in [*rows, *group_rows])

    built = blocks()
    assert sum(1 for row in built if len(row) == 4 and "year" in row[3]) >= 5
    assert sum(1 for row in built if len(row) == 6 and row[2]) >= 5  # groups with a surname
    with kb.engine.begin() as connection:
        config = _migrations_config()
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    kb.engine.dispose()
    kb = KnowledgeBase(database_url, engine=open_database(database_url))
    assert blocks() == built
    later = KnowledgeBase(str(tmp_path / "at-once.db"))
    later.ingest(articles[:4])
    assert not any(r.stored for r in kb.ingest(articles[:3])) and any(
        r.stored for r in kb.ingest(articles[:4])
    )
    assert contents(kb) == contents(later)


def test_a_document_stored_again_with_fewer_citations_lets_their_works_go(database_url, tmp_path, articles):
    """A document analysed again under its id (say by a newer citation parser) that cites less: the work
    nodes only it cited die, their blocks' groups lose them or go, as if the old version had never been."""
    from dataclasses import replace

    from vakanuvis.ingest import read_file
    from vakanuvis.pipeline import analyse
    from vakanuvis.store.resolution import resolve_pending
    from vakanuvis.store.write import save_document

    sample = next(p for p in articles if p.name.startswith("sutad"))
    others = [p for p in articles if p != sample][:3]
    document = analyse(read_file(sample))
    shorter = replace(document, citations=document.citations[: len(document.citations) // 3])
    kb = KnowledgeBase(database_url)
    kb.ingest(others)
    save_document(kb.engine, document)
    resolve_pending(kb.engine)
    before = contents(kb)
    save_document(kb.engine, shorter)
    resolve_pending(kb.engine)
    fresh = KnowledgeBase(str(tmp_path / "fresh.db"))
    fresh.ingest(others)
    save_document(fresh.engine, shorter)
    resolve_pending(fresh.engine)
    after = contents(kb)
    assert after == contents(fresh)
    assert len(after["work block groups"]) < len(before["work block groups"])
    assert len(after["work blocks"]) < len(before["work blocks"])
