"""Whatever the text, the tagger returns spans that point into it and EDTF that parses."""

from __future__ import annotations

from edtf import parse_edtf
from hypothesis import given, settings
from hypothesis import strategies as st

from vakanuvis.annotate.dates import find_dates

PIECES = [
    "19",
    "31",
    "4-11",
    "2/3",
    "1336",
    "1920",
    "1918-20",
    "1000",
    "6000",
    "’de",
    "’den",
    "’e kadar",
    " de",
    "Mayıs",
    "mart",
    "Şubat",
    "Kânunusani",
    "Receb",
    "мая",
    "oktyabr",
    "May",
    "Kasım",
    "ayının",
    "yılının",
    "yaz aylarında",
    "başlarında",
    "itibaren",
    "doğru",
    "yaklaşık",
    "H.",
    "R.",
    "г.",
    "(ст. ст.)",
    "-ci il",
    "between",
    "and",
    "from",
    "to",
    "с",
    "по",
    "аynı yıl",
    "ertesi yıl",
    "?",
    "(",
    ")",
    ",",
    ".",
    " ",
    " - ",
    "s.",
    "стр.",
    "М.,",
    "Bakı,",
    "qәzeti,",
    "tüfek",
    "kişilik",
    "%25",
    "11.",
    "XII",
    "335",
    "38",
    "(1920)",
    "sene",
    "senesinde",
    "Teşrîn-i Evvel",
    "Kânûn-ı Sânî’nin",
    "yirmi",
    "üçünde",
    "on altı",
    "ikinci günü",
    "bugün",
    "dün",
    "yarından",
    "evvelki gün",
    "mah-ı sabıkın",
    "geçen sene",
    "geçen",
    "bu",
    "ayın",
    "ertesi gün",
    "sabahı",
    "gecesi",
    "tarihli",
    "etti.",
    "edecektir.",
    "fi",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.one_of(st.none(), st.integers(1000, 2100)))
def test_any_text_gives_valid_mentions(pieces: list[str], context_year: int | None) -> None:
    text = " ".join(pieces)
    for mention in find_dates(text, context_year=context_year):
        assert text[mention.span.start : mention.span.end] == mention.text
        assert mention.text.strip() == mention.text
        parse_edtf(mention.edtf)
        assert mention.earliest <= mention.latest
        assert mention.role in ("event", "bibliographic")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(PIECES), max_size=14),
    st.sampled_from([None, "1922-03-01", "1920-04", "1926", "1921/1922"]),
    st.sampled_from(["telegram", "speech", "memoir", "article"]),
)
def test_any_text_with_a_document_date_gives_valid_mentions(
    pieces: list[str], document_date: str | None, document_type: str
) -> None:
    text = " ".join(pieces)
    for mention in find_dates(text, document_date=document_date, document_type=document_type):
        assert text[mention.span.start : mention.span.end] == mention.text
        parse_edtf(mention.edtf)
        assert mention.earliest <= mention.latest
        assert mention.year_from in ("text", "context", "document", "unknown")
        assert mention.year_inferred == (mention.year_from != "text")
        assert (mention.year_from == "unknown") == ("XXXX" in mention.edtf)
