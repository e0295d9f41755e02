"""The citation that stands for a work: a full reference, not the back-references that point to it."""

from __future__ import annotations

from vakanuvis.model import Citation, Span
from vakanuvis.resolve.sources import representative


def cite(raw: str, **fields) -> Citation:
    return Citation(1, Span(0, len(raw)), raw, **fields)


def test_a_full_reference_stands_for_a_work_cited_more_often_by_back_references():
    archive = {"archive": "ATASE", "fond": "K. 12", "delo": "D. 3"}
    full = cite("ATASE, K. 12, D. 3, F. 4.", type="archive", archive=archive, title="Harp Tarihi Arşivi")
    backs = [cite(f"A.g.e., F. {n}.", type="archive", archive=archive, back_reference=True) for n in range(5)]
    assert representative([*backs, full]) is full


def test_the_commonest_title_wins_among_full_references():
    first = cite("Gürün, Türk-Sovyet İlişkileri, Ankara 1991.", title="Türk-Sovyet İlişkileri", year=1991)
    again = cite("Gürün, Türk-Sovyet İlişkileri, s. 5.", title="Türk-Sovyet İlişkileri")
    other = cite(
        "Gürün, Türk Sovyet Münasebetleri, Ankara 1991, s. 7.",
        title="Türk Sovyet Münasebetleri",
        year=1991,
        place="Ankara",
    )
    assert representative([other, first, again]) in (first, again)
