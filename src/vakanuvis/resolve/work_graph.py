"""Merging citations into works as a graph, so that it can grow one document at a time.

A *work node* is one way of writing a work: the citations whose comparison keys (kind, first author's
surname, title, place, archive and the fields that must not differ: volume, year, initial, archive file,
newspaper issue) are equal. A back-reference ("a.g.e.", "там же") takes the node of the citation it points
to, inside its own document; one that points nowhere gets a node of its own. Links join two nodes alike
enough to be one work; they are looked for only within blocks (surname prefix with the title's first letter,
title prefix, imprint, archive file, newspaper issue), never all against all, and only where the titles are
alike enough (checked once for each group of a block's nodes that share kind, surname and title).

Works are the components of that graph, joined link by link from the most alike pair down, under the guards:
no work may hold two values of one hard field, also through chains of merges. Everything is a function of
the nodes and links, not of the order documents arrived in.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from vakanuvis.lang.folds import fold_for_citation_matching
from vakanuvis.model import Citation
from vakanuvis.resolve.union_find import root

SURNAME_SIMILARITY = 80
TITLE_SIMILARITY = 85
PARTIAL_TITLE_SIMILARITY = 85
ARCHIVE_NAME_SIMILARITY = 80
NEWSPAPER_SIMILARITY = 85
MAIN_TITLE_LENGTH = 8  # letters a main title needs for a short title to cite it alone
ARCHIVE_FILE_FIELDS = ("fond", "opis", "delo", "box", "item", "code")
INITIALS = re.compile(r"([^\W\d_])[^\W\d_]?\.")

WorkLink = tuple[float, str, str]  # (similarity, key, key) with the keys in order


@dataclass(frozen=True)
class CitationKeys:
    """What a citation is compared by."""

    kind: str  # "work" | "archive" | "newspaper"
    surname: str
    initial: str
    title: str
    hard: tuple[tuple[str, str], ...]  # values that must not differ within one work, sorted
    main_title: str = ""  # the title before its subtitle ("…: …"), when it has one: what a short title cites
    # worked out once (plain attributes: functools.cached_property takes a lock on every read in 3.11)
    content: str = field(init=False, repr=False, compare=False)
    hard_values: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        content = "|".join([self.kind, self.surname, self.title] + [f"{k}={v}" for k, v in self.hard])
        if self.main_title:
            content += f"|main={self.main_title}"
        object.__setattr__(self, "content", content)
        object.__setattr__(self, "hard_values", dict(self.hard))


@dataclass(frozen=True)
class WorkNode:
    key: str
    keys: CitationKeys
    place: str = ""  # folded
    year: int | None = None
    archive: str = ""  # the archive's folded name
    document: str = ""  # set only for a back-reference that points nowhere


def author_parts(name: str) -> tuple[str, str]:
    """(folded surname, folded first initial) of one author as written."""
    name = name.strip()
    surname_first, comma, given = name.partition(",")
    if comma and surname_first.strip() and given.strip() and " " not in surname_first.strip():
        # "Karabekir, Kâzım" and "Karabekir, K.": the surname before the comma
        first = fold_for_citation_matching(given.strip())[:1]
        return fold_for_citation_matching(surname_first.strip()), first
    initials = INITIALS.findall(name)
    rest = INITIALS.sub(" ", name).split()
    if initials and rest:
        surname = rest[-1] if name.find(rest[-1]) > name.find(initials[0]) else rest[0]
        return fold_for_citation_matching(surname), fold_for_citation_matching(initials[0])[:1]
    if len(rest) >= 2:
        return fold_for_citation_matching(rest[-1]), fold_for_citation_matching(rest[0])[:1]
    return (fold_for_citation_matching(rest[0]) if rest else ""), ""


def citation_keys(citation: Citation) -> CitationKeys:
    kind = citation.type if citation.type in ("archive", "newspaper") else "work"
    surname, initial = author_parts(citation.authors[0]) if citation.authors else ("", "")
    written = citation.title_repaired or citation.title or citation.container or ""
    title = fold_for_citation_matching(written)
    main_title = fold_for_citation_matching(written.split(":")[0]) if ":" in written else ""
    if main_title == title or len(main_title) < MAIN_TITLE_LENGTH:
        main_title = ""
    hard: dict[str, str] = {"kind": kind}
    if kind == "archive":
        hard.update(
            {
                k: fold_for_citation_matching(v)
                for k, v in citation.archive.items()
                if k in ARCHIVE_FILE_FIELDS
            }
        )
    elif kind == "newspaper":
        if citation.issue_date:
            hard["issue"] = citation.issue_date
    else:
        if citation.volume:
            hard["volume"] = citation.volume
        if citation.year:
            hard["year"] = str(citation.year)
        if initial:
            hard["initial"] = initial
    return CitationKeys(kind, surname, initial, title, tuple(sorted(hard.items())), main_title)


def work_node(citation: Citation) -> WorkNode:
    """The node of a citation that is not a back-reference."""
    keys = citation_keys(citation)
    place = fold_for_citation_matching(citation.place or "")
    archive = (
        fold_for_citation_matching(citation.archive.get("archive", "")) if keys.kind == "archive" else ""
    )
    signature = f"{keys.content}|{place}|{citation.year or ''}|{archive}"
    digest = hashlib.sha1(signature.encode("utf-8")).hexdigest()[:24]
    return WorkNode(f"w:{digest}", keys, place, citation.year, archive)


def document_work_nodes(document_id: str, citations: list[Citation]) -> list[WorkNode]:
    """The node of each citation of one document, in the given order; a back-reference takes the node of
    the last earlier citation, in footnote order, of the name it writes before itself, if it writes one:
    an author's surname ("Karabekir, a.g.e."), else a word at the head of the earlier citation ("ATASE,
    a.g.e." after "ATASE Arşivi, Klasör 4, …"; an archive or an authorless work has no author to name)."""
    order = sorted(range(len(citations)), key=lambda i: (citations[i].footnote, citations[i].span.start))
    nodes: list[WorkNode | None] = [None] * len(citations)
    earlier: list[tuple[str, frozenset[str], WorkNode]] = []  # (surname, head words, node) met so far
    for index in order:
        citation = citations[index]
        if not citation.back_reference:
            node = work_node(citation)
            surname = node.keys.surname  # the node's keys are the citation's own
        else:
            surname = citation_keys(citation).surname
            named = surname or fold_for_citation_matching(citation.archive.get("archive", "").split(" ")[0])
            node = _antecedent(named, earlier) or _lone_back_reference(document_id, citation)
        earlier.append((surname, _head_words(citation), node))
        nodes[index] = node
    return [node for node in nodes if node is not None]


