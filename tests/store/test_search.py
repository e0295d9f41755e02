"""Full-text search: Turkish suffixes, accents and case need not match; both databases answer alike."""

from __future__ import annotations

from datetime import date

import pytest

from vakanuvis.lang.folds import fold_for_search
from vakanuvis.model import Block, DateMention, Document, Footnote, Marker, Sentence, Span
from vakanuvis.store.database import open_database
from vakanuvis.store.edits import refresh_after_resolution
from vakanuvis.store.search import index_terms, query_prefixes, search_knowledge_base
from vakanuvis.store.write import save_document

SENTENCES = [
    "Nahçıvan’ın statüsü 1921’de Moskova’da görüşüldü.",
    "Türk heyeti Batum meselesini yeniden gündeme getirdi.",
    "İSTANBUL hükümeti bu gelişmeleri kaygıyla izledi.",
    "Irak sınırı ise Lozan’da çözülemedi.",
    "Kâzım Karabekir Kars’a girdi.",
]
FOOTNOTE = "Документы внешней политики СССР, т. 3, Москва, 1959, стр. 675."


def article(document_id: str = "a1", sentences: list[str] = SENTENCES) -> Document:
    text, spans = "", []
    for sentence in sentences:
        start = len(text)
        text += sentence + " "
        spans.append(Span(start, start + len(sentence)))
    day = DateMention(Span(0, 1), "1921", "1921", date(1921, 1, 1), date(1921, 12, 31))
    return Document(
        id=document_id,
        path=f"/{document_id}.txt",
        sha256=document_id.ljust(64, "0"),
        title="T",
        text=text,
        blocks=[Block(Span(0, len(text)), 1)],
        sentences=[Sentence(span, 1, 0) for span in spans],
        markers=[Marker(1, spans[0].end, 1, 0)],
        footnotes=[Footnote(1, FOOTNOTE, 1, [1])],
        page_starts=[(0, 1)],
        dates=[day],
    )


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("Nahçıvan", "nahcivan"),
        ("İSTANBUL", "istanbul"),
        ("IRAK", "irak"),
        ("Kâzım", "kazim"),
        ("Şuşa", "susa"),
    ],
)
def test_fold(word, folded):
    assert fold_for_search(word) == folded


def test_apostrophe_suffix_is_cut_and_stems_indexed():
    terms = index_terms("Nahçıvan’ın meselesini").split()
    assert "nahcivan" in terms
    assert "nahcivanin" not in terms
    assert any(term.startswith("mesele") and term != "meselesini" for term in terms)


@pytest.mark.parametrize(
    ("query", "groups"),
    [
        ("Nahçıvan meselesi", [("nahciva*", "nahcivan*"), ("meseles*", "meselesi*")]),
        ("a* OR NEAR(", [("a",), ("or",), ("near*",)]),
        ("\"'", []),
        ("<script>alert(1)</script>", [("script*",), ("alert*",), ("1",), ("script*",)]),
    ],
)
def test_query_prefixes_keep_only_word_characters(query, groups):
    assert query_prefixes(query) == groups


@pytest.mark.parametrize(
    ("query", "expected_kind", "expected_text"),
    [
        ("Nahçıvan", "sentence", "Nahçıvan’ın statüsü"),  # apostrophe suffix in the text
        ("Nahcivan", "sentence", "Nahçıvan’ın statüsü"),  # typed on an English keyboard
        ("NAHÇIVAN", "sentence", "Nahçıvan’ın statüsü"),
        ("Batum meselesi", "sentence", "Batum meselesini"),  # the text has more suffixes
        ("meselesinin", "sentence", "Batum meselesini"),  # the query has more suffixes
        ("istanbul", "sentence", "İSTANBUL hükümeti"),  # dotted capital İ
        ("ırak", "sentence", "Irak sınırı"),  # dotless capital I
        ("Kazim Karabekir", "sentence", "Kâzım Karabekir"),  # circumflex and dotless ı
        ("Lozan", "sentence", "Lozan’da"),
        ("внешней политики", "footnote", "Документы внешней"),  # Cyrillic in a footnote
        ("стр. 675", "footnote", "стр. 675"),
    ],
)
def test_search_finds_turkish_forms(database_url, query, expected_kind, expected_text):
    engine = open_database(database_url)
    save_document(engine, article())
    hits = search_knowledge_base(engine, query)
    assert hits, f"nothing found for {query!r}"
    assert hits[0]["kind"] == expected_kind
    assert expected_text in hits[0]["text"]
    assert hits[0]["document"] == "a1"


