"""Checks kept per document: a document is checked again only when what its checks read has changed.

What the per-document rules read: the document as stored (its content never changes but by a new version,
which is a new row: content hash and time of storing), the entity keys resolution and merges give its
mentions, the work keys of its citations, the dates that edits correct, and of the entities its mentions
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
from typing import TYPE_CHECKING, Any

from vakanuvis.check.anachronism import STATE_TYPES, containing_state, dated_names
from vakanuvis.model import Entity

if TYPE_CHECKING:
    from vakanuvis.store.findings import StoredInputs

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
        self.entities = entities
        self.dated = dated_names(entities)
        self.code = code_fingerprint()

    def _entity(self, key: str) -> Any:
        entity = self.entities.get(key)
        return None if entity is None else [entity.type, entity.name, entity.start, entity.end]

    def digest(self, document_id: str, inputs: StoredInputs) -> str:
        named = sorted({key for key, _, _ in inputs.mentions if key})
        states = []
        for key, _, surface in inputs.mentions:
            entity = self.entities.get(key)
            if entity is not None and entity.type in STATE_TYPES and not (entity.start or entity.end):
                state = containing_state(surface, self.dated)
                states.append(None if state is None else [state.key, state.name, state.start, state.end])
        content = [
            self.code,
            document_id,
            list(inputs.stored),
            [key for key, _, _ in inputs.mentions],
            [[key, self._entity(key)] for key in named],
            states,
            inputs.source_keys,
            inputs.date_edits,
        ]
        return hashlib.sha1(json.dumps(content, default=str).encode()).hexdigest()
