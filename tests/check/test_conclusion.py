"""A conclusion that gives a treaty a party the body's list of its parties does not hold."""

from __future__ import annotations

import re

import pytest
from tests.annotate.test_narrative_time import laid_out

from vakanuvis.check.conclusion import find_conclusion_contradictions
from vakanuvis.model import EntityMention, Span

NAMES = {
    "Kars Antlaşması": ("treaty", "kars"),
    "Treaty of Kars": ("treaty", "kars"),
    "Moskova Antlaşması": ("treaty", "moscow"),
    "Türkiye": ("place", "turkey"),
    "Turkey": ("place", "turkey"),
    "Rusya": ("place", "russia"),
    "Sovyet Rusya": ("place", "russia"),
    "Russia": ("place", "russia"),
    "Azerbaycan": ("place", "azerbaijan"),
    "Azerbaijan": ("place", "azerbaijan"),
    "Gürcistan": ("place", "georgia"),
    "Ermenistan": ("place", "armenia"),
    "Armenia": ("place", "armenia"),
    "Kars": ("place", "kars-town"),
}


def found(text: str, language: str = "tr") -> list[str]:
    """The stranger parties each finding quotes first."""
    document = laid_out(text, language=language)
    taken: list[tuple[int, int]] = []
    for name in sorted(NAMES, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?:’\w+)?", document.text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            taken.append((match.start(), match.end()))
            kind, key = NAMES[name]
            document.mentions.append(
                EntityMention(Span(match.start(), match.end()), match[0], name, kind, key)
            )
    document.mentions.sort(key=lambda m: m.span.start)
    return [finding.evidence[0].text for finding in find_conclusion_contradictions(document)]


BODY = (
    "13 Ekim 1921’de Kars’ta Türkiye, Azerbaycan, Gürcistan ve Ermenistan arasında Kars Antlaşması imzalandı."
)


@pytest.mark.parametrize(
    ("conclusion", "expected"),
    [
        ("Türkiye Rusya ile Kars Antlaşması’nı imzalayarak doğu sınırını güvenceye aldı.", ["Rusya"]),
        ("Kars Antlaşması Türkiye ve Rusya arasında imzalandı.", ["Rusya"]),
        # the parties the body gives, all or some, in another order
        ("Kars Antlaşması Ermenistan, Gürcistan, Azerbaycan ve Türkiye arasında imzalandı.", []),
        ("Türkiye Ermenistan ile Kars Antlaşması’nı imzaladı.", []),
        # another treaty, or no parties said
        ("Türkiye Rusya ile Moskova Antlaşması’nı imzaladı.", []),
        ("Kars Antlaşması doğu sınırını çizdi.", []),
    ],
)
def test_a_conclusion_naming_another_party(conclusion, expected):
    assert found(f"{BODY}\n\n# Sonuç\n\n{conclusion}") == expected


def test_the_same_words_in_the_body_are_no_contradiction():
    assert (
        found(f"{BODY}\n\nTürkiye Rusya ile Kars Antlaşması’nı imzalayarak doğu sınırını güvenceye aldı.")
        == []
    )


def test_a_body_without_a_list_of_all_parties_says_nothing_to_contradict():
    body = "13 Ekim 1921’de Türkiye Ermenistan ile Kars Antlaşması’nı imzaladı."
    assert found(f"{body}\n\n# Sonuç\n\nTürkiye Rusya ile Kars Antlaşması’nı imzaladı.") == []


def test_english_lists_parties_after_between_and_with():
    body = "On 13 October 1921 the Treaty of Kars was signed between Turkey, Azerbaijan and Armenia."
    assert found(f"{body}\n\n# Conclusion\n\nTurkey signed the Treaty of Kars with Russia.", "en") == [
        "Russia"
    ]
