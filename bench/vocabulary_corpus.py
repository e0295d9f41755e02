"""Write N generated articles whose vocabulary keeps growing as real text's does (Heaps' law), for the speed
benchmarks; the template corpus (bench/scale_corpus.py) stays as the second line.

The template corpus repeats a few dozen sentence frames, so after a few articles a word-analysis cache
has seen nearly every word and the figures are those of a warm cache. Here most sentences are prose whose
words are drawn by frequency from wordfreq's Turkish list (63,000 forms, inflected ones included), with
Ottoman-register words (the project's lang/ data and the list below) and their case endings, person names
built as the period wrote them (given names, a nisba from a town, a title), places with case endings, dates
in the period's styles (Rumi, Hijri, telegram, modern) and footnotes citing the period's newspapers,
parliament minutes and archives. A third of the sentences are the template corpus' event frames, so the
annotators meet what they meet in a history article. Files are UTF-8 text with end notes or form-feed pages.

    .venv/bin/python bench/vocabulary_corpus.py OUT_DIR [--count 100] [--seed 1920]
    .venv/bin/python bench/vocabulary_corpus.py --growth [--count 200]   (distinct words vs words, both corpora)
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import re
import sys
from functools import cache
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale_corpus  # noqa: E402
from corpus_generator import _suffix  # noqa: E402

GENERATOR_VERSION = 1
LANG_TR = Path(__file__).resolve().parents[1] / "src" / "vakanuvis" / "lang" / "tr"

# Ottoman-register words of the period's official prose (our own list; lang/ adds months and heads)
OTTOMAN_WORDS = """
ahali ahval akdeniz alay ârâzi asakir aşair bahriye beyanname bilahare binaenaleyh cephane cemiyet
dahiliye defterdar derhal devair düvel efrad emval erkân esbab eşkıya evrak fırka hariciye harbiye heyet
hükûmet hukuk hususat icra iaşe ilhak irade istihbarat istiklal itilaf kabine kaymakam kolordu kumandan
kuvvet levazım liva mabeyn mahalli maiyet malumat mazbata mebus mebusan meclis mektup memleket memur
mesai mevki mezalim muahede muhabere muharebe mukavemet mukavele murahhas mutasarrıf mutasarrıflık müdafaa
müfettiş müfreze mühimmat mülkiye mürettep müstemleke mütareke nahiye nazır nezaret nefer nüfus padişah
rical sadaret sadrazam sancak seferberlik selamet sevkiyat sulh şerait şifre şura tahliye takrir tamim
tebliğ tebligat teklif telgraf temsil tenkil teşkilat tezkere umur usul vaziyet vekâlet vekil vilayet
vukuat zabit zabıta zahire maruzat istirham müracaat tahkikat muamelat ihtilal inkılap intihap
teşebbüs mesuliyet muvaffakiyet itimat istinat istifade ittihaz ilga iade icap ihtiyaç ihzarat
""".split()
# suffixes that follow an Ottoman noun, by back (a ı o u) or front vowel harmony
CASE_ENDINGS = {
    True: ["", "", "ı", "a", "da", "dan", "ın", "lar", "ları", "ların", "larına", "ında", "ındaki", "ıyla"],
    False: ["", "", "i", "e", "de", "den", "in", "ler", "leri", "lerin", "lerine", "inde", "indeki", "iyle"],
}
GIVEN_NAMES = """
Ahmet Mehmet Ali Hasan Hüseyin Mustafa İsmail İbrahim Halil Rıza Cemal Refet Kâzım Fahrettin Nurettin
Selahattin Hamdi Şükrü Tevfik Vehbi Celal Saffet Cevat Hulusi Nazım Sabri Tahsin Nihat Emin Osman Süleyman
Yusuf Ömer Abdullah Abdülhak Cafer Ziya Hakkı Hilmi Fuat Reşit Necati Rüştü Sami Arif Hacim Ragıp Muhittin
Nuri Ethem Tahir Zeki Hikmet Lütfi Fikri Vasıf Veysel Yahya Mahmut Esat Naci Kemal Cavit Raif Haydar
""".split()
TITLES = ["Bey", "Bey", "Bey", "Paşa", "Efendi", "Ağa", "Hoca", "Beyefendi", "Bey", "Paşa"]
TOWNS = """
Ankara Sivas Erzurum Trabzon Samsun Amasya Tokat Kayseri Konya Eskişehir Bursa Balıkesir İzmir Manisa
Aydın Denizli Afyon Kütahya Bilecik Bolu Kastamonu Sinop Çorum Yozgat Kırşehir Niğde Adana Maraş Antep
Urfa Diyarbakır Elazığ Malatya Harput Erzincan Kars Van Bitlis Muş Bayburt Gümüşhane Rize Giresun Ordu
Zonguldak Kocaeli İzmit Adapazarı Edirne Tekirdağ Çanakkale Isparta Burdur Antalya Muğla Uşak Karahisar
Akşehir Ilgın Polatlı Haymana Sakarya Dumlupınar İnebolu Merzifon Havza Tosya Safranbolu Gebze Geyve
""".split()
PROSE_SHARE = 0.62  # sentences of drawn words; the rest are the template corpus' event frames
NAME_SHARE = 0.035  # a drawn word becomes a person name this often
PLACE_SHARE = 0.02
OTTOMAN_SHARE = 0.07


@cache
def _lang(name: str) -> dict:
    return yaml.safe_load((LANG_TR / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@cache
def _wordfreq_vocabulary() -> tuple[list[str], list[float]]:
    """Every alphabetic lower-case form of wordfreq's Turkish list, with cumulative frequencies."""
    from wordfreq import get_frequency_dict

    pairs = [(w, f) for w, f in get_frequency_dict("tr").items() if w.isalpha() and w == w.lower()]
    return [w for w, _ in pairs], list(itertools.accumulate(f for _, f in pairs))


