"""Score `vakanuvis check` against what a careful editor flags (hand annotation), text by text.

The texts: the sample article (bench/annotations/check-sutad.json) and the texts written for this bench with
errors planted in them (bench/texts/check-*.txt, listed in bench/annotations/check-*.json). Each list has
"expected" (must-finds of the rules already built), "cross_checks" (what comparing two places of the text
finds: a name spelled two ways, a work cited two ways, the conclusion against the body...) and "debatable".
A primary source is ingested with its own date and type ("metadata"), as a historian gives them.

A finding is a hit when its kind is the item's and one of its evidence spans overlaps the item's quote in the
body text (or, for "footnote:N", lies in footnote N), or one of the places named in the item's "other".
Findings on debatable items count neither as hits nor as false alarms.

The held-out texts (check-heldout-*) are scored only with --heldout: the checks are never tuned on them.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from vakanuvis.check import finding_record
from vakanuvis.ingest.metadata import GivenMetadata, checked_fields, resolved_path
from vakanuvis.knowledge_base import KnowledgeBase

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parents[1] / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"
SAMPLE = HERE / "annotations" / "check-sutad.json"


def quote_spans(text: str, item: dict) -> list[tuple[int, int]]:
    context = item.get("context", item["quote"])
    spans, start = [], text.find(context)
    while start >= 0:
        inner = start + context.find(item["quote"])
        spans.append((inner, inner + len(item["quote"])))
        start = text.find(context, start + 1)
    return spans


def overlaps_place(finding: dict, place: dict, text: str, document_id: str) -> bool:
    """True when an evidence span of `finding` in this document lies on `place` (a quote or footnote:N)."""
    evidence = [e for e in finding["evidence"] if e.get("document", document_id) == document_id]
    if place["quote"].startswith("footnote:"):
        number = int(place["quote"].split(":")[1])
        return any(e.get("footnote") == number for e in evidence)
    spans = quote_spans(text, place)
    return any(
        "footnote" not in e and any(e["start"] < end and start < e["end"] for start, end in spans)
        for e in evidence
    )


def matches(finding: dict, item: dict, text: str, document_id: str) -> bool:
    if finding["kind"] != item["kind"]:
        return False
    return any(overlaps_place(finding, place, text, document_id) for place in [item, *item.get("other", [])])


@dataclass
class Score:
    """What one text's findings come to against its list."""

    name: str
    findings: int = 0
    expected_hits: int = 0  # findings on a must-find
    cross_hits: int = 0  # findings on a cross-check (and on no must-find)
    debatable: int = 0
    false_alarms: list[dict] = field(default_factory=list)
    expected: int = 0
    expected_found: int = 0
    cross_checks: int = 0
    cross_found: int = 0
    first_list: int = 0  # must-finds of the first list (items not marked "added")
    first_list_found: int = 0
    missed: list[dict] = field(default_factory=list)
    missed_cross: list[dict] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # quotes not in the text as read: fix the annotation

    @property
    def judged(self) -> int:
        return self.expected_hits + self.cross_hits + len(self.false_alarms)

    @property
    def precision(self) -> float:
        return (self.expected_hits + self.cross_hits) / self.judged if self.judged else 0.0


def analysed(path: Path, metadata: dict | None) -> tuple[str, str, list[dict], set[int]]:
    """Document id, body text and findings of one text, ingested alone into a fresh knowledge base."""
    given = None
    if metadata:
        fields, problems = checked_fields(metadata, f"{path.name} metadata")
        if problems:
            sys.exit("; ".join(problems))
        given = GivenMetadata(by_path={resolved_path(path): fields})
    with tempfile.TemporaryDirectory() as folder:
        kb = KnowledgeBase(str(Path(folder) / "kb.db"))
        (result,) = kb.ingest([path], metadata=given)
        text = kb.text(result.document_id)
        footnotes = {note["number"] for note in kb.footnotes(result.document_id)}
        findings = [finding_record(f) for f in kb.findings(result.document_id)]
    return result.document_id, text, findings, footnotes


def unplaced_quotes(gold: dict, text: str, footnotes: set[int]) -> list[str]:
    """Annotated places that the text as read does not hold (once), which no finding could ever hit."""
    missing = []
    for section in ("expected", "cross_checks", "debatable"):
        for item in gold.get(section, []):
            for place in [item, *item.get("other", [])]:
                if place["quote"].startswith("footnote:"):
                    if int(place["quote"].split(":")[1]) not in footnotes:
                        missing.append(place["quote"])
                elif len(quote_spans(text, place)) != 1:
                    missing.append(place.get("context", place["quote"]))
    return missing


