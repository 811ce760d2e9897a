"""The `bilingo` command: parse, call the core once, format, map errors to exit codes.

This is the only module that prints. Heavy modules (the matcher, engines,
models) are imported inside the commands that need them, so `bilingo lookup`
starts fast.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
import traceback
from collections.abc import Iterator
from enum import Enum
from pathlib import Path

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import BilingoError, GlossaryProblems, InputError, UsageError


class BilingoGroup(TyperGroup):
    """Turns BilingoError anywhere below into a short message and its exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BilingoError as error:
            if ctx.find_root().params.get("debug"):
                traceback.print_exc()
            for line in describe_error(error).splitlines() or [error.__class__.__name__]:
                typer.echo(f"error: {line}" if not line.startswith("error:") else line, err=True)
            ctx.exit(error.exit_code)
        except KeyboardInterrupt:
            typer.echo("interrupted", err=True)
            ctx.exit(130)


# How the command line words each remedy a core error names (bilingo.errors.REMEDIES).
# {placeholders} come from the error's details.
REMEDY_ADVICE = {
    "install-model": "run `bilingo model install {source_lang} {target_lang}`, or "
    "`bilingo model install --file PATH.argosmodel`",
    "install-model-file": "without network, get the .argosmodel file another way and run "
    "`bilingo model install --file PATH.argosmodel`",
    "remove-model-first": "run `bilingo model remove {source_lang} {target_lang}` first",
    "list-models": "`bilingo model list` shows what is",
    "update-entry": "use --update to replace it",
    "other-target": "choose another --to",
    "validate-glossary": "fix it first, `bilingo glossary validate {file}` lists them",
    "give-english-query": "give a Korean word (or English with --reverse)",
    "list-engines": "",
}


def describe_error(error: BilingoError) -> str:
    """The error's message, with the remedy worded for the command line."""
    message = str(error)
    template = REMEDY_ADVICE.get(error.remedy or "", "")
    if not template:
        return message
    try:
        advice = template.format(**error.details)
    except (KeyError, IndexError):
        return message
    return f"{message}; {advice}"


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
    _show_core_warnings()


def _show_core_warnings() -> None:
    """The core reports recoverable trouble (an unreadable cache) through logging."""
    import logging

    class EchoHandler(logging.Handler):
        # typer.echo finds the current stderr at each call, which a handler
        # holding one stream object would not (test runners swap stderr).
        def emit(self, record: logging.LogRecord) -> None:
            typer.echo(f"warning: {record.getMessage()}", err=True)

    logger = logging.getLogger("bilingo")
    if not any(type(h).__name__ == "EchoHandler" for h in logger.handlers):
        logger.addHandler(EchoHandler())


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
    """The glossary the user asked for (--glossary, else $BILINGO_GLOSSARY, else the default)."""
    from .glossary import load_glossary

    return load_glossary(glossary_paths)


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

    if "source" in columns:  # tables are for reading: shorten paths, keep JSON/CSV exact
        at = columns.index("source")
        flat = [[*row[:at], short_source(row[at]), *row[at + 1 :]] for row in flat]
    widths = [TABLE_WRAP.get(column) for column in columns]
    return tabulate(
        flat, headers=columns, tablefmt="simple", disable_numparse=True, maxcolwidths=widths
    )


# Long free text wraps in tables so a row still fits a terminal.
TABLE_WRAP = {"note": 40, "review": 50}


def short_source(source: str) -> str:
    """`file:line` shown briefly: the built-in glossary as <builtin>, paths under the
    current folder relative to it, the home folder as ~."""
    from .glossary import default_glossary_dir

    builtin = str(default_glossary_dir())
    if source.startswith(builtin + os.sep):
        return "<builtin>" + source[len(builtin) :]
    here = os.getcwd() + os.sep
    if source.startswith(here):
        return source[len(here) :]
    home = os.path.expanduser("~")
    return "~" + source[len(home) :] if source.startswith(home + os.sep) else source


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
        False,
        "--update",
        "-u",
        help="Replace an existing entry in place (fields not given are kept).",
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
    """A JSON list written as it is found, so output never waits for the whole input."""
    out = sys.stdout
    out.write("[")
    separator = "\n  "
    for block in _chunks(found, SCAN_TABLE_CHUNK):
        out.write(separator + ",\n  ".join(_match_json(located.match) for located in block))
        separator = ",\n  "
    out.write("\n]\n" if separator != "\n  " else "]\n")