def _drawn_word(rng: random.Random) -> str:
    words, cumulative = _wordfreq_vocabulary()
    return words[min(bisect.bisect(cumulative, rng.random() * cumulative[-1]), len(words) - 1)]


@cache
def _ottoman_words() -> list[str]:
    """Our list and the Ottoman heads and words of lang/tr (izafet heads, place heads, sentence words)."""
    entities = _lang("entities.yaml")
    found = list(OTTOMAN_WORDS)
    for key in ("izafet_heads", "place_heads", "sentence_words", "organization_heads", "treaty_heads"):
        found += [w for w in entities.get(key, []) if isinstance(w, str) and w.isalpha()]
    return list(dict.fromkeys(found))


def _harmony_back(word: str) -> bool:
    for letter in reversed(word.lower()):
        if letter in "aıouâû":
            return True
        if letter in "eiöüî":
            return False
    return True


def _ottoman_word(rng: random.Random) -> str:
    words = _ottoman_words()
    word = (
        words[min(int(rng.paretovariate(1.1)) - 1, len(words) - 1)]
        if rng.random() < 0.5
        else rng.choice(words)
    )
    ending = rng.choice(CASE_ENDINGS[_harmony_back(word)])
    if ending and word[-1] in "aeıioöuüâî" and ending[0] in "aeıi":
        ending = ("y" if ending in ("a", "e", "ı", "i") else "n") + ending
    return word + ending


def _person(rng: random.Random) -> str:
    """A name as the period wrote it: a few names recur, most are met once or twice (a Zipf draw)."""
    rank = int(rng.paretovariate(0.9))
    named = random.Random(rank)  # one rank, one person
    given = named.choice(GIVEN_NAMES)
    if named.random() < 0.35:
        given += " " + named.choice(GIVEN_NAMES)
    if named.random() < 0.3:
        town = named.choice(TOWNS)
        back = _harmony_back(town)
        given = f"{town}{'lı' if back else 'li'} {given}" if named.random() < 0.5 else given
    return f"{given} {named.choice(TITLES)}"


