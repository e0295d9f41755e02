"""The TEI <standOff> of an export: one entry for each person, place, organization, treaty and meeting the
documents mention (its names, its Wikidata id, where it lies), and the events read in them, each pointing
to the entries of those who took part; the texts' names point to the same entries."""

from __future__ import annotations

from typing import Any

from lxml import etree

from vakanuvis.export.snapshot import Snapshot, headline, known_day, role_members
from vakanuvis.export.tei_elements import (
    CALENDAR_VALUE,
    NAME_ELEMENT,
    XML_ID,
    document_id,
    entity_id,
    event_id,
    open_end_attributes,
    sub,
)
from vakanuvis.model import EVENT_ROLES, Entity

# entities that are events known by their name: listed in a listEvent, not a listOrg
NAMED_EVENT_TYPES = ("treaty", "meeting")


def stand_off(parent: etree._Element, snapshot: Snapshot) -> etree._Element | None:
    """Write the standOff into `parent` (a TEI or a teiCorpus); None when there is nothing to list."""
    entities = list(snapshot.entities.values())
    exported = {document.id for document in snapshot.documents}
    events = [event for event in snapshot.events if event["document"] in exported]
    people = [e for e in entities if e.type == "person"]
    places = [e for e in entities if e.type == "place"]
    named_events = [e for e in entities if e.type in NAMED_EVENT_TYPES]
    organizations = [e for e in entities if e.type not in ("person", "place", *NAMED_EVENT_TYPES)]
    if not (entities or events):
        return None
    element = sub(parent, "standOff")
    if people:
        _list_entities(sub(element, "listPerson"), "person", "persName", people)
    if places:
        _list_places(sub(element, "listPlace"), places)
    if organizations:
        _list_entities(sub(element, "listOrg"), "org", "orgName", organizations)
    if named_events:
        _list_named_events(sub(element, "listEvent", type="named"), named_events)
    if events:
        _list_narrated_events(sub(element, "listEvent", type="narrated"), events, snapshot.entities)
    return element


def names_of(entity: Entity) -> list[str]:
    """The canonical name first, then each alias once."""
    return [entity.name] + [alias for alias in dict.fromkeys(entity.aliases) if alias != entity.name]


def _names(entry: etree._Element, element: str, entity: Entity) -> None:
    for number, name in enumerate(names_of(entity)):
        sub(entry, element, name, type="alias" if number else None)


def _wikidata(entry: etree._Element, entity: Entity) -> None:
    if entity.wikidata:
        sub(entry, "idno", entity.wikidata, type="wikidata")


def _list_entities(
    parent: etree._Element, entry_name: str, name_element: str, entities: list[Entity]
) -> None:
    for entity in entities:
        kind = None if entity.type in ("person", "organization") else entity.type
        entry = sub(parent, entry_name, **{XML_ID: entity_id(entity.key), "type": kind})
        _names(entry, name_element, entity)
        _wikidata(entry, entity)


def _list_places(parent: etree._Element, places: list[Entity]) -> None:
    for entity in places:
        place = sub(parent, "place", **{XML_ID: entity_id(entity.key)})
        _names(place, "placeName", entity)
        if entity.lat is not None and entity.lon is not None:
            sub(sub(place, "location"), "geo", f"{entity.lat} {entity.lon}")
        _wikidata(place, entity)


def existence_attributes(entity: Entity) -> dict[str, str]:
    """@when, or @from and @to, from the authority's start and end of a treaty or meeting, each only when
    it is a year, a month or a day (an approximate or uncertain one is not written)."""
    start = entity.start if entity.start and CALENDAR_VALUE.fullmatch(entity.start) else None
    end = entity.end if entity.end and CALENDAR_VALUE.fullmatch(entity.end) else None
    if start and start == end:
        return {"when": start}
    return {k: v for k, v in (("from", start), ("to", end)) if v}


def _list_named_events(parent: etree._Element, entities: list[Entity]) -> None:
    """Treaties and meetings: the Wikidata id, then each name as a label."""
    for entity in entities:
        entry = sub(
            parent,
            "event",
            **{XML_ID: entity_id(entity.key), "type": entity.type, **existence_attributes(entity)},
        )
        _wikidata(entry, entity)
        _names(entry, "label", entity)


def event_date_attributes(event: dict) -> dict[str, str]:
    """@when for a day, month or year; else @notBefore and @notAfter from the event's first and last days
    (each only when known), with the EDTF value in @ana."""
    edtf = event["date"]
    if (event["start"], event["end"]) != ("0001-01-01", "9999-12-31") and (
        open_end := open_end_attributes(event.get("extent") or "")
    ):
        return {**open_end, "ana": f"edtf:{edtf}"}  # "23 Nisan 1920’den itibaren": notBefore 1920-04-23
    if CALENDAR_VALUE.fullmatch(edtf):
        return {"when": edtf}
    bounds = {"notBefore": known_day(event["start"]), "notAfter": known_day(event["end"])}
    return {**{k: v for k, v in bounds.items() if v}, "ana": f"edtf:{edtf}"}


def _list_narrated_events(parent: etree._Element, events: list[dict], entities: dict[str, Entity]) -> None:
    """Each event: its date, the document telling it (@source), its headline, its predicate and the names of
    those taking part, each with its role and pointing to its entry (@where to the places)."""
    for event in events:
        places = [key for key, _ in role_members(event, "place") if key in entities]
        attributes = {
            XML_ID: event_id(event["id"]),
            "type": event.get("kind") or None,
            "subtype": "dateline" if event.get("dateline") else None,
            "source": "#" + document_id(event["document"]),
            "where": " ".join("#" + entity_id(key) for key in places) or None,
            **event_date_attributes(event),
        }
        element = sub(parent, "event", **attributes)
        sub(element, "label", headline(event))
        members: dict[str, tuple[str, list[str]]] = {}  # key -> name and roles: a treaty signed by its means
        for role in EVENT_ROLES:
            for key, name in role_members(event, role):
                members.setdefault(key, (name, []))[1].append(role)
        if not event.get("predicate") and not members:
            continue
        description = sub(element, "desc", event.get("predicate") or "")  # "imzalandı: Turkey, Russia…"
        last = None
        for key, (name, roles) in members.items():
            if last is None:
                description.text = (description.text or "") + (": " if description.text else "")
            else:
                last.tail = ", "
            entity = entities.get(key)
            kind = entity.type if entity else "entity"
            name_attributes: dict[str, Any] = {
                "ref": "#" + entity_id(key) if entity else None,
                "role": " ".join(roles),
                "type": None if kind in NAME_ELEMENT else kind,
            }
            last = sub(description, NAME_ELEMENT.get(kind, "name"), name, **name_attributes)
