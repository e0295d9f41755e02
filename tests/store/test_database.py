"""The schema migrates on both databases and stores a document atomically."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, inspect, select

from vakanuvis.errors import BadDatabase
from vakanuvis.model import (
    Block,
    DateMention,
    Document,
    EntityMention,
    Event,
    Footnote,
    Marker,
    Sentence,
    Span,
)
from vakanuvis.store import schema
from vakanuvis.store.database import database_url, open_database
from vakanuvis.store.write import document_id_for_sha256, save_document


def small_document(document_id: str = "d1", text: str = "23 Nisan 1920’de Meclis açıldı.") -> Document:
    date_span = Span(0, 16)
    mention = DateMention(date_span, text[0:16], "1920-04-23", date(1920, 4, 23), date(1920, 4, 23))
    return Document(
        id=document_id,
        path="/x.txt",
        sha256=document_id * 8,
        title="T",
        pages=1,
        text=text,
        blocks=[Block(Span(0, len(text)), 1)],
        sentences=[Sentence(Span(0, len(text)), 1, 0)],
        markers=[Marker(1, len(text), 1, 0)],
        footnotes=[Footnote(1, "Kaynak, s. 1.", 1, [1])],
        page_starts=[(0, 1)],
        dates=[mention],
        mentions=[EntityMention(Span(17, 23), "Meclis", "Meclis", "organization", "org:meclis")],
        events=[Event(mention, 0, footnotes=[1])],
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("kb.db", "sqlite:///kb.db"),
        ("postgresql://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///:memory:", "sqlite:///:memory:"),
    ],
)
def test_database_url(given, expected):
    assert database_url(given) == expected


def test_database_url_default_from_environment(monkeypatch):
    monkeypatch.setenv("VAKANUVIS_DB", "/tmp/from-env.db")
    assert database_url(None) == "sqlite:////tmp/from-env.db"


def test_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(BadDatabase, match="does not exist"):
        open_database(str(tmp_path / "nope" / "kb.db"))


def test_migrations_create_every_table_and_are_recorded(database_url):
    engine = open_database(database_url)
    names = set(inspect(engine).get_table_names())
    assert set(schema.metadata.tables) <= names
    assert "alembic_version" in names
    open_database(database_url)  # a second open is a no-op, not an error


def test_save_and_replace_document(database_url):
    engine = open_database(database_url)
    save_document(engine, small_document())
    assert document_id_for_sha256(engine, "d1" * 8) == "d1"
    save_document(engine, small_document())  # replacing keeps one copy of every row
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(schema.documents)).scalar() == 1
        assert connection.execute(select(func.count()).select_from(schema.events)).scalar() == 1
        assert connection.execute(select(schema.dates.c.earliest)).scalar() == date(1920, 4, 23)


def test_failed_save_leaves_previous_document_intact(database_url):
    engine = open_database(database_url)
    save_document(engine, small_document())
    broken = small_document()
    broken.events = [Event(DateMention(Span(0, 1), "x", "1920", date(1920, 1, 1), date(1920, 12, 31)), 0)]
    with pytest.raises(KeyError):  # the event's date is not among the document's dates
        save_document(engine, broken)
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(schema.events)).scalar() == 1
        assert connection.execute(select(schema.documents.c.text)).scalar() == small_document().text
