"""The TEI and JSON-LD exports of the period corpus, loaded by their consumers as a new user would.

The folders 1919 and 1920 of bench/corpus/period go in through `vakanuvis ingest FOLDER --metadata …` (1921
and 1922 are held out and never read here); `vakanuvis export --all` writes the TEI teiCorpus and the
JSON-LD. Printed: the TEI's errors against TEI P5 tei_all (lxml's RelaxNG, the schema shipped in
tests/export/tei_all/), its pointers (@ref, @where, @source) that lead to no xml:id, the standOff's entries
and how many have a Wikidata id; the JSON-LD's triples in rdflib, its events and how many carry a typed date.
Run: `.venv/bin/python bench/exports.py [--keep DB]`.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import rdflib
from lxml import etree

ROOT = Path(__file__).resolve().parent
FOLDERS = [ROOT / "corpus" / "period" / year for year in ("1919", "1920")]
TEI_ALL = ROOT.parent / "tests" / "export" / "tei_all" / "tei_all.rng"
VAKANUVIS = Path(sys.executable).parent / "vakanuvis"
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def run(*arguments: str) -> None:
    result = subprocess.run([str(VAKANUVIS), *arguments], capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"vakanuvis {arguments[0]} failed: {result.stderr.strip()}")


def check_tei(path: Path) -> None:
    schema = etree.RelaxNG(etree.parse(str(TEI_ALL)))
    tree = etree.parse(str(path))
    valid = schema.validate(tree)
    errors = list(schema.error_log)
    print(f"TEI: {len(tree.findall('tei:TEI', TEI))} documents, tei_all: {len(errors)} errors ({valid=})")
    for message, count in Counter(error.message for error in errors).most_common(10):
        print(f"  {count} × {message}")
    ids = {element.get(XML_ID) for element in tree.iter() if element.get(XML_ID)}
    pointers = [
        target[1:]
        for element in tree.iter()
        for name in ("ref", "where", "source")
        for target in (element.get(name) or "").split()
        if target.startswith("#")
    ]
    print(f"  {len(pointers)} pointers, {sum(p not in ids for p in pointers)} lead to no xml:id")
    stand_off = tree.find("tei:standOff", TEI)
    for list_name in ("listPerson", "listPlace", "listOrg", "listEvent"):
        entries = [entry for found in stand_off.findall(f"tei:{list_name}", TEI) for entry in found]
        with_wikidata = sum(entry.find("tei:idno[@type='wikidata']", TEI) is not None for entry in entries)
        print(f"  standOff {list_name}: {len(entries)} entries, {with_wikidata} with a Wikidata id")


def check_jsonld(path: Path) -> None:
    graph = rdflib.Graph().parse(path, format="json-ld")
    schema = rdflib.Namespace("https://schema.org/")
    events = set(graph.subjects(rdflib.RDF.type, schema.Event))
    dates = [o for p in (schema.startDate, schema.endDate) for o in graph.objects(None, p)]
    typed = Counter(str(o.datatype).rsplit("#", 1)[-1] for o in dates if isinstance(o, rdflib.Literal))
    print(f"JSON-LD: {len(graph)} triples, {len(events)} events; dates by type: {dict(typed)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep", help="a knowledge base to keep (ingested when it does not exist)")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="vakanuvis-exports-"))
    db = options.keep or str(folder / "kb.db")
    if not Path(db).exists():
        for corpus in FOLDERS:
            run("ingest", str(corpus), "--metadata", str(corpus / "metadata.csv"), "--db", db)
    run("export", "--all", "--format", "tei", "-o", str(folder / "corpus.xml"), "--db", db)
    run("export", "--all", "--format", "jsonld", "-o", str(folder / "corpus.jsonld"), "--db", db)
    check_tei(folder / "corpus.xml")
    check_jsonld(folder / "corpus.jsonld")


if __name__ == "__main__":
    main()
