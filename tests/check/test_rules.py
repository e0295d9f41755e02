"""Each criticism rule on small documents written for the test: what it flags and what it leaves alone."""

from __future__ import annotations

import re
from datetime import date

import pytest

from vakanuvis.check import finding_record, run_checks
from vakanuvis.check.anachronism import find_anachronisms
from vakanuvis.check.footnotes import find_marker_problems, find_repeated_footnotes
from vakanuvis.check.quantities import find_quantity_conflicts, turkish_number
from vakanuvis.model import (
    Block,
    DateMention,
    Document,
    Entity,
    EntityMention,
    Footnote,
    Marker,
    Sentence,
    Span,
)


def make_document(text: str, notes: dict[int, str], markers: dict[int, int] | None = None) -> Document:
    """A one-paragraph document; `markers` maps footnote number -> sentence index (default: sentence n-1)."""
    sentences = [Sentence(Span(m.start(), m.end()), 1, 0) for m in re.finditer(r"[^.]+\.", text)]
    markers = markers if markers is not None else {n: n - 1 for n in notes}
    return Document(
        id="doc",
        path="doc.txt",
        sha256="0" * 64,
        text=text,
        blocks=[Block(Span(0, len(text)), 1)],
        sentences=sentences,
        markers=[Marker(n, sentences[s].span.end, 1, s) for n, s in sorted(markers.items())],
        footnotes=[Footnote(n, t, 1, [1]) for n, t in notes.items()],
    )


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("6000", 6000),
        ("6.000", 6000),
        ("17.600", 17600),
        ("200,6", 200.6),
        ("200.6", 200.6),
        ("1.4", 1.4),
        ("57.986.000", 57986000),
    ],
)
def test_turkish_numbers(written, value):
    assert turkish_number(written) == pytest.approx(value)


@pytest.mark.parametrize(
    ("first", "second", "flagged"),
    [
        ("А.Н.Хейфец. Влияние. М., 1957, стр. 56", "А.Н.Хейфец. Влияние. М., 1957, стр. 56", True),
        ("А.Н.Хейфец. Влияние. М., 1957, стр. 56", "А.Н. Хейфец.  Влияние. М.,1957, стр.56", True),
        (
            "С.И.Аралов. Воспоминания. М., 1960, стр. 76.",
            "С.И.Аралов. Воспоминания. М., 1960, стр. 103.",
            False,
        ),
        (
            "Azәrbaycan MDA, f.28, siy.1, iş 68, v.17-21.",
            "Azәrbaycan MDA, f.28, siy.1, iş 68, v.10-16.",
            False,
        ),
    ],
)
def test_repeated_footnotes(first, second, flagged):
    document = make_document("Birinci cümle. İkinci cümle.", {1: first, 2: second})
    findings = find_repeated_footnotes(document)
    assert bool(findings) is flagged
    if flagged:
        record = finding_record(findings[0])
        assert [item["footnote"] for item in record["evidence"]] == [1, 2]
        assert record["evidence"][1]["text"] == second


def test_marker_without_footnote_and_footnote_without_marker():
    document = make_document("Bir. İki. Üç.", {1: "Kaynak A.", 3: "Kaynak C."}, markers={1: 0, 2: 1})
    kinds = sorted(f.kind for f in find_marker_problems(document))
    assert kinds == ["footnote-without-marker", "marker-without-footnote"]
    missing = next(f for f in find_marker_problems(document) if f.kind == "marker-without-footnote")
    assert missing.evidence[0].text == " İki."


def test_markers_out_of_order():
    document = make_document("Bir. İki. Üç.", {1: "A.", 2: "B.", 3: "C."}, markers={1: 0, 3: 1, 2: 2})
    document.markers.sort(key=lambda m: m.sentence)
    assert [f.kind for f in find_marker_problems(document)] == ["marker-out-of-order", "marker-out-of-order"]


def test_clean_apparatus_has_no_findings():
    document = make_document("Bir. İki.", {1: "Kaynak A, s. 1.", 2: "Kaynak B, s. 2."})
    assert find_marker_problems(document) == []
    assert find_repeated_footnotes(document) == []


