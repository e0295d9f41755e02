"""One entity per real thing: mentions merged across suffixes, scripts, spellings and documents.

Order of evidence: the authority file (exact key, then a unique surname with compatible initials, then a
guarded fuzzy match); identical name keys; partial names inside one document ("Ebilov", "İ. Ebilov" →
"İbrahim Ebilov") when exactly one fuller name fits; guarded fuzzy matching between the remaining names.
Keys are stable: the authority key (Wikidata QID or "<type>:<name>"), else "<type>:<folded name>".
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from heapq import merge

from rapidfuzz import fuzz

from vakanuvis.annotate.entities.words import entity_words
from vakanuvis.model import Entity, EntityMention
from vakanuvis.resolve.authority import (
    Authority,
    AuthorityEntry,
    load_authority,
    name_key,
    slug,
    turkish_lower,
)
from vakanuvis.resolve.gazetteer import lookup_place

FUZZY_NAME = 90  # whole-name similarity (0-100) for two spellings of one name
FUZZY_TOKEN = 85  # and for every word of it: "Mustafa Kemal" and "Mustafa Suphi" stay apart


@dataclass
class _Group:
    """Mentions believed to be one entity, before keys are assigned."""

    type: str
    core: list[str]  # name_key of each word, titles removed
    entry: AuthorityEntry | None = None
    mentions: list[EntityMention] = field(default_factory=list)
    parent: _Group | None = None
    document: str = ""  # set for short names, which are one entity only inside their document

    def root(self) -> _Group:
        group = self
        while group.parent is not None:
            group = group.parent
        return group


def core_words(surface: str) -> list[str]:
    """The name's words as keys, without titles: 'Kazım Karabekir Paşa' → ['kazim', 'karabekir']."""
    return list(_core_words(surface))


@lru_cache(maxsize=262_144)
def _core_words(surface: str) -> tuple[str, ...]:
    words = entity_words()
    titles = words.titles_before | words.titles_after
    raw = surface.replace(".", ". ").split()
    kept = [w for w in raw if turkish_lower(w.rstrip(".")) not in titles]
    return tuple(k for k in (name_key(w) for w in (kept or raw)) if k)


def _is_initial(word: str) -> bool:
    return len(word) == 1


def _is_short(core: list[str]) -> bool:
    """A surname alone or initials and a surname: one entity only inside one document."""
    return len(core) == 1 or any(_is_initial(w) for w in core)


def _initials_fit(short: list[str], full: list[str]) -> bool:
    """'s i aralov' fits 'sergey aralov' and 'semyon ivanovich aralov'; 'j ahundov' does not fit 'ruhulla ahundov'."""
    if len(short) < 2 or len(full) < 2 or not _same_word(short[-1], full[-1]):
        return False
    initials, given = short[:-1], full[:-1]
    if not all(_is_initial(i) for i in initials):
        return False
    if any(_is_initial(g) for g in given):
        return False
    return initials[0] == given[0][:1] and all(
        i == g[:1] for i, g in zip(initials[1:], given[1:], strict=False)
    )


def _same_word(a: str, b: str) -> bool:
    return a == b or (len(a) > 3 and len(b) > 3 and a[0] == b[0] and fuzz.ratio(a, b) >= FUZZY_TOKEN)


def _partial_of(short: list[str], full: list[str]) -> bool:
    """Is `short` a shorter way of writing `full`? Initials + surname, a surname alone, or a tail of it."""
    if not short or not full:
        return False
    if len(short) > 1 and all(_is_initial(w) for w in short[:-1]):
        return _initials_fit(short, full)
    if len(short) >= len(full):
        return False
    tail = full[-len(short) :]
    return all(_same_word(a, b) for a, b in zip(short, tail, strict=True))


def _fuzzy_same(a: list[str], b: list[str]) -> bool:
    if len(a) != len(b) or not a or a[0][:1] != b[0][:1]:
        return False
    if any(_is_initial(w) for w in a + b):
        return False
    if fuzz.ratio(" ".join(a), " ".join(b)) < FUZZY_NAME:
        return False
    return all(fuzz.ratio(x, y) >= FUZZY_TOKEN for x, y in zip(a, b, strict=True))


