"""Reading and writing rows by many keys at once, in chunks that every database accepts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import Column, Connection, Table, bindparam, delete, or_, select, text, update

from vakanuvis.store.bulk import insert_rows

CHUNK = 500  # keys per IN (...) list
PAIR_CHUNK = 200  # pairs per OR (SQLite parses a chain of them as a tree of that depth)


def replace_records(connection: Connection, table, old_keys: Iterable[str], rows: list[dict]) -> None:
    """Replace the records of `old_keys` and of the new rows' keys by the new rows."""
    for chunk in chunks({*old_keys, *(row["key"] for row in rows)}):
        connection.execute(delete(table).where(table.c.key.in_(chunk)))
    insert_rows(connection, table, rows)


def chunks(keys: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(keys))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]


def rows_with(connection: Connection, table, column, keys: Iterable[str], columns: Sequence | None = None):
    """The rows whose `column` is one of `keys`."""
    for chunk in chunks(keys):
        yield from connection.execute(select(*(columns or [table])).where(column.in_(chunk)))


def rows_with_pairs(
    connection: Connection, first: Column, second: Column, pairs: Iterable[tuple[str, str]], columns
):
    """The rows whose (`first`, `second`) columns are one of `pairs`."""
    for where in _either_pair(first, second, pairs):
        yield from connection.execute(select(*columns).where(where))


def delete_pairs(
    connection: Connection, first: Column, second: Column, pairs: Iterable[tuple[str, str]]
) -> None:
    """Delete the rows whose (`first`, `second`) columns are one of `pairs`."""
    for where in _either_pair(first, second, pairs):
        connection.execute(delete(first.table).where(where))


def _either_pair(first: Column, second: Column, pairs: Iterable[tuple[str, str]]) -> Iterator:
    """Conditions that together select `pairs`: `(a = :a0 AND b = :b0) OR …`, which SQLite looks up in an
    index pair by pair (a row value `IN (VALUES …)` scans the table), PAIR_CHUNK pairs at a time. Written
    as text: SQLAlchemy takes ~70 µs to build each pair's expression."""
    ordered = sorted(set(pairs))
    for start in range(0, len(ordered), PAIR_CHUNK):
        chunk = ordered[start : start + PAIR_CHUNK]
        where = " OR ".join(
            f'("{first.name}" = :a{i} AND "{second.name}" = :b{i})' for i in range(len(chunk))
        )
        values = {
            f"{name}{i}": value for i, (a, b) in enumerate(chunk) for name, value in (("a", a), ("b", b))
        }
        yield text(where).bindparams(**values)


def rows_either(connection: Connection, table, first, second, keys: Iterable[str], columns: Sequence):
    """The rows whose `first` or `second` column is one of `keys`, each once."""
    seen = set()
    for chunk in chunks(keys):
        for row in connection.execute(select(*columns).where(or_(first.in_(chunk), second.in_(chunk)))):
            if tuple(row) not in seen:
                seen.add(tuple(row))
                yield row


# ---------------------------------------------------------------- mentions and citations and their nodes


def write_nodes(connection: Connection, table: Table, placed: list[tuple[str, int, str]]) -> None:
    """Give rows of `table` (mentions or citations), by (document, index), the node key found for them."""
    if placed:
        connection.execute(
            update(table)
            .where(table.c.document_id == bindparam("d"), table.c.idx == bindparam("i"))
            .values(name_key=bindparam("n")),
            [{"d": d, "i": i, "n": key} for d, i, key in placed],
        )


def follow_nodes(
    connection: Connection, table: Table, column: str, node_value: Column, moved: dict[str, str], documents
) -> None:
    """Rows of `table` take their node's value (`node_value`, a column of the node table) in `column`:
    everywhere for the nodes in `moved` (node key → new value), and every row of `documents`."""
    if moved:
        connection.execute(
            update(table).where(table.c.name_key == bindparam("n")).values({column: bindparam("v")}),
            [{"n": node, "v": value} for node, value in sorted(moved.items())],
        )
    nodes = node_value.table
    for chunk in chunks(documents):
        connection.execute(
            update(table)
            .where(table.c.document_id.in_(chunk))
            .values({column: select(node_value).where(nodes.c.key == table.c.name_key).scalar_subquery()})
        )
