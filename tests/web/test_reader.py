"""The web reader in headless Chromium, on the sample article and the demo article."""

from __future__ import annotations

import re

import pytest

SAMPLE = "sutad-turkiye-azerbaycan-1920-1922.txt"
DEMO = "lozan-musul-ornek.txt"


def squeeze(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------ document view

# Footnote number -> words read in that footnote of the sample article (by hand, from the PDF's text).
FOOTNOTES = [
    (1, "Из истории"),
    (2, "Аралов"),
    (3, "İstiklal Harbimiz"),
    (4, "Armaoğlu"),  # the footnote continues on the next page
    (14, "Ucqarlarda"),
    (22, "f.28"),
]


@pytest.mark.parametrize(("number", "words"), FOOTNOTES)
def test_footnote_marker_opens_its_footnote(reader, server, number, words):
    document = server.document_id(SAMPLE)
    page = reader.open(f"doc/{document}")
    page.locator(f'.fn-marker[data-footnote="{number}"]').first.click()
    shown = page.locator("#panel .footnote-text").inner_text()
    stored = {note["number"]: note["text"] for note in server.api(f"documents/{document}/footnotes")}
    assert squeeze(shown) == squeeze(stored[number])
    assert words in shown
    assert page.locator("#panel-title").inner_text().endswith(str(number))


def test_footnote_shows_its_parsed_source_and_leads_to_the_source_page(reader, server):
    document = server.document_id(SAMPLE)
    annotations = server.api(f"documents/{document}/annotations")
    note = next(n for n in annotations["footnotes"] if any(c["source"] for c in n["citations"]))
    page = reader.open(f"doc/{document}?fn={note['number']}")
    page.locator("#panel .source-link").first.wait_for()
    source_id = next(c["source"] for c in note["citations"] if c["source"])
    page.locator("#panel .source-link").first.click()
    reader.wait()
    assert page.url.endswith(f"#/source/{source_id}")
    cited_in = server.api(f"sources/{source_id}")["cited_in"]
    assert page.locator(".citation-item").count() == len(cited_in)
    assert f"fn={note['number']}" in " ".join(
        page.locator(".citation-item a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    )


@pytest.mark.parametrize("file_name", [SAMPLE, DEMO])
def test_document_shows_text_highlights_and_page_numbers(reader, server, file_name):
    document = server.document_id(file_name)
    stored = server.api(f"documents/{document}")
    annotations = server.api(f"documents/{document}/annotations")
    page = reader.open(f"doc/{document}")
    body_mentions = [m for m in annotations["mentions"] if m["footnote"] is None]
    assert page.locator(".document-text .ann.mention").count() >= len(body_mentions) > 0
    assert page.locator(".document-text .ann.date").count() >= 1
    assert page.locator(".document-text .fn-marker").count() == len(annotations["markers"])
    pages = [
        int(p) for p in page.locator(".page-mark").evaluate_all("marks => marks.map(m => m.dataset.page)")
    ]
    assert pages == [start["page"] for start in stored["page_starts"]]
    assert pages == sorted(pages)
    # The text shown is the stored text: nothing added, nothing lost (markers and page labels aside).
    shown = page.locator(".document-text .block").evaluate_all(
        "blocks => blocks.map(block => { const copy = block.cloneNode(true);"
        " copy.querySelectorAll('.page-mark, .fn-marker-wrap').forEach(n => n.remove());"
        " return copy.textContent; }).join(' ')"
    )
    assert squeeze(shown) == squeeze(stored["text"])


def test_page_numbers_sit_in_the_margin(reader, server):
    page = reader.open(f"doc/{server.document_id(SAMPLE)}")
    text_left = page.locator(".document-text").bounding_box()["x"]
    for box in page.locator(".page-mark .page-label").evaluate_all(
        "labels => labels.map(l => l.getBoundingClientRect().right)"
    ):
        assert box <= text_left


def test_clicking_a_name_leads_to_its_entity_page(reader, server):
    document = server.document_id(SAMPLE)
    page = reader.open(f"doc/{document}")
    mention = page.locator(".document-text .mention[data-entity]").first
    entity_id = mention.get_attribute("data-entity")
    mention.click()
    page.locator("#panel .entity-link").click()
    reader.wait()
    entity = server.api(f"entities/{entity_id}")
    assert page.locator(".entity-name").inner_text().startswith(entity["name"])
    assert page.locator(".mention-item").count() == len(entity["mentions"])


# ------------------------------------------------------------------ timeline


def _items(page):
    return page.locator(".event-item").evaluate_all(
        "items => items.map(i => ({id: i.dataset.event, start: i.dataset.start, end: i.dataset.end, edtf: i.dataset.edtf}))"
    )


def test_timeline_filtered_to_1921_shows_only_1921_events(reader, server):
    page = reader.open("timeline")
    everything = _items(page)
    page.fill("input[name=from]", "1921")
    page.fill("input[name=to]", "1921")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"from=1921"))
    reader.wait()
    shown = _items(page)
    assert shown, "no event in 1921"
    assert len(shown) < len(everything)
    for event in shown:  # an event may fall in 1921: it ends in or after it and starts in or before it
        assert event["start"] <= "1921-12-31" and event["end"] >= "1921-01-01", event
    # "23 Nisan 1920’de … Türkiye Büyük Millet Meclisi açıldı" is in the article, and not in 1921.
    assert "1920-04-23" in [e["edtf"] for e in everything]
    assert "1920-04-23" not in [e["edtf"] for e in shown]
    # the reader draws every event that reaches into the period (the API with overlapping=true)
    api = server.api(
        "events", **{"from": "1921-01-01", "to": "1921-12-31", "limit": 500, "overlapping": "true"}
    )
    assert sorted(e["id"] for e in shown) == sorted(e["id"] for e in api["data"])
    assert page.locator(".timeline-svg .event-mark").count() == len(shown)


def test_timeline_actor_filter_keeps_only_that_actors_events(reader, server):
    page = reader.open("timeline")
    actor = page.locator("select[name=actor] option").nth(1).get_attribute("value")
    page.select_option("select[name=actor]", actor)
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"actor="))
    reader.wait()
    shown = {e["id"] for e in _items(page)}
    everything = server.api("events", limit=500)["data"]
    assert shown == {e["id"] for e in everything if actor in e["actors"]}


