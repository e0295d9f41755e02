"""What `pdftotext` makes of a journal's PDF, with and without `-layout`: form feeds, no separator line,
note numbers lifted onto lines of their own, justified lines spread one word to a line, two columns."""

from __future__ import annotations

from pathlib import Path

from vakanuvis.ingest import read_file
from vakanuvis.structure import account_characters, recover_structure


def structure(tmp_path: Path, text: str):
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    raw = read_file(path)
    return raw, recover_structure(raw, "dump")


def sentence_of(document, number: int) -> str:
    marker = next(marker for marker in document.markers if marker.number == number)
    span = document.sentences[marker.sentence].span
    return document.text[span.start : span.end]


def notes_of(document) -> dict[int, str]:
    return {note.number: " ".join(note.text.split()) for note in document.footnotes}


BODY_1 = [
    "Erzurum Kongresi 23 Temmuz 1919’da toplandı ve Doğu vilayetlerinin geleceğini görüştü. Kongrede",
    "alınan kararlar bütün yurda telgrafla duyuruldu ve milletin bağımsızlığının korunması gerektiği",
    "kabul edildi. Ardından 4 Eylül 1919’da Sivas’ta bütün yurdun temsilcilerinin katıldığı kongre",
    "toplandı ve Heyet-i Temsiliye’nin yetkileri genişletildi. Kongre kararları İstanbul’a bildirildi.",
]
BODY_2 = [
    "Ankara’da Büyük Millet Meclisi 23 Nisan 1920’de açıldı ve Mustafa Kemal Paşa başkanlığa seçildi.",
    "Meclis ilk iş olarak bir hükümet kurdu ve Moskova’ya bir heyet gönderilmesine karar verdi. Heyet",
    "Bekir Sami Bey’in başkanlığında Temmuz ayında Moskova’ya ulaştı ve Çiçerin ile görüşmeye başladı.",
    "Görüşmeler uzun sürdü ve ancak 16 Mart 1921’de bir dostluk antlaşması imzalanabildi.",
]


def test_notes_without_separator_after_form_feeds_and_a_body_line_opening_with_a_date(tmp_path: Path) -> None:
    """No rule above the notes, numbers glued to the note text; "3 Haziran 1920’de" opening a body line of
    the next page is a date, not note 3, whose own line comes later."""
    text = "\n".join(
        [
            BODY_1[0],
            BODY_1[1],
            "kabul edildi.1 Ardından 4 Eylül 1919’da Sivas’ta bütün yurdun temsilcilerinin katıldığı kongre",
            "toplandı ve Heyet-i Temsiliye’nin yetkileri genişletildi.2 Kongre kararları İstanbul’a bildirildi.",
            "1Mahmut Goloğlu, Erzurum Kongresi, Ankara, 1968, s. 112.",
            "2Kâzım Karabekir, İstiklal Harbimiz, İstanbul, 1960, s. 205.",
            "",
            "\f" + BODY_2[0],
            "Meclis ilk iş olarak bir hükümet kurdu ve Moskova’ya bir heyet gönderilmesine karar verdi.3",
            "3 Haziran 1920’de heyet yola çıktı ve Temmuz ayında Moskova’ya ulaşarak görüşmeye başladı.",
            "Görüşmeler uzun sürdü ve ancak 16 Mart 1921’de bir dostluk antlaşması imzalanabildi.4",
            "3Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul, 1955, s. 12.",
            "4Документы внешней политики СССР, т. III, М., 1959, с. 597.",
            "",
        ]
    )
    raw, document = structure(tmp_path, text)
    assert notes_of(document) == {
        1: "Mahmut Goloğlu, Erzurum Kongresi, Ankara, 1968, s. 112.",
        2: "Kâzım Karabekir, İstiklal Harbimiz, İstanbul, 1960, s. 205.",
        3: "Ali Fuat Cebesoy, Moskova Hatıraları, İstanbul, 1955, s. 12.",
        4: "Документы внешней политики СССР, т. III, М., 1959, с. 597.",
    }
    assert "3 Haziran 1920’de heyet yola çıktı" in document.text
    assert sentence_of(document, 3).endswith("gönderilmesine karar verdi.")
    assert not account_characters(raw, document)


