"""The article's header through the command line: `documents --json` carries it, and `sources` says which
cited work is an ingested document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

VAKANUVIS = Path(sys.executable).parent / "vakanuvis"
DATA = Path(__file__).resolve().parent / "data" / "header"


def run(*args: str, db: Path) -> str:
    result = subprocess.run(
        [str(VAKANUVIS), *args, "--db", str(db)], capture_output=True, text=True, encoding="utf-8"
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_sources_name_the_ingested_document_a_footnote_cites(tmp_path):
    db = tmp_path / "kb.db"
    cited = run("ingest", str(DATA / "journal-line-first.txt"), db=db).split("\t")[0]
    citing = run("ingest", str(DATA / "citing-article.txt"), db=db).split("\t")[0]
    records = {record["id"]: record for record in json.loads(run("documents", "--json", db=db))}
    assert records[cited]["header"]["doi"] == "10.12345/ttad.2021.145"
    assert records[citing]["authors"] == ["Hasan Çelik"]
    works = json.loads(run("sources", "--json", db=db))
    assert [work["document"] for work in works if "document" in work] == [cited]
    lines = run("sources", db=db).splitlines()
    assert [line.rsplit("\t", 1)[1] for line in lines if "Sovyet Rusya" in line] == [f"document {cited}"]
    assert all("\tdocument " not in line for line in lines if "Sovyet Rusya" not in line)
