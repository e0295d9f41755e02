"""TEI P5 (valid against tei_all): the header, the body in <div>s with persName, placeName, orgName, name and
date pointing to the standOff's entries, notes in place, and each document's bibliography."""

from __future__ import annotations

from datetime import date

from lxml import etree

from vakanuvis.errors import VakanuvisError
from vakanuvis.export.snapshot import Snapshot, cited_sources
from vakanuvis.export.tei_elements import (
    CALENDAR_VALUE,
    NAME_ELEMENT,
    TEI,
    XML_ID,
    XML_LANG,
    document_id,
    entity_id,
    ncname,
    open_end_attributes,
    sub,
    tag,
)
from vakanuvis.export.tei_standoff import stand_off
from vakanuvis.model import Document, Entity
from vakanuvis.store.edits import edtf_bounds


def source_id(key: str, document: str) -> str:
    """The xml:id of a cited work in one document's bibliography (unique in a teiCorpus)."""
    return f"d{document}-" + ncname(key)


def _date_attributes(edtf: str, earliest, latest, extent: str = "") -> dict[str, str]:
    """@when for a day; @from/@to for a period; @notBefore or @notAfter for a period open at one end
    (the value names a day and its extent is open: "23 Nisan 1920’den itibaren" is 1920-04-23 with extent
    1920-04-23/.., so notBefore 1920-04-23); only the EDTF value when the year is unknown (never 0001-01-01
    or 9999-12-31 as if they were dates)."""
    if earliest == date.min and latest == date.max:
        return {"ana": f"edtf:{edtf}"}
    if open_end := open_end_attributes(extent):
        return {**open_end, "ana": f"edtf:{edtf}"}
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
        attributes = {"ref": "#" + entity_id(mention.entity_key)} if entity else {}
        if element == "name":
            attributes["type"] = kind
        candidates.append((mention.span.start, mention.span.end, element, attributes))
    for date_mention in document.dates:
        if date_mention.span.footnote is None:
            attributes = _date_attributes(
                date_mention.edtf, date_mention.earliest, date_mention.latest, date_mention.extent
            )
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
            last = sub(paragraph, element, text[start - offset : end - offset], **attributes)
            cursor = end
        else:
            number, note_text, cert = payload
            last = sub(paragraph, "note", note_text, n=str(number), place="foot", cert=cert)
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
    """The blocks in <div>s: a heading opens a new one (TEI has a <div>'s <head> before its paragraphs)."""
    body = sub(text_element, "body")
    division = sub(body, "div")
    inline = _inline_elements(document, entities)
    footnote_text = {note.number: note.text for note in document.footnotes}
    note_cert = {note.number: ocr_cert(note.ocr_confidence) for note in document.footnotes}
    block_cert = block_ocr_certainty(document)
    seen_pages: set[int] = set()
    has_paragraphs = False
    for index, block in enumerate(document.blocks):
        start, end = block.span.start, block.span.end
        if block.kind == "heading" and has_paragraphs:
            division, has_paragraphs = sub(body, "div"), False
        if block.page not in seen_pages:
            seen_pages.add(block.page)
            sub(division, "pb", n=str(block.page))
        paragraph = sub(division, "head" if block.kind == "heading" else "p", cert=block_cert.get(index))
        has_paragraphs = has_paragraphs or block.kind != "heading"
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
    if not len(division):
        sub(division, "p")


def _back(text_element: etree._Element, document: Document, snapshot: Snapshot) -> None:
    """The bibliography of this document (its people, places and events are in the standOff)."""
    sources = cited_sources([document], snapshot.sources)
    if not sources:
        return
    bibliography = sub(sub(sub(text_element, "back"), "div", type="bibliography"), "listBibl")
    for source in sources.values():
        bibl = sub(bibliography, "bibl", **{XML_ID: source_id(source.key, document.id), "type": source.type})
        for author in source.authors:
            sub(bibl, "author", author)
        if source.title:
            sub(bibl, "title", source.title)
        if source.title_latin and source.title_latin != source.title:
            sub(bibl, "title", source.title_latin, type="transliterated")
        if source.place:
            sub(bibl, "pubPlace", source.place)
        if source.year:
            sub(bibl, "date", str(source.year), when=f"{source.year:04d}")


