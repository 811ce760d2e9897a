"""`bilingo glossary validate|stats|export|import`: whole glossary files."""

from enum import Enum
from pathlib import Path

import typer

from ..errors import GlossaryProblems, UsageError
from .options import GLOSSARY_OPTION, report_format_option
from .output import ReportFormat, count_line, pretty_json, render, say, warn, write_text
from .root import glossary_app
from .running import load


@glossary_app.command("validate")
def glossary_validate(
    paths: list[Path] | None = typer.Argument(
        None, help="Files or folders (default: the glossary in use)."
    ),
):
    """Check glossary files and report every problem with file:line."""
    from ..glossary import check_glossary

    terms, problems, warnings = check_glossary(paths or None)
    for message in warnings:
        warn(message)
    if problems:
        raise GlossaryProblems(problems)
    say(f"ok: {count_line(len(terms), 'entry', 'entries')}")


@glossary_app.command("stats")
def glossary_stats(
    format: ReportFormat = report_format_option(),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Show entries per file, domain and type, and how many have notes, variants, forms, sense."""
    summary = load(glossary_paths).summary()
    if format is ReportFormat.json:
        say(pretty_json(summary))
        return
    say(render(_file_rows(summary["by_file"]), FILE_COLUMNS, "table"))
    say()
    type_rows = [{"type": t, "entries": n} for t, n in sorted(summary["types"].items())]
    say(render(type_rows, ["type", "entries"], "table"))
    say()
    for line in _coverage_lines(summary):
        say(line)
    entries, files = (
        count_line(summary["total"], "entry", "entries"),
        count_line(len(summary["files"]), "file", "files"),
    )
    say(f"total: {entries} in {files}")


# The stats table per file: its columns, and the count each numeric column shows.
FILE_COLUMNS = [
    "file", "domain", "entries", "noted", "persons noted", "no en_variants", "forms", "sense",
]  # fmt: skip
COUNTED = {
    "entries": "entries",
    "noted": "with_note",
    "no en_variants": "without_en_variants",
    "forms": "with_forms",
    "sense": "with_sense",
}


def _file_rows(by_file: dict[str, dict]) -> list[dict]:
    rows = []
    for path, counts in by_file.items():
        persons = counts["persons"]
        rows.append(
            {
                "file": path,
                "domain": counts["domain"] or "-",
                "persons noted": f"{counts['persons_with_note']}/{persons}" if persons else "-",
                **{column: counts[key] for column, key in COUNTED.items()},
            }
        )
    return rows


def _coverage_lines(summary: dict) -> list[str]:
    total = summary["total"]
    return [
        f"with a note: {_part(summary['with_note'], total, ' entries')}, "
        f"{_part(summary['persons_with_note'], summary['persons'], ' persons')}",
        f"without English variants: {_part(summary['without_en_variants'], total)}; "
        f"with forms: {_part(summary['with_forms'], total)}; "
        f"with sense: {_part(summary['with_sense'], total)}",
    ]


def _part(count: int, whole: int, noun: str = "") -> str:
    """`274 of 767 entries (36%)`; `0 of 0 persons` when there is no whole."""
    share = f" ({count / whole:.0%})" if whole else ""
    return f"{count} of {whole}{noun}{share}"


class ExportFormat(str, Enum):
    tbx = "tbx"
    csv = "csv"
    tsv = "tsv"


class TbxVersion(str, Enum):
    v2 = "2"
    v3 = "3"


@glossary_app.command("export")
def glossary_export(
    format: ExportFormat = typer.Option(
        ...,
        "--format",
        "-f",
        help="tbx: TBX-Basic for CAT tools; csv or tsv: ko,en for DeepL, Google, Amazon.",
    ),
    rich: bool = typer.Option(
        False,
        "--rich",
        help="csv/tsv with type, variants, en_variants and note columns too (and attributive, "
        "title, plural, short and sense when an entry has forms or sense).",
    ),
    header: bool | None = typer.Option(
        None,
        "--header/--no-header",
        help="Write a first row of column names. Default: none for ko,en (DeepL and Google "
        "read every row as an entry), on for --rich. Amazon Translate needs --header.",
    ),
    tbx_version: TbxVersion | None = typer.Option(
        None,
        "--tbx-version",
        help="tbx only: 2 (default) is TBX-Basic v2 (<martif>), what CAT tools and "
        "Weblate read; 3 is TBX v3 (ISO 30042:2019, <tbx>).",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File to write (default: stdout)."
    ),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Export the glossary as TBX-Basic, CSV or TSV."""
    from ..formats import export_table, export_tbx

    if format is ExportFormat.tbx and (rich or header is not None):
        raise UsageError("--rich and --header/--no-header apply to csv and tsv only")
    if format is not ExportFormat.tbx and tbx_version is not None:
        raise UsageError("--tbx-version applies to tbx only")
    glossary = load(glossary_paths)
    if format is ExportFormat.tbx:
        text = export_tbx(glossary, version=int((tbx_version or TbxVersion.v2).value))
    else:
        delimiter = "," if format is ExportFormat.csv else "\t"
        text = export_table(glossary, delimiter, rich=rich, header=header)
    write_text(text, output)
    if output is not None:
        say(f"exported {count_line(len(glossary), 'entry', 'entries')} to {output}", err=True)


@glossary_app.command("import")
def glossary_import(
    file: Path = typer.Argument(..., help="A .tbx (or .xml), .csv, .tsv or .yaml glossary."),
    into: Path = typer.Option(
        ...,
        "--into",
        "--to",
        help="Glossary .yaml file to merge into (created if absent; --to is the older name).",
    ),
    format: ReportFormat = report_format_option(),
):
    """Merge a TBX, CSV/TSV or YAML glossary into a glossary file; nothing is overwritten."""
    from ..formats import iter_terms, merge_into

    report = merge_into(into, iter_terms(file))
    if format is ReportFormat.json:
        say(pretty_json(report.to_dict()))
        return
    for conflict in report.conflicts:
        warn(
            f"kept `{conflict.existing.ko}` \u2192 `{conflict.existing.en}` "
            f"({conflict.existing.source}); the import has `{conflict.imported.en}`"
        )
    added = count_line(len(report.added), "entry", "entries")
    say(
        f"added {added} to {into}; skipped {len(report.duplicates)} already there and "
        f"{len(report.conflicts)} conflicting"
    )
