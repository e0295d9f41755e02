"""A text without line breaks (issue 22): sentences as with its line breaks, paragraphs cut at sentence
ends when its one line is too long for a paragraph, and the structure stage linear in its length."""

from __future__ import annotations

import re
from pathlib import Path

from vakanuvis.ingest import read_file
from vakanuvis.structure import account_characters, recover_structure
from vakanuvis.structure.sentences import word_before_dot
from vakanuvis.structure.zones.text import LONG_LINE, PARAGRAPH_LENGTH, paragraphs_of_line

CORPUS = sorted((Path(__file__).parents[2] / "bench/corpus/period/1919").glob("*.txt"))


def sentence_ends(path: Path):
    """The document of `path` and where its sentences end, counted in visible characters (the same
    count whatever the whitespace), so that two layouts of one text can be compared."""
    raw = read_file(path)
    document = recover_structure(raw, path.stem)
    assert not account_characters(raw, document)
    visible = [0]
    for char in document.text:
        visible.append(visible[-1] + (not char.isspace()))
    return document, {visible[sentence.span.end] for sentence in document.sentences}


def on_one_line(path: Path, folder: Path) -> Path:
    one = folder / f"{path.stem}-one-line.txt"
    one.write_text(" ".join(path.read_text(encoding="utf-8").split()), encoding="utf-8")
    return one


def precision_recall(found: set[int], expected: set[int]) -> tuple[float, float]:
    return len(found & expected) / len(found), len(found & expected) / len(expected)


def test_each_text_on_one_line_ends_its_sentences_where_it_does_with_its_line_breaks(tmp_path):
    found: set[tuple[str, int]] = set()
    expected: set[tuple[str, int]] = set()
    for path in CORPUS:
        expected |= {(path.name, end) for end in sentence_ends(path)[1]}
        found |= {(path.name, end) for end in sentence_ends(on_one_line(path, tmp_path))[1]}
    precision, recall = precision_recall(found, expected)  # type: ignore[arg-type]
    # no sentence end invented; those lost are of lines without a full stop (a heading, a dateline, a
    # signature) that only a line break set apart
    assert precision >= 0.98
    assert recall >= 0.7


def test_a_long_text_on_one_line_is_cut_into_paragraphs_at_its_sentence_ends(tmp_path):
    # the texts one after the other on one line; what is expected, each text's sentence ends with its
    # line breaks, counted on from the visible characters of the texts before it
    expected: set[int] = set()
    before = 0
    for path in CORPUS:
        document, ends = sentence_ends(path)
        expected |= {before + end for end in ends}
        before += sum(not char.isspace() for char in document.text)
    joined = tmp_path / "joined.txt"
    joined.write_text(" ".join(path.read_text(encoding="utf-8") for path in CORPUS), encoding="utf-8")
    one_line = on_one_line(joined, tmp_path)
    assert len(one_line.read_text(encoding="utf-8")) > 5 * LONG_LINE
    document, found = sentence_ends(one_line)
    assert sum(not char.isspace() for char in document.text) == before
    assert len(document.blocks) >= len(document.text) // LONG_LINE
    visible = [0]
    for char in document.text:
        visible.append(visible[-1] + (not char.isspace()))
    for block in document.blocks:
        assert len(document.text[block.span.start : block.span.end]) <= LONG_LINE
        assert visible[block.span.end] in found  # a paragraph ends with a sentence
    precision, recall = precision_recall(found, expected)
    assert precision >= 0.98
    assert recall >= 0.7


def test_a_long_line_is_cut_after_a_sentence_opening_a_word_not_a_number():
    sentence = "Heyet Moskova’ya vardı ve Çiçerin ile uzun uzun görüştü."
    marked = "Heyet Ankara’ya döndü. 9 Mayıs günü Meclis toplandı."  # "9" may be a marker or a day
    text = " ".join([sentence] * 40 + [marked] * 200)
    pieces = paragraphs_of_line(text)
    assert len(pieces) > 1
    assert " ".join(pieces) == text
    for piece in pieces[:-1]:
        assert len(piece) >= PARAGRAPH_LENGTH and len(piece) <= LONG_LINE
        assert piece.endswith(".")
    assert all(not piece[0].isdigit() for piece in pieces)


def test_a_long_line_without_a_sentence_end_is_cut_at_spaces():
    text = " ".join(["Kars Ardahan Batum"] * 2000)
    pieces = paragraphs_of_line(text)
    assert len(pieces) > 1 and " ".join(pieces) == text
    assert all(len(piece) <= LONG_LINE for piece in pieces)
    numbers = " ".join(["Kars 12 Ardahan 3"] * 1000)  # cut before a word, never before digits
    assert all(piece[0].isalpha() for piece in paragraphs_of_line(numbers))
    assert paragraphs_of_line("x" * (2 * LONG_LINE)) == ["x" * (2 * LONG_LINE)]
    assert paragraphs_of_line(sentence := "Kısa bir satır.") == [sentence]


def test_the_word_before_a_dot_is_what_the_regex_finds():
    for text in ["bkz. s. 21", "s.  ", "a.g.e. ", " . ", "", "Cilt 3, s.\n", "Ordu 11", "x. y"]:
        for stop in range(len(text) + 1):
            match = re.search(r"(\S+)\.\s*$", text[:stop])
            assert word_before_dot(text, stop) == (match.group(1) if match else "")
