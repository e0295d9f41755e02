"""What happened at each event, in every export: its headline, predicate, kind and who took part in which role."""

from __future__ import annotations

import csv
import json

import pytest
from lxml import etree

from vakanuvis.export.csv_tables import csv_tables, write_csv_tables
from vakanuvis.export.gexf import actor_network, to_gexf
from vakanuvis.export.jsonld import to_jsonld
from vakanuvis.export.snapshot import Snapshot
from vakanuvis.export.tei import to_tei
from vakanuvis.export.timelinejs import to_timelinejs
from vakanuvis.model import Block, Document, Entity, EntityMention, Span

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
TEXT = (
    "Türkiye ile Rusya arasında Moskova Muahedesi 16 Mart 1921’de Moskova’da imzalanmıştır. "
    "Yunan ordusu 1919 Mayıs’ında İzmir’i işgal etmiştir. "
    "Heyet Mart’ın 20’sinde Moskova’ya vâsıl oldu."
)
ENTITIES = {
    "Q43": Entity("Q43", "place", "Turkey", ["Türkiye"], "Q43"),
    "Q159": Entity("Q159", "place", "Russia", ["Rusya"], "Q159"),
    "treaty:moscow": Entity("treaty:moscow", "treaty", "Treaty of Moscow (1921)", ["Moskova Muahedesi"]),
    "Q649": Entity("Q649", "place", "Moscow", ["Moskova"], "Q649", 55.75, 37.62),
    "org:greek-army": Entity("org:greek-army", "organization", "Greek army", ["Yunan ordusu"]),
    "Q35997": Entity("Q35997", "place", "İzmir", ["İzmir"], "Q35997"),
    "person:heyet": Entity("person:heyet", "person", "Heyet", []),
}


def _mentions() -> list[EntityMention]:
    found = []
    for key, entity in ENTITIES.items():
        surface = entity.aliases[0] if entity.aliases else entity.name
        start = TEXT.index(surface)
        found.append(EntityMention(Span(start, start + len(surface)), surface, surface, entity.type, key))
    return found


def _event(number: int, **fields) -> dict:
    return {
        "id": f"d1-e{number}",
        "document": "d1",
        "footnotes": [],
        "actors": [],
        "places": [],
        "dateline": False,
        **fields,
    }


SIGNED = _event(
    0,
    date="1921-03-16",
    start="1921-03-16",
    end="1921-03-16",
    text="16 Mart 1921’de",
    sentence=TEXT.split(". ")[0] + ".",
    predicate="imzalanmıştır",
    kind="sign",
    headline="Moskova Muahedesi imzalandı",
    roles={
        "agent": ["Turkey", "Russia"],
        "place": ["Moscow"],
        "instrument": ["Treaty of Moscow (1921)"],
    },
    role_keys={"agent": ["Q43", "Q159"], "place": ["Q649"], "instrument": ["treaty:moscow"]},
)
OCCUPIED = _event(
    1,
    date="1919-05",
    start="1919-05-01",
    end="1919-05-31",
    text="1919 Mayıs’ında",
    sentence="Yunan ordusu 1919 Mayıs’ında İzmir’i işgal etmiştir.",
    predicate="işgal etmiştir",
    kind="take",
    headline="Yunan ordusu İzmir’i işgal etti",
    roles={"agent": ["Greek army"], "patient": ["İzmir"]},
    role_keys={"agent": ["org:greek-army"], "patient": ["Q35997"]},
)
ARRIVED = _event(  # no year given: never on an axis, nor dated
    2,
    date="XXXX-03-20",
    start="0001-01-01",
    end="9999-12-31",
    text="Mart’ın 20’sinde",
    sentence="Heyet Mart’ın 20’sinde Moskova’ya vâsıl oldu.",
    predicate="vâsıl oldu",
    kind="arrive",
    headline="Heyet Moskova’ya vâsıl oldu",
    roles={"agent": ["Heyet"], "place": ["Moscow"]},
    role_keys={"agent": ["person:heyet"], "place": ["Q649"]},
)
SUMMER = _event(  # a season, and nothing said of what happened
    3,
    date="1920-22",
    start="1920-06-01",
    end="1920-08-31",
    text="1920 yazında",
    sentence="1920 yazında müzakereler sürdü.",
    predicate="",
    kind="",
    headline="",
    roles={},
    role_keys={},
)


