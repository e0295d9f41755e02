"""Optional model-based recognizer: a spaCy or GLiNER model the user has installed, never required.

Set `VAKANUVIS_NER_MODEL` to a spaCy package name (e.g. `xx_ent_wiki_sm`) or to `gliner:<model path>`.
Without it, or when the library or the model is missing, no model mentions are added. Nothing is
downloaded: the model must already be on the user's disk.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

from vakanuvis.model import Document, EntityMention, Span

MODEL_ENV = "VAKANUVIS_NER_MODEL"
_LABELS = {
    "PER": "person",
    "PERSON": "person",
    "LOC": "place",
    "GPE": "place",
    "ORG": "organization",
    "NORP": "",
    "person": "person",
    "place": "place",
    "organization": "organization",
    "treaty": "treaty",
    "meeting": "meeting",
}


@cache
def _load(name: str) -> tuple[str, Any] | None:
    try:
        if name.startswith("gliner:"):
            from gliner import GLiNER  # type: ignore[import-not-found]

            return "gliner", GLiNER.from_pretrained(name.removeprefix("gliner:"), local_files_only=True)
        import spacy  # type: ignore[import-not-found]

        return "spacy", spacy.load(name)
    except (ImportError, OSError, ValueError):
        return None


def model_mentions(document: Document) -> list[EntityMention]:
    """Mentions from the configured model over the body text; empty when none is configured."""
    name = os.environ.get(MODEL_ENV)
    loaded = _load(name) if name else None
    if loaded is None:
        return []
    kind, model = loaded
    text = document.text
    found: list[tuple[int, int, str]] = []
    if kind == "spacy":
        found = [(e.start_char, e.end_char, e.label_) for e in model(text).ents]
    else:
        labels = ["person", "place", "organization", "treaty", "meeting"]
        found = [(e["start"], e["end"], e["label"]) for e in model.predict_entities(text, labels)]
    mentions = []
    for start, end, label in found:
        entity_type = _LABELS.get(label, "")
        if entity_type:
            written = text[start:end]
            surface = written.replace("'", "’").split("’")[0]
            mentions.append(EntityMention(Span(start, end), written, surface, entity_type))
    return mentions
