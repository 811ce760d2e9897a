"""The `bilingo` command: parse, call the core once, format, map errors to exit codes.

This is the only module that prints. Heavy modules (the matcher, engines,
models) are imported inside the commands that need them, so `bilingo lookup`
starts fast.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import traceback
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import click
import typer
from typer.core import TyperGroup

from . import __version__
from .errors import BilingoError, GlossaryProblems, InputError


class BilingoGroup(TyperGroup):
    """Turns BilingoError anywhere below into a short message and its exit code."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except BilingoError as error:
            if ctx.find_root().params.get("debug"):
                traceback.print_exc()
            for line in str(error).splitlines() or [error.__class__.__name__]:
                click.echo(f"error: {line}" if not line.startswith("error:") else line, err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)


app = typer.Typer(
    cls=BilingoGroup,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="Korean\u2194English glossary and offline translation aid.",
)
glossary_app = typer.Typer(
    cls=BilingoGroup,
    no_args_is_help=True,
    help="Validate, count, export and import glossary files.",
)
app.add_typer(glossary_app, name="glossary")


def _version(value: bool):
    if value:
        typer.echo(f"bilingo {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    debug: bool = typer.Option(False, "--debug", help="Show the full traceback on errors."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
):
    """Korean\u2194English glossary and offline translation aid."""


# --------------------------------------------------------------------------- shared options

GLOSSARY_OPTION = typer.Option(
    None,
    "--glossary",
    "-g",
    help="Glossary file or folder of *.yaml (repeatable); replaces the default set.",
)


class TableFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"


class ReportFormat(str, Enum):
    table = "table"
    json = "json"


def load(glossary_paths: list[Path] | None):
    """The glossary the user asked for, with load warnings shown on stderr."""
    from .glossary import load_glossary

    glossary = load_glossary(glossary_paths)
    return glossary


def read_input(path: Path | None) -> str:
    """The whole text of FILE, or of stdin when FILE is `-` or omitted; UTF-8 only."""
    return "".join(input_lines(path))


BINARY_SNIFF_BYTES = 8192  # a NUL byte this early means the file is not text


def input_lines(path: Path | None) -> Iterator[str]:
    """The lines of FILE (or stdin), newlines kept, decoded as UTF-8 as they are read.

    Reading line by line keeps a 50 MB input out of memory; a bad byte or a
    binary file becomes an InputError naming the line.
    """
    name = "standard input" if path is None or str(path) == "-" else str(path)
    try:
        raw = sys.stdin.buffer if name == "standard input" else path.open("rb")
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; give a text file") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    if not hasattr(raw, "peek"):  # a test harness's BytesIO stdin
        raw = io.BufferedReader(raw)
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    line_number = 0
    try:
        if b"\0" in raw.peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES]:
            raise InputError(f"{name} looks like a binary file; give UTF-8 text")
        for line_number, line in enumerate(text, start=1):  # noqa: B007 - used after the loop
            yield line
    except UnicodeDecodeError:
        raise InputError(
            f"{name} is not UTF-8 (bad byte at line {line_number + 1}); convert it first, "
            f"e.g. `iconv -f cp949 -t utf-8 FILE`"
        ) from None
    finally:
        if name != "standard input":
            raw.close()


def render(rows: list[dict], columns: list[str], fmt: str) -> str:
    """Rows as a table (tabulate), JSON, CSV or TSV; one output path for every command."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2)
    flat = [[_cell(row.get(column)) for column in columns] for row in rows]
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(flat)
        return buffer.getvalue().rstrip("\n")
    from tabulate import tabulate

    return tabulate(flat, headers=columns, tablefmt="simple", disable_numparse=True)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def warn(message: str) -> None:
    typer.echo(f"warning: {message}", err=True)


# --------------------------------------------------------------------------- lookup / add

LOOKUP_COLUMNS = ["ko", "en", "type", "variants", "en_variants", "note", "source"]


@app.command()
def lookup(
    query: str = typer.Argument(
        ..., help="Korean word, particles allowed (딥시크의); English with --reverse."
    ),
    reverse: bool = typer.Option(
        False, "--reverse", "-r", help="Search by English, case-insensitively."
    ),
    format: TableFormat = typer.Option(TableFormat.table, "--format", "-f", help="Output format."),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Look a term up by headword, variant or English."""
    glossary = load(glossary_paths)
    found = glossary.lookup(query, reverse=reverse)
    if not found:
        hint = glossary.suggest(query, reverse=reverse)
        typer.echo(f"no entry for `{query.strip()}`", err=True)
        if hint:
            typer.echo(f"did you mean: {', '.join(hint)}", err=True)
        raise typer.Exit(1)
    typer.echo(render([term.to_dict() for term in found], LOOKUP_COLUMNS, format.value))


