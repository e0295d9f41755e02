"""A date open at one end is @notBefore or @notAfter in the TEI body and its stand-off events, never a @when of
the day it names."""

from __future__ import annotations

from lxml import etree

from vakanuvis.export.formats import write_export
from vakanuvis.knowledge_base import KnowledgeBase

TEI_NS = {"tei": "http://www.tei-c.org/ns/1.0"}
TEXT = (
    "Kuvvetler 23 Nisan 1920’den itibaren Ankara’da toplandı. Ordu 10 Eylül 1921’e kadar Sakarya’da kaldı. "
    "Heyet Mayıs 1337 iptidasına kadar orada kaldı. Muahede 16 Mart 1921’de imzalandı.\n"
)


def test_open_ends_in_the_tei_body(tmp_path) -> None:
    path = tmp_path / "acik-uclar.txt"
    path.write_text(TEXT, encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    assert all(result.stored for result in kb.ingest([path]))
    out = tmp_path / "kb.xml"
    write_export(kb.snapshot(None), "tei", out)
    dates = {
        "".join(node.itertext()): dict(node.attrib)
        for node in etree.parse(str(out)).iterfind(".//tei:text//tei:date", TEI_NS)
    }
    assert dates["23 Nisan 1920’den itibaren"] == {"notBefore": "1920-04-23", "ana": "edtf:1920-04-23"}
    assert dates["10 Eylül 1921’e kadar"] == {"notAfter": "1921-09-10", "ana": "edtf:1921-09-10"}
    # the end of a part: "until the beginning of May 1921" is until about its tenth
    assert dates["Mayıs 1337 iptidasına kadar"] == {"notAfter": "1921-05-10", "ana": "edtf:1921-05"}
    assert dates["16 Mart 1921’de"] == {"when": "1921-03-16"}
    events = etree.parse(str(out)).findall(".//tei:listEvent/tei:event[@source]", TEI_NS)
    bounds = {(e.get("when"), e.get("notBefore"), e.get("notAfter")) for e in events}
    assert (None, "1920-04-23", None) in bounds and (None, None, "1921-09-10") in bounds
    assert ("1921-03-16", None, None) in bounds
    assert not any(e.get("when") in {"1920-04-23", "1921-09-10"} for e in events)
