"""Tables for the single steps: marker candidates, line joining, sentences, language."""

from __future__ import annotations

import pytest

from vakanuvis.structure import segment_sentences
from vakanuvis.structure.guess import guess_language
from vakanuvis.structure.lines import join_lines, line_candidates, parse_note_start
from vakanuvis.structure.markers import select_markers


@pytest.mark.parametrize(
    ("line", "numbers"),
    [
        ("görüşmeyi gerçekleştirememişti.2 ", [2]),
        ("müzakere edildi.1 İşgallere karşı", [1]),
        ("metnini hazırladılar.10 10 Ağustos 1920’de", [10]),
        ("anlaşma” imzalanmıştı.21 Türkiye bu", [21]),
        ("ederdi,” ifadelerini kullanmıştı.35", [35]),
        ("gönderdi.¹ Heyet", [1]),
        ("başladı.[12] Muharebe", [12]),
        ("28 Haziran 1920’de 11. Ordu, Gorus", []),
        ("Müsavatçıları 6. Türk süvari alayına", []),
        ("8.Sovyetler kurultayında", []),
        ("gelirlerinin %25’i Fransa’nın", []),
        ("Türkiye’ye 6000 tüfek, 5 milyondan fazla", []),
        ("1-8 Eylül 1920’de Bakü’de", []),
        ("yerine Mustafa Kemal 14 ", []),
        ("200,6 kg külçe altın", []),
        ("Ankara,1991, s.201 ve v.17 ile 1918-20 yıllarında", []),
        ("№1,2 ve §3 ile 3/4", []),
    ],
)
def test_marker_candidates(line, numbers):
    assert [candidate.number for candidate in line_candidates(line)] == numbers


def test_sequence_chooses_markers_and_skips_stray_numbers():
    lines = ["yardım gönderdi.4 Azerbaycan’da", "200,6 kg altın.6 Sonra", "olmuştur.5 ", "Ayrıca.9 ve.6"]
    candidates = [c for index, line in enumerate(lines) for c in line_candidates(line, index)]
    chosen = select_markers(candidates, footnote_numbers={4, 5, 6, 7})
    # 4 and 5 follow the sequence; the first 6 comes before 5 and is skipped over, 9 jumps too far.
    assert [(c.line, c.number) for c in chosen] == [(0, 4), (2, 5), (3, 6)]


@pytest.mark.parametrize(
    ("line", "number", "rest"),
    [
        ("1  Ю.А.Багиров. Из истории", 1, "Ю.А.Багиров. Из истории"),
        ("12) Kazım Karabekir", 12, "Kazım Karabekir"),
        ("[3] Aynı eser", 3, "Aynı eser"),
        ("⁴ Aynı eser", 4, "Aynı eser"),
        ("5. Aynı eser", 5, "Aynı eser"),
        ("Fahir Armaoğlu ise", None, None),
        ("2nci Ordu kumandanı", None, None),
        ("3Kazım Karabekir", 3, "Kazım Karabekir"),
        ("1920 yazında 6.000 tüfek", None, None),
    ],
)
def test_footnote_starts(line, number, rest):
    start = parse_note_start(line)
    assert (start.number, start.rest) == (number, rest) if number else start is None


@pytest.mark.parametrize(
    ("lines", "joined", "hyphens"),
    [
        (
            ["Türkiye, Azerbaycan-", "Ermenistan ve Gürcistan"],
            "Türkiye, Azerbaycan-Ermenistan ve Gürcistan",
            [],
        ),
        (["biz Türkiye-", "Taşnak savaşına"], "biz Türkiye-Taşnak savaşına", []),
        (["bu yardım son-", "baharında geldi"], "bu yardım sonbaharında geldi", ["-"]),
        (["Vilayet-", "ı Şarkiye"], "Vilayet-ı Şarkiye", []),
        (["ayrı-", "ayrı anlaşma"], "ayrı-ayrı anlaşma", []),
        (["1918-", "20 yıllarında"], "1918-20 yıllarında", []),
        (["Azer\u00ad", "baycan"], "Azerbaycan", ["\u00ad"]),
        (["Azerbaycan -", "Ermenistan"], "Azerbaycan - Ermenistan", []),
        (["satır sonu", "yeni satır"], "satır sonu yeni satır", []),
    ],
)
def test_line_joining(lines, joined, hyphens):
    assert join_lines(lines) == (joined, hyphens)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Sefir S.İ. Aralov geldi. V.İ. Lenin yazdı.", ["Sefir S.İ. Aralov geldi.", "V.İ. Lenin yazdı."]),
        (
            "Bağirov, Baku 1965, s. 21. Sonra M., 1960 basıldı.",
            ["Bağirov, Baku 1965, s. 21.", "Sonra M., 1960 basıldı."],
        ),
        (
            "Dr. İbrahim Tali Bey vb. kişiler geldi. Bkz. s. 5.",
            ["Dr. İbrahim Tali Bey vb. kişiler geldi.", "Bkz. s. 5."],
        ),
        ("11. Ordu girdi. I. Dünya Savaşı bitti.", ["11. Ordu girdi.", "I. Dünya Savaşı bitti."]),
        (
            "Eylül 1921’de İ. Ebilov yola çıktı. 12 Ekim’de geldi.",
            ["Eylül 1921’de İ. Ebilov yola çıktı.", "12 Ekim’de geldi."],
        ),
        ("“Biz geldik.” dedi. Gitti mi? Evet!", ["“Biz geldik.” dedi.", "Gitti mi?", "Evet!"]),
        ("1918’de bağımsız oldu. 1920. Yıl bitti.", ["1918’de bağımsız oldu.", "1920.", "Yıl bitti."]),
        ("Son cümle", ["Son cümle"]),
        # a reference goes on past its title with a volume or page
        (
            "См.: Документы внешней политики СССР. Т. 3. М., 1959. Дальше.",
            ["См.: Документы внешней политики СССР. Т. 3. М., 1959.", "Дальше."],
        ),
    ],
)
def test_sentences(text, sentences):
    assert [text[start:end] for start, end in segment_sentences(text)] == sentences


