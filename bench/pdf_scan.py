"""The issue's scan measure: the sample article typeset with real footnotes, scanned at 200 dpi, read by OCR.

Gold: what vakanuvis reads from the article's text dump (../shared/corpus), checked by hand: 41 footnotes
and 218 body sentences. The dump's blocks and notes are typeset by LibreOffice (bench/scan_article.py),
each page rendered at 200 dpi to an image-only PDF, and that PDF ingested with OCR. Reported:

- footnotes found with the right number and a text at least 0.9 similar (rapidfuzz ratio), of 41;
- marker links: footnotes whose marker sits in the sentence the gold's marker sits in (0.9 similar);
- body sentences found word for word (whitespace aside), of the gold's, and at least 0.95 similar;
- gold footnotes whose text ended up in the body;
- OCR speed in pages per minute (wall clock, one process).

Targets (issue 19): 39 of 41 footnotes, 90 % of the sentences.

    .venv/bin/python bench/pdf_scan.py [--dpi 200] [--keep DIR] [--show]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from rapidfuzz import fuzz  # noqa: E402

from scan_article import ARTICLE, article_fodt, scan_pdf, typeset  # noqa: E402
from vakanuvis.ingest import read_file  # noqa: E402
from vakanuvis.ingest.options import ReadOptions  # noqa: E402
from vakanuvis.model import Document  # noqa: E402
from vakanuvis.structure import recover_structure  # noqa: E402


def sentence_texts(document: Document) -> list[str]:
    return [" ".join(document.text[s.span.start : s.span.end].split()) for s in document.sentences]


def marker_sentences(document: Document) -> dict[int, str]:
    """The sentence each footnote's first marker sits in, by footnote number."""
    found: dict[int, str] = {}
    for marker in document.markers:
        if marker.number not in found and marker.sentence is not None:
            span = document.sentences[marker.sentence].span
            found[marker.number] = " ".join(document.text[span.start : span.end].split())
    return found


def score(gold: Document, read: Document, show: bool = False) -> dict[str, float]:
    gold_notes = {note.number: note.text for note in gold.footnotes}
    read_notes = {note.number: note.text for note in read.footnotes}
    notes_right = [n for n, text in gold_notes.items() if fuzz.ratio(text, read_notes.get(n, "")) >= 90]
    gold_links, read_links = marker_sentences(gold), marker_sentences(read)
    links_right = [
        n for n in gold_notes if n in gold_links and fuzz.ratio(gold_links[n], read_links.get(n, "")) >= 90
    ]
    gold_sentences, read_sentences = sentence_texts(gold), sentence_texts(read)
    available = Counter(read_sentences)
    exact = 0
    missed: list[str] = []
    for text in gold_sentences:
        if available[text] > 0:
            available[text] -= 1
            exact += 1
        else:
            missed.append(text)
    close = sum(
        1
        for text in gold_sentences
        if max((fuzz.ratio(text, other) for other in read_sentences), default=0) >= 95
    )
    in_body = sum(
        1 for text in gold_notes.values() if len(text) > 30 and fuzz.partial_ratio(text, read.text) >= 95
    )
    if show:
        for n in sorted(set(gold_notes) - set(notes_right)):
            print(f"  note {n}: gold {gold_notes[n][:90]!r}\n          read {read_notes.get(n, '')[:90]!r}")
        for n in sorted(set(gold_links) - set(links_right)):
            print(
                f"  marker {n}: gold {gold_links[n][:70]!r}\n            read {read_links.get(n, '')[:70]!r}"
            )
        for text in missed:
            best = max(read_sentences, key=lambda other: fuzz.ratio(text, other), default="")
            print(f"  sentence: gold {text[:100]!r}\n            read {best[:100]!r}")
    return {
        "footnotes": len(notes_right),
        "gold_footnotes": len(gold_notes),
        "marker_links": len(links_right),
        "sentences_exact": exact,
        "sentences_close": close,
        "gold_sentences": len(gold_sentences),
        "notes_in_body": in_body,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--dpi", type=int, default=200, help="the scan's resolution")
    parser.add_argument("--keep", type=Path, help="build the inputs in this folder and keep them")
    parser.add_argument("--show", action="store_true", help="print what was missed")
    args = parser.parse_args()
    gold = recover_structure(read_file(ARTICLE), "gold")
    with tempfile.TemporaryDirectory(prefix="vakanuvis-scan-") as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        fodt = folder / "makale.fodt"
        fodt.write_text(article_fodt(gold), encoding="utf-8")
        typeset_pdf = typeset(fodt, folder)
        scan = scan_pdf(typeset_pdf, folder / f"makale-scan-{args.dpi}dpi.pdf", args.dpi)
        text_layer = score(gold, recover_structure(read_file(typeset_pdf), "text"))
        started = time.perf_counter()
        raw = read_file(scan, ReadOptions(ocr="auto"))
        seconds = time.perf_counter() - started
        read = recover_structure(raw, "scan")
    figures = score(gold, read, show=args.show)
    pages = len(raw.ocr.get("pages", {}))
    confidences = [page["confidence"] for page in raw.ocr.get("pages", {}).values()]
    print(
        f"typeset text PDF (no OCR): {text_layer['footnotes']}/{text_layer['gold_footnotes']} footnotes, "
        f"{text_layer['sentences_exact']}/{text_layer['gold_sentences']} sentences"
    )
    print(
        f"scan at {args.dpi} dpi, {pages} pages read by OCR in {seconds:.1f} s "
        f"({60 * pages / seconds:.1f} pages per minute), mean page confidence "
        f"{sum(confidences) / max(1, len(confidences)):.3f}"
    )
    print(
        f"  footnotes right (text >= 0.9 similar): {figures['footnotes']}/{figures['gold_footnotes']} (target 39)"
    )
    print(f"  marker links right: {figures['marker_links']}/{figures['gold_footnotes']}")
    share = figures["sentences_exact"] / max(1, figures["gold_sentences"])
    print(
        f"  body sentences word for word: {figures['sentences_exact']}/{figures['gold_sentences']} "
        f"({100 * share:.1f} %, target 90 %); >= 0.95 similar: {figures['sentences_close']}"
    )
    print(f"  gold footnotes found in the body: {figures['notes_in_body']}")


if __name__ == "__main__":
    main()
