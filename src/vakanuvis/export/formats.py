"""Writing a snapshot of the knowledge base in one of the export formats."""

from __future__ import annotations

import json
from pathlib import Path

from vakanuvis.errors import BadOption
from vakanuvis.export.snapshot import Snapshot

FORMATS = ("tei", "jsonld", "gexf", "csl-json", "bibtex", "csv", "timelinejs")


def _json_bytes(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")


def export_bytes(snapshot: Snapshot, export_format: str, *, context_url: str | None = None) -> bytes:
    """The export as one file's bytes (every format but csv, which writes several tables); the JSON-LD
    refers to the @context at `context_url` when given, else carries it."""
    if export_format == "tei":
        from vakanuvis.export.tei import to_tei

        return to_tei(snapshot)
    if export_format == "jsonld":
        from vakanuvis.export.jsonld import to_jsonld

        return _json_bytes(to_jsonld(snapshot, context_url))
    if export_format == "gexf":
        from vakanuvis.export.gexf import to_gexf

        return to_gexf(snapshot)
    if export_format == "timelinejs":
        from vakanuvis.export.timelinejs import to_timelinejs

        return _json_bytes(to_timelinejs(snapshot))
    if export_format == "csl-json":
        from vakanuvis.export.csl_json import knowledge_base_to_csl_json

        return _json_bytes(
            knowledge_base_to_csl_json(
                list(snapshot.sources.values()), snapshot.documents, snapshot.cited_documents
            )
        )
    if export_format == "bibtex":
        from vakanuvis.export.bibtex import sources_to_bibtex

        return sources_to_bibtex(list(snapshot.sources.values())).encode("utf-8")
    raise BadOption(f"unknown export format {export_format!r}: choose one of {', '.join(FORMATS)}")


def write_export(
    snapshot: Snapshot, export_format: str, path: Path, *, context_url: str | None = None
) -> None:
    """Write the export to `path` (for csv: a folder, or a .zip file)."""
    if export_format not in FORMATS:
        raise BadOption(f"unknown export format {export_format!r}: choose one of {', '.join(FORMATS)}")
    if not path.parent.is_dir():
        raise BadOption(f"cannot write {path}: folder {path.parent} does not exist")
    if export_format == "csv":
        from vakanuvis.export.csv_tables import write_csv_tables

        write_csv_tables(snapshot, path)
        return
    data = export_bytes(snapshot, export_format, context_url=context_url)
    temporary = path.with_name(path.name + ".part")
    temporary.write_bytes(data)
    temporary.replace(path)  # a failed export never leaves half a file in place
