"""Write N realistic Turkish articles on 1918-1923 for the scale benchmark, as files the pipeline reads.

Names, places, organizations and treaties come from the project's own generator lists
(bench/corpus_generator.py) and the shipped authority file; dates are written in many Turkish forms
(day month year, numeric, Roman-numeral months, Rumi years, ranges, month and year alone, suffixed);
footnotes cite Turkish books, journals and archives, Russian documents and archives and Azerbaijani
archives and books, with "a.g.e." back references. Ordinary words of the filler sentences are drawn from
wordfreq's Turkish list by frequency, so the vocabulary grows across the corpus as a real one does.
Files are UTF-8, cp1254 or UTF-16 text (notes at the end, or pages split by form feeds with
superscript markers and notes under a rule at the page foot), and some are PDFs drawn with fpdf2,
footnotes in smaller type at the page foot. The same seed always gives the same files.

    .venv/bin/python bench/scale_corpus.py OUT_DIR [--count 100] [--seed 1920]
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus_generator import (  # noqa: E402
    MONTHS,
    ORGANIZATIONS,
    PEOPLE,
    PLACES,
    TOPICS,
    TREATIES,
    WORKS,
    _suffix,
    _topic_case,
)

# raised whenever the same seed gives other files, so that a corpus written before is written again
GENERATOR_VERSION = 2
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

SENTENCES = [
    "{date} {person} {place_dat} ulaştı ve {org} adına görüşmelere başladı.",
    "{person}, {date} {place_loc} yaptığı konuşmada {topic_acc} yeniden gündeme getirdi.",
    "{treaty} {date} imzalandı; {place} bu antlaşma ile {org} denetimine bırakıldı.",
    "{date} tarihli telgrafında {person}, {topic_gen} çözümü için {place_dat} bir heyet gönderilmesini istedi.",
    "{org}, {date} {person} başkanlığında toplanarak {topic_acc} görüştü.",
    "{person} ile {person2} arasında {date} {place_loc} yapılan görüşmede {treaty} hükümleri ele alındı.",
    "{date} {place_abl} gelen haberler {topic_gen} henüz çözülmediğini gösteriyordu.",
    "{person2}, {person} ile birlikte {date} {place_abl} ayrıldı.",
    "Bu gelişmeler üzerine {org} {date} {place_dat} yeni bir temsilci atadı.",
    "{person} hatıratında {date} {place_loc} yaşananları ayrıntılı biçimde anlatır.",
    "{date} {place_loc} toplanan kongre {topic_acc} uzun uzun tartıştı.",
    "Sovyet hükümeti {date} {person} aracılığıyla {org} ile temasa geçti.",
]
FILLERS = [
    "Bu dönemde {w1} ve {w2} meseleleri de tartışıldı.",
    "Özellikle {w1} konusunda {w2} ile ilgili farklı görüşler ileri sürüldü.",
    "Yazar, {w1} ile {w2} arasındaki ilişkiyi {w3} açısından değerlendirir.",
    "Belgelerde {w1}, {w2} ve {w3} hakkında da bilgi bulunmaktadır.",
    "Ancak {w1} meselesi {w2} nedeniyle bir süre ertelendi.",
    "Bununla birlikte {w1} ve {w2} üzerinde durulmadı.",
]
HEADINGS = ["GİRİŞ", "Sovyet Rusya ile İlişkiler", "Nahçıvan Meselesi", "Kars Konferansı", "SONUÇ"]
JOURNALS = ["Belleten", "Atatürk Araştırma Merkezi Dergisi", "Türk Kültürü", "Tarih Dergisi"]
RUSSIAN_WORKS = [
    ("Документы внешней политики СССР", "Москва", 1959),
    ("Аралов С. И., Воспоминания советского дипломата", "Москва", 1960),
    ("Гасанлы Дж. П., Русская революция и Азербайджан", "Москва", 2011),
    ("Киреев Н. Г., История Турции. XX век", "Москва", 2007),
]
RUSSIAN_ARCHIVES = ["РГАСПИ", "АВП РФ", "ГАРФ", "РГВА"]
AZERBAIJANI_WORKS = [
    ("Cəmil Həsənli", "Azərbaycan Xalq Cümhuriyyətinin xarici siyasəti", "Bakı", 2009),
    ("Nəsiman Yaqublu", "Məmməd Əmin Rəsulzadə", "Bakı", 1991),
]
TURKISH_LETTERS = "çğıöşüÇĞİÖŞÜâ"
TURKISH_HEADS = {"Antlaşması", "Partisi", "Komitesi", "Ordusu", "Cumhuriyeti", "Hükümeti", "Meclisi"}
# Scripts each footnote style needs: cp1254 files can only hold Turkish (Latin) citations.
LATIN_STYLES = ("tr_book", "tr_journal", "tr_archive", "back")
ALL_STYLES = (*LATIN_STYLES, "ru_doc", "ru_archive", "az_archive", "az_book")


@dataclass
class Article:
    """One generated article: paragraphs with {n} markers, and its footnotes by number."""

    title: str
    author: str
    paragraphs: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    words: int = 0


@cache
def _names() -> dict[str, list[str]]:
    """Names by type: the generator's lists and the Latin-script names of the shipped authority."""
    from vakanuvis.reference.authority import load_authority

    names: dict[str, list[str]] = {
        "person": list(PEOPLE),
        "place": list(PLACES),
        "organization": list(ORGANIZATIONS),
        "treaty": list(TREATIES),
    }
    for entry in load_authority().entries:
        if entry.type not in names:
            continue
        forms = [f for f in entry.forms() if not any("\u0400" <= c <= "\u04ff" for c in f)]
        if entry.type != "person":  # English names of states and parties read wrong in Turkish prose
            forms = [f for f in forms if set(f) & set(TURKISH_LETTERS) or f.split()[-1] in TURKISH_HEADS]
        forms.sort(key=lambda f: not set(f) & set(TURKISH_LETTERS))  # the Turkish spelling when there is one
        if forms and forms[0] not in names[entry.type]:
            names[entry.type].append(forms[0])
    return names


