"""The database the migrations build is the one `store/schema.py` declares, on both databases."""

from __future__ import annotations

from sqlalchemy import inspect

from vakanuvis.store import schema
from vakanuvis.store.database import open_database


def _kind(column_type) -> tuple[str, int | None]:
    """A column type as both databases reflect it: its generic name and its length."""
    try:
        generic = column_type.as_generic()
    except NotImplementedError:  # a type of one database's own (PostgreSQL's JSON)
        generic = column_type
    name = type(generic).__name__
    if name in ("VARCHAR", "String", "Unicode"):
        return "String", getattr(generic, "length", None)
    return {
        "INTEGER": "Integer",
        "TEXT": "Text",
        "DATE": "Date",
        "BOOLEAN": "Boolean",
        "FLOAT": "Float",
        "Double": "Float",
    }.get(name, name), None


def declared(table) -> dict:
    return {
        "columns": {c.name: (_kind(c.type), c.nullable) for c in table.columns},
        "primary key": [c.name for c in table.primary_key.columns],
        "indexes": sorted(tuple(c.name for c in index.columns) for index in table.indexes),
        "unique": sorted((c.name,) for c in table.columns if c.unique and not c.primary_key),
    }


# columns one database keeps for itself beside the declared ones: PostgreSQL's full-text vector
DATABASE_OWN_COLUMNS = {"search_entries": {"vector"}}


def migrated(inspector, name: str) -> dict:
    own = DATABASE_OWN_COLUMNS.get(name, set())
    unique = {tuple(u["column_names"]) for u in inspector.get_unique_constraints(name)}
    indexes = []
    for index in inspector.get_indexes(name):
        columns = tuple(index["column_names"])
        if own & set(columns):
            continue
        if index.get("unique") and len(columns) == 1:
            unique.add(columns)  # SQLite reports a UNIQUE column as a unique index
        else:
            indexes.append(columns)
    return {
        "columns": {
            c["name"]: (_kind(c["type"]), c["nullable"])
            for c in inspector.get_columns(name)
            if c["name"] not in own
        },
        "primary key": inspector.get_pk_constraint(name)["constrained_columns"],
        "indexes": sorted(indexes),
        "unique": sorted(unique),
    }


def test_the_migrated_database_is_the_declared_schema(database_url):
    inspector = inspect(open_database(database_url))
    differences = {
        name: (declared(table), migrated(inspector, name))
        for name, table in schema.metadata.tables.items()
        if declared(table) != migrated(inspector, name)
    }
    assert not differences, differences
