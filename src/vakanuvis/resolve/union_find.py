"""Union-find over string keys: the parent map is the caller's, so each caller keeps its own joining rule."""

from __future__ import annotations

from collections.abc import Iterable


def root(parent: dict[str, str], key: str) -> str:
    """The representative of `key`'s set (paths halved on the way)."""
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key


def connected(keys: Iterable[str], links: Iterable[tuple]) -> dict[str, str]:
    """Each node's cluster: the smallest key of the nodes linked to it, directly or not (no guard); a link
    is `(anything, key, key)`."""
    parent = {key: key for key in keys}

    for _, a, b in links:
        if a in parent and b in parent:
            root_a, root_b = root(parent, a), root(parent, b)
            if root_a != root_b:
                parent[max(root_a, root_b)] = min(root_a, root_b)
    return {key: root(parent, key) for key in parent}
