"""Checks kept per document: a document is checked again only when what its checks read has changed.

What the per-document rules read: the document as stored (its content never changes but by a new version,
which is a new row: content hash and time of storing), the entity keys resolution and merges give its
mentions, which of its citations resolution made one work, the dates that edits correct, and of the entities its mentions
name their type, name and existence dates; the anachronism rule also reads, for an organization without
dates of its own, the dated organization whose name opens the mention ("SSCB hükümeti"). A digest of all
that (and of the code and language data the checks run with) keys the findings kept for the document.
The cross-document rule (conflicting dates) reads only each document's `Occurrence`s, kept with its
findings, and is run again over all of them: it compares what every document says.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from vakanuvis.check.anachronism import containing_state, dated_names
from vakanuvis.model import Entity

if TYPE_CHECKING:
    from vakanuvis.store.findings import StoredInputs

SEPARATOR = "\x1f"  # between the keys of StoredInputs (store.findings.SEPARATOR)

PACKAGE = Path(__file__).resolve().parents[1]
LEFT_OUT = ("web",)  # what the checks never read


@cache
def code_fingerprint() -> str:
    """A digest of the package's code and language data: other code may find other findings."""
    digest = hashlib.sha1()
    for path in sorted(PACKAGE.rglob("*")):
        relative = path.relative_to(PACKAGE)
        if not path.is_file() or relative.parts[0] in LEFT_OUT or "__pycache__" in relative.parts:
            continue
        digest.update(str(relative).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


class InputDigests:
    """The digest of what each document's checks read, given the corpus's entities."""

    def __init__(self, entities: dict[str, Entity]) -> None:
        self.entities = {
            key: "\x1e".join(str(value) for value in (key, e.type, e.name, e.start, e.end))
            for key, e in entities.items()
        }
        self.dated = dated_names(entities)
        self.states: dict[str, str] = {}  # surface -> the dated state whose name opens it
        self.code = code_fingerprint().encode()

    def _state(self, surface: str) -> str:
        if surface not in self.states:
            state = containing_state(surface, self.dated)
            self.states[surface] = "" if state is None else self.entities.get(state.key, state.key)
        return self.states[surface]

    def digest(self, document_id: str, inputs: StoredInputs) -> str:
        digest = hashlib.sha1(self.code)
        parts = [document_id, *inputs.stored, inputs.entity_keys]
        parts += [self.entities.get(key, "") for key in sorted(set(inputs.entity_keys.split(SEPARATOR)))]
        parts += [surface + "\x1e" + self._state(surface) for surface in inputs.organizations]
        parts.append(json.dumps(_pattern(inputs.source_keys.split(SEPARATOR)) if inputs.source_keys else []))
        parts.append(json.dumps(inputs.date_edits, default=str))
        digest.update("\x1d".join(parts).encode())
        return digest.hexdigest()


def _pattern(keys: list[str]) -> list[int | None]:
    """Which of the keys are equal (each as the place of its first), and which are missing: all the checks
    read of the work keys of a document's citations ("one work?"). Resolving a new document gives a
    cluster of works another key often; the same citations stay one work or two."""
    first: dict[str, int] = {}
    return [first.setdefault(key, index) if key else None for index, key in enumerate(keys)]
