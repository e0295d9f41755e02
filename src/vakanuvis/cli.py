"""The `vakanuvis` command: typer commands that call the Python API, nothing more."""

from __future__ import annotations

import atexit
import functools
import json
import os
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

try:  # typer vendors click from 0.2x on; older versions use click itself
    from typer._click import exceptions as click_exceptions
except ImportError:  # pragma: no cover
    from click import exceptions as click_exceptions  # type: ignore[no-redef]

from vakanuvis.cli_values import convert_plain_values_without_pydantic
from vakanuvis.errors import BadOption, VakanuvisError
from vakanuvis.knowledge_base import KnowledgeBase

if TYPE_CHECKING:
    from rich.console import Console

    from vakanuvis.intake import IngestResult
from vakanuvis.records import period_bound
from vakanuvis.store.database import close_databases

app = typer.Typer(
    help="Vakanüvis: turn historical scholarship into a source-linked knowledge base.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@functools.cache
def stderr_console() -> Console:
    """rich's console on stderr, made when a progress bar is shown: the query commands start without rich."""
    from rich.console import Console

    return Console(stderr=True)


DatabaseOption = Annotated[
    str | None,
    typer.Option(
        "--db", help="SQLite path or postgresql:// URL (default: $VAKANUVIS_DB, else ./vakanuvis.db)."
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
OverlappingOption = Annotated[
    bool,
    typer.Option(
        "--overlapping",
        help="With --from/--to: also the events that only reach into the period (a year, a span of years).",
    ),
]
DocumentArgument = Annotated[str | None, typer.Argument(help="A document id, as `ingest` printed it.")]

F = TypeVar("F", bound=Callable[..., Any])
WHO_MENTIONS = 50  # the mentions `who` shows unless told otherwise


def reports_errors(command: F) -> F:
    """Turn the tool's errors into one line on stderr and a non-zero exit code."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except VakanuvisError as error:
            print(f"vakanuvis: {error}", file=sys.stderr)
            raise typer.Exit(error.exit_code) from None

    return wrapper  # type: ignore[return-value]


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def parse_day(value: str | None, option: str) -> date | None:
    """A date bound given as YYYY, YYYY-MM or YYYY-MM-DD: its first day for --from, its last for --to."""
    return period_bound(value, last=option == "--to", option=option)


@app.command()
@reports_errors
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files (.txt, .pdf) or folders (read recursively).")],
    db: DatabaseOption = None,
    force: Annotated[
        bool, typer.Option(help="Analyse again even when the content is already stored.")
    ] = False,
    workers: Annotated[int, typer.Option(min=1, help="Analyse on this many processes.")] = 1,
    dask: Annotated[str | None, typer.Option(help="Ingest on the Dask scheduler at this address.")] = None,
    metadata: Annotated[
        Path | None,
        typer.Option(
            help="A CSV of the documents' metadata: a 'path' column (relative to the CSV's folder) and any of "
            "date, title, author (several separated by ;), type, place, language, source, url."
        ),
    ] = None,
    document_date: Annotated[
        str | None, typer.Option("--date", help="The documents' own date, EDTF (1922-03-01, 1920-04, 1919~).")
    ] = None,
    document_type: Annotated[
        str | None,
        typer.Option("--type", help="article, speech, telegram, letter, report, decree, newspaper…"),
    ] = None,
    title: Annotated[str | None, typer.Option(help="The documents' title.")] = None,
    author: Annotated[
        list[str] | None, typer.Option(help="An author of the documents (repeat for several).")
    ] = None,
    ocr: Annotated[
        str,
        typer.Option(
            help="Read scanned PDF pages with Tesseract: auto (the pages without a text layer), always "
            "(every page), never (a scan is refused)."
        ),
    ] = "auto",
    check: Annotated[
        bool,
        typer.Option(
            help="Check the documents the ingest changed at its end and keep their findings, so that the "
            "next `vakanuvis check` or /api/findings need not."
        ),
    ] = False,
) -> None:
    """Store each document; print DOC_ID<TAB>PATH per document stored. Metadata comes from --metadata, the
    options, or a NAME.meta.yaml beside a file (options win over the CSV, the CSV over a sidecar)."""
    from vakanuvis.ingest import find_input_files
    from vakanuvis.ingest.metadata import gather_metadata, read_metadata_csv
    from vakanuvis.ingest.options import ReadOptions

    read = ReadOptions(ocr=ocr)
    kb = KnowledgeBase(db)
    failures = 0
    options = {"date": document_date, "type": document_type, "title": title, "authors": author or None}
    given = gather_metadata(
        find_input_files(paths), read_metadata_csv(metadata) if metadata else None, options
    )
    for line in given.warnings:
        print(line, file=sys.stderr)
    for line in given.problems:
        failures += 1
        print(line, file=sys.stderr)

    def report(result: IngestResult) -> None:
        nonlocal failures
        for warning in result.warnings:
            print(warning, file=sys.stderr)
        if result.error:
            failures += 1
            print(result.error, file=sys.stderr)
        else:
            print(f"{result.document_id}\t{result.path}", flush=True)

    def ingest(on_file: Callable[[IngestResult], None]) -> None:
        kb.ingest(
            paths,
            force=force,
            on_file=on_file,
            workers=workers,
            dask_address=dask,
            metadata=given,
            read=read,
            check=check,
        )

    show_progress = len(paths) > 1 or any(os.path.isdir(path) for path in paths)
    if show_progress and stderr_console().is_terminal:
        # rich's progress bar is imported only here: the query commands start faster without it
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(
            TextColumn("ingesting"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=stderr_console(),
        ) as progress:
            task = progress.add_task("ingest", total=None)

            def advance(result: IngestResult) -> None:
                report(result)
                progress.advance(task)

            ingest(advance)
    else:
        ingest(report)
    if failures:
        raise typer.Exit(1)


@app.command()
@reports_errors
def resolve(
    db: DatabaseOption = None,
    again: Annotated[
        bool, typer.Option("--all", help="Resolve every document again from nothing, not only what waits.")
    ] = False,
) -> None:
    """Resolve entities and works now (ingest does it too; after a changed authority file it redoes all)."""
    kb = KnowledgeBase(db)
    kb.resolve(again=again)
    print(f"{len(kb.entities())} entities, {len(kb.sources())} works", file=sys.stderr)


@app.command()
@reports_errors
def documents(db: DatabaseOption = None, as_json: JsonOption = False) -> None:
    """The stored documents."""
    records = KnowledgeBase(db).documents()
    if as_json:
        print_json(records)
        return
    for record in records:
        print(
            f"{record['id']}\t{record['date'] or '-'}\t{record['type']}\t{record['pages']}p\t"
            f"{record['language']}\t{record['title']}\t{record['path']}"
        )


@app.command()
@reports_errors
def text(
    document: Annotated[str, typer.Argument(help="A document id.")],
    db: DatabaseOption = None,
    as_json: Annotated[
        bool,
        typer.Option(
            "--json",
            help="Its sentences instead: start, end, page, text and the period the narrative is at "
            "(`reference`: edtf, start, end, from, and the date it is taken from).",
        ),
    ] = False,
) -> None:
    """The cleaned body text of a document."""
    if as_json:
        print_json(KnowledgeBase(db).sentences(document))
        return
    sys.stdout.write(KnowledgeBase(db).text(document) + "\n")


@app.command()
@reports_errors
def footnotes(
    document: Annotated[str, typer.Argument(help="A document id.")],
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """A document's footnotes with the body sentence that carries each marker."""
    records = KnowledgeBase(db).footnotes(document)
    if as_json:
        print_json(records)
        return
    for record in records:
        print(f"[{record['number']}] (p. {record['page']}) {record['text']}")


@app.command()
@reports_errors
def events(
    document: DocumentArgument = None,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY[-MM[-DD]]")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY[-MM[-DD]]")] = None,
    actor: Annotated[str | None, typer.Option(help="Only events naming this actor.")] = None,
    place: Annotated[str | None, typer.Option(help="Only events naming this place.")] = None,
    merged: Annotated[
        bool, typer.Option("--merged", help="One entry per happening across documents, with all its reports.")
    ] = False,
    overlapping: OverlappingOption = False,
) -> None:
    """Dated events in chronological order; with --from/--to, those that lie inside the period."""
    start, end = parse_day(date_from, "--from"), parse_day(date_to, "--to")
    kb = KnowledgeBase(db)
    if merged:
        if document:
            raise BadOption("--merged groups the events of all documents: name no document")
        records = kb.merged_events(
            date_from=start, date_to=end, actor=actor, place=place, overlapping=overlapping
        )
    else:
        records = kb.events(
            document, date_from=start, date_to=end, actor=actor, place=place, overlapping=overlapping
        )
    if as_json:
        print_json(records)
        return
    for record in records:
        print(f"{record['date']}\t{record['text']}\t{record['sentence']}")


@app.command()
@reports_errors
def timeline(
    document: DocumentArgument = None,
    db: DatabaseOption = None,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY[-MM[-DD]]")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY[-MM[-DD]]")] = None,
    actor: Annotated[str | None, typer.Option(help="Only events naming this actor.")] = None,
    place: Annotated[str | None, typer.Option(help="Only events naming this place.")] = None,
    overlapping: OverlappingOption = False,
    merged: Annotated[
        bool, typer.Option("--merged", help="One entry per happening, naming every document that reports it.")
    ] = False,
    sentences: Annotated[bool, typer.Option("--sentences", help="Each entry's sentence below it.")] = False,
) -> None:
    """A chronicle of events in the terminal: date, headline and documents; undated ones apart."""
    from vakanuvis.timeline import render_timeline

    kb = KnowledgeBase(db)
    filters: dict[str, Any] = {
        "date_from": parse_day(date_from, "--from"),
        "date_to": parse_day(date_to, "--to"),
        "actor": actor,
        "place": place,
        "overlapping": overlapping,
    }
    if merged:
        if document:
            raise BadOption("--merged groups the events of all documents: name no document")
        records = kb.merged_events(**filters)
    else:
        records = kb.events(document, **filters)
    titles = {d["id"]: d["title"] for d in kb.documents()}
    from rich.console import Console

    render_timeline(records, Console(), titles, sentences=sentences)