@pytest.mark.parametrize(
    ("body", "note", "expected"),
    [
        (
            "Rusya 6000 tüfek ve 17600 top mermi gönderdi.",
            "6.000 tüfek ve 17.600 top mermisi verilmiştir.",
            [],
        ),
        ("Rusya 6000 tüfek gönderdi.", "Armaoğlu 8.000 tüfek yazmıştır.", ["different figures"]),
        (
            "Rusya 5 milyondan fazla tüfek mermisi gönderdi.",
            "Armaoğlu 5 milyon kadar tüfek mermisi yazmıştır.",
            ["different qualifiers"],
        ),
        ("Rusya 200,6 kg külçe altın gönderdi.", "1920 Eylülünde 200.6 kg. altın verildi.", []),
        ("Rusya 6000 tüfek gönderdi.", "5 milyon tüfek mermisi de verildi.", []),  # different things
        # the note names the thing before its figure
        (
            "Karabekir’e göre Kars’ta 1200 kadar Ermeni subayı esir alınmıştı.",
            "Gürün ise aynı rapora dayanarak esir alınan subay sayısını 3.000 olarak verir.",
            ["different figures"],
        ),
        ("Kars’ta 1200 Ermeni subayı esir alındı.", "Gürün esir asker sayısını 3.000 olarak verir.", []),
        # a unit alone, one on each side, with its case ending
        (
            "Moskova’ya giden heyet 12 kişiden oluşuyordu.",
            "Tengirşenk heyetin Moskova’ya 15 kişi olarak gittiğini yazar.",
            ["different figures"],
        ),
        # two counts of people in the sentence: which one the note gives is not known
        (
            "Heyet 12 kişiden oluşuyordu; muhafızlar 300 kişiydi.",
            "Tengirşenk heyetin 15 kişi olduğunu yazar.",
            [],
        ),
    ],
)
def test_quantity_conflicts(body, note, expected):
    document = make_document(body, {1: note})
    findings = find_quantity_conflicts(document)
    assert [
        next(w for w in ("different figures", "different qualifiers") if w in f.message) for f in findings
    ] == expected
    for finding in findings:
        assert (
            finding.evidence[0].text
            == document.text[finding.evidence[0].span.start : finding.evidence[0].span.end]
        )
        assert finding.evidence[1].span.footnote == 1


def test_anachronism_against_authority_dates():
    text = "3 Haziran 1920’de SSCB hükümeti teklifi kabul etti. 1923’te SSCB tanındı."
    document = make_document(text, {})
    first, second = text.index("SSCB"), text.rindex("SSCB")
    document.dates = [
        DateMention(Span(0, 17), "3 Haziran 1920’de", "1920-06-03", date(1920, 6, 3), date(1920, 6, 3)),
        DateMention(Span(53, 60), "1923’te", "1923", date(1923, 1, 1), date(1923, 12, 31)),
    ]
    document.mentions = [
        EntityMention(Span(first, first + 4), "SSCB", "SSCB", "organization", "Q15180"),
        EntityMention(Span(second, second + 4), "SSCB", "SSCB", "organization", "Q15180"),
    ]
    entities = {
        "Q15180": Entity("Q15180", "organization", "Sovyetler Birliği", start="1922-12-30", end="1991-12-26")
    }
    findings = find_anachronisms(document, entities)
    assert len(findings) == 1
    assert [e.text for e in findings[0].evidence] == ["SSCB", "3 Haziran 1920’de"]
    assert run_checks([document], entities) == findings


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Nisan-Mart 1922’de heyet cepheye geldi.", True),
        ("Mart-Nisan 1922’de heyet cepheye geldi.", False),
        ("11-4 Eylül 1919 tarihinde kongre yapıldı.", True),
        ("4-11 Eylül 1919 tarihinde kongre yapıldı.", False),
        ("1918-20 yıllarında yardım etti.", False),
        ("1922-1920 yılları arasında yardım etti.", True),
        # a date in numbers is one day, whichever of its day and month is the bigger
        ("Ankara, 23-4-337. Heyet yola çıktı.", False),
        ("9-10-1335 tarihli telgraf alındı.", False),
        ("Erzurum, 23-7-1335 tarihinde kongre toplandı.", False),
        ("23.V.1336 tarihinde heyet geldi.", False),
        # a month alone at the first end, no year written: read in the range's year (and calendar)
        (
            "12 Kânûn-ı Evvel 1336 tarihli habere göre Kasım-Teşrîn-i Evvel aylarında kargaşalık olmuştur.",
            True,
        ),
        (
            "12 Kânûn-ı Evvel 1336 tarihli habere göre Teşrîn-i Evvel-Kasım aylarında kargaşalık olmuştur.",
            False,
        ),
        ("1920 yılında Aralık-Kasım aylarında kargaşalık oldu.", True),
        ("1920 yılında Kasım-Aralık aylarında kargaşalık oldu.", False),
        # the ends joined by a word, or by the ablative and "kadar", not by a dash
        ("Görüşmeler 20 Haziran ile 9 Haziran 1921 tarihleri arasında yapıldı.", True),
        ("Görüşmeler 9 Haziran ile 20 Haziran 1921 tarihleri arasında yapıldı.", False),
        ("1920 ve 1922 yılları arasında yardım etti.", False),
        ("9 Eylül’den 2 Eylül’e kadar süren muharebelerde mevziler korundu.", True),
        ("2 Eylül’den 9 Eylül’e kadar süren muharebelerde mevziler korundu.", False),
        ("The talks went on from 20 June to 9 June 1921.", True),
        ("The talks went on from 9 June to 20 June 1921.", False),
    ],
)
def test_reversed_ranges(sentence, flagged):
    from vakanuvis.annotate.dates import find_dates
    from vakanuvis.check.ranges import find_reversed_ranges

    document = make_document(sentence, {})
    document.dates = find_dates(sentence)
    assert bool(find_reversed_ranges(document)) is flagged


