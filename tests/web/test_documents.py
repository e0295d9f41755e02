"""The documents view (#/): articles and primary sources by their own date, with their type, authors and
place, a detected date marked, and a filter by type kept in the hash (#/?type=telegram)."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

import pytest

TELEGRAM = "tamim-telgrafi-1920.txt"  # given: 1920-03-16, telegram, Mustafa Kemal, Ankara
LETTER = "moskova-mektubu-1920.txt"  # given: 1920-04~, letter, Bekir Sami, Moskova
SPEECH = "meclis-nutku-1922.txt"  # 1922-03-01 read off the text; speech, Mustafa Kemal
SAMPLE = "sutad-turkiye-azerbaycan-1920-1922.txt"

TYPE_LABELS = {
    "tr": {"article": "Makale", "speech": "Nutuk/Konuşma", "telegram": "Telgraf", "letter": "Mektup"},
    "en": {"article": "Article", "speech": "Speech", "telegram": "Telegram", "letter": "Letter"},
}


def squeeze(text: str) -> str:
    return " ".join(text.split())


def sort_key(edtf: str | None) -> str | None:
    """The first day an EDTF date can stand for (what the reader sorts by), for the dates of this corpus."""
    if not edtf:
        return None
    first = next(part for part in edtf.split("/") if part and part != "..")
    parts = re.sub(r"[?~%]", "", first).split("-")
    return "-".join(parts + ["01"] * (3 - len(parts)))


def shown_ids(page) -> list[str]:
    return page.locator(".document-item").evaluate_all("items => items.map(i => i.dataset.id)")


def item(page, server, file_name):
    return page.locator(f'.document-item[data-id="{server.document_id(file_name)}"]')


def test_documents_are_in_the_order_of_their_own_dates_undated_last(reader, server):
    documents = server.api("documents")["data"]
    dated = sorted(
        (d for d in documents if sort_key(d["date"])), key=lambda d: sort_key(d["date"])
    )  # sorted() is stable: equal keys keep the stored order
    undated = [d for d in documents if not sort_key(d["date"])]
    page = reader.open("")
    assert shown_ids(page) == [d["id"] for d in dated + undated]
    # the primary sources of 1920–22 first, the undated articles after them, in their stored order
    assert shown_ids(page)[:3] == [server.document_id(name) for name in (TELEGRAM, LETTER, SPEECH)]
    assert undated, "the sample articles have no date of their own"
    assert page.locator(".document-item").last.locator(".document-date").inner_text() == "tarihsiz"


def test_each_document_shows_its_date_type_authors_and_place(reader, server):
    page = reader.open("")
    telegram = item(page, server, TELEGRAM)
    assert telegram.locator(".document-date").inner_text() == "16 Mart 1920"
    assert telegram.locator(".document-date").get_attribute("data-edtf") == "1920-03-16"
    assert telegram.locator(".doctype").inner_text() == "Telgraf"
    assert telegram.locator(".document-authors").inner_text() == "Mustafa Kemal"
    assert telegram.locator(".document-place").inner_text() == "Ankara"
    letter = item(page, server, LETTER)
    assert letter.locator(".document-date").inner_text() == "yaklaşık Nisan 1920"  # 1920-04~
    assert letter.locator(".doctype").inner_text() == "Mektup"
    assert squeeze(letter.locator(".meta").inner_text()).startswith("Bekir Sami · Moskova · tr · 1 sayfa")
    speech = item(page, server, SPEECH)
    assert speech.locator(".doctype").inner_text() == "Nutuk/Konuşma"
    assert speech.locator(".document-place").count() == 0  # no place given: none shown
    article = item(page, server, SAMPLE)
    assert article.locator(".doctype").inner_text() == "Makale"
    assert article.locator(".document-date").inner_text() == "tarihsiz"
    # every document says its type, in the reader's labels for the API's types
    types = {d["id"]: d["type"] for d in server.api("documents")["data"]}
    for shown_id, label in page.locator(".document-item").evaluate_all(
        "items => items.map(i => [i.dataset.id, i.querySelector('.doctype').textContent])"
    ):
        assert label == TYPE_LABELS["tr"][types[shown_id]]


def test_a_date_read_off_the_text_is_marked_as_such(reader, server):
    page = reader.open("")
    speech = item(page, server, SPEECH)
    detected = speech.locator('.detected[data-field="date"]')
    assert squeeze(detected.inner_text()) == "1 Mart 1922 (metinden)"
    assert "metinden" in detected.get_attribute("title")
    assert server.api(f"documents/{server.document_id(SPEECH)}")["origins"]["date"] == "detected"
    # given dates carry no such note
    assert page.locator(".detected").count() == 1
    assert item(page, server, TELEGRAM).locator(".detected-note").count() == 0


def test_type_filter_counts_each_type_and_is_kept_in_the_hash(reader, server):
    documents = server.api("documents")["data"]
    counts = Counter(d["type"] for d in documents)
    page = reader.open("")
    buttons = page.locator(".type-filters .type-filter")
    shown_counts = dict(
        buttons.evaluate_all(
            "links => links.map(a => [a.dataset.type, Number(a.querySelector('.count').textContent)])"
        )
    )
    assert shown_counts == {"all": len(documents), **counts}
    assert page.locator('.type-filter[data-type="all"]').get_attribute("aria-current") == "page"
    page.locator('.type-filter[data-type="telegram"]').click()
    page.wait_for_url(re.compile(r"#/\?type=telegram$"))
    reader.wait()
    assert shown_ids(page) == [server.document_id(TELEGRAM)]
    assert page.locator('.type-filter[data-type="telegram"]').get_attribute("aria-current") == "page"
    assert page.locator('.type-filter[data-type="all"]').get_attribute("aria-current") is None
    # the hash can be linked: opening #/?type=article shows the articles, in their stored order
    page = reader.open("?type=article")
    assert shown_ids(page) == [d["id"] for d in documents if d["type"] == "article"]
    page.locator('.type-filter[data-type="all"]').click()
    page.wait_for_url(re.compile(r"#/$"))
    reader.wait()
    assert len(shown_ids(page)) == len(documents)
    # a type with no document says so
    page = reader.open("?type=decree")
    assert shown_ids(page) == []
    assert page.locator(".empty").inner_text() == "Bu türde belge yok."
    assert reader.errors == []


def test_documents_view_in_english(reader, server):
    page = reader.open("?type=speech")
    assert page.locator("main h1").inner_text() == "Belgeler"
    assert page.locator(".intro").inner_text().startswith("Bilgi tabanındaki belgeler")
    page.click("#lang-toggle")
    reader.wait()
    assert page.locator("main h1").inner_text() == "Documents"
    intro = page.locator(".intro").inner_text()
    assert intro.startswith("The documents in the knowledge base") and "The articles" not in intro
    assert page.locator('.type-filter[data-type="all"]').inner_text().startswith("All")
    assert page.locator('.type-filter[data-type="speech"]').inner_text().startswith("Speech")
    speech = item(page, server, SPEECH)
    assert (
        squeeze(speech.locator('.detected[data-field="date"]').inner_text()) == "1 March 1922 (from the text)"
    )
    page = reader.open("")
    assert item(page, server, LETTER).locator(".document-date").inner_text() == "c. April 1920"
    assert item(page, server, SAMPLE).locator(".document-date").inner_text() == "undated"
    labels = page.locator(".document-item .doctype").evaluate_all("chips => chips.map(c => c.textContent)")
    assert set(labels) <= set(TYPE_LABELS["en"].values())


def _overlapping(page, selector: str) -> list:
    """Pairs of the elements matched by `selector` whose boxes overlap (each line box of a wrapped link on its own)."""
    nodes = page.locator(selector).evaluate_all(
        "nodes => nodes.map(n => [n.className + ': ' + n.textContent.slice(0, 30),"
        " [...n.getClientRects()].map(r => [r.left, r.top, r.right, r.bottom])])"
    )

    def meet(a, b):
        return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5

    return [
        (first[0], second[0])
        for first, second in combinations(nodes, 2)
        if any(meet(a, b) for a in first[1] for b in second[1])
    ]


@pytest.mark.parametrize("width", [1280, 700])
def test_labels_do_not_overlap(reader_at, server, width):
    reader = reader_at(width)
    page = reader.open("")
    for index in range(page.locator(".document-item").count()):
        parts = f".document-item:nth-child({index + 1}) :is(.document-when, .doctype, .document-link, .meta)"
        assert _overlapping(page, parts) == []
    assert _overlapping(page, ".type-filters .type-filter") == []
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    if width <= 820:  # a narrow page puts the date above the title, not beside it
        first = page.locator(".document-item").first
        assert (
            first.locator(".document-when").bounding_box()["y"]
            < first.locator(".document-link").bounding_box()["y"]
        )
    # and the check sees an overlap when there is one: the date and the title drawn in one grid cell
    page.add_style_tag(content=".document-item > * { grid-column: 1; grid-row: 1; }")
    assert _overlapping(
        page, ".document-item:first-child :is(.document-when, .doctype, .document-link, .meta)"
    )


def test_a_primary_source_page_shows_its_metadata(reader, server):
    page = reader.open(f"doc/{server.document_id(TELEGRAM)}")
    facts = page.locator(".document-facts")
    assert squeeze(facts.inner_text()) == "Telgraf 16 Mart 1920 · Mustafa Kemal · Ankara"
    assert "Heyet-i Temsiliye" in page.locator(".document-text").inner_text()
    page = reader.open(f"doc/{server.document_id(SPEECH)}")
    assert "(metinden)" in page.locator(".document-facts").inner_text()
    assert reader.errors == []