def _head_words(citation: Citation) -> frozenset[str]:
    """The folded words a citation opens with, before its first comma: what a later back-reference may name."""
    head = citation.raw.split(",")[0]
    return frozenset(word for word in map(fold_for_citation_matching, head.split()) if word)


def _antecedent(named: str, earlier: list[tuple[str, frozenset[str], WorkNode]]) -> WorkNode | None:
    """The node a back-reference naming `named` (folded; "" for none) points to, among the earlier ones."""
    if not named:
        return earlier[-1][2] if earlier else None
    for written, _, node in reversed(earlier):
        if written and fuzz.ratio(written, named) >= SURNAME_SIMILARITY:
            return node
    for _, words, node in reversed(earlier):
        if any(fuzz.ratio(word, named) >= SURNAME_SIMILARITY for word in words):
            return node
    return None


def _lone_back_reference(document_id: str, citation: Citation) -> WorkNode:
    where = f"{document_id}:{citation.footnote}:{citation.raw}"
    digest = hashlib.sha1(where.encode("utf-8")).hexdigest()[:24]
    return WorkNode(f"b:{digest}", citation_keys(citation), document=document_id)


def node_blocks(node: WorkNode) -> list[str]:
    """The blocks a node is compared within."""
    keys = node.keys
    hard = dict(keys.hard)
    if node.document:
        return []  # a back-reference that points nowhere is its own work
    if keys.kind == "archive":
        return ["archive:" + "/".join(hard.get(k, "") for k in ARCHIVE_FILE_FIELDS)]
    if keys.kind == "newspaper":
        return ["newspaper:" + hard.get("issue", keys.title[:4])]
    blocks = []
    if keys.surname:
        blocks.append(f"author:{keys.surname[:2]}:{keys.title[:1]}")  # a title that starts alike
    if keys.title:
        blocks.append("title:" + keys.title[:5])
    if node.place and node.year:
        # one imprint: lets differently worded titles of one work meet (the partial-title rule)
        blocks.append(f"imprint:{node.place}:{node.year}")
    return blocks


