"""The web reader in headless Chromium, on the sample article and the demo article."""

from __future__ import annotations

import re
from itertools import combinations

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

LONG_DAYS = 5 * 365 + 2  # longer than five calendar years: listed apart, as the reader does


def _items(page, where=""):
    """The events listed under the chart (`where`: .undated-list or .chronicle), with their dates."""
    return page.locator(f"{where} .event-item".strip()).evaluate_all(
        "items => items.map(i => ({id: i.dataset.event, start: i.dataset.start, end: i.dataset.end,"
        " edtf: i.dataset.edtf}))"
    )


def _drawn(page) -> list[str]:
    """The ids of the events on the axis: each mark's, and every event of each cluster."""
    return page.locator(".timeline-svg").evaluate(
        "svg => [...svg.querySelectorAll('.event-mark')].map(m => m.dataset.event).concat("
        "[...svg.querySelectorAll('.event-cluster')].flatMap(c => c.dataset.events.split(' ')))"
    )


def _domain(page) -> tuple[str, str]:
    chart = page.locator(".timeline-svg")
    return chart.get_attribute("data-domain-start"), chart.get_attribute("data-domain-end")


def _apart(event) -> bool:
    from datetime import date

    if event["start"] <= "0001-01-01" or event["end"] >= "9999-12-31":
        return True
    return (date.fromisoformat(event["end"]) - date.fromisoformat(event["start"])).days + 1 > LONG_DAYS


def _boxes(page):
    """Each visible label's and each mark's box, with the index of the mark (event or cluster) it belongs to."""
    return page.locator(".timeline-svg").evaluate(
        """svg => {
          const chart = svg.getBoundingClientRect();
          const box = (node, group, what) => { const r = node.getBoundingClientRect();
            return {group, what, text: node.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                    inside: r.right > chart.left && r.left < chart.right && r.width > 0}; };
          return [...svg.querySelectorAll('.event-mark, .event-cluster')].flatMap((g, i) => [
            ...[...g.querySelectorAll('.mark-label')].map(n => box(n, i, 'label')),
            ...[...g.querySelectorAll('.mark, .cluster-mark')].map(n => box(n, i, 'mark'))]);
        }"""
    )


def _overlaps(boxes) -> list:
    """Pairs of boxes of different marks that overlap: label on label, label on mark, or mark on mark."""

    def meet(a, b):
        return (
            a["left"] < b["right"] - 0.5
            and b["left"] < a["right"] - 0.5
            and a["top"] < b["bottom"] - 0.5
            and b["top"] < a["bottom"] - 0.5
        )

    shown = [b for b in boxes if b["inside"]]
    return [
        (a["what"], a["text"][:30], b["what"], b["text"][:30])
        for a, b in combinations(shown, 2)
        if a["group"] != b["group"] and meet(a, b)
    ]


def test_timeline_period_shows_only_the_events_inside_it_at_once(reader, server):
    page = reader.open("timeline")
    everything = _items(page)
    page.fill("input[name=from]", "1921")  # no button pressed: a whole year typed applies itself
    page.wait_for_url(re.compile(r"#/timeline\?from=1921$"))
    reader.wait()
    assert page.evaluate("document.activeElement && document.activeElement.name") == "from"  # typing goes on
    page.fill("input[name=to]", "1921")
    page.wait_for_url(re.compile(r"#/timeline\?from=1921&to=1921$"))
    reader.wait()
    shown = _items(page)
    assert shown, "no event in 1921"
    assert len(shown) < len(everything)
    for event in shown:  # wholly inside the period, as the API gives it
        assert "1921-01-01" <= event["start"] and event["end"] <= "1921-12-31", event
    # "23 Nisan 1920’de … Türkiye Büyük Millet Meclisi açıldı" is in the article, and not in 1921;
    # the war of 1920/1922 and "1920-08/1921-10" reach into 1921 but are not inside it
    assert {"1920-04-23", "1920/1922", "1920-08/1921-10"} <= {e["edtf"] for e in everything}
    assert not {"1920-04-23", "1920/1922", "1920-08/1921-10"} & {e["edtf"] for e in shown}
    api = server.api("events", **{"from": "1921", "to": "1921", "limit": 500})
    assert sorted(e["id"] for e in shown) == sorted(e["id"] for e in api["data"])
    assert any(
        "/api/events?" in url and "from=1921-01-01" in url and "to=1921-12-31" in url
        for url in reader.requests
    )
    # every one of them on the axis (once), and the axis spans them alone
    assert sorted(_drawn(page)) == sorted(e["id"] for e in shown)
    start, end = _domain(page)
    assert "1920-11-01" <= start <= min(e["start"] for e in shown)
    assert max(e["end"] for e in shown) <= end <= "1922-02-28"
    # the period in the hash, typed or linked, is one view
    page = reader.open("timeline?from=1921&to=1921")
    assert sorted(e["id"] for e in _items(page)) == sorted(e["id"] for e in shown)
    page = reader.open("timeline?from=1921-10&to=1921-10")
    october = _items(page)
    assert october and all("1921-10-01" <= e["start"] and e["end"] <= "1921-10-31" for e in october)
    assert reader.errors == []