def _place(rng: random.Random) -> str:
    names = scale_corpus._names()["place"] + TOWNS
    place = names[min(int(rng.paretovariate(0.8)) - 1, len(names) - 1)]
    case = rng.choice(["", "", "dat", "loc", "abl"])
    return place + ("’" + _suffix(place, case) if case else "")


def _period_date(rng: random.Random) -> str:
    """Rumi, Hijri and telegram dates as the period wrote them, or a modern historian's."""
    dates = _lang("dates.yaml")
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    form = rng.randrange(6)
    if form == 0:
        return f"{day} {rng.choice(dates['months'][month])} {rng.randint(1334, 1339)}"
    if form == 1:
        return f"{day}/{month}/{rng.randint(334, 339)}"
    if form == 2:
        return f"{rng.choice(['', 'fî '])}{day} {rng.choice(dates['hijri_months'][month])} {rng.randint(1337, 1341)}"
    if form == 3:
        return f"{rng.randint(334, 339)} {rng.choice(dates['short_year_words'][:7])}"
    return scale_corpus._date(rng)


def _period_footnote(rng: random.Random, cited: list[str]) -> str:
    dates = _lang("dates.yaml")
    style = rng.randrange(7)
    if style == 0:
        return f"{rng.choice(dates['newspaper_titles'])}, nr. {rng.randint(1, 4000)}, {_period_date(rng)}."
    if style == 1:
        return (
            f"TBMM Zabıt Ceridesi, Devre I, C. {rng.randint(1, 28)}, İçtima {rng.randint(1, 160)}, "
            f"s. {rng.randint(3, 600)}."
        )
    if style == 2:
        return f"BOA, DH.ŞFR, {rng.randint(80, 120)}/{rng.randint(1, 400)}, {_period_date(rng)}."
    if style == 3:
        return f"ATASE, İSH, K. {rng.randint(1, 900)}, D. {rng.randint(1, 200)}, F. {rng.randint(1, 60)}."
    return scale_corpus._footnote(rng, scale_corpus.ALL_STYLES, cited)


def _prose(rng: random.Random) -> str:
    words = []
    for _ in range(rng.randint(6, 24)):
        roll = rng.random()
        if roll < NAME_SHARE:
            words.append(_person(rng))
        elif roll < NAME_SHARE + PLACE_SHARE:
            words.append(_place(rng))
        elif roll < NAME_SHARE + PLACE_SHARE + OTTOMAN_SHARE:
            words.append(_ottoman_word(rng))
        elif roll < NAME_SHARE + PLACE_SHARE + OTTOMAN_SHARE + 0.012:
            words.append(_period_date(rng))
        else:
            words.append(_drawn_word(rng))
        if rng.random() < 0.06:
            words[-1] += ","
    text = " ".join(words).rstrip(",")
    return text[0].upper() + text[1:] + "."


def generate_article(index: int, seed: int = 1920) -> scale_corpus.Article:
    """Article `index`: 1,000-4,000 words, prose and event frames, about one footnote per hundred words."""
    rng = random.Random(seed * 1_000_033 + index)
    article = scale_corpus.Article(
        title=f"{_ottoman_word(rng).capitalize()} ve {_place(rng)} ({rng.randint(1918, 1923)})",
        author=_person(rng),
    )
    target = rng.randint(1000, 4000)
    paragraph: list[str] = []
    while article.words < target:
        if rng.random() < PROSE_SHARE:
            sentence = _prose(rng)
        else:
            sentence = scale_corpus._filled(rng.choice(scale_corpus.SENTENCES), rng)
        article.words += len(sentence.split())
        if rng.random() < 0.22:
            article.notes.append(_period_footnote(rng, article.notes))
            sentence += "{" + str(len(article.notes)) + "}"
        paragraph.append(sentence)
        if len(paragraph) >= rng.randint(4, 9):
            article.paragraphs.append(" ".join(paragraph))
            paragraph = []
    if paragraph:
        article.paragraphs.append(" ".join(paragraph))
    return article


