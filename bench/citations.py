"""Score the citation parser and the merging of citations into works against a hand annotation.

Usage: .venv/bin/python bench/citations.py [bench/annotations/citations-sutad.json] [--verbose]

Footnote texts come from the structure stage when it is importable and finds the same footnote
numbers; otherwise from the hand transcription in the annotation file.

Field comparison (per hand-annotated reference; a reference the parser missed counts as wrong):
- authors: the list of names, each casefolded with ә read as ə and everything but letters and
  digits dropped ("Ю.А. Багиров" = "Ю.А.Багиров"), equal as lists;
- title: the parsed title, or its repaired form, equal under the same folding to one of the
  annotated strings (spaces do not count, so a repaired title matches the glued original);
- year: equal integers (None = None); place and locator: folded equality.
Predicted references are aligned with annotated ones by their order within each footnote.
Merging: pairwise precision and recall over pairs of references put in one work; an extra
predicted reference that the annotation lacks adds its pairs to the predicted side.
"""

from __future__ import annotations

import json
import sys
from itertools import combinations
from pathlib import Path

from vakanuvis.annotate.citations import parse_footnote
from vakanuvis.model import Citation
from vakanuvis.resolve.sources import merge_sources

ROOT = Path(__file__).resolve().parent
DEFAULT = ROOT / "annotations" / "citations-sutad.json"
CORPUS = ROOT.parent.parent / "shared" / "corpus"


def folded(text: str | None) -> str:
    """Casefolded, ә as ə, letters and digits only."""
    if text is None:
        return ""
    text = text.casefold().replace("\u04d9", "ə")
    return "".join(c for c in text if c.isalnum())


def footnote_texts(annotation: dict) -> tuple[dict[int, str], str]:
    """Footnote texts from the structure stage if it runs, else the hand transcription."""
    hand = {note["number"]: note["text"] for note in annotation["footnotes"]}
    try:
        from vakanuvis.ingest import read_file  # type: ignore[attr-defined]
        from vakanuvis.structure import recover_structure  # type: ignore[import-not-found]

        document = recover_structure(read_file(str(CORPUS / annotation["document"])), "bench")
        texts = {note.number: note.text for note in document.footnotes}
        if set(texts) >= set(hand):
            return texts, "structure stage"
    except Exception as error:  # noqa: BLE001 - any failure of another stage falls back to the transcription
        print(f"(structure stage not used: {type(error).__name__}: {error})")
    return hand, "hand transcription"


def field_right(field: str, gold: dict, predicted: Citation | None) -> bool:
    if predicted is None:
        return False
    if field == "authors":
        return [folded(a) for a in gold["authors"]] == [folded(a) for a in predicted.authors]
    if field == "title":
        wanted = {folded(t) for t in gold["title"] if t is not None}
        got = {folded(predicted.title), folded(predicted.title_repaired)} - {""}
        return bool(wanted & got) if wanted else not got
    if field == "year":
        return gold["year"] == predicted.year
    return folded(gold[field]) == folded(getattr(predicted, field))


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    paths = [a for a in argv if not a.startswith("--")]
    annotation = json.loads(Path(paths[0] if paths else DEFAULT).read_text(encoding="utf-8"))
    texts, origin = footnote_texts(annotation)
    print(f"footnote texts: {origin}")

    fields = ("authors", "title", "year", "place", "locator")
    right = dict.fromkeys(fields, 0)
    annotated = 0
    gold_work: dict[tuple[int, int], str] = {}
    aligned: dict[tuple[int, int], Citation] = {}
    extras: list[Citation] = []
    everything: list[Citation] = []
    for note in annotation["footnotes"]:
        predicted = parse_footnote(note["number"], texts.get(note["number"], ""))
        everything.extend(predicted)
        for index, gold in enumerate(note["references"]):
            ref = (note["number"], index)
            gold_work[ref] = gold["work"]
            citation = predicted[index] if index < len(predicted) else None
            if citation is not None:
                aligned[ref] = citation
            if "authors" not in gold:
                continue
            annotated += 1
            for field in fields:
                ok = field_right(field, gold, citation)
                right[field] += ok
                if verbose and not ok:
                    shown = getattr(citation, field) if citation else "(missing)"
                    print(f"  fn {note['number']}.{index} {field}: want {gold.get(field)!r} got {shown!r}")
        extras.extend(predicted[len(note["references"]) :])
        if verbose and len(predicted) != len(note["references"]):
            print(f"  fn {note['number']}: {len(note['references'])} annotated, {len(predicted)} parsed")

    merge_sources([("sutad", c) for c in everything])
    gold_pairs = {(a, b) for a, b in combinations(sorted(gold_work), 2) if gold_work[a] == gold_work[b]}
    keyed = [(ref, c.source_key) for ref, c in sorted(aligned.items())]
    keyed += [((1000 + i, 0), c.source_key) for i, c in enumerate(extras)]  # extras sort after every footnote
    predicted_pairs = {(a, b) for (a, ka), (b, kb) in combinations(keyed, 2) if ka == kb}
    true_pairs = predicted_pairs & gold_pairs
    precision = len(true_pairs) / len(predicted_pairs) if predicted_pairs else 1.0
    recall = len(true_pairs) / len(gold_pairs) if gold_pairs else 1.0
    if verbose:
        for pair in sorted(gold_pairs - predicted_pairs):
            print(f"  missed pair {pair}")
        for pair in sorted(predicted_pairs - gold_pairs):
            print(f"  wrong pair {pair}")

    total = sum(len(n["references"]) for n in annotation["footnotes"])
    print(
        f"references: {total} annotated, {len(everything)} parsed, {len(aligned)} aligned, {len(extras)} extra"
    )
    print(f"field accuracy over {annotated} field-annotated references:")
    for field in fields:
        print(f"  {field:8s} {right[field] / annotated:6.1%}  ({right[field]}/{annotated})")
    together = sum(
        1
        for note in annotation["footnotes"]
        for index, gold in enumerate(note["references"])
        if "authors" in gold
        and all(
            field_right(f, gold, aligned.get((note["number"], index))) for f in ("authors", "title", "year")
        )
    )
    print(f"  author+title+year all right: {together / annotated:6.1%}  ({together}/{annotated})")
    print(f"merging: {len(gold_pairs)} gold pairs, {len(predicted_pairs)} predicted pairs")
    print(f"  pairwise precision {precision:.3f}  recall {recall:.3f}")
    print(
        f"  works: {len(set(gold_work.values()))} annotated, {len({c.source_key for c in everything})} found"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