def similarity(a: WorkNode, b: WorkNode) -> float:
    """How alike two nodes are (0-100), or 0 when they cannot be one work."""
    ka, kb = a.keys, b.keys
    if ka.kind != kb.kind:
        return 0.0
    if ka.kind == "archive":
        if a.archive and b.archive and fuzz.ratio(a.archive, b.archive) < ARCHIVE_NAME_SIMILARITY:
            return 0.0
        return 100.0
    if ka.kind == "newspaper":
        if "issue" not in dict(ka.hard) or "issue" not in dict(kb.hard):
            return 0.0
        score = fuzz.ratio(ka.title, kb.title)
        return score if score >= NEWSPAPER_SIMILARITY else 0.0
    if bool(ka.surname) != bool(kb.surname):
        return 0.0
    if ka.surname and fuzz.ratio(ka.surname, kb.surname) < SURNAME_SIMILARITY:
        return 0.0
    if not ka.title or not kb.title:
        return 0.0
    score = fuzz.ratio(ka.title, kb.title)
    if score >= TITLE_SIMILARITY:
        return score
    if ka.surname and _short_title(ka, kb):
        return float(TITLE_SIMILARITY)  # "Yerasimos, Türk-Sovyet İlişkileri" for "…: Ekim Devriminden …"
    same_imprint = a.year is not None and a.year == b.year and a.place and a.place == b.place
    if same_imprint and fuzz.partial_ratio(ka.title, kb.title) >= PARTIAL_TITLE_SIMILARITY:
        return float(TITLE_SIMILARITY)
    return 0.0


def _short_title(a: CitationKeys, b: CitationKeys) -> bool:
    """Is one title the other's main title, the subtitle left out (as a short title cites a work)?"""
    return bool(a.main_title and a.main_title == b.title) or bool(b.main_title and b.main_title == a.title)


# A block is held as groups: the nodes of one kind, surname and title, which differ only in fields a
# block's filter does not look at first (hard fields, place). Titles and surnames are compared once per
# group, and only the members of the groups that pass are read, so a block's cost follows how many ways
# of naming a work it holds, not how many editions, volumes and years of them the corpus cites.
BlockGroup = tuple[str, str, str, str]  # (signature, surname, title, main title)
GroupMember = tuple[str, frozenset[tuple[str, str]]]  # (node key, hard fields)


def group_signature(node: WorkNode) -> str:
    """The group of a node within each of its blocks: a digest of its kind, surname and title."""
    keys = node.keys
    text = f"{keys.kind}|{keys.surname}|{keys.title}" + (f"|{keys.main_title}" if keys.main_title else "")
    return hashlib.sha1(text.encode()).hexdigest()[:20]


def block_group(node: WorkNode) -> BlockGroup:
    return group_signature(node), node.keys.surname, node.keys.title, node.keys.main_title


def group_member(node: WorkNode) -> GroupMember:
    return node.key, frozenset(node.keys.hard)


def matching_groups(
    new: Iterable[WorkNode], blocks: Mapping[str, list[BlockGroup]]
) -> dict[str, list[tuple[str, str]]]:
    """For each new node, the (block, signature) of the groups of its blocks whose members can be alike
    enough to be one work with it (`_matching`), the titles of a block compared at once."""
    columns = {block: ([g[1] for g in groups], [g[2] for g in groups]) for block, groups in blocks.items()}
    found: dict[str, list[tuple[str, str]]] = {}
    for node in new:
        pairs: list[tuple[str, str]] = []
        for block in node_blocks(node):
            if block in blocks:
                pairs += [
                    (block, signature) for signature in _matching(node, block, blocks[block], *columns[block])
                ]
        found[node.key] = list(dict.fromkeys(pairs))
    return found


def _matching(
    node: WorkNode, block: str, groups: list[BlockGroup], surnames: list[str], titles: list[str]
) -> list[str]:
    """The signatures of a block's groups that pass its filter: a title at least TITLE_SIMILARITY alike,
    or, within one imprint, a title contained in the other; for a work with an author, a surname at least
    SURNAME_SIMILARITY alike, for one without, no author either; for a work with an author, also a title
    that is the other's main title (`_short_title`). Necessary conditions of a link."""
    if node.keys.kind == "archive":  # one archive file: the block is the test
        return [group[0] for group in groups]
    found = _alike(node.keys.title, titles, fuzz.ratio, TITLE_SIMILARITY)
    if block.startswith("imprint:"):
        found |= _alike(node.keys.title, titles, fuzz.partial_ratio, PARTIAL_TITLE_SIMILARITY)
    if node.keys.kind == "work" and node.keys.surname:
        title, main = node.keys.title, node.keys.main_title
        found |= {
            i
            for i, group in enumerate(groups)
            if (main and group[2] == main) or (group[3] and group[3] == title)
        }
    if node.keys.kind == "work":
        surname = node.keys.surname
        # few titles pass: their surnames are compared one by one, cheaper than the whole block again
        ratio = fuzz.ratio
        if surname:
            found = {index for index in found if ratio(surname, surnames[index]) >= SURNAME_SIMILARITY}
        else:
            found = {index for index in found if not surnames[index]}
    return [groups[index][0] for index in sorted(found)]


def group_candidates(node: WorkNode, members: Iterable[GroupMember]) -> list[str]:
    """The keys of the members of a node's matching groups that hold no hard field of another value (as
    `_conflict`: a field the node has, with a value the node's is not)."""
    hard = node.keys.hard_values
    mine = frozenset(node.keys.hard)
    return [
        key for key, theirs in members if key != node.key and not any(k in hard for k, _ in theirs - mine)
    ]


