"""Many rows into one table at once: on SQLite through the driver's executemany, without SQLAlchemy's
per-row parameter processing (a document brings thousands of rows); elsewhere through SQLAlchemy."""

from __future__ import annotations

import json
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Connection, Date, Table, insert


def insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` (dicts by column name, all alike; a missing column takes its default) into `table`."""
    if not rows:
        return
    if connection.dialect.name != "sqlite":
        connection.execute(insert(table), rows)
        return
    sql, columns, converters, defaults = _layout(table)
    missing = {column: defaults.get(column) for column in columns if column not in rows[0]}
    values = itemgetter(*columns)
    tuples = [values({**missing, **row} if missing else row) for row in rows]
    if len(columns) == 1:
        tuples = [(value,) for value in tuples]
    if converters:
        tuples = [_converted(row, converters) for row in tuples]
    connection.exec_driver_sql(sql, tuples)


def _converted(row: tuple, converters: tuple[tuple[int, Any], ...]) -> tuple:
    values = list(row)
    for index, convert in converters:
        if values[index] is not None or convert is json.dumps:
            values[index] = convert(values[index])
    return tuple(values)


@lru_cache(maxsize=64)
def _layout(table: Table) -> tuple[str, tuple[str, ...], tuple[tuple[int, Any], ...], dict[str, Any]]:
    """The INSERT statement, its columns, how JSON and date values are written, and column defaults."""
    kept = [c for c in table.columns if not (c.primary_key and c.autoincrement is True)]
    columns = tuple(c.name for c in kept)
    converters = tuple(
        (index, json.dumps if isinstance(c.type, JSON) else _iso_date)
        for index, c in enumerate(kept)
        if isinstance(c.type, JSON | Date)
    )
    defaults = {
        c.name: getattr(c.default, "arg", None)
        for c in kept
        if c.default is not None and not callable(getattr(c.default, "arg", None))
    }
    quoted = ", ".join(f'"{name}"' for name in columns)
    sql = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" for _ in columns)})'
    return sql, columns, converters, defaults


def _iso_date(value: Any) -> str:
    return value.isoformat()
