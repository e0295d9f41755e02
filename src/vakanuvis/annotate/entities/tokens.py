"""Word tokens of a sentence with their offsets, and the runs of capitalized words that may be names."""

from __future__ import annotations

import re

_UPPER = "A-ZÇĞİÖŞÜÂÎÛƏА-ЯЁ"
_LOWER = "a-zçğıöşüâîûəәа-яё"
# Abbreviations and initials begin with a capital: one test of that leaves most positions at once.
TOKEN = re.compile(
    rf"(?=[{_UPPER}])(?:(?P<abbr>(?:[{_UPPER}]\.){{2,}}[{_UPPER}]\.?(?:[’'][{_LOWER}]+)?|[{_UPPER}]{{2,6}}(?:[’'](?:[{_LOWER}]+|[{_UPPER}]+))?(?![{_UPPER}{_LOWER}]))"
    rf"|(?P<initials>(?:[{_UPPER}]\.\s?){{1,3}}(?=[{_UPPER}][{_LOWER}]|[{_UPPER}]{{2,}}(?![{_UPPER}{_LOWER}]))|[{_UPPER}]\.[{_UPPER}](?=\s[{_UPPER}][{_LOWER}])))"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*(?:[’'][^\W\d_]+)?)"
)
APOSTROPHES = "’'"
_FIND_TOKENS = TOKEN.finditer
_APOSTROPHE = re.compile("[’']")


class Token:
    """A word, initials or abbreviation of a sentence, with its offsets in the document text.

    Immutable by convention, compared by value like a frozen dataclass; what the rules ask of a token
    again and again (its stem, apostrophe, capital) is worked out once when it is made.
    """

    __slots__ = ("text", "start", "end", "kind", "sentence_initial", "stem", "has_apostrophe", "capitalized")

    def __init__(self, text: str, start: int, end: int, kind: str, sentence_initial: bool = False) -> None:
        self.text = text
        self.start = start  # offset in the document text
        self.end = end
        self.kind = kind  # "word" | "initials" | "abbr"
        self.sentence_initial = sentence_initial
        # the token before its apostrophe suffix: "Bakü’yü" → "Bakü" (the typographic mark first)
        if "’" in text:
            self.stem, self.has_apostrophe = text.split("’", 1)[0], True
        elif "'" in text:
            self.stem, self.has_apostrophe = text.split("'", 1)[0], True
        else:
            self.stem, self.has_apostrophe = text, False
        self.capitalized = text[:1].isupper()

    def _key(self) -> tuple[str, int, int, str, bool]:
        return (self.text, self.start, self.end, self.kind, self.sentence_initial)

    def __eq__(self, other: object) -> bool:
        return other.__class__ is self.__class__ and self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Token(text={self.text!r}, start={self.start!r}, end={self.end!r}, kind={self.kind!r}, "
            f"sentence_initial={self.sentence_initial!r})"
        )


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; offsets are shifted by `offset` (the sentence's start in the document)."""
    tokens: list[Token] = []
    append = tokens.append
    for match in _FIND_TOKENS(text):
        kind = match.lastgroup or "word"
        value = match.group()
        start = offset + match.start()
        if kind != "word":  # a word ends with a letter; initials may end with a space
            value = value.rstrip()
            if kind == "abbr" and "." not in value and not _APOSTROPHE.split(value)[0].isupper():
                kind = "word"
        append(Token(value, start, start + len(value), kind, not tokens))
    return tokens


def split_hyphenated(token: Token, is_known_name) -> list[Token]:  # type: ignore[no-untyped-def]
    """'Türkiye-Azerbaycan' → two tokens when both parts are capitalized and one is a known name."""
    if token.kind != "word" or "-" not in token.stem:
        return [token]
    parts = token.text.split("-")
    if not all(part[:1].isupper() and len(part) >= 3 for part in parts):
        return [token]
    stems = [part.split("’")[0].split("'")[0] for part in parts]
    if is_known_name(token.stem) or not any(is_known_name(stem) for stem in stems):
        return [token]
    pieces = []
    position = token.start
    for index, part in enumerate(parts):
        pieces.append(
            Token(part, position, position + len(part), "word", token.sentence_initial and index == 0)
        )
        position += len(part) + 1
    return pieces
