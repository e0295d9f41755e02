"""Check a source article for the PDF-layout bench (bench/texts/pdf-source-*.json) and print its counts.

The bench typesets these articles with real footnotes and scores what the tool recovers, so a source that
breaks its own invariants (a note without a marker, markers out of order, a newline inside a paragraph)
would score the bench, not the tool. No dependencies: python3 bench/texts/check_pdf_source.py FILE ...
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

MARKER = re.compile(r"\[\[(\d+)\]\]")
KINDS = {"heading", "paragraph"}
KEYS = {"title", "authors", "made_by", "blocks", "notes"}
# Headings of the front matter: paragraphs under them are not counted as body words.
FRONT_MATTER = {"öz", "abstract"}


def check(path: Path) -> list[str]:
    """Return the problems found in one source file, after printing its counts."""
    problems: list[str] = []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return [f"not UTF-8 JSON: {error}"]
    if set(data) != KEYS:
        problems.append(f"top-level keys are {sorted(data)}, expected {sorted(KEYS)}")
    if not isinstance(data.get("title"), str) or not data.get("title"):
        problems.append("title is not a non-empty string")
    authors = data.get("authors")
    if not isinstance(authors, list) or not authors or not all(isinstance(a, str) and a for a in authors):
        problems.append("authors is not a non-empty list of strings")
    notes = data.get("notes", {})
    blocks = data.get("blocks", [])

    markers: list[int] = []
    words_body = words_front = paragraphs = headings = 0
    in_front = False
    for index, block in enumerate(blocks):
        kind, text = block.get("kind"), block.get("text")
        if set(block) != {"kind", "text"} or kind not in KINDS:
            problems.append(f"block {index}: expected {{kind: heading|paragraph, text}}, got {block!r:.80}")
            continue
        if not isinstance(text, str) or not text.strip():
            problems.append(f"block {index}: empty text")
            continue
        if "\n" in text or "\r" in text:
            problems.append(f"block {index}: text holds a newline")
        if text != text.strip() or "  " in text:
            problems.append(f"block {index}: leading, trailing or doubled spaces")
        if "[[" in MARKER.sub("", text) or "]]" in MARKER.sub("", text):
            problems.append(f"block {index}: a malformed marker")
        for match in MARKER.finditer(text):
            markers.append(int(match.group(1)))
            if match.start() == 0 or text[match.start() - 1].isspace():
                problems.append(
                    f"block {index}: marker [[{match.group(1)}]] follows a space or opens the text"
                )
        if kind == "heading":
            headings += 1
            in_front = text.strip().casefold() in FRONT_MATTER
            if MARKER.search(text):
                problems.append(f"block {index}: a marker in a heading")
            continue
        paragraphs += 1
        count = len(MARKER.sub("", text).split())
        if in_front:
            words_front += count
        else:
            words_body += count

    expected = list(range(1, len(markers) + 1))
    if markers != expected:
        problems.append(f"markers are not 1..N once each in ascending order: {markers}")
    note_keys = sorted(notes, key=lambda k: int(k) if k.isdigit() else -1)
    if note_keys != [str(n) for n in expected]:
        problems.append(f"note numbers {note_keys} do not match markers 1..{len(markers)}")
    for key, text in notes.items():
        if not isinstance(text, str) or not text.strip():
            problems.append(f"note {key}: empty")
        elif "\n" in text or text != text.strip() or MARKER.search(text):
            problems.append(f"note {key}: holds a newline, outer spaces or a marker")
    note_words = sum(len(str(text).split()) for text in notes.values())

    print(
        f"{path}: {words_body} body words, {words_front} front-matter words, {paragraphs} paragraphs, "
        f"{headings} headings, {len(notes)} notes ({note_words} words), {len(markers)} markers"
    )
    return problems


def main(arguments: list[str]) -> int:
    if not arguments:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    failed = False
    for name in arguments:
        for problem in check(Path(name)):
            failed = True
            print(f"  PROBLEM: {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
