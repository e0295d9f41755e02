"""Names right only from a date on (lang/*/dated_names.yaml), written of an earlier time: an anachronism
whatever the words resolve to, or when they are no mention at all ("Cumhurbaşkanı Mustafa Kemal")."""

from __future__ import annotations

import pytest
from tests.annotate.test_narrative_time import laid_out

from vakanuvis.check.anachronism import find_anachronisms
from vakanuvis.model import Footnote, Marker


def flagged(text: str, **fields) -> list[tuple[str, str]]:
    """(name as written, the date it is dated by) of each anachronism found in `text` (no mentions)."""
    findings = find_anachronisms(laid_out(text, **fields), {})
    return sorted(
        (finding.evidence[0].text, finding.evidence[-1].text if len(finding.evidence) > 1 else "")
        for finding in findings
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "30 Ekim 1920’de Türkiye Cumhuriyeti ordusu Kars’a girdi.",
            [("Türkiye Cumhuriyeti", "30 Ekim 1920’de")],
        ),
        # the last word with a suffix, the circumflex spelling
        (
            "Teşrîn-i Sânî 1336’da Türkiye Cumhuriyeti Hükûmeti’nin Ermenistan ile akdedeceği muahede konuşuldu.",
            [("Türkiye Cumhuriyeti", "Teşrîn-i Sânî 1336’da")],
        ),
        (
            "Mart 1921’de Cumhurbaşkanı Mustafa Kemal antlaşmayı okudu.",
            [("Cumhurbaşkanı Mustafa Kemal", "Mart 1921’de")],
        ),
        (
            "16 Mart 1921’de Sovyetler Birliğinin temsilcisi geldi.",
            [("Sovyetler Birliğinin", "16 Mart 1921’de")],
        ),
        ("In March 1921 the Soviet Union signed a treaty with Angora.", [("Soviet Union", "March 1921")]),
        ("В марте 1921 года СССР подписал договор.", [("СССР", "марте 1921 года")]),
        # from its date on it is right
        ("1924’te Türkiye Cumhuriyeti ordusu Kars’taydı.", []),
        ("30 Aralık 1922’de Sovyetler Birliği kuruldu.", []),
        # the text knows it was yet to be
        ("1921’de kurulmakta olan Sovyetler Birliği ile görüşüldü.", []),
        # other republics' presidents and governments are no anachronism
        ("Mayıs 1920’de Fransa Cumhurbaşkanı Millerand bir nota verdi.", []),
        # Turkey's own office, honoured as the period's telegrams honour it
        (
            "12 Kânûn-ı Evvel 1336’da keyfiyet Cumhurbaşkanı Hazretlerine arz olunmuştur.",
            [("Cumhurbaşkanı Hazretlerine", "12 Kânûn-ı Evvel 1336’da")],
        ),
        ("Mart 1921’de Cumhurbaşkanımız Ankara’da idi.", [("Cumhurbaşkanımız", "Mart 1921’de")]),
        # … but not another state's
        ("Mayıs 1920’de Fransa Cumhurbaşkanı Hazretlerine bir mektup gönderildi.", []),
        ("Mayıs 1919’da Azerbaycan Cumhuriyet Hükûmeti Bakü’deydi.", []),
        # nothing dates the sentence
        ("Türkiye Cumhuriyeti ordusu Kars’a girdi.", []),
    ],
)
def test_dated_names_in_sentences(text, expected):
    assert flagged(text) == expected


def test_a_dated_name_in_a_footnotes_prose_takes_the_time_of_its_marker():
    document = laid_out("26 Eylül 1921’de Kars’ta konferans açıldı.")
    note = "Rusya Sovyet Sosyalist Cumhuriyetler Birliği hükümeti adına Ganetski katıldı."
    document.footnotes = [Footnote(1, note, 1)]
    document.markers = [Marker(1, document.sentences[0].span.end - 1, 1, 0)]
    (finding,) = find_anachronisms(document, {})
    assert finding.evidence[0].span.footnote == 1
    assert finding.evidence[0].text == "Sovyet Sosyalist Cumhuriyetler Birliği"
    assert "Soviet Union" in finding.message


def test_a_telegrams_own_date_dates_its_undated_sentences():
    text = "Sovyet İttihadı hükûmetinin Revan’daki mümessili vasıtasıyla müzakere edilecektir."
    assert flagged(text, date="1920-11-03", type="telegram") == [("Sovyet İttihadı", "")]


def test_a_period_from_a_date_on_reaches_the_time_the_thing_exists_in():
    """ "from 16 March 1920 on" is no time before a thing founded in April 1920, nor in 1923."""
    from vakanuvis.model import Entity, EntityMention, Span

    text = "16 Mart 336 tarihinden itibaren Türkiye Cumhuriyeti ve Büyük Millet Meclisi yegâne makamdır."
    document = laid_out(text)
    start = text.index("Büyük Millet Meclisi")
    assembly = Entity("gna", "organization", "Grand National Assembly", start="1920-04-23")
    document.mentions = [
        EntityMention(
            Span(start, start + 20), "Büyük Millet Meclisi", "Büyük Millet Meclisi", "organization", "gna"
        )
    ]
    assert find_anachronisms(document, {"gna": assembly}) == []
    before = laid_out("16 Mart 336’da Türkiye Cumhuriyeti ordusu geldi.")
    assert [f.evidence[0].text for f in find_anachronisms(before, {})] == ["Türkiye Cumhuriyeti"]
