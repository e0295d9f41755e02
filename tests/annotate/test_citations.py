"""Footnotes parsed into citations: a table of real and realistic footnotes (tests/data/citations)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from vakanuvis.annotate.citations import parse_citations, parse_footnote
from vakanuvis.model import Document, Footnote

CASES = yaml.safe_load(
    (Path(__file__).parents[1] / "data" / "citations" / "footnotes.yaml").read_text("utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[case["note"] for case in CASES])
def test_footnote_fields(case: dict[str, Any]) -> None:
    citations = parse_footnote(7, case["text"])
    assert len(citations) == len(case["citations"]), [c.raw for c in citations]
    for citation, expected in zip(citations, case["citations"], strict=True):
        for field, value in expected.items():
            got = getattr(citation, field)
            if field == "archive":
                got = {key: got.get(key) for key in value}
            assert got == value, f"{field} of {citation.raw!r}"


@pytest.mark.parametrize("case", CASES, ids=[case["note"] for case in CASES])
def test_spans_cover_the_raw_text(case: dict[str, Any]) -> None:
    for citation in parse_footnote(7, case["text"]):
        assert citation.span.footnote == 7 == citation.footnote
        assert case["text"][citation.span.start : citation.span.end] == citation.raw
        assert citation.raw.strip() == citation.raw and citation.raw


def test_parse_citations_reads_every_footnote() -> None:
    document = Document(
        id="d",
        path="d.txt",
        sha256="",
        footnotes=[
            Footnote(1, "Kazım Karabekir, İstiklal Harbimiz, İstanbul 1960, s. 45.", page=1),
            Footnote(2, "Heyette Bekir Sami Bey bulunuyordu.", page=1),
            Footnote(3, "a.g.e., s. 12.", page=2),
        ],
    )
    citations = parse_citations(document)
    assert [c.footnote for c in citations] == [1, 3]
    assert citations[1].back_reference


@pytest.mark.parametrize(
    ("text", "volume"),
    [
        ("История дипломатии. т. III. М., 1945, с. 9.", "3"),
        ("История дипломатии. т.II, с. 9.", "2"),
        ("История дипломатии. Т. III, М., 1945, с. 9.", "3"),
        ("История дипломатии.т.Ш.М., 1945, с. 9.", "3"),
        ("История дипломатии, 1Ш, М., 1945, с. 9.", "3"),
        ("Türk İstiklal Harbi, cilt 2, Ankara 1962, s. 9.", "2"),
        ("Türk İstiklal Harbi, c. IV, Ankara 1962, s. 9.", "4"),
        ("История дипломатии. М., 1945, с. 9.", None),
    ],
)
def test_volume_forms(text: str, volume: str | None) -> None:
    assert parse_footnote(1, text)[0].volume == volume


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Karabekir",
                ",",
                ".",
                ";",
                " ",
                "s. 12",
                "стр.",
                "т.Ш",
                "1921",
                "! 959",
                "(",
                ")",
                "«",
                "»",
                "a.g.e.",
                "f.28",
                "iş 68",
                "v.1-7",
                "Москва",
                "Документывнешнейполитики",
                "bkz.",
                "18 oktyabr 1921",
                "qәzeti",
                "C. II",
            ]
        ),
        max_size=30,
    ).map("".join)
)
def test_any_text_gives_valid_spans(text: str) -> None:
    for citation in parse_footnote(1, text):
        assert 0 <= citation.span.start < citation.span.end <= len(text)
        assert text[citation.span.start : citation.span.end] == citation.raw