def test_timeline_event_opens_its_sentence_and_footnotes(reader, server):
    page = reader.open("timeline")
    events = server.api("events", limit=500)["data"]
    event = next(e for e in events if e["footnotes"])
    page.locator(f'.event-mark[data-event="{event["id"]}"] .mark').click()
    card = page.locator("#panel .event-card")
    assert squeeze(card.locator(".sentence").inner_text()) == squeeze(event["sentence"])
    card.locator(".footnote-text").first.wait_for()
    numbers = card.locator(".footnote-text").evaluate_all(
        "notes => notes.map(n => Number(n.dataset.footnote))"
    )
    assert numbers == event["footnotes"]
    card.locator(".more a").click()
    reader.wait()
    assert squeeze(event["sentence"]) in squeeze(page.locator(".document-text").inner_text())
    assert page.locator(".ann.focus").count() >= 1


def test_uncertain_dates_look_different_from_exact_ones(reader, server):
    page = reader.open("timeline")
    marks = page.locator(".timeline-svg .event-mark").evaluate_all(
        "marks => marks.map(m => ({edtf: m.dataset.edtf, start: m.dataset.start, end: m.dataset.end,"
        " kind: m.classList.contains('uncertain') ? 'uncertain' : m.classList.contains('interval') ? 'interval' : 'exact',"
        " dash: getComputedStyle(m.querySelector('.mark')).strokeDasharray,"
        " shape: m.querySelector('.mark').tagName}))"
    )
    kinds = {mark["kind"] for mark in marks}
    assert {"exact", "interval"} <= kinds
    for mark in marks:
        uncertain = bool(re.search(r"[?~%X]", mark["edtf"]))
        assert (mark["kind"] == "uncertain") == uncertain, mark
        assert (mark["dash"] not in ("none", "")) == uncertain, mark
        if mark["kind"] == "exact":
            assert mark["shape"] == "circle" and mark["start"] == mark["end"], mark


