"""Per-language data: one YAML file per language and topic, `lang/<code>/<topic>.yaml`.

Topics: `dates`, `entities`, `citations`, `abbreviations`, `quantities`, `events`, `publication`, `header`. A contributor adds a language by adding files, not code.

Beside the data, the handling of text that belongs to a language rather than to one stage: Turkish
casing and morphology (`tr.casing`, `tr.morphology`), Latin forms of Cyrillic text (`latin`), the folds,
one per purpose (`folds`), and the entity words of all languages merged (`entity_words`).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("tr", "az", "ru", "en")


def read_yaml(text: Any) -> Any:
    """A YAML document (text or an open file) read safely, with libyaml when it is there (the same
    documents, parsed several times faster: the language data is read at every start). PyYAML is imported
    here, at the first data read: the query commands, which read none, start without it."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader


@cache
def language_data(language: str, topic: str) -> dict[str, Any]:
    """The data of one language for one topic; an empty dict when the language has none."""
    resource = resources.files(__package__).joinpath(language, f"{topic}.yaml")
    if not resource.is_file():
        return {}
    with resource.open(encoding="utf-8") as handle:
        return read_yaml(handle) or {}


def all_language_data(topic: str) -> dict[str, dict[str, Any]]:
    """`{language: data}` for every language that has data for `topic`."""
    return {code: data for code in LANGUAGES if (data := language_data(code, topic))}
