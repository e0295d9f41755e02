"""One happening told two ways in one document: who signed a treaty, what came of an attack on a place.
Cases written in the period's register and in modern Turkish, run through ingest and resolution."""

from __future__ import annotations

import pytest

from vakanuvis.knowledge_base import KnowledgeBase


def findings(tmp_path, text: str) -> list[tuple[str, list[str]]]:
    (tmp_path / "metin.txt").write_text(text + "\n", encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    kb.ingest([tmp_path / "metin.txt"])
    return [
        (finding.message, [item.text for item in finding.evidence])
        for finding in kb.findings()
        if finding.kind == "happening-disagrees"
    ]


FULL = (
    "Moskova Antlaşması 16 Mart 1921’de Moskova’da imzalandı. Antlaşmayı TBMM Hükümeti adına Yusuf Kemal Bey, "
    "Sovyet Rusya adına Çiçerin imzaladı."
)


@pytest.mark.parametrize(
    ("other", "signer"),
    [
        # another man, for a side named otherwise
        (
            "Moskova Antlaşması’nı Türk heyeti namına imzalayan Rıza Nur Bey daha sonra Ankara’ya döndü.",
            "Rıza Nur",
        ),
        # another man, for the same state
        ("Moskova Antlaşması’nı TBMM Hükümeti adına Bekir Sami Bey imzalamıştı.", "Bekir Sami"),
        # the same man: no disagreement
        ("Moskova Antlaşması’nı TBMM Hükümeti adına imzalayan Yusuf Kemal Bey Ankara’ya döndü.", ""),
        # a go-between is no signer
        ("Moskova Antlaşması Kâzım Karabekir Paşa aracılığıyla Ankara’ya bildirildi.", ""),
        # another man named with no side: he may have signed for a third party
        ("Moskova Antlaşması’nı imzalayan Rıza Nur Bey daha sonra Ankara’ya döndü.", ""),
        # a signer of a state the full account does not name
        ("Moskova Antlaşması’nı Azerbaycan adına imzalayan Behbud Ağa daha sonra Bakü’ye döndü.", ""),
        # a signer of the same side beside the one the full account has
        ("Moskova Antlaşması’nı TBMM Hükümeti adına Yusuf Kemal Bey ve Rıza Nur Bey imzaladı.", ""),
    ],
)
def test_a_treaty_signed_by_another_man(tmp_path, other, signer):
    found = findings(tmp_path, f"{FULL}\n\nTürk-Rus münasebetleri bir süre iyi gitti. {other}")
    if not signer:
        assert found == []
        return
    ((message, evidence),) = found
    assert signer in message and "Yusuf Kemal" in message
    assert any(signer in text for text in evidence) and any("Çiçerin" in text for text in evidence)


def test_signers_named_together_never_disagree(tmp_path):
    text = (
        "Moskova Antlaşması 16 Mart 1921’de Yusuf Kemal Bey ve Çiçerin tarafından imzalandı. "
        "Moskova Antlaşması’nı TBMM Hükümeti adına Yusuf Kemal Bey, Sovyet Rusya adına Çiçerin imzaladı."
    )
    assert findings(tmp_path, text) == []


@pytest.mark.parametrize(
    ("other", "flagged"),
    [
        ("3 Eylül’de Mangaltepe’ye yapılan düşman taarruzu kıtaatımız tarafından püskürtülmüştür.", True),
        ("3 Eylül’de Mangaltepe’ye yapılan düşmanın hücumu tardolunmuştur.", True),
        # another day: the attack beaten off the day before it fell
        ("2 Eylül’de Mangaltepe’ye yapılan düşman taarruzu kıtaatımız tarafından püskürtülmüştür.", False),
        # another place
        ("3 Eylül’de Kartaltepe’ye yapılan düşman taarruzu kıtaatımız tarafından püskürtülmüştür.", False),
        # another side's attack: our counter-attack beaten off after the enemy took it
        ("3 Eylül’de Mangaltepe’ye yapılan süvari taarruzumuz düşman tarafından püskürtülmüştür.", False),
        # no attacker named
        ("3 Eylül’de Mangaltepe’ye yapılan taarruz püskürtülmüştür.", False),
    ],
)
def test_a_place_taken_and_the_attack_on_it_beaten_off(tmp_path, other, flagged):
    text = f"Garp Cephesi Kumandanlığı\nAlagöz, 4 Eylül 1337\n\n3 Eylül’de düşman Mangaltepe’yi zaptetmiştir. Esir adedi tespit olunmaktadır. {other}"
    found = findings(tmp_path, text)
    assert bool(found) == flagged
    if flagged:
        ((message, evidence),) = found
        assert "Mangaltepe" in message and any("zaptetmiştir" in text for text in evidence)


@pytest.mark.parametrize(
    ("other", "flagged"),
    [
        ("Erzurum’a ilk giren kıtaatımız 3. Fırka’dır.", True),
        ("Erzurum’a ilk evvel 11. Fırka girmiştir.", True),
        # the same unit, in letters
        ("Erzurum’a ilk evvel Dokuzuncu Fırka girmiştir.", False),
        # another place
        ("Erzurum’dan sonra Bayburt’a ilk giren kıtaatımız 3. Fırka’dır.", False),
        # the first at another time
        ("Erzurum’a 1916 senesinde ilk giren kıtaat 3. Fırka idi.", False),
    ],
)
def test_two_units_each_the_first_to_enter_one_place(tmp_path, other, flagged):
    text = (
        "Şark Cephesi Kumandanlığı\n\n12 Mart 1334’te şehir istirdat olundu. Erzurum’a 12 Mart 1334’te ilk evvel "
        f"9. Fırka girmiştir. Ahali kıtaatı sevinçle karşılamıştır. {other}"
    )
    found = findings(tmp_path, text)
    assert bool(found) == flagged
