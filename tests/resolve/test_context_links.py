"""Links between one short name of two documents: what `context_links` finds through its blocks of names
is what comparing every short name with every name (`same_short_name`, `agreeing_context`) finds."""

from __future__ import annotations

import itertools

from vakanuvis.resolve.name_graph import (
    CONTEXT_LINK,
    NameNode,
    _title_only,
    agreeing_context,
    context_links,
    context_token,
    same_short_name,
    written_ranks,
)
from vakanuvis.resolve.names import core_tuple

# (document, surface): short names, spellings of them, other names of the same documents
WRITTEN = [
    ("d1", "Harington"),
    ("d1", "Reşit Bey"),
    ("d1", "Ankara"),
    ("d1", "Trabzon"),
    ("d1", "Kars"),
    ("d1", "Erzurum"),
    ("d1", "Hadi Paşa"),
    ("d2", "Harrington"),
    ("d2", "Reşit Bey"),
    ("d2", "Ankara"),
    ("d2", "Trabzon"),
    ("d2", "Kars"),
    ("d2", "Hadi Bey"),
    ("d2", "Paşa"),
    ("d3", "Harington"),
    ("d3", "Reşit Paşa"),
    ("d3", "Ankara"),
    ("d3", "Trabzon"),
    ("d3", "Erzurum"),
    ("d3", "Hadi Paşa"),
    ("d3", "Paşa"),
    ("d4", "Harington"),
    ("d4", "Batum"),
    ("d4", "Tiflis"),
    ("d4", "Bakü"),
    ("d4", "Hadi Paşa"),
    ("d5", "Rumbold"),
    ("d5", "Ankara"),
    ("d5", "Trabzon"),
    ("d5", "Kars"),
    ("d5", "Harington"),
]
PLACES = {"Ankara", "Trabzon", "Kars", "Erzurum", "Batum", "Tiflis", "Bakü"}


def graph() -> tuple[dict[str, NameNode], dict[str, dict[str, dict[str, int]]]]:
    nodes: dict[str, NameNode] = {}
    names: dict[str, dict[str, dict[str, int]]] = {}
    for document, surface in WRITTEN:
        core = core_tuple(surface)
        if surface in PLACES:
            node = NameNode(f"n:place:{' '.join(core)}", "place", core)
        else:
            node = NameNode(f"l:{document}:person:{' '.join(core)}", "person", core, document)
        nodes[node.key] = node
        names.setdefault(document, {}).setdefault(node.key, {})[surface] = 1
    return nodes, names


def every_pair_compared(nodes, names) -> set[tuple[int, str, str, str]]:
    """The definition: every short name against every other name."""
    links = set()
    short = [n for n in nodes.values() if n.document and n.type == "person" and n.core]
    tokens = {d: {context_token(key) for key in found} for d, found in names.items()}
    for a, b in itertools.product(short, nodes.values()):
        if not same_short_name(a, b) or _title_only(a.core):
            continue
        a, b = sorted((a, b), key=lambda n: n.key)
        ranks_a = written_ranks(names[a.document][a.key])
        ranks_b = written_ranks(names[b.document][b.key])
        if ranks_a and ranks_b and not ranks_a & ranks_b:
            continue
        own = {context_token(a.key), context_token(b.key)}
        if agreeing_context(tokens[a.document] - own, tokens[b.document] - own):
            links.add((CONTEXT_LINK, a.key, b.key, min(a.document, b.document)))
    return links


def test_blocks_of_names_find_what_comparing_every_pair_finds() -> None:
    nodes, names = graph()
    found = context_links(nodes.values(), (), lambda documents: {d: names[d] for d in documents})
    assert found == every_pair_compared(nodes, names)
    # and it finds something: 'Harington' of d1, d3 and d5, 'Harrington' of d2 a spelling of it
    assert (CONTEXT_LINK, "l:d1:person:harington", "l:d2:person:harrington", "d1") in found
    assert not any("d4" in link[3] for link in found)  # d4 names other places


def test_known_names_are_compared_as_the_batch_s_own() -> None:
    nodes, names = graph()
    short = [n for n in nodes.values() if n.document in ("d1", "d2")]
    known = [n for n in nodes.values() if n.document not in ("d1", "d2")]
    found = context_links(short, known, lambda documents: {d: names[d] for d in documents})
    expected = {
        link
        for link in every_pair_compared(nodes, names)
        if {nodes[link[1]].document, nodes[link[2]].document} & {"d1", "d2"}
    }
    assert found == expected
