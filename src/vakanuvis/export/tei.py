"""TEI P5: the body with persName, placeName, orgName, name and date, notes in place, the lists of people,
places and organizations, and the events: what happened, when, and who took part in it in which role."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from lxml import etree

from vakanuvis.errors import VakanuvisError
from vakanuvis.export.snapshot import (
    Snapshot,
    cited_sources,
    headline,
    known_day,
    mentioned_entities,
    role_members,
)
from vakanuvis.model import EVENT_ROLES, Document, Entity
from vakanuvis.store.edits import edtf_bounds

TEI = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# a year, a month or a day: EDTF that is also a W3C date (not a season, 21-24, nor a range or an uncertain one)
CALENDAR_VALUE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?")
NAME_ELEMENT = {"person": "persName", "place": "placeName", "organization": "orgName"}


def xml_id(key: str, document_id: str) -> str:
    """An xml:id for an entity or source key within one document (an NCName, unique in a teiCorpus)."""
    return f"d{document_id}-" + re.sub(r"[^\w.-]", "_", key)


def _tag(name: str) -> str:
    return f"{{{TEI}}}{name}"


def _sub(
    parent: etree._Element, name: str, text: str | None = None, **attributes: str | None
) -> etree._Element:
    element = etree.SubElement(parent, _tag(name), {k: v for k, v in attributes.items() if v is not None})
    if text is not None:
        element.text = text
    return element


def _date_attributes(edtf: str, earliest, latest) -> dict[str, str]:
    """@when for a day; @from/@to for a period; @notBefore or @notAfter for a period open at one end; only
    the EDTF value when the year is unknown (never 0001-01-01 or 9999-12-31 as if they were dates)."""
    if earliest == date.min and latest == date.max:
        return {"ana": f"edtf:{edtf}"}
    if earliest == date.min:
        return {"notAfter": latest.isoformat(), "ana": f"edtf:{edtf}"}
    if latest == date.max:
        return {"notBefore": earliest.isoformat(), "ana": f"edtf:{edtf}"}
    if earliest == latest:
        return {"when": earliest.isoformat()}
    return {"from": earliest.isoformat(), "to": latest.isoformat(), "ana": f"edtf:{edtf}"}


def _inline_elements(
    document: Document, entities: dict[str, Entity]
) -> list[tuple[int, int, str, dict[str, str]]]:
    """Non-overlapping (start, end, element, attributes) over the body; the longer span wins an overlap."""
    candidates = []
    for mention in document.mentions:
        if mention.span.footnote is not None:
            continue
        entity = entities.get(mention.entity_key)
        kind = entity.type if entity else mention.type
        element = NAME_ELEMENT.get(kind, "name")
        attributes = {"ref": "#" + xml_id(mention.entity_key, document.id)} if entity else {}
        if element == "name":
            attributes["type"] = kind
        candidates.append((mention.span.start, mention.span.end, element, attributes))
    for date_mention in document.dates:
        if date_mention.span.footnote is None:
            attributes = _date_attributes(date_mention.edtf, date_mention.earliest, date_mention.latest)
            candidates.append((date_mention.span.start, date_mention.span.end, "date", attributes))
    chosen: list[tuple[int, int, str, dict[str, str]]] = []
    for candidate in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
        if all(candidate[1] <= kept[0] or candidate[0] >= kept[1] for kept in chosen):
            chosen.append(candidate)
    return sorted(chosen)


def _fill_block(
    paragraph: etree._Element,
    text: str,
    offset: int,
    inline: list[tuple[int, int, str, dict[str, str]]],
    notes: list[tuple[int, int, str, str | None]],
) -> None:
    """Write `text` (starting at body `offset`) into `paragraph` with inline elements and notes at their offsets."""
    events: list[tuple[int, int, tuple]] = [(item[0], 0, item) for item in inline]
    events += [(at, 1, (number, note_text, cert)) for at, number, note_text, cert in notes]
    cursor, last = offset, paragraph

    def append_text(value: str) -> None:
        if last is paragraph:
            paragraph.text = (paragraph.text or "") + value
        else:
            last.tail = (last.tail or "") + value

    for position, kind, payload in sorted(events, key=lambda e: (e[0], -e[1])):
        if position < cursor:
            continue
        append_text(text[cursor - offset : position - offset])
        if kind == 0:
            start, end, element, attributes = payload
            last = _sub(paragraph, element, text[start - offset : end - offset], **attributes)
            cursor = end
        else:
            number, note_text, cert = payload
            last = _sub(paragraph, "note", note_text, n=str(number), place="foot", cert=cert)
            cursor = position
    append_text(text[cursor - offset :])


def ocr_cert(confidence: float | None) -> str | None:
    """TEI @cert (teidata.probCert, a probability) for text read by OCR with `confidence`; None otherwise."""
    return None if confidence is None else f"{confidence:.2f}"


def block_ocr_certainty(document: Document) -> dict[int, str]:
    """@cert of each block read by OCR: its sentences' OCR confidence, weighted by their length."""
    parts: dict[int, list[tuple[int, float]]] = {}
    for sentence in document.sentences:
        if sentence.ocr_confidence is not None:
            length = sentence.span.end - sentence.span.start
            parts.setdefault(sentence.block, []).append((length, sentence.ocr_confidence))
    certs: dict[int, str] = {}
    for block, values in parts.items():
        total = sum(length for length, _ in values) or 1
        cert = ocr_cert(sum(length * value for length, value in values) / total)
        if cert is not None:
            certs[block] = cert
    return certs


