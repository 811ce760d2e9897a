"""`bilingo scan`: glossary terms found in Korean text, streamed as they are found."""

from __future__ import annotations

from pathlib import Path

import typer

from .inputs import input_lines
from .options import GLOSSARY_OPTION, format_option
from .output import OutputFormat, count_line, say, stream
from .root import app
from .running import load

SCAN_COLUMNS = ["line:col", "text", "particle", "ko", "en", "type"]
JSON_COLUMNS = ["start", "end", "text", "particle", "ko", "en", "type"]


@app.command()
def scan(
    file: Path | None = typer.Argument(None, help="Korean text file; `-` or omitted reads stdin."),
    format: OutputFormat = format_option(),
    glossary_paths: list[Path] | None = GLOSSARY_OPTION,
):
    """Find glossary terms in Korean text, particles and all."""
    from ..matcher import scan_lines

    found = scan_lines(input_lines(file), load(glossary_paths).matcher())
    if format in (OutputFormat.json, OutputFormat.jsonl):
        stream((located.match.to_dict() for located in found), JSON_COLUMNS, format.value)
        return
    if format is OutputFormat.table:
        rows = ({"line:col": f"{m.line}:{m.column}", **m.match.to_dict()} for m in found)
        columns = SCAN_COLUMNS
    else:
        rows = ({"line": m.line, "column": m.column, **m.match.to_dict()} for m in found)
        columns = ["line", "column", *JSON_COLUMNS]
    count = stream(rows, columns, format.value)
    say(count_line(count, "match", "matches"), err=True)