@cache
def _vocabulary() -> tuple[list[str], list[float]]:
    """Ordinary Turkish words with their frequencies, for the filler sentences."""
    from wordfreq import top_n_list, word_frequency

    words = [w for w in top_n_list("tr", 30000) if w.isalpha() and w.islower() and len(w) >= 4]
    return words, [word_frequency(w, "tr") for w in words]


def _date(rng: random.Random) -> str:
    """A date of 1918-1923 in one of the forms Turkish historians write."""
    year, month, day = rng.randint(1918, 1923), rng.randint(1, 12), rng.randint(1, 28)
    name = MONTHS[month - 1]
    form = rng.randrange(10)
    if form == 0:
        return f"{day}.{month:02d}.{year} tarihinde"
    if form == 1:
        return f"{day}/{ROMAN[month - 1]}/{year} tarihinde"
    if form == 2 and month >= 3:
        return f"{day} {name} {year - 584} (R.) tarihinde"
    if form == 3:
        return f"{year} yılının {name} ayında"
    if form == 4:
        return f"{name} {year}{_year_suffix(year)}"
    if form == 5:
        return f"{day}-{min(day + rng.randint(1, 5), 30)} {name} {year} tarihleri arasında"
    if form == 6:
        return f"{year} yılında"
    return f"{day} {name} {year}{_year_suffix(year)}"


def _year_suffix(year: int) -> str:
    """The locative after a year as read aloud: 1920’de, 1921’de, 1923’te, 1919’da."""
    return {0: "’de", 1: "’de", 2: "’de", 3: "’te", 8: "’de", 9: "’da"}[year % 10]


