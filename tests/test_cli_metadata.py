"""Metadata given at ingest, through the real command: options, a CSV, a sidecar; bad values one line each."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

VAKANUVIS = Path(sys.executable).parent / "vakanuvis"

TELEGRAM = Path(__file__).resolve().parent / "data" / "primary" / "telgraf-sivas.txt"


def run(*args: str, db: Path, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(VAKANUVIS), *args, "--db", str(db)], capture_output=True, text=True, env=os.environ.copy()
    )
    if check and result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr}")
    return result


def documents(db: Path) -> dict[str, dict]:
    return {record["id"]: record for record in json.loads(run("documents", "--json", db=db).stdout)}


def test_options_give_every_file_of_the_call_its_metadata(tmp_path):
    db = tmp_path / "kb.db"
    result = run(
        "ingest",
        str(TELEGRAM),
        "--date",
        "1919-09-12",
        "--type",
        "telegram",
        "--author",
        "Mustafa Kemal",
        db=db,
    )
    document_id = result.stdout.split("\t")[0]
    record = documents(db)[document_id]
    assert (record["date"], record["type"], record["authors"]) == (
        "1919-09-12",
        "telegram",
        ["Mustafa Kemal"],
    )
    assert record["origins"]["date"] == "given" and record["origins"]["type"] == "given"


def test_the_year_of_a_telegrams_dates_comes_from_its_own_date(tmp_path):
    db = tmp_path / "kb.db"
    run("ingest", str(TELEGRAM), "--date", "1919-09-12", "--type", "telegram", db=db)
    dates = {event["text"]: event["date"] for event in json.loads(run("events", "--json", db=db).stdout)}
    assert dates.get("11 Eylül’de") == "1919-09-11", dates


def test_ingesting_again_with_new_metadata_analyses_again(tmp_path):
    db = tmp_path / "kb.db"
    first = run("ingest", str(TELEGRAM), "--date", "1919-09-12", db=db).stdout.split("\t")[0]
    again = run("ingest", str(TELEGRAM), "--date", "1920-09-12", db=db).stdout.split("\t")[0]
    assert first == again
    assert documents(db)[first]["date"] == "1920-09-12"
    unchanged = run("ingest", str(TELEGRAM), db=db)  # no metadata: what was given stays
    assert unchanged.stdout.split("\t")[0] == first and documents(db)[first]["date"] == "1920-09-12"


def test_a_csv_row_with_a_bad_value_is_one_line_and_its_file_goes_in_without_it(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(TELEGRAM, folder / "a.txt")
    (folder / "b.txt").write_text("Ankara, 23 Nisan 1336\n\nMeclis bugün açıldı.\n", encoding="utf-8")
    metadata = tmp_path / "meta.csv"
    metadata.write_text(
        "path,date,type\ndocs/a.txt,12 Eylül 1335,telegram\ndocs/b.txt,1920-04-23,sermon\ndocs/c.txt,1920,letter\n",
        encoding="utf-8",
    )
    db = tmp_path / "kb.db"
    result = run("ingest", str(folder), "--metadata", str(metadata), db=db, check=False)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert any("row 2, column 'date'" in line and "not an EDTF date" in line for line in lines), lines
    assert any("row 3, column 'type'" in line and "sermon" in line for line in lines), lines
    assert any(line.startswith("warning:") and "c.txt" in line for line in lines), lines
    stored = {Path(r["path"]).name: r for r in documents(db).values()}
    assert set(stored) == {"a.txt", "b.txt"}
    assert stored["a.txt"]["type"] == "telegram" and stored["a.txt"]["origins"].get("date") != "given"
    assert stored["b.txt"]["date"] == "1920-04-23" and stored["b.txt"]["origins"]["date"] == "given"


def test_a_sidecar_gives_a_files_metadata(tmp_path):
    shutil.copy(TELEGRAM, tmp_path / "t.txt")
    (tmp_path / "t.meta.yaml").write_text(
        "date: 1919-09-12\ntype: telegram\nplace: Sivas\n", encoding="utf-8"
    )
    db = tmp_path / "kb.db"
    document_id = run("ingest", str(tmp_path / "t.txt"), db=db).stdout.split("\t")[0]
    record = documents(db)[document_id]
    assert (record["date"], record["place"]) == ("1919-09-12", "Sivas")


def test_a_bad_option_stops_the_call_with_one_line(tmp_path):
    result = run("ingest", str(TELEGRAM), "--date", "dün", db=tmp_path / "kb.db", check=False)
    assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1
    assert "not an EDTF date" in result.stderr and result.stdout == ""


def test_a_period_holds_the_events_inside_it_and_no_yearless_ones(tmp_path):
    """A speech of 1 March 1922 recalls dates with and without their year: a period query gives the events
    that lie inside it; --overlapping adds those that only reach into it; an unknown year is in none."""
    speech = tmp_path / "nutuk.txt"
    speech.write_text(
        "Efendiler, 23 Ağustos 1921’de Sakarya’da muharebe başladı. 1921 senesinde ordu tensik olundu. "
        "1920-1922 seneleri arasında Garp Cephesi harp etti. 16 Mart’ta Moskova’da bir muahede akdettik.\n",
        encoding="utf-8",
    )
    undated = tmp_path / "not.txt"
    undated.write_text("Heyetimiz 16 Mart’ta Moskova’ya vardı.\n", encoding="utf-8")
    db = tmp_path / "kb.db"
    run("ingest", str(speech), "--date", "1922-03-01", "--type", "speech", db=db)
    run("ingest", str(undated), db=db)

    def dates(*period: str) -> list[str]:
        return [event["date"] for event in json.loads(run("events", "--json", *period, db=db).stdout)]

    assert dates() == ["XXXX-03-16", "1920/1922", "1921", "1921-03-16", "1921-08-23"]
    assert dates("--from", "1921-03", "--to", "1921-09") == ["1921-03-16", "1921-08-23"]
    assert dates("--from", "1921-03", "--to", "1921-09", "--overlapping") == [
        "1920/1922",
        "1921",
        "1921-03-16",
        "1921-08-23",
    ]