def test_impossible_day():
    from vakanuvis.check.ranges import find_impossible_days

    document = make_document("31 Nisan 1920’de Meclis toplandı. 30 Nisan 1920’de dağıldı.", {})
    (finding,) = find_impossible_days(document)
    assert finding.evidence[0].text == "31 Nisan"


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Bekir Sami Bey Briand ile 29 Şubat 1921’de görüştü.", True),
        ("Heyet 29 Şubat 1920’de Ankara’ya geldi.", False),  # 1920 is a leap year
        ("Heyet 29 Şubat’ta Ankara’ya geldi.", False),  # no year written: any year may be meant
        ("The delegation arrived on 29 February 1921.", True),
        ("Heyet 29 Recep 1338’de Ankara’ya geldi.", False),  # a Hijri day, another day in the Gregorian
    ],
)
def test_the_29th_of_february_of_a_year_that_is_not_a_leap_year(sentence, flagged):
    from vakanuvis.check.ranges import find_impossible_days

    document = make_document(sentence, {})
    assert bool(find_impossible_days(document)) is flagged


def test_quantities_agreeing_with_one_of_several_deliveries():
    body = "Bu dönemde Rusya 6000 tüfek gönderdi."
    note = "1920 yazında 6.000 tüfek verildi. 1921 yılı içinde 33.275 tüfek, 327 makinalı tüfek verildi."
    assert find_quantity_conflicts(make_document(body, {1: note})) == []


def test_anachronism_groups_mentions_under_one_date():
    text = "1920’de SSCB ve SSCB hükümeti temas hâlindeydi."
    document = make_document(text, {})
    document.dates = [DateMention(Span(0, 7), "1920’de", "1920", date(1920, 1, 1), date(1920, 12, 31))]
    document.mentions = [
        EntityMention(Span(8, 12), "SSCB", "SSCB", "organization", "Q15180"),
        EntityMention(Span(16, 20), "SSCB", "SSCB", "organization", "Q15180"),
    ]
    entities = {"Q15180": Entity("Q15180", "organization", "Sovyetler Birliği", start="1922-12-30")}
    (finding,) = find_anachronisms(document, entities)
    assert [e.text for e in finding.evidence] == ["SSCB", "SSCB", "1920’de"]


