"""Union-find over string keys: the parent map is the caller's, so each caller keeps its own joining rule."""

from __future__ import annotations


def root(parent: dict[str, str], key: str) -> str:
    """The representative of `key`'s set (paths halved on the way)."""
    while parent[key] != key:
        parent[key] = parent[parent[key]]
        key = parent[key]
    return key