class _AuthorityMatcher:
    def __init__(self, authority: Authority) -> None:
        self.authority = authority
        self.people = [e for e in authority.entries if e.type == "person"]
        # each person's forms as core words, computed once rather than for every mention
        self.people_cores = [(e, core_words(form)) for e in self.people for form in e.forms()]
        self.answers: dict[tuple[str, tuple[str, ...], str], AuthorityEntry | None] = {}

    def match(self, surface: str, core: list[str], entity_type: str) -> AuthorityEntry | None:
        """The authority entry a mention names, if the evidence is unambiguous (answers kept per name)."""
        question = (surface, tuple(core), entity_type)
        if question not in self.answers:
            self.answers[question] = self._match(surface, core, entity_type)
        return self.answers[question]

    def _match(self, surface: str, core: list[str], entity_type: str) -> AuthorityEntry | None:
        for form in (surface, " ".join(core)):
            entry = self.authority.find(form, entity_type) or self.authority.find(form)
            if entry is not None and (entry.type == entity_type or entity_type != "person"):
                return entry
        if entity_type != "person" or not core:
            return self._fuzzy(core, entity_type)
        fits = {e.key: e for e, form_core in self.people_cores if _partial_of(core, form_core)}
        if len(fits) == 1:
            return next(iter(fits.values()))
        return self._fuzzy(core, entity_type) if not fits else None

    def _fuzzy(self, core: list[str], entity_type: str) -> AuthorityEntry | None:
        fits = {
            e.key: e
            for key, entries in self.authority.keys().items()
            for e in entries
            if e.type == entity_type and _fuzzy_same(core, key.split())
        }
        return next(iter(fits.values())) if len(fits) == 1 else None


_MATCHERS: dict[
    int, tuple[Authority, _AuthorityMatcher]
] = {}  # the authority is kept so its id stays its own


def _matcher_for(authority: Authority) -> _AuthorityMatcher:
    """One matcher per authority, reused by every resolution of the process (its answers accumulate)."""
    kept = _MATCHERS.get(id(authority))
    if kept is None or kept[0] is not authority:
        if len(_MATCHERS) >= 8:
            _MATCHERS.pop(next(iter(_MATCHERS)))
        kept = _MATCHERS[id(authority)] = (authority, _AuthorityMatcher(authority))
    return kept[1]


def resolve_entities(
    mentions_by_document: dict[str, list[EntityMention]], authority: Authority | None = None
) -> list[Entity]:
    """Set `entity_key` on every mention and return one `Entity` per key, most mentioned first."""
    authority = authority or load_authority()
    matcher = _matcher_for(authority)
    by_entry: dict[str, _Group] = {}
    by_name: dict[tuple[str, ...], _Group] = {}
    groups_of_document: dict[str, list[_Group]] = {}
    group_of_mention: list[tuple[EntityMention, _Group]] = []
    for document_id in sorted(mentions_by_document):
        local: dict[tuple[str, ...], _Group] = {}
        for mention in mentions_by_document[document_id]:
            core = core_words(mention.surface)
            entry = matcher.match(mention.surface, core, mention.type)
            if entry is not None:
                group = by_entry.setdefault(entry.key, _Group(entry.type, core_words(entry.name), entry))
            else:
                # only people are named by a bare surname that two documents may use for two persons
                short = mention.type == "person" and _is_short(core)
                # short names are only one entity inside a document; full names are one everywhere
                name = (document_id if short else "", mention.type, *core)
                store = local if short else by_name
                group = store.setdefault(
                    name, _Group(mention.type, core, document=document_id if short else "")
                )
            group.mentions.append(mention)
            group_of_mention.append((mention, group))
            groups = groups_of_document.setdefault(document_id, [])
            if group not in groups:
                groups.append(group)
    for groups in groups_of_document.values():
        _merge_partial_names(groups)
        _merge_longer_names(groups)
    _merge_fuzzy([g for g in {id(g): g for gs in groups_of_document.values() for g in gs}.values()])
    return _entities(group_of_mention)


def _merge_partial_names(groups: list[_Group]) -> None:
    """'Ebilov', 'İ. Ebilov' → 'İbrahim Ebilov' and 'Sami Bey' → 'Bekir Sami Bey' when exactly one fits."""
    people = [g for g in groups if g.type == "person"]
    # a partial name ends with (a spelling of) the fuller name's last word, which starts with the same
    # letter: only the people whose fullest name ends with that letter are compared, in their order
    by_last_letter: dict[str, list[_Group]] = {}
    for other in people:
        fullest = _fullest_core(other)
        if fullest:
            by_last_letter.setdefault(fullest[-1][:1], []).append(other)
    # fuller short forms first: "İ. Ebilov" joins "İbrahim Ebilov" before "Ebilov" looks for a match
    for group in sorted(people, key=lambda g: -len(g.core)):
        candidates = by_last_letter.get(group.core[-1][:1], []) if group.core else []
        targets = {
            id(other.root()): other.root()
            for other in candidates
            if other.root() is not group.root() and _partial_of(group.core, _fullest_core(other))
        }
        if len(targets) == 1:
            target = next(iter(targets.values()))
            if group.root().entry is None or target.entry is None:
                _union(group, target)