def test_government_of_a_state_inherits_its_dates():
    text = "3 Haziran 1920’de SSCB hükümeti teklifi kabul etti."
    document = make_document(text, {})
    document.dates = [
        DateMention(Span(0, 17), "3 Haziran 1920’de", "1920-06-03", date(1920, 6, 3), date(1920, 6, 3))
    ]
    start = text.index("SSCB")
    document.mentions = [
        EntityMention(
            Span(start, start + 13), "SSCB hükümeti", "SSCB hükümeti", "organization", "org:sscb-hukumeti"
        )
    ]
    entities = {
        "org:sscb-hukumeti": Entity("org:sscb-hukumeti", "organization", "SSCB hükümeti", ["SSCB hükümeti"]),
        "Q15180": Entity("Q15180", "organization", "Sovyetler Birliği", ["SSCB"], start="1922-12-30"),
    }
    (finding,) = find_anachronisms(document, entities)
    assert "Sovyetler Birliği" in finding.message and finding.evidence[0].text == "SSCB hükümeti"


@pytest.mark.parametrize(
    ("front_matter", "cited_year", "flagged"),
    [
        ("Geliş Tarihi: 12.03.2015 Kabul Tarihi: 20.05.2016", 2017, True),
        ("Geliş Tarihi: 12.03.2015 Kabul Tarihi: 20.05.2016", 2016, False),
        ("Received: 3 May 2019; Accepted: 1 July 2019.", 2021, True),
        ("Bu makale 2016 yılında yazıldı.", 2021, False),  # no cue: the document's date is unknown
    ],
)
def test_cited_work_published_after_the_document(front_matter, cited_year, flagged):
    from vakanuvis.check.publication import find_citations_after_publication
    from vakanuvis.model import Citation

    document = make_document(
        front_matter + " Giriş cümlesi.", {1: f"Yazar, Eser, Ankara, {cited_year}, s. 3."}
    )
    note = document.footnotes[0].text
    document.citations = [Citation(1, Span(0, len(note), 1), note, year=cited_year)]
    findings = find_citations_after_publication(document)
    assert bool(findings) is flagged
    if flagged:
        assert findings[0].evidence[0].text == note
        assert findings[0].evidence[1].text[-4:].isdigit()


@pytest.mark.parametrize(
    ("second_sentence", "flagged"),
    [
        ("SSCB hükümeti teklifi kabul etti.", True),  # the date of the sentence before still holds
        ("Bir yıl sonra SSCB hükümeti teklifi kabul etti.", False),  # the narrative moved on
        ("Bkz. SSCB Dış Politika Belgeleri, Moskova, 1959.", False),  # a reference, not narrative
    ],
)
def test_date_in_force_from_the_sentence_before(second_sentence, flagged):
    from vakanuvis.annotate.dates import find_dates

    first = "3 Haziran 1920’de Moskova’da görüşme yapıldı."
    document = make_document(first + " " + second_sentence, {})
    document.dates = find_dates(document.text)
    for mention in document.dates:
        if "1959" in mention.text:
            mention.role = "bibliographic"
    start = document.text.index("SSCB")
    document.mentions = [EntityMention(Span(start, start + 4), "SSCB", "SSCB", "organization", "Q15180")]
    entities = {"Q15180": Entity("Q15180", "organization", "Sovyetler Birliği", ["SSCB"], start="1922-12-30")}
    assert bool(find_anachronisms(document, entities)) is flagged