def test_marker_numbers_lifted_onto_their_own_lines_go_back_to_their_sentences(tmp_path: Path) -> None:
    """Without -layout: the number stands before the line that held it; two stacked numbers take the
    sentence ends that follow in order, the first going to the line above when the line below ends none."""
    text = "\n".join(
        [
            BODY_1[0],
            BODY_1[1],
            "1",
            "",
            BODY_1[2],
            BODY_1[3],
            "3",
            "",
            "2",
            "",
            "Doğu’da",
            "ise Kâzım Karabekir Paşa ordusunu Sarıkamış’a doğru harekete geçirdi.",
            "1Goloğlu, a.g.e., s. 112.",
            "2Aynı eser, s. 140.",
            "3Karabekir, a.g.e., s. 205.",
            "",
            "7",
            "",
        ]
    )
    raw, document = structure(tmp_path, text)
    assert sorted(notes_of(document)) == [1, 2, 3]
    assert sentence_of(document, 1).endswith("korunması gerektiği kabul edildi.")
    assert sentence_of(document, 2).endswith("Kongre kararları İstanbul’a bildirildi.")
    assert sentence_of(document, 3).endswith("Sarıkamış’a doğru harekete geçirdi.")
    assert [m.number for m in document.markers] == [1, 2, 3]
    assert "7" not in document.text  # the page number under the notes stays furniture
    assert not account_characters(raw, document)


def test_with_layout_a_lifted_number_goes_to_the_sentence_end_under_its_column(tmp_path: Path) -> None:
    line = BODY_1[2]
    column = line.index("kabul edildi.") + len("kabul edildi.") + 2  # stretched a little by justification
    text = "\n".join(
        [
            BODY_1[0],
            BODY_1[1],
            " " * column + "1",
            line,
            BODY_1[3],
            "",
            "1Goloğlu, a.g.e., s. 112.",
        ]
    )
    _, document = structure(tmp_path, text)
    assert sentence_of(document, 1) == (
        "Kongrede alınan kararlar bütün yurda telgrafla duyuruldu ve milletin bağımsızlığının korunması"
        " gerektiği kabul edildi."
    )


def test_a_justified_line_spread_one_word_to_a_line_is_read_as_one(tmp_path: Path) -> None:
    """Read as lines, the short ones before capitals would each stand alone (a dateline, a signature)."""
    text = "\n".join(
        [
            "Erzurum Kongresi 23 Temmuz 1919’da toplandı ve Doğu vilayetlerinin geleceğini görüştü. Kongre",
            "Heyet-i",
            "Temsiliye’yi",
            "Mustafa",
            "Kemal",
            "Paşa’nın",
            "başkanlığında seçti ve aldığı kararları bütün yurda telgrafla duyurdu. Ardından Sivas’a geçildi.",
        ]
    )
    _, document = structure(tmp_path, text)
    sentences = [document.text[s.span.start : s.span.end] for s in document.sentences]
    assert (
        "Kongre Heyet-i Temsiliye’yi Mustafa Kemal Paşa’nın başkanlığında seçti ve aldığı kararları bütün"
        " yurda telgrafla duyurdu."
    ) in sentences


def test_a_note_run_on_to_the_next_page_is_found_by_its_longer_lines(tmp_path: Path) -> None:
    """The note's lines, set smaller, hold more letters than any body line; the carried part stands above
    the next page's first numbered note with no number of its own."""
    short = [text[:70].rsplit(" ", 1)[0] for text in BODY_1 + BODY_2]
    carried = [
        "verildiği anlaşılmaktadır. Yardımın bir kısmı Erzurum’da teslim edilmiş, kalan kısmı ise Trabzon",
        "yoluyla gönderilmiştir; bu konuda ayrıntılı bilgi için bkz. Armaoğlu, a.g.e., s. 313-315.",
    ]
    text = "\n".join(
        short[:6]
        + [
            "Bu dönemde Rusya’dan silah ve cephane yardımı geldi.1",
            "1Документы внешней политики СССР, т. III, М., 1959, с. 675. Sovyet belgelerinde 1920 yazında",
            "",
            "\f" + short[6],
            short[7],
            short[2],
            short[3],
            short[4],
            short[5],
            "Heyet Moskova’dan dönünce Meclis’e bir rapor sundu.2",
        ]
        + carried
        + ["2Cebesoy, a.g.e., s. 40.", ""]
    )
    raw, document = structure(tmp_path, text)
    notes = notes_of(document)
    assert notes[1].endswith("bkz. Armaoğlu, a.g.e., s. 313-315.")
    assert notes[2] == "Cebesoy, a.g.e., s. 40."
    assert "Trabzon" not in document.text
    assert not account_characters(raw, document)