def _body(text_element: etree._Element, document: Document, entities: dict[str, Entity]) -> None:
    body = _sub(text_element, "body")
    division = _sub(body, "div")
    inline = _inline_elements(document, entities)
    footnote_text = {note.number: note.text for note in document.footnotes}
    note_cert = {note.number: ocr_cert(note.ocr_confidence) for note in document.footnotes}
    block_cert = block_ocr_certainty(document)
    seen_pages: set[int] = set()
    for index, block in enumerate(document.blocks):
        start, end = block.span.start, block.span.end
        if block.page not in seen_pages:
            seen_pages.add(block.page)
            _sub(division, "pb", n=str(block.page))
        paragraph = _sub(division, "head" if block.kind == "heading" else "p", cert=block_cert.get(index))
        notes = [
            (marker.offset, marker.number, footnote_text[marker.number], note_cert[marker.number])
            for marker in document.markers
            if start <= marker.offset <= end and marker.number in footnote_text
        ]
        _fill_block(
            paragraph,
            document.text[start:end],
            start,
            [i for i in inline if start <= i[0] and i[1] <= end],
            notes,
        )


def _back(text_element: etree._Element, document: Document, snapshot: Snapshot) -> None:
    """The bibliography and the people, places and organizations of this document."""
    entities = mentioned_entities([document], snapshot.entities)
    sources = cited_sources([document], snapshot.sources)
    back = _sub(text_element, "back")
    division = _sub(back, "div", type="index")
    bibliography = _sub(division, "listBibl")
    for source in sources.values():
        bibl = _sub(bibliography, "bibl", **{XML_ID: xml_id(source.key, document.id), "type": source.type})
        for author in source.authors:
            _sub(bibl, "author", author)
        if source.title:
            _sub(bibl, "title", source.title)
        if source.title_latin and source.title_latin != source.title:
            _sub(bibl, "title", source.title_latin, type="transliterated")
        if source.place:
            _sub(bibl, "pubPlace", source.place)
        if source.year:
            _sub(bibl, "date", str(source.year), when=f"{source.year:04d}")
    by_type = {
        kind: [e for e in entities.values() if e.type == kind] for kind in ("person", "place", "organization")
    }
    people = _sub(division, "listPerson")
    for entity in by_type["person"]:
        person = _sub(people, "person", **{XML_ID: xml_id(entity.key, document.id)})
        for alias in [entity.name] + [a for a in entity.aliases if a != entity.name]:
            _sub(person, "persName", alias)
        if entity.wikidata:
            _sub(person, "idno", entity.wikidata, type="wikidata")
    places = _sub(division, "listPlace")
    for entity in by_type["place"]:
        place = _sub(places, "place", **{XML_ID: xml_id(entity.key, document.id)})
        for alias in [entity.name] + [a for a in entity.aliases if a != entity.name]:
            _sub(place, "placeName", alias)
        if entity.lat is not None and entity.lon is not None:
            _sub(_sub(place, "location"), "geo", f"{entity.lat} {entity.lon}")
        if entity.wikidata:
            _sub(place, "idno", entity.wikidata, type="wikidata")
    organizations = _sub(division, "listOrg")
    for entity in [e for e in entities.values() if e.type not in ("person", "place")]:
        org = _sub(organizations, "org", **{XML_ID: xml_id(entity.key, document.id), "type": entity.type})
        for alias in [entity.name] + [a for a in entity.aliases if a != entity.name]:
            _sub(org, "orgName", alias)
        if entity.wikidata:
            _sub(org, "idno", entity.wikidata, type="wikidata")
    events = [event for event in snapshot.events if event["document"] == document.id]
    if events:
        _list_event(division, document, events, entities, snapshot.entities)