def to_tei(snapshot: Snapshot) -> bytes:
    """One TEI document per knowledge-base document, in a teiCorpus when there are several; the people,
    places, organizations and events in one standOff, of the corpus or of the one document."""
    if len(snapshot.documents) == 1:
        root = _tei_document(snapshot.documents[0], snapshot, with_stand_off=True)
    else:
        root = etree.Element(tag("teiCorpus"), nsmap={None: TEI})
        _header(root, "vakanuvis corpus")
        stand_off(root, snapshot)
        root.extend(_tei_document(document, snapshot) for document in snapshot.documents)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _header(root: etree._Element, title: str, document: Document | None = None) -> None:
    """The header: title and authors; where the copy came from (never a path of the machine that ingested
    it); and for a document its date and place of writing, language and type."""
    header = sub(root, "teiHeader")
    file_description = sub(header, "fileDesc")
    title_statement = sub(file_description, "titleStmt")
    sub(title_statement, "title", title or "untitled")
    for author in document.authors if document else []:
        sub(title_statement, "author", author)
    sub(sub(file_description, "publicationStmt"), "p", "Exported by vakanuvis; annotations are machine-made.")
    source_description = sub(file_description, "sourceDesc")
    if document is None:
        sub(source_description, "p", "The documents of a vakanuvis knowledge base.")
        return
    bibl = sub(source_description, "bibl")
    sub(bibl, "title", title or "untitled")
    for author in document.authors:
        sub(bibl, "author", author)
    if document.date:
        sub(bibl, "date", document.date, **_document_date_attributes(document.date))
    if document.place:
        sub(bibl, "placeName", document.place)
    if document.source:
        sub(bibl, "note", document.source, type="source")
    if document.url:
        sub(bibl, "ptr", target=document.url)
    sub(bibl, "idno", document.sha256, type="sha256")
    if _is_published(document):
        _bibl_struct(source_description, title, document)
    profile = sub(header, "profileDesc")
    for language, abstract in (document.header.get("abstracts") or {}).items():
        sub(sub(profile, "abstract", **{XML_LANG: language}), "p", abstract)
    if document.date or document.place:
        creation = sub(profile, "creation")
        if document.date:
            sub(creation, "date", document.date, **_document_date_attributes(document.date))
        if document.place:
            sub(creation, "placeName", document.place)
    sub(sub(profile, "langUsage"), "language", ident=document.language)
    text_class = sub(profile, "textClass")
    sub(sub(text_class, "keywords", scheme="#vakanuvis-document-types"), "term", document.type)
    for language, words in (document.header.get("keywords") or {}).items():
        keywords = sub(text_class, "keywords", **{XML_LANG: language})
        for word in words:
            sub(keywords, "term", word)


PUBLICATION_FIELDS = ("journal", "volume", "issue", "pages", "doi", "year")


def _is_published(document: Document) -> bool:
    """Whether the document's header says where it was published (a journal, a DOI, a volume…)."""
    return any(document.header.get(name) for name in PUBLICATION_FIELDS)


def _bibl_struct(parent: etree._Element, title: str, document: Document) -> None:
    """The article as its header states it: <analytic> (title, authors with affiliation and ORCID, DOI),
    <monogr> (the journal, and in <imprint> its volume, issue, pages and year)."""
    header = document.header
    struct = sub(parent, "biblStruct", type="article")
    analytic = sub(struct, "analytic")
    sub(analytic, "title", title or "untitled", level="a")
    for language, other in (header.get("titles") or {}).items():
        if other != title:
            sub(analytic, "title", other, level="a", **{XML_LANG: language})
    for author in document.authors:
        element = sub(analytic, "author")
        sub(element, "persName", author)
        if affiliation := (header.get("affiliations") or {}).get(author):
            sub(element, "affiliation", affiliation)
        if orcid := (header.get("orcids") or {}).get(author):
            sub(element, "idno", orcid, type="ORCID")
    if header.get("doi"):
        sub(analytic, "idno", header["doi"], type="DOI")
    monogr = sub(struct, "monogr")
    if header.get("journal"):
        sub(monogr, "title", header["journal"], level="j")
    imprint = sub(monogr, "imprint")
    for unit in ("volume", "issue"):
        if header.get(unit):
            sub(imprint, "biblScope", str(header[unit]), unit=unit)
    if header.get("pages"):
        first, _, last = str(header["pages"]).partition("-")
        sub(
            imprint,
            "biblScope",
            header["pages"],
            unit="page",
            **({"from": first, "to": last} if last else {}),
        )
    if header.get("year"):
        sub(imprint, "date", str(header["year"]), when=f"{int(header['year']):04d}")


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


def _tei_document(document: Document, snapshot: Snapshot, *, with_stand_off: bool = False) -> etree._Element:
    root = etree.Element(tag("TEI"), {XML_ID: document_id(document.id)}, nsmap={None: TEI})
    _header(root, document.title, document)
    if with_stand_off:
        stand_off(root, snapshot)
    text_element = sub(root, "text")
    _body(text_element, document, snapshot.entities)
    _back(text_element, document, snapshot)
    return root
