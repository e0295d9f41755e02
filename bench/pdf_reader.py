"""The PDF reader against the pdfplumber-based one it replaced: seconds per PDF and any change in output.

For every PDF of the scale-bench corpus (bench/scale_corpus.py writes them as makale-*.pdf) and every PDF
the tests build (tests/structure/pdf_article.py, tests/ingest/pdf_samples.py, the refused ones), both readers
run on the same file; the raw lines, the analysed body text and the footnotes are compared, and so are the
refusal messages. The old reader lives only here, as it was, for this comparison.

    .venv/bin/python bench/pdf_reader.py [--corpus /tmp/vakanuvis-scale-corpus] [--limit N] [--show 4]
        [--repeat 2] [--extra other.pdf ...] [--new-only] [--clock cpu]

--new-only times the current reader alone (no comparison: the old reader takes minutes); --clock cpu counts
the process's CPU time instead of the wall clock, steadier when other work shares the machine.

Then OCR: the tests' two-page article rendered at 200 dpi to an image-only PDF (bench/scan_article.py) is
read with OCR, and its pages per minute printed (wall clock: Tesseract runs in its own process, one thread);
--ocr-repeat reads it that many times (0: no OCR timing).
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import io
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "structure"))
sys.path.insert(0, str(ROOT / "tests" / "ingest"))

from vakanuvis.errors import UnreadableFile  # noqa: E402
from vakanuvis.ingest import read_file  # noqa: E402
from vakanuvis.ingest.normalize import normalize_line  # noqa: E402
from vakanuvis.model import Document, RawDocument, RawLine, RawPage  # noqa: E402
from vakanuvis.pipeline import analyse  # noqa: E402

# ---------------------------------------------------------------- the old reader (pdfplumber), verbatim


def old_read_pdf(path: Path, data: bytes, sha256: str) -> RawDocument:
    """A `.pdf` file: one RawPage per page, lines with median font size, top and left edge."""
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableFile(str(path), "is not a PDF file (no %PDF header)")
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableFile(str(path), "the PDF is truncated or damaged (no end-of-file marker)")
    pages: list[RawPage] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                lines = old_group_lines(page.chars)
                pages.append(
                    RawPage(number=number, lines=lines, height=float(page.height), width=float(page.width))
                )
    except UnreadableFile:
        raise
    except (PDFSyntaxError, Exception) as error:  # pdfminer raises many unrelated types on damaged files
        if isinstance(error, PDFPasswordIncorrect) or any(
            isinstance(arg, PDFPasswordIncorrect) for arg in error.args
        ):
            raise UnreadableFile(
                str(path), "the PDF is password-protected; save an unprotected copy first"
            ) from error
        raise UnreadableFile(
            str(path), f"the PDF is damaged and cannot be read ({type(error).__name__})"
        ) from error
    if not pages:
        raise UnreadableFile(str(path), "the PDF has no pages")
    if not any(line.text.strip() for page in pages for line in page.lines):
        raise UnreadableFile(str(path), "the PDF has no text layer; it needs OCR first")
    return RawDocument(path=str(path), sha256=sha256, encoding="pdf", pages=pages, explicit_pages=True)


def old_group_lines(chars: list[dict[str, Any]]) -> list[RawLine]:
    rows: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (round(c["bottom"], 1), c["x0"])):
        if not char["text"]:
            continue
        middle = (char["top"] + char["bottom"]) / 2
        for row in reversed(rows[-3:]):
            top = min(c["top"] for c in row)
            bottom = max(c["bottom"] for c in row)
            if top <= middle <= bottom:
                row.append(char)
                break
        else:
            rows.append([char])
    lines: list[RawLine] = []
    for row in rows:
        row.sort(key=lambda c: c["x0"])
        sizes = [float(c["size"]) for c in row if c["text"].strip()]
        if not sizes:
            continue
        size = statistics.median(sizes)
        baseline = statistics.median(c["bottom"] for c in row if abs(float(c["size"]) - size) < 0.5)
        text = ""
        previous: dict[str, Any] | None = None
        for char in row:
            if previous is not None and char["x0"] - previous["x1"] > 0.2 * size and not text.endswith(" "):
                text += " "
            text += old_as_superscript(char, size, baseline)
            previous = char
        body_chars = [c for c in row if abs(float(c["size"]) - size) < 0.5] or row
        lines.append(
            RawLine(
                text=normalize_line(text),
                font_size=round(size, 2),
                top=round(min(c["top"] for c in body_chars), 2),
                x0=round(row[0]["x0"], 2),
            )
        )
    lines.sort(key=lambda line: (line.top or 0.0, line.x0 or 0.0))
    return lines


OLD_SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def old_as_superscript(char: dict[str, Any], size: float, baseline: float) -> str:
    text = str(char["text"])
    if (
        text.isascii()
        and text.isdigit()
        and float(char["size"]) <= 0.85 * size
        and char["bottom"] < baseline - 0.15 * size
    ):
        return text.translate(OLD_SUPERSCRIPT_DIGITS)
    return text


def old_read_file(path: Path) -> RawDocument:
    data = path.read_bytes()
    return old_read_pdf(path, data, hashlib.sha256(data).hexdigest())


# ---------------------------------------------------------------- the PDFs compared


def test_pdfs(folder: Path) -> list[Path]:
    """The PDFs the tests build, written into `folder`."""
    from pdf_article import build_article_pdf
    from pdf_samples import HAND_WRITTEN, SAMPLES, build_hand_written_pdf, build_sample_pdf
    from test_read_file import encrypted_pdf, no_text_pdf, truncated_pdf

    made: list[Path] = [build_article_pdf(folder / "makale.pdf")]
    made += [build_sample_pdf(folder / f"ornek-{name}.pdf", name) for name in SAMPLES]
    made += [build_hand_written_pdf(folder / f"elle-{name}.pdf", name) for name in HAND_WRITTEN]
    for name, make in [("sifreli", encrypted_pdf), ("metinsiz", no_text_pdf), ("yarim", truncated_pdf)]:
        made.append(make(folder / f"{name}.pdf"))
    (folder / "sahte.pdf").write_bytes(b"this is not a pdf at all")
    (folder / "kirik.pdf").write_bytes(b"%PDF-1.4\n1 0 obj\n<<\n%%EOF\n")
    return [*made, folder / "sahte.pdf", folder / "kirik.pdf"]


CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
clock = CLOCKS["wall"]


def timed(read: Callable[[Path], RawDocument], path: Path, repeat: int) -> tuple[float, RawDocument | str]:
    """The fastest of `repeat` reads (other processes share the machine) and what the read gave."""
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        try:
            result: RawDocument | str = read(path)
        except UnreadableFile as error:
            result = f"UnreadableFile: {error.why}"
        best = min(best, clock() - start)
    return best, result


def layout_shift(old: RawDocument, new: RawDocument) -> float:
    """The largest difference in points of a line's top, left edge or type size, for lines read alike."""
    shift = 0.0
    for old_page, new_page in zip(old.pages, new.pages, strict=True):
        shift = max(shift, abs((old_page.height or 0) - (new_page.height or 0)))
        for a, b in zip(old_page.lines, new_page.lines, strict=False):
            if a.text == b.text:
                for x, y in [(a.top, b.top), (a.x0, b.x0), (a.font_size, b.font_size)]:
                    shift = max(shift, abs((x or 0.0) - (y or 0.0)))
    return shift