def _event_date_attributes(event: dict) -> dict[str, str]:
    """@when for a day, month or year; else @notBefore and @notAfter from the event's first and last days
    (each only when known), with the EDTF value in @ana."""
    edtf = event["date"]
    if CALENDAR_VALUE.fullmatch(edtf):
        return {"when": edtf}
    bounds = {"notBefore": known_day(event["start"]), "notAfter": known_day(event["end"])}
    return {**{k: v for k, v in bounds.items() if v}, "ana": f"edtf:{edtf}"}


def _list_event(
    division: etree._Element,
    document: Document,
    events: list[dict],
    listed: dict[str, Entity],
    entities: dict[str, Entity],
) -> None:
    """Each event: its date, its headline, its predicate and the names of those taking part, each with its
    role and pointing to the entry of listPerson, listPlace or listOrg (@where to the places)."""
    list_event = _sub(division, "listEvent")
    for event in events:
        places = [key for key, _ in role_members(event, "place") if key in listed]
        attributes = {
            XML_ID: "d" + event["id"],  # d<document>-e<n>, next to the d<document>-<key> of the lists
            "type": event.get("kind") or None,
            "subtype": "dateline" if event.get("dateline") else None,
            "where": " ".join("#" + xml_id(key, document.id) for key in places) or None,
            **_event_date_attributes(event),
        }
        element = _sub(list_event, "event", **attributes)
        _sub(element, "label", headline(event))
        members: dict[str, tuple[str, list[str]]] = {}  # key -> name and roles: a treaty signed by its means
        for role in EVENT_ROLES:
            for key, name in role_members(event, role):
                members.setdefault(key, (name, []))[1].append(role)
        if not event.get("predicate") and not members:
            continue
        description = _sub(element, "desc", event.get("predicate") or "")  # "imzalandı: Turkey, Russia…"
        last = None
        for key, (name, roles) in members.items():
            if last is None:
                description.text += ": " if description.text else ""
            else:
                last.tail = ", "
            entity = entities.get(key)
            kind = entity.type if entity else "entity"
            name_attributes: dict[str, Any] = {
                "ref": "#" + xml_id(key, document.id) if key in listed else None,
                "role": " ".join(roles),
                "type": None if kind in NAME_ELEMENT else kind,
            }
            last = _sub(description, NAME_ELEMENT.get(kind, "name"), name, **name_attributes)


