"""A new database made from the declared schema in one go (`fresh_schema`) is the one the migrations make,
on both databases: every table's columns, types, defaults, keys, indexes and constraints, the search
structures each database keeps beside them (SQLite's FTS5 table and triggers, PostgreSQL's tsvector
column, GIN index and extension) and the revision recorded."""

from __future__ import annotations

import re
from pathlib import Path

from alembic import command
from sqlalchemy import Engine, create_engine, inspect

from vakanuvis.store.database import _migrations_config, head_revision, open_database


def _sql(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").replace("( ", "(").replace(" )", ")").strip()


def snapshot(engine: Engine) -> dict:
    """Everything a database's catalogue says about its schema, in a form two databases compare in."""
    with engine.connect() as connection:
        inspector = inspect(connection)
        tables = {}
        for name in sorted(inspector.get_table_names()):
            tables[name] = {
                # by name: migrations add columns at the end, the declared schema puts them where they belong
                "columns": sorted(
                    (c["name"], str(c["type"]), c["nullable"], _sql(str(c.get("default"))))
                    for c in inspector.get_columns(name)
                ),
                "primary key": inspector.get_pk_constraint(name)["constrained_columns"],
                "indexes": sorted(
                    (i["name"], tuple(i["column_names"]), bool(i.get("unique")))
                    for i in inspector.get_indexes(name)
                ),
                "unique": sorted(tuple(u["column_names"]) for u in inspector.get_unique_constraints(name)),
                "foreign keys": sorted(
                    (
                        tuple(f["constrained_columns"]),
                        f["referred_table"],
                        tuple(f["referred_columns"]),
                        tuple(sorted((f.get("options") or {}).items())),
                    )
                    for f in inspector.get_foreign_keys(name)
                ),
                "checks": sorted(_sql(c["sqltext"]) for c in inspector.get_check_constraints(name)),
            }
        if engine.dialect.name == "postgresql":
            extras = {
                "indexes": sorted(
                    connection.exec_driver_sql(
                        "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
                    ).all()
                ),
                "triggers": sorted(
                    connection.exec_driver_sql(
                        "SELECT trigger_name, event_object_table, action_statement "
                        "FROM information_schema.triggers"
                    ).all()
                ),
                "extensions": sorted(connection.exec_driver_sql("SELECT extname FROM pg_extension").all()),
            }
        else:
            extras = {
                # every table's own statement too (SQLite keeps it as written), its columns sorted by name
                "catalogue": sorted(
                    (kind, name, table, _sql(sql) if kind != "table" else _sorted_statement(sql))
                    for kind, name, table, sql in connection.exec_driver_sql(
                        "SELECT type, name, tbl_name, sql FROM sqlite_master"
                    )
                )
            }
        revision = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    return {"tables": tables, "extras": extras, "revision": revision}


def _sorted_statement(sql: str | None) -> tuple[str, ...]:
    """A CREATE TABLE statement as the sorted set of its comma-separated parts, its name's quoting left out."""
    body = re.sub(r'^CREATE TABLE "(\w+)"', r"CREATE TABLE \1", _sql(sql))
    return tuple(sorted(part.strip() for part in body.split(",")))


def _url(location: str) -> str:
    return location if "://" in location else f"sqlite:///{location}"


def migrated_snapshot(location: str) -> dict:
    engine = create_engine(_url(location))
    with engine.begin() as connection:
        config = _migrations_config()
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    found = snapshot(engine)
    engine.dispose()
    return found


def _emptied(location: str, tmp_path: Path) -> str:
    """The same kind of database, empty again: a new SQLite file, or PostgreSQL's public schema remade."""
    if "://" not in location:
        return str(tmp_path / "fresh.db")
    engine = create_engine(location)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP SCHEMA public CASCADE")
        connection.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return location


def test_a_new_database_is_the_schema_the_migrations_make(database_url, tmp_path):
    by_migrations = migrated_snapshot(database_url)
    location = _emptied(database_url, tmp_path)
    engine = open_database(location)
    made_at_once = snapshot(engine)
    engine.dispose()
    assert made_at_once["revision"] == head_revision() == by_migrations["revision"]
    assert made_at_once["tables"].keys() == by_migrations["tables"].keys()
    for name, table in by_migrations["tables"].items():
        assert made_at_once["tables"][name] == table, name
    assert made_at_once["extras"] == by_migrations["extras"]


def test_a_new_database_is_made_without_alembic(tmp_path):
    engine = open_database(str(tmp_path / "kb.db"))
    with engine.connect() as connection:
        assert (
            connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == head_revision()
        )
    engine.dispose()