LEFT = [
    "Ankara’da Büyük Millet Meclisi 23 Nisan",
    "1920’de açıldı ve Mustafa Kemal Paşa",
    "başkanlığa seçildi. Meclis ilk iş olarak bir",
    "hükümet kurdu ve Moskova’ya bir heyet",
    "gönderilmesine karar verdi.1 Heyet Bekir",
    "Sami Bey’in başkanlığında Temmuz ayında",
    "Moskova’ya ulaştı ve Çiçerin ile",
    "görüşmeye başladı. Görüşmeler uzun sürdü",
    "ve ancak 16 Mart 1921’de bir dostluk",
]
RIGHT = [
    "antlaşması imzalanabildi.2 Antlaşma ile",
    "Kars ve Ardahan Türkiye’ye bırakıldı,",
    "Batum ise Gürcistan’a verildi. Doğu",
    "sınırı böylece büyük ölçüde çizilmiş oldu.3",
    "Kars’ta toplanan konferans 13 Ekim",
    "1921’de bir antlaşma ile sona erdi ve",
    "Güney Kafkasya cumhuriyetleri bu sınırı",
    "tanıdı. Ankara bundan sonra bütün gücünü",
    "Batı Cephesi’ne verebildi.4",
]
LEFT_NOTES = ["1Cebesoy, a.g.e., s. 12.", "2Yerasimos, Türk-Sovyet", "İlişkileri, s. 215."]
RIGHT_NOTES = ["3Karabekir, a.g.e., s. 890.", "4Armaoğlu, a.g.e., s. 313."]
TWO_COLUMN_SENTENCES = {
    1: "Meclis ilk iş olarak bir hükümet kurdu ve Moskova’ya bir heyet gönderilmesine karar verdi.",
    2: "Görüşmeler uzun sürdü ve ancak 16 Mart 1921’de bir dostluk antlaşması imzalanabildi.",
    3: "Doğu sınırı böylece büyük ölçüde çizilmiş oldu.",
    4: "Ankara bundan sonra bütün gücünü Batı Cephesi’ne verebildi.",
}
TWO_COLUMN_NOTES = {
    1: "Cebesoy, a.g.e., s. 12.",
    2: "Yerasimos, Türk-Sovyet İlişkileri, s. 215.",
    3: "Karabekir, a.g.e., s. 890.",
    4: "Armaoğlu, a.g.e., s. 313.",
}


def test_two_columns_with_layout_are_read_column_by_column(tmp_path: Path) -> None:
    rows = []
    for left, right in zip(LEFT + [""] + LEFT_NOTES, RIGHT + [""] + RIGHT_NOTES + [""], strict=False):
        rows.append(f"{left:<50}{right}".rstrip())
    rows.insert(0, "Türkiye-Sovyet İlişkileri (1920-1921)".center(90))
    raw, document = structure(tmp_path, "\n".join(rows) + "\n")
    assert notes_of(document) == TWO_COLUMN_NOTES
    for number, sentence in TWO_COLUMN_SENTENCES.items():
        assert sentence_of(document, number).endswith(sentence)
    assert not account_characters(raw, document)


def test_two_columns_without_layout_give_each_column_with_its_notes(tmp_path: Path) -> None:
    """pdftotext's reading order: the left column, its notes, a gap, then the right column and its notes;
    the right column goes on with the sentence the left one left open."""
    text = "\n".join(LEFT + LEFT_NOTES + [""] + RIGHT + RIGHT_NOTES + [""])
    raw, document = structure(tmp_path, text)
    assert notes_of(document) == TWO_COLUMN_NOTES
    for number, sentence in TWO_COLUMN_SENTENCES.items():
        assert sentence_of(document, number).endswith(sentence)
    assert not account_characters(raw, document)