@pytest.mark.parametrize(
    "query",
    ["Erzurum", "zzzz", "", "   ", "'; DROP TABLE documents; --", "<b>", '"', "q", "NEAR(", "*"],
)
def test_search_without_hits_or_with_odd_input_is_empty_not_an_error(database_url, query):
    engine = open_database(database_url)
    save_document(engine, article())
    assert search_knowledge_base(engine, query) == []
    assert search_knowledge_base(engine, "Nahçıvan")  # nothing was dropped


def test_hit_spans_point_into_the_stored_text(database_url):
    engine = open_database(database_url)
    document = article()
    save_document(engine, document)
    for hit in search_knowledge_base(engine, "Kars", limit=50):
        if hit["kind"] == "sentence":
            assert document.text[hit["start"] : hit["end"]] == hit["text"]
        if hit["kind"] == "footnote":
            assert hit["footnote"] == 1 and hit["text"] == FOOTNOTE


def test_hits_with_every_word_come_before_hits_with_some(database_url):
    engine = open_database(database_url)
    save_document(engine, article())
    hits = search_knowledge_base(engine, "Batum Lozan Kars")
    assert {hit["text"][:5] for hit in hits} >= {"Türk ", "Irak ", "Kâzım"}
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)


def test_replacing_a_document_replaces_its_index(database_url):
    engine = open_database(database_url)
    save_document(engine, article())
    save_document(engine, article(sentences=["Ermenistan ile barış yapıldı."]))
    assert search_knowledge_base(engine, "Nahçıvan") == []
    assert len([h for h in search_knowledge_base(engine, "Ermenistan") if h["kind"] == "sentence"]) == 1


def test_entities_and_sources_are_indexed_after_resolution(database_url, corpus_generator):
    engine = open_database(database_url)
    corpus_generator.store_generated_corpus(engine, 3)
    hits = search_knowledge_base(engine, "Orconikidze")
    assert hits[0]["kind"] == "entity" and hits[0]["text"] == "Sergo Orconikidze"
    assert hits[0]["document"] is None
    refresh_after_resolution(engine)  # re-indexing does not duplicate
    assert (
        len([h for h in search_knowledge_base(engine, "Orconikidze", limit=100) if h["kind"] == "entity"])
        == 1
    )


def test_limit_is_respected(database_url, corpus_generator):
    engine = open_database(database_url)
    corpus_generator.store_generated_corpus(engine, 5)
    assert len(search_knowledge_base(engine, "tarihinde", limit=7)) == 7


def test_upgrading_an_older_knowledge_base_indexes_what_it_holds(database_url):
    from alembic import command

    from vakanuvis.store.database import _migrations_config, migrate

    engine = open_database(database_url)
    save_document(engine, article())
    config = _migrations_config()
    with engine.begin() as connection:  # back to the schema before search existed
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    migrate(engine)
    assert search_knowledge_base(engine, "Nahcivan")[0]["document"] == "a1"


def _fts_matches_its_entries(engine) -> None:
    """FTS5's own check that the index holds exactly the terms of search_entries (raises if not)."""
    with engine.begin() as connection:
        connection.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")


def test_sqlite_index_follows_inserts_replacements_and_reindexing(tmp_path, corpus_generator):
    import sqlalchemy

    engine = open_database(f"sqlite:///{tmp_path / 'kb.db'}")
    corpus_generator.store_generated_corpus(engine, 3)
    save_document(engine, article())
    save_document(engine, article(sentences=["Ermenistan ile barış yapıldı."]))
    refresh_after_resolution(engine)
    _fts_matches_its_entries(engine)
    with engine.begin() as connection:  # a row indexed twice, or left out, is what the check catches
        connection.exec_driver_sql("INSERT INTO search_fts(rowid, terms) VALUES (1, 'fazladan')")
    with pytest.raises(sqlalchemy.exc.DatabaseError):
        _fts_matches_its_entries(engine)


def test_upgrading_from_the_insert_trigger_does_not_index_twice(tmp_path):
    from alembic import command

    from vakanuvis.store.database import _migrations_config, migrate

    engine = open_database(f"sqlite:///{tmp_path / 'kb.db'}")
    config = _migrations_config()
    with engine.begin() as connection:  # the schema that indexed through a trigger, and a row it indexed
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
        connection.exec_driver_sql(
            "INSERT INTO search_entries(kind, ref, text, terms) VALUES ('entity', 'e1', 'Batum', 'batum')"
        )
    migrate(engine)
    save_document(engine, article("a2"))
    _fts_matches_its_entries(engine)
    assert any(hit["document"] == "a2" for hit in search_knowledge_base(engine, "Batum"))
