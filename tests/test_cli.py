"""The command-line contract (../shared/cli-contract.md), exercised through the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

VAKANUVIS = Path(sys.executable).parent / "vakanuvis"
REPO = Path(__file__).resolve().parents[1]
SAMPLE_ARTICLE = REPO.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"
DEMO_ARTICLE = REPO / "src" / "vakanuvis" / "samples" / "lozan-musul-ornek.txt"


def run(*args: str, db: Path, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(VAKANUVIS), *args, "--db", str(db)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "200"},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


@pytest.fixture(scope="module")
def knowledge_base(tmp_path_factory) -> tuple[Path, str]:
    """A knowledge base holding the sample article (or the demo article without ../shared)."""
    article = SAMPLE_ARTICLE if SAMPLE_ARTICLE.exists() else DEMO_ARTICLE
    db = tmp_path_factory.mktemp("kb") / "kb.db"
    result = run("ingest", str(article), db=db)
    document_id, path = result.stdout.strip().split("\t")
    assert path == str(article)
    return db, document_id


def test_the_database_file_alone_holds_everything_after_an_ingest(tmp_path, demo_article):
    """The command closes its connections, so SQLite folds the write-ahead log into the file: a copy of
    kb.db alone, made after the ingest, holds the document."""
    db = tmp_path / "kb.db"
    document_id = run("ingest", str(demo_article), db=db).stdout.split("\t")[0]
    assert not Path(f"{db}-wal").exists()
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())
    listed = json.loads(run("documents", "--json", db=copy).stdout)
    assert [record["id"] for record in listed] == [document_id]


def test_reingest_prints_same_id_and_stores_nothing(knowledge_base, tmp_path):
    db, document_id = knowledge_base
    before = run("documents", "--json", db=db).stdout
    documents = json.loads(before)
    again = run("ingest", documents[0]["path"], db=db)
    assert again.stdout.strip().split("\t")[0] == document_id
    assert run("documents", "--json", db=db).stdout == before


def test_documents_json(knowledge_base):
    db, document_id = knowledge_base
    (record,) = json.loads(run("documents", "--json", db=db).stdout)
    assert {"id", "title", "path", "language", "pages", "sha256"} <= set(record)  # the contract's fields
    assert {"date", "type", "authors", "place", "origins"} <= set(record)  # the document's metadata
    assert "text" not in record
    assert record["id"] == document_id and record["pages"] >= 1 and len(record["sha256"]) == 64


def test_text_is_clean_body(knowledge_base, sample_article):
    db, document_id = knowledge_base
    text = run("text", document_id, db=db).stdout
    assert "görüşmeyi gerçekleştirememişti." in text
    assert "gerçekleştirememişti.2" not in text
    assert "SÜTAD" not in text and "Документы" not in text and "Fahir Armaoğlu ise" not in text
    assert "\n\n\n" not in text


def test_footnotes_json(knowledge_base, sample_article):
    db, document_id = knowledge_base
    notes = json.loads(run("footnotes", document_id, "--json", db=db).stdout)
    assert [n["number"] for n in notes] == list(range(1, 42))
    assert set(notes[0]) == {"number", "text", "sentence", "page"}
    assert notes[3]["text"].startswith("Документы внешний политики СССР")
    assert notes[3]["text"].rstrip().endswith("s.313)")
    assert notes[1]["sentence"].rstrip().endswith("görüşmeyi gerçekleştirememişti.")
    assert "\\u" not in run("footnotes", document_id, "--json", db=db).stdout


def test_events_are_chronological(knowledge_base):
    db, document_id = knowledge_base
    events = json.loads(run("events", document_id, "--json", db=db).stdout)
    assert events, "the article has dated events"
    contract = {"id", "document", "date", "start", "end", "text", "sentence", "actors", "places", "footnotes"}
    # beyond the contract: where the year came from, the date's modifier and extent, its calendar
    added = {"year_from", "modifier", "extent", "calendar", "original"}
    # and what happened: the predicate, its kind, a headline, the roles (names and entity keys), a dateline
    added |= {"predicate", "kind", "headline", "roles", "role_keys", "dateline"}
    assert all(set(e) == contract | added for e in events)
    assert {e["year_from"] for e in events} <= {"text", "context", "document", "unknown"}
    assert [e["start"] for e in events] == sorted(e["start"] for e in events)


@pytest.mark.parametrize(
    "command",
    [
        ["text", "no-such-document"],
        ["footnotes", "no-such-document", "--json"],
        ["events", "no-such-document", "--json"],
        ["export", "no-such-document", "--format", "tei", "-o", "/tmp/x.xml"],
        ["export", "--all", "--format", "nonsense", "-o", "/tmp/x.xml"],
        [
            "export",
            "--all",
            "--format",
            "csv",
            "-o",
            "/tmp/vakanuvis-refused-all.csv",
        ],  # tables need a folder
        ["events", "--from", "last year"],
        ["text"],
        ["no-such-command"],
        ["ingest", "--workers", "0", "x.txt"],
        ["bibliography", "--style", "no-such-style"],
    ],
)
def test_errors_are_one_line_and_nonzero(knowledge_base, command):
    db, _ = knowledge_base
    result = run(*command, db=db, check=False)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert result.stdout == ""


def test_folder_with_good_and_bad_files(tmp_path, demo_article):
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "good.txt").write_bytes(demo_article.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<")
    db = tmp_path / "kb.db"
    result = run("ingest", str(folder), str(tmp_path / "missing.txt"), db=db, check=False)
    assert result.returncode == 1
    stored = [line.split("\t") for line in result.stdout.splitlines()]
    assert [Path(path).name for _, path in stored] == ["good.txt"]
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 4
    for name in ("empty.txt", "binary.txt", "broken.pdf", "missing.txt"):
        assert sum(name in line for line in errors) == 1
    assert len(json.loads(run("documents", "--json", db=db).stdout)) == 1


def test_bad_file_does_not_touch_stored_documents(tmp_path, demo_article):
    db = tmp_path / "kb.db"
    run("ingest", str(demo_article), db=db)
    before = run("documents", "--json", db=db).stdout
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert run("ingest", str(empty), db=db, check=False).returncode == 1
    assert run("documents", "--json", db=db).stdout == before


def test_check_json_quotes_its_evidence_exactly(knowledge_base):
    db, document_id = knowledge_base
    findings = json.loads(run("check", document_id, "--json", db=db).stdout)
    text = run("text", document_id, db=db).stdout
    notes = {
        n["number"]: n["text"] for n in json.loads(run("footnotes", document_id, "--json", db=db).stdout)
    }
    assert findings, "the article has things to flag"
    for finding in findings:
        assert {"kind", "message", "evidence"} <= set(finding)
        for item in finding["evidence"]:
            source = notes[item["footnote"]] if "footnote" in item else text
            assert source[item["start"] : item["end"]] == item["text"]
            assert item["document"] == document_id


def test_entities_and_sources_json(knowledge_base):
    db, document_id = knowledge_base
    entities = json.loads(run("entities", document_id, "--json", db=db).stdout)
    keys = {"id", "type", "name", "aliases", "mentions", "wikidata", "lat", "lon"}
    assert entities and all(set(e) == keys for e in entities)
    assert {e["type"] for e in entities} <= {"person", "place", "organization", "treaty", "meeting"}
    sources = json.loads(run("sources", document_id, "--json", db=db).stdout)
    keys = {"id", "type", "authors", "title", "title_latin", "place", "year", "cited_in"}
    assert sources and all(set(s) == keys for s in sources)
    assert all(c["document"] == document_id for s in sources for c in s["cited_in"])


def test_bibliography_and_merged_events(knowledge_base):
    db, document_id = knowledge_base
    entries = run("bibliography", document_id, db=db).stdout.strip().splitlines()
    assert len(entries) == len(json.loads(run("sources", document_id, "--json", db=db).stdout))
    merged = json.loads(run("events", "--merged", "--json", db=db).stdout)
    assert sum(len(m["reports"]) for m in merged) == len(json.loads(run("events", "--json", db=db).stdout))
    assert run("bibliography", "--style", "no-such-style", db=db, check=False).returncode != 0


@pytest.fixture(scope="module")
def names(knowledge_base) -> dict[str, str]:
    """The document, its most mentioned entity and a work it cites, to name in commands."""
    db, document_id = knowledge_base
    entities = json.loads(run("entities", document_id, "--json", db=db).stdout)
    sources = json.loads(run("sources", document_id, "--json", db=db).stdout)
    return {
        "doc": document_id,
        "entity": entities[0]["id"],
        "name": entities[0]["name"],
        "source": sources[0]["id"],
    }


# every command that reads, with the words its text output must hold ({doc}, {entity}… filled in)
TEXT_OUTPUTS = [
    (["documents"], "{doc}\t"),
    (["text", "{doc}"], "."),
    (["footnotes", "{doc}"], "[1]"),
    (["events", "{doc}"], "\t"),
    (["events", "--merged"], "\t"),
    (["events", "{doc}", "--from", "1920", "--to", "1921-06"], "\t"),
    (["timeline", "{doc}"], "19"),
    (["entities", "{doc}"], "{name}"),
    (["entities"], "{name}"),
    (["who", "{entity}"], "Mentions ("),
    (["who", "{name}"], "id={entity}"),
    (["sources", "{doc}"], "{source}\t"),
    (["cite", "{source}"], "footnote"),
    (["bibliography", "{doc}"], "."),
    (["check", "{doc}"], "#"),
    (["check", "{doc}", "--format", "html"], "<"),
    (["search", "Azerbaycan"], "sentence"),
]


@pytest.mark.parametrize(("command", "expected"), TEXT_OUTPUTS, ids=lambda value: " ".join(value))
def test_every_command_prints_text(knowledge_base, names, command, expected):
    result = run(*[part.format(**names) for part in command], db=knowledge_base[0])
    assert result.stderr == ""
    assert expected.format(**names) in result.stdout


JSON_OUTPUTS = [
    ["documents"],
    ["footnotes", "{doc}"],
    ["events", "{doc}"],
    ["events", "--merged"],
    ["entities"],
    ["who", "{entity}"],
    ["sources"],
    ["cite", "{source}"],
    ["check", "{doc}"],
    ["search", "Azerbaycan"],
]


@pytest.mark.parametrize("command", JSON_OUTPUTS, ids=" ".join)
def test_every_command_prints_json(knowledge_base, names, command):
    result = run(*[part.format(**names) for part in command], "--json", db=knowledge_base[0])
    assert json.loads(result.stdout), result.stdout[:200]


def test_who_prints_every_mentions_document(knowledge_base, names):
    """`who` in text once crashed on every entity with mentions (the store named the field otherwise)."""
    db, document_id = knowledge_base
    entity = names["entity"]
    detail = json.loads(run("who", entity, "--json", db=db).stdout)
    assert detail["mentions"] and all(m["document"] == document_id for m in detail["mentions"])
    printed = run("who", entity, db=db).stdout
    assert printed.count(f"  {document_id} ") == len(detail["mentions"])


def test_who_shows_a_page_of_mentions_and_says_how_to_see_more(knowledge_base):
    db = knowledge_base[0]
    (top, *_) = json.loads(run("entities", "--json", db=db).stdout)
    everything = json.loads(run("who", top["id"], "--json", "--limit", "0", db=db).stdout)
    assert len(everything["mentions"]) == everything["mentions_count"] == top["mentions"] > 3
    second = json.loads(run("who", top["id"], "--json", "--limit", "2", "--offset", "2", db=db).stdout)
    assert second["mentions"] == everything["mentions"][2:4]
    printed = run("who", top["id"], "--limit", "2", db=db).stdout
    assert f"Mentions (1–2 of {top['mentions']})" in printed
    assert f"{top['mentions'] - 2} more: --offset 2" in printed
    refused = run("who", top["id"], "--limit", "-1", db=db, check=False)
    assert refused.returncode != 0 and refused.stdout == ""


@pytest.mark.parametrize("spelling", ["Chicherin", "Чичерин", "CHICHERIN"])
def test_who_finds_a_name_in_every_script(knowledge_base, spelling):
    """The article writes Çiçerin; the Russian and English spellings find the same entity, and search too."""
    db = knowledge_base[0]
    turkish = json.loads(run("who", "Çiçerin", "--json", db=db).stdout)
    other = json.loads(run("who", spelling, "--json", db=db).stdout)
    assert other["id"] == turkish["id"]
    hits = json.loads(run("search", spelling, "--json", db=db).stdout)
    assert any(hit["kind"] == "entity" and hit["id"] == turkish["id"] for hit in hits)


# The command run with `os.open` and `os.scandir` refusing the paths in $DENIED (separated by os.pathsep),
# as they would for a user without rights: the tests run as root too, who may read anything.
CLI_WITH_DENIED_PATHS = """
import errno, os, sys
denied = set(os.environ["DENIED"].split(os.pathsep))
def refusing(call):
    def refuse(path, *args, **kwargs):
        if os.fspath(path) in denied:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return call(path, *args, **kwargs)
    return refuse
