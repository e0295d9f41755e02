"""One happening (a treaty's signing, a meeting's opening) given differently: in two documents, in another
town; in a document's conclusion, at another date or in another town than its body gives it."""

from __future__ import annotations

import pytest

from vakanuvis.knowledge_base import KnowledgeBase


def findings(tmp_path, texts: dict[str, str]) -> list[tuple[str, str]]:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    kb.ingest([tmp_path / name for name in texts])
    return [
        (finding.kind, finding.message)
        for finding in kb.findings()
        if finding.kind in ("place-disagrees", "conflicting-dates", "conclusion-contradicts")
    ]


@pytest.mark.parametrize(
    ("other", "expected"),
    [
        ("Moskova Antlaşması 16 Mart 1921’de Ankara’da imzalandı.", ["place-disagrees"]),
        # the same town, in another language's name of it
        ("Moskova Antlaşması 16 Mart 1921’de Moskva’da imzalandı.", []),
        # a country holds the town: no disagreement
        ("Moskova Antlaşması 16 Mart 1921’de Rusya’da imzalandı.", []),
        # no place given
        ("Moskova Antlaşması 16 Mart 1921’de imzalandı.", []),
        # another happening of the treaty (its ratification) somewhere else
        ("Moskova Antlaşması 20 Temmuz 1921’de Ankara’da tasdik edildi.", []),
    ],
)
def test_a_signing_put_in_two_towns_by_two_documents(tmp_path, other, expected):
    texts = {"a.txt": "Moskova Antlaşması 16 Mart 1921’de Moskova’da imzalandı.\n", "b.txt": other + "\n"}
    assert [kind for kind, _ in findings(tmp_path, texts)] == expected


def test_the_finding_quotes_both_places(tmp_path):
    texts = {
        "a.txt": "Moskova Antlaşması 16 Mart 1921’de Moskova’da imzalandı.\n",
        "b.txt": "Moskova Antlaşması 16 Mart 1921’de Ankara’da imzalandı.\n",
    }
    ((_, message),) = findings(tmp_path, texts)
    assert "Moskova" in message and "Ankara" in message


BODY = "Moskova Antlaşması 16 Mart 1921’de Moskova’da imzalandı. Antlaşma doğu sınırını çizdi."


@pytest.mark.parametrize(
    ("conclusion", "expected"),
    [
        ("Moskova Antlaşması 16 Mart 1921’de Ankara’da imzalandı.", ["Ankara"]),
        ("Moskova Antlaşması 16 Mart 1920’de imzalandı.", ["1920"]),
        ("Moskova Antlaşması 16 Mart 1921’de Moskova’da imzalandı.", []),
        ("Moskova Antlaşması Mart 1921’de imzalandı.", []),  # a wider date that holds the body's
    ],
)
def test_a_conclusion_giving_another_date_or_town(tmp_path, conclusion, expected):
    text = f"Moskova Antlaşması\n\n{BODY}\n\nSONUÇ\n\n{conclusion}\n"
    found = findings(tmp_path, {"a.txt": text})
    assert [kind for kind, _ in found] == ["conclusion-contradicts"] * len(expected)
    for (_, message), word in zip(found, expected, strict=True):
        assert word in message.split(";")[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two undated reports of one signing in one body, each a participle after a town in the locative
        (
            "Ankara’da imzalanan Moskova Antlaşması ile doğu sınırı çizildi. Moskova’da imzalanan Moskova "
            "Antlaşması daha sonra Meclis’te tasdik edildi.",
            ["place-disagrees"],
        ),
        # an undated report against a dated one
        (
            "Kars Antlaşması 13 Teşrin-i Evvel 1921’de Kars’ta imzalandı. Tiflis’te akdedilen Kars Antlaşması "
            "ile hudut kat’i surette tayin olundu.",
            ["place-disagrees"],
        ),
        # a light verb's participle after its noun
        (
            "Moskova’da imza edilen Moskova Antlaşması üzerine heyet döndü. Ankara’da imzalanan Moskova "
            "Antlaşması da tasdik edildi.",
            ["place-disagrees"],
        ),
        # the same town twice: nothing
        (
            "Moskova’da imzalanan Moskova Antlaşması ile sınır çizildi. Moskova Antlaşması 16 Mart 1921’de "
            "Moskova’da imzalandı.",
            [],
        ),
        # a ratification somewhere else is another happening
        (
            "Moskova’da imzalanan Moskova Antlaşması sınırı çizdi. Ankara’da tasdik edilen Moskova Antlaşması "
            "yürürlüğe girdi.",
            [],
        ),
        # a country holds the town
        (
            "Rusya’da imzalanan Moskova Antlaşması sınırı çizdi. Moskova’da imzalanan Moskova Antlaşması "
            "yürürlüğe girdi.",
            [],
        ),
        # the place belongs to another verb ("bulunan"), not to the signing
        (
            "Ankara’da bulunan heyetin imzaladığı Moskova Antlaşması sınırı çizdi. Moskova Antlaşması 16 Mart "
            "1921’de Moskova’da imzalandı.",
            [],
        ),
        # the town nearest the participle is where it was signed, not where the delegation came from
        (
            "Ankara’dan giden heyetin Moskova’da imzaladığı Moskova Antlaşması sınırı çizdi. Moskova Antlaşması "
            "16 Mart 1921’de Moskova’da imzalandı.",
            [],
        ),
        # two towns joined: no one place
        (
            "Ankara ve Moskova’da imzalanan Moskova Antlaşması sınırı çizdi. Moskova Antlaşması 16 Mart 1921’de "
            "Moskova’da imzalandı.",
            [],
        ),
    ],
)
def test_undated_reports_put_a_signing_in_two_towns_in_one_body(tmp_path, text, expected):
    assert [kind for kind, _ in findings(tmp_path, {"a.txt": text + "\n"})] == expected


def test_an_undated_report_in_one_document_against_another_document(tmp_path):
    texts = {
        "a.txt": "Ankara’da imzalanan Moskova Antlaşması ile sınır çizildi.\n",
        "b.txt": "Moskova’da imzalanan Moskova Antlaşması da tasdik edildi.\n",
    }
    ((kind, message),) = findings(tmp_path, texts)
    assert kind == "place-disagrees" and "Ankara" in message and "Moskova’da" in message