def _alike(text: str, choices: list[str], scorer, cutoff: int) -> set[int]:  # type: ignore[no-untyped-def]
    """The indexes of the choices that score at least `cutoff` against `text`."""
    return {
        index
        for _, _, index in process.extract(text, choices, scorer=scorer, score_cutoff=cutoff, limit=None)
    }


def add_to_groups(
    nodes: Iterable[WorkNode],
    groups: dict[str, dict[str, BlockGroup]],
    members: dict[tuple[str, str], list[GroupMember]],
) -> None:
    """Put each node in the group of its kind, surname and title in each of its blocks: `groups` by block
    and signature, `members` by (block, signature)."""
    for node in nodes:
        group = block_group(node)
        for block in dict.fromkeys(node_blocks(node)):
            groups.setdefault(block, {})[group[0]] = group
            members.setdefault((block, group[0]), []).append(group_member(node))


def candidates_in_groups(
    new: Iterable[WorkNode],
    matched: Mapping[str, list[tuple[str, str]]],
    members: Mapping[tuple[str, str], list[GroupMember]],
) -> dict[str, list[str]]:
    """For each new node, the members of the groups it matched (`matching_groups`) that pass
    `group_candidates`, each once."""
    return {
        node.key: list(
            dict.fromkeys(
                key for pair in matched[node.key] for key in group_candidates(node, members.get(pair, []))
            )
        )
        for node in new
    }


def block_candidates(new: Iterable[WorkNode], nodes: Iterable[WorkNode]) -> dict[str, list[str]]:
    """For each new node, the nodes (of `nodes`, which holds the new ones) of its blocks that pass the
    block's filter: `matching_groups`, then `group_candidates`."""
    new = list(new)
    groups: dict[str, dict[str, BlockGroup]] = {}
    members: dict[tuple[str, str], list[GroupMember]] = {}
    add_to_groups(nodes, groups, members)
    matched = matching_groups(new, {block: list(found.values()) for block, found in groups.items()})
    return candidates_in_groups(new, matched, members)


def work_links(new: Iterable[WorkNode], known: Iterable[WorkNode] = ()) -> set[WorkLink]:
    """Links between alike nodes: each new node against the known and the other new nodes of its blocks."""
    new = sorted(set(new), key=lambda n: n.key)
    every = {n.key: n for n in [*known, *new]}
    return link_new_nodes(new, block_candidates(new, every.values()), every)


def link_new_nodes(
    new: list[WorkNode], candidates: Mapping[str, list[str]], nodes: Mapping[str, WorkNode]
) -> set[WorkLink]:
    """Links of each new node with its candidates (`block_candidates`); `nodes` holds every candidate."""
    links: set[WorkLink] = set()
    new_keys = {n.key for n in new}
    for node in new:
        for other_key in candidates.get(node.key, []):
            if other_key in new_keys and other_key < node.key:
                continue  # two new nodes: compared from one side only
            other = nodes[other_key]
            if _conflict(node, other):
                continue  # never one work (a guard), so no link: the clusters stay small
            score = similarity(node, other)
            if score:
                a, b = sorted((node.key, other_key))
                links.add((score, a, b))
    return links


def _conflict(a: WorkNode, b: WorkNode) -> bool:
    """Do two nodes hold different values of one hard field (volume, year, archive file, issue…)?"""
    hard_b = b.keys.hard_values
    return any(hard_b.get(key, value) != value for key, value in a.keys.hard)


def work_components(nodes: Mapping[str, WorkNode], links: Iterable[WorkLink]) -> list[list[WorkNode]]:
    """The works: nodes joined from the most alike pair down; no work holds two values of a hard field."""
    parent = {key: key for key in nodes}
    hard = {key: dict(node.keys.hard) for key, node in nodes.items()}

    def order(link: WorkLink) -> tuple[float, str, str, str, str]:
        score, a, b = link
        return -score, nodes[a].keys.content, nodes[b].keys.content, a, b

    for _, a, b in sorted((link for link in links if link[1] in nodes and link[2] in nodes), key=order):
        root_a, root_b = root(parent, a), root(parent, b)
        if root_a == root_b:
            continue
        hard_a, hard_b = hard[root_a], hard[root_b]
        if any(hard_b.get(key, value) != value for key, value in hard_a.items()):
            continue
        parent[root_b] = root_a
        hard_a.update(hard_b)
    members: dict[str, list[WorkNode]] = defaultdict(list)
    for key in sorted(nodes):
        members[root(parent, key)].append(nodes[key])
    return list(members.values())
