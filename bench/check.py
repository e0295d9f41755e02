"""Score `vakanuvis check` on the sample article against what a careful editor flags (hand annotation).

A finding is a hit when its kind is the expected one and one of its evidence spans overlaps the expected quote
in the body text (or, for "footnote:N", lies in footnote N). Prints precision, recall and false alarms per finding.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from vakanuvis.check import finding_record
from vakanuvis.knowledge_base import KnowledgeBase

HERE = Path(__file__).resolve().parent
ARTICLE = HERE.parents[1] / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"


def quote_spans(text: str, item: dict) -> list[tuple[int, int]]:
    context = item.get("context", item["quote"])
    spans, start = [], text.find(context)
    while start >= 0:
        inner = start + context.find(item["quote"])
        spans.append((inner, inner + len(item["quote"])))
        start = text.find(context, start + 1)
    return spans


def matches(finding: dict, item: dict, text: str) -> bool:
    if finding["kind"] != item["kind"]:
        return False
    if item["quote"].startswith("footnote:"):
        number = int(item["quote"].split(":")[1])
        return any(e.get("footnote") == number for e in finding["evidence"])
    spans = quote_spans(text, item)
    return any(
        "footnote" not in e and any(e["start"] < end and start < e["end"] for start, end in spans)
        for e in finding["evidence"]
    )


def main() -> int:
    gold = json.loads((HERE / "annotations" / "check-sutad.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        kb = KnowledgeBase(str(Path(folder) / "kb.db"))
        (result,) = kb.ingest([ARTICLE])
        text = kb.text(result.document_id)
        findings = [finding_record(f) for f in kb.findings(result.document_id)]
    hits = [f for f in findings if any(matches(f, item, text) for item in gold["expected"])]
    debatable = [f for f in findings if f not in hits and any(matches(f, i, text) for i in gold["debatable"])]
    false_alarms = [f for f in findings if f not in hits and f not in debatable]
    found = [item for item in gold["expected"] if any(matches(f, item, text) for f in findings)]
    judged = len(hits) + len(false_alarms)
    print(
        f"findings: {len(findings)} ({len(hits)} expected, {len(debatable)} debatable, {len(false_alarms)} false alarms)"
    )
    print(
        f"precision {len(hits) / judged if judged else 0:.2f}  recall {len(found) / len(gold['expected']):.2f}"
        f"  ({len(found)}/{len(gold['expected'])} expected findings)"
    )
    for finding in false_alarms:
        print("  false alarm:", finding["kind"], "|", finding["message"][:140])
    for item in gold["expected"]:
        if item not in found:
            print("  missed:", item["kind"], "|", item["quote"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