def article_text(index: int, seed: int = 1920) -> str:
    article = generate_article(index, seed)
    paged = random.Random(seed * 7927 + index).random() < 0.4
    return scale_corpus.paged_text(article) if paged else scale_corpus.endnote_text(article)


def write_article(directory: Path, index: int, seed: int = 1920) -> Path:
    path = directory / f"makale-{index:05d}.txt"
    path.write_text(article_text(index, seed), encoding="utf-8")
    return path


def write_corpus(directory: Path, count: int, seed: int = 1920) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    return [write_article(directory, index, seed) for index in range(count)]


PERIOD = Path(__file__).resolve().parent / "corpus" / "period"
REAL_YEARS = ("1919", "1920")  # the development years; 1921 and 1922 are held out


def ensure_corpus(directory: Path, count: int, seed: int = 1920) -> list[Path]:
    """The first `count` articles, written on first use (again when the generator's version changed)."""
    marker = directory / f"version-{seed}-v{GENERATOR_VERSION}"
    if not marker.exists():
        for old in directory.glob("makale-*.txt"):
            old.unlink()
        directory.mkdir(parents=True, exist_ok=True)
        marker.touch()
    paths = [directory / f"makale-{index:05d}.txt" for index in range(count)]
    for index, path in enumerate(paths):
        if not path.exists():
            write_article(directory, index, seed)
    return paths


WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def vocabulary_growth(texts: list[str], points: int = 8) -> list[tuple[int, int]]:
    """(words read, distinct words met) at `points` places along the texts: Heaps' curve."""
    seen: set[str] = set()
    words_read, curve = 0, []
    total = sum(len(WORD.findall(text)) for text in texts)
    marks = [round(total * (i + 1) / points) for i in range(points)]
    for text in texts:
        for word in WORD.findall(text):
            words_read += 1
            seen.add(word)
            if marks and words_read >= marks[0]:
                curve.append((words_read, len(seen)))
                marks.pop(0)
    return curve


def heaps_exponent(curve: list[tuple[int, int]]) -> float:
    """β of distinct = K·words^β, from the curve's second and last points (log-log slope)."""
    import math

    (n1, v1), (n2, v2) = curve[1], curve[-1]
    return math.log(v2 / v1) / math.log(n2 / n1)


def print_growth(label: str, texts: list[str]) -> None:
    curve = vocabulary_growth(texts)
    points = "  ".join(f"{n:,}→{v:,}" for n, v in curve)
    print(f"{label:<28} words→distinct: {points}  (Heaps β {heaps_exponent(curve):.2f})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1920)
    parser.add_argument("--growth", action="store_true", help="print the vocabulary growth of both corpora")
    args = parser.parse_args()
    if args.growth:
        print_growth("real-vocabulary corpus", [article_text(i, args.seed) for i in range(args.count)])
        template = [
            scale_corpus.endnote_text(scale_corpus.generate_article(i, args.seed)) for i in range(args.count)
        ]
        print_growth("template corpus", template)
        real = [
            p.read_text(encoding="utf-8")
            for year in REAL_YEARS
            for p in sorted((PERIOD / year).glob("*.txt"))
        ]
        size = sum(len(WORD.findall(text)) for text in real)
        print(f"the first {size:,} words of each, against real texts of 1919-1920 (bench/corpus/period):")
        for label, texts in (
            ("real-vocabulary corpus", [article_text(i, args.seed) for i in range(10)]),
            ("template corpus", template[:10]),
            ("real texts", real),
        ):
            print_growth(label, [" ".join(WORD.findall(" ".join(texts))[:size])])
        return
    if args.out is None:
        sys.exit("an output folder or --growth is needed")
    paths = write_corpus(args.out, args.count, args.seed)
    print(f"{len(paths)} articles, {sum(p.stat().st_size for p in paths) / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
