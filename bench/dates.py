"""Score the temporal tagger against hand annotations, beside dateparser.search_dates.

Usage: .venv/bin/python bench/dates.py [--verbose] [--heldout]

Each bench/annotations/dates-*.json names a text and lists its date expressions as a reader
marked them: the words as written, a context snippet that locates them, the footnote (or null
for the body), the EDTF value and the role. The sample article goes through structure recovery
and `tag_dates`; the small texts of our own writing go through `find_dates`. The texts named
"heldout" were written and annotated after the grammar was built, before the tagger saw them.

Matching rule (boundary slack): a found expression matches an annotated one in the same zone
when the two spans overlap and the characters by which their ends differ contain no digit.
So "в мае 1921г." matches "мае 1921г." and "18 oktyabr 1921-ъi il" matches "18 oktyabr 1921",
but "4-11 Eylül" does not match "11 Eylül". Expression precision/recall count matches; value
precision/recall count matches whose EDTF strings are equal.

Primary sources (bench/annotations/primary-*.json): twenty-two texts in the register of 1919-23, each with
the document's own date and type. Each goes through the real pipeline path (`pipeline.analyse` of the
file as read) twice: "given", with its date and type given as metadata, and "detected", with nothing
given, so that its dateline (if it has one) must be found. The "dev" texts are the ones the tagger was
developed on; the "heldout" ones are scored only with --heldout (the first four, "heldout", were looked at
once scored and their errors mended; "heldout2", four more written afterwards, were the honest estimate;
"heldout3", six more (17-22, 60 dates, with bench/texts/primary-heldout3-metadata.csv giving each its date
for `vakanuvis ingest --metadata`), were written and annotated by a helper before the tool saw them: their
first run is the honest estimate now). Beside the figures: how often a matched
date's `year_from` agrees with the annotation ("year src"), how many values differ from it only by an
open end or a part ("conv.": counted as wrong; since the values follow TimeML, "16 Mart 1336’dan itibaren"
is "1920-03-16" with modifier "from" in the tool and in the annotations alike), and for "detected" whether the
document's own date was found ("doc date": right/texts with a dateline, and how many texts without one
got a date).
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from vakanuvis.annotate.dates import find_dates, tag_dates
from vakanuvis.ingest import read_file
from vakanuvis.pipeline import analyse

ROOT = Path(__file__).resolve().parent
Zone = int | None  # footnote number, None for the body


@dataclass
class Found:
    zone: Zone
    start: int
    end: int
    text: str
    edtf: str
    role: str = ""
    year_from: str = ""


def flexible(snippet: str) -> str:
    """A regex for a snippet that tolerates any whitespace (including line breaks) between words."""
    return r"\s*".join(re.escape(char) for char in snippet if not char.isspace())


def locate(gold: list[dict], zones: dict[Zone, str], use_zones: bool) -> tuple[list[Found], list[dict]]:
    """Spans of the annotated expressions in the zone texts; the ones that cannot be found."""
    located, lost = [], []
    used: dict[tuple[Zone, str], int] = {}
    for item in gold:
        zone = item["footnote"] if use_zones else None
        text = zones.get(zone, "")
        seen = used.get((zone, item["context"]), 0)
        matches = list(re.finditer(flexible(item["context"]), text))
        if len(matches) <= seen:
            lost.append(item)
            continue
        used[(zone, item["context"])] = seen + 1
        context = matches[seen]
        inner = re.search(flexible(item["text"]), text[context.start() : context.end()])
        assert inner, item
        start = context.start() + inner.start()
        located.append(
            Found(
                zone,
                start,
                start + len(inner.group()),
                inner.group(),
                item["edtf"],
                item["role"],
                item.get("year_from", ""),
            )
        )
    return located, lost


def matches(found: Found, gold: Found, zones: dict[Zone, str]) -> bool:
    if found.zone != gold.zone or found.end <= gold.start or gold.end <= found.start:
        return False
    text = zones[found.zone]
    ends = text[min(found.start, gold.start) : max(found.start, gold.start)]
    ends += text[min(found.end, gold.end) : max(found.end, gold.end)]
    return not any(char.isdigit() for char in ends)


def score(found: list[Found], gold: list[Found], lost: int, zones: dict[Zone, str]) -> dict[str, float]:
    """Expression and value precision/recall, and role agreement among matched expressions."""
    pairs: list[tuple[Found, Found]] = []
    free = list(found)
    for item in gold:
        for candidate in free:
            if matches(candidate, item, zones):
                pairs.append((candidate, item))
                free.remove(candidate)
                break
    total_gold = len(gold) + lost
    right = sum(1 for candidate, item in pairs if candidate.edtf == item.edtf)
    roles = [candidate.role == item.role for candidate, item in pairs if candidate.role]
    sources = [candidate.year_from == item.year_from for candidate, item in pairs if item.year_from]
    convention = sum(
        1
        for candidate, item in pairs
        if candidate.edtf != item.edtf and anchor_of(candidate.edtf) == anchor_of(item.edtf)
    )
    return {
        "expr P": len(pairs) / len(found) if found else 0.0,
        "expr R": len(pairs) / total_gold if total_gold else 0.0,
        "value P": right / len(found) if found else 0.0,
        "value R": right / total_gold if total_gold else 0.0,
        "roles": sum(roles) / len(roles) if roles else float("nan"),
        "year src": sum(sources) / len(sources) if sources else float("nan"),
        "_counts": (len(found), total_gold, len(pairs), right, sum(sources), len(sources), convention),  # type: ignore[dict-item]
        "_pairs": pairs,  # type: ignore[dict-item]
        "_free": free,  # type: ignore[dict-item]
    }


def anchor_of(edtf: str) -> str:
    """A value without what the conventions of two annotations may differ in: an open end ("1920-03-16/.."
    is "1920-03-16"), the part of a month or year ("1921-03-21~/1921-03-31~" is "1921-03", "1922-01~/1922-03~"
    is "1922", "../1921-10-31~" is "1921-10"). Only to count how many differences are of convention alone; the figures compare values."""
    value = edtf.removesuffix("/..").removeprefix("../")
    if value != edtf and re.fullmatch(r"\d{4}-\d{2}-\d{2}~", value):
        return value[:7]  # "Mayıs iptidasından beri", "1920-05-01~/..": the open end of a part of May
    if match := re.fullmatch(r"(\d{4}-\d{2})-\d{2}~?/(\d{4}-\d{2})-\d{2}~?", value):
        if match.group(1) == match.group(2):
            return match.group(1)
    if match := re.fullmatch(r"(\d{4})-\d{2}~/(\d{4})-\d{2}~", value):
        if match.group(1) == match.group(2):
            return match.group(1)
    return value.rstrip("~")


def dateparser_found(zones: dict[Zone, str], languages: list[str]) -> list[Found]:
    """What dateparser.search_dates finds, as day-precision EDTF."""
    from dateparser.search import search_dates

    results = []
    for zone, text in zones.items():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hits = search_dates(text, languages=languages) or []
        position = 0
        for substring, moment in hits:
            start = text.find(substring, position)
            if start < 0:
                continue
            position = start + len(substring)
            results.append(Found(zone, start, position, substring, moment.date().isoformat()))
    return results


def sample_zones(path: str) -> tuple[dict[Zone, str], list[Found], bool]:
    """Zones and tagger output of an article: via structure recovery when it is available."""
    try:
        from vakanuvis.ingest import read_file
        from vakanuvis.structure import recover_structure
    except ImportError:
        text = re.sub(r"\n\s*\n", "\n", Path(path).read_text(encoding="utf-8"))
        found = [Found(None, m.span.start, m.span.end, m.text, m.edtf, m.role) for m in find_dates(text)]
        return {None: text}, found, False
    document = recover_structure(read_file(path), Path(path).stem)
    zones: dict[Zone, str] = {None: document.text}
    zones.update({note.number: note.text for note in document.footnotes})
    found = [
        Found(m.span.footnote, m.span.start, m.span.end, m.text, m.edtf, m.role) for m in tag_dates(document)
    ]
    return zones, found, True


def print_differences(result: dict, gold: list[Found], lost: list[dict]) -> None:
    """What was not found, found with another value, or found and not annotated."""
    for item in lost:
        print("    not located:", item["text"], item["footnote"])
    matched_gold = {id(item) for _, item in result["_pairs"]}
    for item in gold:
        if id(item) not in matched_gold:
            print(f"    missed: {item.text!r} fn={item.zone} {item.edtf}")
    for candidate, item in result["_pairs"]:
        if candidate.edtf != item.edtf or candidate.role != item.role:
            print(
                f"    value: {candidate.text!r} {candidate.edtf} {candidate.role} != {item.edtf} {item.role}"
            )
        elif item.year_from and candidate.year_from != item.year_from:
            print(f"    year from: {candidate.text!r} {candidate.year_from} != {item.year_from}")
    for candidate in result["_free"]:
        print(f"    extra: {candidate.text!r} fn={candidate.zone} {candidate.edtf}")


def score_sample_texts(verbose: bool) -> None:
    print(
        f"{'text':<22}{'tool':<12}{'expr P':>8}{'expr R':>8}{'value P':>9}{'value R':>9}{'roles':>7}  n(gold/found)"
    )
    for annotation_path in sorted((ROOT / "annotations").glob("dates-*.json")):
        annotation = json.loads(annotation_path.read_text(encoding="utf-8"))
        path = annotation["text"]
        if not Path(path).is_absolute():
            path = str(ROOT.parent / path)
        has_footnotes = any(item["footnote"] is not None for item in annotation["mentions"])
        if has_footnotes:
            zones, ours, use_zones = sample_zones(path)
        else:
            text = Path(path).read_text(encoding="utf-8")
            zones, use_zones = {None: text}, True
            ours = [
                Found(None, m.span.start, m.span.end, m.text, m.edtf, m.role)
                for m in find_dates(text, languages=tuple(annotation["languages"]))
            ]
        gold, lost = locate(annotation["mentions"], zones, use_zones)
        name = annotation_path.stem.removeprefix("dates-")
        theirs = dateparser_found(zones, annotation["dateparser_languages"])
        for tool, found in (("vakanuvis", ours), ("dateparser", theirs)):
            result = score(found, gold, len(lost), zones)
            figures = "".join(
                f"{result[k]:>{w}.2f}"
                for k, w in (("expr P", 8), ("expr R", 8), ("value P", 9), ("value R", 9), ("roles", 7))
            )
            print(f"{name:<22}{tool:<12}{figures}  {len(gold) + len(lost)}/{len(found)}")
            if verbose and tool == "vakanuvis":
                print_differences(result, gold, lost)
        if not use_zones:
            print("    (structure stage unavailable: whole raw text, footnotes not told apart)")


PRIMARY_HEADER = (
    f"{'primary source':<30}{'metadata':<10}{'expr P':>8}{'expr R':>8}{'value P':>9}{'value R':>9}"
    f"{'year src':>9}  n(gold/found) conv.  doc date"
)


def analysed_primary(path: str, given: dict | None) -> tuple[dict[Zone, str], list[Found], str | None]:
    """The body and the dates of one primary source as the pipeline analyses it, and the document's date."""
    document = analyse(read_file(path), given)
    found = [
        Found(m.span.footnote, m.span.start, m.span.end, m.text, m.edtf, m.role, m.year_from)
        for m in document.dates
    ]
    zones: dict[Zone, str] = {None: document.text}
    zones.update({note.number: note.text for note in document.footnotes})
    return zones, found, document.date


