"""Reading and writing rows by many keys at once, in chunks that every database accepts."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import Column, Connection, Table, bindparam, delete, or_, select, update

from vakanuvis.store.bulk import insert_rows

CHUNK = 500  # keys per IN (...) list


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