def test_timeline_actor_filter_keeps_only_that_actors_events(reader, server):
    page = reader.open("timeline")
    actor = page.locator("select[name=actor] option").nth(1).get_attribute("value")
    page.select_option("select[name=actor]", actor)  # applies at once
    page.wait_for_url(re.compile(r"actor="))
    reader.wait()
    shown = {e["id"] for e in _items(page)}
    everything = server.api("events", limit=500)["data"]
    assert shown == {e["id"] for e in everything if actor in e["actors"]}


def test_timeline_entries_are_labelled_by_headline_and_document(reader, server):
    page = reader.open("timeline")
    events = {e["id"]: e for e in server.api("events", limit=500)["data"]}
    titles = {d["id"]: d["title"] or d["path"] for d in server.api("documents")["data"]}
    entries = page.locator(".chronicle .event-item").evaluate_all(
        "items => items.map(i => ({id: i.dataset.event, date: i.querySelector('.edtf').textContent,"
        " headline: i.querySelector('.headline').textContent,"
        " document: i.querySelector('.event-document').textContent}))"
    )
    assert entries
    for entry in entries:
        event = events[entry["id"]]
        assert entry["headline"] == (event["headline"] or event["text"])
        short = entry["document"].removesuffix("…")
        assert short and titles[event["document"]].startswith(short), entry
    assert sum(bool(events[e["id"]]["headline"]) for e in entries) > len(entries) / 2
    # on the axis: a label's first line is the headline, its second the date and the document (each cut short
    # with "…" when there is no room)
    by_id = {entry["id"]: entry for entry in entries}
    labels = page.locator(".timeline-svg .event-mark").evaluate_all(
        "marks => marks.filter(m => m.querySelector('.mark-label')).map(m => ({id: m.dataset.event,"
        " head: m.querySelector('.label-head').textContent,"
        " meta: m.querySelector('.label-meta') ? m.querySelector('.label-meta').textContent : ''}))"
    )
    assert len(labels) >= 10

    def shows(shown: str, whole: str) -> bool:
        return shown == whole or (shown.endswith("…") and whole.startswith(shown[:-1]))

    for label in labels:
        entry = by_id[label["id"]]
        assert shows(label["head"], entry["headline"]), label
        meta = (
            f"{entry['date']} · {entry['document']}" if events[label["id"]]["headline"] else entry["document"]
        )
        assert shows(label["meta"], meta), (label, meta)
    assert any(entry["document"] in label["meta"] for label in labels)