@pytest.fixture
def snapshot() -> Snapshot:
    document = Document(
        id="d1",
        path="/tmp/x.txt",
        sha256="ab" * 32,
        title="Moskova’dan telgraflar",
        text=TEXT,
        blocks=[Block(Span(0, len(TEXT)), 1)],
        mentions=_mentions(),
    )
    return Snapshot([document], dict(ENTITIES), {}, [OCCUPIED, SUMMER, SIGNED, ARRIVED])


def test_tei_list_event(snapshot, tei_all):
    root = etree.fromstring(to_tei(snapshot))
    assert tei_all.validate(root.getroottree()), tei_all.error_log.last_error
    narrated = ".//tei:standOff/tei:listEvent[@type='narrated']/tei:event"
    events = {e.get(XML_ID): e for e in root.findall(narrated, TEI)}
    assert set(events) == {"dd1-e0", "dd1-e1", "dd1-e2", "dd1-e3"}
    signed = events["dd1-e0"]
    assert signed.get("when") == "1921-03-16" and signed.get("type") == "sign"
    assert signed.get("source") == "#d-d1"  # the document that tells it
    assert signed.findtext("tei:label", namespaces=TEI) == "Moskova Muahedesi imzalandı"
    description = signed.find("tei:desc", TEI)
    assert description.text.startswith("imzalanmıştır")
    names = [(n.tag.split("}")[1], n.get("role"), n.get("ref"), n.text) for n in description]
    assert names == [
        ("placeName", "agent", "#e-Q43", "Turkey"),
        ("placeName", "agent", "#e-Q159", "Russia"),
        ("placeName", "place", "#e-Q649", "Moscow"),
        ("name", "instrument", "#e-treaty_3a_moscow", "Treaty of Moscow (1921)"),
    ]
    assert signed.get("where") == "#e-Q649"
    listed = {e.get(XML_ID) for e in root.iter() if e.get(XML_ID)}
    assert all(ref[1:] in listed for *_, ref, _ in names)
    occupied = events["dd1-e1"]
    assert occupied.get("when") == "1919-05"
    assert [(n.tag.split("}")[1], n.get("role")) for n in occupied.find("tei:desc", TEI)] == [
        ("orgName", "agent"),
        ("placeName", "patient"),
    ]
    arrived, summer = events["dd1-e2"], events["dd1-e3"]
    assert dict(arrived.attrib).keys() >= {"ana"} and not {"when", "notBefore", "notAfter"} & set(
        arrived.attrib
    )
    assert (summer.get("notBefore"), summer.get("notAfter"), summer.get("ana")) == (
        "1920-06-01",
        "1920-08-31",
        "edtf:1920-22",
    )
    assert summer.findtext("tei:label", namespaces=TEI) == "1920 yazında"  # no headline: the date as written
    assert summer.find("tei:desc", TEI) is None


def test_tei_an_entity_in_two_roles_is_named_once(tei_all):
    event = {**SIGNED, "roles": {**SIGNED["roles"], "patient": ["Treaty of Moscow (1921)"]}}
    event["role_keys"] = {**SIGNED["role_keys"], "patient": ["treaty:moscow"]}
    snap = Snapshot([_document()], dict(ENTITIES), {}, [event])
    root = etree.fromstring(to_tei(snap))
    treaty = [n for n in root.find(".//tei:event/tei:desc", TEI) if n.text == "Treaty of Moscow (1921)"]
    assert [n.get("role") for n in treaty] == ["patient instrument"]
    assert tei_all.validate(root.getroottree()), tei_all.error_log.last_error


def _document() -> Document:
    return Document(
        id="d1",
        path="",
        sha256="ab" * 32,
        text=TEXT,
        blocks=[Block(Span(0, len(TEXT)), 1)],
        mentions=_mentions(),
    )


