"""A seeded sample of 20 entries per export format, shown beside what they come from, and the judgments.

    .venv/bin/python bench/export_sample.py --draw DIR   # print the sample of the exports bench/exports.py
                                                         # kept in DIR (--keep DIR), each entry beside its
                                                         # source (the citation as written, the sentence)
    .venv/bin/python bench/export_sample.py --draw DIR --size 4   # 4 per format: 20 in all
    .venv/bin/python bench/export_sample.py --draw DIR --size 4 --seed 1923   # another 20
    .venv/bin/python bench/export_sample.py              # the counts of bench/annotations/export_sample_judged.json
    .venv/bin/python bench/export_sample.py --judged bench/annotations/export_sample_judged_20.json

The judgments were made by reading the drawn entries against their citations and sentences, not by the
tool: each says right or wrong and why. Drawn with random.Random(SEED) in the order below, so the same
exports give the same sample.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
JUDGED = ROOT / "annotations" / "export_sample_judged.json"
SEED = 23
SIZE = 20
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    with (folder / "tables" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def draw(folder: Path, size: int = SIZE, seed: int = SEED) -> list[dict]:
    """The sample: per format, `size` entries with the text each comes from."""
    import bibtexparser
    from lxml import etree

    rng = random.Random(seed)
    citations = defaultdict(list)
    for row in _rows(folder, "citations"):
        citations[row["source"]].append(row["raw"])
    documents = {row["id"]: row for row in _rows(folder, "documents")}
    mentions = defaultdict(list)
    for row in _rows(folder, "mentions"):
        mentions[row["entity"]].append(row["surface"])
    roles = defaultdict(list)
    for row in _rows(folder, "event_roles"):
        roles[row["event"]].append(f"{row['role']}={row['name']}")
    sentences = {row["id"]: row["sentence"] for row in _rows(folder, "events")}

    def source_of(key: str) -> str:
        if key.startswith("document:"):
            document = documents.get(key.removeprefix("document:"), {})
            return f"ingested document {document.get('path', '?').rsplit('/', 1)[-1]}: {document}"
        return " | ".join(citations.get(key, ["(no citation)"])[:2])

    sample = []
    items = json.loads((folder / "corpus.csl.json").read_text(encoding="utf-8"))
    for item in rng.sample(items, size):
        key = item.get("custom", {}).get("document") and f"document:{item['custom']['document']}"
        sample.append(
            {"format": "csl-json", "id": item["id"], "entry": item, "source": source_of(key or item["id"])}
        )
    entries = bibtexparser.loads((folder / "corpus.bib").read_text(encoding="utf-8")).entries
    for entry in rng.sample(entries, size):
        sample.append(
            {"format": "bibtex", "id": entry["ID"], "entry": entry, "source": source_of(entry["ID"])}
        )
    part = size * 7 // 20  # 7, 7 and 6 of 20
    for table, count in (("entities", part), ("events", part), ("sources", size - 2 * part)):
        for row in rng.sample(_rows(folder, table), count):
            if table == "entities":
                source = "mentions: " + "; ".join(sorted(set(mentions.get(row["id"], [])))[:8])
            elif table == "events":
                source = f"sentence: {row['sentence']} roles: {roles.get(row['id'], [])}"
            else:
                source = source_of(row["id"])
            sample.append({"format": f"csv:{table}", "id": row["id"], "entry": row, "source": source})
    tree = etree.parse(str(folder / "corpus.xml"))
    stand_off = tree.find("tei:standOff", TEI)
    standoff_entries = [entry for block in stand_off for entry in block]
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    for entry in rng.sample(standoff_entries, size):
        text = re.sub(r"\s+", " ", etree.tostring(entry, encoding="unicode"))
        text = re.sub(r' xmlns="[^"]+"', "", text)
        refs = tree.xpath(f"//*[@ref='#{entry.get(xml_id)}']")
        uses = sorted({re.sub(r"\s+", " ", "".join(ref.itertext())) for ref in refs})[:8]
        sample.append(
            {"format": "tei", "id": entry.get(xml_id), "entry": text[:1500], "source": f"referred by: {uses}"}
        )
    timeline = json.loads((folder / "timeline.json").read_text(encoding="utf-8"))
    for event in rng.sample(timeline["events"], size):
        sample.append(
            {
                "format": "timelinejs",
                "id": event["unique_id"],
                "entry": {k: event.get(k) for k in ("start_date", "end_date", "text")},
                "source": f"sentence: {sentences.get(event['unique_id'], '?')} roles: {roles.get(event['unique_id'], [])}",
            }
        )
    return sample


def counts(path: Path = JUDGED) -> None:
    judged = json.loads(path.read_text(encoding="utf-8"))
    by_format: dict[str, Counter[str]] = defaultdict(Counter)
    for judgment in judged["judgments"]:
        by_format[judgment["format"].split(":")[0]][judgment["verdict"]] += 1
        if judgment.get("fixed_in_branch"):
            by_format[judgment["format"].split(":")[0]]["fixed"] += 1
    total: Counter[str] = Counter()
    for name, found in by_format.items():
        total.update(found)
        print(
            f"{name:<11} right {found['right']:>3}  wrong {found['wrong']:>3} (fixed since: {found['fixed']})"
        )
    print(f"{'all':<11} right {total['right']:>3}  wrong {total['wrong']:>3} (fixed since: {total['fixed']})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--draw", type=Path, help="a folder bench/exports.py --keep wrote")
    parser.add_argument("--size", type=int, default=SIZE, help="entries drawn per format")
    parser.add_argument("--seed", type=int, default=SEED, help="another sample of the same exports")
    parser.add_argument("--judged", type=Path, default=JUDGED, help="a file of judgments to count")
    options = parser.parse_args()
    if options.draw:
        for entry in draw(options.draw, options.size, options.seed):
            print(json.dumps(entry, ensure_ascii=False))
    else:
        counts(options.judged)


if __name__ == "__main__":
    main()
