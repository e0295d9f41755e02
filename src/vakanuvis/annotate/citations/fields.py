"""Parse one reference (a stretch of a footnote) into the fields of a `Citation`.

Order of tests: archive (field words with numbers: f./ф., siy./оп., iş/д., v./л., Kls., Dos.),
newspaper (a newspaper word, or "Name, day month year"), then a book or article laid out as
authors, title, [container], [volume], [place[: publisher]], year, locator.
"""

from __future__ import annotations

import re

from convertdate import julian  # type: ignore[import-untyped]

from vakanuvis.annotate.citations.repair import repair_run_together
from vakanuvis.annotate.citations.vocabulary import (
    LOWER,
    UPPER,
    YEAR,
    Vocabulary,
    given_name_key,
    month_key,
    vocabulary,
)
from vakanuvis.lang.latin import CYRILLIC, to_latin
from vakanuvis.model import Citation, Span

INITIAL = rf"[{UPPER}][{LOWER}]?\.\s*"
NAME_INITIALS = rf"(?:{INITIAL}){{1,3}}[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
SURNAME_INITIALS = rf"[{UPPER}][{LOWER}]+,?\s+(?:{INITIAL}){{1,3}}"
WORD_CAP = rf"[{UPPER}][{LOWER}]+(?:-[{UPPER}][{LOWER}]+)?"
FULL_NAME = rf"{WORD_CAP}(?:\s+[{UPPER}]\.)?(?:\s+{WORD_CAP}){{1,2}}"
JOINER = r"\s*(?:,|\bve\b|\bи\b|\band\b|&|–)\s*"
AUTHORS_INITIALS = re.compile(rf"({NAME_INITIALS})(?:{JOINER}({NAME_INITIALS}))*(?=[\s.,:])")
AUTHORS_SURNAME_FIRST = re.compile(rf"({SURNAME_INITIALS})(?=\s+[{UPPER}{LOWER}«\"“]|\s*[,:])")
AUTHOR_FULL_COMMA = re.compile(rf"({FULL_NAME})\s*,")
AUTHOR_MIDDLE_INITIAL = re.compile(
    rf"({WORD_CAP}\s+[{UPPER}]\.\s*[{UPPER}][{LOWER}]{{2,}})(?=\s+[{UPPER}]|\s*,)"
)
SURNAME_COMMA = re.compile(rf"({WORD_CAP})\s*,")
# "Karabekir, Kâzım, İstiklal Harbimiz": surname, given names, title, each ended by a comma
SURNAME_GIVEN_COMMA = re.compile(
    rf"({WORD_CAP}\s*,\s*{WORD_CAP}(?:\s+(?:{WORD_CAP}|[{UPPER}]\.)){{0,2}})\s*,"
)  # "Sonyel, Salahi R., Türk Kurtuluş Savaşı": an initial may follow the given names
AUTHOR_IN_PROSE = re.compile(rf"({FULL_NAME})(?=\s+[\d{LOWER}])")
NAME_SPLIT = re.compile(JOINER)
PLACE_TOKEN = rf"[{UPPER}][^\s,.;:„\"“”«»()]*\.?(?:\s*[-–]\s*[{UPPER}][^\s,.;:„\"“”«»()]*\.?)?"
PLACE_PUBLISHER = re.compile(rf"({PLACE_TOKEN})\s*:\s*([^,;:]+?)[\s,„]*$")
PLACE_ONLY = re.compile(rf"({PLACE_TOKEN})[\s,:„]*$")
OPENERS, CLOSERS = '(«"“[', ')»"”]'


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,.;:-–\u00a0")


def _name(text: str) -> str:
    """An author's name as written, keeping the stop of a final initial ("Багиров Ю.А.")."""
    name = _clean(text)
    if re.search(rf"(?:^|[\s.])[{UPPER}][{LOWER}]?$", name) and text.rstrip(" ,;:").endswith("."):
        name += "."
    return name


