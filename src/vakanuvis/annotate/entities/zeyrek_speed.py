"""A faster drop-in for zeyrek 0.1.3's graph search (`RuleBasedAnalyzer`), with the same analyses in the same order.

zeyrek's search spends most of its time on things that do not change its result: it formats every path it
rejects into a debug message (an f-string, built even when the logger is off), builds each suffix's surface
from its template again for every path, and evaluates conditions through generic objects. This search walks
the same paths in the same order, but:

- it logs nothing;
- a suffix's surface depends only on five phonetic attributes of the path, so each state keeps, per
  combination of those five, the surfaces of its outgoing transitions;
- conditions are compiled once into plain functions (the same tests, in the same order);
- a suffix's phonetic attributes are computed once per surface when they do not depend on the path's
  (a surface with a vowel), and handed out as copies.

Everything else (stem candidates, initial paths, the analyses built from accepted paths) is zeyrek's own code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from zeyrek import conditions as zc
from zeyrek import morphotactics as zm
from zeyrek import rulebasedanalyzer as zr
from zeyrek import tr
from zeyrek.attributes import PhoneticAttribute

CANNOT_TERMINATE = PhoneticAttribute.CannotTerminate
EXPECTS_CONSONANT = PhoneticAttribute.ExpectsConsonant
EXPECTS_VOWEL = PhoneticAttribute.ExpectsVowel
# the only attributes `zeyrek.morphotactics.generate_surface` reads
SURFACE_ATTRIBUTES = (
    PhoneticAttribute.LastLetterVowel,
    PhoneticAttribute.LastVowelBack,
    PhoneticAttribute.LastVowelFrontal,
    PhoneticAttribute.LastVowelUnrounded,
    PhoneticAttribute.LastLetterVoiceless,
)
_NO_SURFACE = object()  # generate_surface raised for this transition and attributes: call it again to raise

Check = Callable[[Any], bool]


def compile_condition(condition: Any) -> Check | None:
    """A function with the same answer as `condition.accept(path)` (None: no condition, always passes)."""
    if condition is None:
        return None
    kind = type(condition)
    if kind is zc.HasPhoneticAttribute:
        attribute = condition.attribute
        return lambda path: attribute in path.phonetic_attributes
    if kind is zc.NotCondition:
        inner = compile_condition(condition.condition)
        if inner is None:  # zeyrek would fail on a missing inner condition; keep its error
            return condition.accept  # type: ignore[no-any-return]
        return lambda path: not inner(path)
    if kind is zc.CombinedCondition:
        parts = condition.conditions
        if len(parts) == 0:
            return lambda path: True
        checks = [compile_condition(part) for part in parts]
        if any(check is None for check in checks):
            return condition.accept  # type: ignore[no-any-return]
        if len(checks) == 1:
            return checks[0]
        if condition.operator == "AND":

            def all_pass(path: Any) -> bool:
                for check in checks:
                    if not check(path):  # type: ignore[misc]
                        return False
                return True

            return all_pass

        def any_passes(path: Any) -> bool:
            for check in checks:
                if check(path):  # type: ignore[misc]
                    return True
            return False

        return any_passes
    return condition.accept  # type: ignore[no-any-return]


class _Step:
    """What the search needs of one suffix transition, computed once."""

    __slots__ = ("transition", "state", "has_surface", "last_type", "check", "surfaces")

    def __init__(self, transition: Any) -> None:
        self.transition = transition
        self.state = transition.to_
        self.has_surface = transition.has_surface_form
        last = transition.last_template_token
        self.last_type = last.type_ if last is not None else None
        self.check = compile_condition(transition.condition)
        self.surfaces: dict[tuple[bool, ...], Any] = {}


class FastRuleBasedAnalyzer(zr.RuleBasedAnalyzer):
    """zeyrek's `RuleBasedAnalyzer` with a search that does the same work without its overheads."""

    def __init__(self, morphotactics: Any) -> None:
        super().__init__(morphotactics)
        self._steps: dict[int, tuple[list[_Step], list[_Step]]] = {}  # id(state) → (all, without surface)
        self._states: list[Any] = []  # keeps the states whose ids are keys above alive
        self._suffix_attributes: dict[str, set | None] = {}  # surface → its attributes, None: path-dependent

    def analyze(self, word: str) -> list:
        paths = [
            zm.SearchPath.initial(candidate, word[len(candidate.surface) :])
            for candidate in self.stem_transitions.prefix_matches(word)
        ]
        return [zr.parse_analysis(path) for path in self.search(paths)]

    def search(self, current_paths: list) -> list:
        if len(current_paths) > 30:
            current_paths = self.prune_cyclic_paths(current_paths)
        result = []
        advance = self.advance
        while current_paths:
            all_new_paths: list = []
            for path in current_paths:
                if not path.tail and path.terminal and CANNOT_TERMINATE not in path.phonetic_attributes:
                    result.append(path)
                    continue
                all_new_paths.extend(advance(path))
            current_paths = all_new_paths
        return result

    def _steps_of(self, state: Any) -> tuple[list[_Step], list[_Step]]:
        found = self._steps.get(id(state))
        if found is None:
            steps = [_Step(transition) for transition in state.outgoing]
            found = (steps, [step for step in steps if not step.has_surface])
            self._steps[id(state)] = found
            self._states.append(state)
        return found

    def _attributes_after(self, surface: str, attributes: set) -> set:
        """`calculate_phonetic_attributes(surface, tuple(attributes))`, from a per-surface store when the
        result does not depend on `attributes` (a surface with a vowel)."""
        if surface in self._suffix_attributes:
            stored = self._suffix_attributes[surface]
        else:
            has_vowel = any(letter in tr.vowels_lower_set for letter in surface)
            stored = zm.calculate_phonetic_attributes(surface, None) if has_vowel else None
            self._suffix_attributes[surface] = stored
        if stored is None:
            return zm.calculate_phonetic_attributes(surface, tuple(attributes))  # type: ignore[no-any-return]
        return set(stored)

    def advance(self, path: Any) -> list:
        new_paths = []
        tail = path.tail
        attributes_now = path.phonetic_attributes  # may be changed below, as zeyrek does (read it live)
        all_steps, silent_steps = self._steps_of(path.current_state)
        if not tail:
            steps = silent_steps
            key: tuple[bool, ...] = ()
        else:
            steps = all_steps
            key = tuple(attribute in attributes_now for attribute in SURFACE_ATTRIBUTES)
        surface_transition_class = zm.SurfaceTransition
        search_path_class = zm.SearchPath
        surface: Any
        for step in steps:
            transition = step.transition
            if step.has_surface:
                surface = step.surfaces.get(key)
                if surface is None:
                    try:
                        surface = zm.generate_surface(transition, path.phonetic_attributes)
                    except ValueError:
                        surface = _NO_SURFACE
                    step.surfaces[key] = surface
                if surface is _NO_SURFACE:
                    zm.generate_surface(transition, path.phonetic_attributes)  # raises, as in zeyrek
                if not tail.startswith(surface):
                    continue
            else:
                surface = ""
            if step.check is not None and not step.check(path):
                continue
            state = step.state
            if not step.has_surface:
                attributes = path.phonetic_attributes
            else:
                attributes = (
                    path.phonetic_attributes
                    if tail == surface
                    else self._attributes_after(surface, path.phonetic_attributes)
                )
                attributes.discard(CANNOT_TERMINATE)
                last_type = step.last_type
                if last_type == "LAST_VOICED":
                    attributes.add(EXPECTS_CONSONANT)
                elif last_type == "LAST_NOT_VOICED":
                    attributes.add(EXPECTS_VOWEL)
                    attributes.add(CANNOT_TERMINATE)
            transitions = path.transitions[:]
            transitions.append(surface_transition_class(surface, transition))
            new_path = search_path_class(
                tail[len(surface) :], state, transitions, attributes.copy(), state.terminal
            )
            new_path.contains_suffix_with_surface = path.contains_suffix_with_surface or len(surface) > 0
            new_path.contains_derivation = path.contains_derivation or state.derivative
            new_paths.append(new_path)
        return new_paths
