"""Run-together Cyrillic separated with a word list; transliteration to Latin."""

from __future__ import annotations

import pytest

from vakanuvis.annotate.citations import repair_run_together
from vakanuvis.lang.folds import fold_for_citation_matching
from vakanuvis.lang.latin import to_latin


@pytest.mark.parametrize(
    ("glued", "repaired"),
    [
        ("Документывнешнейполитики СССР", "Документы внешней политики СССР"),
        ("ДокументывнешнейполитикиСССР", "Документы внешней политики СССР"),
        ("Воспоминаниясоветскогодипломата", "Воспоминания советского дипломата"),
        # OCR read "ия" as "ш": one confusion per word is undone when it makes a word
        ("Воспоминаншсоветскогодипломата", "Воспоминания советского дипломата"),
        ("Изисториисоветско-турецкихотношений", "Из истории советско-турецких отношений"),
        ("Историядипломатии", "История дипломатии"),
        ("Стенографическийотчет съезда", "Стенографический отчет съезда"),
        # already spaced text and Latin text are left alone
        (
            "Влияние Октябрьской революции на угнетенные народы Востока",
            "Влияние Октябрьской революции на угнетенные народы Востока",
        ),
        ("Naxçıvanda Sovet hakimiyyәtinin qelebesi", "Naxçıvanda Sovet hakimiyyәtinin qelebesi"),
        # a short misspelt word is not split into fragments
        ("Из истории совестко-турецких отношений", "Из истории совестко-турецких отношений"),
    ],
)
def test_repair_run_together(glued: str, repaired: str) -> None:
    assert repair_run_together(glued, "ru") == repaired


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("Воспоминания советского дипломата", "Vospominanii͡a sovetskogo diplomata"),
        ("Из истории советско-турецких отношений", "Iz istorii sovetsko-turet͡skikh otnosheniĭ"),
        ("Азәрбајҹан бејнәлхалг мүнасибәтләр системиндә", "Azərbaycan beynəlxalq münasibətlər sistemində"),
        ("Һәсәнов", "Həsənov"),
        # a Cyrillic ә typed inside Latin Azerbaijani is the Latin ə
        ("Azәrbaycan arxivi", "Azərbaycan arxivi"),
        ("İstiklal Harbimiz", "İstiklal Harbimiz"),
    ],
)
def test_to_latin(text: str, latin: str) -> None:
    assert to_latin(text) == latin


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Документы внешней политики", "Документывнешнейполитики"),
        ("Azәrbaycan", "Azərbaycan"),
        ("İSTİKLAL Harbimiz", "istiklal harbimiz"),
    ],
)
def test_fold_makes_one_key(a: str, b: str) -> None:
    assert fold_for_citation_matching(a) == fold_for_citation_matching(b)
