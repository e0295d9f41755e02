"""The command line's plain values, kept without pydantic, equal what typer's own converters give."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest
import typer

from vakanuvis.cli import app
from vakanuvis.cli_values import PlainValue

_coercion = pytest.importorskip("typer._coercion", reason="a typer without pydantic adapters")

VALUES: list[Any] = [
    "",
    "x",
    "vakanuvis.db",
    "Nahçıvan",
    " 7 ",
    "20",
    "-1",
    "0",
    0,
    1,
    20,
    50,
    -3,
    True,
    False,
]


def every_parameter() -> list[tuple[Any, Any]]:
    group = typer.main.get_command(app)
    return [
        (command, param)
        for command in [group, *group.commands.values()]  # type: ignore[attr-defined]
        for param in command.params
        if hasattr(param, "type_descriptor")
    ]


def converted(converter: Any, value: Any, param: Any, ctx: Any) -> Any:
    try:
        return ("value", converter.coerce(value, param=param, ctx=ctx))
    except Exception as error:  # the same refusal, in the same words
        return ("refused", type(error).__name__, str(error))


@pytest.mark.parametrize(("command", "param"), every_parameter(), ids=lambda p: getattr(p, "name", None))
def test_plain_values_are_what_typer_makes_of_them(command, param):
    ctx = typer.Context(command)
    plain = PlainValue(_coercion.build_runtime_param)
    for value in [*VALUES, param.default]:
        typers_own = _coercion.build_runtime_param(param.type_descriptor)
        assert converted(plain, value, param, ctx) == converted(typers_own, value, param, ctx), (
            param.name,
            value,
        )


def test_a_query_command_imports_no_pydantic(tmp_path):
    """`documents` and `search` convert only plain values: pydantic, some 0.09 s to load, stays unloaded."""
    probe = (
        "import sys; from vakanuvis.cli import main\n"
        "import atexit; atexit.register(lambda: print('pydantic' in sys.modules, file=sys.stderr))\n"
        "main()"
    )
    db = str(tmp_path / "kb.db")
    for args in (["documents", "--db", db], ["search", "Nahçıvan", "--db", db]):
        result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        assert result.stderr.strip() == "False"
