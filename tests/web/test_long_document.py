"""A text longer than one answer's window (100,000 characters) is read window by window: the reader shows
the first, loads the next as the reader scrolls to its end, and opens at the window of an offset asked
for, with the text before it a click away."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLE_ARTICLE = (
    Path(__file__).resolve().parents[3] / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"
)
COPIES = 6  # the sample article (its body about 24,000 characters) six times over: two windows


def squeeze(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def long_server(tmp_path_factory, serve_knowledge_base):
    if not SAMPLE_ARTICLE.exists():
        pytest.skip("../shared/corpus is not beside the checkout")
    from vakanuvis.knowledge_base import KnowledgeBase

    folder = tmp_path_factory.mktemp("long")
    text = "\n\n".join([SAMPLE_ARTICLE.read_text(encoding="utf-8")] * COPIES)
    (folder / "uzun-metin.txt").write_text(text, encoding="utf-8")
    location = str(folder / "kb.db")
    (result,) = KnowledgeBase(location).ingest([folder / "uzun-metin.txt"])
    assert result.error is None
    with serve_knowledge_base(location) as server:
        yield server


@pytest.fixture
def long_reader(reader_of, long_server):
    return reader_of(long_server)


def document_id(server) -> str:
    (document,) = server.api("documents")["data"]
    return document["id"]


def test_a_long_text_is_shown_window_by_window_as_the_reader_scrolls(long_reader):
    server = long_reader.server
    doc = document_id(server)
    first = server.api(f"documents/{doc}")
    assert first["window"]["end"] < first["window"]["length"], "the text must be longer than one window"
    page = long_reader.open(f"doc/{doc}")
    assert page.locator(".document-text .block").count() == len(first["blocks"])
    later = page.locator("button.more.later")
    assert later.is_visible() and "%" in later.inner_text()
    assert page.locator("button.more.earlier").is_hidden()
    while later.is_visible():  # each scroll to the end brings the next window
        shown = page.locator(".document-text .block").count()
        later.scroll_into_view_if_needed()
        page.wait_for_function(
            f"() => document.querySelectorAll('.document-text .block').length > {shown}", timeout=20000
        )
    whole = server.api(f"documents/{doc}", end=first["window"]["length"] + 1, start=0)
    assert whole["window"]["start"] == 0 and len(whole["text"]) == first["window"]["length"]
    assert page.locator(".document-text .block").count() == len(whole["blocks"])
    shown_text = page.locator(".document-text").evaluate(
        "article => { const copy = article.cloneNode(true);"
        " copy.querySelectorAll('.page-mark, .fn-marker-wrap').forEach((node) => node.remove());"
        " return copy.textContent; }"
    )
    assert "".join(shown_text.split()) == "".join(
        whole["text"][b["start"] : b["end"]] for b in whole["blocks"]
    ).replace(" ", "").replace("\n", "")
    assert page.locator(".document-text .fn-marker").count() == len(
        server.api(f"documents/{doc}/annotations", start=0, end=first["window"]["length"] + 1)["markers"]
    )
    assert not long_reader.errors


def test_an_offset_far_in_opens_its_window_and_the_text_before_comes_on_request(long_reader):
    server = long_reader.server
    doc = document_id(server)
    length = server.api(f"documents/{doc}")["window"]["length"]
    sentences = server.api(f"documents/{doc}", start=length - 20000, end=length)["sentences"]
    target = sentences[len(sentences) // 2]
    page = long_reader.open(f"doc/{doc}?at={target['start']}")
    assert squeeze(page.locator(".focus").first.inner_text()) in squeeze(target["text"])
    earlier = page.locator("button.more.earlier")
    assert earlier.is_visible()
    first_block = page.locator(".document-text .block").first.get_attribute("data-start")
    earlier.click()
    page.wait_for_function(
        f"() => document.querySelector('.document-text .block').dataset.start !== '{first_block}'",
        timeout=20000,
    )
    starts = page.locator(".document-text .block").evaluate_all("blocks => blocks.map(b => +b.dataset.start)")
    assert starts == sorted(starts) and len(starts) == len(set(starts))
    assert not long_reader.errors