def _merge_longer_names(groups: list[_Group]) -> None:
    """'Azerbaycan Hükümeti' → 'Azerbaycan Cumhuriyeti Hükümeti': same first and head word, one fuller name."""
    for group in groups:
        if group.type == "person" or group.entry is not None or len(group.core) < 2:
            continue
        targets = {
            id(other.root()): other.root()
            for other in groups
            if other.type == group.type
            and other.root() is not group.root()
            and len(other.core) > len(group.core)
            and other.core[0] == group.core[0]
            and other.core[-1] == group.core[-1]
            and _is_subsequence(group.core, other.core)
        }
        if len(targets) == 1:
            _union(group, next(iter(targets.values())))


def _is_subsequence(short: list[str], full: list[str]) -> bool:
    remaining = iter(full)
    return all(word in remaining for word in short)


def _fullest_core(group: _Group) -> list[str]:
    return group.core if group.entry is None else list(_fullest_entry_core(group.entry))


@lru_cache(maxsize=65_536)
def _fullest_entry_core(entry: AuthorityEntry) -> tuple[str, ...]:
    return max((_core_words(f) for f in entry.forms()), key=len)


def _merge_fuzzy(groups: list[_Group]) -> None:
    """Spelling variants ('Hüseynov' / 'Hüseyinov') of the same type merge under guards.

    Only groups of one type, one number of words and one first letter can merge (both tests below
    need them), so each group is compared with its block only, never with the whole corpus; pairs are
    still taken in the order of `groups`, as the merges made so far decide the ones that follow.
    """
    blocks: dict[tuple[str, int, str], dict[str, list[int]]] = {}
    for index, group in enumerate(groups):
        if group.core:
            key = (group.type, len(group.core), group.core[0][:1])
            blocks.setdefault(key, {}).setdefault(group.document, []).append(index)
    for index, group in enumerate(groups):
        if not group.core:
            continue
        block = blocks[(group.type, len(group.core), group.core[0][:1])]
        if group.document:  # a short name meets its own document's groups and the corpus-wide ones
            lists = [block.get(group.document, []), block.get("", [])]
        else:
            lists = list(block.values())
        later_ones = merge(*(indices[bisect_right(indices, index) :] for indices in lists))
        for later in later_ones:
            other = groups[later]
            if group.document and other.document and group.document != other.document:
                continue  # short names were kept apart per document on purpose
            if group.root() is other.root() or group.type != other.type:
                continue
            if group.root().entry is not None and other.root().entry is not None:
                continue
            if _fuzzy_same(group.core, other.core) or (
                group.type == "person"
                and len(group.core) == len(other.core) > 1
                and any(_is_initial(w) for w in group.core + other.core)
                and (_initials_fit(group.core, other.core) or _initials_fit(other.core, group.core))
            ):
                _union(group, other)


def _union(a: _Group, b: _Group) -> None:
    root_a, root_b = a.root(), b.root()
    if root_a is root_b:
        return
    # the authority-backed or fuller group stays the root, so the key is the better-known name
    if (root_b.entry is not None, len(root_b.core)) > (root_a.entry is not None, len(root_a.core)):
        root_a, root_b = root_b, root_a
    root_b.parent = root_a


def _entities(group_of_mention: list[tuple[EntityMention, _Group]]) -> list[Entity]:
    members: dict[int, tuple[_Group, list[EntityMention]]] = {}
    for mention, group in group_of_mention:
        root = group.root()
        members.setdefault(id(root), (root, []))[1].append(mention)
    entities = []
    for root, mentions in members.values():
        surfaces = Counter(m.surface for m in mentions)
        entry = root.entry
        if entry is not None:
            key, name = entry.key, entry.name
        else:
            name = max(surfaces, key=lambda s: (len(core_words(s)), surfaces[s], s))
            key = f"{root.type}:{slug(' '.join(core_words(name)) or name)}"
            if root.document:  # a short name kept to its document: its key must not claim other documents
                key += f"@{root.document}"
        entity = Entity(
            key=key,
            type=root.type,
            name=name,
            aliases=[s for s, _ in sorted(surfaces.items(), key=lambda item: (-item[1], item[0]))],
            wikidata=entry.wikidata if entry else None,
            start=entry.start if entry else None,
            end=entry.end if entry else None,
            mentions=len(mentions),
        )
        if entity.type == "place":
            _locate(entity, entry)
        for mention in mentions:
            mention.entity_key = key
            mention.type = entity.type
        entities.append(entity)
    return sorted(entities, key=lambda e: (-e.mentions, e.key))


def _locate(entity: Entity, entry: AuthorityEntry | None) -> None:
    if entry is not None and entry.lat is not None and entry.lon is not None:
        entity.lat, entity.lon = entry.lat, entry.lon
        return
    names = list(entry.forms()) if entry else []
    for name in [*names, entity.name, *entity.aliases]:
        place = lookup_place(name)
        if place is not None:
            entity.lat, entity.lon = place.lat, place.lon
            return
