"""TEI exports valid against TEI P5 tei_all, with one standOff of people, places, organizations and events
that every name in the texts points to."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from vakanuvis.export.snapshot import Snapshot
from vakanuvis.export.tei import to_tei
from vakanuvis.export.tei_elements import entity_id
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.model import Block, Document, Entity, EntityMention, Span

REPO = Path(__file__).resolve().parents[2]
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SMALL_CORPUS = [
    REPO / "src" / "vakanuvis" / "samples" / "lozan-musul-ornek.txt",
    REPO / "bench" / "texts" / "check-dev-1.txt",
    REPO / "bench" / "texts" / "check-dev-2.txt",
    REPO / "tests" / "data" / "primary" / "telgraf-sivas.txt",
]
LISTS = {"person": "listPerson", "place": "listPlace", "organization": "listOrg", "treaty": "listEvent"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Snapshot, etree._Element]:
    kb = KnowledgeBase(str(tmp_path_factory.mktemp("kb") / "kb.db"))
    assert all(result.stored for result in kb.ingest(SMALL_CORPUS))
    snapshot = kb.snapshot()
    return snapshot, etree.fromstring(to_tei(snapshot))


def local_name(element: etree._Element) -> str:
    return etree.QName(element).localname


def pointers(root: etree._Element) -> list[tuple[etree._Element, str]]:
    return [
        (element, target[1:])
        for element in root.iter()
        for name in ("ref", "where", "source")
        for target in (element.get(name) or "").split()
    ]


def test_the_corpus_is_valid_tei_all(corpus, tei_all):
    _, root = corpus
    assert local_name(root) == "teiCorpus" and len(root.findall("tei:TEI", TEI)) == len(SMALL_CORPUS)
    assert tei_all.validate(root.getroottree()), [str(error) for error in tei_all.error_log][:5]


def test_every_entity_is_listed_once_in_the_corpus_standoff(corpus):
    snapshot, root = corpus
    stand_off = root.find("tei:standOff", TEI)
    entries = {entry.get(XML_ID): entry for entry in stand_off.iter() if entry.get(XML_ID)}
    # the documents list nobody themselves: one entry per entity for the whole corpus
    assert not root.findall("tei:TEI//tei:listPerson", TEI) and not root.findall(
        "tei:TEI//tei:listPlace", TEI
    )
    for entity in snapshot.entities.values():
        entry = entries[entity_id(entity.key)]
        parent = local_name(entry.getparent())
        assert parent == LISTS.get(entity.type, "listOrg" if entity.type != "meeting" else "listEvent")
        names = [
            element.text
            for element in entry
            if local_name(element) in ("persName", "placeName", "orgName", "label")
        ]
        assert names[0] == entity.name and set(entity.aliases) <= set(names)
        assert entry.findtext("tei:idno[@type='wikidata']", namespaces=TEI) == entity.wikidata
    assert any(entity.wikidata for entity in snapshot.entities.values())
    narrated = stand_off.findall("tei:listEvent[@type='narrated']/tei:event", TEI)
    assert len(narrated) == len(snapshot.events) > 0


def test_every_name_in_the_texts_points_to_its_standoff_entry(corpus):
    snapshot, root = corpus
    stand_off = root.find("tei:standOff", TEI)
    listed = {entry.get(XML_ID) for entry in stand_off.iter() if entry.get(XML_ID)}
    documents = {element.get(XML_ID) for element in root.findall("tei:TEI", TEI)}
    found = pointers(root)
    assert found and all(target in listed | documents for _, target in found)
    body_names = [
        name
        for name in root.iterfind("tei:TEI/tei:text/tei:body//*[@ref]", TEI)
        if local_name(name) in ("persName", "placeName", "orgName", "name")
    ]
    assert body_names and all(name.get("ref")[1:] in listed for name in body_names)
    mentioned = {m.entity_key for d in snapshot.documents for m in d.mentions if m.span.footnote is None}
    assert {name.get("ref") for name in body_names} <= {"#" + entity_id(key) for key in mentioned}
    sources = {element.get("source")[1:] for element in stand_off.iterfind(".//tei:event[@source]", TEI)}
    assert sources <= documents and len(sources) > 1


TEXT = "GİRİŞ\nBirinci paragraf.\nI. BÖLÜM\nAlt başlık\nİkinci paragraf.\nÜçüncü paragraf."


def blocks(*kinds: str) -> list[Block]:
    lines, offset, found = TEXT.split("\n"), 0, []
    for line, kind in zip(lines, kinds, strict=True):
        found.append(Block(Span(offset, offset + len(line)), 1, kind))
        offset += len(line) + 1
    return found


H, P = "heading", "paragraph"


@pytest.mark.parametrize(
    ("kinds", "divisions"),
    [
        ((H, P, H, H, P, P), [["head", "p"], ["head", "head", "p", "p"]]),
        ((P, P, H, P, P, P), [["p", "p"], ["head", "p", "p", "p"]]),
        ((P, H, P, H, P, H), [["p"], ["head", "p"], ["head", "p"], ["head"]]),
        ((P, P, P, P, P, P), [["p"] * 6]),
    ],
)
def test_a_heading_after_paragraphs_opens_a_division(kinds, divisions, tei_all):
    document = Document(id="d1", path="", sha256="ab" * 32, text=TEXT, blocks=blocks(*kinds))
    root = etree.fromstring(to_tei(Snapshot([document], {}, {})))
    assert tei_all.validate(root.getroottree()), tei_all.error_log.last_error
    found = [
        [local_name(child) for child in division if local_name(child) != "pb"]
        for division in root.findall("tei:text/tei:body/tei:div", TEI)
    ]
    assert found == divisions


def test_a_standoff_entry_has_its_wikidata_id_aliases_and_dates(tei_all):
    text = "Gümrü Muahedesi ile Kâzım Karabekir Paşa Gümrü’de."
    entities = {
        "Q1": Entity(
            "Q1",
            "treaty",
            "Treaty of Alexandropol",
            ["Gümrü Muahedesi"],
            "Q1",
            start="1920-12-02",
            end="1920-12-02",
        ),
        "Q2": Entity("Q2", "person", "Kâzım Karabekir", ["Kâzım Karabekir Paşa", "Karabekir"], "Q2"),
        "Q3": Entity("Q3", "place", "Gyumri", ["Gümrü"], "Q3", 40.78, 43.84),
    }
    mentions = []
    for key, surface, at in (
        ("Q1", "Gümrü Muahedesi", 0),
        ("Q2", "Kâzım Karabekir Paşa", 20),
        ("Q3", "Gümrü", 41),
    ):
        assert text[at : at + len(surface)] == surface
        mentions.append(EntityMention(Span(at, at + len(surface)), surface, surface, entities[key].type, key))
    document = Document(
        id="d1",
        path="",
        sha256="ab" * 32,
        text=text,
        blocks=[Block(Span(0, len(text)), 1)],
        mentions=mentions,
    )
    root = etree.fromstring(to_tei(Snapshot([document], entities, {})))
    assert tei_all.validate(root.getroottree()), tei_all.error_log.last_error
    treaty = root.find("tei:standOff/tei:listEvent[@type='named']/tei:event", TEI)
    assert (treaty.get(XML_ID), treaty.get("type"), treaty.get("when")) == ("e-Q1", "treaty", "1920-12-02")
    assert treaty.findtext("tei:idno[@type='wikidata']", namespaces=TEI) == "Q1"
    assert [label.text for label in treaty.findall("tei:label", TEI)] == [
        "Treaty of Alexandropol",
        "Gümrü Muahedesi",
    ]
    person = root.find("tei:standOff/tei:listPerson/tei:person", TEI)
    assert [(n.text, n.get("type")) for n in person.findall("tei:persName", TEI)] == [
        ("Kâzım Karabekir", None),
        ("Kâzım Karabekir Paşa", "alias"),
        ("Karabekir", "alias"),
    ]
    place = root.find("tei:standOff/tei:listPlace/tei:place", TEI)
    assert place.findtext("tei:location/tei:geo", namespaces=TEI) == "40.78 43.84"
    refs = [(local_name(n), n.get("ref")) for n in root.find("tei:text/tei:body", TEI).iter() if n.get("ref")]
    assert refs == [("name", "#e-Q1"), ("persName", "#e-Q2"), ("placeName", "#e-Q3")]


@pytest.mark.parametrize(
    "keys",
    [
        ("person:a b", "person:a_b", "person_a_b", "person:a__b"),
        ("person:hamit@76c2", "person:hamit_76c2", "person_3a_hamit_40_76c2"),
        ("place:Ankara", "place:ankara"),
    ],
)
def test_distinct_keys_have_distinct_xml_ids(keys, tei_all):
    ids = [entity_id(key) for key in keys]
    assert len(set(ids)) == len(keys)
    root = etree.Element("{http://www.tei-c.org/ns/1.0}listPerson")
    for key in ids:  # each an NCName, as xml:id must be
        person = etree.SubElement(root, "{http://www.tei-c.org/ns/1.0}person", {XML_ID: key})
        etree.SubElement(person, "{http://www.tei-c.org/ns/1.0}persName").text = "x"
    assert len({element.get(XML_ID) for element in root}) == len(keys)
