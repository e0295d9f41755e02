"""Reading and writing rows by many keys at once, in chunks that every database accepts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import Connection, delete, insert, or_, select

CHUNK = 500  # keys per IN (...) list


def replace_records(connection: Connection, table, old_keys: Iterable[str], rows: list[dict]) -> None:
    """Replace the records of `old_keys` and of the new rows' keys by the new rows."""
    for chunk in chunks({*old_keys, *(row["key"] for row in rows)}):
        connection.execute(delete(table).where(table.c.key.in_(chunk)))
    if rows:
        connection.execute(insert(table), rows)


def chunks(keys: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(keys))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def rows_with(connection: Connection, table, column, keys: Iterable[str], columns: Sequence | None = None):
    """The rows whose `column` is one of `keys`."""
    for chunk in chunks(keys):
        yield from connection.execute(select(*(columns or [table])).where(column.in_(chunk)))


def rows_either(connection: Connection, table, first, second, keys: Iterable[str], columns: Sequence):
    """The rows whose `first` or `second` column is one of `keys`, each once."""
    seen = set()
    for chunk in chunks(keys):
        for row in connection.execute(select(*columns).where(or_(first.in_(chunk), second.in_(chunk)))):
            if tuple(row) not in seen:
                seen.add(tuple(row))
                yield row
