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