def test_jsonld_events(snapshot):
    nodes = {node["@id"]: node for node in to_jsonld(snapshot)["@graph"]}
    signed = nodes["urn:vakanuvis:event:d1-e0"]
    assert signed["name"] == "Moskova Muahedesi imzalandı"
    assert signed["description"] == SIGNED["sentence"]
    assert signed["startDate"] == {"@value": "1921-03-16", "@type": "xsd:date"}
    assert signed["organizer"] == [{"@id": "urn:vakanuvis:entity:Q43"}, {"@id": "urn:vakanuvis:entity:Q159"}]
    assert signed["location"] == [{"@id": "urn:vakanuvis:entity:Q649"}]
    assert signed["about"] == [{"@id": "urn:vakanuvis:entity:treaty:moscow"}]
    assert "attendee" not in signed
    occupied = nodes["urn:vakanuvis:event:d1-e1"]
    assert occupied["startDate"] == occupied["endDate"] == {"@value": "1919-05", "@type": "xsd:gYearMonth"}
    assert occupied["about"] == [{"@id": "urn:vakanuvis:entity:Q35997"}]
    arrived = nodes["urn:vakanuvis:event:d1-e2"]
    assert "startDate" not in arrived and "endDate" not in arrived
    summer = nodes["urn:vakanuvis:event:d1-e3"]
    assert summer["name"] == "1920 yazında"
    assert (summer["startDate"]["@value"], summer["endDate"]["@value"]) == ("1920-06-01", "1920-08-31")
    assert not {"organizer", "attendee", "location", "about"} & set(summer)


@pytest.mark.parametrize(
    ("date", "start", "end", "expected"),
    [
        ("1918", "1918-01-01", "1918-12-31", (("1918", "gYear"), ("1918", "gYear"))),
        (
            "1919-07/1919-12",
            "1919-07-01",
            "1919-12-31",
            (("1919-07", "gYearMonth"), ("1919-12", "gYearMonth")),
        ),
        ("1918/1920", "1918-01-01", "1920-12-31", (("1918", "gYear"), ("1920", "gYear"))),
        ("1920-05-20~", "1920-05-15", "1920-05-25", (("1920-05-15", "date"), ("1920-05-25", "date"))),
        ("1920-08/..", "1920-08-01", "9999-12-31", (("1920-08", "gYearMonth"), None)),
    ],
)
def test_jsonld_dates_are_typed_by_what_is_known(date, start, end, expected):
    event = {**SUMMER, "date": date, "start": start, "end": end}
    node = to_jsonld(Snapshot([], {}, {}, [event]))["@graph"][0]
    found = tuple(
        (node[p]["@value"], node[p]["@type"].removeprefix("xsd:")) if p in node else None
        for p in ("startDate", "endDate")
    )
    assert found == expected


def test_jsonld_dates_read_as_typed_literals(snapshot):
    rdflib = pytest.importorskip("rdflib")
    graph = rdflib.Graph().parse(data=json.dumps(to_jsonld(snapshot)), format="json-ld")
    schema = rdflib.Namespace("https://schema.org/")
    occupied = rdflib.URIRef("urn:vakanuvis:event:d1-e1")
    start = graph.value(occupied, schema.startDate)
    assert str(start) == "1919-05" and start.datatype == rdflib.XSD.gYearMonth
    assert str(graph.value(occupied, schema.name)) == "Yunan ordusu İzmir’i işgal etti"


def test_timelinejs_slides(snapshot):
    slides = {slide["unique_id"]: slide for slide in to_timelinejs(snapshot)["events"]}
    assert set(slides) == {"d1-e0", "d1-e1", "d1-e3"}  # the year-less arrival is left out
    assert slides["d1-e0"]["text"]["headline"] == "Moskova Muahedesi imzalandı"
    text = slides["d1-e0"]["text"]["text"]
    assert "Moskova Muahedesi 16 Mart 1921’de" in text and "Moskova’dan telgraflar" in text
    assert slides["d1-e3"]["text"]["headline"] == "1920 yazında"


