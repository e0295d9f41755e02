"""GEXF for Gephi: actors linked when they take part in the same events."""

from __future__ import annotations

import io
from itertools import combinations

import networkx as nx

from vakanuvis.export.snapshot import Snapshot, bounded


def actor_network(snapshot: Snapshot) -> nx.Graph:
    """Nodes: people and organizations; an edge per pair sharing events, weighted by how many."""
    graph = nx.Graph()
    by_name = {(e.name, e.type): e for e in snapshot.entities.values()}
    for event in snapshot.events:
        actors = []
        for name in event["actors"]:
            entity = by_name.get((name, "person")) or by_name.get((name, "organization"))
            if entity:
                actors.append(entity)
                graph.add_node(
                    entity.key, label=entity.name, type=entity.type, wikidata=entity.wikidata or ""
                )
        if not bounded(event):  # an edge's period is that of its events that have one
            for a, b in combinations(sorted({e.key for e in actors}), 2):
                if graph.has_edge(a, b):
                    graph[a][b]["weight"] += 1
                    graph[a][b]["events"] += " " + event["id"]
                else:
                    graph.add_edge(a, b, weight=1, events=event["id"])
            continue
        for a, b in combinations(sorted({e.key for e in actors}), 2):
            if graph.has_edge(a, b):
                graph[a][b]["weight"] += 1
                graph[a][b]["events"] += " " + event["id"]
                graph[a][b]["start"] = min(graph[a][b].get("start", event["start"]), event["start"])
                graph[a][b]["end"] = max(graph[a][b].get("end", event["end"]), event["end"])
            else:
                graph.add_edge(a, b, weight=1, events=event["id"], start=event["start"], end=event["end"])
    return graph


def to_gexf(snapshot: Snapshot) -> bytes:
    buffer = io.BytesIO()
    nx.write_gexf(actor_network(snapshot), buffer)
    return buffer.getvalue()
