"""The analysis cache read through its snapshot gives exactly the words the JSON lines give."""

from __future__ import annotations

import json

import pytest

from vakanuvis.lang.tr import analysis_cache
from vakanuvis.lang.tr.analysis_cache import append_cache, read_cache, read_snapshot, snapshot_file

WORDS = {
    "Ankara'ya": (("Ankara", "Noun", True, (("Noun", "Ankara", False), ("Dat", "ya", False))),),
    "geldi": (
        ("gelmek", "Verb", False, (("Verb", "gel", False), ("Past", "di", False), ("A3sg", "", False))),
    ),
    "kuvvetleri": (
        ("kuvvet", "Noun", False, (("Noun", "kuvvet", False), ("A3pl", "ler", False), ("P3sg", "i", False))),
        ("kuvvet", "Noun", False, (("Noun", "kuvvet", False), ("A3pl", "ler", False), ("Acc", "i", False))),
    ),
}


def _plain(path):
    """The cache file's words parsed line by line, with no snapshot."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, analyses = json.loads(line)
        found[word] = read_cache_line(analyses)
    return found


def read_cache_line(analyses):
    return tuple(
        (lemma, pos, bool(proper), tuple((m, s, bool(d)) for m, s, d in morphemes))
        for lemma, pos, proper, morphemes in analyses
    )


def test_the_snapshot_and_the_lines_after_it_are_the_file(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis_cache, "SNAPSHOT_AFTER", 0)
    path = tmp_path / "analyses.jsonl"
    append_cache(path, {word: WORDS[word] for word in ("Ankara'ya", "geldi")})
    found, offset = read_cache(path)
    assert snapshot_file(path).is_file()
    assert read_snapshot(path) == (found, offset)
    append_cache(path, {"kuvvetleri": WORDS["kuvvetleri"]})
    monkeypatch.setattr(analysis_cache, "SNAPSHOT_AFTER", 10**9)  # the new line read after the snapshot
    again, end = read_cache(path)
    assert again == _plain(path) == WORDS
    assert end == path.stat().st_size
    assert read_snapshot(path)[1] == offset < end


def test_a_snapshot_of_another_file_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setattr(analysis_cache, "SNAPSHOT_AFTER", 0)
    path = tmp_path / "analyses.jsonl"
    append_cache(path, {"geldi": WORDS["geldi"]})
    read_cache(path)
    path.unlink()
    append_cache(path, {"Ankara'ya": WORDS["Ankara'ya"]})  # a new file of the same length or longer
    assert read_snapshot(path) == ({}, 0)
    assert read_cache(path)[0] == {"Ankara'ya": WORDS["Ankara'ya"]}


def test_a_torn_snapshot_is_read_as_lines(tmp_path):
    path = tmp_path / "analyses.jsonl"
    append_cache(path, WORDS)
    snapshot_file(path).write_bytes(b"\x00torn")
    assert read_cache(path)[0] == WORDS


def test_the_real_cache_file_reads_the_same_through_its_snapshot():
    path = analysis_cache.cache_file()
    if path is None or not path.is_file():
        pytest.skip("no analysis cache on this machine yet")
    plain, _ = analysis_cache._read_lines(path, 0)
    through_snapshot, _ = read_cache(path)  # makes the snapshot when there is none
    assert read_snapshot(path)[1] > 0
    # other processes may append meanwhile: every word read before is read the same
    assert {word: through_snapshot[word] for word in plain} == plain
