"""The article's own header in the exports (TEI biblStruct, abstracts and keywords; CSL-JSON), and an
ingested article that another ingested article cites being one work with it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from vakanuvis.export.csl_json import document_to_csl
from vakanuvis.export.formats import export_bytes
from vakanuvis.export.snapshot import Snapshot
from vakanuvis.export.tei import to_tei
from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.model import Block, Document, Source, Span
from vakanuvis.resolve.document_works import DocumentWork, is_document

DATA = Path(__file__).resolve().parents[1] / "data"
TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEXT = "Kars Antlaşması 13 Ekim 1921’de imzalandı."
HEADER = {
    "titles": {"en": "Turkish-Azerbaijani Relations (1920-1922)"},
    "affiliations": {"Ayşe Karataş": "Atatürk Üniversitesi, Edebiyat Fakültesi, Tarih Bölümü, Erzurum"},
    "orcids": {"Ayşe Karataş": "0000-0002-1825-0097"},
    "journal": "Türk Tarihi Araştırmaları Dergisi",
    "volume": "12",
    "issue": "2",
    "year": 2021,
    "pages": "145-170",
    "doi": "10.12345/ttad.2021.145",
    "abstracts": {"tr": "Bu çalışmada ilişkiler ele alınmıştır.", "en": "This study examines the relations."},
    "keywords": {"tr": ["Türkiye", "Azerbaycan"], "en": ["Turkey", "Azerbaijan"]},
}


def article() -> Document:
    return Document(
        id="a1",
        path="/tmp/a.txt",
        sha256="cd" * 32,
        title="Türkiye-Azerbaycan İlişkileri (1920-1922)",
        authors=["Ayşe Karataş"],
        text=TEXT,
        blocks=[Block(Span(0, len(TEXT)), 1)],
        header=HEADER,
    )


def test_the_tei_header_describes_the_article_as_published(tei_all):
    root = etree.fromstring(to_tei(Snapshot([article()], {}, {})))
    schema = tei_all
    assert schema.validate(root.getroottree()), schema.error_log.last_error
    struct = root.find(".//tei:sourceDesc/tei:biblStruct", TEI)
    assert struct.findtext("tei:analytic/tei:title[@level='a']", namespaces=TEI) == article().title
    author = struct.find("tei:analytic/tei:author", TEI)
    assert author.findtext("tei:persName", namespaces=TEI) == "Ayşe Karataş"
    assert author.findtext("tei:affiliation", namespaces=TEI).startswith("Atatürk Üniversitesi")
    assert author.findtext("tei:idno[@type='ORCID']", namespaces=TEI) == "0000-0002-1825-0097"
    assert struct.findtext("tei:analytic/tei:idno[@type='DOI']", namespaces=TEI) == "10.12345/ttad.2021.145"
    assert (
        struct.findtext("tei:monogr/tei:title[@level='j']", namespaces=TEI)
        == "Türk Tarihi Araştırmaları Dergisi"
    )
    scopes = {
        scope.get("unit"): scope for scope in struct.findall("tei:monogr/tei:imprint/tei:biblScope", TEI)
    }
    assert (scopes["volume"].text, scopes["issue"].text) == ("12", "2")
    assert (scopes["page"].get("from"), scopes["page"].get("to")) == ("145", "170")
    assert struct.find("tei:monogr/tei:imprint/tei:date", TEI).get("when") == "2021"
    abstracts = {
        a.get(LANG): a.findtext("tei:p", namespaces=TEI)
        for a in root.findall(".//tei:profileDesc/tei:abstract", TEI)
    }
    assert abstracts == HEADER["abstracts"]
    keywords = {
        k.get(LANG): [t.text for t in k.findall("tei:term", TEI)]
        for k in root.findall(".//tei:textClass/tei:keywords", TEI)
        if k.get(LANG)
    }
    assert keywords == HEADER["keywords"]
    assert root.findtext(".//tei:titleStmt/tei:author", namespaces=TEI) == "Ayşe Karataş"


def test_a_document_without_a_header_has_no_biblstruct():
    plain = article()
    plain.header = {}
    root = etree.fromstring(to_tei(Snapshot([plain], {}, {})))
    assert root.find(".//tei:biblStruct", TEI) is None
    assert root.find(".//tei:abstract", TEI) is None


def test_csl_json_item_of_the_article():
    item = document_to_csl(article())
    assert (item["container-title"], item["volume"], item["issue"], item["page"], item["DOI"]) == (
        "Türk Tarihi Araştırmaları Dergisi",
        "12",
        "2",
        "145-170",
        "10.12345/ttad.2021.145",
    )
    assert item["issued"] == {
        "date-parts": [[2021]]
    }  # the header's year, the document having no date of its own
    assert item["abstract"] == "Bu çalışmada ilişkiler ele alınmıştır."


WORK = DocumentWork(
    "a1", ("Sovyet Rusya Belgelerinde Türkiye-Azerbaycan İlişkileri (1920-1922)",), ("Ayşe Karataş",), 2021
)


@pytest.mark.parametrize(
    ("authors", "title", "year", "same"),
    [
        (["Ayşe Karataş"], "Sovyet Rusya Belgelerinde Türkiye-Azerbaycan İlişkileri (1920-1922)", 2021, True),
        (
            ["Karataş A."],
            "Sovyet Rusya Belgelerinde Türkiye-Azerbaycan İlişkileri",
            2021,
            True,
        ),  # years dropped
        (
            ["Ayse Karatas"],
            "Sovyet Rusya Belgelerinde Turkiye-Azerbaycan Iliskileri",
            None,
            True,
        ),  # no diacritics
        (
            ["Ayşe Karataş"],
            "Sovyet Rusya Belgelerinde Türkiye-Azerbaycan İlişkileri (1920-1922)",
            2015,
            False,
        ),
        (
            ["Mehmet Demir"],
            "Sovyet Rusya Belgelerinde Türkiye-Azerbaycan İlişkileri (1920-1922)",
            2021,
            False,
        ),
        (["Ayşe Karataş"], "Kars Antlaşması ve Nahçıvan", 2021, False),
        (["Ayşe Karataş"], "Türkiye", 2021, False),  # a title held in another must be long enough
    ],
)
def test_is_document(authors, title, year, same):
    source = Source("src-1", "article", authors, title, title, None, year)
    assert is_document(source, WORK) is same


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory) -> tuple[KnowledgeBase, dict[str, str]]:
    kb = KnowledgeBase(str(tmp_path_factory.mktemp("kb") / "kb.db"))
    results = kb.ingest([DATA / "header" / "journal-line-first.txt", DATA / "header" / "citing-article.txt"])
    return kb, {Path(result.path).name: result.document_id for result in results}


def test_a_cited_article_of_the_knowledge_base_is_the_ingested_document(two_articles):
    kb, ids = two_articles
    (cited,) = [source for source in kb.sources() if "document" in source]
    assert cited["document"] == ids["journal-line-first.txt"]
    assert [place["document"] for place in cited["cited_in"]] == [ids["citing-article.txt"]]
    assert len(kb.sources()) == 2  # Karabekir's book is not an ingested document


def test_csl_json_has_one_item_for_the_cited_and_ingested_article(two_articles):
    kb, ids = two_articles
    items = json.loads(export_bytes(kb.snapshot(), "csl-json"))
    karatas = [item for item in items if item.get("title", "").startswith("Sovyet Rusya")]
    assert len(karatas) == 1
    (item,) = karatas
    assert item["id"].startswith("src-") and item["custom"] == {"document": ids["journal-line-first.txt"]}
    assert item["DOI"] == "10.12345/ttad.2021.145" and item["page"] == "145-170"
    cited = {c.source_key for d in kb.load_documents(ids["citing-article.txt"]) for c in d.citations}
    assert item["id"] in cited  # the citation names the document's own item
    # exported alone, the citing article's work still says which ingested document it is
    alone = json.loads(export_bytes(kb.snapshot(ids["citing-article.txt"]), "csl-json"))
    (work,) = [i for i in alone if i.get("title", "").startswith("Sovyet Rusya")]
    assert work["custom"]["document"] == ids["journal-line-first.txt"]
