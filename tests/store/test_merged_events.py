"""Events merged across documents: the same treaty or meeting, or one kind of happening on one day with\none participant, with every report and source; letters and telegrams kept apart."""

from __future__ import annotations

import pytest

from vakanuvis.knowledge_base import KnowledgeBase
from vakanuvis.store.merged import compatible, merge_keys, sweep_groups

ARTICLE_A = """MUDANYA

Batı cephesindeki zaferden sonra 11 Ekim 1922’de Mudanya Ateşkes Antlaşması imzalandı.1 Aynı gün
İsmet Paşa Ankara’ya bir telgraf çekti.2

______________________________
1 Ali Naci Karacan, Lozan, İstanbul, 1971, s. 12.
2 Bilal N. Şimşir, Lozan Telgrafları I, Ankara, 1990, s. 3.
"""

ARTICLE_B = """ATEŞKES

Yunan ordusunun çekilmesi üzerine 11 Ekim 1922’de imzalanan Mudanya Ateşkes Antlaşması ile savaş bitti.1
Kazım Karabekir Paşa 3 Kasım 1922’de Erzurum’a döndü.2

______________________________
1 Sabahattin Selek, Anadolu İhtilali, İstanbul, 1968, s. 700.
2 Kazım Karabekir, İstiklal Harbimiz, İstanbul, 1960, s. 1100.
"""


def _event(start, end=None, kind="", dateline=False, **role_keys):
    return {"start": start, "end": end or start, "kind": kind, "dateline": dateline, "role_keys": role_keys}


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        # one kind of happening with one participant, within a month; one kind at one place on one day
        (_event("1922-10-11", kind="send", agent=["ismet"]), []),  # two telegrams of a day stay two
        (_event("1922-10-11", kind="arrive", agent=["ismet"]), [("kind", "arrive", "ismet")]),
        (
            _event("1922-10-11", kind="arrive", agent=["ismet"], place=["ankara"]),
            [("kind", "arrive", "ismet"), ("place", "arrive", "ankara")],
        ),
        (_event("1922-10-11", agent=["ismet"]), []),  # no kind known: nothing to join by
        (_event("1922-10-01", "1922-10-31", kind="arrive", agent=["ismet"]), [("kind", "arrive", "ismet")]),
        (_event("1922-01-01", "1922-12-31", kind="arrive", agent=["ismet"]), []),  # a year: too wide
        (_event("1922-10-11", kind="send", recipient=["ismet"]), []),  # an addressee is no participant
        # the treaty or meeting it is of, at any precision
        (_event("1922-10-01", "1922-10-31", instrument=["mudanya"]), [("named", "mudanya")]),
        (_event("1922-10-11", kind="sign", dateline=True, instrument=["mudanya"]), []),  # a dateline
    ],
)
def test_merge_keys(event, expected):
    assert merge_keys(event) == expected


def test_a_signing_on_a_treatys_own_day_is_of_that_treaty_though_it_does_not_name_it():
    started = {"sign:1921-03-16": ["moscow"]}
    assert ("named", "moscow") in merge_keys(_event("1921-03-16", kind="sign", agent=["russia"]), started)
    assert ("named", "moscow") not in merge_keys(_event("1921-03-16", kind="arrive"), started)
    assert ("named", "moscow") not in merge_keys(_event("1921-03-18", kind="sign"), started)


@pytest.mark.parametrize(
    ("event", "joins_moscow"),
    [
        (_event("1921-03-17", kind="sign", agent=["russia"]), True),  # "17 Mart 1337’de imza olunan muahede"
        (_event("1921-03-15", kind="sign"), True),
        (_event("1921-03-17", kind="sign", instrument=["kars"]), False),  # names a treaty of its own
        # names a conference or treaty nobody dates ("Moskova Konferansı’nda 17 Mart’ta imza olunan muahede")
        (_event("1921-03-17", kind="sign", instrument=["moscow-conference"]), True),
        (_event("1921-03-18", kind="sign"), False),  # two days off
        (_event("1921-03-17", kind="open"), False),
        # it names another thing a signing begins: that one's, not this treaty's
        (_event("1921-03-17", kind="sign", patient=["kars"]), False),
        (_event("1921-03-17", kind="sign", patient=["moscow"]), True),
    ],
)
def test_a_signing_a_day_off_a_treatys_day_is_of_it_when_it_names_none(event, joins_moscow):
    started = {"sign:1921-03-16": ["moscow"], "sign:1921-10-13": ["kars"]}
    assert (("named", "moscow") in merge_keys(event, started)) is joins_moscow


def test_a_signing_a_day_off_is_of_the_treaty_of_its_own_day_when_there_is_one():
    started = {"sign:1921-03-16": ["moscow"], "sign:1921-03-17": ["other"]}
    keys = merge_keys(_event("1921-03-17", kind="sign"), started)
    assert ("named", "other") in keys and ("named", "moscow") not in keys


def _report(kind, **role_keys):
    return {"kind": kind, "role_keys": role_keys}


