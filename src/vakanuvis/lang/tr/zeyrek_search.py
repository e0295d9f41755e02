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
  (a surface with a vowel), and handed out as copies;
- each path carries its state's steps and its surface key, each step keeps one SurfaceTransition per
  surface (zeyrek makes a new one, with the same two fields, per path), and the initial paths are made
  directly, one root SurfaceTransition per stem;
- a path is not made when its tail starts with a letter that no surface reachable from its state through
  transitions of empty surface can start with (`_first_letters`, kept per state and surface key): such a
  path is never accepted, and about half of the paths zeyrek makes for a word are such;
- `analysis_tuples` makes what `vakanuvis.lang.tr.morphology` keeps of an analysis straight from the
  accepted path, without zeyrek's `parse_analysis` and its named tuples.

The stem candidates (zeyrek's prefix order), the graph, the conditions' logic and the order of the paths
are zeyrek's; tests/lang/test_tr_morphology.py compares the analyses with zeyrek's own search on 20,000
real words.
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
_NO_SURFACE = "\0"
_ANY_LETTER = "any letter"  # `_first_letters` when a surface raises: no tail is ruled out  # generate_surface raised for this transition and attributes: call it again to raise

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
        root_attribute = frozenset({condition.attribute})
        # path.dict_item.has_attribute(attribute), without the two property calls (a lexicon item's
        # attributes are a set; `in` would call the Enum's hash)
        return lambda path: (
            not root_attribute.isdisjoint(path.transitions[0].lexical_transition.dict_item.attributes)
        )
    if kind is zc.NotCondition:
        negated = condition.condition
        # the two commonest negations, without a call for the inner condition
        if type(negated) is zc.HasPhoneticAttribute:
            attribute = frozenset({negated.attribute})
            return lambda path: attribute.isdisjoint(path.phonetic_attributes)
        if type(negated) is zc.HasRootAttribute and type(negated.attribute) is RootAttribute:
            root_attribute = frozenset({negated.attribute})
            return lambda path: root_attribute.isdisjoint(
                path.transitions[0].lexical_transition.dict_item.attributes
            )
        inner = compile_condition(negated)
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
    if kind is zc.HasTail:
        return lambda path: len(path.tail) != 0
    if kind is zc.DictionaryItemIs:
        item = condition.dict_item
        if item is None:
            return lambda path: False
        # path.dict_item == item, without the two property calls
        return lambda path: path.transitions[0].lexical_transition.dict_item == item  # type: ignore[no-any-return]
    if kind is zc.SecondaryPosIs:
        pos = condition.pos
        return lambda path: path.transitions[0].lexical_transition.dict_item.secondary_pos == pos  # type: ignore[no-any-return]
    if kind is zc.LastDerivationIs:
        return _last_derivation_is(condition.state)
    if kind is zc.NoSurfaceAfterDerivation:
        return _no_surface_after_derivation
    if kind is zc.ContainsMorpheme and all(type(m) is zm.Morpheme for m in condition.morphemes):
        # zeyrek's Morpheme compares by id: `morpheme in morphemes` is a test of its id
        ids = frozenset(m.id_ for m in condition.morphemes)
        return lambda path: any(t.lexical_transition.to_.morpheme.id_ in ids for t in path.transitions)
    return condition.accept  # type: ignore[no-any-return]


def _last_derivation_is(wanted: Any) -> Check:
    def check(path: Any) -> bool:
        for transition in reversed(path.transitions):
            state = transition.lexical_transition.to_
            if state.derivative:
                return state == wanted  # type: ignore[no-any-return]
        return False

    return check


def _no_surface_after_derivation(path: Any) -> bool:
    for transition in reversed(path.transitions):
        state = transition.lexical_transition.to_
        if state.derivative or state.pos_root:
            return True
        if len(transition.surface) != 0:
            return False
    return True


class _Step:
    """What the search needs of one suffix transition, computed once."""

    __slots__ = ("transition", "state", "has_surface", "last_type", "check", "next", "derivative", "made")

    def __init__(self, transition: Any) -> None:
        self.transition = transition
        self.state = transition.to_
        self.has_surface = transition.has_surface_form
        last = transition.last_template_token
        self.last_type = last.type_ if last is not None else None
        self.check = compile_condition(transition.condition)
        self.next: _StateSteps | None = None  # the state's own steps, looked up at the first use
        self.derivative = transition.to_.derivative
        # one SurfaceTransition per surface: zeyrek makes a new one per path, with the same two fields
        self.made: dict[str, Any] = {}


# (step, surface, the SurfaceTransition a path gets through it)
Candidates = list[tuple[_Step, str, Any]]


class _StateSteps:
    """A state's outgoing transitions, and per surface key and first letter of the tail, the transitions whose
    surface could start the tail (in the state's order, with their surfaces)."""

    __slots__ = ("state", "steps", "silent", "by_key")

    def __init__(self, state: Any) -> None:
        self.state = state
        self.steps = [_Step(transition) for transition in state.outgoing]
        # with nothing left to read only transitions without a surface can pass
        self.silent: Candidates = [_candidate(step, "") for step in self.steps if not step.has_surface]
        self.by_key: dict[frozenset, tuple[Candidates, dict[str, Candidates]]] = {}

    def candidates(self, key: frozenset, attributes: set, first: str) -> Candidates:
        found = self.by_key.get(key)
        if found is None:
            found = ([_candidate(step, self._surface(step, attributes)) for step in self.steps], {})
            self.by_key[key] = found
        surfaces, by_letter = found
        chosen = by_letter.get(first)
        if chosen is None:
            # an empty surface (or one that raises) is a candidate for every tail
            chosen = [entry for entry in surfaces if not entry[1] or entry[1][0] in (first, "\0")]
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


def _candidate(step: _Step, surface: str) -> tuple[_Step, str, Any]:
    made = step.made.get(surface)
    if made is None:
        made = step.made[surface] = zm.SurfaceTransition(surface, step.transition)
    return step, surface, made


# zeyrek's parse_analysis leaves these two morphemes out (it compares morphemes by id)
_LEFT_OUT = frozenset({zm.nom.id_, zm.pnon.id_})


class FastRuleBasedAnalyzer(zr.RuleBasedAnalyzer):
    """zeyrek's `RuleBasedAnalyzer` with a search that does the same work without its overheads."""

    def __init__(self, morphotactics: Any) -> None:
        super().__init__(morphotactics)
        self._states: dict[int, _StateSteps] = {}  # by id(state); _StateSteps keeps its state alive
        # by id(stem transition): (the stem transition, its SurfaceTransition, its state's steps)
        self._roots: dict[int, tuple[Any, Any, _StateSteps]] = {}
        # (zeyrek's own `advance`, which this search does not call, is left as it is)
        # surface → (its attributes, their surface key), None: path-dependent
        self._suffix_attributes: dict[str, tuple[set, frozenset] | None] = {}
        self._path_dependent: dict[tuple[str, frozenset], tuple[set, frozenset]] = {}
        # (state's steps, surface key) → the letters a tail must start with there (`_first_letters`)
        self._first_letters_of: dict[tuple[_StateSteps, frozenset], frozenset | str] = {}

    def analyze(self, word: str) -> list:
        return [zr.parse_analysis(path) for path in self.search(self._initial_paths(word))]

    def analysis_tuples(self, word: str) -> list[tuple]:
        """What `vakanuvis.lang.tr.morphology` keeps of `analyze(word)`'s analyses, in their order, made
        from the accepted paths directly: (lemma, primary pos, secondary pos is "Prop", ((morpheme id,
        surface, derivational), ...)) with the morphemes parse_analysis keeps."""
        found = []
        for path in self.search(self._initial_paths(word)):
            item = path.transitions[0].lexical_transition.dict_item
            morphemes = []
            for transition in path.transitions:
                morpheme = transition.lexical_transition.to_.morpheme
                if morpheme.id_ not in _LEFT_OUT:
                    morphemes.append((morpheme.id_, transition.surface, morpheme.derivational))
            found.append(
                (
                    item.lemma,
                    item.primary_pos.value,
                    getattr(item.secondary_pos, "value", None) == "Prop",
                    tuple(morphemes),
                )
            )
        return found

    def _initial_paths(self, word: str) -> list:
        """`SearchPath.initial` of each stem the word starts with (zeyrek's `prefix_matches` order), each
        with its own copy of the stem's attributes; each path also gets its state's steps and surface key."""
        single = self.stem_transitions.single_stems
        multi = self.stem_transitions.multi_stems
        roots = self._roots
        new = object.__new__
        search_path_class = zm.SearchPath
        paths = []
        for end in range(1, len(word) + 1):
            prefix = word[:end]
            if prefix in single:
                stems = [single.get(prefix)]
            elif prefix in multi:
                stems = multi.get(prefix)
            else:
                continue
            for stem in stems:
                known = roots.get(id(stem))
                if known is None or known[0] is not stem:
                    state = stem.to_
                    known = roots[id(stem)] = (
                        stem,
                        zm.SurfaceTransition(stem.surface, stem),
                        self._steps_of(state),
                    )
                # SearchPath.initial(stem, tail), with its own copy of the stem's attributes
                attributes = set(stem.attrs)
                state = stem.to_
                path = new(search_path_class)
                path.tail = word[len(stem.surface) :]
                path.current_state = state
                path.transitions = [known[1]]
                path.phonetic_attributes = attributes
                path.terminal = state.terminal
                path.contains_derivation = False
                path.contains_suffix_with_surface = False
                path.steps = known[2]
                path.key = SURFACE_ATTRIBUTES & attributes
                paths.append(path)
        return paths

    def _steps_of(self, state: Any) -> _StateSteps:
        found = self._states.get(id(state))
        if found is None:
            found = self._states[id(state)] = _StateSteps(state)
        return found

    def search(self, current_paths: list) -> list:
        """zeyrek's breadth-first search, its `advance` done inline: the same paths, in the same order.
        Paths are those of `_initial_paths` (with their steps and surface key)."""
        if len(current_paths) > 30:
            current_paths = self.prune_cyclic_paths(current_paths)
        result = []
        attributes_after = self._attributes_after
        steps_of = self._steps_of
        first_letters = self._first_letters_of
        new = object.__new__
        search_path_class = zm.SearchPath
        while current_paths:
            new_paths: list = []
            for path in current_paths:
                tail = path.tail
                attributes_now = path.phonetic_attributes  # changed below as zeyrek changes it: read it live
                if tail:
                    # generate_surface reads five attributes, which the changes below never touch
                    key = path.key
                    state_steps = path.steps
                    found = state_steps.by_key.get(key)
                    candidates = found[1].get(tail[0]) if found is not None else None
                    if candidates is None:
                        candidates = state_steps.candidates(key, attributes_now, tail[0])
                elif path.terminal and CANNOT_TERMINATE.isdisjoint(attributes_now):
                    result.append(path)
                    continue
                else:
                    key = None
                    candidates = path.steps.silent
                for step, surface, surface_transition in candidates:
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
                    new_key = key
                    if step.has_surface:
                        if tail != surface:
                            attributes, new_key = attributes_after(surface, attributes_now)
                        attributes -= CANNOT_TERMINATE
                        last_type = step.last_type
                        if last_type == "LAST_VOICED":
                            attributes |= EXPECTS_CONSONANT
                        elif last_type == "LAST_NOT_VOICED":
                            attributes |= EXPECTS_VOWEL_AND_CANNOT_TERMINATE
                    new_tail = tail[len(surface) :]
                    next_steps = step.next
                    if next_steps is None:
                        next_steps = step.next = steps_of(state)
                    if new_tail:
                        # a path that can never read its tail's first letter adds nothing: it is not made
                        letters = first_letters.get((next_steps, new_key))
                        if letters is None:
                            letters = self._first_letters(next_steps, new_key)  # type: ignore[arg-type]
                        if letters is not _ANY_LETTER and new_tail[0] not in letters:
                            continue
                    transitions = path.transitions[:]
                    transitions.append(surface_transition)
                    # SearchPath(tail, state, transitions, attributes.copy(), state.terminal) and its two flags
                    new_path = new(search_path_class)
                    new_path.tail = new_tail
                    new_path.current_state = state
                    new_path.transitions = transitions
                    new_path.phonetic_attributes = attributes.copy()
                    new_path.terminal = state.terminal
                    new_path.contains_derivation = path.contains_derivation or step.derivative
                    new_path.contains_suffix_with_surface = (
                        path.contains_suffix_with_surface or len(surface) > 0
                    )
                    new_path.steps = next_steps
                    new_path.key = new_key
                    new_paths.append(new_path)
            current_paths = new_paths
        return result

    def _first_letters(self, steps: _StateSteps, key: frozenset) -> frozenset | str:
        """The letters a tail can start with for a path in this state with this surface key to read any of
        it: the first letters of the surfaces of the transitions from the state, and from every state it
        reaches through transitions of empty surface (which keep the tail and the key), conditions left
        aside. A path whose tail starts otherwise is never accepted. `_ANY_LETTER` when a surface there
        raises (the search then meets zeyrek's error as zeyrek does)."""
        letters: set[str] = set()
        seen = {id(steps)}
        waiting = [steps]
        attributes = set(key)
        while waiting:
            state_steps = waiting.pop()
            for step in state_steps.steps:
                surface = state_steps._surface(step, attributes)
                if surface == _NO_SURFACE:
                    self._first_letters_of[(steps, key)] = _ANY_LETTER
                    return _ANY_LETTER
                if surface:
                    letters.add(surface[0])
                    continue
                following = step.next
                if following is None:
                    following = step.next = self._steps_of(step.state)
                if id(following) not in seen:
                    seen.add(id(following))
                    waiting.append(following)
        found = frozenset(letters)
        self._first_letters_of[(steps, key)] = found
        return found

    def _attributes_after(self, surface: str, attributes: set) -> tuple[set, frozenset]:
        """`calculate_phonetic_attributes(surface, tuple(attributes))` and its surface key, from a
        per-surface store when the result does not depend on `attributes` (a surface with a vowel), else
        from one per both."""
        if surface in self._suffix_attributes:
            stored = self._suffix_attributes[surface]
        else:
            has_vowel = any(letter in tr.vowels_lower_set for letter in surface)
            stored = None
            if has_vowel:
                computed = zm.calculate_phonetic_attributes(surface, None)
                stored = (computed, SURFACE_ATTRIBUTES & computed)
            self._suffix_attributes[surface] = stored
        if stored is None:
            key = (surface, frozenset(attributes))
            stored = self._path_dependent.get(key)
            if stored is None:
                computed = zm.calculate_phonetic_attributes(surface, tuple(attributes))
                stored = (computed, SURFACE_ATTRIBUTES & computed)
                self._path_dependent[key] = stored
        return set(stored[0]), stored[1]
