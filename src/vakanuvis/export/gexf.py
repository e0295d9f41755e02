"""GEXF for Gephi: the participants of events linked when they take part in the same events."""

from __future__ import annotations

import io
from itertools import combinations

import networkx as nx

from vakanuvis.export.snapshot import Snapshot, bounded, role_members
from vakanuvis.model import ACTING_ROLES


def participants(event: dict) -> dict[str, str]:
    """Entity key -> name of those taking part in an event: who did it, to whom, to what and by what (the
    agent, recipient, patient, instrument and intermediary), not where."""
    found: dict[str, str] = {}
    for role in ACTING_ROLES:
        for key, name in role_members(event, role):
            found.setdefault(key, name)
    return found


def actor_network(snapshot: Snapshot) -> nx.Graph:
    """Nodes: the participants of events; an edge per pair taking part in the same events, weighted by how
    many, with their ids, the kinds of what happened (sign, take… space-separated) and their period."""
    graph = nx.Graph()
    for event in snapshot.events:
        taking_part = participants(event)
        for key, name in taking_part.items():
            entity = snapshot.entities.get(key)
            graph.add_node(
                key,
                label=entity.name if entity else name,
                type=entity.type if entity else "",
                wikidata=(entity.wikidata if entity else None) or "",
            )
        kind = event.get("kind") or ""
        for a, b in combinations(sorted(taking_part), 2):
            if not graph.has_edge(a, b):
                graph.add_edge(a, b, weight=0, events="", kinds="")
            edge = graph[a][b]
            edge["weight"] += 1
            edge["events"] = f"{edge['events']} {event['id']}".strip()
            if kind and kind not in edge["kinds"].split():
                edge["kinds"] = " ".join(sorted(edge["kinds"].split() + [kind]))
            if bounded(event):  # an edge's period is that of its events that have one
                edge["start"] = min(edge.get("start", event["start"]), event["start"])
                edge["end"] = max(edge.get("end", event["end"]), event["end"])
    return graph


def to_gexf(snapshot: Snapshot) -> bytes:
    buffer = io.BytesIO()
    nx.write_gexf(actor_network(snapshot), buffer)
    return buffer.getvalue()