def _filled(template: str, rng: random.Random) -> str:
    names = _names()
    person, person2 = rng.sample(names["person"], 2)
    place = rng.choice(names["place"])
    words, weights = _vocabulary()
    w1, w2, w3 = rng.choices(words, weights=weights, k=3)
    topic = rng.choice(TOPICS)
    return template.format(
        date=_date(rng),
        person=person,
        person2=person2,
        place=place,
        place_dat=place + "’" + _suffix(place, "dat"),
        place_loc=place + "’" + _suffix(place, "loc"),
        place_abl=place + "’" + _suffix(place, "abl"),
        org=rng.choice(names["organization"]),
        treaty=rng.choice(names["treaty"]),
        topic_acc=_topic_case(topic, "acc"),
        topic_gen=_topic_case(topic, "gen"),
        w1=w1,
        w2=w2,
        w3=w3,
    )


def _journal_imprint(author: str, title: str) -> tuple[str, int, int, int]:
    """Where an article appeared: one journal, volume, issue and year for each author and title, whoever
    cites it (a real article is not printed again in another year and volume at each citation)."""
    imprint = random.Random(f"{author}|{title}")
    return (
        imprint.choice(JOURNALS),
        imprint.randint(1, 60),
        imprint.randint(1, 240),
        imprint.randint(1960, 2015),
    )


def _footnote(rng: random.Random, styles: tuple[str, ...], cited: list[str]) -> str:
    style = rng.choice(styles)
    page = rng.randint(3, 900)
    if style == "back" and cited:
        return rng.choice(["a.g.e., s. {p}.", "Aynı eser, s. {p}.", "{a}, a.g.e., s. {p}."]).format(
            p=page, a=cited[-1].split(",")[0].split()[-1]
        )
    if style == "tr_journal":
        author = rng.choice(WORKS)[0]
        title = f"{rng.choice(TOPICS).capitalize()} ve {rng.choice(list(PLACES))}"
        journal, volume, issue, year = _journal_imprint(author, title)
        return (
            f"{author}, “{title}”, {journal}, C. {volume}, S. {issue}, Ankara {year}, "
            f"s. {page}-{page + rng.randint(2, 30)}."
        )
    if style == "tr_archive":
        return rng.choice(
            [
                f"ATASE Arşivi, Klasör {rng.randint(1, 900)}, Dosya {rng.randint(1, 200)}, Fihrist {rng.randint(1, 40)}.",
                f"BCA, 030.10/{rng.randint(100, 260)}.{rng.randint(1, 900)}.{rng.randint(1, 40)}.",
            ]
        )
    if style == "ru_doc":
        title, city, year = rng.choice(RUSSIAN_WORKS)
        return f"{title}, т. {rng.randint(1, 12)}, {city}, {year}, с. {page}."
    if style == "ru_archive":
        return (
            f"{rng.choice(RUSSIAN_ARCHIVES)}, ф. {rng.randint(5, 600)}, оп. {rng.randint(1, 9)}, "
            f"д. {rng.randint(1, 400)}, л. {page}."
        )
    if style == "az_archive":
        return (
            f"Azərbaycan Respublikası Dövlət Arxivi, f. {rng.randint(20, 900)}, siy. {rng.randint(1, 5)}, "
            f"iş {rng.randint(1, 300)}, v. {page}-{page + 4}."
        )
    if style == "az_book":
        author, title, city, year = rng.choice(AZERBAIJANI_WORKS)
        return f"{author}, {title}, {city}, {year}, s. {page}."
    author, title, city, year = rng.choice(WORKS)
    return f"{author}, {title}, {city} {year}, s. {page}."


