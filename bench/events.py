"""What happened, who took part, and which reports are one happening: the period corpus against its
events.json, annotated by reading (bench/corpus/period/*/events.json).

Usage: .venv/bin/python bench/events.py [--keep DB] [--heldout] [--verbose]

Each annotated date of the body is matched to the tool's event at the same place in the text; then
- predicate: of the annotated predicates, how many the event's predicate shares a word with; of the
  annotated datelines (predicate null), how many the tool reads as the document's own date;
- roles: precision and recall of (role, name) pairs, and of names in any role (participants), a name
  right when the event's mention is the annotated name give or take its case ending;
- merging, over `events --merged` of the whole knowledge base: B-cubed precision and recall of the
  annotated reports (same happening slug = one happening); of the merged groups holding two or more
  annotated reports, how many join one happening; for a few happenings reported in many documents, in
  how many groups their reports lie.

The folders 1921 and 1922 are held out (as in bench/corpus.py): tuning looks only at the others'
figures and --verbose lines; --heldout prints the held-out figures too, never their lines.
"""

from __future__ import annotations

import argparse
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from corpus import DEV, HELDOUT, gold_of, ingest
from vakanuvis.knowledge_base import KnowledgeBase

ROLES = ("agent", "patient", "recipient", "place", "instrument")
WATCHED = (
    "1921-03-16-moscow-treaty-signed",
    "1920-04-23-grand-national-assembly-opened",
    "1920-03-16-istanbul-occupied",
    "1920-12-03-gyumri-treaty-signed",
)


def plain(text: str) -> str:
    """Lower case, marks and apostrophes out (this bench's own fold, so it runs on older code too)."""
    decomposed = unicodedata.normalize("NFD", text.replace("I", "ı").replace("İ", "i").lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "").replace("'", "")


def same_name(annotated: str, written: str, surface: str) -> bool:
    a = plain(annotated)
    return any(len(form) >= 3 and (a in form or form in a) for form in (plain(written), plain(surface)))


def matched_reports(kb: KnowledgeBase, themes: tuple[str, ...]) -> list[dict]:
    """Every annotated entry of these folders with the document and the tool's event at its place."""
    gold = {theme: data for theme, data in gold_of("events").items() if theme in themes}
    documents = {}
    for document in kb.load_documents():
        path = Path(document.path)
        documents[(path.parent.name, path.name)] = document
    reports = []
    for theme, data in gold.items():
        for name, entries in data["documents"].items():
            document = documents.get((theme, name))
            if document is None:
                continue
            used: set[int] = set()
            for entry in entries:
                at = _position(document.text, entry, used)
                event = _event_at(document.events, at, len(entry["date_text"]))
                if at is not None:
                    used.add(at)
                reports.append(
                    {"theme": theme, "name": name, "entry": entry, "document": document, "event": event}
                )
    return reports


def _event_at(events: list, at: int | None, length: int) -> tuple[int, object] | None:
    """The tool's event of the annotated date at `at`: starting within 3 characters of it, else one whose
    date lies inside the annotated expression ("23rd April" of "the 23rd April")."""
    if at is None:
        return None
    for near in (
        lambda e: abs(e.date.span.start - at) <= 3,
        lambda e: at <= e.date.span.start and e.date.span.end <= at + length,
    ):
        found = next(((i, e) for i, e in enumerate(events) if near(e)), None)
        if found is not None:
            return found
    return None


def _position(text: str, entry: dict, used: set[int]) -> int | None:
    context, written = entry["date_context"], entry["date_text"]
    start = 0
    while True:
        found = text.find(context, start)
        if found < 0:
            found = text.find(written)
            return found if found >= 0 else None
        inside = context.find(written)
        at = found + max(inside, 0)
        if at not in used:
            return at
        start = found + 1


