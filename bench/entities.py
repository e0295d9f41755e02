"""Precision and recall of entity mentions and of resolved entities against hand annotations.

Each `bench/annotations/entities-*.json` names its text (`source`: a file in ../shared/corpus or in
bench/texts), lists the body's mentions in reading order as [text as written, type, canonical entity],
and may list `ignore_between` regions (e.g. an English abstract) that were not annotated.
Gold mentions are located by searching their text in order through the cleaned body text.

A predicted mention is right when it overlaps a gold mention of the same type (one to one).
A predicted entity is right when most of its mentions that overlap gold mentions belong to one gold
entity of its type, and no larger predicted entity already claimed that gold entity (a split entity
counts once right, then wrong). Run: `.venv/bin/python bench/entities.py [-v]`.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from vakanuvis.annotate.entities import find_mentions
from vakanuvis.model import Document, EntityMention
from vakanuvis.resolve.entities import resolve_entities

BENCH = Path(__file__).parent
CORPUS = BENCH.parent.parent / "shared" / "corpus"
TYPES = ("person", "place", "organization", "treaty", "meeting")


def load_document(path: Path) -> Document:
    """The cleaned body text: the structure stage when present, else raw lines without footnote lines."""
    try:
        from vakanuvis.ingest import read_file
        from vakanuvis.structure import recover_structure

        return recover_structure(read_file(path), path.stem)
    except ImportError:
        lines = path.read_text(encoding="utf-8").splitlines()
        body = [line.strip() for line in lines if line.strip() and not re.match(r"^\s*\d+\s{2,}", line)]
        return Document(id=path.stem, path=str(path), sha256="", text=" ".join(body))


def locate(text: str, gold: list[list[str]]) -> tuple[list[tuple[int, int, str, str]], list[str]]:
    """Offsets of the gold mentions, searched in order; and the ones not found."""
    found, missing, position = [], [], 0
    for written, kind, canonical in gold:
        pattern = r"\s*".join(re.escape(part) for part in written.split())
        match = re.compile(pattern).search(text, position)
        if match is None:
            missing.append(written)
            continue
        found.append((match.start(), match.end(), kind, canonical))
        position = match.end()
    return found, missing


def ignored_regions(text: str, pairs: list[list[str]]) -> list[tuple[int, int]]:
    regions = []
    for first, last in pairs:
        start = text.find(first)
        end = text.find(last, start + 1) if start >= 0 else -1
        if start >= 0 and end > start:
            regions.append((start, end))
    return regions


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def ratio(right: int, total: int) -> float:
    return right / total if total else 1.0


def score(annotation_path: Path, verbose: bool) -> dict[str, dict[str, tuple[int, int, int, int]]]:
    annotation = json.loads(annotation_path.read_text(encoding="utf-8"))
    source = BENCH / "texts" / annotation["source"]
    if not source.is_file():
        source = CORPUS / annotation["source"]
    document = load_document(source)
    text = document.text
    gold, missing = locate(text, annotation["mentions"])
    regions = ignored_regions(text, annotation.get("ignore_between", []))
    predicted: list[EntityMention] = [
        m
        for m in find_mentions(document)
        if not any(overlaps((m.span.start, m.span.end), r) for r in regions)
    ]
    resolve_entities({document.id: predicted})
    gold_type = {canonical: kind for canonical, kind in annotation["entities"].items()}

    # mentions: one-to-one overlap with the same type
    matched_gold: dict[int, int] = {}  # predicted index -> gold index (any type, for entity scoring)
    used: set[int] = set()
    right_mentions = Counter()
    for p_index, mention in enumerate(predicted):
        span = (mention.span.start, mention.span.end)
        for g_index, (start, end, kind, _) in enumerate(gold):
            if g_index not in used and overlaps(span, (start, end)):
                matched_gold[p_index] = g_index
                used.add(g_index)
                if kind == mention.type:
                    right_mentions[kind] += 1
                break
    # entities
    by_key: dict[str, list[int]] = defaultdict(list)
    for p_index, mention in enumerate(predicted):
        by_key[mention.entity_key].append(p_index)
    claimed: set[str] = set()
    right_entities = Counter()
    predicted_entities = Counter()
    wrong: list[str] = []
    for key, indices in sorted(by_key.items(), key=lambda item: -len(item[1])):
        kind = predicted[indices[0]].type
        predicted_entities[kind] += 1
        votes = Counter(gold[matched_gold[i]][3] for i in indices if i in matched_gold)
        best = votes.most_common(1)[0][0] if votes else None
        if best is not None and gold_type.get(best) == kind and best not in claimed:
            claimed.add(best)
            right_entities[kind] += 1
        else:
            wrong.append(f"{kind} {key} {sorted({predicted[i].surface for i in indices})} -> {best}")
    gold_entities = Counter(kind for canonical, kind in gold_type.items())
    gold_mentions = Counter(kind for _, _, kind, _ in gold)
    predicted_mentions = Counter(m.type for m in predicted)
    if verbose:
        if missing:
            print("  gold mentions not found in the text:", missing)
        for p_index, mention in enumerate(predicted):
            g = gold[matched_gold[p_index]] if p_index in matched_gold else None
            if g is None or g[2] != mention.type:
                print(f"  FP mention {mention.type:12} {mention.text!r} (gold: {g[2] if g else '-'})")
        for g_index, (start, end, kind, _) in enumerate(gold):
            if g_index not in used:
                print(f"  FN mention {kind:12} {text[start:end]!r}")
        for line in wrong:
            print("  wrong entity", line)
        for canonical, kind in sorted(gold_type.items()):
            if canonical not in claimed:
                print(f"  missed entity {kind:12} {canonical}")
    return {
        kind: {
            "mentions": (right_mentions[kind], predicted_mentions[kind], gold_mentions[kind]),
            "entities": (right_entities[kind], predicted_entities[kind], gold_entities[kind]),
        }
        for kind in TYPES
    }


def main() -> None:
    verbose = "-v" in sys.argv
    for path in sorted((BENCH / "annotations").glob("entities-*.json")):
        print(f"{path.name}")
        results = score(path, verbose)
        print(
            f"  {'type':13} {'mentions P':>10} {'R':>6} {'(n)':>5}   {'entities P':>10} {'R':>6} {'(n)':>5}"
        )
        for kind, figures in results.items():
            (mr, mp, mg), (er, ep, eg) = figures["mentions"], figures["entities"]
            print(
                f"  {kind:13} {ratio(mr, mp):10.2f} {ratio(mr, mg):6.2f} {mg:5d}"
                f"   {ratio(er, ep):10.2f} {ratio(er, eg):6.2f} {eg:5d}"
            )


if __name__ == "__main__":
    main()
