"""What a document says of itself: its own date and place from a dateline, its authors from a signature.

A telegram, letter, report or decree of the period carries a dateline at its head or foot: "Erzurum, 23
Temmuz 1335", "Cephe Karargâhı, Polatlı, 14 Eylül 1337", "Ankara, fi 5 Şevval 1338", "23.V.1336". A line
is a dateline when, but for the places before it and the words "fi" and dashes, it is a date with its day
or month and a year written; the place is the last name before the date. A signature is a name on a line
of its own under a line of office ("Büyük Millet Meclisi Reisi" / "Mustafa Kemal"). A field the user gave
is never changed; one detected here is marked "detected" in `Document.origins`.

Scholarship is left alone: a document given as an article or a book chapter, or one with footnotes,
tells of other times than its own, and a date in its text is not its date.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from vakanuvis.annotate.dates import find_dates
from vakanuvis.lang import LANGUAGES, language_data
from vakanuvis.lang.tr.casing import turkish_lower
from vakanuvis.model import DateMention, Document, RawDocument

HEAD_LINES = 4  # non-empty lines at the head where a dateline may stand
FOOT_LINES = 8  # and at the foot (signatures come under it)
# characters: a dateline holds places, dates and their words ("Ankara, fi 5 Şevval 1338 - 5 Haziran 1336"); a
# longer line is not read for one (a text without line breaks is a line of megabytes)
DATELINE_LENGTH = 200
SCHOLARLY_TYPES = ("article", "book chapter")
TITLE_WORDS = 12  # a title line holds at most so many words
# A place before a date: capitalized words, at most four, no digits ("Cephe Karargâhı", "Polatlı")
PLACE = re.compile(r"^(?:[^\W\d_][^\W\d_’'‘`´.-]*[’'‘`´.-]?[^\W\d_]*)(?:\s+[^\W\d_][^\W\d_’'‘`´-]*){0,3}$")
LEFT_OVER = re.compile(r"[\s,.;:—–\-/()]+")
NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_’'‘`´.-]*$")


@dataclass
class Dateline:
    date: str  # EDTF
    place: str | None


def detect_metadata(document: Document, raw: RawDocument | None = None) -> None:
    """Set the date, place and authors a document's own lines state, when the user gave none of them."""
    if is_scholarship(document):
        return
    lines = own_lines(document, raw)
    if not lines:
        return
    given = {name for name, how in document.origins.items() if how == "given"}
    if "date" not in given and document.date is None:
        found = first_dateline(lines[:HEAD_LINES]) or first_dateline(list(reversed(lines[-FOOT_LINES:])))
        if found is not None:
            document.date = found.date
            document.origins["date"] = "detected"
            if found.place and "place" not in given and document.place is None:
                document.place = found.place
                document.origins["place"] = "detected"
    opens_with_dateline = dateline(lines[0]) is not None and document.title.startswith(lines[0])
    if "title" not in given and document.title and opens_with_dateline:
        # the first line of a telegram is often its dateline: a title line near it ("Şifre Telgraf") titles
        # the document; without one the dateline stays its title
        title = next((line for line in lines[:HEAD_LINES] if _titles(line)), None)
        if title is not None:
            document.title = title if len(title) <= 120 else title[:117].rsplit(" ", 1)[0] + "…"
            document.origins["title"] = "detected"
    if "authors" not in given and not document.authors:
        authors = signatures(lines[-FOOT_LINES:])
        if authors:
            document.authors = authors
            document.origins["authors"] = "detected"


def _titles(line: str) -> bool:
    """Whether a head line is a title line: a few words ("Şifre Telgraf", "Kararname", "Heyet-i Temsiliye
    Beyannamesi") that are no dateline, no address ("Dahiliye Nezareti’ne") and no sentence of the text."""
    words = line.split()
    if not 1 <= len(words) <= TITLE_WORDS or line.rstrip().endswith((".", ":", ",")) or is_address_line(line):
        return False
    if dateline(line) is not None or not re.search(r"[^\W\d_]{3,}", line):
        return False
    return not any(found.text.strip() == line.strip() for found in find_dates(line))


def is_address_line(line: str) -> bool:
    """An address line (its comma left out): "Harbiye Nezaret-i Celilesine", "Kolordu Kumandanlıklarına"."""
    last = line.split()[-1].rstrip(".,") if line.split() else ""
    return last[:1].isupper() and last.endswith(("ne", "na", "ye", "ya", "e", "a")) and len(last) > 3


