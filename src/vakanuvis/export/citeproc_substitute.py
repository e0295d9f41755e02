"""citeproc-py's `cs:substitute` made to suppress what it substituted, as the CSL specification asks.

CSL 1.0.2, "Substitute": the variables a substitute renders are suppressed in the rest of the output.
citeproc-py 0.11 records a substituted `<text variable="…">` but not a `<text macro="…">`, which is how
APA and Chicago substitute a title for a missing author; an authorless collection then prints its title
twice ("Документы внешней политики СССР (Vol. 3). (1959). Документы внешней политики СССР (Vol. 3).").
`repair_substitute()` makes a substituted macro record every variable its texts render. It is applied
once, before a bibliography is formatted; tests/export/test_bibliography.py fails if citeproc-py changes
so that it is no longer needed or no longer fits.
"""

from __future__ import annotations

from typing import Any

from citeproc import model


def _macro_variables(element: Any, seen: set[str]) -> list[str]:
    """The variables rendered by the `cs:text` elements of `element`, following the macros it calls."""
    variables: list[str] = []
    for node in element.iter():
        if not isinstance(node, model.Text):
            continue
        if node.get("variable"):
            variables.append(node.get("variable"))
        elif (name := node.get("macro")) and name not in seen:
            seen.add(name)
            variables += _macro_variables(node.get_macro(name), seen)
    return variables


def _variable_value(item: Any, variable: str) -> str:
    try:
        return str(item.reference[variable.replace("-", "_")])
    except Exception:  # noqa: BLE001 - citeproc-py raises its own VariableError for an absent variable
        return ""


def _render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    """`Substitute.render` of citeproc-py 0.11, recording what a substituted macro printed: each variable
    of its texts whose value is in the substituted text (a macro such as Chicago's
    "title-and-descriptions" holds the volume too, which it prints later, not in the substitute)."""
    text = None
    for child in self.getchildren():
        try:
            if isinstance(child, model.Names) and child.name is None:
                names = self.xpath_search("./parent::cs:names[1]")[0]
                text = child.render(item, names_context=names, context=context, **kwargs)
            else:
                text = child.render(item, context=context, **kwargs)
        except model.VariableError:
            continue
        if text:
            self.add_to_repressed_list(child, context)
            if isinstance(child, model.Text) and child.get("macro"):
                printed = str(text)
                variables = _macro_variables(child.get_macro(child.get("macro")), set())
                repressed = context.get_layout().repressed.setdefault(child.tag, [])
                for variable in variables:
                    value = _variable_value(item, variable)
                    if value and value in printed:
                        repressed.append(variable)
            break
    return text


def repair_substitute() -> None:
    """Install the fix (idempotent)."""
    if model.Substitute.render is not _render:
        model.Substitute.render = _render  # type: ignore[method-assign]