def figures_of(counts: tuple[int, ...]) -> str:
    found, gold, pairs, right, sources_right, sources, convention = counts
    values = (
        (pairs / found if found else 0.0, 8),
        (pairs / gold if gold else 0.0, 8),
        (right / found if found else 0.0, 9),
        (right / gold if gold else 0.0, 9),
        (sources_right / sources if sources else float("nan"), 9),
    )
    figures = "".join(f"{value:>{width}.2f}" for value, width in values)
    return f"{figures}  {f'{gold}/{found}':<13}{convention:>5}"


def score_primary_sources(verbose: bool, heldout: bool) -> None:
    """Each primary source with its date given and with nothing given; totals per split."""
    print()
    print(PRIMARY_HEADER)
    splits = ("dev", "heldout", "heldout2", "heldout3") if heldout else ("dev",)
    for split in splits:
        totals = {"given": [0] * 7, "detected": [0] * 7}
        dates_right = dates_in_text = dated_without_dateline = texts = 0
        for annotation_path in sorted((ROOT / "annotations").glob("primary-*.json")):
            annotation = json.loads(annotation_path.read_text(encoding="utf-8"))
            if annotation["split"] != split:
                continue
            texts += 1
            path = str(ROOT.parent / annotation["text"])
            document = annotation["document"]
            name = annotation_path.stem.removeprefix("primary-")
            for metadata, given in (
                ("given", {"date": document["date"], "type": document["type"]}),
                ("detected", None),
            ):
                zones, found, date = analysed_primary(path, given)
                gold, lost = locate(annotation["mentions"], zones, True)
                result = score(found, gold, len(lost), zones)
                counts = result["_counts"]
                totals[metadata] = [
                    total + count for total, count in zip(totals[metadata], counts, strict=True)
                ]
                detected = ""
                if metadata == "detected":
                    if document["date_in_text"]:
                        dates_in_text += 1
                        dates_right += date == document["date"]
                        detected = f"{date or '-'}" + (
                            "" if date == document["date"] else f" != {document['date']}"
                        )
                    else:
                        dated_without_dateline += date is not None
                        detected = f"{date or '-'} (no dateline)"
                print(f"{name:<30}{metadata:<10}{figures_of(counts)}  {detected}")
                if verbose and metadata == "given":
                    print_differences(result, gold, lost)
        for metadata, counts in totals.items():
            print(f"{'total ' + split + f' ({texts} texts)':<30}{metadata:<10}{figures_of(tuple(counts))}")
        print(
            f"{'':<30}dateline dates found right: {dates_right}/{dates_in_text};"
            f" texts without a dateline given a date: {dated_without_dateline}"
        )
        print(
            f"{'':<30}conv.: values that differ from the annotation only by the convention for open ends"
            " and parts of a month or year (counted as wrong above)"
        )
        print()


def main(verbose: bool, heldout: bool) -> None:
    score_sample_texts(verbose)
    score_primary_sources(verbose, heldout)


if __name__ == "__main__":
    main("--verbose" in sys.argv, "--heldout" in sys.argv)
