"""Two places where citeproc-py 0.11 departs from the CSL specification, set right before a bibliography
is formatted (`repair_citeproc()`); tests/export/test_bibliography.py shows each one's effect.

`cs:substitute` suppresses what it substituted.

CSL 1.0.2, "Substitute": the variables a substitute renders are suppressed in the rest of the output.
citeproc-py 0.11 records a substituted `<text variable="…">` but not a `<text macro="…">`, which is how
APA and Chicago substitute a title for a missing author; an authorless collection then prints its title
twice ("Документы внешней политики СССР (Vol. 3). (1959). Документы внешней политики СССР (Vol. 3).").
Here a substituted macro suppresses the variables of its texts that it printed.

`cs:label` with a variable prints nothing when the item lacks the variable (CSL 1.0.2, "Label"):
citeproc-py prints the term anyway, so Chicago ends every newspaper with "Edition." for an absent edition.
"""

from __future__ import annotations

from typing import Any

from citeproc import model


def _text_variables(element: Any, seen: set[str]) -> list[tuple[str, str]]:
    """(tag, variable) of each `cs:text` in `element` (itself included) that renders a variable, following
    the macros it calls."""
    variables: list[tuple[str, str]] = []
    for node in element.iter():
        if not isinstance(node, model.Text):
            continue
        if node.get("variable"):
            variables.append((node.tag, node.get("variable")))
        elif (name := node.get("macro")) and name not in seen:
            seen.add(name)
            variables += _text_variables(node.get_macro(name), seen)
    return variables


def _variable_value(item: Any, variable: str) -> str:
    try:
        return str(item.reference[variable.replace("-", "_")])
    except Exception:  # noqa: BLE001 - citeproc-py raises its own VariableError for an absent variable
        return ""


def _render(self: Any, item: Any, context: Any = None, **kwargs: Any) -> Any:
    """`Substitute.render` of citeproc-py 0.11, recording what a substituted macro (or choice) printed:
    each variable of its texts whose value is in the substituted text (a macro such as Chicago's
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
            if not isinstance(child, model.Names):  # a macro, a choice or a group of texts
                printed = str(text)
                repressed = context.get_layout().repressed
                for tag, variable in _text_variables(child, set()):
                    value = _variable_value(item, variable)
                    if value and value in printed:
                        repressed.setdefault(tag, []).append(variable)
            break
    return text


_label_process = model.Label.process
RELEASED = {"Substitute.render": model.Substitute.render, "Label.process": model.Label.process}


def _label_of_present_variable(
    self: Any, item: Any, variable: Any = None, plural: Any = None, context: Any = None, **kwargs: Any
) -> Any:
    """`Label.process`, nothing for a variable the item does not have (the locator and the names, whose
    labels citeproc-py asks for itself, are its own business)."""
    named = self.get("variable")
    if variable is None and named and named != "locator" and not _variable_value(item, named):
        return None
    return _label_process(self, item, variable, plural, context, **kwargs)


def undo_repairs() -> None:
    """citeproc-py as released (to show what the repairs change)."""
    model.Substitute.render = RELEASED["Substitute.render"]  # type: ignore[method-assign]
    model.Label.process = RELEASED["Label.process"]  # type: ignore[method-assign]


def repair_citeproc() -> None:
    """Install both repairs (idempotent)."""
    model.Substitute.render = _render  # type: ignore[method-assign]
    model.Label.process = _label_of_present_variable  # type: ignore[method-assign]
