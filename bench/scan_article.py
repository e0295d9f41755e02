"""The sample article typeset with real footnotes and scanned: the inputs of bench/pdf_scan.py.

The article's text dump (../shared/corpus) is read by vakanuvis itself, whose 41 footnotes and 218 body
sentences were checked by hand; its blocks and footnotes are written as a flat ODT (`.fodt`) with real
`<text:note>` footnotes, LibreOffice sets it as a journal would (12 pt body, 10 pt notes, raised note
numbers), and each page is rendered at 200 dpi in grey and saved as an image-only PDF with Pillow.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

from vakanuvis.model import Document

ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "sutad-turkiye-azerbaycan-1920-1922.txt"
if not ARTICLE.exists():
    ARTICLE = Path("/work/shared/corpus/sutad-turkiye-azerbaycan-1920-1922.txt")

FODT_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify"/>
  <style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:language="tr"
   fo:country="TR"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="1cm" fo:margin-bottom="0.15cm" fo:line-height="130%"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:text-align="start"/>
  <style:text-properties fo:font-weight="bold"/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph">
  <style:paragraph-properties fo:margin-left="0.5cm" fo:text-indent="-0.5cm" fo:text-align="start"/>
  <style:text-properties fo:font-size="10pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm"
   fo:margin-bottom="2.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
  <style:footnote-sep style:width="0.018cm" style:rel-width="25%" style:adjustment="left"
   style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm"/>
 </style:page-layout>
</office:automatic-styles>
<office:master-styles>
 <style:master-page style:name="Standard" style:page-layout-name="pm1"/>
</office:master-styles>
<office:body><office:text>
"""
FODT_TAIL = "</office:text></office:body></office:document>\n"


def article_fodt(document: Document) -> str:
    """The document's blocks as paragraphs and headings, each footnote a real note at its first marker."""
    first_marker: dict[int, int] = {}
    for marker in document.markers:
        first_marker.setdefault(marker.number, marker.offset)
    notes = {note.number: note.text for note in document.footnotes}
    at_offset: dict[int, list[int]] = {}
    for number, offset in first_marker.items():
        if number in notes:
            at_offset.setdefault(offset, []).append(number)
    parts = [FODT_HEAD]
    for block in document.blocks:
        style = "Heading" if block.kind == "heading" else "Standard"
        pieces: list[str] = []
        cursor = block.span.start
        for offset in sorted(o for o in at_offset if block.span.start <= o <= block.span.end):
            pieces.append(escape(document.text[cursor:offset]))
            for number in at_offset.pop(offset):
                pieces.append(
                    f'<text:note text:id="ftn{number}" text:note-class="footnote"><text:note-citation>'
                    f'{number}</text:note-citation><text:note-body><text:p text:style-name="Footnote">'
                    f"{escape(notes[number])}</text:p></text:note-body></text:note>"
                )
            cursor = offset
        pieces.append(escape(document.text[cursor : block.span.end]))
        parts.append(f'<text:p text:style-name="{style}">{"".join(pieces)}</text:p>\n')
    parts.append(FODT_TAIL)
    return "".join(parts)


def typeset(fodt: Path, outdir: Path) -> Path:
    """The PDF LibreOffice makes of `fodt` (a private profile, so parallel runs do not collide)."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file:///tmp/lo-vakanuvis-scan-{outdir.name}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(fodt),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return outdir / (fodt.stem + ".pdf")


def scan_pdf(source: Path, target: Path, dpi: int = 200) -> Path:
    """Every page of `source` rendered at `dpi` in grey, saved as an image-only PDF (no text layer)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(source))
    try:
        images = [
            document[index].render(scale=dpi / 72).to_pil().convert("L") for index in range(len(document))
        ]
    finally:
        document.close()
    images[0].save(str(target), save_all=True, append_images=images[1:], resolution=dpi)
    return target