def raw_lines(raw: RawDocument) -> list[str]:
    return [f"p{page.number} {line.text}" for page in raw.pages for line in page.lines]


def footnotes(document: Document) -> list[str]:
    return [f"{note.number} {note.pages} {note.text}" for note in document.footnotes]


def first_difference(old: list[str], new: list[str], show: int) -> list[str]:
    diff = difflib.unified_diff(old, new, "old", "new", n=0, lineterm="")
    return [line for line in diff if not line.startswith(("---", "+++", "@@"))][:show]


def compare(path: Path, show: int, repeat: int) -> tuple[float, float, dict[str, bool], list[str]]:
    """Seconds old and new, which outputs are identical, and a few differing lines."""
    old_seconds, old = timed(old_read_file, path, repeat)
    new_seconds, new = timed(read_file, path, repeat)
    if isinstance(old, str) or isinstance(new, str):
        same = old == new if isinstance(old, str) and isinstance(new, str) else False
        shown = (
            []
            if same
            else [
                f"- {old if isinstance(old, str) else 'read'}",
                f"+ {new if isinstance(new, str) else 'read'}",
            ]
        )
        return old_seconds, new_seconds, {"refusal": same}, shown
    same = {"lines": raw_lines(old) == raw_lines(new)}
    shift = layout_shift(old, new) if len(old.pages) == len(new.pages) else float("inf")
    if shift > 0.01:
        shown = [f"(layout: a page size, line top, left edge or type size moved by up to {shift:.2f} pt)"]
    old_document, new_document = analyse(old), analyse(new)
    same["text"] = old_document.text == new_document.text
    same["footnotes"] = footnotes(old_document) == footnotes(new_document)
    shown = (shown if shift > 0.01 else []) + (
        first_difference(raw_lines(old), raw_lines(new), show) if not same["lines"] else []
    )
    if not same["text"]:
        shown += first_difference(old_document.text.splitlines(), new_document.text.splitlines(), show)
    if not same["footnotes"]:
        shown += first_difference(footnotes(old_document), footnotes(new_document), show)
    return old_seconds, new_seconds, same, shown


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=Path("/tmp/vakanuvis-scale-corpus"))
    parser.add_argument("--limit", type=int, default=0, help="at most this many corpus PDFs (0: all)")
    parser.add_argument("--show", type=int, default=4, help="differing lines shown per document")
    parser.add_argument("--extra", type=Path, nargs="*", default=[], help="more PDFs to compare (any source)")
    parser.add_argument(
        "--repeat", type=int, default=1, help="reads of each file per reader; the fastest counts"
    )
    parser.add_argument("--new-only", action="store_true", help="time the current reader alone")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall", help="wall clock or CPU time")
    parser.add_argument("--ocr-repeat", type=int, default=2, help="reads of the scanned article (0: none)")
    args = parser.parse_args()
    global clock
    clock = CLOCKS[args.clock]
    corpus = sorted(args.corpus.glob("makale-*.pdf"))
    if args.limit:
        corpus = corpus[: args.limit]
    if not corpus:
        print(
            f"no makale-*.pdf under {args.corpus}: write the corpus with bench/scale_corpus.py",
            file=sys.stderr,
        )
    with tempfile.TemporaryDirectory() as folder:
        groups = {"tests": test_pdfs(Path(folder)), "corpus": corpus, "extra": args.extra}
        compare(groups["tests"][0], 0, 1)  # imports and first-call loads are not a PDF's cost
        if args.ocr_repeat:
            time_ocr(groups["tests"][0], Path(folder), args.ocr_repeat)
        if args.new_only:
            time_new_reader(groups, args.repeat)
            return
        for group, paths in groups.items():
            old_times: list[float] = []
            new_times: list[float] = []
            differing = 0
            for path in paths:
                old_seconds, new_seconds, same, shown = compare(path, args.show, args.repeat)
                old_times.append(old_seconds)
                new_times.append(new_seconds)
                verdict = " ".join(f"{key}={'same' if value else 'DIFF'}" for key, value in same.items())
                print(
                    f"{group:6} {path.name:28} old {old_seconds:6.3f} s  new {new_seconds:6.3f} s  {verdict}"
                )
                for line in shown:
                    print(f"         {line[:160]}")
                differing += not all(same.values())
            if paths:
                print(
                    f"== {group}: {len(paths)} PDFs, seconds per PDF old {statistics.mean(old_times):.3f} "
                    f"new {statistics.mean(new_times):.4f} ({statistics.mean(old_times) / statistics.mean(new_times):.0f}x); "
                    f"{differing} with any difference, {len(paths) - differing} identical"
                )