@app.command()
@reports_errors
def entities(
    document: DocumentArgument = None, db: DatabaseOption = None, as_json: JsonOption = False
) -> None:
    """People, places, organizations, treaties and meetings, one per real thing."""
    records = KnowledgeBase(db).entities(document)
    if as_json:
        print_json(records)
        return
    for record in records:
        aliases = ", ".join(a for a in record["aliases"] if a != record["name"])
        print(
            f"{record['type']:<12} {record['mentions']:>4}  {record['name']}"
            + (f"  ({aliases})" if aliases else "")
        )


@app.command()
@reports_errors
def who(
    name: Annotated[str, typer.Argument(help="An entity id, name or alias.")],
    db: DatabaseOption = None,
    as_json: JsonOption = False,
    limit: Annotated[
        int, typer.Option(min=0, help="Show at most this many mentions (0: all of them).")
    ] = WHO_MENTIONS,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many mentions first.")] = 0,
) -> None:
    """One entity: aliases, mentions with their sentences (a page of them), the events it takes part in."""
    record = KnowledgeBase(db).entity(name, most_mentions=limit or None, mentions_from=offset)
    if as_json:
        print_json(record)
        return
    from rich.console import Console

    console = Console()
    console.print(f"[bold]{record['name']}[/bold] ({record['type']}) id={record['id']}")
    if record["wikidata"]:
        console.print(f"Wikidata: {record['wikidata']}")
    if record["lat"] is not None:
        console.print(f"Coordinates: {record['lat']:.4f}, {record['lon']:.4f}")
    console.print("Aliases: " + ", ".join(record["aliases"]), markup=False)
    if record["others"]:
        console.print(
            "Also of that name: "
            + "; ".join(
                f"{o['name']} ({o['type']}, {o['mentions']} mentions) id={o['id']}" for o in record["others"]
            ),
            markup=False,
        )
    shown, count = len(record["mentions"]), record["mentions_count"]
    page = f"{offset + 1}–{offset + shown} of {count}" if shown < count else str(count)
    console.print(f"\n[bold]Mentions ({page})[/bold]", markup=True)
    for mention in record["mentions"]:
        where = (
            f"footnote {mention['footnote']}" if mention["footnote"] is not None else f"@{mention['start']}"
        )
        console.print(
            f"  {mention['document']} {where}: {mention['sentence'] or mention['text']}", markup=False
        )
    if offset + shown < count:
        console.print(f"  … {count - offset - shown} more: --offset {offset + shown}", markup=False)
    events = record["events"]
    more = f" of {record['events_count']}" if record["events_count"] > len(events) else ""
    console.print(f"\n[bold]Events ({len(events)}{more})[/bold]")
    for event in events:
        console.print(f"  {event['date']}  {event['sentence']}", markup=False)