def score(kb: KnowledgeBase, themes: tuple[str, ...], verbose: bool, groups: dict[str, str]) -> None:
    reports = matched_reports(kb, themes)
    found = [r for r in reports if r["event"] is not None]
    print(f"\n== {', '.join(themes)}: {len(reports)} annotated dates, {len(found)} found as events")

    # ---- predicates
    with_predicate = [r for r in found if r["entry"]["predicate"]]
    right = 0
    for report in with_predicate:
        _, event = report["event"]
        ours = set(plain(getattr(event, "predicate", "")).split())
        theirs = set(plain(report["entry"]["predicate"]).split())
        if ours & theirs:
            right += 1
        elif verbose:
            print(
                f"   predicate {report['name']}: {report['entry']['predicate']!r} ≠ {getattr(event, 'predicate', '')!r}"
            )
    datelines = [r for r in found if not r["entry"]["predicate"]]
    datelines_right = sum(1 for r in datelines if getattr(r["event"][1], "dateline", False))
    with_kind = sum(1 for r in with_predicate if getattr(r["event"][1], "kind", ""))
    print(
        f"predicate: {right} of {len(with_predicate)} annotated predicates "
        f"({right / max(1, len(with_predicate)):.2f}); a kind for {with_kind}; "
        f"datelines {datelines_right} of {len(datelines)}"
    )

    # ---- roles
    pairs = {"role": [0, 0, 0], "participant": [0, 0, 0]}  # right, found, annotated
    for report in found:
        document, (_, event) = report["document"], report["event"]
        ours = [
            (role, document.mentions[i].text, document.mentions[i].surface)
            for role, indices in getattr(event, "roles", {}).items()
            for i in indices
        ]
        theirs = [(role, name) for role in ROLES for name in report["entry"].get(role, [])]
        for kind, labelled in (("role", True), ("participant", False)):
            ours_kind = {(role if labelled else "", w, s) for role, w, s in ours}
            theirs_kind = {(role if labelled else "", n) for role, n in theirs}
            hits = {
                (r, n)
                for r, n in theirs_kind
                if any(r == o_r and same_name(n, w, s) for o_r, w, s in ours_kind)
            }
            right_ours = {
                (o_r, w, s)
                for o_r, w, s in ours_kind
                if any(r == o_r and same_name(n, w, s) for r, n in theirs_kind)
            }
            pairs[kind][0] += len(hits)
            pairs[kind][1] += len(ours_kind)
            pairs[kind][2] += len(theirs_kind)
            if verbose and labelled and (len(hits) < len(theirs_kind) or len(right_ours) < len(ours_kind)):
                print(
                    f"   roles {report['name']} {report['entry']['date_text']!r}: annotated "
                    f"{sorted(theirs_kind)} ours {sorted((r, s) for r, _, s in ours_kind)}"
                )
    for kind, (hit, ours_n, theirs_n) in pairs.items():
        precision = hit / ours_n if ours_n else float("nan")
        recall = hit / theirs_n if theirs_n else float("nan")
        print(f"{kind}s: P {precision:.2f}  R {recall:.2f}  ({hit} of {ours_n} found, {theirs_n} annotated)")

    # ---- merging
    slugged = [r for r in found if r["entry"].get("happening")]
    group_of = {id(r): groups[f"{r['document'].id}-e{r['event'][0]}"] for r in slugged}
    by_group: dict[str, list[dict]] = defaultdict(list)
    by_slug: dict[str, list[dict]] = defaultdict(list)
    for report in slugged:
        by_group[group_of[id(report)]].append(report)
        by_slug[report["entry"]["happening"]].append(report)
    precision = recall = 0.0
    for report in slugged:
        ours = by_group[group_of[id(report)]]
        theirs = by_slug[report["entry"]["happening"]]
        both = sum(1 for r in ours if r["entry"]["happening"] == report["entry"]["happening"])
        precision += both / len(ours)
        recall += both / len(theirs)
    n = max(1, len(slugged))
    several = [g for g in by_group.values() if len(g) >= 2]
    pure = [g for g in several if len({r["entry"]["happening"] for r in g}) == 1]
    print(
        f"merging (B-cubed over {len(slugged)} reports): P {precision / n:.2f}  R {recall / n:.2f}; "
        f"groups of several reports joining one happening: {len(pure)} of {len(several)}"
    )
    if verbose:
        for group in several:
            slugs = Counter(r["entry"]["happening"] for r in group)
            if len(slugs) > 1:
                print(f"   false merge: {dict(slugs)}")
        for slug, members in by_slug.items():
            split = {group_of[id(r)] for r in members}
            if len(split) > 1 and len({r["name"] for r in members}) > 1:
                print(f"   split: {slug} in {len(split)} groups")
    for slug in WATCHED:
        members = by_slug.get(slug, [])
        if not members:
            continue
        split = Counter(group_of[id(r)] for r in members)
        largest = split.most_common(1)[0][0]
        documents = {r["name"] for r in members if group_of[id(r)] == largest}
        print(
            f"   {slug}: {len(members)} reports in {len({r['name'] for r in members})} documents, "
            f"{len(split)} groups; the largest from {len(documents)} documents"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="keep (or reuse) the knowledge base at this path")
    parser.add_argument("--heldout", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    arguments = parser.parse_args()
    db = arguments.keep or str(Path(tempfile.mkdtemp(prefix="vakanuvis-events-")) / "kb.db")
    if not (arguments.keep and Path(arguments.keep).exists()):
        ingest(db)
    kb = KnowledgeBase(db)
    groups = {
        report["id"]: happening["id"] for happening in kb.merged_events() for report in happening["reports"]
    }
    score(kb, DEV, arguments.verbose, groups)
    if arguments.heldout:
        score(kb, HELDOUT, False, groups)


if __name__ == "__main__":
    main()