def generate_article(index: int, seed: int = 1920, latin_only: bool = False) -> Article:
    """Article number `index`: 2,000-5,000 words of body, about one footnote per hundred words."""
    rng = random.Random(seed * 1_000_003 + index)
    names = _names()
    title = (
        f"{rng.choice(TOPICS).capitalize()} ve {rng.choice(names['place'])} "
        f"({rng.randint(1918, 1920)}-{rng.randint(1921, 1923)})"
    )
    article = Article(
        title=title, author=rng.choice(PEOPLE).split()[0] + " " + rng.choice(WORKS)[0].split()[-1]
    )
    target = rng.randint(2000, 5000)
    styles = LATIN_STYLES if latin_only else ALL_STYLES
    headings = iter(HEADINGS)
    paragraph: list[str] = []
    while article.words < target:
        template = rng.choice(FILLERS) if rng.random() < 0.35 else rng.choice(SENTENCES)
        sentence = _filled(template, rng)
        article.words += len(sentence.split())
        if rng.random() < 0.22:
            article.notes.append(_footnote(rng, styles, article.notes))
            sentence += "{" + str(len(article.notes)) + "}"
        paragraph.append(sentence)
        if len(paragraph) >= rng.randint(4, 9):
            if rng.random() < 0.15:
                heading = next(headings, None)
                if heading:
                    article.paragraphs.append(heading)
            article.paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        article.paragraphs.append(" ".join(paragraph))
    return article


def _markers(text: str, superscript: bool) -> str:
    """Markers written as plain digits after the punctuation, or as superscript digits."""
    out, rest = [], text
    while "{" in rest:
        before, _, after = rest.partition("{")
        number, _, rest = after.partition("}")
        out += [before, number.translate(SUPERSCRIPT) if superscript else number]
    return "".join([*out, rest])


def endnote_text(article: Article) -> str:
    """Title, author, paragraphs with plain-digit markers, then the notes, one a line."""
    body = "\n\n".join(_markers(p, superscript=False) for p in article.paragraphs)
    notes = "\n".join(f"{n} {text}" for n, text in enumerate(article.notes, 1))
    return f"{article.title}\n{article.author}\n\n{body}\n\n{notes}\n"


def paged_text(article: Article, width: int = 90, lines_per_page: int = 38) -> str:
    """Pages split by form feeds: wrapped body lines with superscript markers, notes under a rule, page number."""
    import textwrap

    pages, body, notes = [], [article.title, article.author, ""], []
    for paragraph in article.paragraphs:
        for line in textwrap.wrap(_markers(paragraph, superscript=True), width) + [""]:
            body.append(line)
            for number, note in enumerate(article.notes, 1):
                if _has_marker(line, number):
                    notes.append(number.__str__().translate(SUPERSCRIPT) + " " + note)
            if len(body) >= lines_per_page:
                pages.append(_page(body, notes, len(pages) + 1))
                body, notes = [], []
    if body or notes:
        pages.append(_page(body, notes, len(pages) + 1))
    return "\f".join(pages)


def _has_marker(line: str, number: int) -> bool:
    mark = str(number).translate(SUPERSCRIPT)
    at = line.find(mark)
    while at >= 0:
        end = at + len(mark)
        if (at == 0 or line[at - 1] not in "⁰¹²³⁴⁵⁶⁷⁸⁹") and (
            end == len(line) or line[end] not in "⁰¹²³⁴⁵⁶⁷⁸⁹"
        ):
            return True
        at = line.find(mark, end)
    return False


def _page(body: list[str], notes: list[str], number: int) -> str:
    foot = ["____________", *notes] if notes else []
    return "\n".join([*body, *foot, " " * 30 + str(number), ""])


def write_pdf(article: Article, path: Path) -> Path:
    """The article as an A4 PDF: 11 pt body, raised small markers, 8 pt notes under a rule at the page foot."""
    from fpdf import FPDF

    pdf = FPDF(format="A4", unit="mm")
    pdf.set_creation_date(datetime(2000, 1, 1, tzinfo=UTC))  # the same bytes on every run
    pdf.set_auto_page_break(False)
    pdf.add_font("DejaVu", "", str(FONT))
    pdf.set_font("DejaVu", size=11)
    lines = [article.title, article.author, None]
    for paragraph in article.paragraphs:
        lines += [*_wrap(pdf, paragraph, 170, 11), None]
    page_lines: list[str | None] = []
    for line in lines:
        page_lines.append(line)
        if len(page_lines) >= 38:
            _draw_page(pdf, page_lines, article)
            page_lines = []
    if page_lines:
        _draw_page(pdf, page_lines, article)
    pdf.output(str(path))
    return path


