"""Metadata given at ingest: a CSV row per file, a sidecar beside a file, options for every file."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.errors import BadOption
from vakanuvis.ingest.metadata import checked_fields, gather_metadata, read_metadata_csv, read_sidecar


@pytest.mark.parametrize(
    ("values", "given", "problems"),
    [
        ({"date": "1922-03-01", "type": "Speech"}, {"date": "1922-03-01", "type": "speech"}, 0),
        ({"date": "1920-04~"}, {"date": "1920-04~"}, 0),
        ({"date": "1919-07/1919-08"}, {"date": "1919-07/1919-08"}, 0),
        ({"date": "23 Nisan 1336"}, {}, 1),  # not EDTF: the user converts, or lets the text tell
        ({"date": "1920-13-01"}, {}, 1),
        ({"type": "sermon"}, {}, 1),
        ({"author": "Mustafa Kemal; Kâzım Karabekir"}, {"authors": ["Mustafa Kemal", "Kâzım Karabekir"]}, 0),
        ({"authors": ["Rauf Bey"]}, {"authors": ["Rauf Bey"]}, 0),
        ({"title": "\u200b\u200b"}, {}, 1),  # no visible character
        ({"date": "", "title": "  "}, {}, 0),  # empty cells say nothing
        ({"archive_box": "12", "PATH": "x.txt"}, {"extra": {"archive_box": "12"}}, 0),
    ],
)
def test_checked_fields(values, given, problems):
    fields, found = checked_fields(values, "meta.csv row 2")
    assert fields == given
    assert len(found) == problems
    assert all(line.startswith("meta.csv row 2, column ") for line in found)


def test_a_csv_row_per_file_relative_to_the_csv(tmp_path):
    (tmp_path / "docs").mkdir()
    csv_file = tmp_path / "meta.csv"
    csv_file.write_text(
        "path,date,type,author,archive box\n"
        "docs/telgraf.txt,1919-07-23,telegram,Mustafa Kemal,12\n"
        "docs/nutuk.txt,1 Mart 1338,speech,,\n"
        ",1920,letter,,\n",
        encoding="utf-8",
    )
    given = read_metadata_csv(csv_file)
    telegram = given.for_file(tmp_path / "docs" / "telgraf.txt")
    assert telegram == {
        "date": "1919-07-23",
        "type": "telegram",
        "authors": ["Mustafa Kemal"],
        "extra": {"archive box": "12"},
    }
    assert given.for_file(tmp_path / "docs" / "nutuk.txt") == {"type": "speech"}  # without the bad date
    assert [line.split(":")[0] for line in given.problems] == [
        f"{csv_file} row 3, column 'date'",
        f"{csv_file} row 4",
    ]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        ("file,date\nx.txt,1920\n", "needs a 'path' column"),
        (b"\xff\xfe\x00", "UTF-8"),
    ],
)
def test_a_csv_that_cannot_be_used_is_one_clear_error(tmp_path, content, message):
    csv_file = tmp_path / "meta.csv"
    if isinstance(content, bytes):
        csv_file.write_bytes(content)
    elif content is not None:
        csv_file.write_text(content, encoding="utf-8")
    with pytest.raises(BadOption, match=message):
        read_metadata_csv(csv_file)


def test_a_sidecar_beside_the_file(tmp_path):
    text = tmp_path / "mektup.txt"
    text.write_text("Muhterem efendim,", encoding="utf-8")
    (tmp_path / "mektup.meta.yaml").write_text(
        "date: 1920-12-04\ntype: letter\nauthors: [Kâzım Karabekir]\nplace: Kars\n", encoding="utf-8"
    )
    fields, problems = read_sidecar(text)
    assert fields == {"date": "1920-12-04", "type": "letter", "authors": ["Kâzım Karabekir"], "place": "Kars"}
    assert problems == []
    (tmp_path / "mektup.meta.yaml").write_text("- just a list\n", encoding="utf-8")
    assert read_sidecar(text)[0] == {} and "key: value" in read_sidecar(text)[1][0]


def test_options_win_over_the_csv_and_the_csv_over_a_sidecar(tmp_path):
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (first, second):
        path.write_text("…", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text("date: 1919\nplace: Sivas\ntype: report\n", encoding="utf-8")
    (tmp_path / "meta.csv").write_text("path,date\na.txt,1919-09\nmissing.txt,1920\n", encoding="utf-8")
    gathered = gather_metadata(
        [first, second], read_metadata_csv(tmp_path / "meta.csv"), {"type": "telegram", "date": None}
    )
    assert gathered.for_file(first) == {"date": "1919-09", "place": "Sivas", "type": "telegram"}
    assert gathered.for_file(second) == {"type": "telegram"}
    assert gathered.warnings == [
        f"warning: the metadata names {Path(tmp_path / 'missing.txt').resolve()}, which this ingest did not read"
    ]


def test_a_bad_option_stops_the_ingest_before_anything_is_read(tmp_path):
    with pytest.raises(BadOption, match="not an EDTF date"):
        gather_metadata([tmp_path / "a.txt"], None, {"date": "dün"})
