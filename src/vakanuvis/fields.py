"""The flat fields of a record of the data model: the one declaration that its table, its rows and its
public schema are derived from.

A record's dataclass fields are its fields, in order, except that a `Span` stands for three: `start`, `end`
and `footnote` (only `start` and `end` for records that live in the body alone). Lists, dicts and nested
records are fields of their own only where a caller says so (they are stored as JSON); a record's lists of
other records (a document's sentences) are not fields of it.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from operator import attrgetter
from typing import Any

from vakanuvis.model import Span

SCALARS = (str, int, float, bool, date)


@dataclass(frozen=True)
class FlatField:
    name: str
    type: type  # str, int, float, bool, date, list or dict
    optional: bool = False  # None is a value
    default: Any = None  # the dataclass's default, None when it has none
    path: str = ""  # where the value is in the record: "edtf", "span.start"


@cache
def flat_fields(record_type: type, *, span_footnote: bool = True) -> tuple[FlatField, ...]:
    """The flat fields of `record_type`, in declaration order; lists of records are left out."""
    hints = typing.get_type_hints(record_type)
    fields: list[FlatField] = []
    for each in dataclasses.fields(record_type):
        kind, optional = _plain_type(hints[each.name])
        if kind is Span:
            fields += [
                FlatField("start", int, path=f"{each.name}.start"),
                FlatField("end", int, path=f"{each.name}.end"),
            ]
            if span_footnote:
                fields.append(FlatField("footnote", int, optional=True, path=f"{each.name}.footnote"))
        elif kind in SCALARS or kind is dict or (kind is list and not _list_of_records(hints[each.name])):
            default = None if each.default is dataclasses.MISSING else each.default
            if each.default_factory is not dataclasses.MISSING:
                default = each.default_factory()
            fields.append(FlatField(each.name, kind, optional, default, each.name))
    return tuple(fields)


def flat_values(record: Any, *, span_footnote: bool = True) -> dict[str, Any]:
    """The record's values by flat field name."""
    getters = _getters(record.__class__, span_footnote)
    return {name: value(record) for name, value in getters}


@cache
def _getters(record_type: type, span_footnote: bool) -> tuple[tuple[str, attrgetter], ...]:
    return tuple(
        (field.name, attrgetter(field.path))
        for field in flat_fields(record_type, span_footnote=span_footnote)
    )


def from_flat(record_type: type, values: Mapping[Any, Any], **given: Any) -> Any:
    """A record again from its flat values (a stored row's mapping); `given` supplies fields that are not
    flat (a document's lists) or overrides them."""
    hints = typing.get_type_hints(record_type)
    arguments: dict[str, Any] = {}
    for each in dataclasses.fields(record_type):
        if each.name in given:
            arguments[each.name] = given[each.name]
        elif _plain_type(hints[each.name])[0] is Span:
            arguments[each.name] = Span(values["start"], values["end"], values.get("footnote"))
        elif each.name in values:
            value = values[each.name]
            arguments[each.name] = list(value) if isinstance(value, list | tuple) else value
    return record_type(**arguments)


def _plain_type(hint: Any) -> tuple[Any, bool]:
    """(the type without None, whether None is allowed): `str | None` → (str, True), `list[int]` → list."""
    optional = False
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        members = [member for member in typing.get_args(hint) if member is not type(None)]
        optional = len(members) < len(typing.get_args(hint))
        hint = members[0] if len(members) == 1 else object
    origin = typing.get_origin(hint)
    return (origin if origin in (list, dict, tuple) else hint), optional


def _list_of_records(hint: Any) -> bool:
    """A list of dataclass records or of tuples (a document's sentences, its page starts)."""
    arguments = typing.get_args(hint)
    if not arguments:
        return False
    return dataclasses.is_dataclass(arguments[0]) or typing.get_origin(arguments[0]) is tuple
