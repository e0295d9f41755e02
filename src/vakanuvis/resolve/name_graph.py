"""Entity resolution as a graph of names, so that it can grow one document at a time.

A *name node* is what a mention names before anything is merged: an authority entry ("a:<key>"), a full
name valid in every document ("n:<type>:<core words>"), or a short person name valid only inside its
document ("l:<document>:<type>:<core words>": "Ebilov", "İ. Ebilov"). Links join two nodes believed to be one
entity: inside one document, a partial name and the one fuller name it fits, a shorter organisation name and
the one longer name it abbreviates; anywhere, two spellings of one name (guarded fuzzy match, only within a
block of one type, one number of words and one first letter, never all against all); between two documents,
a short person name of both when the two documents name enough of the same things (`context_links`).

Entities are the components of that graph, joined link by link in a canonical order under two guards: two
components that each hold an authority entry stay apart, and so do two that hold names of different
entities established before (names an earlier batch resolved). Everything else here is a function of the
set of nodes and links, never of the order documents arrived in, so resolving a corpus at once and
resolving it document by document (store.resolution) give the same entities wherever no later document
would have changed what an earlier one established.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from vakanuvis.lang.entity_words import entity_words
from vakanuvis.model import Entity
from vakanuvis.reference.authority import AuthorityEntry, slug
from vakanuvis.reference.gazetteer import lookup_place
from vakanuvis.reference.person_names import name_and_ranks
from vakanuvis.resolve.names import (
    AuthorityMatcher,
    core_tuple,
    fullest_entry_core,
    fuzzy_same,
    initials_fit,
    is_initial,
    is_longer_name,
    is_short,
    opens_with_given_name,
    partial_of,
    rank_words,
)
from vakanuvis.resolve.union_find import root

# A place the gazetteer knows under several spellings is one place when it is at least a town of this size
# (smaller places share their names with too many others)
GAZETTEER_IDENTITY_POPULATION = 5000
DOCUMENT_LINK = 0  # links found inside one document are joined before spelling variants
SPELLING_LINK = 1
CONTEXT_LINK = 2  # a short name and the same short name of another document whose names agree: joined last
# Two documents' names agree when they share at least this many, and this share of the names of the one
# with fewer: a name common to a corpus ("Ankara") is shared by many documents, a handful together by few
AGREEING_NAMES = 3
AGREEING_SHARE = 0.25

Link = tuple[int, str, str]  # (kind, key, key) with the keys in order


@dataclass(frozen=True)
class NameNode:
    key: str
    type: str
    core: tuple[str, ...]
    document: str = ""  # set for short person names, which are one entity only inside their document
    entry: AuthorityEntry | None = None

    @property
    def block(self) -> str:
        """Only nodes of one block can be spellings of one name."""
        return f"{self.type}|{len(self.core)}|{self.core[0][:1]}" if self.core else ""

    @property
    def fullest(self) -> tuple[str, ...]:
        return self.core if self.entry is None else fullest_entry_core(self.entry)


def name_node(surface: str, entity_type: str, document_id: str, matcher: AuthorityMatcher) -> NameNode:
    """The node a mention names: its authority entry, else its full name, else its short name in its document."""
    core = core_tuple(surface)
    entry = matcher.match(surface, core, entity_type)
    if entry is not None:
        return NameNode(f"a:{entry.key}", entry.type, core_tuple(entry.name), "", entry)
    place = lookup_place(surface) if entity_type == "place" else None
    if place is not None and place.population >= GAZETTEER_IDENTITY_POPULATION:
        core = core_tuple(place.name)  # "Amasia", "Amasya": the gazetteer's one place
    elif entity_type != "person":
        core = head_last(surface, core)
    joined = " ".join(core)
    if entity_type == "person" and is_short(core):
        return NameNode(f"l:{document_id}:{entity_type}:{joined}", entity_type, core, document_id)
    return NameNode(f"n:{entity_type}:{joined}", entity_type, core)


def head_last(surface: str, core: tuple[str, ...]) -> tuple[str, ...]:
    """An English name with its head first ("Conference of London") as the same name head last ("London
    Conference"), so that both are one node."""
    words = surface.split()
    if len(words) < 3 or words[1].lower() not in entity_words().head_first_connectors:
        return core
    return core_tuple(" ".join([*words[2:], words[0]])) or core


def node_from_key(key: str, matcher: AuthorityMatcher) -> NameNode | None:
    """A node rebuilt from its key alone (the store keeps keys); None for an authority entry no longer known."""
    if key.startswith("a:"):
        entry = matcher.by_key.get(key[2:])
        return NameNode(key, entry.type, core_tuple(entry.name), "", entry) if entry else None
    if key.startswith("l:"):
        _, document, entity_type, joined = key.split(":", 3)
        return NameNode(key, entity_type, tuple(joined.split()), document)
    _, entity_type, joined = key.split(":", 2)
    return NameNode(key, entity_type, tuple(joined.split()))


def _link(kind: int, a: str, b: str) -> Link:
    return (kind, a, b) if a < b else (kind, b, a)


def _maximal(candidates: list[NameNode], shorter) -> list[NameNode]:
    """The candidates that are not themselves a shorter form of another candidate."""
    return [h for h in candidates if not any(k is not h and shorter(h, k) for k in candidates)]


def _opens_with(shorter: NameNode, longer: NameNode) -> bool:
    """'Ali Fuat' is a shorter form of 'Ali Fuat Cebesoy': both open a name with the same words."""
    return (
        len(shorter.fullest) < len(longer.fullest)
        and longer.fullest[: len(shorter.fullest)] == shorter.fullest
    )


def document_links(nodes: Iterable[NameNode], ranks: Mapping[str, frozenset[str]] | None = None) -> set[Link]:
    """Links inside one document: 'Ebilov' and 'İ. Ebilov' → 'İbrahim Ebilov', 'Kâzım Paşa' → 'Kâzım
    Karabekir Paşa', 'Azerbaycan Hükümeti' → 'Azerbaycan Cumhuriyeti Hükümeti', each when exactly one
    fuller name fits (`ranks`: the ranks each node is written with in the document, which must agree)."""
    nodes = sorted(set(nodes), key=lambda n: n.key)
    ranks = ranks or {}
    links: set[Link] = set()
    people = [n for n in nodes if n.type == "person" and n.fullest]
    by_last_letter: dict[str, list[NameNode]] = defaultdict(list)
    by_first_letter: dict[str, list[NameNode]] = defaultdict(list)
    for person in people:
        by_last_letter[person.fullest[-1][:1]].append(person)
        for word in person.fullest[:2]:
            by_first_letter[word[:1]].append(person)
    for group in people:
        if not group.core:
            continue
        candidates = [
            h
            for h in by_last_letter.get(group.core[-1][:1], [])
            if h is not group and partial_of(group.core, h.fullest)
        ]
        if group.entry is None and len(group.core) == 1:
            given = ranks.get(group.key, frozenset())
            # every fuller name opening with that word counts, so that "Ali Bey" beside "Ali Rıza Bey" and
            # "Ali Fuat Bey" is neither; the one there is must be a name its bearer went by alone
            opening = [
                h
                for h in by_first_letter.get(group.core[0][:1], [])
                if h is not group and opens_with_given_name(group.core, h.fullest)
            ]
            opening = _maximal(list({h.key: h for h in opening}.values()), _opens_with)
            if len(opening) == 1 and opens_with_given_name(group.core, opening[0].fullest, opening[0].entry):
                fuller = opening[0]
                if not given or not ranks.get(fuller.key) or given & ranks[fuller.key]:
                    candidates = list({h.key: h for h in [*candidates, fuller]}.values())
        fitting = _maximal(candidates, lambda h, k: partial_of(h.fullest, k.fullest))
        if len(fitting) == 1 and (group.entry is None or fitting[0].entry is None):
            links.add(_link(DOCUMENT_LINK, group.key, fitting[0].key))
    by_first_word: dict[tuple[str, str], list[NameNode]] = defaultdict(list)
    for node in nodes:
        if node.core:
            by_first_word[(node.type, node.core[0])].append(node)
    for group in nodes:
        if group.type == "person" or group.entry is not None or len(group.core) < 2:
            continue
        candidates = [
            h for h in by_first_word[(group.type, group.core[0])] if is_longer_name(group.core, h.core)
        ]
        fitting = _maximal(candidates, lambda h, k: is_longer_name(h.core, k.core))
        if len(fitting) == 1:
            links.add(_link(DOCUMENT_LINK, group.key, fitting[0].key))
    return links


def _spellings_of_one_name(a: NameNode, b: NameNode) -> bool:
    if a.entry is not None and b.entry is not None:
        return False  # two authority entries are two things, however alike their names
    if a.document and b.document and a.document != b.document:
        return False  # short names are kept apart per document on purpose
    if (a.document and b.entry is not None) or (b.document and a.entry is not None):
        return False  # the matcher judged that short name against the authority ("Cemal Paşa": two people)
    if fuzzy_same(a.core, b.core):
        return True
    return (
        a.type == "person"
        and len(a.core) > 1
        and any(is_initial(w) for w in (*a.core, *b.core))
        and (initials_fit(a.core, b.core) or initials_fit(b.core, a.core))
    )


def context_token(key: str) -> str:
    """What a node says of its document's context: its key, a short name without its document."""
    return key.split(":", 2)[2] if key.startswith("l:") else key


def agreeing_context(a: set[str], b: set[str]) -> bool:
    """Do two documents' names (`context_token`s) agree enough for one short name of both to be one
    person? A function of the two documents alone, so that the order documents come in changes nothing."""
    return agreeing_counts(len(a & b), len(a), len(b))


def agreeing_counts(shared: int, names_a: int, names_b: int) -> bool:
    """`agreeing_context` of two documents with `names_a` and `names_b` names, `shared` of them in common."""
    return shared >= AGREEING_NAMES and shared >= AGREEING_SHARE * min(names_a, names_b)


def same_short_name(a: NameNode, b: NameNode) -> bool:
    """Two short person names of two documents that may be one person: the same name or spellings of it."""
    return (
        a.document != b.document
        and a.type == b.type == "person"
        and a.entry is None
        and b.entry is None
        and (a.core == b.core or fuzzy_same(a.core, b.core))
    )


def written_ranks(surfaces: Iterable[str]) -> frozenset[str]:
    """The ranks a name is written with ('Tevfik Bey' → {'bey'})."""
    return frozenset().union(*(rank_words(surface) for surface in surfaces))


def _title_only(core: tuple[str, ...]) -> bool:
    """'Pasha' alone: a rank, no name."""
    return not name_and_ranks(" ".join(core))[0]


NamesOfDocuments = Callable[[list[str]], Mapping[str, Mapping[str, Mapping[str, int]]]]


def context_links(
    short: Iterable[NameNode], known: Iterable[NameNode], names_of: NamesOfDocuments
) -> set[tuple[int, str, str, str]]:
    """Links between each short person name of `short` ("Reşit Bey", "Harington") and the same short name
    (or a spelling of it) of another document, among `short` and `known`, whose documents' names agree
    (`agreeing_context`; `names_of`: documents → what each contributes, node key → {surface: count}); the
    ranks written must agree too ("Tevfik Bey" is not "Tevfik Paşa"). Each goes with the first of its two
    documents; resolving either again takes it away (`NameStore.delete_links`)."""
    short = [n for n in short if n.document and n.type == "person" and n.core and n.entry is None]
    everyone = {n.key: n for n in [*known, *short]}
    pairs = sorted(_short_name_pairs(short, everyone.values()))
    if not pairs:
        return set()
    names = names_of(sorted({everyone[key].document for pair in pairs for key in pair}))
    tokens = {d: {context_token(key) for key in found} for d, found in names.items()}
    ranks: dict[str, frozenset[str]] = {}
    shared_tokens: dict[tuple[str, str], set[str]] = {}
    links: set[tuple[int, str, str, str]] = set()
    for a, b in pairs:
        left, right = everyone[a].document, everyone[b].document
        if a not in ranks:
            ranks[a] = written_ranks(names.get(left, {}).get(a, {}))
        if b not in ranks:
            ranks[b] = written_ranks(names.get(right, {}).get(b, {}))
        ranks_a, ranks_b = ranks[a], ranks[b]
        if ranks_a and ranks_b and not ranks_a & ranks_b:
            continue
        # what `agreeing_context` answers for the two documents' names less the two short names, counted
        # from the names the two documents share (the same for every pair of names of those documents)
        own = {context_token(a), context_token(b)}
        names_left, names_right = tokens.get(left, set()), tokens.get(right, set())
        if (left, right) not in shared_tokens:
            shared_tokens[left, right] = names_left & names_right
        both = shared_tokens[left, right]
        if agreeing_counts(
            len(both) - len(own & both),
            len(names_left) - len(own & names_left),
            len(names_right) - len(own & names_right),
        ):
            links.add((CONTEXT_LINK, a, b, min(left, right)))
    return links


def _short_name_pairs(short: list[NameNode], everyone: Iterable[NameNode]) -> set[tuple[str, str]]:
    """The pairs of keys (in order) of a short name of `short` that is not a rank alone and a name of
    `everyone` for which `same_short_name` holds. Names are compared within their block only (one
    number of words and one first letter, which `same_short_name` wants), and each two written forms
    once, however many documents write them."""
    blocks: dict[str, dict[tuple[str, ...], list[NameNode]]] = defaultdict(lambda: defaultdict(list))
    for node in everyone:
        if node.core and node.type == "person" and node.entry is None:
            blocks[node.block][node.core].append(node)
    alike: dict[tuple[str, ...], list[list[NameNode]]] = {}  # a short name's core → the names like it
    pairs: set[tuple[str, str]] = set()
    for a in short:
        if a.core not in alike:
            alike[a.core] = (
                []
                if _title_only(a.core)
                else [
                    others
                    for core, others in blocks[a.block].items()
                    if core == a.core or fuzzy_same(a.core, core)
                ]
            )
        for others in alike[a.core]:
            for b in others:
                if b.document != a.document:
                    pairs.add((a.key, b.key) if a.key < b.key else (b.key, a.key))
    return pairs


def spelling_links(new: Iterable[NameNode], known: Iterable[NameNode] = ()) -> set[Link]:
    """Links between spellings of one name: each new node against the known nodes and the other new ones
    of its block (same type, number of words and first letter)."""
    blocks: dict[str, list[NameNode]] = defaultdict(list)
    new = sorted(set(new), key=lambda n: n.key)
    for node in {n.key: n for n in [*known, *new]}.values():
        if node.core:
            blocks[node.block].append(node)
    links: set[Link] = set()
    new_keys = {n.key for n in new}
    for node in new:
        for other in blocks.get(node.block, ()):
            # each pair once: two new nodes are compared from one side only
            if other.key == node.key or (other.key in new_keys and other.key < node.key):
                continue
            if _spellings_of_one_name(node, other):
                links.add(_link(SPELLING_LINK, node.key, other.key))
    return links


def components(
    nodes: Mapping[str, NameNode], links: Iterable[Link], established: Mapping[str, str] | None = None
) -> list[list[NameNode]]:
    """The entities: nodes joined link by link in canonical order, two authority entries never in one, nor
    two entities already `established` (node key → the key of the entity it belonged to before)."""
    parent = {key: key for key in nodes}
    has_entry = {key: node.entry is not None for key, node in nodes.items()}
    held = {key: (established or {}).get(key) for key in nodes}

    for _, a, b in sorted(links):
        if a not in parent or b not in parent:
            continue
        root_a, root_b = root(parent, a), root(parent, b)
        if root_a == root_b or (has_entry[root_a] and has_entry[root_b]):
            continue
        if held[root_a] and held[root_b] and held[root_a] != held[root_b]:
            continue  # a new document's evidence never merges two entities stored before
        parent[root_b] = root_a
        has_entry[root_a] = has_entry[root_a] or has_entry[root_b]
        held[root_a] = held[root_a] or held[root_b]
    members: dict[str, list[NameNode]] = defaultdict(list)
    for key in sorted(nodes):
        members[root(parent, key)].append(nodes[key])
    return list(members.values())


def build_entity(members: list[NameNode], surfaces: Mapping[str, Mapping[str, int]]) -> Entity:
    """One entity from its nodes and how often each surface form was seen for each node."""
    entry = next((n.entry for n in members if n.entry is not None), None)
    seen: Counter[str] = Counter()
    corpus_wide: Counter[str] = Counter()
    for node in members:
        for surface, count in surfaces.get(node.key, {}).items():
            seen[surface] += count
            if not node.document:
                corpus_wide[surface] += count
    if entry is not None:
        key, name, entity_type = entry.key, entry.name, entry.type
    else:
        entity_type = members[0].type
        # the fullest, then commonest form names the entity; a full name is preferred to a short one
        pool = corpus_wide or seen
        name = max(pool, key=lambda s: (len(core_tuple(s)), pool[s], s))
        key = f"{entity_type}:{slug(' '.join(core_tuple(name)) or name)}"
        if not corpus_wide:  # short names of one document: the key must not claim other documents
            key += f"@{members[0].document}"
    entity = Entity(
        key=key,
        type=entity_type,
        name=name,
        aliases=[s for s, _ in sorted(seen.items(), key=lambda item: (-item[1], item[0]))],
        wikidata=entry.wikidata if entry else None,
        start=entry.start if entry else None,
        end=entry.end if entry else None,
        mentions=sum(seen.values()),
    )
    if entity.type == "place":
        _locate(entity, entry)
    return entity


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


__all__ = [
    "NameNode",
    "name_node",
    "node_from_key",
    "document_links",
    "spelling_links",
    "context_links",
    "written_ranks",
    "components",
    "build_entity",
    "is_short",
]
