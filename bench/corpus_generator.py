"""Generate N realistic Turkish articles on 1918-1923 diplomacy from templates: varied names, dates, footnotes.

Each article exists twice: as plain text for the pipeline (`article_text`), and as an analysed
`Document` whose spans are known by construction (`generated_document`), so a benchmark or a test
can fill a knowledge base of thousands of documents without running the annotators. The names,
places and works are general knowledge of the period, not taken from any one article.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from vakanuvis.annotate.events import build_events
from vakanuvis.model import (
    Block,
    Citation,
    DateMention,
    Document,
    Entity,
    EntityMention,
    Footnote,
    Marker,
    Sentence,
    Source,
    Span,
)

MONTHS = ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran"]
MONTHS += ["Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"]

PEOPLE = [
    "Mustafa Kemal Paşa",
    "Kâzım Karabekir",
    "Ali Fuat Paşa",
    "Bekir Sami Bey",
    "Yusuf Kemal Bey",
    "Rıza Nur",
    "Neriman Nerimanov",
    "Georgi Çiçerin",
    "Lev Karahan",
    "Semyon Aralov",
    "Behbud Şahtahtinski",
    "Halil Paşa",
    "Enver Paşa",
    "Budu Mdivani",
    "Sergo Orconikidze",
    "İsmet Paşa",
    "Rauf Bey",
    "Fevzi Paşa",
    "Ahmet Muhtar Bey",
    "Memed Emin Resulzade",
]
PLACES = {
    "Ankara": (39.93, 32.86),
    "Moskova": (55.76, 37.62),
    "Bakü": (40.41, 49.87),
    "Kars": (40.60, 43.10),
    "Nahçıvan": (39.21, 45.41),
    "Erzurum": (39.90, 41.27),
    "Tiflis": (41.72, 44.79),
    "Batum": (41.64, 41.64),
    "Gümrü": (40.79, 43.85),
    "Trabzon": (41.00, 39.72),
    "İstanbul": (41.01, 28.98),
    "Erivan": (40.18, 44.51),
    "Gence": (40.68, 46.36),
    "Sivas": (39.75, 37.02),
    "Şuşa": (39.76, 46.75),
}
ORGANIZATIONS = [
    "Türkiye Büyük Millet Meclisi",
    "Azerbaycan Komünist Partisi",
    "Kızıl Ordu",
    "Müsavat Partisi",
    "Halk Komiserleri Sovyeti",
    "Kafkas Cephesi Komutanlığı",
    "Hariciye Vekâleti",
    "Komintern",
]
TREATIES = ["Moskova Antlaşması", "Kars Antlaşması", "Gümrü Antlaşması", "Sevr Antlaşması"]
TOPICS = ["Nahçıvan meselesi", "Batum meselesi", "sınır meselesi", "altın yardımı", "silah yardımı"]

SENTENCES = [
    "{date} tarihinde {person} {place_dat} ulaştı ve {org} adına görüşmelere başladı.",
    "{person}, {date} günü {place_loc} yaptığı konuşmada {topic_acc} yeniden gündeme getirdi.",
    "{treaty} {date} tarihinde imzalandı; {place} bu antlaşma ile {org} denetimine bırakıldı.",
    "{date} tarihli telgrafında {person}, {topic_gen} çözümü için {place_dat} bir heyet gönderilmesini istedi.",
    "{org}, {date} tarihinde {person} başkanlığında toplanarak {topic_acc} görüştü.",
    "{person} ile {person2} arasında {date} günü {place_loc} yapılan görüşmede {treaty} hükümleri ele alındı.",
    "{date} tarihinde {place_abl} gelen haberler {topic_gen} henüz çözülmediğini gösteriyordu.",
]
FOOTNOTES = [
    "{author}, {title}, {city}, {year}, s. {page}.",
    "Документы внешней политики СССР, т. {volume}, Москва, {year}, стр. {page}.",
    "ATASE Arşivi, Klasör {volume}, Dosya {page}, Fihrist 3.",
    "Azərbaycan Respublikası Dövlət Arxivi, f. 28, siy. 1, iş {page}, v. 17-21.",
    "a.g.e., s. {page}.",
]
WORKS = [
    ("Kâzım Karabekir", "İstiklal Harbimiz", "İstanbul", 1960),
    ("Ali Fuat Cebesoy", "Moskova Hatıraları", "İstanbul", 1955),
    ("Bülent Gökay", "Bolşevizm ile Emperyalizm Arasında Türkiye", "İstanbul", 1998),
    ("Mehmet Saray", "Azerbaycan Türkleri Tarihi", "İstanbul", 1993),
    ("Semyon Aralov", "Bir Sovyet Diplomatının Türkiye Hatıraları", "İstanbul", 1967),
]


def _last_vowel(word: str) -> str:
    for letter in reversed(word.lower()):
        if letter in "aeıioöuüâ":
            return letter
    return "e"


def _suffix(name: str, case: str) -> str:
    """A Turkish case suffix after an apostrophe, by vowel harmony (dative, locative, ablative, ...)."""
    back = _last_vowel(name) in "aıouâ"
    hard = name[-1].lower() in "fstkçşhp"
    vowel_end = name[-1].lower() in "aeıioöuü"
    if case == "dat":
        return ("y" if vowel_end else "") + ("a" if back else "e")
    if case in ("loc", "abl"):
        d = "t" if hard else "d"
        return d + ("a" if back else "e") + ("n" if case == "abl" else "")
    return ""


def _topic_case(topic: str, case: str) -> str:
    """'Nahçıvan meselesi' → 'Nahçıvan meselesini' (accusative) / 'meselesinin' (genitive)."""
    head, _, last = topic.rpartition(" ")
    harmony = {"a": "ı", "ı": "ı", "e": "i", "i": "i", "o": "u", "u": "u", "ö": "ü", "ü": "ü"}
    vowel = harmony.get(_last_vowel(last), "i")
    if case == "acc":
        ending = "n" + vowel if last[-1] in "aeıioöuü" else vowel
    else:
        ending = "n" + vowel + "n" if last[-1] in "aeıioöuü" else vowel + "n"
    return (head + " " if head else "") + last + ending


@dataclass
class _Builder:
    """Assembles body text while remembering the span of every slot filled."""

    text: str = ""
    dates: list[DateMention] = field(default_factory=list)
    mentions: list[EntityMention] = field(default_factory=list)

    def add(self, piece: str) -> None:
        self.text += piece

    def add_mention(self, written: str, surface: str, kind: str, key: str) -> None:
        start = len(self.text)
        self.text += written
        self.mentions.append(EntityMention(Span(start, len(self.text)), written, surface, kind, key))


def entity_key(kind: str, name: str) -> str:
    return f"{kind}:{hashlib.sha1(name.encode()).hexdigest()[:10]}"


def corpus_entities() -> list[Entity]:
    """The entities the generator can mention, as resolution would store them."""
    entities = [Entity(entity_key("person", n), "person", n, [n]) for n in PEOPLE]
    entities += [
        Entity(entity_key("place", n), "place", n, [n], lat=lat, lon=lon) for n, (lat, lon) in PLACES.items()
    ]
    entities += [Entity(entity_key("organization", n), "organization", n, [n]) for n in ORGANIZATIONS]
    entities += [Entity(entity_key("treaty", n), "treaty", n, [n]) for n in TREATIES]
    return entities


def _random_day(rng: random.Random) -> date:
    return date(1918, 11, 1) + timedelta(days=rng.randrange(0, 365 * 5))


def generated_document(index: int, sentences: int = 12, seed: int = 1920) -> Document:
    """Article number `index` of the generated corpus, analysed by construction (spans exact)."""
    rng = random.Random(seed * 100003 + index)
    title = f"{rng.choice(TOPICS).capitalize()} ve {rng.choice(list(PLACES))} ({index})"
    body = _Builder()
    body.add(title + "\n\n")
    doc_sentences: list[Sentence] = []
    markers: list[Marker] = []
    footnotes: list[Footnote] = []
    for number in range(sentences):
        if number and number % 4 == 0:
            body.add("\n\n")
        elif number:
            body.add(" ")
        start = len(body.text)
        template = rng.choice(SENTENCES)
        day = _random_day(rng)
        person, person2 = rng.sample(PEOPLE, 2)
        place = rng.choice(list(PLACES))
        slots = {
            "person": ("person", person, person),
            "person2": ("person", person2, person2),
            "org": ("organization", rng.choice(ORGANIZATIONS), None),
            "treaty": ("treaty", rng.choice(TREATIES), None),
            "place": ("place", place, place),
            "place_dat": ("place", place, place + "’" + _suffix(place, "dat")),
            "place_loc": ("place", place, place + "’" + _suffix(place, "loc")),
            "place_abl": ("place", place, place + "’" + _suffix(place, "abl")),
        }
        topic = rng.choice(TOPICS)
        date_mention = None
        for piece in _pieces(template):
            if piece == "{date}":
                written = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
                date_start = len(body.text)
                body.add(written)
                iso = day.isoformat()
                date_mention = DateMention(Span(date_start, len(body.text)), written, iso, day, day)
                body.dates.append(date_mention)
            elif piece in ("{topic_acc}", "{topic_gen}"):
                body.add(_topic_case(topic, piece[7:10]))
            elif piece.startswith("{") and piece[1:-1] in slots:
                kind, name, written = slots[piece[1:-1]]
                body.add_mention(written or name, name, kind, entity_key(kind, name))
            else:
                body.add(piece)
        end = len(body.text)
        sentence_index = len(doc_sentences)
        doc_sentences.append(Sentence(Span(start, end), 1 + number // 4, 1 + number // 4))
        cited: list[int] = []
        if rng.random() < 0.6:
            note_number = len(footnotes) + 1
            footnotes.append(Footnote(note_number, _footnote_text(rng), 1 + number // 4, [1 + number // 4]))
            markers.append(Marker(note_number, end, 1 + number // 4, sentence_index))
            cited.append(note_number)
    paragraphs = _blocks(body.text, doc_sentences)
    sha = hashlib.sha256(body.text.encode() + b"".join(f.text.encode() for f in footnotes)).hexdigest()
    document = Document(
        id=sha[:16],
        path=f"generated/article-{index:05d}.txt",
        sha256=sha,
        title=title,
        pages=1 + (sentences - 1) // 4,
        encoding="utf-8",
        text=body.text,
        blocks=paragraphs,
        sentences=doc_sentences,
        markers=markers,
        footnotes=footnotes,
        page_starts=[(0, 1)],
        dates=body.dates,
        mentions=body.mentions,
    )
    # what happened at each date and who took part: read by the real event stage off the built text
    document.events = build_events(document)
    document.citations = [
        Citation(
            footnote=f.number,
            span=Span(0, len(f.text), f.number),
            raw=f.text,
            source_key=source_key(f.text),
            title=f.text.split(",")[1].strip() if "," in f.text else f.text,
        )
        for f in footnotes
    ]
    return document


def source_key(footnote_text: str) -> str:
    """One work per footnote template and title, whatever page it cites."""
    work = footnote_text.split(", s. ")[0].split(", стр. ")[0].split(", Dosya")[0].split(", iş")[0]
    return "source:" + hashlib.sha1(work.encode()).hexdigest()[:10]


def store_generated_corpus(engine, count: int, start: int = 0) -> list[str]:
    """Store `count` generated documents with their entities and sources, as if ingested and resolved."""
    from vakanuvis.store.edits import refresh_after_resolution
    from vakanuvis.store.resolution import replace_entities, replace_sources
    from vakanuvis.store.write import save_document

    ids, works = [], {}
    for index in range(start, start + count):
        document = generated_document(index)
        save_document(engine, document)
        ids.append(document.id)
        for citation in document.citations:
            works[citation.source_key] = citation
    with engine.begin() as connection:
        replace_entities(connection, corpus_entities())
        replace_sources(
            connection, [Source(key, "book", [], c.title, None, None, None) for key, c in works.items()]
        )
    refresh_after_resolution(engine)
    return ids


def _pieces(template: str) -> list[str]:
    pieces, rest = [], template
    while "{" in rest:
        before, _, after = rest.partition("{")
        slot, _, rest = after.partition("}")
        pieces += [before, "{" + slot + "}"]
    return [*pieces, rest]


def _footnote_text(rng: random.Random) -> str:
    author, title, city, year = rng.choice(WORKS)
    return rng.choice(FOOTNOTES).format(
        author=author,
        title=title,
        city=city,
        year=year if rng.random() < 0.5 else 1959,
        page=rng.randrange(3, 900),
        volume=rng.randrange(1, 12),
    )


def _blocks(text: str, sentences: list[Sentence]) -> list[Block]:
    blocks, start = [], 0
    for index, paragraph in enumerate(text.split("\n\n")):
        blocks.append(Block(Span(start, start + len(paragraph)), 1, "heading" if index == 0 else "paragraph"))
        start += len(paragraph) + 2
    return blocks


def article_text(document: Document) -> str:
    """The article as a plain-text file for the pipeline: body with markers, then its footnotes."""
    body, previous = [], 0
    for marker in sorted(document.markers, key=lambda m: m.offset):
        body.append(document.text[previous : marker.offset] + str(marker.number))
        previous = marker.offset
    body.append(document.text[previous:])
    notes = "\n".join(f"{note.number} {note.text}" for note in document.footnotes)
    return "".join(body) + "\n\n" + notes + "\n"
