"""Migration 0007: the dates stored before it had an open end or a part of a period in their value
("1920-03-16/..", "1922-01~/1922-03~"); after it the value is what the expression names, with a modifier and
an extent. Going back writes the old values again, and coming up again gives what was stored."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import select
from tests.store.test_database import small_document

from vakanuvis.model import DateMention, Event, Span
from vakanuvis.store import schema
from vakanuvis.store.database import _migrations_config, open_database
from vakanuvis.store.write import save_document

DAY = date(1920, 3, 16)
# value, modifier, extent, bounds at revision 0007 -> value and bounds as revision 0006 stored them
CASES = [
    (("1920-03-16", "from", "1920-03-16/..", DAY, DAY), ("1920-03-16/..", DAY, date.max)),
    (
        ("1921-02", "until", "../1921-02", date(1921, 2, 1), date(1921, 2, 28)),
        ("../1921-02", date.min, date(1921, 2, 28)),
    ),
    (
        ("1922", "beginning", "1922-01~/1922-03~", date(1922, 1, 1), date(1922, 3, 31)),
        ("1922-01~/1922-03~", date(1922, 1, 1), date(1922, 3, 31)),
    ),
    (
        ("1920-02", "end", "1920-02-21~/1920-02-29~", date(1920, 2, 21), date(1920, 2, 29)),
        ("1920-02-21~/1920-02-29~", date(1920, 2, 21), date(1920, 2, 29)),
    ),
    # what no revision changes: a half (an exact interval), a range of two written ends, a day, no year
    (
        ("1919-07/1919-12", "", "", date(1919, 7, 1), date(1919, 12, 31)),
        ("1919-07/1919-12", date(1919, 7, 1), date(1919, 12, 31)),
    ),
    (
        ("1920-04-23", "", "", date(1920, 4, 23), date(1920, 4, 23)),
        ("1920-04-23", date(1920, 4, 23), date(1920, 4, 23)),
    ),
    (("XXXX-03-16", "", "", date.min, date.max), ("XXXX-03-16", date.min, date.max)),
]


def stored(engine, *, with_modifiers: bool = True) -> tuple[list[tuple], list[tuple]]:
    d, e = schema.dates, schema.events
    columns = [d.c.edtf, d.c.modifier, d.c.extent] if with_modifiers else [d.c.edtf]
    with engine.connect() as connection:
        dates = connection.execute(select(*columns, d.c.earliest, d.c.latest).order_by(d.c.idx)).all()
        events = connection.execute(select(e.c.edtf, e.c.earliest, e.c.latest).order_by(e.c.idx)).all()
    return [tuple(row) for row in dates], [tuple(row) for row in events]


def test_downgrade_writes_the_old_values_and_upgrade_reads_them_back(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 'kb.db'}")
    document = small_document()
    document.dates = [
        DateMention(
            Span(0, 16), document.text[0:16], value, earliest, latest, modifier=modifier, extent=extent
        )
        for (value, modifier, extent, earliest, latest), _ in CASES
    ]
    document.events = [Event(mention, 0) for mention in document.dates]
    save_document(engine, document)
    now = stored(engine)
    assert now[0] == [new for new, _ in CASES]

    config = _migrations_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006")
    dates, events = stored(engine, with_modifiers=False)
    assert dates == events == [old for _, old in CASES]

    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    assert stored(engine) == now
