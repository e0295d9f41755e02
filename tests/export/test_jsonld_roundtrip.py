"""The JSON-LD export loaded in rdflib reads back as the same entities, events (with typed dates) and
citations, under the @context vakanuvis publishes, embedded or referred to."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.compare import isomorphic

from vakanuvis.export.formats import export_bytes
from vakanuvis.export.jsonld import typed_date
from vakanuvis.export.snapshot import Snapshot
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.model import Document

REPO = Path(__file__).resolve().parents[2]
CONTEXT = REPO / "src" / "vakanuvis" / "export" / "context.jsonld"
SCHEMA = rdflib.Namespace("https://schema.org/")
EDTF = URIRef("http://id.loc.gov/datatypes/edtf/EDTF")
SCHEMA_TYPE = {
    "person": SCHEMA.Person,
    "place": SCHEMA.Place,
    "organization": SCHEMA.Organization,
    "treaty": SCHEMA.Legislation,
    "meeting": SCHEMA.Event,
}
CORPUS = [
    REPO / "src" / "vakanuvis" / "samples" / "lozan-musul-ornek.txt",
    REPO / "bench" / "texts" / "check-dev-1.txt",
    REPO / "tests" / "data" / "primary" / "telgraf-sivas.txt",
]


@pytest.fixture(scope="module")
def snapshot(tmp_path_factory) -> Snapshot:
    kb = KnowledgeBase(str(tmp_path_factory.mktemp("kb") / "kb.db"))
    assert all(result.stored for result in kb.ingest(CORPUS))
    return kb.snapshot()


def read(data: bytes) -> rdflib.Graph:
    return rdflib.Graph().parse(data=data.decode("utf-8"), format="json-ld")


def node(kind: str, key: str) -> URIRef:
    return URIRef(f"urn:vakanuvis:{kind}:{key}")


def test_entities_read_back(snapshot):
    graph = read(export_bytes(snapshot, "jsonld"))
    assert snapshot.entities
    for entity in snapshot.entities.values():
        subject = node("entity", entity.key)
        assert (subject, RDF.type, SCHEMA_TYPE.get(entity.type, SCHEMA.Thing)) in graph
        assert graph.value(subject, SCHEMA.name) == Literal(entity.name)
        aliases = {str(alias) for alias in graph.objects(subject, SCHEMA.alternateName)}
        assert aliases == set(entity.aliases) - {entity.name}
        same_as = graph.value(subject, SCHEMA.sameAs)
        if entity.wikidata:
            assert same_as == URIRef(f"http://www.wikidata.org/entity/{entity.wikidata}")
        else:
            assert same_as is None
    assert any(graph.objects(None, SCHEMA.sameAs))


def test_events_read_back_with_typed_dates(snapshot):
    graph = read(export_bytes(snapshot, "jsonld"))
    assert len(snapshot.events) > 5
    for event in snapshot.events:
        subject = node("event", event["id"])
        assert (subject, RDF.type, SCHEMA.Event) in graph
        assert graph.value(subject, SCHEMA.subjectOf) == node("document", event["document"])
        coverage = graph.value(subject, SCHEMA.temporalCoverage)
        assert (str(coverage), coverage.datatype) == (event["date"], EDTF)
        for prop, day in ((SCHEMA.startDate, event["start"]), (SCHEMA.endDate, event["end"])):
            value = graph.value(subject, prop)
            if day in ("0001-01-01", "9999-12-31"):  # an open end or an unknown year: no date at all
                assert value is None
                continue
            assert value.datatype in (XSD.date, XSD.gYearMonth, XSD.gYear)
            assert (
                day.startswith(str(value))
                and len(str(value))
                == {
                    XSD.date: 10,
                    XSD.gYearMonth: 7,
                    XSD.gYear: 4,
                }[value.datatype]
            )
            if re.fullmatch(r"\d{4}(-(0[1-9]|1[0-2])(-\d\d)?)?", event["date"]):
                assert str(value) == event["date"]  # a year, a month or a day keeps its own precision
        actors = set(graph.objects(subject, SCHEMA.organizer))
        expected = {
            node("entity", k) for k in event.get("role_keys", {}).get("agent", []) if k in snapshot.entities
        }
        assert expected <= actors
    datatypes = {o.datatype for o in graph.objects(None, SCHEMA.startDate)}
    assert XSD.date in datatypes and len(datatypes) > 1


def test_citations_read_back(snapshot):
    graph = read(export_bytes(snapshot, "jsonld"))
    assert snapshot.sources
    for document in snapshot.documents:
        cited = {node("source", c.source_key) for c in document.citations if c.source_key in snapshot.sources}
        assert set(graph.objects(node("document", document.id), SCHEMA.citation)) == cited
    for source in snapshot.sources.values():
        subject = node("source", source.key)
        assert graph.value(subject, SCHEMA.name) == Literal(source.title or source.title_latin or "")
        if source.year:
            assert graph.value(subject, SCHEMA.datePublished) == Literal(
                f"{source.year:04d}", datatype=XSD.gYear
            )


def test_the_export_refers_to_the_published_context(snapshot, tmp_path):
    embedded = read(export_bytes(snapshot, "jsonld"))
    url = CONTEXT.as_uri()  # fetched by rdflib from where it is published, as from /api/context.jsonld
    data = export_bytes(snapshot, "jsonld", context_url=url)
    assert json.loads(data)["@context"] == url
    assert isomorphic(read(data), embedded)
    assert (
        json.loads(export_bytes(snapshot, "jsonld"))["@context"]
        == json.loads(CONTEXT.read_text())["@context"]
    )


@pytest.mark.parametrize(
    ("value", "datatype"),
    [
        ("1920-04-23", XSD.date),
        ("1920-04", XSD.gYearMonth),
        ("1920", XSD.gYear),
        ("1920-22", EDTF),  # summer 1920
        ("1919-07/1919-08", EDTF),
        ("1920-04~", EDTF),
        ("192X", EDTF),
        ("1920-13", EDTF),  # spring 1920 in EDTF's seasons, no month
    ],
)
def test_a_date_is_a_typed_literal(value, datatype):
    document = Document(id="d1", path="", sha256="ab" * 32, text="x", date=value)
    graph = read(export_bytes(Snapshot([document], {}, {}), "jsonld"))
    assert graph.value(node("document", "d1"), SCHEMA.dateCreated) == Literal(value, datatype=datatype)
    assert typed_date(value)["@value"] == value
