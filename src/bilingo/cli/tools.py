"""The translator's tools: `bilingo check` (terminology QA) and `bilingo extract` (new entries)."""

from enum import Enum
from pathlib import Path

import typer

from ..errors import UsageError
from .inputs import read_input
from .options import GLOSSARY_OPTION, format_option
from .output import OutputFormat, count_line, pretty_json, print_rows, say
from .root import app
from .running import load

CHECK_COLUMNS = ["segment", "kind", "ko", "expected", "found"]
CHECK_FOUND_PROBLEMS = 3  # exit code: like a linter, so `check` can gate a pipeline


@app.command("check")
def check_command(
    source: Path = typer.Argument(..., help="Korean source text; `-` reads stdin."),
    translation: Path = typer.Argument(..., help="Its English translation; `-` reads stdin."),
    format: OutputFormat = format_option(),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Check a translation's terms and money figures against its source (exit 3 on findings)."""
    from ..qa import check

    if str(source) == "-" and str(translation) == "-":
        raise UsageError("only one of SOURCE and TRANSLATION can be `-` (stdin)")
    findings = check(read_input(source), read_input(translation), load(glossary_paths))
    rows = [finding.to_dict() for finding in findings]
    print_rows(rows, CHECK_COLUMNS, format.value)
    if findings:
        say(count_line(len(findings), "finding", "findings"), err=True)
        raise typer.Exit(CHECK_FOUND_PROBLEMS)
    say("ok: every glossary term and money figure is in the translation", err=True)


class ExtractFormat(str, Enum):
    yaml = "yaml"
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


EXTRACT_COLUMNS = ["kind", "ko", "en", "count", "review"]


@app.command("extract")
def extract_command(
    file: Path | None = typer.Argument(None, help="Korean article; `-` or omitted reads stdin."),
    format: ExtractFormat = typer.Option(
        ExtractFormat.yaml,
        "--format",
        "-f",
        help="yaml: a glossary snippet to review; table, json, jsonl, csv or tsv.",
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Propose glossary entries from an article: 한글(English) pairs, names, loanwords."""
    from ..extraction import extract, extract_to_json, extract_to_rows, extract_to_yaml, morphology

    result = extract(read_input(file), load(glossary_paths))
    if not morphology.available():
        say("note: kiwipiepy is not installed, so candidates are judged by spelling rules alone "
            "(more native words slip through); pip install 'bilingo[extract]'", err=True)  # fmt: skip
    if format is ExtractFormat.yaml:
        say(extract_to_yaml(result), nl=False)
    elif format is ExtractFormat.json:
        say(pretty_json(extract_to_json(result)))
    else:
        rows = extract_to_rows(result)
        print_rows(rows, EXTRACT_COLUMNS, format.value)
        if format is ExtractFormat.table:
            say(count_line(len(rows), "proposal", "proposals"), err=True)
