"""Metadata a user gives for the documents of an ingest: a CSV with a row per file, a sidecar
`NAME.meta.yaml` beside a file, or options for every file of one call.

Each source gives a file's fields (`date, title, authors, type, place, language, source, url`, other
columns kept as `extra`), checked here: a bad value is reported in one line naming where it stands, and the
file goes in without that field. Options win over a CSV row, a CSV row over a sidecar.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vakanuvis.errors import BadOption
from vakanuvis.model import DOCUMENT_TYPES

FIELDS = ("date", "title", "authors", "type", "place", "language", "source", "url")
ALIASES = {"author": "authors", "document_type": "type", "lang": "language"}  # other spellings of a column
AUTHOR_SEPARATOR = ";"
SIDECAR_SUFFIX = ".meta.yaml"


@dataclass
class GivenMetadata:
    """The fields given for each file (by resolved path), and what was wrong with the rest."""

    by_path: dict[Path, dict[str, Any]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # one line each: a value left out
    warnings: list[str] = field(default_factory=list)  # one line each: nothing was left out

    def for_file(self, path: Path) -> dict[str, Any]:
        return self.by_path.get(resolved_path(path), {})


def checked_fields(values: Mapping[str, Any], where: str) -> tuple[dict[str, Any], list[str]]:
    """The metadata fields among `values`, normalized, and a line for each value that cannot be used
    (`where` says where it stands: "meta.csv row 3")."""
    given: dict[str, Any] = {}
    problems: list[str] = []
    extra: dict[str, str] = {}
    for raw_name, raw_value in values.items():
        if raw_name is None or str(raw_name).strip().lower() == "path":
            continue
        name = ALIASES.get(str(raw_name).strip().lower(), str(raw_name).strip().lower())
        if raw_value is None or (isinstance(raw_value, str) and not raw_value.strip()):
            continue
        if name not in FIELDS:
            extra[str(raw_name).strip()] = str(raw_value).strip()
            continue
        value, problem = _checked(name, raw_value)
        if problem:
            problems.append(f"{where}, column {raw_name!r}: {problem}; the file is stored without it")
        else:
            given[name] = value
    if extra:
        given["extra"] = extra
    return given, problems


def _checked(name: str, value: Any) -> tuple[Any, str | None]:
    if name == "authors":
        names = value if isinstance(value, list) else str(value).split(AUTHOR_SEPARATOR)
        authors = [str(each).strip() for each in names if str(each).strip()]
        return authors, None if authors else "no author named"
    text = str(value).strip()
    if name == "date":
        return (
            (text, None)
            if is_edtf(text)
            else (None, f"{text!r} is not an EDTF date (1922-03-01, 1920-04, 1919)")
        )
    if name == "type":
        kind = text.lower()
        if kind not in DOCUMENT_TYPES:
            return None, f"unknown document type {text!r}; use one of: {', '.join(DOCUMENT_TYPES)}"
        return kind, None
    if name == "title" and not any(char.isalnum() for char in text):
        return None, "a title needs a visible letter or digit"
    return text, None


def is_edtf(text: str) -> bool:
    """True for a valid EDTF date, interval or approximate date: '1922-03-01', '1920-04~', '1919/1920'."""
    from edtf import parse_edtf

    try:
        parse_edtf(text)
    except Exception:  # noqa: BLE001 — the edtf parser raises several kinds for bad input
        return False
    return True


def read_metadata_csv(path: Path) -> GivenMetadata:
    """The fields of each row of a metadata CSV, keyed by the row's file (a `path` column, relative to the
    CSV's folder or absolute). A CSV that cannot be used at all is a BadOption."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BadOption(f"--metadata {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise BadOption(f"--metadata {path}: cannot be read as UTF-8 text ({error})") from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = list(reader.fieldnames or [])
    path_column = next((name for name in header if name.strip().lower() == "path"), None)
    if path_column is None:
        raise BadOption(
            f"--metadata {path}: the header row needs a 'path' column (it has {', '.join(header) or 'none'})"
        )
    given = GivenMetadata()
    for number, row in enumerate(reader, start=2):
        named = (row.get(path_column) or "").strip()
        if not named:
            given.problems.append(f"{path} row {number}: no file named in column 'path'; the row is left out")
            continue
        file = Path(named) if Path(named).is_absolute() else path.parent / named
        fields, problems = checked_fields(row, f"{path} row {number}")
        given.problems += problems
        given.by_path[resolved_path(file)] = fields
    return given


def resolved_path(path: Path) -> Path:
    """A path made absolute with its links resolved; when they cannot be (a loop of links, a folder that
    cannot be entered) absolute as written, so that the reader, not this, reports the file."""
    try:
        return Path(path).resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError for a loop of symbolic links
        return Path(os.path.abspath(path))


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except (OSError, ValueError):  # a folder on the way that cannot be entered
        return False


def read_sidecar(file: Path) -> tuple[dict[str, Any], list[str]]:
    """The fields of the sidecar beside `file` (`NAME.meta.yaml` or `NAME.txt.meta.yaml`), if there is one."""
    for sidecar in (file.with_suffix(SIDECAR_SUFFIX), file.with_name(file.name + SIDECAR_SUFFIX)):
        if _is_file(sidecar):
            try:
                values = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
                return {}, [
                    f"{sidecar}: cannot be read as YAML ({type(error).__name__}); {file} is stored without it"
                ]
            if not isinstance(values, dict):
                return {}, [f"{sidecar}: holds no 'key: value' lines; {file} is stored without it"]
            return checked_fields(values, str(sidecar))
    return {}, []


def gather_metadata(
    files: Iterable[Path], csv_metadata: GivenMetadata | None, options: Mapping[str, Any]
) -> GivenMetadata:
    """Each file's given fields: its sidecar's, then its CSV row's, then the options' (later wins); a CSV
    row that names none of the files is a warning."""
    gathered = GivenMetadata(problems=list(csv_metadata.problems) if csv_metadata else [])
    option_fields, option_problems = checked_fields(options, "the options")
    if option_problems:
        raise BadOption(option_problems[0].replace("; the file is stored without it", ""))
    seen: set[Path] = set()
    for file in files:
        resolved = resolved_path(file)
        fields, problems = read_sidecar(Path(file))
        gathered.problems += problems
        if csv_metadata and resolved in csv_metadata.by_path:
            seen.add(resolved)
            fields = _merged(fields, csv_metadata.by_path[resolved])
        fields = _merged(fields, option_fields)
        if fields:
            gathered.by_path[resolved] = fields
    if csv_metadata:
        for named in csv_metadata.by_path.keys() - seen:
            gathered.warnings.append(f"warning: the metadata names {named}, which this ingest did not read")
    return gathered


def _merged(first: dict[str, Any], then: dict[str, Any]) -> dict[str, Any]:
    merged = {**first, **then}
    if "extra" in first and "extra" in then:
        merged["extra"] = {**first["extra"], **then["extra"]}
    return merged