def _depth_boundary(text: str, start: int, stop: int) -> int:
    """First place in text[start:stop] where a title ends: a comma, or a full stop before a capital or digit."""
    depth = 0
    for index in range(start, stop):
        char = text[index]
        if char in "(«“[":
            depth += 1
        elif char in ")»”]":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif char == "," and index > start:
            return index
        elif char == "." and index > start:
            following = text[index + 1 : stop].lstrip()
            if not following or not (
                following[0].isupper() or following[0].isdigit() or following[0] in '«"'
            ):
                continue
            word = re.search(r"(\w+)$", text[start:index])
            previous = word.group(1) if word else ""
            # a full stop after an initial (М.Д.) or a short acronym (АЗ.ССР) does not end a title
            if len(previous) == 1 or (len(previous) == 2 and previous.isupper()):
                continue
            return index
    return stop


def find_authors(
    text: str, start: int, in_prose: bool = False, previous_authors: list[str] | None = None
) -> tuple[list[str], int]:
    """Authors at text[start:] and where the text after them (separators skipped) begins."""
    authors, position = _authors_at(text, start, in_prose, previous_authors or [])
    separators = re.match(r"[\s,.:;]*", text[position:])
    return authors, position + (separators.end() if separators and authors else 0)


def _authors_at(text: str, start: int, in_prose: bool, previous_authors: list[str]) -> tuple[list[str], int]:
    rest = text[start:]
    lead = len(rest) - len(rest.lstrip())
    rest = rest.lstrip()
    words = vocabulary()
    same = words.same_author.match(rest)
    if same and previous_authors:
        # "aynı yazar, Trakya'da Milli Mücadele": a new work of the previous reference's author
        return list(previous_authors), start + lead + same.end()
    for pattern in (AUTHORS_INITIALS, AUTHOR_MIDDLE_INITIAL, AUTHORS_SURNAME_FIRST):
        match = pattern.match(rest)
        # "Nutuk, C. I": a volume word is no initial
        if match and not (pattern is AUTHORS_SURNAME_FIRST and words.volume.search(rest, 0, match.end() + 8)):
            if pattern is AUTHORS_SURNAME_FIRST:
                names = [_name(match.group(0))]  # "Karabekir, K.": one author, the comma his own
            else:
                names = [_name(name) for name in NAME_SPLIT.split(match.group(0)) if _clean(name)]
            return names, start + lead + match.end()
    match = SURNAME_GIVEN_COMMA.match(rest)
    if (
        match
        and _is_given_name(match.group(1).split(",", 1)[1], words)
        and _title_follows(rest[match.end() :], words)
    ):
        return [_name(match.group(1))], start + lead + match.end()  # "Sonyel, Salahi R." keeps its stop
    for pattern in (AUTHOR_FULL_COMMA, SURNAME_COMMA):
        match = pattern.match(rest)
        if match and _title_follows(rest[match.end() :], words):
            return [_clean(match.group(1))], start + lead + match.end()
    if in_prose:
        match = AUTHOR_IN_PROSE.match(rest)
        if match:
            return [_clean(match.group(1))], start + lead + match.end()
    return [], start + lead


def _is_given_name(text: str, words: Vocabulary) -> bool:
    """Every word of `text` is a given name of the citation vocabulary ('Kâzım', 'Yusuf Hikmet')."""
    names = [name for name in text.split() if not name.endswith(".")]  # initials say nothing
    return bool(names) and all(given_name_key(name) in words.given_names for name in names)


