"""The document view shows what the article's own header says: its abstracts (folded, in their language)
and keywords; a primary source, which has no header, shows no such block."""

from __future__ import annotations

SAMPLE = "sutad-turkiye-azerbaycan-1920-1922.txt"
TELEGRAM = "tamim-telgrafi-1920.txt"


def test_the_article_header_block_shows_abstracts_and_keywords(reader, server):
    document = server.document_id(SAMPLE)
    header = server.api(f"documents/{document}")["header"]
    assert set(header["abstracts"]) == {"tr", "en"}
    page = reader.open(f"doc/{document}")
    block = page.locator(".article-header")
    assert block.count() == 1
    languages = block.locator("details.abstract").evaluate_all("items => items.map(i => i.lang)")
    assert languages == list(header["abstracts"])
    block.locator("details.abstract[lang=en] summary").click()
    shown = block.locator("details.abstract[lang=en] > p").first.inner_text()
    assert shown == header["abstracts"]["en"]
    keywords = block.locator(".keyword").evaluate_all("words => words.map(w => w.textContent)")
    assert keywords == [word for words in header["keywords"].values() for word in words]
    assert reader.errors == []


def test_a_primary_source_has_no_article_header(reader, server):
    page = reader.open(f"doc/{server.document_id(TELEGRAM)}")
    assert page.locator(".article-header").count() == 0
