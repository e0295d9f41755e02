"""The TEI namespace, element building and the xml:ids that the parts of a TEI export point to."""

from __future__ import annotations

import re

from lxml import etree

from vakanuvis.errors import BadEdit
from vakanuvis.store.edits import edtf_bounds

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# a year, a month or a day: EDTF that is also a W3C date (not a season, 21-24, nor a range or an uncertain one)
CALENDAR_VALUE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?")
# the element naming an entity of each type in the text; other types are <name type="…">
NAME_ELEMENT = {"person": "persName", "place": "placeName", "organization": "orgName"}


def ncname(value: str) -> str:
    """`value` as part of an xml:id: '_' doubled, any other character an xml:id may not hold written as
    _<hex>_ ('person:hamit@76c2' -> 'person_3a_hamit_40_76c2'), so that two keys never share an id."""
    return re.sub(r"_|[^\w.-]", lambda m: "__" if m[0] == "_" else f"_{ord(m[0]):x}_", value)


def entity_id(key: str) -> str:
    """The xml:id of an entity's entry in the standOff, one for the whole export (a teiCorpus too)."""
    return "e-" + ncname(key)


def document_id(document_id: str) -> str:
    """The xml:id of a document's <TEI>."""
    return "d-" + document_id


def event_id(record_id: str) -> str:
    """The xml:id of an event read in a document: d<document>-e<n>."""
    return "d" + ncname(record_id)


def tag(name: str) -> str:
    return f"{{{TEI}}}{name}"


def sub(
    parent: etree._Element, name: str, text: str | None = None, **attributes: str | None
) -> etree._Element:
    """A TEI child element of `parent`, without the attributes that are None."""
    element = etree.SubElement(parent, tag(name), {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def open_end_attributes(extent: str) -> dict[str, str]:
    """notBefore of an extent open at its end ("1920-04-23/..", "1920-05-01~/.."), notAfter of one open at
    its start ("../1921-05-10~"); nothing for a closed extent or one whose known end is not a date."""
    try:
        if extent.endswith("/..") and not extent.startswith("../"):
            return {"notBefore": edtf_bounds(extent.removesuffix("/..").rstrip("~?%"))[0].isoformat()}
        if extent.startswith("../") and not extent.endswith("/.."):
            return {"notAfter": edtf_bounds(extent.removeprefix("../").rstrip("~?%"))[1].isoformat()}
    except BadEdit:
        return {}
    return {}
