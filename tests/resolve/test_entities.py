"""Resolution: one entity across suffixes, scripts, spellings, partial names and documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from vakanuvis.lang.folds import fold_for_name_matching
from vakanuvis.model import EntityMention, Span
from vakanuvis.reference.authority import Authority, load_authority, name_key
from vakanuvis.resolve.entities import resolve_entities

DATA = Path(__file__).parent.parent / "data" / "entities"
NO_AUTHORITY = Authority([])


def mention(surface: str, kind: str = "person", start: int = 0) -> EntityMention:
    return EntityMention(Span(start, start + len(surface)), surface, surface, kind)


def keys_of(surfaces: list[str], kind: str = "person", authority: Authority | None = None) -> list[str]:
    mentions = [mention(s, kind, i * 100) for i, s in enumerate(surfaces)]
    resolve_entities({"doc": mentions}, authority)
    return [m.entity_key for m in mentions]


@pytest.mark.parametrize(
    ("text", "folded", "key"),
    [
        ("İSMET İNÖNÜ", "ismet inonu", "ismet inonu"),
        ("Nәrimanov", "nerimanov", "nerimanov"),
        ("T.B.M.M", "tbmm", "tbmm"),
        ("Чичерин", "chicherin", "chicherin"),
        ("Çiçerin", "cicerin", "chicherin"),
        ("Орджоникидзе", "ordzhonikidze", "orjonikidze"),
        ("Orconikidze", "orconikidze", "orjonikidze"),
        ("Naxçıvan", "naxcivan", "nahchivan"),
        ("Shakhtakhtinsky", "shakhtakhtinsky", "shahtahtinski"),
    ],
)
def test_name_forms(text: str, folded: str, key: str) -> None:
    assert fold_for_name_matching(text) == folded
    assert name_key(text) == key


@pytest.mark.parametrize(
    ("surfaces", "kind"),
    [
        (["Çiçerin", "Чичерин", "Chicherin", "G.V. Çiçerin"], "person"),
        (["Nerimanov", "Nәrimanov", "Нариманов", "Neriman Nerimanov", "N. Nerimanov"], "person"),
        (["Orconikidze", "Serqo Orconikidze", "Орджоникидзе"], "person"),
        (["Nahçıvan", "Naxçıvan", "Нахичевань"], "place"),
        (["SSCB", "S.S.C.B.", "Sovyet Sosyalist Cumhuriyetler Birliği", "СССР"], "organization"),
        (["Taşnak", "Taşnaksutyun", "Дашнакцутюн"], "organization"),
        (["Mondros Mütarekesi", "Mondros Ateşkes Antlaşması"], "treaty"),
    ],
)
def test_aliases_in_any_script_resolve_through_the_authority(surfaces: list[str], kind: str) -> None:
    keys = keys_of(surfaces, kind, load_authority())
    assert len(set(keys)) == 1


@pytest.mark.parametrize(
    ("surfaces", "groups"),
    [
        # partial names merge when exactly one fuller name fits
        (["İbrahim Ebilov", "Ebilov", "İ. Ebilov"], [0, 0, 0]),
        (["Sergey Aralov", "S.İ. Aralov", "Aralov"], [0, 0, 0]),
        (["Mihail Frunze", "M. Frunze", "Frunze"], [0, 0, 0]),
        (["Bekir Sami Bey", "Sami Bey"], [0, 0]),
        (["Kazım Karabekir Paşa", "Kazım Karabekir", "Karabekir"], [0, 0, 0]),
        # guards: different given names, incompatible initials, ambiguous partial names
        (["Mustafa Kemal", "Mustafa Suphi"], [0, 1]),
        (["Yusuf Kemal", "Mustafa Kemal"], [0, 1]),
        (["Mustafa Kemal", "Yusuf Kemal", "Kemal Bey"], [0, 1, 2]),
        (["Ruhulla Ahundov", "J. Ahundov"], [0, 1]),
        (["S.İ. Aralov", "İ. Aralov"], [0, 1]),
        # spelling variants merge under the guards
        (["Mirze Davud Hüseynov", "M.D. Hüseyinov"], [0, 0]),
        (["Makinsiyan", "Makinziyan"], [0, 0]),
    ],
)
def test_people_merge_only_when_unambiguous(surfaces: list[str], groups: list[int]) -> None:
    keys = keys_of(surfaces, "person", NO_AUTHORITY)
    first_key = {}
    for key, group in zip(keys, groups, strict=True):
        first_key.setdefault(group, key)
        assert key == first_key[group], (surfaces, keys)
    assert len(set(keys)) == len(set(groups)), (surfaces, keys)


def test_organization_names_merge_with_their_fuller_form() -> None:
    keys = keys_of(
        ["Azerbaycan Hükümeti", "Azerbaycan hükümeti", "Azerbaycan Cumhuriyeti Hükümeti"],
        "organization",
        NO_AUTHORITY,
    )
    assert len(set(keys)) == 1


def test_keys_are_stable_across_documents() -> None:
    first = [mention("Hekim Hosrov Sultanov"), mention("Bakü", "place", 50)]
    second = [mention("Hekim Hosrov Sultanov"), mention("Bakü", "place", 70)]
    entities = resolve_entities({"b": second, "a": first}, load_authority())
    assert first[0].entity_key == second[0].entity_key
    assert first[1].entity_key == second[1].entity_key == "Q9248"
    baku = next(e for e in entities if e.key == "Q9248")
    assert baku.mentions == 2 and baku.name == "Baku" and baku.aliases == ["Bakü"]


def test_short_names_do_not_merge_across_documents() -> None:
    first = [mention("İbrahim Ebilov"), mention("Ebilov", start=40)]
    second = [mention("Ruhulla Ebilov"), mention("Ebilov", start=40)]
    resolve_entities({"a": first, "b": second}, NO_AUTHORITY)
    assert first[1].entity_key == first[0].entity_key
    assert second[1].entity_key == second[0].entity_key
    assert first[0].entity_key != second[0].entity_key


def test_entities_carry_authority_dates_and_gazetteer_coordinates() -> None:
    mentions = [
        mention("SSCB", "organization"),
        mention("Moskova", "place", 10),
        mention("Sivrihisar", "place", 20),
    ]
    entities = {e.name: e for e in resolve_entities({"doc": mentions}, load_authority())}
    ussr = entities["Union of Soviet Socialist Republics"]
    assert (ussr.start, ussr.end, ussr.wikidata) == ("1922-12-30", "1991-12-26", "Q15180")
    assert entities["Moscow"].lat == pytest.approx(55.75, abs=0.1)
    sivrihisar = entities["Sivrihisar"]
    assert sivrihisar.lat == pytest.approx(39.45, abs=0.1) and sivrihisar.lon == pytest.approx(31.53, abs=0.1)


def test_a_user_authority_file_adds_and_replaces_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VAKANUVIS_AUTHORITY", str(DATA / "user-authority.yaml"))
    authority = load_authority()
    assert authority.find("Гайдар Баммат").name == "Haydar Bammat"
    kars = authority.find("Kars şehri")
    assert kars.lat == 40.6 and kars.note == "replaces the shipped entry"
    assert authority.find("Kars") is kars
    monkeypatch.delenv("VAKANUVIS_AUTHORITY")
    assert load_authority().find("Kars şehri") is None


def test_every_shipped_authority_entry_is_valid_and_its_forms_unambiguous() -> None:
    authority = load_authority()
    assert len(authority.entries) >= 150
    for key, entries in authority.keys().items():
        assert len(entries) == 1, (key, [e.name for e in entries])
    for entry in authority.entries:
        if entry.type == "organization" and entry.start and entry.end:
            assert entry.start[:4] <= entry.end[:4], entry.name


@pytest.mark.parametrize(
    ("surface", "kind", "one_entity"),
    [
        ("Musul", "place", True),  # a place is the same place in every document
        ("Haliç Konferansı", "meeting", True),
        ("Ebilov", "person", False),  # a bare surname may be two people in two documents
    ],
)
def test_entities_across_documents_have_distinct_keys(surface: str, kind: str, one_entity: bool) -> None:
    mentions = {
        doc: [EntityMention(Span(0, len(surface)), surface, surface, kind)] for doc in ("doc-a", "doc-b")
    }
    entities = resolve_entities(mentions, NO_AUTHORITY)
    keys = [e.key for e in entities]
    assert len(keys) == len(set(keys))
    assert len(entities) == (1 if one_entity else 2)
    assert (mentions["doc-a"][0].entity_key == mentions["doc-b"][0].entity_key) is one_entity
