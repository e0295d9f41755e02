"""Regular expressions compiled once per machine, not once per process: the dates grammar's few dozen
patterns, some of them tries of hundreds of spellings, took about 0.2 s of CPU to parse and compile at
every start.

`compile_pattern` keeps what CPython's regex compiler produces for a pattern (its code words, flags and
group names) in a marshal file in the user's cache directory and hands it straight to `_sre.compile`, the
step `re.compile` ends with. This leans on the compiler's internals, so it is used only on the CPython
version it was written for (PINNED_PYTHON; the file is named by the exact version too) and is plain
`re.compile` everywhere else; tests/test_compiled_patterns.py checks that a pattern made from the cache
is the one `re.compile` makes.
"""

from __future__ import annotations

import marshal
import os
import platform
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

from vakanuvis.user_cache import cache_directory

PINNED_PYTHON = (3, 11)
CACHE_FORMAT = 1
# (pattern, flags asked) -> (flags, code, groups, group index, index group), what _sre.compile takes
_Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

_new: dict[tuple[str, int], _Compiled] = {}  # compiled in this process, not yet in the file
_used: set[tuple[str, int]] = set()  # taken from the file in this process
KEPT_PATTERNS = (
    1000  # above this many, a save keeps only the patterns this process used (an old grammar's go)
)


def _fast_path() -> bool:
    return platform.python_implementation() == "CPython" and sys.version_info[:2] == PINNED_PYTHON


def cache_file() -> Path | None:
    directory = cache_directory()
    if directory is None or not _fast_path():
        return None
    version = ".".join(map(str, sys.version_info[:3]))
    return directory / f"patterns-cpython-{version}-v{CACHE_FORMAT}.marshal"


@cache
def _stored() -> dict[tuple[str, int], _Compiled]:
    path = cache_file()
    if path is None or not path.is_file():
        return {}
    try:
        found = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):  # a torn or foreign file: compile afresh
        return {}
    return found if isinstance(found, dict) else {}


def compiled_form(pattern: str, flags: int = 0) -> _Compiled:
    """What CPython's compiler makes of `pattern` (re._compiler.compile without its last step)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        [int(word) for word in code],
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the machine's cache of compiled patterns where it can be."""
    if not _fast_path():
        return re.compile(pattern, flags)
    key = (pattern, int(flags))  # a RegexFlag would not marshal
    found = _stored().get(key) or _new.get(key)
    if found is not None:
        try:
            made = _from_compiled_form(pattern, found)
        except (RuntimeError, TypeError, ValueError, OverflowError):  # a damaged entry: compile afresh
            _stored().pop(key, None)
        else:
            _used.add(key)
            return made
    found = _new[key] = compiled_form(pattern, flags)
    return _from_compiled_form(pattern, found)


def _from_compiled_form(pattern: str, found: _Compiled) -> re.Pattern[str]:
    import _sre

    final_flags, code, groups, groupindex, indexgroup = found
    compiled: Any = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
    return compiled  # type: ignore[no-any-return]


def save_compiled_patterns() -> None:
    """Write the patterns this process compiled into the cache file (with those already there)."""
    path = cache_file()
    if path is None or not _new:
        return
    merged = {**_stored(), **_new}
    if len(merged) > KEPT_PATTERNS:
        merged = {key: form for key, form in merged.items() if key in _used or key in _new}
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(marshal.dumps(merged))
        os.replace(partial, path)  # processes saving at once each write their own file; one wins
    except (OSError, ValueError):  # an unwritable cache directory: the next process compiles again
        partial.unlink(missing_ok=True)
        return
    _stored().update(_new)
    _new.clear()