os.open, os.scandir = refusing(os.open), refusing(os.scandir)
from vakanuvis.cli import main
sys.argv[0] = "vakanuvis"
main()
"""


def test_every_bad_named_path_is_one_line_and_the_others_are_stored(tmp_path, demo_article):
    good = tmp_path / "good.txt"
    good.write_bytes(demo_article.read_bytes())
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    (tmp_path / "dangling.txt").symlink_to("gone.txt")
    locked = tmp_path / "locked.txt"
    locked.write_text("Ankara 23 Nisan 1920.\n")
    folder = tmp_path / "folder"
    (folder / "closed").mkdir(parents=True)
    (folder / "closed" / "inside.txt").write_text("Sivas 4 Eylül 1919.\n")
    (folder / "open.txt").write_text("Erzurum Kongresi 23 Temmuz 1919 günü toplandı.\n")
    closed_folder = tmp_path / "closed-folder"
    closed_folder.mkdir()
    (closed_folder / "x.txt").write_text("x\n")
    named = ["pipe.txt", "loop.txt", "dangling.txt", "locked.txt", "closed-folder", "good.txt", "folder"]
    result = subprocess.run(
        [sys.executable, "-c", CLI_WITH_DENIED_PATHS, "ingest", *named, "--db", str(tmp_path / "kb.db")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env={**os.environ, "DENIED": os.pathsep.join(["locked.txt", "closed-folder", "folder/closed"])},
        timeout=300,  # a FIFO that is opened waits for a writer forever
    )
    assert result.returncode == 1, result.stderr
    assert sorted(line.split("\t")[1] for line in result.stdout.splitlines()) == [
        "folder/open.txt",
        "good.txt",
    ]
    assert sorted(result.stderr.splitlines()) == [
        "closed-folder: the folder cannot be opened (permission denied)",
        "dangling.txt: a symbolic link to gone.txt, which does not exist",
        "folder/closed: the folder cannot be opened (permission denied)",
        "locked.txt: cannot be read: Permission denied",
        "loop.txt: a loop of symbolic links (each leads to another, never to a file)",
        "pipe.txt: is a named pipe (FIFO), not a file that can be read",
    ]


def test_a_text_with_stray_nul_bytes_is_stored_with_a_warning(tmp_path, demo_article):
    data = demo_article.read_bytes()
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes(data[:700] + b"\x00" + data[700:1400] + b"\x00" + data[1400:])
    clean = tmp_path / "clean.txt"
    clean.write_bytes(data)
    db = tmp_path / "kb.db"
    result = run("ingest", str(damaged), db=db)
    assert result.stderr.splitlines() == [
        f"warning: {damaged}: 2 stray NUL bytes removed (the first at byte 700); the rest is read as text"
    ]
    ((document_id, _),) = [line.split("\t") for line in result.stdout.splitlines()]
    clean_db = tmp_path / "clean.db"
    ((clean_id, _),) = [
        line.split("\t") for line in run("ingest", str(clean), db=clean_db).stdout.splitlines()
    ]
    assert run("text", document_id, db=db).stdout == run("text", clean_id, db=clean_db).stdout