def test_a_treatys_signing_dated_twice_differently_is_flagged_not_its_ratification(tmp_path):
    """Reports of one happening (a treaty signed) whose dates cannot both be right; a ratification at
    another date is another happening."""
    from vakanuvis.knowledge_base import KnowledgeBase

    texts = {
        "a.txt": "Moskova Muahedesi 16 Mart 1921’de Moskova’da imzalandı.\n",
        "b.txt": "Moskova Muahedesi 18 Mart 1921’de imzalandı.\n",
        "c.txt": "Moskova Muahedesi 20 Temmuz 1921’de Meclis’te tasdik edildi.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    kb.ingest([tmp_path / name for name in texts])
    conflicts = [f for f in kb.findings() if f.kind == "conflicting-dates"]
    assert len(conflicts) == 1
    (conflict,) = conflicts
    assert "1921-03-16" in conflict.message and "1921-03-18" in conflict.message


@pytest.mark.parametrize(
    ("surface", "bare"),
    [
        ("Konferans", True),
        ("konferans", True),
        ("the Conference", True),
        ("Muahede", True),
        ("bu Kongre", True),
        ("Kars Konferansı", False),
        ("Londra Konferansı", False),
        ("Conference of Lausanne", False),
        ("Moskova Muahedesi", False),
    ],
)
def test_a_head_word_alone_names_no_meeting_to_compare_dates_of(surface, bare):
    from vakanuvis.check.conflicting_dates import _bare_head

    assert _bare_head(EntityMention(Span(0, len(surface)), surface, surface, "meeting", "meeting:x")) is bare


def test_conferences_called_konferans_in_two_documents_are_not_one_dated_twice():
    from vakanuvis.check.conflicting_dates import find_conflicting_dates
    from vakanuvis.model import Event

    def opened(text: str, day: date) -> Document:
        document = make_document(text, {})
        date_text = text.split(" ", 1)[1].split(" açıldı")[0]
        start = text.index(date_text)
        when = DateMention(Span(start, start + len(date_text)), date_text, day.isoformat(), day, day)
        document.dates = [when]
        document.mentions = [
            EntityMention(Span(0, 9), "Konferans", "Konferans", "meeting", "meeting:konferans")
        ]
        document.events = [Event(when, 0, [], "açıldı", "open", "", {"instrument": [0]})]
        return document

    london = opened("Konferans 21 Şubat 1921’de açıldı.", date(1921, 2, 21))
    kars = opened("Konferans 26 Eylül 1921’de açıldı.", date(1921, 9, 26))
    assert find_conflicting_dates([london, kars], {}) == []


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("Ankara Hükümeti 23 Nisan 1920’de Sovyet Rusya ile temasa geçti.", True),
        # the date's own clause says what the sentence tells came after that day
        (
            "Ankara Hükümeti, Meclis 23 Nisan 1920’de açıldıktan hemen sonra Sovyet Rusya ile temasa geçti.",
            False,
        ),
        ("Ankara Hükümeti, 23 Nisan 1920’den sonra Sovyet Rusya ile temasa geçti.", False),
        # a "sonra" of another clause, further on, does not move the date
        (
            "Ankara Hükümeti 23 Nisan 1920’de Sovyet Rusya ile temasa geçti ve bir heyet sonra yola çıktı.",
            True,
        ),
    ],
)
def test_a_date_whose_clause_reaches_after_it_does_not_date_what_did_not_exist_yet(sentence, flagged):
    from vakanuvis.annotate.dates import find_dates

    document = make_document(sentence, {})
    document.dates = find_dates(document.text)
    surface = "Ankara Hükümeti"
    document.mentions = [EntityMention(Span(0, len(surface)), surface, surface, "organization", "ankara")]
    entities = {
        "ankara": Entity("ankara", "organization", "Ankara government", [surface], start="1920-05-03")
    }
    assert bool(find_anachronisms(document, entities)) is flagged


def test_one_sentence_giving_a_signing_two_dates_does_not_disagree_with_itself(tmp_path):
    """ "the night joining the 2nd to the 3rd": one report, a span of time."""
    from vakanuvis.knowledge_base import KnowledgeBase

    text = (
        "Gümrü, 3 Kânûn-ı Evvel 1336\n\nGümrü Muahedenamesi, 2 Kânûn-ı Evvel’i 3 Kânûn-ı Evvel’e bağlayan "
        "gece saat ikide imza olunmuştur.\n"
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Gümrü Muahedenamesi 20 Kânûn-ı Evvel 1336’da imza olunmuştur.\n", "utf-8"
    )
    kb = KnowledgeBase(str(tmp_path / "kb.db"))
    kb.ingest([tmp_path / "a.txt", tmp_path / "b.txt"])
    conflicts = [f.message for f in kb.findings() if f.kind == "conflicting-dates"]
    assert len(conflicts) == 1 and "1920-12-20" in conflicts[0]