def _wrap(pdf, paragraph: str, width: float, size: float) -> list[str]:
    pdf.set_font_size(size)
    lines, current = [], ""
    for word in paragraph.split():
        trial = f"{current} {word}".strip()
        if current and pdf.get_string_width(_markers(trial, superscript=False)) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    return [*lines, current] if current else lines


def _draw_page(pdf, lines: list[str | None], article: Article) -> None:
    import re

    pdf.add_page()
    y = 25.0
    numbers = []
    for line in lines:
        if line is None:
            y += 3.0
            continue
        _draw_line(pdf, 20.0, y, line, 11)
        numbers += [int(n) for n in re.findall(r"\{(\d+)\}", line)]
        y += 5.6
    notes = [line for n in numbers for line in _wrap(pdf, "{" + str(n) + "} " + article.notes[n - 1], 170, 8)]
    top = 297 - 22 - 3.6 * len(notes)
    if notes:
        pdf.line(20, top - 4, 80, top - 4)
    for line in notes:
        _draw_line(pdf, 20.0, top, line, 8)
        top += 3.6
    pdf.set_font_size(9)
    pdf.text(103, 290, str(pdf.page_no()))


def _draw_line(pdf, x: float, y: float, line: str, size: float) -> None:
    import re

    for index, part in enumerate(re.split(r"\{(\d+)\}", line)):
        if not part:
            continue
        raised = index % 2 == 1
        pdf.set_font_size(size * 0.62 if raised else size)
        pdf.text(x, y - (size * 0.12 if raised else 0), part)
        x += pdf.get_string_width(part)
    pdf.set_font_size(size)


def article_format(index: int, seed: int = 1920) -> tuple[str, bool]:
    """The encoding ('pdf' for a PDF) and layout (True: form-feed pages) article `index` is written in."""
    rng = random.Random(seed * 7919 + index)
    roll = rng.random()
    if roll < 0.05 and FONT.exists():
        return "pdf", True
    encoding = "cp1254" if roll < 0.15 else "utf-16" if roll < 0.25 else "utf-8"
    return encoding, rng.random() < 0.4 and encoding != "cp1254"  # cp1254 lacks superscript 4-9


def write_article(directory: Path, index: int, seed: int = 1920) -> Path:
    """Write article `index` in the format its number draws: most UTF-8, some cp1254, UTF-16 or PDF;
    text with end notes or with form-feed pages and notes at the page foot."""
    encoding, paged = article_format(index, seed)
    stem = directory / f"makale-{index:05d}"
    if encoding == "pdf":
        return write_pdf(generate_article(index, seed), stem.with_suffix(".pdf"))
    article = generate_article(index, seed, latin_only=encoding == "cp1254")
    text = paged_text(article) if paged else endnote_text(article)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # a name with a letter cp1254 lacks (ə): such a file would be UTF-8
        data = text.encode("utf-8")
    path = stem.with_suffix(".txt")
    path.write_bytes(data)
    return path


def article_words(index: int, seed: int = 1920) -> int:
    """Words of article `index` as written: title, author, body and footnotes (markers not counted)."""
    encoding, _paged = article_format(index, seed)
    article = generate_article(index, seed, latin_only=encoding == "cp1254")
    texts = [article.title, article.author, *article.paragraphs, *article.notes]
    return sum(len(text.split()) for text in texts)


def write_corpus(directory: Path, count: int, seed: int = 1920, start: int = 0) -> list[Path]:
    """Articles `start` .. `start + count - 1` written into `directory` (created if missing)."""
    directory.mkdir(parents=True, exist_ok=True)
    return [write_article(directory, index, seed) for index in range(start, start + count)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1920)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.count, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} articles, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