def time_ocr(article: Path, folder: Path, repeat: int) -> None:
    """Pages per minute of OCR (wall clock) on `article` scanned at 200 dpi, read `repeat` times."""
    sys.path.insert(0, str(ROOT / "bench"))
    from scan_article import scan_pdf
    from vakanuvis.ingest.options import ReadOptions

    scan = scan_pdf(article, folder / "makale-tarama.pdf", 200)
    pages = 0
    start = time.perf_counter()
    for _ in range(repeat):
        raw = read_file(scan, ReadOptions(ocr="auto"))
        pages += len(raw.ocr.get("pages", {}))
    seconds = time.perf_counter() - start
    confidence = statistics.mean(page["confidence"] for page in raw.ocr["pages"].values())
    print(
        f"== ocr: {pages} scanned pages (200 dpi) in {seconds:.1f} s: {60 * pages / seconds:.1f} pages per minute, "
        f"{seconds / pages:.2f} s per page; mean page confidence {confidence:.3f}"
    )


def time_new_reader(groups: dict[str, list[Path]], repeat: int) -> None:
    """Seconds per PDF of the current reader alone, for each group of PDFs."""
    for group, paths in groups.items():
        seconds = []
        for path in paths:
            best, result = timed(read_file, path, repeat)
            seconds.append(best)
            outcome = result if isinstance(result, str) else f"{len(result.pages)} pages"
            print(f"{group:6} {path.name:28} new {best:6.4f} s  {outcome}")
        if paths:
            print(
                f"== {group}: {len(paths)} PDFs, seconds per PDF new {statistics.mean(seconds):.4f} "
                f"(total {sum(seconds):.3f} s)"
            )


if __name__ == "__main__":
    main()
