"""The words of institutional names in the languages a spreadsheet mixes, by the English word they stand
for (`name_translations.yaml`): what lets reconciliation see that 'Traité de Kars' is 'Kars Antlaşması'."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from vakanuvis.lang import read_yaml


@dataclass(frozen=True)
class NameTranslations:
    words: dict[str, str]  # a written word (lower case) → the English word it stands for
    empty: frozenset[str]  # articles, prepositions, izafet: no part of what a name says
    qualifiers: frozenset[str]  # 'Turkish', 'Ottoman': whose the thing is, which a name may leave out
    titles: frozenset[str]  # titles of rank in other transcriptions: 'Pacha', 'Hanoum'


@cache
def name_translations() -> NameTranslations:
    resource = resources.files(__package__).joinpath("name_translations.yaml")
    with resource.open(encoding="utf-8") as handle:
        data = read_yaml(handle)
    words = {str(written).lower(): meaning for meaning, forms in data["words"].items() for written in forms}
    return NameTranslations(
        words=words,
        empty=frozenset(str(w).lower() for w in data["empty"]),
        qualifiers=frozenset(str(w).lower() for w in data["qualifiers"]),
        titles=frozenset(str(w).lower() for w in data["titles"]),
    )