def to_tei(snapshot: Snapshot) -> bytes:
    """One TEI document per knowledge-base document, in a teiCorpus when there are several."""
    documents = [_tei_document(document, snapshot) for document in snapshot.documents]
    if len(documents) == 1:
        root = documents[0]
    else:
        root = etree.Element(_tag("teiCorpus"), nsmap={None: TEI})
        _header(root, "vakanuvis corpus")
        root.extend(documents)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _header(root: etree._Element, title: str, document: Document | None = None) -> None:
    """The header: title and authors; where the copy came from (never a path of the machine that ingested
    it); and for a document its date and place of writing, language and type."""
    header = _sub(root, "teiHeader")
    file_description = _sub(header, "fileDesc")
    title_statement = _sub(file_description, "titleStmt")
    _sub(title_statement, "title", title or "untitled")
    for author in document.authors if document else []:
        _sub(title_statement, "author", author)
    _sub(
        _sub(file_description, "publicationStmt"), "p", "Exported by vakanuvis; annotations are machine-made."
    )
    source_description = _sub(file_description, "sourceDesc")
    if document is None:
        _sub(source_description, "p", "The documents of a vakanuvis knowledge base.")
        return
    bibl = _sub(source_description, "bibl")
    _sub(bibl, "title", title or "untitled")
    for author in document.authors:
        _sub(bibl, "author", author)
    if document.date:
        _sub(bibl, "date", document.date, **_document_date_attributes(document.date))
    if document.place:
        _sub(bibl, "placeName", document.place)
    if document.source:
        _sub(bibl, "note", document.source, type="source")
    if document.url:
        _sub(bibl, "ptr", target=document.url)
    _sub(bibl, "idno", document.sha256, type="sha256")
    if _is_published(document):
        _bibl_struct(source_description, title, document)
    profile = _sub(header, "profileDesc")
    for language, abstract in (document.header.get("abstracts") or {}).items():
        _sub(_sub(profile, "abstract", **{XML_LANG: language}), "p", abstract)
    if document.date or document.place:
        creation = _sub(profile, "creation")
        if document.date:
            _sub(creation, "date", document.date, **_document_date_attributes(document.date))
        if document.place:
            _sub(creation, "placeName", document.place)
    _sub(_sub(profile, "langUsage"), "language", ident=document.language)
    text_class = _sub(profile, "textClass")
    _sub(_sub(text_class, "keywords", scheme="#vakanuvis-document-types"), "term", document.type)
    for language, words in (document.header.get("keywords") or {}).items():
        keywords = _sub(text_class, "keywords", **{XML_LANG: language})
        for word in words:
            _sub(keywords, "term", word)


PUBLICATION_FIELDS = ("journal", "volume", "issue", "pages", "doi", "year")


def _is_published(document: Document) -> bool:
    """Whether the document's header says where it was published (a journal, a DOI, a volume…)."""
    return any(document.header.get(name) for name in PUBLICATION_FIELDS)


def _bibl_struct(parent: etree._Element, title: str, document: Document) -> None:
    """The article as its header states it: <analytic> (title, authors with affiliation and ORCID, DOI),
    <monogr> (the journal, and in <imprint> its volume, issue, pages and year)."""
    header = document.header
    struct = _sub(parent, "biblStruct", type="article")
    analytic = _sub(struct, "analytic")
    _sub(analytic, "title", title or "untitled", level="a")
    for language, other in (header.get("titles") or {}).items():
        if other != title:
            _sub(analytic, "title", other, level="a", **{XML_LANG: language})
    for author in document.authors:
        element = _sub(analytic, "author")
        _sub(element, "persName", author)
        if affiliation := (header.get("affiliations") or {}).get(author):
            _sub(element, "affiliation", affiliation)
        if orcid := (header.get("orcids") or {}).get(author):
            _sub(element, "idno", orcid, type="ORCID")
    if header.get("doi"):
        _sub(analytic, "idno", header["doi"], type="DOI")
    monogr = _sub(struct, "monogr")
    if header.get("journal"):
        _sub(monogr, "title", header["journal"], level="j")
    imprint = _sub(monogr, "imprint")
    for unit in ("volume", "issue"):
        if header.get(unit):
            _sub(imprint, "biblScope", str(header[unit]), unit=unit)
    if header.get("pages"):
        first, _, last = str(header["pages"]).partition("-")
        _sub(
            imprint,
            "biblScope",
            header["pages"],
            unit="page",
            **({"from": first, "to": last} if last else {}),
        )
    if header.get("year"):
        _sub(imprint, "date", str(header["year"]), when=f"{int(header['year']):04d}")


def _document_date_attributes(edtf: str) -> dict[str, str]:
    """@when for a day, month or year; @notBefore/@notAfter for anything else EDTF says (a range, an
    approximate date), with the EDTF value in @ana."""
    if CALENDAR_VALUE.fullmatch(edtf):
        return {"when": edtf}
    try:
        earliest, latest = edtf_bounds(edtf)
    except VakanuvisError:
        return {"ana": f"edtf:{edtf}"}
    return {"notBefore": earliest.isoformat(), "notAfter": latest.isoformat(), "ana": f"edtf:{edtf}"}


def _tei_document(document: Document, snapshot: Snapshot) -> etree._Element:
    root = etree.Element(_tag("TEI"), {XML_ID: "d-" + document.id}, nsmap={None: TEI})
    _header(root, document.title, document)
    text_element = _sub(root, "text")
    _body(text_element, document, snapshot.entities)
    _back(text_element, document, snapshot)
    return root