def _title_follows(rest: str, words: Vocabulary) -> bool:
    """True when `rest` begins with a title, so what came before it and a comma was a name.

    Not when it begins with a place and year ("İstiklal Harbimiz, İstanbul 1960"), a volume, a page
    or a back-reference ("Nutuk, C. I, s. 45"; "Karabekir, a.g.e.").
    """
    rest = rest.strip()
    piece = _clean(re.split(r"[,;]", rest, maxsplit=1)[0]).lstrip("«\"“'")
    if not piece or not piece[0].isalpha():
        return False
    # "İstanbul 1960" is an imprint; "Türk-İngiliz İlişkileri 1919-1926" a title ending in a period of years
    ends_with_year = (
        piece[-1].isdigit()
        and YEAR.search(piece[-6:]) is not None
        and not re.search(r"\d\s*[-–—]\s*\d+$", piece)
    )
    if (ends_with_year and len(piece.split()) <= 3) or piece.casefold() in words.places:
        return False
    for pattern in (words.volume, words.locator, words.back_reference):
        match = pattern.match(rest)
        if match:
            return False
    return True


def _roman_to_number(text: str) -> str:
    """A volume number as arabic digits; OCR's Ш is III and a surplus stroke beyond III is noise."""
    if text.isdigit():
        return str(int(text))
    letters = text.replace("Ш", "III").replace("І", "I").replace("1", "I").replace("l", "I")
    letters = re.sub(r"I{4,}", "III", letters)
    values = {"I": 1, "V": 5, "X": 10}
    total = 0
    for index, letter in enumerate(letters):
        value = values.get(letter, 0)
        following = values.get(letters[index + 1], 0) if index + 1 < len(letters) else 0
        total += -value if value < following else value
    return str(total) if total > 0 else text


def _year_value(match: re.Match[str]) -> int:
    return int(match.group(1)) if match.group(1) else int("1" + match.group(2))


def _place_and_publisher(text: str, words: Vocabulary) -> tuple[str | None, str | None]:
    """Place (and publisher) written just before the year: "İstanbul, 1960", "М., 1959", "Ankara: TTK, 1990",
    "М., Госполитиздат, 1959"."""
    pieces = [piece.strip(" \u00a0„") for piece in re.split(r"[,;]", text)]
    pieces = [piece for piece in pieces if piece.strip(".")]
    if len(pieces) >= 2 and pieces[-2].lstrip(" .").casefold() in words.places and ":" not in pieces[-1]:
        # a known place (or its abbreviation: М. is Moscow) and a comma before the publisher
        return _place(pieces[-2].lstrip(" .")), _clean(pieces[-1])
    match = PLACE_PUBLISHER.search(text)
    if match:
        return _place(match.group(1)), _clean(match.group(2))
    match = PLACE_ONLY.search(text)
    if not match:
        return None, None
    place = _place(match.group(1))
    publisher = None
    for piece in reversed(re.split(r"[,;]", text[: match.start()])):
        if words.publisher_word.search(piece):
            publisher = _clean(piece)
            break
    return place, publisher


def _place(token: str) -> str:
    token = token.strip()
    # keep the stop of an abbreviation (М., СПб.), drop the one that ends a sentence
    if token.endswith(".") and len(token) > 4 and token.casefold() not in vocabulary().places:
        return token[:-1]
    return token


def _archive(
    text: str, start: int, stop: int, words: Vocabulary, carried: dict[str, str]
) -> dict[str, str] | None:
    matches = list(words.archive_field.finditer(text, start, stop))
    name_match = words.archive_name.search(text, start, stop)
    if not matches:
        if name_match and text[start : name_match.start()].strip(" ,.") == "":
            code = _clean(text[name_match.end() : stop])
            if re.search(r"\d", code):
                return {"archive": _clean(name_match.group(0)), "code": code}
        return None
    if len(matches) < 2 and not name_match and not carried:
        return None
    fields: dict[str, str] = {}
    seen_file = False
    for match in matches:
        kind = words.archive_field_kind.get(match.group(1).casefold(), "")
        if kind == "fond" and seen_file:
            kind = "item"  # an F. after the file is an item number (ATASE Fihrist), not a fond
        seen_file = seen_file or kind == "delo"
        fields.setdefault(kind, _clean(match.group(2)))
    name = _clean(text[start : matches[0].start()])
    if name:
        fields["archive"] = name
    elif carried:
        # "iş 68, v. 22; iş 174, v. 13": a later reference in one note keeps the archive, fond and list
        for key in ("archive", "fond", "opis", "box"):
            if key in carried and key not in fields:
                fields[key] = carried[key]
    return fields