def score_text(name: str, path: Path, gold: dict) -> Score:
    document_id, text, findings, footnotes = analysed(path, gold.get("metadata"))
    score = Score(name, findings=len(findings), unplaced=unplaced_quotes(gold, text, footnotes))
    expected, cross, debatable = gold["expected"], gold.get("cross_checks", []), gold.get("debatable", [])
    for finding in findings:
        if any(matches(finding, item, text, document_id) for item in expected):
            score.expected_hits += 1
        elif any(matches(finding, item, text, document_id) for item in cross):
            score.cross_hits += 1
        elif any(matches(finding, item, text, document_id) for item in debatable):
            score.debatable += 1
        else:
            score.false_alarms.append(finding)
    for item in expected:
        found = any(matches(f, item, text, document_id) for f in findings)
        score.expected += 1
        score.expected_found += found
        if "added" not in item:
            score.first_list += 1
            score.first_list_found += found
        if not found:
            score.missed.append(item)
    for item in cross:
        found = any(matches(f, item, text, document_id) for f in findings)
        score.cross_checks += 1
        score.cross_found += found
        if not found:
            score.missed_cross.append(item)
    return score


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "n/a"


def print_score(score: Score, sample: bool, details: bool = True) -> None:
    """The figures of one text; with `details`, each false alarm, miss and unplaced quote."""
    print(
        f"findings: {score.findings} ({score.expected_hits} expected, {score.debatable} debatable, "
        f"{len(score.false_alarms)} false alarms)"
    )
    print(
        f"precision {score.precision:.2f}  recall {ratio(score.expected_found, score.expected)}"
        f"  ({score.expected_found}/{score.expected} expected findings)"
    )
    print(
        f"cross-checks: recall {ratio(score.cross_found, score.cross_checks)}"
        f"  ({score.cross_found}/{score.cross_checks}; {score.cross_hits} findings on them)"
    )
    if sample and score.first_list != score.expected:
        print(
            f"recall on the first list {ratio(score.first_list_found, score.first_list)}"
            f"  ({score.first_list_found}/{score.first_list}, to compare with earlier figures)"
        )
    if not details:
        return
    for finding in score.false_alarms:
        print("  false alarm:", finding["kind"], "|", finding["message"][:140])
    for item in score.missed:
        print("  missed:", item["kind"], "|", item["quote"])
    for item in score.missed_cross:
        print("  missed cross-check:", item["kind"], "|", item["quote"])
    for quote in score.unplaced:
        print("  annotation not found in the text as read:", quote)


def print_total(label: str, scores: list[Score]) -> None:
    right = sum(s.expected_hits + s.cross_hits for s in scores)
    judged = sum(s.judged for s in scores)
    expected, found = sum(s.expected for s in scores), sum(s.expected_found for s in scores)
    cross, cross_found = sum(s.cross_checks for s in scores), sum(s.cross_found for s in scores)
    false_alarms = sum(len(s.false_alarms) for s in scores)
    print(
        f"{label} ({len(scores)} texts): precision {ratio(right, judged)}  recall {ratio(found, expected)}"
        f" ({found}/{expected})  cross-checks {ratio(cross_found, cross)} ({cross_found}/{cross})"
        f"  false alarms {false_alarms}"
    )


def annotated_texts(split: str) -> list[tuple[str, Path, dict]]:
    """(name, text, list) of the bench's own texts of one split, in order."""
    texts = []
    for annotation in sorted((HERE / "annotations").glob(f"check-{split}-*.json")):
        gold = json.loads(annotation.read_text(encoding="utf-8"))
        texts.append((gold["document"], HERE / "texts" / gold["document"], gold))
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="also score the held-out texts (measure only)")
    options = parser.parse_args()
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    print(f"== {sample['document']} (sample article)")
    sample_score = score_text(sample["document"], ARTICLE, sample)
    print_score(sample_score, sample=True)
    dev = []
    for name, path, gold in annotated_texts("dev"):
        print(f"\n== {name} (dev)")
        dev.append(score_text(name, path, gold))
        print_score(dev[-1], sample=False)
    print()
    print_total("dev", dev)
    print_total("sample and dev", [sample_score, *dev])
    if not options.heldout:
        print("held out: not scored (--heldout to measure; never tune on it)")
        return 0
    heldout = []
    for name, path, gold in annotated_texts("heldout"):
        print(f"\n== {name} (held out)")
        heldout.append(score_text(name, path, gold))
        print_score(heldout[-1], sample=False, details=False)  # figures only: nothing to tune on
    print()
    print_total("held out", heldout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
