"""Command-line values that need no converting, passed through without pydantic.

typer 0.29 checks every option's value with a pydantic TypeAdapter, built at the first value it sees:
importing pydantic and building the adapters cost a query command some 0.09 s of CPU, a third of its run.
A text option's value is already the text it should be, and a default is already of its type; for these
`PlainValue` answers as typer would without pydantic. Any other value (a number typed on the command
line, a path, a list) is still converted by typer itself. tests/test_cli_values.py checks that both give
the same values; with a typer that has no such adapters this changes nothing.
"""

from __future__ import annotations

from typing import Any


class PlainValue:
    """Stands in for typer's converter of one parameter: a str value, or a default already of the
    parameter's type, is kept as it is; anything else goes to typer's own converter, built when needed."""

    def __init__(self, build_typer_converter: Any) -> None:
        self.build_typer_converter = build_typer_converter
        self.typer_converter: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        descriptor = param.type_descriptor
        if not (param.multiple or param.nargs == -1):
            if value is None:
                return None
            annotation = descriptor.annotation
            if annotation is str and type(value) is str:
                return value
            if annotation in (int, bool) and type(value) is annotation and within(value, param):
                return value
        if self.typer_converter is None:
            self.typer_converter = self.build_typer_converter(descriptor)
        return self.typer_converter.coerce(value, param=param, ctx=ctx)


def within(value: int, param: Any) -> bool:
    info = param.type_descriptor.parameter_info
    return (info.min is None or value >= info.min) and (info.max is None or value <= info.max)


def convert_plain_values_without_pydantic() -> None:
    """From now on typer's parameters keep plain values as they are (`PlainValue`); a typer without
    pydantic adapters is left as it is."""
    try:
        from typer._coercion import build_runtime_param
        from typer.core import _TyperParameter
    except ImportError:
        return
    if not hasattr(_TyperParameter, "get_runtime_param"):
        return

    def get_runtime_param(param: Any) -> Any:
        if param._runtime_param is None:
            param._runtime_param = PlainValue(build_runtime_param)
        return param._runtime_param

    _TyperParameter.get_runtime_param = get_runtime_param  # type: ignore[method-assign,assignment]
