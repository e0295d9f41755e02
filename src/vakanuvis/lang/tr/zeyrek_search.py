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
from zeyrek.attributes import PhoneticAttribute, RootAttribute

# One-element sets: set operations between sets use the hashes the sets store, while `x in attributes`,
# `.add(x)` and `.discard(x)` call the Enum's hash, a Python function (the search's commonest call).
CANNOT_TERMINATE = frozenset({PhoneticAttribute.CannotTerminate})
EXPECTS_CONSONANT = frozenset({PhoneticAttribute.ExpectsConsonant})
EXPECTS_VOWEL_AND_CANNOT_TERMINATE = frozenset(
    {PhoneticAttribute.ExpectsVowel, PhoneticAttribute.CannotTerminate}
)
# the only attributes `zeyrek.morphotactics.generate_surface` reads
SURFACE_ATTRIBUTES = frozenset(
    {
        PhoneticAttribute.LastLetterVowel,
        PhoneticAttribute.LastVowelBack,
        PhoneticAttribute.LastVowelFrontal,
        PhoneticAttribute.LastVowelUnrounded,
        PhoneticAttribute.LastLetterVoiceless,
    }
)
_NO_SURFACE = "\0"  # generate_surface raised for this transition and attributes: call it again to raise

Check = Callable[[Any], bool]


def compile_condition(condition: Any) -> Check | None:
    """A function with the same answer as `condition.accept(path)` (None: no condition, always passes)."""
    if condition is None:
        return None
    kind = type(condition)
    if kind is zc.HasPhoneticAttribute:
        attribute = frozenset({condition.attribute})
        return lambda path: not attribute.isdisjoint(path.phonetic_attributes)
    if kind is zc.HasRootAttribute and type(condition.attribute) is RootAttribute:
        root_attribute = condition.attribute
        # path.dict_item.has_attribute(attribute), without the two property calls
        return lambda path: root_attribute in path.transitions[0].lexical_transition.dict_item.attributes
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

    __slots__ = ("transition", "state", "has_surface", "last_type", "check")

    def __init__(self, transition: Any) -> None:
        self.transition = transition
        self.state = transition.to_
        self.has_surface = transition.has_surface_form
        last = transition.last_template_token
        self.last_type = last.type_ if last is not None else None
        self.check = compile_condition(transition.condition)


Candidates = list[tuple[_Step, str]]


class _StateSteps:
    """A state's outgoing transitions, and per surface key and first letter of the tail, the transitions whose
    surface could start the tail (in the state's order, with their surfaces)."""

    __slots__ = ("state", "steps", "silent", "by_key")

    def __init__(self, state: Any) -> None:
        self.state = state
        self.steps = [_Step(transition) for transition in state.outgoing]
        # with nothing left to read only transitions without a surface can pass
        self.silent: Candidates = [(step, "") for step in self.steps if not step.has_surface]
        self.by_key: dict[frozenset, tuple[list[tuple[_Step, str]], dict[str, Candidates]]] = {}

    def candidates(self, key: frozenset, attributes: set, first: str) -> Candidates:
        found = self.by_key.get(key)
        if found is None:
            found = ([(step, self._surface(step, attributes)) for step in self.steps], {})
            self.by_key[key] = found
        surfaces, by_letter = found
        chosen = by_letter.get(first)
        if chosen is None:
            # an empty surface (or one that raises) is a candidate for every tail
            chosen = [
                (step, surface) for step, surface in surfaces if not surface or surface[0] in (first, "\0")
            ]
            by_letter[first] = chosen
        return chosen

    @staticmethod
    def _surface(step: _Step, attributes: set) -> str:
        if not step.has_surface:
            return ""
        try:
            return zm.generate_surface(step.transition, attributes)  # type: ignore[no-any-return]
        except ValueError:
            return _NO_SURFACE


