"""Word frequencies from wordfreq's lists, looked up in a table on disk rather than held in memory.

wordfreq keeps a language's whole list in memory once a single word is looked up: its Russian list (713,000
words) took some 120 MiB and 0.6 s of CPU in every ingest that met a footnote's glued Russian title, for a
handful of look-ups. Here each list is written once per machine into a SQLite table in the user cache
directory (named by wordfreq's version and the list's file) and read a word at a time; with the cache off,
only the words' frequencies are kept in memory, not wordfreq's list beside them.

`frequency` and `zipf_frequency` answer as `wordfreq.get_frequency_dict(language).get(word, 0.0)` and
`wordfreq.zipf_frequency(word, language)` do (the second follows wordfreq's `_word_frequency`, version 3:
its tokens, digits and rounding); tests/lang/test_word_frequencies.py compares them with wordfreq's own.
"""

from __future__ import annotations

import gzip
import math
import os
import sqlite3
from collections.abc import Iterator
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

from vakanuvis.user_cache import cache_directory

TABLE_FORMAT = 1
ZIPF_ZERO = 10**0 / 1e9  # the frequency of Zipf 0 (wordfreq's zipf_to_freq(0)), the least it answers
LOOKUPS_KEPT = 65_536  # words looked up kept in memory (the same glued title recurs in every footnote)


@cache
def available_lists() -> dict[str, str]:
    """The file of wordfreq's best list of each language it has ("large" where there is one)."""
    import wordfreq

    return wordfreq.available_languages()  # type: ignore[no-any-return]


def has_list(language: str) -> bool:
    return language in available_lists()


def frequency(word: str, language: str) -> float:
    """The word's frequency in the language's list (a proportion of tokens), 0.0 when it is not listed."""
    centibels = _centibels(word, language)
    return 0.0 if centibels is None else _cB_to_freq(centibels)


def zipf_frequency(word: str, language: str) -> float:
    """`wordfreq.zipf_frequency(word, language)`: the frequency of the text's tokens combined, on the Zipf
    scale (0 for a word never seen)."""
    if not has_list(language) or _spaceless(language):
        import wordfreq

        return wordfreq.zipf_frequency(word, language)  # type: ignore[no-any-return]
    return round(math.log(_word_frequency(word, language), 10) + 9, 2)


@cache
def _spaceless(language: str) -> bool:
    """Chinese and Japanese: wordfreq infers their word breaks and weighs each (left to wordfreq)."""
    from wordfreq.language_info import get_language_info

    return get_language_info(language)["tokenizer"] == "jieba"  # type: ignore[no-any-return]


@lru_cache(maxsize=LOOKUPS_KEPT)
def _word_frequency(word: str, language: str) -> float:
    # wordfreq 3's _word_frequency with zipf_frequency's minimum (Zipf 0), the list read from the table
    from wordfreq.numbers import digit_freq, smash_numbers
    from wordfreq.tokens import lossy_tokenize

    minimum = ZIPF_ZERO
    tokens = lossy_tokenize(word, language)
    if not tokens:
        return minimum
    one_over_result = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        centibels = _centibels(smashed, language)
        if centibels is None:
            return minimum
        found = _cB_to_freq(centibels)
        if smashed != token:
            found *= digit_freq(token)
        one_over_result += 1.0 / found
    unrounded = max(1.0 / one_over_result, minimum)
    leading_zeroes = math.floor(-math.log(unrounded, 10))
    return round(unrounded, leading_zeroes + 3)


def _cB_to_freq(centibels: int) -> float:
    return 10 ** (-centibels / 100)  # wordfreq's cB_to_freq(-index), the same float


@lru_cache(maxsize=LOOKUPS_KEPT)
def _centibels(word: str, language: str) -> int | None:
    """The word's place in the list: minus its frequency in centibels, or None when it is not listed."""
    return _table(language).centibels(word)


class _FrequencyTable:
    """One language's list: a read-only SQLite table in the cache directory, else a dict in memory."""

    def __init__(self, language: str) -> None:
        self.source = available_lists().get(language)
        self.connection: sqlite3.Connection | None = None
        self.in_memory: dict[str, int] | None = None
        if self.source is None:
            self.in_memory = {}
            return
        path = table_file(self.source)
        if path is not None:
            try:
                if not path.is_file():
                    path.parent.mkdir(parents=True, exist_ok=True)
                    write_table(path, self.source)
                self.connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                return
            except (OSError, sqlite3.Error):  # an unwritable cache directory: the list in memory
                self.connection = None
        self.in_memory = dict(_listed_words(self.source))  # a word listed twice keeps its last place

    def centibels(self, word: str) -> int | None:
        if self.connection is None:
            return (self.in_memory or {}).get(word)
        row = self.connection.execute("SELECT centibels FROM words WHERE word = ?", (word,)).fetchone()
        return None if row is None else int(row[0])


@cache
def _table(language: str) -> _FrequencyTable:
    return _FrequencyTable(language)


def table_file(source: str) -> Path | None:
    """The cache file of one of wordfreq's list files, or None when the cache is off."""
    directory = cache_directory()
    if directory is None:
        return None
    name = Path(source).name.split(".")[0]  # "large_ru"
    return directory / f"wordfreq-{metadata.version('wordfreq')}-{name}-v{TABLE_FORMAT}.sqlite"


def _listed_words(source: str) -> Iterator[tuple[str, int]]:
    """(word, centibels) of each word of the list file, in the list's order, read a band of one frequency at
    a time (wordfreq's `read_cBpack` reads the whole list at once: some 90 MiB for the Russian one)."""
    import msgpack  # wordfreq's own reader of its files

    with gzip.open(source, "rb") as packed:
        unpacker = msgpack.Unpacker(packed, raw=False)
        bands = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{source}: not a wordfreq list of the version read here ({header!r})")
        for index in range(bands - 1):
            for word in unpacker.unpack():
                yield word, index


def write_table(path: Path, source: str) -> None:
    """Write the list file `source` into a SQLite table at `path` (about 1 s of CPU for 700,000 words; a
    word listed twice keeps its last place, as wordfreq's dictionary does)."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    connection = sqlite3.connect(partial)
    try:
        connection.execute("PRAGMA journal_mode = OFF")  # a partial file: a failed build is thrown away
        connection.execute("CREATE TEMP TABLE listed (word TEXT NOT NULL, centibels INTEGER NOT NULL)")
        connection.executemany("INSERT INTO listed VALUES (?, ?)", _listed_words(source))
        connection.execute(
            "CREATE TABLE words (word TEXT PRIMARY KEY, centibels INTEGER NOT NULL) WITHOUT ROWID"
        )
        # inserted in key order (the list's order is by frequency): a third faster than one row at a time
        connection.execute(
            "INSERT INTO words SELECT word, max(centibels) FROM listed GROUP BY word ORDER BY word"
        )
        connection.commit()
    finally:
        connection.close()
    os.replace(partial, path)  # processes building it at once each write their own file; one wins
