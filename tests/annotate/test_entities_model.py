"""The optional model recognizer is never required: absent or broken models add nothing."""

from __future__ import annotations

import pytest

from vakanuvis.annotate.entities import find_mentions
from vakanuvis.annotate.entities.recognizer import MODEL_ENV, model_mentions
from vakanuvis.model import Document

TEXT = "Mustafa Kemal Bakü’ye gitmedi."


@pytest.mark.parametrize("setting", [None, "no_such_spacy_model_xx", "gliner:/no/such/path"])
def test_missing_models_add_no_mentions(monkeypatch: pytest.MonkeyPatch, setting: str | None) -> None:
    if setting is None:
        monkeypatch.delenv(MODEL_ENV, raising=False)
    else:
        monkeypatch.setenv(MODEL_ENV, setting)
    document = Document(id="t", path="t.txt", sha256="", text=TEXT)
    assert model_mentions(document) == []
    assert [(m.surface, m.type) for m in find_mentions(document)] == [
        ("Mustafa Kemal", "person"),
        ("Bakü", "place"),
    ]