class FastRuleBasedAnalyzer(zr.RuleBasedAnalyzer):
    """zeyrek's `RuleBasedAnalyzer` with a search that does the same work without its overheads."""

    def __init__(self, morphotactics: Any) -> None:
        super().__init__(morphotactics)
        self._states: dict[int, _StateSteps] = {}  # by id(state); _StateSteps keeps its state alive
        # (zeyrek's own `advance`, which this search does not call, is left as it is)
        self._suffix_attributes: dict[str, set | None] = {}  # surface → its attributes, None: path-dependent
        self._path_dependent: dict[tuple[str, frozenset], set] = {}

    def analyze(self, word: str) -> list:
        paths = [
            zm.SearchPath.initial(candidate, word[len(candidate.surface) :])
            for candidate in self.stem_transitions.prefix_matches(word)
        ]
        return [zr.parse_analysis(path) for path in self.search(paths)]

    def search(self, current_paths: list) -> list:
        """zeyrek's breadth-first search, its `advance` done inline: the same paths, in the same order."""
        if len(current_paths) > 30:
            current_paths = self.prune_cyclic_paths(current_paths)
        result = []
        states = self._states
        attributes_after = self._attributes_after
        surface_transition_class = zm.SurfaceTransition
        search_path_class = zm.SearchPath
        while current_paths:
            new_paths: list = []
            for path in current_paths:
                tail = path.tail
                attributes_now = path.phonetic_attributes  # changed below as zeyrek changes it: read it live
                if not tail and path.terminal and CANNOT_TERMINATE.isdisjoint(attributes_now):
                    result.append(path)
                    continue
                state_steps = states.get(id(path.current_state))
                if state_steps is None:
                    state_steps = states[id(path.current_state)] = _StateSteps(path.current_state)
                if tail:
                    # generate_surface reads five attributes, which the changes below never touch
                    key = SURFACE_ATTRIBUTES & attributes_now
                    found = state_steps.by_key.get(key)
                    candidates = found[1].get(tail[0]) if found is not None else None
                    if candidates is None:
                        candidates = state_steps.candidates(key, attributes_now, tail[0])
                else:
                    candidates = state_steps.silent
                for step, surface in candidates:
                    if surface:
                        if surface == _NO_SURFACE:
                            zm.generate_surface(step.transition, attributes_now)  # raises, as in zeyrek
                        if not tail.startswith(surface):
                            continue
                    check = step.check
                    if check is not None and not check(path):
                        continue
                    state = step.state
                    attributes = attributes_now
                    if step.has_surface:
                        if tail != surface:
                            attributes = attributes_after(surface, attributes_now)
                        attributes -= CANNOT_TERMINATE
                        last_type = step.last_type
                        if last_type == "LAST_VOICED":
                            attributes |= EXPECTS_CONSONANT
                        elif last_type == "LAST_NOT_VOICED":
                            attributes |= EXPECTS_VOWEL_AND_CANNOT_TERMINATE
                    transitions = path.transitions[:]
                    transitions.append(surface_transition_class(surface, step.transition))
                    new_path = search_path_class(
                        tail[len(surface) :], state, transitions, attributes.copy(), state.terminal
                    )
                    new_path.contains_suffix_with_surface = (
                        path.contains_suffix_with_surface or len(surface) > 0
                    )
                    new_path.contains_derivation = path.contains_derivation or state.derivative
                    new_paths.append(new_path)
            current_paths = new_paths
        return result

    def _attributes_after(self, surface: str, attributes: set) -> set:
        """`calculate_phonetic_attributes(surface, tuple(attributes))`, from a per-surface store when the
        result does not depend on `attributes` (a surface with a vowel), else from one per both."""
        if surface in self._suffix_attributes:
            stored = self._suffix_attributes[surface]
        else:
            has_vowel = any(letter in tr.vowels_lower_set for letter in surface)
            stored = zm.calculate_phonetic_attributes(surface, None) if has_vowel else None
            self._suffix_attributes[surface] = stored
        if stored is None:
            key = (surface, frozenset(attributes))
            stored = self._path_dependent.get(key)
            if stored is None:
                stored = zm.calculate_phonetic_attributes(surface, tuple(attributes))
                self._path_dependent[key] = stored  # type: ignore[assignment]
        return set(stored)  # type: ignore[arg-type]