def test_a_marker_before_a_sentence_that_opens_with_a_date(tmp_path: Path) -> None:
    text = "\n".join(
        [
            BODY_2[0],
            "Meclis bir hükümet kurdu ve Moskova’ya heyet gönderdi. 1 28 Nisan 1920’de Bakü’de Sovyet",
            "idaresi kuruldu ve Ankara ile Moskova arasındaki yol açıldı. Heyet yola çıktı. 2 Mayıs 1920’de",
            "Trabzon’a ulaştı.",
            "",
            "1Cebesoy, a.g.e., s. 12.",
        ]
    )
    _, document = structure(tmp_path, text)
    assert [m.number for m in document.markers] == [1]
    assert sentence_of(document, 1).endswith("Moskova’ya heyet gönderdi.")
    assert "2 Mayıs 1920’de Trabzon’a ulaştı." in document.text


def test_names_one_to_a_line_stay_apart(tmp_path: Path) -> None:
    """A decree's list of places, one to a line, is no spread line: together they make little of a line."""
    text = "\n".join(
        [
            "Misak-ı Millî hudutları dahilinde kalan ve elyevm Rus işgalinde bulunan mahaller şunlardır:",
            "Kars",
            "Ardahan",
            "Batum",
            "Bu mahallerin ahalisi arzularını serbestçe izhar edecektir.",
        ]
    )
    _, document = structure(tmp_path, text)
    assert "Kars Ardahan Batum" not in document.text


def test_a_note_stopping_on_a_locator_runs_on_in_a_short_line_above_the_next_pages_first_note(
    tmp_path: Path,
) -> None:
    """ "… Belge No." cannot end a note: the "1920." standing above the next page's first note is its end,
    not a body line ending a sentence that goes on "Antlaşması imzalandı." on the page after."""
    text = "\n".join(
        BODY_1
        + [
            "Bu dönemde Rusya’dan silah ve cephane yardımı geldi ve doğu cephesine sevk edildi.1",
            "1Harp Tarihi Belgeleri Dergisi, S. 85, Belge No.",
            "",
            "\f" + BODY_2[0],
            BODY_2[1] + "2",
            BODY_2[2],
            *BODY_1,
            "Görüşmeler uzun sürdü; aynı gece, yani 2’yi 3 Aralık’a bağlayan gece Gümrü",
            "1920.",
            "2Karabekir, a.g.e., s. 905.",
            "",
            "\fAntlaşması imzalandı. Ermenistan ordusu sınırlandı ve Kars Türkiye’de kaldı.",
        ]
    )
    raw, document = structure(tmp_path, text)
    assert notes_of(document)[1] == "Harp Tarihi Belgeleri Dergisi, S. 85, Belge No. 1920."
    sentences = [" ".join(document.text[s.span.start : s.span.end].split()) for s in document.sentences]
    assert (
        "Görüşmeler uzun sürdü; aynı gece, yani 2’yi 3 Aralık’a bağlayan gece Gümrü Antlaşması imzalandı."
        in sentences
    )
    assert not account_characters(raw, document)


def test_markers_a_dump_sets_apart_before_a_year_an_ordinal_or_after_a_closing_quote(tmp_path: Path) -> None:
    text = "\n".join(
        [
            "Amerikan heyetinin raporu Ermeni taleplerinin nüfusla örtüşmediğini gösteriyordu. 1 1920 baharında",
            "baskılar arttı ve İngilizler Kars’ı Ermenistan’a bıraktı. 2 15. Kolordu Komutanı Kâzım Karabekir",
            "Paşa Erzurum’a ulaştı. Bir mebus, “Rusya bize ikinci bir Sevr teklif etmemeli” 3 diyerek kuşkusunu",
            "dile getirdi. Türkiye’ye 6000 tüfek, 5 milyondan fazla mermi gönderildi.",
            "",
            "1Akgün, a.g.e., s. 52.",
            "2Karabekir, a.g.e., s. 12.",
            "3TBMM Gizli Celse Zabıtları, C. I, s. 187.",
        ]
    )
    _, document = structure(tmp_path, text)
    assert [m.number for m in document.markers] == [1, 2, 3]
    assert sentence_of(document, 1).endswith("nüfusla örtüşmediğini gösteriyordu.")
    assert sentence_of(document, 2).endswith("Kars’ı Ermenistan’a bıraktı.")
    assert sentence_of(document, 3).endswith("diyerek kuşkusunu dile getirdi.")
    assert "5 milyondan fazla mermi" in document.text