def parse_reference(
    text: str,
    start: int,
    stop: int,
    footnote: int,
    carried_archive: dict[str, str] | None = None,
    in_prose: bool = False,
    previous_authors: list[str] | None = None,
) -> Citation:
    """The citation written in text[start:stop] of footnote `footnote`."""
    words = vocabulary()
    citation = Citation(footnote=footnote, span=Span(start, stop, footnote), raw=text[start:stop])
    locator = words.locator.search(text, start, stop)
    body_stop = locator.start() if locator else stop
    back = words.back_reference.search(text, start, stop)
    citation.back_reference = bool(back and back.start() - start < 60)

    archive = _archive(text, start, stop, words, carried_archive or {})
    if archive is not None:
        if citation.back_reference:
            # "ATASE, a.g.e., s. 12": the archive named, no file number ("a.g.e., s. 12" is none)
            archive = {
                kind: value for kind, value in archive.items() if not words.back_reference.search(value)
            }
        citation.type = "archive"
        citation.archive = archive
        folios = [
            m
            for m in words.archive_field.finditer(text, start, stop)
            if words.archive_field_kind.get(m.group(1).casefold()) == "folios"
        ]
        citation.locator = (
            _clean(folios[0].group(0)) if folios else (_clean(locator.group(0)) if locator else None)
        )
        return citation

    if locator:
        citation.locator = _clean(locator.group(0))
    if _newspaper(citation, text, start, body_stop, words):
        return citation

    authors, position = find_authors(text, start, in_prose, previous_authors)
    if citation.back_reference and back is not None:
        # "Karabekir, a.g.e., s. 12": the name before a back-reference says whose work is meant
        before = _clean(text[start : back.start()])
        citation.authors = authors or (
            [before] if before and len(before.split()) <= 4 and before[0].isupper() else []
        )
        return citation
    citation.authors = authors
    years = [m for m in YEAR.finditer(text, position, body_stop)]
    year = years[-1] if years else None
    citation.year = _year_value(year) if year else None
    volume = words.volume.search(text, position, body_stop) or words.standalone_volume.search(
        text, position, body_stop
    )
    if volume:
        citation.volume = _roman_to_number(volume.group(1))

    title_start = position
    quoted = re.match(r"\s*[«\"“]([^»\"”]+)[»\"”]", text[position:body_stop])
    ends = [body_stop]
    for found in (
        volume,
        year,
        words.contributor_cue.search(text, position, body_stop),
        words.container_cue.search(text, position, body_stop),
    ):
        if found:
            ends.append(found.start())
    if quoted:
        title = quoted.group(1)
        title_end = position + quoted.end()
    else:
        title_end = _depth_boundary(text, title_start, min(ends))
        title = text[title_start:title_end]
    citation.title = _clean(title) or None
    if quoted:
        # 'Yazar, "Makale", Dergi, C. 60, ...': the piece after a quoted title names the journal
        after = text[title_end:body_stop].lstrip(" ,.")
        offset = body_stop - len(after)
        end = _depth_boundary(text, offset, min([body_stop] + [e for e in ends if e > offset]))
        piece = _clean(text[offset:end])
        if piece and not YEAR.search(piece) and piece.casefold() not in words.places:
            citation.container = piece
            citation.type = "article"
    journal = words.journal_word.search(text, position, body_stop)
    if journal and citation.title and words.journal_word.search(citation.title):
        # the first piece names a journal: an issue is cited, not an article
        citation.container, citation.title = citation.title, None
        citation.type = "article"
    _container(citation, text, title_end, body_stop, words)

    imprint_start = max([title_end] + [m.end() for m in (volume,) if m])
    if year and year.start() >= imprint_start:
        citation.place, citation.publisher = _place_and_publisher(text[imprint_start : year.start()], words)
    _latin_title(citation)
    if (
        citation.title
        and not citation.authors
        and citation.type == "book"
        and words.collection_title.match(citation.title_repaired or citation.title)
    ):
        citation.type = "collection"
    return citation