def _match_json(match) -> str:
    """One match as a JSON object, keys as in Match.to_dict (a test holds the two equal).

    Written by hand because json.dumps per match was a fifth of a large scan.
    """
    from json.encoder import encode_basestring as quote  # C-accelerated, keeps non-ASCII

    term = match.term
    kind = quote(term.type.value) if term.type else "null"
    return (
        f'{{"start": {match.start}, "end": {match.end}, "text": {quote(match.text)}, '
        f'"particle": {quote(match.particle)}, "ko": {quote(term.ko)}, "en": {quote(term.en)}, '
        f'"type": {kind}}}'
    )


def _chunks(items, size: int):
    block = []
    for item in items:
        block.append(item)
        if len(block) == size:
            yield block
            block = []
    if block:
        yield block


# --------------------------------------------------------------------------- extract


class ExtractFormat(str, Enum):
    yaml = "yaml"
    table = "table"
    json = "json"


EXTRACT_COLUMNS = ["kind", "ko", "en", "count", "review"]


@app.command("extract")
def extract_command(
    file: Path | None = typer.Argument(None, help="Korean article; `-` or omitted reads stdin."),
    format: ExtractFormat = typer.Option(
        ExtractFormat.yaml,
        "--format",
        "-f",
        help="yaml: a glossary snippet to review; table; json.",
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Propose glossary entries from an article: 한글(English) pairs, names, loanwords."""
    from .extract import extract, extract_to_json, extract_to_rows, extract_to_yaml

    result = extract(read_input(file), load(glossary_paths))
    if format is ExtractFormat.json:
        typer.echo(json.dumps(extract_to_json(result), ensure_ascii=False, indent=2))
    elif format is ExtractFormat.table:
        rows = extract_to_rows(result)
        if rows:
            typer.echo(render(rows, EXTRACT_COLUMNS, "table"))
        typer.echo(f"{len(rows)} proposals" if len(rows) != 1 else "1 proposal", err=True)
    else:
        typer.echo(extract_to_yaml(result), nl=False)


# --------------------------------------------------------------------------- check

CHECK_COLUMNS = ["segment", "kind", "ko", "expected", "found"]
CHECK_FOUND_PROBLEMS = 3  # exit code: like a linter, so `check` can gate a pipeline


@app.command("check")
def check_command(
    source: Path = typer.Argument(..., help="Korean source text; `-` reads stdin."),
    translation: Path = typer.Argument(..., help="Its English translation; `-` reads stdin."),
    format: ReportFormat = typer.Option(
        ReportFormat.table, "--format", "-f", help="Output format."
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Check a translation's terms and money figures against its source (exit 3 on findings)."""
    from .qa import check

    if str(source) == "-" and str(translation) == "-":
        raise UsageError("only one of SOURCE and TRANSLATION can be `-` (stdin)")
    findings = check(read_input(source), read_input(translation), load(glossary_paths))
    rows = [finding.to_dict() for finding in findings]
    if format is ReportFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif rows:
        typer.echo(render(rows, CHECK_COLUMNS, "table"))
    if findings:
        count = len(findings)
        typer.echo(f"{count} finding{'s' if count != 1 else ''}", err=True)
        raise typer.Exit(CHECK_FOUND_PROBLEMS)
    typer.echo("ok: every glossary term and money figure is in the translation", err=True)


# --------------------------------------------------------------------------- glossary export / import


class ExportFormat(str, Enum):
    tbx = "tbx"
    csv = "csv"
    tsv = "tsv"


@glossary_app.command("export")
def glossary_export(
    format: ExportFormat = typer.Option(
        ...,
        "--format",
        "-f",
        help="tbx: TBX-Basic for CAT tools; csv or tsv: ko,en for DeepL, Google, Amazon.",
    ),
    rich: bool = typer.Option(
        False, "--rich", help="csv/tsv with type, variants, en_variants and note columns too."
    ),
    header: bool | None = typer.Option(
        None,
        "--header/--no-header",
        help="Write a first row of column names. Default: none for ko,en (DeepL and Google "
        "read every row as an entry), on for --rich. Amazon Translate needs --header.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write (default: stdout)."
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Export the glossary as TBX-Basic, CSV or TSV."""
    from .formats import export_table, export_tbx

    if format is ExportFormat.tbx and (rich or header is not None):
        raise UsageError("--rich and --header/--no-header apply to csv and tsv only")
    glossary = load(glossary_paths)
    if format is ExportFormat.tbx:
        text = export_tbx(glossary)
    else:
        delimiter = "," if format is ExportFormat.csv else "\t"
        text = export_table(glossary, delimiter, rich=rich, header=header)
    if output is None:
        typer.echo(text, nl=False)
        return
    _write_output(text, output)
    typer.echo(f"exported {len(glossary)} entries to {output}", err=True)


@glossary_app.command("import")
def glossary_import(
    file: Path = typer.Argument(..., help="A .tbx (or .xml), .csv, .tsv or .yaml glossary."),
    to: Path = typer.Option(
        ..., "--to", help="Glossary .yaml file to merge into (created if it does not exist)."
    ),
    format: ReportFormat = typer.Option(
        ReportFormat.table, "--format", "-f", help="Output format of the report."
    ),
):
    """Merge a TBX, CSV/TSV or YAML glossary into a glossary file; nothing is overwritten."""
    from .formats import import_terms, merge_into

    report = merge_into(to, import_terms(file))
    if format is ReportFormat.json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        return
    for conflict in report.conflicts:
        warn(
            f"kept `{conflict.existing.ko}` \u2192 `{conflict.existing.en}` "
            f"({conflict.existing.source}); the import has `{conflict.imported.en}`"
        )
    typer.echo(
        f"added {len(report.added)} entries to {to}; skipped {len(report.duplicates)} "
        f"already there and {len(report.conflicts)} conflicting"
    )


# --------------------------------------------------------------------------- translate

SUPPORTED_PAIRS = {("ko", "en"), ("en", "ko")}
TRANSLATABLE_SUFFIXES = (".txt", ".md")


class TranslateFormat(str, Enum):
    text = "text"
    bilingual = "bilingual"
    json = "json"


class EngineName(str, Enum):
    argos = "argos"
    none = "none"


@app.command()
def translate(
    source: Path | None = typer.Argument(
        None, help="Text file, or a folder of .txt/.md files; `-` or omitted reads stdin."
    ),
    from_lang: str = typer.Option("ko", "--from", help="Source language: ko or en."),
    to_lang: str = typer.Option("en", "--to", help="Target language: en or ko."),
    engine: EngineName = typer.Option(
        EngineName.argos,
        "--engine",
        "-e",
        help="argos (an installed model) or none (glossary and figures only).",
    ),
    format: TranslateFormat = typer.Option(
        TranslateFormat.text, "--format", "-f", help="Output format."
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write here instead of stdout (a folder when translating a folder).",
    ),
    no_glossary: bool = typer.Option(
        False, "--no-glossary", help="Leave glossary terms to the engine, for comparison."
    ),
    threads: int = typer.Option(
        0, "--threads", help="CPU threads for the model (0: let CTranslate2 decide)."
    ),
    compute_type: str = typer.Option(
        "auto", "--compute-type", help="CTranslate2 compute type: auto, int8, float32 ..."
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Translate Korean text to English (or back) with the glossary enforced, offline."""
    from .engines import get_engine
    from .translation import run_pipeline as translate_text

    if (from_lang, to_lang) not in SUPPORTED_PAIRS:
        raise UsageError(
            f"bilingo translates ko\u2192en and en\u2192ko, not {from_lang}\u2192{to_lang}"
        )
    if source is not None and source.is_dir() and output is None:
        raise UsageError(f"{source} is a folder; give --output FOLDER for the translations")
    if source is not None and str(source) != "-" and not source.exists():
        raise InputError(f"cannot read {source}: No such file or directory")
    glossary = None if no_glossary else load(glossary_paths)
    options = (
        {"threads": threads, "compute_type": compute_type} if engine is EngineName.argos else {}
    )
    translator = get_engine(engine.value, from_lang, to_lang, **options)

    def run(text: str, progress=None):
        return translate_text(text, glossary, translator, progress=progress)

    if source is not None and source.is_dir():
        _translate_folder(source, output, format, run)
        return
    text = read_input(source)
    with _progress_bar("translating", unit="sentences") as progress:
        result = run(text, progress)
    _write_output(format_translation(result, format), output)


def format_translation(result, fmt: TranslateFormat) -> str:
    """A TranslationResult as plain text, source/translation pairs, or the JSON contract."""
    if fmt is TranslateFormat.json:
        return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt is TranslateFormat.bilingual:
        blocks = [f"{source}\n{target}" for source, target in result.paragraphs if source.strip()]
        return "\n\n".join(blocks) + "\n"
    return result.text


def _write_output(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from .files import atomic_write_text

    if output.is_dir():
        raise UsageError(f"--output {output} is a folder; give a file name")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(output, text)
    except OSError as error:
        raise InputError(f"cannot write {output}: {error.strerror}") from None


def _translate_folder(folder: Path, output: Path, fmt: TranslateFormat, run) -> None:
    files = sorted(
        p for p in folder.rglob("*") if p.suffix in TRANSLATABLE_SUFFIXES and p.is_file()
    )
    if not files:
        raise InputError(f"{folder} holds no .txt or .md files")
    with _progress_bar("translating files", unit="files") as progress:
        for done, path in enumerate(files, start=1):
            target = output / path.relative_to(folder)
            if fmt is TranslateFormat.json:
                target = target.with_suffix(".json")
            _write_output(format_translation(run(read_input(path)), fmt), target)
            if progress:
                progress(done, len(files))
    typer.echo(f"translated {len(files)} files into {output}", err=True)


class _progress_bar:
    """A rich progress bar on a terminal; nothing at all when stderr is piped."""

    def __init__(self, description: str, unit: str):
        self.description, self.unit = description, unit
        self.bar = None

    def __enter__(self):
        if not sys.stderr.isatty():
            return None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
            console=_stderr_console(),
        )
        self.bar.start()
        task = self.bar.add_task(self.description, total=None)
        return lambda done, total: self.bar.update(task, completed=done, total=total)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


# --------------------------------------------------------------------------- model ...

model_app = typer.Typer(
    cls=BilingoGroup,
    no_args_is_help=True,
    help="List, install and remove Argos translation models.",
)
app.add_typer(model_app, name="model")

MODEL_COLUMNS = ["pair", "version", "size", "path"]


@model_app.command("list")
def model_list(
    format: ReportFormat = typer.Option(
        ReportFormat.table, "--format", "-f", help="Output format."
    ),
):
    """List installed models: pair, version, size and folder."""
    from .models import list_models, models_dir

    rows = [
        {
            "pair": f"{m.from_code}-{m.to_code}",
            "version": m.package_version,
            "size": _megabytes(m.size_bytes),
            "path": str(m.path),
        }
        for m in list_models()
    ]
    if format is ReportFormat.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif rows:
        typer.echo(render(rows, MODEL_COLUMNS, "table"))
    else:
        typer.echo(f"no models installed in {models_dir()}", err=True)


@model_app.command("install")
def model_install(
    from_lang: str | None = typer.Argument(None, help="Source language code, e.g. ko."),
    to_lang: str | None = typer.Argument(None, help="Target language code, e.g. en."),
    file: Path | None = typer.Option(
        None, "--file", help="Install this .argosmodel file (no network)."
    ),
):
    """Install a model from a .argosmodel file, or download one from the Argos index."""
    from . import models

    if file is not None:
        installed = models.install_from_file(file)
    elif from_lang and to_lang:
        available = models.describe_available(from_lang, to_lang)
        with _progress_bar(f"{from_lang}\u2192{to_lang}", unit="bytes") as bar:
            installed = models.install_from_index(
                from_lang, to_lang, _announce_download(available, bar), available=available
            )
    else:
        raise UsageError(
            "give FROM TO (e.g. `bilingo model install ko en`) or --file PATH.argosmodel"
        )
    typer.echo(
        f"installed {installed.from_code}\u2192{installed.to_code} {installed.package_version} "
        f"({_megabytes(installed.size_bytes)}) in {installed.path}"
    )


@model_app.command("remove")
def model_remove(
    from_lang: str = typer.Argument(..., help="Source language code."),
    to_lang: str = typer.Argument(..., help="Target language code."),
):
    """Remove an installed model."""
    from .errors import ModelError, ModelNotInstalled
    from .models import remove_model

    try:
        removed = remove_model(from_lang, to_lang)
    except ModelNotInstalled:
        raise ModelError(
            f"no {from_lang}\u2192{to_lang} model is installed; `bilingo model list` shows what is"
        ) from None
    typer.echo(
        f"removed {removed.from_code}\u2192{removed.to_code} {removed.package_version} ({removed.path})"
    )


def _announce_download(available, bar):
    """A progress callback that first says what is downloaded and how much, then feeds the bar."""
    announced = False

    def report(done: int, total: int) -> None:
        nonlocal announced
        if not announced:
            size = _megabytes(total) if total else "size unknown"
            typer.echo(
                f"downloading {available.name} {available.package_version} ({size}) "
                f"from {available.links[0]}",
                err=True,
            )
            announced = True
        if bar:
            bar(done, total)

    return report


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
