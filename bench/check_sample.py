"""The figures of a judged sample of `vakanuvis check` findings.

    .venv/bin/python bench/check_sample.py [JUDGED.json]

JUDGED.json (default bench/annotations/check_sample_judged_heldout.json) holds {"drawn", "of", "seed",
"judgments": [{"kind", "message", "document", "evidence", "verdict", "why"}]}, each verdict one of right,
wrong or debatable, given by a reader who did not change the code. Printed: the counts of each verdict,
the share right of the findings judged right or wrong, and the same by kind.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

DEFAULT = Path(__file__).parent / "annotations" / "check_sample_judged_heldout.json"
VERDICTS = ("right", "wrong", "debatable")


def share_right(counts: Counter[str]) -> str:
    judged = counts["right"] + counts["wrong"]
    return f"{counts['right'] / judged:.2f}" if judged else "n/a"


def line(label: str, counts: Counter[str]) -> str:
    figures = "  ".join(f"{v} {counts[v]}" for v in VERDICTS)
    return f"{label:<24} {figures}  share right {share_right(counts)}"


def main(path: Path) -> int:
    try:
        sample = json.loads(path.read_text(encoding="utf-8"))
        judgments = sample["judgments"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        print(f"error: cannot read a judged sample from {path}: {error}", file=sys.stderr)
        return 1
    unknown = sorted({j.get("verdict") for j in judgments} - set(VERDICTS), key=str)
    if unknown:
        print(
            f"error: {path}: verdicts must be one of {', '.join(VERDICTS)}, found {unknown}", file=sys.stderr
        )
        return 1
    total: Counter[str] = Counter(j["verdict"] for j in judgments)
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for j in judgments:
        by_kind[j["kind"]][j["verdict"]] += 1
    print(
        f"{sample.get('drawn', len(judgments))} drawn of {sample.get('of', '?')} findings (seed {sample.get('seed', '?')})"
    )
    print(line("all", total))
    for kind in sorted(by_kind):
        print(line(kind, by_kind[kind]))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT))
