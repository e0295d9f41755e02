"""How files are read: the choices a user makes at ingest, passed from the CLI to the worker processes."""

from __future__ import annotations

from dataclasses import dataclass

from vakanuvis.errors import BadOption

OCR_MODES = ("auto", "always", "never")


@dataclass(frozen=True)
class ReadOptions:
    """`ocr`: "auto" reads with OCR the PDF pages that have no text layer but an image (a scan), "always"
    every page (a text layer made by poor OCR is replaced), "never" none (a scan is then refused)."""

    ocr: str = "auto"

    def __post_init__(self) -> None:
        if self.ocr not in OCR_MODES:
            raise BadOption(f"--ocr must be one of {', '.join(OCR_MODES)}, not {self.ocr!r}")
