"""Property: for any page layout and any text, structure recovery never crashes and loses nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from vakanuvis.model import RawDocument, RawLine, RawPage
from vakanuvis.structure import account_characters, recover_structure

LINE_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",), blacklist_characters="\n\r\f\x0b\x1c\x1d\x1e\x85\u2028\u2029"
    ),
    max_size=60,
)
WORDS = st.lists(
    st.sampled_from(
        [
            "Ankara",
            "hükümeti",
            "Moskova’ya",
            "heyet",
            "gönderdi.",
            "S.İ.",
            "Aralov",
            "11.",
            "Ordu",
            "Azer-",
            "baycan",
            "%25",
            "1920’de",
            "vb.",
            "¹",
            "[3]",
            "-",
        ]
    ),
    min_size=1,
    max_size=12,
).map(" ".join)
MARKED = st.tuples(WORDS, st.integers(1, 6), st.sampled_from(["{}.{}", "{}[{}]", "{}.{}”", "{}{} devam"]))
BODY_LINE = st.one_of(WORDS, LINE_TEXT, MARKED.map(lambda parts: parts[2].format(parts[0], parts[1])))


@st.composite
def page_layouts(draw):
    """Pages of body lines, a separator, numbered footnotes with continuations, heads and page numbers."""
    pages = []
    note = 0
    for number in range(1, draw(st.integers(1, 4)) + 1):
        lines: list[tuple[str, str]] = []
        if draw(st.booleans()):
            lines.append((" " * draw(st.integers(0, 40)) + draw(WORDS) + f" {number + 30}", "head"))
        first = True
        for text in draw(st.lists(BODY_LINE, max_size=8)):
            lines.append(((" " if first else "") + text, "body"))
            if draw(st.booleans()):
                lines.append(("", "body"))
            first = False
        if draw(st.booleans()):
            lines.append((draw(st.sampled_from([" " * 60, "__________", "————————"])), "rule"))
            for _ in range(draw(st.integers(0, 3))):
                note += draw(st.sampled_from([1, 1, 1, 2, 0]))
                label = draw(st.sampled_from([f"{note}  ", f"{note}) ", f"[{note}] ", f"{note}", "⁴ "]))
                lines.append((label + draw(st.one_of(WORDS, LINE_TEXT)), "note"))
                for _ in range(draw(st.integers(0, 2))):
                    lines.append((draw(st.one_of(WORDS, LINE_TEXT)), "note"))
        if draw(st.booleans()):
            lines.append((" " * 30 + str(number), "number"))
        pages.append(lines)
    return pages


def as_raw(pages, mode: str) -> RawDocument:
    """The layout as a text dump (one page or form-feed pages) or as a PDF reader would give it."""
    if mode == "one-page":
        lines = [RawLine(text) for page in pages for text, _ in page]
        return RawDocument("generated.txt", "0", "utf-8", [RawPage(1, lines)], explicit_pages=False)
    raw_pages = []
    for number, page in enumerate(pages, start=1):
        if mode == "form-feed":
            raw_pages.append(RawPage(number, [RawLine(text) for text, _ in page]))
            continue
        lines = []
        for index, (text, kind) in enumerate(page):
            size = 8.0 if kind in ("note", "head") else 9.0 if kind == "number" else 11.0
            top = 30.0 + 14.0 * index if kind != "note" else 700.0 + 10.0 * index
            lines.append(RawLine(text, font_size=size, top=top, x0=56.0))
        raw_pages.append(RawPage(number, lines, height=842.0, width=595.0))
    return RawDocument(
        "generated", "0", "pdf" if mode == "layout" else "utf-8", raw_pages, explicit_pages=True
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages=page_layouts(), mode=st.sampled_from(["one-page", "form-feed", "layout"]))
def test_every_character_is_accounted_for(pages, mode):
    note(f"pages={pages!r} mode={mode!r}")
    raw = as_raw(pages, mode)
    document = recover_structure(raw, "generated")
    assert account_characters(raw, document) == {}
    check_spans(document)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(LINE_TEXT, max_size=30), explicit=st.booleans())
def test_arbitrary_lines(lines, explicit):
    raw = RawDocument(
        "any.txt", "0", "utf-8", [RawPage(1, [RawLine(text) for text in lines])], explicit_pages=explicit
    )
    document = recover_structure(raw, "any")
    assert account_characters(raw, document) == {}
    check_spans(document)


def check_spans(document):
    text = document.text
    for block in document.blocks:
        assert 0 <= block.span.start < block.span.end <= len(text)
    for sentence in document.sentences:
        block = document.blocks[sentence.block].span
        assert block.start <= sentence.span.start < sentence.span.end <= block.end
    for marker in document.markers:
        assert 0 <= marker.offset <= len(text)
    numbers = [note.number for note in document.footnotes]
    assert numbers == sorted(set(numbers))
    assert "\n\n\n" not in text and text == text.strip()
