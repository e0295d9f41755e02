"""Structure recovery: raw pages become a `Document` with body text, blocks, sentences and footnotes.

A cascade in the manner of GROBID: zone every line (body, footnote, furniture), read the footnotes,
choose the body markers by the footnote sequence, then rebuild paragraphs and sentences.
"""

from __future__ import annotations

from vakanuvis.model import Document, Marker, RawDocument, Sentence, Span
from vakanuvis.structure.accounting import account_characters
from vakanuvis.structure.footnotes import build_footnotes, collect_footnotes, weighted_confidence
from vakanuvis.structure.guess import guess_language, guess_title
from vakanuvis.structure.header import read_header
from vakanuvis.structure.lines import MarkerCandidate, line_candidates
from vakanuvis.structure.markers import select_markers
from vakanuvis.structure.paragraphs import build_body
from vakanuvis.structure.sentences import SentenceIndex, segment_sentences
from vakanuvis.structure.zones import zone_document

__all__ = ["account_characters", "recover_structure", "segment_sentences"]


def recover_structure(raw: RawDocument, document_id: str) -> Document:
    """The structured document of `raw`: every input character lands in body, footnote or furniture."""
    zones = zone_document(raw)
    # Marker candidates of every body line, found once: footnote collection only cuts lines off the
    # end of a page's body, so the lines left keep theirs (numbered by their final index below).
    found = {id(line): line_candidates(line.text) for zone in zones for line in zone.body}
    page_candidates = [{c.number for line in zone.body for c in found[id(line)]} for zone in zones]
    footnotes, note_hyphens = build_footnotes(collect_footnotes(zones, page_candidates))
    lines = [line for zone in zones for line in zone.body]
    candidates = []
    for index, line in enumerate(lines):
        for candidate in found[id(line)] if id(line) in found else line_candidates(line.text):
            candidate.line = index
            candidate.page = line.page
            candidates.append(candidate)
    chosen = select_markers(
        candidates, {note.number for note in footnotes}, {note.number: note.page for note in footnotes}
    )
    by_line: dict[int, list[MarkerCandidate]] = {}
    for candidate in chosen:
        by_line.setdefault(candidate.line, []).append(candidate)
    body = build_body(lines, by_line)
    furniture = [item for zone in zones for item in zone.furniture] + note_hyphens + body.removed
    document = Document(
        id=document_id,
        path=raw.path,
        sha256=raw.sha256,
        encoding=raw.encoding,
        pages=len(raw.pages) if raw.explicit_pages else len(zones),
        text=body.text,
        blocks=body.blocks,
        footnotes=footnotes,
        furniture=furniture,
        page_starts=body.page_starts,
        ocr=raw.ocr,
    )
    for index, block in enumerate(body.blocks):
        for start, end in segment_sentences(body.text[block.span.start : block.span.end], block.span.start):
            document.sentences.append(Sentence(Span(start, end), document.page_at(start), index))
    if body.confidences:
        set_ocr_confidences(document.sentences, body.confidences)
    sentences = SentenceIndex([(s.span.start, s.span.end) for s in document.sentences])
    document.markers = [
        Marker(number=number, offset=offset, page=page, sentence=sentences.carrying(offset))
        for offset, number, page in body.markers
    ]
    document.language = guess_language(body.text or " ".join(note.text for note in footnotes))
    # the article's own header, read off its first pages (the abstract stays in the body); its title and
    # authors are detected metadata, which what the user gives replaces
    header = read_header(raw, furniture, document.language, footnotes)
    document.header = header.fields()
    document.title = header.title or guess_title(body.text, body.blocks, furniture)
    if header.title:
        document.origins["title"] = "detected"
    if header.authors:
        document.authors = list(header.authors)
        document.origins["authors"] = "detected"
    return document


def set_ocr_confidences(sentences: list[Sentence], lines: list[tuple[int, int, float]]) -> None:
    """Each sentence's OCR confidence: that of the OCR'd lines it overlaps, weighted by the characters
    each gives it (`lines`: start, end and confidence of each line in the body text, in order)."""
    at = 0
    for sentence in sentences:
        start, end = sentence.span.start, sentence.span.end
        while at < len(lines) and lines[at][1] <= start:
            at += 1
        parts = []
        for line_start, line_end, confidence in lines[at:]:
            if line_start >= end:
                break
            parts.append((min(end, line_end) - max(start, line_start), confidence))
        sentence.ocr_confidence = weighted_confidence(parts)