def test_gexf_links_only_participants(snapshot):
    graph = actor_network(snapshot)
    # the place of an event takes no part in it; the treaty signed does
    assert set(graph.nodes) == {"Q43", "Q159", "treaty:moscow", "org:greek-army", "Q35997", "person:heyet"}
    assert {frozenset(edge) for edge in graph.edges} == {
        frozenset({"Q43", "Q159"}),
        frozenset({"Q43", "treaty:moscow"}),
        frozenset({"Q159", "treaty:moscow"}),
        frozenset({"org:greek-army", "Q35997"}),
    }
    assert graph["Q43"]["Q159"]["kinds"] == "sign"
    assert graph["org:greek-army"]["Q35997"]["kinds"] == "take"
    assert graph.nodes["Q35997"]["label"] == "İzmir"
    assert b"kinds" in to_gexf(snapshot)


def test_gexf_edge_kinds_gather_over_events(snapshot):
    again = {
        **OCCUPIED,
        "id": "d1-e9",
        "kind": "fight",
        "date": "1919",
        "start": "1919-01-01",
        "end": "1919-12-31",
    }
    graph = actor_network(Snapshot(snapshot.documents, snapshot.entities, {}, [OCCUPIED, again, SUMMER]))
    edge = graph["org:greek-army"]["Q35997"]
    assert (edge["weight"], edge["events"], edge["kinds"]) == (2, "d1-e1 d1-e9", "fight take")
    assert (edge["start"], edge["end"]) == ("1919-01-01", "1919-12-31")


def test_csv_events_table(snapshot, tmp_path):
    rows = {row["id"]: row for row in csv_tables(snapshot)["events.csv"]}
    signed = rows["d1-e0"]
    assert (signed["headline"], signed["predicate"], signed["kind"]) == (
        "Moskova Muahedesi imzalandı",
        "imzalanmıştır",
        "sign",
    )
    # who or what is in each role, by entity id (names are ambiguous), one row each
    roles = [
        (r["role"], r["entity"]) for r in csv_tables(snapshot)["event_roles.csv"] if r["event"] == "d1-e0"
    ]
    assert roles == [("agent", "Q43"), ("agent", "Q159"), ("place", "Q649"), ("instrument", "treaty:moscow")]
    assert (rows["d1-e2"]["start"], rows["d1-e2"]["end"]) == ("", "")
    write_csv_tables(snapshot, tmp_path / "tables")
    with (tmp_path / "tables" / "events.csv").open(encoding="utf-8") as handle:
        written = {row["id"]: row for row in csv.DictReader(handle)}
    assert written["d1-e1"]["kind"] == "take"
    with (tmp_path / "tables" / "event_roles.csv").open(encoding="utf-8") as handle:
        patients = [row for row in csv.DictReader(handle) if row["role"] == "patient"]
    assert [(row["event"], row["entity"], row["name"]) for row in patients] == [("d1-e1", "Q35997", "İzmir")]


def test_an_intermediary_is_in_every_export_as_itself(tei_all):
    """ "Türkiye ile Rusya … Heyet aracılığıyla": the go-between is named, and never as who signed."""
    event = {
        **SIGNED,
        "roles": {**SIGNED["roles"], "intermediary": ["Heyet"]},
        "role_keys": {**SIGNED["role_keys"], "intermediary": ["person:heyet"]},
    }
    snap = Snapshot([_document()], dict(ENTITIES), {}, [event])
    roles = [(r["role"], r["entity"]) for r in csv_tables(snap)["event_roles.csv"]]
    assert ("intermediary", "person:heyet") in roles and ("agent", "person:heyet") not in roles
    node = next(n for n in to_jsonld(snap)["@graph"] if n["@id"] == "urn:vakanuvis:event:d1-e0")
    assert node["contributor"] == [{"@id": "urn:vakanuvis:entity:person:heyet"}]
    assert {"@id": "urn:vakanuvis:entity:person:heyet"} not in node["organizer"]
    root = etree.fromstring(to_tei(snap))
    assert tei_all.validate(root.getroottree()), tei_all.error_log.last_error
    named = {n.text: n.get("role") for n in root.find(".//tei:event/tei:desc", TEI)}
    assert named["Heyet"] == "intermediary"