@app.command()
@reports_errors
def sources(
    document: DocumentArgument = None, db: DatabaseOption = None, as_json: JsonOption = False
) -> None:
    """The works the footnotes cite, one per work however spelled."""
    records = KnowledgeBase(db).sources(document)
    if as_json:
        print_json(records)
        return
    for record in records:
        notes = ", ".join(str(c["footnote"]) for c in record["cited_in"])
        authors = "; ".join(record["authors"])
        is_document = f"\tdocument {record['document']}" if record.get("document") else ""
        print(
            f"{record['id']}\t{authors}\t{record['title'] or ''}\t{record['year'] or ''}\tnotes {notes}{is_document}"
        )


@app.command()
@reports_errors
def cite(
    source: Annotated[str, typer.Argument(help="A source id, as `sources` printed it.")],
    db: DatabaseOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every place where a work is cited."""
    record = KnowledgeBase(db).source(source)
    if as_json:
        print_json(record)
        return
    print(
        f"{'; '.join(record['authors'])}. {record['title'] or ''} {record['place'] or ''} {record['year'] or ''}"
    )
    for place in record["cited_in"]:
        print(
            f"  {place['document']} footnote {place['footnote']} (p. {place['page']}): {place['footnote_text']}"
        )


@app.command()
@reports_errors
def bibliography(
    document: DocumentArgument = None,
    db: DatabaseOption = None,
    style: Annotated[
        str, typer.Option(help="A CSL style name (apa, chicago-author-date, harvard1, …).")
    ] = "apa",
) -> None:
    """The works cited, formatted in a CSL style."""
    from vakanuvis.export.csl_json import format_bibliography

    snapshot = KnowledgeBase(db).snapshot(document)
    for entry in format_bibliography(list(snapshot.sources.values()), style=style):
        print(entry)


@app.command()
@reports_errors
def check(
    document: DocumentArgument = None,
    db: DatabaseOption = None,
    as_json: JsonOption = False,
    output_format: Annotated[str, typer.Option("--format", help="json, md or html")] = "md",
) -> None:
    """What looks wrong: anachronisms, reversed ranges, repeated footnotes, figures that disagree…"""
    from vakanuvis.check.report import findings_html, findings_markdown

    if output_format not in ("json", "md", "html"):
        raise BadOption(f"--format {output_format!r}: choose json, md or html")
    records = KnowledgeBase(db).checked(document)
    if as_json or output_format == "json":
        print_json(records)
    elif output_format == "html":
        sys.stdout.write(findings_html(records))
    else:
        sys.stdout.write(findings_markdown(records))


@app.command("export")
@reports_errors
def export_command(
    document: DocumentArgument = None,
    export_all: Annotated[bool, typer.Option("--all", help="Export the whole knowledge base.")] = False,
    export_format: Annotated[
        str, typer.Option("--format", help="tei, jsonld, gexf, csl-json, bibtex, csv, timelinejs")
    ] = "tei",
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (csv: a folder or .zip).")
    ] = None,
    context_url: Annotated[
        str | None,
        typer.Option(
            "--context-url",
            help="jsonld: refer to the @context published at this URL (`vakanuvis serve` publishes it at "
            "/api/context.jsonld) instead of writing it into the file.",
        ),
    ] = None,
    db: DatabaseOption = None,
) -> None:
    """Hand the knowledge base to TEI, Gephi, TimelineJS, Zotero and spreadsheet tools."""
    from vakanuvis.export.formats import write_export

    if bool(document) == export_all:
        raise BadOption("name one document id, or --all")
    if output is None:
        raise BadOption("say where to write the export with -o PATH")
    snapshot = KnowledgeBase(db).snapshot(None if export_all else document)
    write_export(snapshot, export_format, output, context_url=context_url)


@app.command()
@reports_errors
def search(
    query: Annotated[str, typer.Argument(help="Words to find; Turkish suffixes and accents need not match.")],
    db: DatabaseOption = None,
    as_json: JsonOption = False,
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
) -> None:
    """Full-text search over sentences, footnotes, sources and entities, best first."""
    hits = KnowledgeBase(db).search(query, limit=limit)
    if as_json:
        print_json(hits)
        return
    for hit in hits:
        print(f"{hit['kind']}\t{hit.get('document') or ''}\t{hit['text']}")


@app.command()
@reports_errors
def serve(
    db: DatabaseOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """The HTTP API under /api/ (OpenAPI at /api/openapi.json) and the web reader at /."""
    from vakanuvis.api.app import serve as run_server

    run_server(db, host=host, port=port)


def main() -> None:
    """The console entry point: usage errors too come out as one line on stderr."""
    convert_plain_values_without_pydantic()
    status: int | str | None = 0
    try:
        _run()
    except SystemExit as leaving:
        status = leaving.code
    finally:
        close_databases()
    leave_now(status)


def leave_now(status: int | str | None) -> None:
    """End the process with this status once its output is written and its exit handlers have run, without
    Python's teardown of every module (some 0.04 s of CPU after a query command, most of it SQLAlchemy's):
    the operating system frees the memory anyway. A thread still running gets Python's usual ending."""
    if isinstance(status, str):
        print(status, file=sys.stderr)
        status = 1
    if threading.active_count() > 1:
        sys.exit(status)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away, or a stream already closed
        status = 120  # what Python's own ending answers when it cannot flush stdout
    atexit._run_exitfuncs()
    os._exit(status or 0)


def _run() -> None:
    try:
        status = app(standalone_mode=False)
    except (KeyboardInterrupt, typer.Abort):
        print(
            "vakanuvis: interrupted; documents stored so far are kept, ingest again to resume",
            file=sys.stderr,
        )
        sys.exit(130)
    except click_exceptions.ClickException as error:
        context = getattr(error, "ctx", None)
        if type(error).__name__ == "NoArgsIsHelpError" and context is not None:
            print(context.get_help())
            sys.exit(0)
        hint = f" (see `{context.command_path} --help`)" if context is not None else ""
        print(f"vakanuvis: {error.format_message()}{hint}", file=sys.stderr)
        sys.exit(error.exit_code)
    except Exception as error:  # a bug: still one line, the traceback only on request
        if os.environ.get("VAKANUVIS_DEBUG"):
            raise
        print(
            f"vakanuvis: internal error ({type(error).__name__}: {error}); "
            "set VAKANUVIS_DEBUG=1 for the traceback",
            file=sys.stderr,
        )
        sys.exit(1)
    sys.exit(status if isinstance(status, int) else 0)


if __name__ == "__main__":
    main()