@pytest.mark.parametrize("width", [1366, 820])
def test_timeline_labels_never_overlap_at_any_zoom(reader_at, width):
    reader = reader_at(width)
    page = reader.open("timeline")
    seen = 0
    for step in range(8):  # from the whole span down to days
        boxes = _boxes(page)
        labels = [b for b in boxes if b["what"] == "label" and b["inside"]]
        assert labels, f"no label at zoom step {step}"
        seen += len(labels)
        assert _overlaps(boxes) == [], f"zoom step {step}"
        page.get_by_role("button", name="Yakınlaştır").click()
    assert float(page.locator(".timeline-svg").get_attribute("data-zoom")) > 100  # down to days
    ticks = page.locator(".timeline-svg .axis .tick text").evaluate_all("t => t.map(x => x.textContent)")
    assert any(re.fullmatch(r"\d{1,2} \w+", tick) for tick in ticks), ticks  # "16 Mar": days
    page.mouse.move(width / 2, 420)
    for _ in range(6):  # pan along the days
        page.mouse.down()
        page.mouse.move(width / 2 - 300, 420, steps=4)
        page.mouse.up()
        page.mouse.move(width / 2, 420)
        assert _overlaps(_boxes(page)) == []
    assert seen > 0 and reader.errors == []
    # and the check sees an overlap when there is one: every label moved onto the first
    page.reload()
    reader.wait()
    page.locator(".timeline-svg").evaluate(
        "svg => svg.querySelectorAll('.mark-label').forEach(t => { t.setAttribute('y', 60);"
        " t.querySelectorAll('tspan').forEach(s => s.setAttribute('x', 40)); })"
    )
    assert _overlaps(_boxes(page))


def test_overlapping_marks_are_one_cluster_that_opens_on_click_and_zoom(reader, server):
    page = reader.open("timeline")
    drawn = _drawn(page)
    listed = [e["id"] for e in _items(page, ".chronicle")]
    assert sorted(drawn) == sorted(listed)  # every event drawn, in one mark only
    clusters = page.locator(".event-cluster").evaluate_all(
        "cs => cs.map(c => ({count: Number(c.dataset.count), events: c.dataset.events.split(' '),"
        " start: c.dataset.start, end: c.dataset.end, label: c.getAttribute('aria-label')}))"
    )
    assert clusters, "nothing clusters at the whole span"
    for cluster in clusters:
        assert cluster["count"] == len(cluster["events"]) >= 2
        assert cluster["label"].startswith(f"{cluster['count']} olay")
        shown = page.locator(f'.event-cluster[data-events="{" ".join(cluster["events"])}"] .cluster-count')
        assert shown.text_content() == str(cluster["count"])
    # a click zooms in on the cluster's days, where its events come apart
    wide = max((c for c in clusters if c["start"] != c["end"]), key=lambda c: c["count"])
    zoom = float(page.locator(".timeline-svg").get_attribute("data-zoom"))
    page.locator(f'.event-cluster[data-events="{" ".join(wide["events"])}"] .cluster-mark').click()
    assert float(page.locator(".timeline-svg").get_attribute("data-zoom")) > zoom
    after = _drawn(page)
    assert set(wide["events"]) <= set(after)
    groups = page.locator(".timeline-svg").evaluate(
        "svg => [...svg.querySelectorAll('.event-mark')].map(m => [m.dataset.event]).concat("
        "[...svg.querySelectorAll('.event-cluster')].map(c => c.dataset.events.split(' ')))"
    )
    holding = [g for g in groups if set(g) & set(wide["events"])]
    assert len(holding) > 1, "the cluster did not come apart"
    # zooming in opens clusters too, and the chart's reset gathers them again
    page.reload()
    reader.wait()
    clustered = "cs => cs.reduce((n, c) => n + Number(c.dataset.count), 0)"
    before = page.locator(".event-cluster").evaluate_all(clustered)
    for _ in range(4):
        page.get_by_role("button", name="Yakınlaştır").click()
    assert page.locator(".event-cluster").evaluate_all(clustered) < before
    page.locator(".zoom-buttons button").last.click()  # ⟲: back to the whole span
    assert page.locator(".event-cluster").evaluate_all(clustered) == before
    # events of one day cannot come apart: a click lists them in the panel
    page = reader.open("timeline?from=1921-03&to=1921-03")
    same_day = page.locator(".event-cluster").evaluate_all(
        "cs => cs.filter(c => c.dataset.start === c.dataset.end).map(c => c.dataset.events.split(' '))"
    )
    assert same_day, "the two reports of the Moscow treaty (16 March 1921) are not one mark"
    page.locator(f'.event-cluster[data-events="{" ".join(same_day[0])}"] .cluster-mark').click()
    cards = page.locator("#panel .event-card")
    cards.first.wait_for()
    assert sorted(cards.evaluate_all("cs => cs.map(c => c.dataset.event)")) == sorted(same_day[0])


