"""The output forms every listing command shares, defined once (like sqlite-utils' output_options).

`--format` takes table (for reading: tabulate's layout, see bilingo.cli.table),
json (one array), jsonl (one object per line, for streaming into other tools),
csv or tsv (with a header row). Rows are dicts; each command names its
columns. The options themselves are in bilingo.cli.options: this module does
not import typer, so the quick path of `bilingo lookup` can print through it.
"""

from __future__ import annotations

import functools
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator
from enum import Enum
from pathlib import Path


class OutputFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"


FORMAT_HELP = "Output format: table, json, jsonl (one object per line), csv or tsv."


class ReportFormat(str, Enum):
    """For commands that print one report rather than a list of rows."""

    table = "table"
    json = "json"


# Long free text wraps in tables so a row still fits a terminal.
TABLE_WRAP = {"note": 40, "review": 50}
ROWS_PER_BLOCK = 1000  # rows rendered at once when streaming, so huge outputs never wait


@functools.cache
def row_encoder():
    """One JSON encoder for every streamed row: json.dumps builds a new one per call, which
    was a fifth of a large scan's time."""
    import json

    return json.JSONEncoder(ensure_ascii=False)


def pretty_json(value) -> str:
    """A JSON report or array as every command prints it: indented, non-ASCII as is."""
    import json  # here, not at the top: `bilingo --help` needs no JSON

    return json.dumps(value, ensure_ascii=False, indent=2)


def render(rows: list[dict], columns: list[str], fmt: str) -> str:
    """Rows in one of the OutputFormat forms (no trailing newline)."""
    if fmt == "json":
        return pretty_json(rows)
    if fmt == "jsonl":
        return "\n".join(map(row_encoder().encode, rows))
    from ..terms import LIST_SEPARATOR

    flat = [[_cell(row.get(column), LIST_SEPARATOR) for column in columns] for row in rows]
    if fmt in ("csv", "tsv"):
        import csv

        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(flat)
        return buffer.getvalue().rstrip("\n")
    return _table(flat, columns)


def print_rows(rows: list[dict], columns: list[str], fmt: str) -> None:
    """Rows to stdout; an empty table or JSON-lines output prints nothing at all."""
    if rows or fmt not in ("table", "jsonl"):
        say(render(rows, columns, fmt))


def _table(flat: list[list[str]], columns: list[str]) -> str:
    if "source" in columns:  # tables are for reading: shorten paths, keep JSON/CSV exact
        at = columns.index("source")
        flat = [[*row[:at], short_source(row[at]), *row[at + 1 :]] for row in flat]
    from .table import simple_table

    widths = [TABLE_WRAP.get(column) for column in columns]
    drawn = simple_table(flat, columns, widths)
    if drawn is not None:
        return drawn
    from tabulate import tabulate

    return tabulate(
        flat, headers=columns, tablefmt="simple", disable_numparse=True, maxcolwidths=widths
    )


def stream(rows: Iterable[dict], columns: list[str], fmt: str) -> int:
    """Write rows to stdout as they come, in blocks; returns how many were written."""
    if fmt in ("json", "jsonl"):
        to_json = row_encoder().encode
        blocks = ([to_json(row) for row in block] for block in chunks(rows, ROWS_PER_BLOCK))
        return stream_json(blocks, fmt)
    out = sys.stdout
    count = 0
    for block in chunks(rows, ROWS_PER_BLOCK):
        text = render(block, columns, fmt)
        skip = 0 if count == 0 else (2 if fmt == "table" else 1)  # header once
        out.write("".join(line + "\n" for line in text.splitlines()[skip:]))
        count += len(block)
    return count


def stream_json(blocks: Iterable[list[str]], fmt: str = "json") -> int:
    """Rows already encoded as JSON objects, written block by block as one JSON array
    (`json`) or one object per line (`jsonl`); returns how many were written.

    A command that can encode its rows faster than a dict each (`bilingo scan`) gives
    them here, and its output stays byte for byte what `stream` writes.
    """
    out = sys.stdout
    count = 0
    if fmt == "json":
        out.write("[")
    for block in blocks:
        if not block:
            continue
        if fmt == "json":
            out.write(("\n  " if count == 0 else ",\n  ") + ",\n  ".join(block))
        else:
            out.write("\n".join(block) + "\n")
        count += len(block)
    if fmt == "json":
        out.write("\n]\n" if count else "]\n")
    return count


def chunks(items: Iterable, size: int) -> Iterator[list]:
    block = []
    for item in items:
        block.append(item)
        if len(block) == size:
            yield block
            block = []
    if block:
        yield block


def short_source(source: str) -> str:
    """`file:line` shown briefly: the built-in glossary as <builtin>, paths under the
    current folder relative to it, the home folder as ~."""
    from ..glossary import default_glossary_dir

    builtin = str(default_glossary_dir())
    if source.startswith(builtin + os.sep):
        return "<builtin>" + source[len(builtin) :]
    here = os.getcwd() + os.sep
    if source.startswith(here):
        return source[len(here) :]
    home = os.path.expanduser("~")
    return "~" + source[len(home) :] if source.startswith(home + os.sep) else source


def _cell(value, separator: str) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return separator.join(str(v) for v in value)
    return str(value)


# C0 and C1 control characters but newline and tab: a glossary value or a model's
# metadata holding an escape sequence must not drive the user's terminal.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """Control characters shown escaped (\\x1b), never sent to the terminal raw."""
    return CONTROL_CHARACTERS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def say(text: str = "", err: bool = False, nl: bool = True) -> None:
    """Print a message or a rendered listing, control characters escaped.

    Through typer's echo once typer is loaded (every command but the quick
    lookup); before that through `plain_echo`, which writes the same.
    """
    typer = sys.modules.get("typer")
    echo = typer.echo if typer is not None else plain_echo
    echo(visible(text), err=err, nl=nl)


# What typer's echo (click's) strips from text that does not go to a terminal.
ANSI_CODES = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")


def plain_echo(message: str, err: bool = False, nl: bool = True) -> None:
    """What typer's echo does with a str, on streams it writes to as they are (a text
    encoding other than ASCII: see bilingo.cli.lookup): the text and a newline written,
    colour codes stripped when the stream is not a terminal, the stream flushed."""
    stream = sys.stderr if err else sys.stdout
    if stream is None:
        return
    out = message + "\n" if nl else message
    if out:
        if "\x1b" in out and not _isatty(stream):
            out = ANSI_CODES.sub("", out)
        stream.write(out)
    stream.flush()


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except Exception:
        return False


def warn(message: str) -> None:
    say(f"warning: {message}", err=True)


def count_line(count: int, singular: str, plural: str) -> str:
    """`1 match` / `3 matches`, for the summary line on stderr."""
    return f"1 {singular}" if count == 1 else f"{count} {plural}"


def write_text(text: str, output: Path | None) -> None:
    """Text to stdout, or atomically to a file."""
    if output is None:
        sys.stdout.write(text)
        return
    from ..translation import write_output

    write_output(text, output)


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
