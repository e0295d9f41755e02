"""Readers: a file on disk becomes a `RawDocument` of pages and lines (no interpretation yet)."""

from __future__ import annotations

from vakanuvis.ingest.files import MAX_FILE_BYTES, SUPPORTED_SUFFIXES, find_input_files, read_file

__all__ = ["MAX_FILE_BYTES", "SUPPORTED_SUFFIXES", "find_input_files", "read_file"]
