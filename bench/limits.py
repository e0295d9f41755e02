"""What the same text costs through passes far simpler than vakanuvis: the limits its speed is read against.

Each pass gets the texts already read (reading is not timed) and returns CPU seconds: one regex pass over
the words, a plain SQLite insert of every sentence into a new file in one transaction, and spaCy's blank
Turkish pipeline with a sentencizer, only when spaCy is installed (it is never a dependency of vakanuvis).
"""

from __future__ import annotations

import re
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def regex_pass(texts: list[str]) -> float:
    started = time.process_time()
    for text in texts:
        WORD.findall(text)
    return time.process_time() - started


def sqlite_insert(texts: list[str]) -> float:
    with tempfile.TemporaryDirectory() as scratch:
        started = time.process_time()
        connection = sqlite3.connect(Path(scratch) / "plain.sqlite")
        connection.execute("CREATE TABLE sentence (document INTEGER, number INTEGER, text TEXT)")
        with connection:
            for document, text in enumerate(texts):
                connection.executemany(
                    "INSERT INTO sentence VALUES (?, ?, ?)",
                    ((document, number, s) for number, s in enumerate(SENTENCE_END.split(text))),
                )
        connection.close()
        return time.process_time() - started


def spacy_blank_turkish(texts: list[str]) -> float | None:
    """None when spaCy is not installed."""
    try:
        import spacy
    except ImportError:
        return None
    nlp = spacy.blank("tr")
    nlp.add_pipe("sentencizer")
    started = time.process_time()
    for _ in nlp.pipe(texts):
        pass
    return time.process_time() - started


PASSES: list[tuple[str, Callable[[list[str]], float | None]]] = [
    ("one regex pass", regex_pass),
    ("plain SQLite insert of every sentence", sqlite_insert),
    ("spaCy blank Turkish + sentencizer", spacy_blank_turkish),
]


def print_limits(texts: list[str], words: int, own_cpu: float, indent: str = "  ") -> None:
    """words/s of each pass, and vakanuvis' CPU time as a multiple of it."""
    for label, run in PASSES:
        seconds = run(texts)
        if seconds is None:
            print(f"{indent}{label}: skipped (spaCy is not installed in this environment)")
            continue
        seconds = max(seconds, 1e-9)
        print(
            f"{indent}{label}: {words / seconds:,.0f} words/s ({own_cpu / seconds:,.0f}× less CPU than vakanuvis)"
        )
