"""The period the narrative is at in each sentence, on short texts written for the test: where it comes
from (the sentence, the paragraph before or after it, the paragraph before, a heading, the document's own
date), when a phrase makes it jump, and how a footnote takes the time of its marker's sentence."""

from __future__ import annotations

import re

import pytest

from vakanuvis.annotate.dates import find_dates
from vakanuvis.annotate.dates.narrative import footnote_times, jumps, narrative_times, time_shift
from vakanuvis.model import Block, Document, RawDocument, RawLine, RawPage, Sentence, Span
from vakanuvis.pipeline import analyse


def analysed(text: str, **given):
    raw = RawDocument("x.txt", "0" * 64, "utf-8", [RawPage(1, [RawLine(line) for line in text.split("\n")])])
    return analyse(raw, given)


def laid_out(text: str, **fields) -> Document:
    """A document whose paragraphs are `text`'s blank-line-separated parts, "# " opening a heading (the
    structure stage is not what is tested here), with its dates found as the pipeline finds them."""
    body, blocks, sentences = "", [], []
    for part in text.split("\n\n"):
        kind = "heading" if part.startswith("# ") else "paragraph"
        part = part.removeprefix("# ")
        start = len(body) + (2 if body else 0)
        body += ("\n\n" if body else "") + part
        blocks.append(Block(Span(start, len(body)), 1, kind))
        pieces = [part] if kind == "heading" else re.findall(r"[^.]+\.", part)
        offset = start
        for piece in pieces:
            at = body.index(piece.strip(), offset)
            sentences.append(Sentence(Span(at, at + len(piece.strip())), 1, len(blocks) - 1))
            offset = at + len(piece.strip())
    document = Document("x", "x.txt", "0" * 64, text=body, blocks=blocks, sentences=sentences, **fields)
    document.dates = find_dates(body, document_date=document.date, document_type=document.type)
    return document


def times_by_sentence(document) -> list[tuple[str, str | None, str | None]]:
    """(sentence's first words, edtf, source) for each sentence."""
    rows = []
    for sentence, time in zip(document.sentences, narrative_times(document), strict=True):
        words = " ".join(document.text[sentence.span.start : sentence.span.end].split()[:2])
        rows.append((words, time.edtf if time else None, time.source if time else None))
    return rows


ARTICLE = """# Kars Konferansı

26 Eylül 1921’de Kars’ta konferans toplandı. Heyetler uzun süre müzakere etti. Konferans sonunda bir antlaşma metni hazırlandı.

Azerbaycan heyeti bu metni memnuniyetle karşıladı. Gürcistan heyeti ise çekimser kaldı.

Heyetler Tiflis’ten yola çıktı. Yolda birkaç gün kaldılar. Nihayet 3 Mart 1922’de Ankara’ya vardılar.

İki yıl sonra heyetin üyeleri hatıralarını yazdı. Bu hatıralar çok okundu."""


def test_each_sentence_takes_its_time_from_the_text_around_it():
    rows = times_by_sentence(laid_out(ARTICLE))
    assert rows == [
        ("Kars Konferansı", None, None),
        ("26 Eylül", "1921-09-26", "sentence"),
        ("Heyetler uzun", "1921-09-26", "narrative"),
        ("Konferans sonunda", "1921-09-26", "narrative"),
        ("Azerbaycan heyeti", "1921-09-26", "previous paragraph"),
        ("Gürcistan heyeti", "1921-09-26", "previous paragraph"),
        ("Heyetler Tiflis’ten", "1922-03-03", "paragraph"),
        ("Yolda birkaç", "1922-03-03", "paragraph"),
        ("Nihayet 3", "1922-03-03", "sentence"),
        # "İki yıl sonra": the narrative jumped; nothing places it now, nor the sentence after it
        ("İki yıl", None, None),
        ("Bu hatıralar", None, None),
    ]


def test_a_heading_gives_its_period_to_what_nothing_else_places():
    text = "# 1920-1921 Yıllarında Türkiye ile Azerbaycan\n\nHeyetler sık sık gidip geldi. Ticaret de arttı."
    rows = times_by_sentence(laid_out(text))
    assert rows[1:] == [("Heyetler sık", "1920/1921", "heading"), ("Ticaret de", "1920/1921", "heading")]


def test_a_telegram_is_at_its_own_date_where_no_date_of_its_text_places_it():
    text = "Ankara\n\nHeyet-i Vekile toplanarak mesele hakkında karar vermiştir. Keyfiyet arz olunur."
    document = laid_out(text, date="1920-09-12", type="telegram")
    times = narrative_times(document)
    assert {(t.edtf, t.source) for t in times if t} == {("1920-09-12", "document")}
    article = laid_out(text, date="1990", type="article")  # an article's date is when it was written
    assert all(t is None for t in narrative_times(article))


def test_what_came_after_a_date_reaches_about_a_year_past_it():
    text = "1920’de TBMM’nin kurulmasından sonra iki başlı bir idare doğdu. Ankara ile İstanbul temas hâlindeydi."
    time = narrative_times(laid_out(text))[1]
    assert (time.earliest.isoformat(), time.latest.isoformat()) == ("1920-01-01", "1921-12-31")


def test_a_footnote_takes_the_time_of_the_sentence_carrying_its_marker():
    text = (
        "Konferans 26 Eylül 1921’de toplandı. Heyetleri şu kişiler temsil ediyordu.1\n\n"
        "1 Azerbaycan’ı Şahtahtinski, Türkiye’yi Kazım Karabekir Paşa temsil ediyordu."
    )
    document = analysed(text)
    notes = footnote_times(document, narrative_times(document))
    assert (notes[1].edtf, notes[1].source) == ("1921-09-26", "marker")


@pytest.mark.parametrize(
    ("sentence", "jumped"),
    [
        ("İki yıl sonra Ankara’ya geldi.", True),
        ("Birkaç ay evvel bu mesele konuşulmuştu.", True),
        ("Ertesi sene antlaşma imzalandı.", True),
        ("Yıllar sonra bunu yazdı.", True),
        ("Sovyet rejimi kurulduktan sonra durum değişti.", False),
        ("Heyet bir gün Kars’ta kaldı.", False),
        ("Two years later he returned.", True),
        ("The following year the treaty was signed.", True),
        ("After the congress he returned.", False),
        ("Спустя два года он вернулся.", True),
        ("После съезда он вернулся.", False),
    ],
)
def test_phrases_that_make_the_narrative_jump(sentence, jumped):
    assert jumps(sentence) is jumped


@pytest.mark.parametrize(
    ("sentence", "shift"),
    [
        ("28 Nisan 1920’de iktidara gelmelerinden sonra Türkiye’ye sığındılar.", "after"),
        ("Bundan önce heyet Kars’a gitmişti.", "before"),
        ("Heyet Kars’a gitti.", None),
        ("Earlier, the delegation had left.", "before"),
        # the "Evvel" of a month's name says nothing of a step back
        ("28 Teşrîn-i Evvel’de tabyalar tazyik altına alındı.", None),
        ("Rebi-ül-evvel ayında ordu çekildi.", None),
        ("Kânûn-ı Evvel 1336’dan evvel heyet gelmişti.", "before"),
    ],
)
def test_the_direction_a_sentence_moves_in_time(sentence, shift):
    assert time_shift(sentence) == shift