def test_timeline_zooms(reader):
    page = reader.open("timeline")
    ticks_before = page.locator(".timeline-svg .axis .tick").evaluate_all("t => t.map(x => x.textContent)")
    for _ in range(4):
        page.get_by_role("button", name="Yakınlaştır").click()
    ticks_after = page.locator(".timeline-svg .axis .tick").evaluate_all("t => t.map(x => x.textContent)")
    assert ticks_before and ticks_after != ticks_before


# ------------------------------------------------------------------ map


def test_map_place_opens_its_events_and_its_entity_page(reader, server):
    places = server.api("places")
    places = places["data"] if isinstance(places, dict) else places
    assert places, "no place with coordinates"
    place = max(places, key=lambda p: p["mentions"])
    page = reader.open("map")
    assert page.locator(".map-svg .country").count() > 100  # the base map is drawn, with no tile server
    assert page.locator(".map-svg .place-mark").count() == len(places)
    page.locator(f'.place-mark[data-place="{place["id"]}"] circle').click()
    assert page.locator("#panel .event-card").count() == len(place["events"])
    page.locator("#panel .entity-link").click()
    reader.wait()
    assert page.url.endswith(f"#/entity/{place['id']}")
    assert page.locator(".entity-name").inner_text().startswith(place["name"])
    page.locator(".locator-map svg .place-circle").wait_for()  # the place located on a small map


def test_map_circles_grow_with_mentions(reader, server):
    page = reader.open("map")
    circles = page.locator(".place-mark").evaluate_all(
        "marks => marks.map(m => [m.dataset.place, Number(m.querySelector('circle').getAttribute('r'))])"
    )
    places = server.api("places")
    mentions = {p["id"]: p["mentions"] for p in (places["data"] if isinstance(places, dict) else places)}
    by_mentions = sorted(circles, key=lambda c: mentions[c[0]])
    assert [r for _, r in by_mentions] == sorted(r for _, r in circles)


# ------------------------------------------------------------------ network


def test_network_edge_opens_the_shared_events_of_the_period(reader, server):
    graph = server.api("network", **{"from": "1920-01-01", "to": "1920-12-31"})
    assert graph["edges"], "no actors share an event in 1920"
    edge = max(graph["edges"], key=lambda e: e["weight"])
    page = reader.open("network?from=1920&to=1920")
    page.locator(f'.edge[data-source="{edge["source"]}"][data-target="{edge["target"]}"] .edge-hit').click(
        force=True
    )
    cards = page.locator("#panel .event-card")
    cards.first.wait_for()
    ids = cards.evaluate_all("cards => cards.map(c => c.dataset.event)")
    assert sorted(ids) == sorted(edge["events"])
    for start, end in cards.evaluate_all("cards => cards.map(c => [c.dataset.start, c.dataset.end])"):
        assert start <= "1920-12-31" and end >= "1920-01-01"


def test_network_compares_two_periods_side_by_side(reader, server):
    page = reader.open("network")
    for name, year in [("from", "1920"), ("to", "1920"), ("from2", "1922"), ("to2", "1922")]:
        page.fill(f"input[name={name}]", year)
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"from2=1922"))
    reader.wait()
    panes = page.locator(".network-pane")
    assert panes.count() == 2
    assert panes.evaluate_all("p => p.map(x => x.dataset.period)") == ["1920", "1922"]
    for pane, year in zip(range(2), ("1920", "1922"), strict=True):
        graph = server.api("network", **{"from": f"{year}-01-01", "to": f"{year}-12-31"})
        assert panes.nth(pane).locator(".node").count() == len(graph["nodes"])


