"""Each export read back with its ecosystem's own parser, its counts compared with the knowledge base."""

from __future__ import annotations

import csv
import html
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree

from vakanuvis.errors import BadOption
from vakanuvis.export.formats import write_export
from vakanuvis.knowledge_base import KnowledgeBase

TEI_NS = {"tei": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def kb(tmp_path_factory) -> KnowledgeBase:
    repo = Path(__file__).resolve().parents[2]
    articles = [repo / "src" / "vakanuvis" / "samples" / "lozan-musul-ornek.txt"]
    sample = repo.parent / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"
    if sample.exists():
        articles.append(sample)
    # a letter whose dates have no year and that gives none: its events are not placed on any axis
    yearless = tmp_path_factory.mktemp("texts") / "yearless-letter.txt"
    yearless.write_text(
        "Heyetimiz 16 Mart’ta Moskova’ya vâsıl oldu. Müzakerat 20 Mart’tan itibaren devam etmektedir.\n",
        encoding="utf-8",
    )
    articles.append(yearless)
    knowledge_base = KnowledgeBase(str(tmp_path_factory.mktemp("kb") / "kb.db"))
    assert all(result.stored for result in knowledge_base.ingest(articles))
    return knowledge_base


def export(kb: KnowledgeBase, export_format: str, path: Path, document: str | None = None) -> Path:
    write_export(kb.snapshot(document), export_format, path)
    return path


def test_tei_is_valid_and_complete(kb, tmp_path, tei_all):
    schema = tei_all
    for document in kb.documents():
        tree = etree.parse(str(export(kb, "tei", tmp_path / f"{document['id']}.xml", document["id"])))
        assert schema.validate(tree), schema.error_log.last_error
        notes = tree.findall(".//tei:body//tei:note", TEI_NS)
        marked = {n["number"] for n in kb.footnotes(document["id"])}
        assert {int(n.get("n")) for n in notes} <= marked
        assert len(tree.findall(".//tei:date", TEI_NS)) >= len(kb.events(document["id"]))
        body_text = "".join(tree.find(".//tei:body", TEI_NS).itertext())
        assert all(n.text in body_text for n in notes)
        assert len(tree.findall(".//tei:listBibl/tei:bibl", TEI_NS)) == len(kb.sources(document["id"]))
        mentioned = kb.entities(document["id"])
        listed = tree.findall(".//tei:listPerson/tei:person", TEI_NS) + tree.findall(
            ".//tei:listPlace/tei:place", TEI_NS
        )
        listed += tree.findall(".//tei:listOrg/tei:org", TEI_NS)
        listed += tree.findall(".//tei:listEvent[@type='named']/tei:event", TEI_NS)
        assert len(listed) == len(mentioned)
        events = tree.findall(".//tei:listEvent[@type='narrated']/tei:event", TEI_NS)
        assert len(events) == len(kb.events(document["id"]))
        ids = {element.get("{http://www.w3.org/XML/1998/namespace}id") for element in listed}
        refs = [name.get("ref") for name in tree.findall(".//tei:event/tei:desc/*", TEI_NS)]
        assert all(ref[1:] in ids for ref in refs if ref)
    corpus = etree.parse(str(export(kb, "tei", tmp_path / "all.xml")))
    assert schema.validate(corpus), schema.error_log.last_error
    assert len(corpus.findall("tei:TEI", TEI_NS)) == len(kb.documents())


def test_jsonld_reads_as_rdf(kb, tmp_path):
    rdflib = pytest.importorskip("rdflib")
    graph = rdflib.Graph().parse(export(kb, "jsonld", tmp_path / "kb.jsonld"), format="json-ld")
    schema = rdflib.Namespace("https://schema.org/")
    events = set(graph.subjects(rdflib.RDF.type, schema.Event))
    assert len([e for e in events if "event:" in str(e)]) == len(kb.events())
    people = set(graph.subjects(rdflib.RDF.type, schema.Person)) - {
        s for s in graph.subjects(rdflib.RDF.type, schema.Person) if isinstance(s, rdflib.BNode)
    }
    assert len(people) == sum(e["type"] == "person" for e in kb.entities())


def test_gexf_opens_in_networkx(kb, tmp_path):
    graph = nx.read_gexf(export(kb, "gexf", tmp_path / "kb.gexf"))
    roles = ("agent", "patient", "recipient", "instrument")  # who takes part; the place is only where
    participants = {name for e in kb.events() for role in roles for name in e["roles"].get(role, [])}
    assert participants and {data["label"] for _, data in graph.nodes(data=True)} == participants
    kinds = {e["kind"] for e in kb.events()} - {""}
    assert graph.number_of_edges()
    for _, _, data in graph.edges(data=True):
        assert data["weight"] == len(data["events"].split())
        assert set(data["kinds"].split()) <= kinds


def test_csv_tables(kb, tmp_path):
    folder = export(kb, "csv", tmp_path / "tables")
    with (folder / "events.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(kb.events())
    assert {"headline", "predicate", "kind"} <= set(rows[0])
    by_id = {row["id"]: row for row in rows}
    for event in kb.events():
        assert by_id[event["id"]]["headline"] == event["headline"]
    with (folder / "event_roles.csv").open(encoding="utf-8") as handle:
        roles = list(csv.DictReader(handle))
    for event in kb.events():
        agents = [row["entity"] for row in roles if row["event"] == event["id"] and row["role"] == "agent"]
        assert agents == list(dict.fromkeys(event["role_keys"].get("agent", [])))
    with (folder / "entities.csv").open(encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == len(kb.entities())
    with (folder / "documents.csv").open(encoding="utf-8") as handle:
        assert sorted(row["id"] for row in csv.DictReader(handle)) == sorted(d["id"] for d in kb.documents())
    with zipfile.ZipFile(export(kb, "csv", tmp_path / "tables.zip")) as archive:
        assert {"sources.csv", "datapackage.json"} <= set(archive.namelist())


def test_timelinejs(kb, tmp_path):
    timeline = json.loads(export(kb, "timelinejs", tmp_path / "timeline.json").read_text(encoding="utf-8"))
    placed = [e for e in kb.events() if e["start"] != "0001-01-01" and e["end"] != "9999-12-31"]
    assert len(timeline["events"]) == len(placed) < len(kb.events())  # open or year-less: left off the axis
    assert all({"year", "month", "day"} <= set(slide["start_date"]) for slide in timeline["events"])
    assert all(slide["start_date"]["year"] != "1" for slide in timeline["events"])
    headlines = {e["id"]: e["headline"] or e["text"] for e in placed}
    assert all(
        slide["text"]["headline"] == html.escape(headlines[slide["unique_id"]])
        for slide in timeline["events"]
    )


def test_no_export_writes_an_open_end_as_a_date(kb, tmp_path):
    """An event open at one end ("…’e kadar") or of unknown year is never dated 0001-01-01 or 9999-12-31."""
    assert any(e["start"] == "0001-01-01" or e["end"] == "9999-12-31" for e in kb.events())
    for kind, name in (
        ("tei", "kb.xml"),
        ("jsonld", "kb.jsonld"),
        ("timelinejs", "t.json"),
        ("gexf", "kb.gexf"),
    ):
        written = export(kb, kind, tmp_path / name).read_text(encoding="utf-8")
        assert "0001-01-01" not in written and "9999-12-31" not in written, kind


def test_bibliographies(kb, tmp_path):
    bibtexparser = pytest.importorskip("bibtexparser")
    with export(kb, "bibtex", tmp_path / "kb.bib").open(encoding="utf-8") as handle:
        entries = bibtexparser.load(handle).entries
    assert len(entries) == len(kb.sources())
    assert all(entry.get("title") or entry.get("note") for entry in entries)  # a newspaper issue too
    assert all(entry.get("language") for entry in entries)
    items = json.loads(export(kb, "csl-json", tmp_path / "kb.json").read_text(encoding="utf-8"))
    assert len(items) == len(kb.sources()) + len(kb.documents())  # the works cited, and the documents
    assert all(item.get("language") in {"tr", "az", "ru", "en"} for item in items)
    # the archive is said once: never its name and numbers again as the title
    assert not any(item.get("archive") and item["archive"] in item.get("title", "") for item in items)


def test_unknown_format_and_missing_folder(kb, tmp_path):
    with pytest.raises(BadOption, match="unknown export format"):
        export(kb, "docx", tmp_path / "x.docx")
    with pytest.raises(BadOption, match="does not exist"):
        export(kb, "tei", tmp_path / "nope" / "x.xml")
