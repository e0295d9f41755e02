"""Word tokens of a sentence with their offsets, and the runs of capitalized words that may be names."""

from __future__ import annotations

import re
from dataclasses import dataclass

_UPPER = "A-ZÇĞİÖŞÜÂÎÛƏА-ЯЁ"
_LOWER = "a-zçğıöşüâîûəәа-яё"
TOKEN = re.compile(
    rf"(?P<abbr>(?:[{_UPPER}]\.){{2,}}[{_UPPER}]\.?(?:[’'][{_LOWER}]+)?|[{_UPPER}]{{2,6}}(?:[’'][{_LOWER}]+)?(?![{_LOWER}]))"
    rf"|(?P<initials>(?:[{_UPPER}]\.\s?){{1,3}}(?=[{_UPPER}][{_LOWER}])|[{_UPPER}]\.[{_UPPER}](?=\s[{_UPPER}][{_LOWER}]))"
    r"|(?P<word>[^\W\d_]+(?:-[^\W\d_]+)*(?:[’'][^\W\d_]+)?)"
)
APOSTROPHES = "’'"


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # offset in the document text
    end: int
    kind: str  # "word" | "initials" | "abbr"
    sentence_initial: bool = False

    @property
    def stem(self) -> str:
        """The token before its apostrophe suffix: "Bakü’yü" → "Bakü"."""
        for mark in APOSTROPHES:
            if mark in self.text:
                return self.text.split(mark, 1)[0]
        return self.text

    @property
    def has_apostrophe(self) -> bool:
        return any(mark in self.text for mark in APOSTROPHES)

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of `text`; offsets are shifted by `offset` (the sentence's start in the document)."""
    tokens: list[Token] = []
    for match in TOKEN.finditer(text):
        kind = match.lastgroup or "word"
        value = match.group().rstrip()
        if kind == "abbr" and "." not in value and not re.split("[’']", value)[0].isupper():
            kind = "word"
        tokens.append(Token(value, offset + match.start(), offset + match.start() + len(value), kind))
    if tokens:
        tokens[0] = Token(tokens[0].text, tokens[0].start, tokens[0].end, tokens[0].kind, True)
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