# ------------------------------------------------------------------ search, language, layout


@pytest.mark.parametrize(("typed", "stem"), [("Nahçıvan’ın", "nahçıvan"), ("Moskova’ya", "moskova")])
def test_search_finds_a_word_typed_with_a_turkish_suffix(reader, typed, stem):
    page = reader.open("")
    page.fill("#search-input", typed)
    page.press("#search-input", "Enter")
    page.wait_for_url(re.compile(r"#/search\?q="))
    reader.wait()
    hits = page.locator(".search-hit")
    assert hits.count() > 0
    texts = hits.evaluate_all("hits => hits.map(h => h.textContent.toLocaleLowerCase('tr'))")
    assert any(stem in text for text in texts)
    assert page.locator(".search-hit mark").count() > 0
    sentence = page.locator('.search-hit[data-kind="sentence"] a').first
    if sentence.count():
        sentence.click()
        reader.wait()
        assert page.locator(".document-text .ann.focus").count() >= 1


def test_labels_are_turkish_by_default_and_english_on_request(reader):
    page = reader.open("")
    assert page.locator("html").get_attribute("lang") == "tr"
    assert page.locator("header nav").inner_text().split("\n")[1] == "Zaman çizelgesi"
    page.click("#lang-toggle")
    reader.wait()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Timeline" in page.locator("header nav").inner_text()
    page.reload()
    reader.wait()
    assert "Timeline" in page.locator("header nav").inner_text()  # the choice is remembered


ROUTES = ["", "doc/{doc}", "timeline", "map", "network?from=1920&to=1920", "search?q=Ankara"]


def test_every_view_loads_without_errors_or_outside_requests(reader, server):
    document = server.document_id(SAMPLE)
    for route in ROUTES:
        reader.open(route.format(doc=document))
    entity = server.api("entities", limit=1)["data"][0]
    reader.open(f"entity/{entity['id']}")
    source = server.api("sources")
    source = (source["data"] if isinstance(source, dict) else source)[0]
    reader.open(f"source/{source['id']}")
    assert reader.errors == []
    outside = [
        url for url in reader.requests if not url.startswith(server.base_url) and not url.startswith("data:")
    ]
    assert outside == []


def test_unknown_document_says_not_found(reader):
    page = reader.open("doc/no-such-document")
    assert page.locator(".error h1").inner_text() == "Bulunamadı"


@pytest.mark.parametrize("route", ["doc/{doc}", "timeline", "map", "network"])
def test_tablet_width_has_no_sideways_scrolling(tablet_reader, server, route):
    page = tablet_reader.open(route.format(doc=server.document_id(SAMPLE)))
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_tablet_footnote_opens_as_a_sheet_over_the_text(tablet_reader, server):
    page = tablet_reader.open(f"doc/{server.document_id(SAMPLE)}")
    page.locator('.fn-marker[data-footnote="2"]').click()
    box = page.locator("#panel").bounding_box()
    assert box["width"] > 600 and box["y"] > 300  # a bottom sheet, not a narrow column
    assert "Аралов" in page.locator("#panel .footnote-text").inner_text()


def test_home_lists_every_document_and_source(reader, server):
    page = reader.open("")
    documents = server.api("documents")["data"]
    titles = page.locator(".document-link").evaluate_all("links => links.map(a => a.textContent)")
    # every document, in the order of their dates (test_documents.py)
    assert sorted(titles) == sorted(d["title"] or d["path"] for d in documents)
    sources = server.api("sources", limit=500)
    sources = sources["data"] if isinstance(sources, dict) else sources
    assert page.locator(".source-list li").count() == len(sources)
