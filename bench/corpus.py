"""A corpus of the period's own documents, ingested as a historian would, scored against what was read.

Usage: .venv/bin/python bench/corpus.py [--verbose] [--keep DB] [--heldout]

The folders 1921 and 1922 are held out: tuning looks only at the figures and the --verbose lines of the
others (1919, 1920, english, happenings); --heldout prints the held-out figures too (never --verbose for them).

bench/corpus/period/*/ hold documents of 1918-23 written for this bench in the register of the period
(telegrams, speeches, decrees, reports, letters, newspaper notices, memoirs; one folder mostly English,
with OCR errors), each folder with its metadata.csv and, annotated by reading, dates.json (every date
expression, its TimeML-style EDTF value) and entities.json (every name, its type and the real thing it
names; capitalized words that are no names; spellings of one thing; different things alike). Each folder
goes in through the real command, `vakanuvis ingest FOLDER --metadata FOLDER/metadata.csv`, into one
knowledge base, which is then asked:

- event dates: precision and recall of the events' (expression, value) pairs per document against the
  annotated date expressions (documents of this corpus have no footnotes: each body date is an event);
- periods: for `events --from A --to B` over several two-month periods, the share of the returned events
  whose annotated value lies inside the period (an event with no annotated date counts as outside), and
  how many of the annotated in-period dates come back;
- entities: mention precision and recall per document ((mention, type) pairs), the junk forms found as
  mentions, and identity: of the things named in two or more documents or spellings, how many are one
  entity; of the entities, how many hold more than one annotated thing (false merges).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from datetime import date
from pathlib import Path

from vakanuvis.annotate.dates.values import end_bounds
from vakanuvis.knowledge_base import KnowledgeBase

ROOT = Path(__file__).resolve().parent
CORPUS = ROOT / "corpus" / "period"
VAKANUVIS = Path(sys.executable).parent / "vakanuvis"
DEV = ("1919", "1920", "english", "happenings", "register", "register2")
HELDOUT = ("1921", "1922")
PERIODS = [("1919-05", "1919-06"), ("1920-08", "1920-09"), ("1921-03", "1921-04"), ("1922-08", "1922-09")]


# every two-month period of 1919-23, for the period query asked three ways
EVERY_PERIOD = [(f"{y}-{m:02d}", f"{y}-{m + 1:02d}") for y in range(1919, 1924) for m in range(1, 13, 2)]


def _every_period(kb: KnowledgeBase, by_id: dict, value_of_event: dict, verbose: bool) -> None:
    """The period query over every two-month period of 1919-23: plain (events inside), --overlapping (events
    reaching into it: right when their annotated value reaches into it too) and --merged (each report of
    each happening returned); the share whose annotated value fits the period, over the documents whose
    dates are annotated (an event with no annotated date counts as not fitting)."""
    for way in ("inside", "overlapping", "merged"):
        right = returned = 0
        wrong_somewhere: dict[str, bool] = {}  # event id -> whether it failed to fit a period it came back in
        only_overlapping = [
            0,
            0,
            0,
        ]  # returned only because they reach into the period: all, a year or wider, fitting
        for start, end in EVERY_PERIOD:
            low, high = period_bounds(start, end)
            if way == "merged":
                found = [
                    r
                    for m in kb.merged_events(date_from=start, date_to=end)
                    for r in m["reports"]
                    if r["document"] in by_id
                ]
            else:
                found = [
                    e
                    for e in kb.events(date_from=start, date_to=end, overlapping=way == "overlapping")
                    if e["document"] in by_id
                ]
            inside_ids = (
                {e["id"] for e in kb.events(date_from=start, date_to=end)} if way == "overlapping" else set()
            )
            for event in found:
                if event["id"] not in value_of_event:
                    continue  # a document whose dates nobody annotated (the register folder)
                value = value_of_event[event["id"]]
                bounds = bounds_of(value) if value else None
                returned += 1
                fits = bool(bounds) and (
                    bounds[0] <= high and low <= bounds[1]
                    if way == "overlapping"
                    else low <= bounds[0] and bounds[1] <= high
                )
                wrong_somewhere[event["id"]] = wrong_somewhere.get(event["id"], False) or not fits
                if way == "overlapping" and event["id"] not in inside_ids:
                    days = (date.fromisoformat(event["end"]) - date.fromisoformat(event["start"])).days
                    only_overlapping[0] += 1
                    only_overlapping[1] += days >= 364
                    only_overlapping[2] += fits
                if fits:
                    right += 1
                elif verbose:
                    print(f"  {way} {start}..{end}: {event['date']} {event['text']!r} annotated {value}")
        share = right / returned if returned else float("nan")
        print(f"every two-month period of 1919-23, {way}: {right} of {returned} returned fit ({share:.1%})")
        if way == "overlapping":
            # a year-wide event comes back in six periods and counts six times above: each event once here
            fitting = sum(not wrong for wrong in wrong_somewhere.values())
            share = fitting / len(wrong_somewhere) if wrong_somewhere else float("nan")
            print(
                f"  the same, each event once: {fitting} of {len(wrong_somewhere)} events fit every period "
                f"they came back in ({share:.1%})"
            )
            print(
                f"  returned only by reaching into the period: {only_overlapping[0]} "
                f"({only_overlapping[1]} a year or wider), {only_overlapping[2]} of them fit"
            )


def bounds_of(edtf: str) -> tuple[date, date] | None:
    """First and last day of an annotated value; None when its year is unknown."""
    if "X" in edtf.split("-")[0] or edtf.startswith(".."):
        return None
    ends = [end.strip("~?%") for end in edtf.split("/") if end and end != ".."]
    try:
        return end_bounds(ends[0])[0], end_bounds(ends[-1])[1]
    except (ValueError, KeyError):
        return None


def period_bounds(start: str, end: str) -> tuple[date, date]:
    return end_bounds(start)[0], end_bounds(end)[1]


def ingest(db: str) -> None:
    for folder in sorted(CORPUS.iterdir()):
        if not (folder / "metadata.csv").exists():
            continue
        result = subprocess.run(
            [str(VAKANUVIS), "ingest", str(folder), "--metadata", str(folder / "metadata.csv"), "--db", db],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            sys.exit(f"ingest of {folder.name} failed: {result.stderr.strip()}")


def gold_of(kind: str) -> dict[str, dict]:
    """Annotations of every folder: (folder/file) -> the file's list, and the folder-level lists."""
    found: dict[str, dict] = {}
    for folder in sorted(CORPUS.iterdir()):
        path = folder / f"{kind}.json"
        if path.exists():
            found[folder.name] = json.loads(path.read_text(encoding="utf-8"))
    return found


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` stands in `text` as whole words (whitespace in it may be any whitespace)."""
    pattern = r"\s+".join(re.escape(part) for part in needle.split())
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){pattern}(?!\w)", text)]


def comparable(written: str) -> str:
    """A mention as compared: a word broken at a line's end joined ("An-\\ngora" is "Angora"), and any run
    of whitespace one space, on both sides alike (the annotation keeps the text's line breaks)."""
    return " ".join(re.sub(r"(?<=\w)-[ \t]*\n\s*(?=\w)", "", written).split())


def names_the_occurrence(mention: dict, text: str, start: int, end: int) -> bool:
    """The mention is the annotated occurrence, give or take a suffix: inside it, or the same name with
    letters glued on ('Erzurum' is not the mention 'Erzurum Kongresi', but it is 'Erzurum’da')."""
    if mention["end"] <= start or end <= mention["start"]:
        return False
    if start <= mention["start"] and mention["end"] <= end:
        return True
    outside = text[mention["start"] : start] + text[end : mention["end"]]
    return not any(character.isspace() for character in outside)


def prf(right: int, found: int, gold: int) -> str:
    precision = right / found if found else float("nan")
    recall = right / gold if gold else float("nan")
    return f"P {precision:.2f}  R {recall:.2f}  ({right} right of {found} found, {gold} annotated)"


def main(verbose: bool, keep: str | None, heldout: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix="vakanuvis-corpus-"))
    db = keep or str(folder / "kb.db")
    ingest(db)
    kb = KnowledgeBase(db)
    documents = {Path(d["path"]).parent.name + "/" + Path(d["path"]).name: d for d in kb.documents()}
    print(
        f"{len(documents)} documents, {sum(len(kb.text(d['id']).split()) for d in documents.values()):,} words"
    )
    score(kb, DEV, verbose)
    if heldout:
        score(kb, HELDOUT, False)


def score(kb: KnowledgeBase, themes: tuple[str, ...], verbose: bool) -> None:
    """The figures of the documents of some folders of the corpus."""
    documents = {
        Path(d["path"]).parent.name + "/" + Path(d["path"]).name: d
        for d in kb.documents()
        if Path(d["path"]).parent.name in themes
    }
    texts = {name: kb.text(d["id"]) for name, d in documents.items()}
    by_id = {d["id"]: name for name, d in documents.items()}
    words = sum(len(t.split()) for t in texts.values())
    print(f"\n== {', '.join(themes)}: {len(documents)} documents, {words:,} words")

    # ---- event dates
    dates_gold = {theme: data for theme, data in gold_of("dates").items() if theme in themes}
    events_of: dict[str, list[dict]] = defaultdict(list)
    for event in kb.events():
        if event["document"] in by_id:
            events_of[by_id[event["document"]]].append(event)
    right = found = total = 0
    value_of_event: dict[str, str | None] = {}  # event id -> its annotated value (None: no annotated date)
    for theme, data in dates_gold.items():
        for file, items in data["documents"].items():
            name = f"{theme}/{file}"
            text = texts.get(name)
            if text is None:
                print(f"  not ingested: {name}")
                continue
            gold_spans = []
            for item in items:
                context = occurrences(text, item["context"])
                if not context:
                    continue
                inner = occurrences(text[context[0][0] : context[0][1]], item["text"])
                start = context[0][0] + (inner[0][0] if inner else 0)
                gold_spans.append((start, start + len(item["text"]), item["edtf"], item["text"]))
            total += len(gold_spans)
            sentences = {}
            matched: set[tuple[int, int]] = set()
            for event in events_of.get(name, []):
                found += 1
                # the event's date expression, found in its sentence's place in the text
                spots = occurrences(text, event["text"]) or [(-1, -1)]
                match = None
                for start, end, value, written in gold_spans:
                    if any(s < end and start < e for s, e in spots) and (
                        written in event["text"] or event["text"] in written
                    ):
                        match = (start, end, value, written)
                        break
                value_of_event[event["id"]] = match[2] if match else None
                if match:
                    matched.add(match[:2])
                if match and match[2] == event["date"]:
                    right += 1
                elif verbose:
                    print(
                        f"  date  {name}: {event['text']!r} {event['date']} != {match[2] if match else '-'}"
                    )
                sentences[event["id"]] = match
            if verbose:
                for start, end, value, written in gold_spans:
                    if (start, end) not in matched:
                        print(f"  date  {name}: missed {written!r} {value}")
    print("event dates (expression and value):", prf(right, found, total))

    # ---- periods
    inside_total = returned_total = 0
    for start, end in PERIODS:
        low, high = period_bounds(start, end)
        returned = [e for e in kb.events(date_from=start, date_to=end) if e["document"] in by_id]
        inside = 0
        for event in returned:
            value = value_of_event.get(event["id"])
            bounds = bounds_of(value) if value else None
            if bounds and low <= bounds[0] and bounds[1] <= high:
                inside += 1
            elif verbose:
                print(f"  period {start}..{end}: {event['date']} {event['text']!r} annotated {value}")
        annotated_inside = sum(
            1
            for value in value_of_event.values()
            if value and (b := bounds_of(value)) and low <= b[0] and b[1] <= high
        )
        inside_total += inside
        returned_total += len(returned)
        share = inside / len(returned) if returned else float("nan")
        print(
            f"events --from {start} --to {end}: {len(returned)} returned, {share:.0%} inside the period "
            f"({inside} of {annotated_inside} found in-period events)"
        )
    share = inside_total / returned_total if returned_total else float("nan")
    print(f"all periods: {share:.1%} of returned events inside their period")
    _every_period(kb, by_id, value_of_event, verbose)

    # ---- entities
    entities_gold = {theme: data for theme, data in gold_of("entities").items() if theme in themes}
    mentions_of: dict[str, list[dict]] = defaultdict(list)
    for entity in kb.entities():
        detail = kb.entity(entity["id"])
        for mention in detail["mentions"]:
            if mention["document"] not in by_id:
                continue
            mentions_of[by_id[mention["document"]]].append(
                {**mention, "key": entity["id"], "type": entity["type"], "name": entity["name"]}
            )
    right = found = total = 0
    keys_of_thing: dict[str, set[str]] = defaultdict(set)
    things_of_key: dict[str, set[str]] = defaultdict(set)
    spellings_of_thing: dict[str, set[str]] = defaultdict(set)
    documents_of_thing: dict[str, set[str]] = defaultdict(set)
    for theme, data in entities_gold.items():
        for file, items in data["documents"].items():
            name = f"{theme}/{file}"
            text = texts.get(name)
            if text is None:
                continue
            gold = {(comparable(written), kind) for written, kind, _ in items}
            tool = {
                (comparable(m["text"]), m["type"]) for m in mentions_of.get(name, []) if m["footnote"] is None
            }
            right += len(gold & tool)
            found += len(tool)
            total += len(gold)
            if verbose:
                for written, kind in sorted(tool - gold):
                    print(f"  entity extra  {name}: {written!r} {kind}")
                for written, kind in sorted(gold - tool):
                    print(f"  entity missed {name}: {written!r} {kind}")
            for written, _kind, thing in items:
                spellings_of_thing[thing].add(written)
                documents_of_thing[thing].add(name)
                for start, end in occurrences(text, written):
                    for mention in mentions_of.get(name, []):
                        if mention["footnote"] is None and names_the_occurrence(mention, text, start, end):
                            keys_of_thing[thing].add(mention["key"])
                            things_of_key[mention["key"]].add(thing)
    print("entity mentions (mention, type):", prf(right, found, total))
    junk = sorted({form for data in entities_gold.values() for form in data.get("junk", [])})
    all_mentions = [m for ms in mentions_of.values() for m in ms]
    as_entities = sorted({form for form in junk if any(m["text"] == form for m in all_mentions)})
    print(f"junk forms that are mentions of an entity: {len(as_entities)} of {len(junk)}")
    if verbose and as_entities:
        print("  " + ", ".join(as_entities))
    shared = [t for t in keys_of_thing if len(documents_of_thing[t]) > 1 or len(spellings_of_thing[t]) > 1]
    one = [t for t in shared if len(keys_of_thing[t]) == 1]
    print(f"things named in 2+ documents or spellings that are one entity: {len(one)} of {len(shared)}")
    merged = {key: things for key, things in things_of_key.items() if len(things) > 1}
    print(
        f"entities holding more than one annotated thing (false merges): {len(merged)} of {len(things_of_key)}"
    )
    if verbose:
        for thing in sorted(set(shared) - set(one)):
            print(f"  split {thing}: {len(keys_of_thing[thing])} entities")
        for key, things in sorted(merged.items()):
            print(f"  merged in {key}: {sorted(things)}")


if __name__ == "__main__":
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    main("--verbose" in sys.argv, keep, "--heldout" in sys.argv)