@app.command()
def add(
    ko: str = typer.Argument(..., help="Korean headword."),
    en: str = typer.Argument(..., help="English equivalent."),
    type: str | None = typer.Option(
        None, "--type", "-t", help="org, person, place, product, media, term or event."
    ),
    variant: list[str] | None = typer.Option(
        None, "--variant", "-v", help="Another Korean spelling (repeatable)."
    ),
    en_variant: list[str] | None = typer.Option(
        None, "--en-variant", help="Another English rendering QA accepts (repeatable)."
    ),
    note: str | None = typer.Option(
        None, "--note", "-n", help="What the term is, where the English alone is ambiguous."
    ),
    to: Path | None = typer.Option(
        None, "--to", help="Glossary file to write (default: your own glossary)."
    ),
    update: bool = typer.Option(
        False, "--update", "-u", help="Replace an existing entry in place."
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Add an entry to a glossary file (comments and layout are kept)."""
    from .glossary import term_from_entry

    entry = {
        "ko": ko,
        "en": en,
        "type": type,
        "variants": variant or None,
        "en_variants": en_variant or None,
        "note": note,
    }
    term = term_from_entry({k: v for k, v in entry.items() if v is not None}, "new entry")
    glossary = load(glossary_paths)
    written = glossary.add(term, to=to, update=update)
    typer.echo(
        f"{'updated' if update else 'added'} {written.ko} \u2192 {written.en} ({written.source})"
    )


# --------------------------------------------------------------------------- glossary ...


@glossary_app.command("validate")
def glossary_validate(
    paths: list[Path] | None = typer.Argument(
        None, help="Files or folders (default: the glossary in use)."
    ),
):
    """Check glossary files and report every problem with file:line."""
    from .glossary import check_glossary

    terms, problems, warnings = check_glossary(paths or None)
    for message in warnings:
        warn(message)
    if problems:
        raise GlossaryProblems(problems)
    typer.echo(f"ok: {len(terms)} entries")


@glossary_app.command("stats")
def glossary_stats(
    format: ReportFormat = typer.Option(
        ReportFormat.table, "--format", "-f", help="Output format."
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Show how many entries each file and each type holds."""
    glossary = load(glossary_paths)
    per_file, per_type = glossary.stats()
    if format is ReportFormat.json:
        typer.echo(
            json.dumps(
                {"total": len(glossary), "files": per_file, "types": per_type},
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    file_rows = [{"file": name, "entries": count} for name, count in per_file.items()]
    type_rows = [{"type": name, "entries": count} for name, count in sorted(per_type.items())]
    typer.echo(render(file_rows, ["file", "entries"], "table"))
    typer.echo()
    typer.echo(render(type_rows, ["type", "entries"], "table"))
    typer.echo()
    typer.echo(f"total: {len(glossary)} entries in {len(per_file)} files")


# --------------------------------------------------------------------------- scan

SCAN_COLUMNS = ["line:col", "text", "particle", "ko", "en", "type"]
SCAN_TABLE_CHUNK = 1000  # rows per table block, so huge inputs stream


@app.command()
def scan(
    file: Path | None = typer.Argument(None, help="Korean text file; `-` or omitted reads stdin."),
    format: ReportFormat = typer.Option(
        ReportFormat.table, "--format", "-f", help="Output format."
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Find glossary terms in Korean text, particles and all."""
    from .matcher import scan_lines

    matcher = load(glossary_paths).matcher()
    found = scan_lines(input_lines(file), matcher)
    if format is ReportFormat.json:
        _stream_json(found)
        return
    count = 0
    for block in _chunks(found, SCAN_TABLE_CHUNK):
        rows = [{"line:col": f"{m.line}:{m.column}", **m.match.to_dict()} for m in block]
        table = render(rows, SCAN_COLUMNS, "table")
        typer.echo(table if count == 0 else "\n".join(table.splitlines()[2:]))
        count += len(block)
    typer.echo(f"{count} matches" if count != 1 else "1 match", err=True)


def _stream_json(found) -> None:
    """A JSON list written item by item, so output never waits for the whole input."""
    out = sys.stdout
    out.write("[")
    written = 0
    for located in found:
        out.write(",\n  " if written else "\n  ")
        out.write(json.dumps(located.match.to_dict(), ensure_ascii=False))
        written += 1
    out.write("\n]\n" if written else "]\n")


def _chunks(items, size: int):
    block = []
    for item in items:
        block.append(item)
        if len(block) == size:
            yield block
            block = []
    if block:
        yield block