def _container(citation: Citation, text: str, start: int, stop: int, words: Vocabulary) -> None:
    """A collection or journal the cited piece appears in ("Сборник «...»", "// ...", "Belleten dergisi")."""
    cue = words.container_cue.search(text, start, stop)
    if cue:
        quoted = re.match(r"\s*[«\"“]([^»\"”]+)[»\"”]", text[cue.end() : stop])
        if quoted:
            citation.container = _clean(quoted.group(1))
        else:
            end = _depth_boundary(text, cue.end(), stop)
            citation.container = _clean(text[cue.end() : end]) or None
        citation.type = "article"
        return
    journal = words.journal_word.search(text, start, stop)
    if journal and citation.container is None:
        piece_start = max(
            text.rfind(",", start, journal.start()), text.rfind(".", start, journal.start()), start
        )
        citation.container = _clean(text[piece_start : journal.end()]) or None
        citation.type = "article"


def _newspaper(citation: Citation, text: str, start: int, stop: int, words: Vocabulary) -> bool:
    """Fill a newspaper citation ("İkdam qəzeti, 18 oktyabr 1921", "Hakimiyet-i Milliye, 12 Mart 1921")."""
    word = words.newspaper_word.search(text, start, stop)
    date = words.issue_date.search(text, start, stop)
    if word:
        name = _clean(text[start : word.start()])
        if not name:
            # 'газета «Правда», 12 марта 1921': the name follows the word
            quoted = re.match(r"\s*[«\"“]([^»\"”]+)[»\"”]", text[word.end() : stop])
            name = quoted.group(1) if quoted else _clean(re.split(r"[,.]", text[word.end() : stop])[0])
    elif (
        date
        and len(text[start : date.start()].split()) <= 5
        and text[start : date.start()].rstrip().endswith(",")
    ):
        name = _clean(text[start : date.start()])
        if not name[:1].isupper() or len(_clean(text[date.end() : stop])) > 15:
            return False
    else:
        return False
    citation.type = "newspaper"
    citation.title = citation.container = name or None
    if date:
        year, month, day = _gregorian(
            int(date.group(3)), words.months[month_key(date.group(2))], int(date.group(1))
        )
        citation.issue_date = f"{year:04d}-{month:02d}-{day:02d}"
        citation.year = year
    _latin_title(citation)
    return True


def _gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """A newspaper date in the Gregorian calendar; Rumi years (1290-1341, 1874-1925) are converted.

    The Rumi year began on 1 March, so January and February belong to the next Gregorian year.
    From 1 March 1333 (1917) Rumi days and months are the Gregorian ones; before, they are Julian.
    """
    if not 1290 <= year <= 1341:
        return year, month, day
    gregorian_year = year + (585 if month <= 2 else 584)
    if year >= 1333:
        return gregorian_year, month, day
    converted: tuple[int, int, int] = julian.to_gregorian(gregorian_year, month, day)
    return converted


def _latin_title(citation: Citation) -> None:
    if not citation.title:
        return
    # Azerbaijani Cyrillic has no Russian word list to repair with
    if CYRILLIC.search(citation.title) and not any(
        mark in citation.title.lower() for mark in vocabulary().az_marks
    ):
        repaired = repair_run_together(citation.title, "ru")
        if repaired != citation.title:
            citation.title_repaired = repaired
    citation.title_latin = to_latin(citation.title_repaired or citation.title)
