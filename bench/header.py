"""Score the article-header reader field by field on first pages written for it (bench/texts/header).

Run: `python bench/header.py [tuning|heldout|all]` (default: tuning). Each annotated value is a field:
title, the list of authors, journal, volume, issue, year, pages, DOI, received, accepted; the affiliation
and the ORCID of each author, the abstract of each language (right when it starts and ends with the
annotated words), the keywords of each language. A field read but not annotated counts against precision.
The held-out pages were written and annotated with the others but not looked at while the reader was tuned.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from vakanuvis.ingest import read_file  # noqa: E402
from vakanuvis.structure import recover_structure  # noqa: E402

TEXTS = HERE / "texts" / "header"
ANNOTATION = HERE / "annotations" / "header.json"
SCALARS = ("title", "authors", "journal", "volume", "issue", "year", "pages", "doi", "received", "accepted")
PER_KEY = ("affiliations", "orcids", "abstracts", "keywords")


def squeeze(text: str) -> str:
    return " ".join(str(text).split())


def fields_of(values: dict) -> dict[str, object]:
    """Flat fields: "title", "affiliations/Ayşe Kaya", "abstracts/tr" …"""
    flat: dict[str, object] = {
        name: values[name] for name in SCALARS if values.get(name) not in (None, "", [])
    }
    for name in PER_KEY:
        for key, value in (values.get(name) or {}).items():
            flat[f"{name}/{key}"] = value
    return flat


def right(name: str, expected: object, found: object) -> bool:
    if name.startswith("abstracts/"):
        first, last = expected  # type: ignore[misc]
        return squeeze(found).startswith(squeeze(first)) and squeeze(found).endswith(squeeze(last))
    if isinstance(expected, str):
        return squeeze(expected) == squeeze(found)
    return expected == found


def score(names: list[str], pages: dict[str, dict]) -> tuple[int, int, int, list[str]]:
    correct = annotated = read = 0
    wrong: list[str] = []
    for name in names:
        document = recover_structure(read_file(TEXTS / name), name)
        found = fields_of({"title": document.title, "authors": document.authors, **document.header})
        found.pop("titles", None)
        expected = fields_of(pages[name])
        annotated += len(expected)
        read += len(found)
        for field, value in expected.items():
            if field in found and right(field, value, found[field]):
                correct += 1
            else:
                wrong.append(f"{name} {field}: expected {value!r}, read {found.get(field)!r}")
        wrong += [
            f"{name} {field}: read {found[field]!r}, not annotated"
            for field in found.keys() - expected.keys()
        ]
    return correct, annotated, read, wrong


def main() -> None:
    which = sys.argv[1] if len(sys.argv) > 1 else "tuning"
    pages = json.loads(ANNOTATION.read_text(encoding="utf-8"))["pages"]
    sets = ["tuning", "heldout"] if which == "all" else [which]
    for name in sets:
        names = sorted(page for page in pages if page.startswith(f"{name}/"))
        correct, annotated, read, wrong = score(names, pages)
        precision = correct / read if read else 0.0
        recall = correct / annotated if annotated else 0.0
        print(
            f"{name}: {len(names)} first pages, {annotated} fields annotated, {read} read, {correct} right: "
            f"precision {precision:.2f}, recall {recall:.2f}"
        )
        for line in wrong:
            print("  " + line)


if __name__ == "__main__":
    main()
