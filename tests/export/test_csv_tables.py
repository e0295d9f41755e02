"""The CSV tables of the sample article as a Frictionless Data Package: valid, every key resolving, written
into a folder or a .zip, and a single-file name refused."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest

from vakanuvis.errors import BadOption
from vakanuvis.export.csv_tables import TABLES, data_package
from vakanuvis.export.formats import write_export
from vakanuvis.knowledge_base import KnowledgeBase

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"
TABLE_NAMES = {
    "documents",
    "entities",
    "aliases",
    "mentions",
    "events",
    "event_roles",
    "sources",
    "citations",
    "footnotes",
}


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    articles = [REPO / "src" / "vakanuvis" / "samples" / "lozan-musul-ornek.txt"]
    if SAMPLE.exists():
        articles.append(SAMPLE)
    knowledge_base = KnowledgeBase(str(tmp_path_factory.mktemp("kb") / "kb.db"))
    assert all(result.stored for result in knowledge_base.ingest(articles))
    return knowledge_base


@pytest.fixture(scope="module")
def folder(kb, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("export") / "tables"
    write_export(kb.snapshot(None), "csv", path)
    return path


def read(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_table_is_described(folder: Path) -> None:
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert {resource["name"] for resource in package["resources"]} == TABLE_NAMES
    for resource in package["resources"]:
        assert (folder / resource["path"]).is_file()
        with (folder / resource["path"]).open(encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle))
        assert header == [column["name"] for column in resource["schema"]["fields"]]
        assert resource["schema"]["primaryKey"]
    assert package == data_package()


def test_the_package_is_valid_frictionless_data(folder: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    report = frictionless.validate(str(folder / "datapackage.json"))
    errors = [error.message for task in report.tasks for error in task.errors][:5]
    assert report.valid, errors


def test_every_foreign_key_resolves(folder: Path) -> None:
    """The check frictionless makes, by hand: it fails with the row that does not join."""
    keys: dict[tuple[str, tuple[str, ...]], set[tuple[str, ...]]] = {}
    for table in TABLES:
        rows = read(folder, table.name)
        primary = [tuple(row[f] for f in table.primary_key) for row in rows]
        assert len(primary) == len(set(primary)), f"{table.name}: a primary key repeats"
        keys[(table.name, table.primary_key)] = set(primary)
    for table in TABLES:
        for key in table.foreign_keys:
            known = keys[(key.table, key.reference)]
            for row in read(folder, table.name):
                value = tuple(row[f] for f in key.fields)
                assert not all(value) or value in known, (table.name, key.fields, value)


def test_tables_hold_the_knowledge_base(kb: KnowledgeBase, folder: Path) -> None:
    assert len(read(folder, "documents")) == len(kb.documents())
    assert len(read(folder, "entities")) == len(kb.entities())
    assert len(read(folder, "events")) == len(kb.events())
    assert len(read(folder, "sources")) == len(kb.sources())
    footnotes = sum(len(kb.footnotes(d["id"])) for d in kb.documents())
    assert len(read(folder, "footnotes")) == footnotes
    # actors and places by id, never by name; an entity's aliases one a row
    assert "actors" not in read(folder, "events")[0]
    entities = {row["id"]: row for row in read(folder, "entities")}
    for row in read(folder, "event_roles"):
        assert entities[row["entity"]]["name"] == row["name"]
    aliases = read(folder, "aliases")
    assert all(row["alias"] in entities[row["entity"]]["aliases"].split("; ") for row in aliases)
    # a citation names its footnote by id, and the footnote's number is there too
    cited = [row for row in read(folder, "citations") if row["footnote"]]
    assert cited and all(row["footnote"].endswith(f"-f{row['footnote_number']}") for row in cited)


def test_a_zip_holds_the_same_files(kb: KnowledgeBase, folder: Path, tmp_path: Path) -> None:
    path = tmp_path / "kb.zip"
    write_export(kb.snapshot(None), "csv", path)
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == sorted(p.name for p in folder.iterdir())
        assert archive.read("events.csv").decode("utf-8") == (folder / "events.csv").read_text(
            encoding="utf-8"
        )
    assert not (tmp_path / "kb.zip.part").exists()
    frictionless = pytest.importorskip("frictionless")
    unpacked = tmp_path / "unpacked"
    zipfile.ZipFile(path).extractall(unpacked)
    assert frictionless.validate(str(unpacked / "datapackage.json")).valid


@pytest.mark.parametrize("name", ["all.csv", "kb.json", "tables.txt"])
def test_a_single_file_name_is_refused(kb: KnowledgeBase, tmp_path: Path, name: str) -> None:
    with pytest.raises(BadOption, match="a folder .* or a .zip file"):
        write_export(kb.snapshot(None), "csv", tmp_path / name)
    assert not (tmp_path / name).exists()


def test_an_existing_file_is_not_a_folder(kb: KnowledgeBase, tmp_path: Path) -> None:
    (tmp_path / "tables").write_text("x", encoding="utf-8")
    with pytest.raises(BadOption, match="it is a file"):
        write_export(kb.snapshot(None), "csv", tmp_path / "tables")


def test_sources_say_where_a_work_stands(folder: Path) -> None:
    """An archival work's row names its archive and file, an article's its journal: without them a row of
    sources.csv held a type and nothing else."""
    rows = read(folder, "sources")
    archives = [row for row in rows if row["type"] == "archive"]
    assert archives and all(row["archive"] and row["archive_location"] for row in archives)
    articles = [row for row in rows if row["type"] == "article"]
    assert articles and all(row["container"] for row in articles)