def test_letters_of_different_senders_or_addressees_are_never_one():
    assert not compatible(_report("send", agent=["a"]), _report("send", agent=["b"]))
    assert not compatible(_report("send", recipient=["a"]), _report("send", recipient=["b"]))
    assert compatible(_report("send", agent=["a"]), _report("send", agent=["a"], recipient=["c"]))
    assert not compatible(_report("sign"), _report("open"))
    assert compatible(_report("sign"), _report(""))
    # joined by kind or place, not at different places; joined by place only, not by different agents
    assert not compatible(_report("arrive", place=["a"]), _report("arrive", place=["b"]), "kind")
    assert not compatible(_report("arrive", agent=["a"]), _report("arrive", agent=["b"]), "place")
    assert compatible(_report("sign", agent=["a"]), _report("sign", agent=["b"]), "named")


def test_same_named_event_in_two_documents_is_one_happening(tmp_path):
    for name, text in (("a.txt", ARTICLE_A), ("b.txt", ARTICLE_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    assert all(r.stored for r in kb.ingest([tmp_path / "a.txt", tmp_path / "b.txt"]))
    merged = kb.merged_events()
    armistice = [m for m in merged if len(m["documents"]) == 2]
    assert len(armistice) == 1
    (happening,) = armistice
    assert happening["date"] == "1922-10-11" and not happening["dates_differ"]
    assert len(happening["reports"]) == 2 and len(happening["sources"]) == 2
    assert len(merged) == len(kb.events()) - 1  # only the armistice reports were joined


def test_a_report_a_day_off_joins_the_treaty_and_the_happening_keeps_the_date_most_give(tmp_path):
    texts = {
        "a.txt": "MOSKOVA\n\nMoskova Antlaşması 16 Mart 1921’de imzalandı.\n",
        "b.txt": "RUSYA\n\nMoskova Muahedesi 16 Mart 1921’de imza edildi.\n",
        # the report that says most (three roles) gives the date only it gives
        "c.txt": "KARS\n\nYusuf Kemal Bey ve Çiçerin tarafından Moskova’da 17 Mart 1921’de imza olunan muahede"
        " ile Batum terk olundu.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    assert all(r.stored for r in kb.ingest([tmp_path / name for name in texts]))
    (signing,) = [m for m in kb.merged_events() if m["kind"] == "sign"]
    assert len(signing["documents"]) == 3
    assert signing["date"] == "1921-03-16" and signing["start"] == signing["end"] == "1921-03-16"
    assert signing["dates_differ"] and signing["disagreements"][0]["field"] == "date"


@pytest.mark.parametrize(
    ("event", "joins_assembly"),
    [
        # its verb says no kind ("… kılınan dualarla", "… is expected"), but it names the Assembly on the
        # Assembly's first day: it tells of the opening
        (_event("1920-04-23", patient=["assembly"]), True),
        (_event("1920-04-23", agent=["assembly"]), True),
        (_event("1920-04-24", patient=["assembly"]), False),  # a day off: no kind to say it is the opening
        (_event("1920-04-23"), False),  # names nothing
        (_event("1920-04-23", patient=["other"]), False),
        (_event("1920-04-23", kind="elect", patient=["assembly"]), False),  # says another kind
        (_event("1920-04-23", dateline=True, agent=["assembly"]), False),  # a dateline
    ],
)
def test_a_report_of_no_kind_naming_a_meeting_on_its_first_day_is_its_opening(event, joins_assembly):
    started = {"open:1920-04-23": ["assembly"]}
    assert (("named", "assembly") in merge_keys(event, started)) is joins_assembly


def test_a_report_of_no_kind_and_no_day_joins_no_meeting_it_names():
    # "Geçen sene Sivas Kongresi’nde ittihaz olunan kararlar": of any of the congress's days
    assert merge_keys(_event("1919-01-01", "1919-12-31", instrument=["sivas"])) == []
    assert merge_keys(_event("1919-01-01", "1919-12-31", kind="open", instrument=["sivas"])) == [
        ("named", "sivas")
    ]


TELEGRAM_20 = """Ankara, 16 Mart 1336

Yirminci Kolordu Kumandanlığına,

İstanbul bugün İtilaf kuvvetleri tarafından işgal olunmuştur.

Mustafa Kemal
"""

TELEGRAM_15 = """Ankara, 16 Mart 1336

On Beşinci Kolordu Kumandanlığına,

Bugün İngilizler İstanbul’da Harbiye Nezaretini ve telgrafhaneleri işgal ettiler.

Mustafa Kemal
"""


def test_a_city_taken_and_a_building_taken_in_it_are_one_taking_and_two_telegrams_stay_two(tmp_path):
    for name, text in (("a.txt", TELEGRAM_20), ("b.txt", TELEGRAM_15)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    assert all(r.stored for r in kb.ingest([tmp_path / "a.txt", tmp_path / "b.txt"]))
    merged = kb.merged_events()
    (taking,) = [m for m in merged if m["kind"] == "take"]
    assert len(taking["documents"]) == 2
    telegrams = [m for m in merged if m["kind"] != "take"]
    assert len(telegrams) == 2 and all(len(m["documents"]) == 1 for m in telegrams)


def _dated(name, start, end=None, kind=""):
    return {"id": name, "start": start, "end": end or start, "kind": kind, "role_keys": {}}


def test_a_report_of_no_kind_joins_the_group_of_its_own_day_not_the_first_in_date_order():
    # under the Moscow Treaty's key: its ratification "in 1921" comes first in date order, then its signing
    reports = [
        _dated("ratified", "1921-01-01", "1921-12-31", "adopt"),
        _dated("signed-a", "1921-03-16", kind="sign"),
        _dated("signed-b", "1921-03-16", kind="sign"),
        _dated("no-kind", "1921-03-16"),  # "16 Mart 1921’de Moskova Antlaşması ile …"
    ]
    groups = {tuple(sorted(r["id"] for r in group)) for group in sweep_groups(reports, "named")}
    assert groups == {("ratified",), ("no-kind", "signed-a", "signed-b")}


SPEECH_REPORT = """Ankara, 25 Nisan 1336

Paşa Hazretleri nutuklarında 16 Mart tarihinden itibaren İstanbul’un fiilen esir bulunduğunu beyan etmiştir.
Kendisi 2 Mart 1336’da İstanbul’dan ayrılmış idi.
"""

MEMOIR_NOTE = """Ankara, 30 Nisan 1336

1 Mart 1336’da İstanbul’da bulunan mebuslar Meclis’e devam etmişlerdir.
"""


def test_a_report_of_no_kind_naming_a_taken_place_on_its_day_joins_the_taking(tmp_path):
    # "16 Mart tarihinden itibaren İstanbul’un esir bulunduğunu": a state since the occupation, of no kind,
    # that names the city taken that day; the city named on other days (2 March, 1 March) joins nothing,
    # and two reports of no kind naming one city never join each other
    for name, text in (("a.txt", TELEGRAM_20), ("b.txt", SPEECH_REPORT), ("c.txt", MEMOIR_NOTE)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    assert all(r.stored for r in kb.ingest([tmp_path / name for name in ("a.txt", "b.txt", "c.txt")]))
    merged = kb.merged_events()
    (taking,) = [m for m in merged if m["kind"] == "take"]
    assert sorted(r["text"] for r in taking["reports"]) == ["16 Mart tarihinden itibaren", "bugün"]
    others = [m for m in merged if m is not taking]
    assert all(len(m["reports"]) == 1 for m in others)


NAMED_AFTER = {
    "sign:1920-12-02": ["alexandropol"],
    "named-after:gyumri": ["alexandropol@1920-12-02"],
    "open:1919-07-23": ["erzurum-congress"],
    "open:1919-09-04": ["sivas-congress"],
    "named-after:erzurum": ["erzurum-congress@1919-07-23"],
    "named-after:sivas": ["sivas-congress@1919-09-04"],
}


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        # "Geçen sene Gümrü’de Ermenistan ile akdolunan muahede": a year's signing at Gümrü is the treaty named
        # after Gümrü begun that year
        (_event("1920-01-01", "1920-12-31", kind="sign", place=["gyumri"]), [("named", "alexandropol")]),
        (_event("1921-01-01", "1921-12-31", kind="sign", place=["gyumri"]), []),  # not begun that year
        (_event("1920-01-01", "1920-12-31", kind="arrive", place=["gyumri"]), []),  # no beginning
        (_event("1919-01-01", "1919-12-31", kind="open", place=["erzurum"]), [("named", "erzurum-congress")]),
        # "geçen sene Erzurum ve Sivas’ta toplanan": two congresses, neither
        (_event("1919-01-01", "1919-12-31", kind="open", place=["erzurum", "sivas"]), []),
    ],
)
def test_a_years_beginning_at_a_place_is_of_the_treaty_or_meeting_named_after_it(event, expected):
    assert [key for key in merge_keys(event, NAMED_AFTER) if key[0] == "named"] == expected


GYUMRI_TELEGRAM = """Kars, 3 Kânûn-ı Evvel 1336

Büyük Millet Meclisi Riyasetine,

Gümrü Muahedesi dün gece Gümrü’de imza olunmuştur.

Kâzım Karabekir
"""

KARS_REPORT = """Kars, 14 Teşrîn-i Evvel 1337

Hariciye Vekâletine,

Geçen sene Gümrü’de Ermenistan ile akdolunan muahedenin yerine kaim olan bu muahede ile hudut tespit edilmiştir.

Kâzım Karabekir
"""


def test_a_signing_dated_last_year_at_gumru_joins_the_treaty_named_after_gumru(tmp_path):
    for name, text in (("a.txt", GYUMRI_TELEGRAM), ("b.txt", KARS_REPORT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    assert all(r.stored for r in kb.ingest([tmp_path / "a.txt", tmp_path / "b.txt"]))
    (signing,) = [m for m in kb.merged_events() if m["kind"] == "sign"]
    assert sorted(r["text"] for r in signing["reports"]) == ["Geçen sene", "dün gece"]
