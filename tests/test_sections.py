"""A big text is analysed and stored in sections (issue 22): each section as the text it is would be on its
own, moved to where it stands in the whole; a text of one section exactly as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from vakanuvis import sections
from vakanuvis.ingest import read_file
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.model import Document
from vakanuvis.pipeline import analyse
from vakanuvis.store import schema


def test_a_text_of_one_section_is_analysed_whole(sample_article):
    raw = read_file(sample_article)
    assert sections.raw_characters(raw.pages) <= sections.SECTION_CHARACTERS
    found = sections.sectioned(raw)
    assert isinstance(found, Document)
    assert found == analyse(read_file(sample_article))


def _rows(engine, table, document_id: str) -> list[dict]:
    with engine.connect() as connection:
        query = select(table).where(table.c.document_id == document_id)
        return [dict(row._mapping) for row in connection.execute(query)]


def _moved(row: dict, by: int, columns=("start", "end", "offset")) -> dict:
    """`row` without its document and index, its body offsets `by` characters back."""
    kept = {k: v for k, v in row.items() if k not in ("document_id", "idx")}
    if kept.get("footnote") is None:
        for column in columns:
            if column in kept:
                kept[column] -= by
    return kept


@pytest.fixture
def twice(sample_article, tmp_path, monkeypatch) -> tuple[Path, int]:
    """The sample article twice in one text, and a section size that cuts it between the two copies."""
    once = sample_article.read_text(encoding="utf-8")
    path = tmp_path / "twice.txt"
    path.write_text(once + "\n\n" + once, encoding="utf-8")
    single = tmp_path / "once.txt"
    single.write_text(once, encoding="utf-8")
    monkeypatch.setattr(sections, "SECTION_CHARACTERS", sections.raw_characters(read_file(single).pages))
    return path, len(analyse(read_file(single)).text)


def test_a_big_text_is_stored_in_sections_each_as_on_its_own(database_url, twice):
    path, length = twice
    kb = KnowledgeBase(database_url)
    [result] = kb.ingest([path])
    assert result.stored, result.error
    document_id = result.document_id
    with kb.engine.connect() as connection:
        text = connection.execute(
            select(schema.documents.c.text).where(schema.documents.c.id == document_id)
        ).scalar_one()
    start = length + len(sections.SEPARATOR)  # where the second copy's text begins
    assert text[:length] == text[start:]

    # every span is the text it stands for, in the whole document's text
    sentences = sorted(_rows(kb.engine, schema.sentences, document_id), key=lambda r: r["idx"])
    assert all(text[r["start"] : r["end"]] == r["text"] for r in sentences)
    mentions = sorted(_rows(kb.engine, schema.mentions, document_id), key=lambda r: r["idx"])
    assert mentions and all(text[r["start"] : r["end"]] == r["text"] for r in mentions)
    dates = sorted(_rows(kb.engine, schema.dates, document_id), key=lambda r: r["idx"])
    assert all(text[r["start"] : r["end"]] == r["text"] for r in dates if r["footnote"] is None)

    # the second copy is annotated as the first: the same records, moved by the first copy's text
    for table, records in ((schema.sentences, sentences), (schema.mentions, mentions), (schema.dates, dates)):
        body = [r for r in records if r.get("footnote") is None]
        first = [_moved(r, 0) for r in body if r["start"] < length]
        second = [_moved(r, start) for r in body if r["start"] >= start]
        if table is schema.sentences:  # a sentence's block follows those of the first copy
            blocks = len([b for b in _rows(kb.engine, schema.blocks, document_id) if b["start"] < length])
            second = [{**r, "block": r["block"] - blocks} for r in second]
        assert first and second == first, table.name

    # events point at their own copy's sentences and mentions
    events = sorted(_rows(kb.engine, schema.events, document_id), key=lambda r: r["idx"])
    roles = _rows(kb.engine, schema.event_roles, document_id)
    assert events and len(events) % 2 == 0
    half = len(events) // 2
    first_sentences = len([s for s in sentences if s["start"] < length])
    first_mentions = len([m for m in mentions if m["start"] < length])
    assert [e["sentence"] for e in events[half:]] == [e["sentence"] + first_sentences for e in events[:half]]
    for role in roles:
        mention = mentions[role["mention_idx"]]
        sentence = sentences[events[role["event_idx"]]["sentence"]]
        assert (mention["start"] >= start) == (sentence["start"] >= start)
    assert sorted(r["mention_idx"] for r in roles if r["event_idx"] >= half) == sorted(
        r["mention_idx"] + first_mentions for r in roles if r["event_idx"] < half
    )

    # a footnote number the second copy gives again keeps the first footnote; pages are stored once
    numbers = [r["number"] for r in _rows(kb.engine, schema.footnotes, document_id)]
    assert len(numbers) == len(set(numbers))
    pages = [r["page"] for r in _rows(kb.engine, schema.page_starts, document_id)]
    assert len(pages) == len(set(pages))

    # the whole document is found by its words in either copy, and resolved
    hits = kb.search("Nahçıvan", limit=50)
    found = {hit["start"] for hit in hits if hit["document"] == document_id and hit["kind"] == "sentence"}
    assert any(at < length for at in found) and any(at >= start for at in found)
    assert kb.entities(document_id)


def test_a_big_text_analysed_again_replaces_its_sections(database_url, twice):
    path, _ = twice
    kb = KnowledgeBase(database_url)
    [first] = kb.ingest([path])
    stored = {t.name: _rows(kb.engine, t, first.document_id) for t in (schema.mentions, schema.sentences)}
    [again] = kb.ingest([path], force=True)
    assert first.stored and again.stored and again.document_id == first.document_id
    for table in (schema.mentions, schema.sentences):
        rows = _rows(kb.engine, table, again.document_id)
        key = lambda r: r["idx"]  # noqa: E731
        assert sorted(rows, key=key) == sorted(stored[table.name], key=key)
        assert len(rows) > 100


def test_a_big_text_without_line_breaks_is_cut_into_sections_at_paragraph_ends(
    sample_article, tmp_path, monkeypatch
):
    flat = " ".join(sample_article.read_text(encoding="utf-8").split())
    path = tmp_path / "flat.txt"
    path.write_text(flat, encoding="utf-8")
    monkeypatch.setattr(sections, "SECTION_CHARACTERS", len(flat) // 3)
    parts = sections.long_line_parts(flat)
    assert len(parts) >= 3 and "".join(parts) == flat
    analysed: list[int] = []
    real = sections.analyse_like
    monkeypatch.setattr(sections, "analyse_like", lambda raw, *rest: analysed.append(1) or real(raw, *rest))
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    [result] = kb.ingest([path])
    assert result.stored, result.error
    assert len(analysed) == len(parts) - 1
    with kb.engine.connect() as connection:
        text = connection.execute(
            select(schema.documents.c.text).where(schema.documents.c.id == result.document_id)
        ).scalar_one()
    # the text analysed at once differs in whitespace, and in the markers of footnotes a later section
    # holds (a section sees only its own footnotes: they stay in its text as the digits they are)
    whole = analyse(read_file(path)).text
    assert " ".join(text.split()) != " ".join(whole.split())
    assert re.sub(r"\s+|\d", "", text) == re.sub(r"\s+|\d", "", whole)
    sentences = _rows(kb.engine, schema.sentences, result.document_id)
    assert len(sentences) > 100 and all(text[r["start"] : r["end"]] == r["text"] for r in sentences)
    mentions = _rows(kb.engine, schema.mentions, result.document_id)
    assert mentions and all(text[r["start"] : r["end"]] == r["text"] for r in mentions)