def test_sentence_offsets_shift_by_start():
    assert segment_sentences("  Bir. İki.", start=100) == [(102, 106), (107, 111)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Mustafa Kemal Paşa bu dönemde Ankara’da bir meclis topladı ve Sovyetler ile görüştü.", "tr"),
        ("Azərbaycan Cümhuriyyəti və Türkiyə arasında bu dövrdə sıx əlaqələr yarandı.", "az"),
        ("В это время советское правительство и Турция заключили договор в Москве.", "ru"),
        ("At this time the Ankara government signed a treaty with the Soviets in Moscow.", "en"),
    ],
)
def test_language_guess(text, language):
    assert guess_language(text) == language


@pytest.mark.parametrize(
    ("lines", "kinds"),
    [
        (
            ["1. Giriş", "Ankara hükümeti 1920 yazında Moskova’ya bir heyet gönderdi ve heyet yola çıktı."],
            ["heading", "paragraph"],
        ),
        (
            ["II. SOVYET RUSYA İLE İLİŞKİLER", "Ankara hükümeti 1920 yazında Moskova’ya bir heyet gönderdi."],
            ["heading", "paragraph"],
        ),
        (
            [
                "Kararlar:",
                "1- Ülke içerisindeki nizam ve bütünlüğü sağlamak",
                "2- Güney Kafkasya meselesini çözmek.",
            ],
            ["paragraph", "list-item", "list-item"],
        ),
    ],
)
def test_block_kinds(lines, kinds):
    from vakanuvis.structure.lines import Line
    from vakanuvis.structure.paragraphs import build_body

    body = build_body([Line(text, 1) for text in lines], {})
    assert [block.kind for block in body.blocks] == kinds


def test_a_short_line_a_point_above_the_body_type_is_a_heading():
    from vakanuvis.structure.lines import Line
    from vakanuvis.structure.paragraphs import build_body

    lines = [
        Line("Türkiye ile Azerbaycan Arasındaki İlişkiler ve Nahçıvan Meselesi Üzerine Bir", 1, 12.0),
        Line("Öz", 1, 13.0),
        Line("Mondros Ateşkes Antlaşması’ndan sonra Anadolu’da milli mücadele başladı ve", 1, 12.0),
        Line("Mustafa Kemal Paşa 19 Mayıs 1919’da Samsun’a çıktı.", 1, 12.0),
    ]
    assert [block.kind for block in build_body(lines, {}).blocks] == ["paragraph", "heading", "paragraph"]


def test_small_type_quotation_above_the_footnotes_stays_in_the_body():
    from vakanuvis.model import RawDocument, RawLine, RawPage
    from vakanuvis.structure import account_characters, recover_structure

    body = [
        "Mustafa Kemal Paşa Meclis’te şöyle konuştu ve milletvekillerine durumu anlattı:",
        "bugün düşmanın Sakarya’ya kadar geldiğini biliyoruz, ama ordumuz hazırdır ve",
    ]
    quote = [
        "“Hattı müdafaa yoktur, sathı müdafaa vardır. O satıh bütün vatandır.”¹ Söz",
        "Meclis’te alkışlandı.",
    ]
    notes = [
        "¹ Atatürk’ün Söylev ve Demeçleri, c. I, Ankara 1945, s. 190.",
        "Aynı konuşma için bk. Nutuk, s. 250.",
    ]
    lines = [RawLine(text, 11.0, 100.0 + 14 * i, 56.0) for i, text in enumerate(body)]
    lines += [RawLine(text, 9.0, 600.0 + 11 * i, 70.0) for i, text in enumerate(quote)]
    lines += [RawLine(text, 8.0, 720.0 + 10 * i, 56.0) for i, text in enumerate(notes)]
    raw = RawDocument("q.pdf", "0", "pdf", [RawPage(1, lines, 842.0, 595.0)], explicit_pages=True)
    document = recover_structure(raw, "q")
    assert [note.text for note in document.footnotes] == [
        "Atatürk’ün Söylev ve Demeçleri, c. I, Ankara 1945, s. 190. Aynı konuşma için bk. Nutuk, s. 250."
    ]
    assert "O satıh bütün vatandır.” Söz Meclis’te alkışlandı." in document.text
    assert account_characters(raw, document) == {}


def test_a_note_line_beginning_with_a_date_continues_the_note():
    from vakanuvis.model import RawDocument, RawLine, RawPage
    from vakanuvis.structure import recover_structure

    pages = [
        [
            "Karabekir raporunu Ankara’ya gönderdi.1 Heyet ertesi gün yola çıktı ve Kars’a döndü.2",
            "__________",
            "1 Kazım Karabekir, İstiklal Harbimiz, s. 700. Raporun tarihi:",
            "2 Mayıs 1920.",
        ],
        ["Kars’ta yeni bir karargâh kuruldu.", "__________", "2 Aynı eser, s. 702."],
    ]
    raw = RawDocument(
        "d.txt",
        "0",
        "utf-8",
        [RawPage(n, [RawLine(t) for t in lines]) for n, lines in enumerate(pages, 1)],
        True,
    )
    document = recover_structure(raw, "d")
    assert [(n.number, n.text, n.page) for n in document.footnotes] == [
        (1, "Kazım Karabekir, İstiklal Harbimiz, s. 700. Raporun tarihi: 2 Mayıs 1920.", 1),
        (2, "Aynı eser, s. 702.", 2),
    ]
