"""The scale benchmark's generated corpus (bench/scale_corpus.py) behaves like a real one where the
figures depend on it."""

from __future__ import annotations

import random
import re
from collections import defaultdict


def test_a_journal_article_is_cited_with_one_imprint_wherever_it_is_cited(scale_corpus) -> None:
    """Each article (author and title) appeared in one journal, volume, issue and year, so citations of it
    across the corpus differ only in the pages cited."""
    journal = re.compile(r"^(?P<work>.+?”), (?P<imprint>.+?), s\. \d+-\d+\.$")
    imprints: dict[str, set[str]] = defaultdict(set)
    for seed in range(3000):
        note = scale_corpus._footnote(random.Random(seed), ("tr_journal",), [])
        found = journal.match(note)
        assert found, note
        imprints[found["work"]].add(found["imprint"])
    assert len(imprints) >= 100  # many articles…
    assert sum(1 for seen in imprints.values() if len(seen) == 1) == len(imprints)  # …each with one imprint
    assert len({next(iter(seen)) for seen in imprints.values()}) >= 50  # and they differ from one another


def test_the_real_vocabulary_corpus_keeps_meeting_new_words_where_the_template_one_stops(
    vocabulary_corpus, scale_corpus
) -> None:
    """Distinct words against words read (Heaps' law): over the same number of words, the real-vocabulary
    corpus meets several times the template corpus' distinct words, and its last stretch still brings
    many new ones; the same seed gives the same text."""
    vocabulary, template = vocabulary_corpus, scale_corpus
    real_texts = [vocabulary.article_text(index) for index in range(6)]
    template_texts = [template.endnote_text(template.generate_article(index)) for index in range(6)]
    size = min(sum(len(vocabulary.WORD.findall(t)) for t in texts) for texts in (real_texts, template_texts))
    real = vocabulary.vocabulary_growth([" ".join(vocabulary.WORD.findall(" ".join(real_texts))[:size])])
    made = vocabulary.vocabulary_growth([" ".join(vocabulary.WORD.findall(" ".join(template_texts))[:size])])
    assert real[-1][1] > 2.5 * made[-1][1]
    assert real[-1][1] - real[-2][1] > 0.2 * (real[-1][0] - real[-2][0])  # still one new word in five
    assert vocabulary.article_text(3) == real_texts[3]
