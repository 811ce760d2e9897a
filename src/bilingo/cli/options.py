"""The typer options several commands share: --format and --glossary, defined once."""

from __future__ import annotations

import typer

from .output import FORMAT_HELP, OutputFormat, ReportFormat


def format_option(default: OutputFormat = OutputFormat.table, help: str = FORMAT_HELP):
    """The --format/-f option of a listing command."""
    return typer.Option(default, "--format", "-f", help=help)


def report_format_option():
    """The --format/-f option of a report: table or json."""
    return typer.Option(ReportFormat.table, "--format", "-f", help="Output format: table or json.")


GLOSSARY_OPTION = typer.Option(
    None,
    "--glossary",
    "-g",
    help="Glossary file or folder of *.yaml (repeatable); replaces the default set.",
)
