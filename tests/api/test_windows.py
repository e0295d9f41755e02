"""A document and its annotations come in windows of its text: the windows of a long text, put together,
are the whole answer, and no window holds more than it says."""

from __future__ import annotations

import pytest


def windows(client, url: str, size: int) -> list[dict]:
    answers, start = [], 0
    while True:
        answer = client.get(f"{url}?start={start}&end={start + size}").json()
        answers.append(answer)
        if answer["window"]["end"] >= answer["window"]["length"]:
            return answers
        assert answer["window"]["end"] > start
        start = answer["window"]["end"]


@pytest.fixture
def document_id(client):
    documents = client.get("/api/documents").json()["data"]
    return max(documents, key=lambda d: d["pages"])["id"]


def test_a_short_text_comes_whole_and_says_so(client, document_id):
    whole = client.get(f"/api/documents/{document_id}").json()
    assert whole["window"] == {
        "start": 0,
        "end": len(whole["text"]),
        "length": len(whole["text"]),
        "first_block": 0,
        "first_sentence": 0,
    }


def test_the_windows_of_a_document_are_the_document(client, document_id):
    url = f"/api/documents/{document_id}"
    whole = client.get(url).json()
    parts = windows(client, url, 150)
    assert len(parts) > 1
    assert "".join(part["text"] for part in parts) == whole["text"]
    for part in parts:
        window = part["window"]
        assert whole["text"][window["start"] : window["end"]] == part["text"]
        first_block, first_sentence = window["first_block"], window["first_sentence"]
        assert part["blocks"] == whole["blocks"][first_block : first_block + len(part["blocks"])]
        assert (
            part["sentences"] == whole["sentences"][first_sentence : first_sentence + len(part["sentences"])]
        )
        assert all(window["start"] <= b["start"] and b["end"] <= window["end"] for b in part["blocks"])
    assert sum(len(part["blocks"]) for part in parts) == len(whole["blocks"])
    assert sum(len(part["sentences"]) for part in parts) == len(whole["sentences"])
    assert [p for part in parts for p in part["page_starts"]] == whole["page_starts"]


def test_the_annotations_of_a_window_are_those_standing_in_it(client, document_id):
    url = f"/api/documents/{document_id}/annotations"
    whole = client.get(url).json()
    parts = windows(client, url, 150)
    body = [m for m in whole["mentions"] if m["footnote"] is None]
    assert [m for part in parts for m in part["mentions"] if m["footnote"] is None] == body
    body_dates = [d for d in whole["dates"] if d["footnote"] is None]
    assert [d for part in parts for d in part["dates"] if d["footnote"] is None] == body_dates
    assert [m for part in parts for m in part["markers"]] == whole["markers"]
    notes = {note["number"]: note for note in whole["footnotes"]}
    for part in parts:
        window = part["window"]
        numbers = {marker["number"] for marker in part["markers"]}
        last = window["end"] == window["length"]  # a marker after the last character is the last window's
        assert all(window["start"] <= m["offset"] < window["end"] + last for m in part["markers"])
        assert [note["number"] for note in part["footnotes"]] == sorted(numbers)
        assert all(note == notes[note["number"]] for note in part["footnotes"])
        in_notes = [m for m in whole["mentions"] if m["footnote"] in numbers]
        assert [m for m in part["mentions"] if m["footnote"] is not None] == in_notes
    assert whole["footnotes"], "the test needs a document with footnotes"


@pytest.mark.parametrize(
    ("query", "status"),
    [("start=10&end=10", 400), ("start=10&end=5", 400), ("start=0&end=2000000", 400), ("start=-1", 422)],
)
def test_a_window_that_is_not_one_is_refused(client, document_id, query, status):
    answer = client.get(f"/api/documents/{document_id}/annotations?{query}")
    assert answer.status_code == status
    assert isinstance(answer.json()["detail"], str)  # one line; a 422 also says where, in `errors`
    assert status == 400 or answer.json()["errors"][0]["loc"] == ["query", "start"]


def test_a_window_past_the_end_is_empty(client, document_id):
    length = client.get(f"/api/documents/{document_id}").json()["window"]["length"]
    past = client.get(f"/api/documents/{document_id}?start={length + 5}").json()
    assert past["text"] == "" and past["blocks"] == [] and past["window"]["start"] == length


def test_footnotes_come_a_page_at_a_time_with_their_count_in_a_header(client, document_id):
    url = f"/api/documents/{document_id}/footnotes"
    every = client.get(url)
    total = int(every.headers["x-total-count"])
    assert total == len(every.json()) > 2
    pages = [client.get(f"{url}?offset={offset}&limit=2") for offset in range(0, total, 2)]
    assert {page.headers["x-total-count"] for page in pages} == {str(total)}
    assert [note for page in pages for note in page.json()] == every.json()