def test_undated_open_and_long_events_are_listed_apart_not_on_the_axis(reader, server):
    events = server.api("events", limit=500)["data"]
    apart = {e["id"] for e in events if _apart(e)}
    # the undated letter's two days (year unknown) and the speech's 1914-1921
    assert {e["date"] for e in events if e["id"] in apart} >= {"XXXX-10-29", "XXXX-11-03", "1914/1921"}
    page = reader.open("timeline")
    listed = [e["id"] for e in _items(page, ".undated-list")]
    assert sorted(listed) == sorted(apart)
    drawn = set(_drawn(page))
    assert not drawn & apart
    assert drawn == {e["id"] for e in events} - apart
    assert not apart & {e["id"] for e in _items(page, ".chronicle")}
    # the axis spans only the events drawn: not year 1, not 9999, not 1914
    on_axis = [e for e in events if e["id"] in drawn]
    start, end = _domain(page)
    first, last = min(e["start"] for e in on_axis), max(e["end"] for e in on_axis)
    assert start <= first and last <= end
    assert int(start[:4]) >= int(first[:4]) - 1 and int(end[:4]) <= int(last[:4]) + 1
    ticks = page.locator(".timeline-svg .axis .tick text").evaluate_all("t => t.map(x => x.textContent)")
    years = [int(tick) for tick in ticks if tick.isdigit()]
    assert years and min(years) >= int(first[:4]) and max(years) <= int(last[:4]) + 1
    # listed under the axis, each with its date as written, its headline and its document
    chart = page.locator(".timeline-svg").bounding_box()
    assert page.locator(".undated").bounding_box()["y"] >= chart["y"] + chart["height"]
    letter = page.locator(".undated-list .event-item", has_text="29 Ekim").first
    assert "Kars’taki heyetten" in letter.locator(".event-document").inner_text()
    assert letter.locator(".headline").inner_text() in {"Heyetimiz Kars’a varmıştır", "29 Ekim günü"}
    # a period holding the long span lists it apart too (it is wholly inside 1910-1925)
    page = reader.open("timeline?from=1910&to=1925")
    listed = {e["edtf"] for e in _items(page, ".undated-list")}
    assert "1914/1921" in listed and not {"XXXX-10-29", "XXXX-11-03"} & listed
    long_span = next(e["id"] for e in events if e["date"] == "1914/1921")
    assert long_span not in _drawn(page)


def test_timeline_event_opens_its_sentence_and_footnotes(reader, server):
    page = reader.open("timeline")
    events = server.api("events", limit=500)["data"]
    event = next(e for e in events if e["footnotes"] and not _apart(e))
    page.locator(f'.chronicle .event-item[data-event="{event["id"]}"] button').click()
    card = page.locator("#panel .event-card")
    assert squeeze(card.locator(".sentence").inner_text()) == squeeze(event["sentence"])
    if event["headline"]:
        assert card.locator(".event-headline").inner_text() == event["headline"]
    card.locator(".footnote-text").first.wait_for()
    numbers = card.locator(".footnote-text").evaluate_all(
        "notes => notes.map(n => Number(n.dataset.footnote))"
    )
    assert numbers == event["footnotes"]
    card.locator(".more a").click()
    reader.wait()
    assert squeeze(event["sentence"]) in squeeze(page.locator(".document-text").inner_text())
    assert page.locator(".ann.focus").count() >= 1
    # a mark on the axis opens its event as well
    page = reader.open("timeline")
    mark = page.locator(".timeline-svg .event-mark").first
    shown = mark.get_attribute("data-event")
    mark.locator(".mark").click()
    assert page.locator("#panel .event-card").get_attribute("data-event") == shown


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
