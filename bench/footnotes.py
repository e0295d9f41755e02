"""Score footnote recovery and marker linking on the sample article against a hand-made annotation.

Run: `python bench/footnotes.py [ARTICLE] [ANNOTATION]`. A footnote counts as recovered when its number
and page are right and its text starts and ends with the annotated words (whitespace ignored); a marker
is linked right when the body sentence carrying it ends with the annotated words.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from vakanuvis.ingest import read_file  # noqa: E402
from vakanuvis.structure import recover_structure  # noqa: E402

ARTICLE = HERE.parents[1] / "shared/corpus/sutad-turkiye-azerbaycan-1920-1922.txt"
ANNOTATION = HERE / "annotations/footnotes-sutad.json"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def footnote_matches(expected: dict, text: str, page: int, pages: list[int], body_endings: list[str]) -> bool:
    """Right number, page(s), first and last words, and no body sentence swallowed in the middle."""
    text = squeeze(text)
    whole = text.startswith(squeeze(expected["first"])) and text.endswith(squeeze(expected["last"]))
    inner = squeeze(expected.get("contains", "")) in text
    clean = not any(squeeze(ending) in text for ending in body_endings)
    return whole and inner and clean and page == expected["page"] and pages == expected["pages"]


def main() -> None:
    article = Path(sys.argv[1]) if len(sys.argv) > 1 else ARTICLE
    annotation = json.loads(
        Path(sys.argv[2] if len(sys.argv) > 2 else ANNOTATION).read_text(encoding="utf-8")
    )
    document = recover_structure(read_file(article), "bench")
    found = {note.number: note for note in document.footnotes}
    expected = {item["number"]: item for item in annotation["footnotes"]}
    wanted = annotation["footnotes"] + annotation.get("markers_without_footnote", [])
    body_endings = [item["sentence_end"] for item in wanted]
    correct = [
        n
        for n, item in expected.items()
        if n in found and footnote_matches(item, found[n].text, found[n].page, found[n].pages, body_endings)
    ]
    precision = len(correct) / len(found) if found else 0.0
    recall = len(correct) / len(expected) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    markers = {marker.number: marker for marker in document.markers}
    linked = 0
    wrong: list[str] = []
    for item in wanted:
        marker = markers.get(item["number"])
        sentence = ""
        if marker is not None and marker.sentence is not None:
            span = document.sentences[marker.sentence].span
            sentence = squeeze(document.text[span.start : span.end])
        if (
            marker is not None
            and marker.page == item["marker_page"]
            and sentence.endswith(squeeze(item["sentence_end"]))
        ):
            linked += 1
        else:
            wrong.append(f"  marker {item['number']}: got {sentence[-60:]!r}")
    extra_markers = sorted(set(markers) - {item["number"] for item in wanted})
    print(f"document: {article.name} ({document.pages} pages)")
    print(f"footnotes: found {len(found)}, annotated {len(expected)}, correct {len(correct)}")
    print(f"footnote recovery: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(
        f"marker linking: {linked}/{len(wanted)} = {linked / len(wanted):.3f}  (spurious markers: {extra_markers or 'none'})"
    )
    for n in sorted(set(expected) - set(correct)):
        got = found.get(n)
        print(
            f"  footnote {n}: got {(squeeze(got.text)[:50] + ' … ' + squeeze(got.text)[-30:]) if got else None!r}"
        )
    for line in wrong:
        print(line)


if __name__ == "__main__":
    main()