def is_scholarship(document: Document) -> bool:
    """A document that tells of other times than its own: given as scholarship, or with footnotes."""
    if document.origins.get("type") == "given" and document.type in SCHOLARLY_TYPES:
        return True
    return bool(document.footnotes)


def own_lines(document: Document, raw: RawDocument | None) -> list[str]:
    """The document's non-empty lines as read (else its blocks, when the raw lines are not at hand)."""
    if raw is not None:
        return [line.text.strip() for page in raw.pages for line in page.lines if line.text.strip()]
    return [document.text[block.span.start : block.span.end].strip() for block in document.blocks]


def first_dateline(lines: list[str]) -> Dateline | None:
    """The first of `lines` that is a dateline, read. One without a place takes the place of another
    dateline of the same day among `lines`: the same day in two calendars on two lines ("Ankara, 18
    Teşrinisani 1336" over "fi 6 Rebiülevvel 1339", read from the foot up) is one dateline."""
    found = None
    for line in lines:
        read = dateline(line)
        if read is None:
            continue
        if found is None:
            if read.place is not None:
                return read
            found = read
        elif read.date == found.date and read.place is not None:
            return Dateline(found.date, read.place)
    return found


def dateline(line: str) -> Dateline | None:
    """The date and place of a dateline ("Erzurum, 23 Temmuz 1335", "Ankara, fi 5 Şevval 1338"), or None
    when the line holds more than places, dates and the words that go with them."""
    if len(line) > DATELINE_LENGTH:
        return None
    mentions = [mention for mention in find_dates(line, languages=LANGUAGES) if own_date(mention)]
    if not mentions:
        return None
    first = mentions[0]
    between = "".join(
        line[mention.span.end : following.span.start] for mention, following in itertools.pairwise(mentions)
    )
    after = fi_removed(line[mentions[-1].span.end :]).strip()
    place_after = None
    if after.startswith(","):  # "23 Nisan 1336, Ankara"
        place_after = after.strip(" ,.")
        after = ""
    if LEFT_OVER.sub("", fi_removed(between) + after):
        return None
    places = [part.strip(" :-—–") for part in fi_removed(line[: first.span.start]).split(",")]
    places = [part for part in places if part and not is_label(part)] + ([place_after] if place_after else [])
    if not all(PLACE.match(part) and part[0].isupper() for part in places):
        return None
    return Dateline(first.edtf, places[-1] if places else None)


def is_label(text: str) -> bool:
    """A date word written as a label before the date ("Tarih: 23 Nisan 1336")."""
    dated = language_data("tr", "dates").get("date_words") or []
    return any(turkish_lower(text).startswith(word.rstrip("*")) for word in dated)


def own_date(mention: DateMention) -> bool:
    """A date a dateline can give: written with its year, to the month or the day, one day or month."""
    return mention.year_from == "text" and "/" not in mention.edtf and len(mention.edtf) >= 7


def fi_removed(text: str) -> str:
    """The text without the words that stand before a dateline's date ("fi", Arabic "on")."""
    words = set(language_data("tr", "dates").get("date_prepositions") or [])
    return " ".join(word for word in text.split() if turkish_lower(word) not in words)


def signatures(lines: list[str]) -> list[str]:
    """The names signed at the foot: each name line (one to three capitalized words, nothing else)
    under a line that ends with an office ("… Reisi", "Maliye Vekili", "Başkumandan", "Dokuzuncu Ordu
    Müfettişi") or with a letter's closing ("… selam ederim", "Kardeşiniz")."""
    data = language_data("tr", "entities")
    offices = [turkish_lower(word) for word in data.get("office_words") or []]
    signing = offices + [turkish_lower(word) for word in data.get("signing_offices") or []]
    closings = tuple(turkish_lower(words) for words in data.get("signing_closings") or [])
    names = []
    for above, line in itertools.pairwise(lines):
        words = line.split()
        if not 1 <= len(words) <= 3 or not all(NAME_WORD.match(word) and word[0].isupper() for word in words):
            continue
        last = turkish_lower(above.split()[-1]) if above.split() else ""
        closing = turkish_lower(above).rstrip(" .,;:!").endswith(closings) if closings else False
        if closing or any(last.startswith(office) or last.endswith(office) for office in signing):
            if not is_office_line(line, signing):
                names.append(line)
    return names


def is_office_line(line: str, offices: list[str]) -> bool:
    """Whether a line names an office itself ("Başkumandan") rather than a person."""
    last = turkish_lower(line.split()[-1])
    return any(last.startswith(office) or last.endswith(office) for office in offices)
