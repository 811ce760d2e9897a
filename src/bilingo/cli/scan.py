"""`bilingo scan`: glossary terms found in Korean text, streamed as they are found."""

from collections.abc import Iterable, Iterator
from pathlib import Path

import typer

from .inputs import input_lines
from .options import GLOSSARY_OPTION, format_option
from .output import ROWS_PER_BLOCK, OutputFormat, count_line, say, stream, stream_json
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
    from ..matcher import line_spans
    from . import scan_halves

    glossary = load(glossary_paths)
    found = line_spans(input_lines(file), glossary.matcher())
    if format in (OutputFormat.json, OutputFormat.jsonl):
        if scan_halves.splits(file):  # a large file: two processes, one per half
            blocks = scan_halves.json_blocks_in_halves(
                file, glossary.matcher(), glossary.rows, json_blocks
            )
        else:
            blocks = json_blocks(found, glossary.rows)
        stream_json(blocks, format.value)
        return
    count = stream(match_rows(found, glossary.rows, format), _columns(format), format.value)
    say(count_line(count, "match", "matches"), err=True)


# A match's JSON object is Match.to_dict() as bilingo.cli.output's row_encoder writes it,
# put together from the row: at 100,000 terms and 10 MB of text, a dict and a Term per
# hit were most of a warm scan's time. tests/test_cli_scan.py holds the two to the byte.


def json_blocks(found: Iterable[tuple], rows: list[tuple]) -> Iterator[list[str]]:
    """The JSON object of every match (see bilingo.matcher.line_spans), a block at a time."""
    from json.encoder import encode_basestring as quoted  # here, not for `bilingo --help`

    from ..terms import ROW_EN, ROW_KO, ROW_TYPE

    def json_tail(row: tuple) -> str:
        """`"ko": …, "en": …, "type": …}`: the part of a match's JSON its term alone decides."""
        kind = row[ROW_TYPE]
        kind = quoted(kind) if kind else "null"
        return f'"ko": {quoted(row[ROW_KO])}, "en": {quoted(row[ROW_EN])}, "type": {kind}}}'

    tails: dict[int, str] = {}  # row index -> the object's ko, en and type: one per term
    particles: dict[str, str] = {}  # a text glues a few hundred different particles
    block: list[str] = []
    for _, offset, line, spans in found:
        for start, end, index, particle in spans:
            tail = tails.get(index)
            if tail is None:
                tail = tails[index] = json_tail(rows[index])
            glued = particles.get(particle)
            if glued is None:
                glued = particles[particle] = quoted(particle)
            block.append(
                f'{{"start": {start + offset}, "end": {end + offset}, '
                f'"text": {quoted(line[start:end])}, "particle": {glued}, {tail}'
            )
        if len(block) >= ROWS_PER_BLOCK:
            yield block
            block = []
    yield block


def match_rows(found: Iterable[tuple], rows: list[tuple], format: OutputFormat) -> Iterator[dict]:
    """Each match as a table (line:col) or CSV/TSV (line, column) row."""
    from ..terms import ROW_EN, ROW_KO, ROW_TYPE

    for line_number, offset, line, spans in found:
        for start, end, index, particle in spans:
            row = rows[index]
            match = {
                "start": start + offset,
                "end": end + offset,
                "text": line[start:end],
                "particle": particle,
                "ko": row[ROW_KO],
                "en": row[ROW_EN],
                "type": row[ROW_TYPE] or None,
            }
            if format is OutputFormat.table:
                yield {"line:col": f"{line_number}:{start + 1}", **match}
            else:
                yield {"line": line_number, "column": start + 1, **match}


def _columns(format: OutputFormat) -> list[str]:
    return SCAN_COLUMNS if format is OutputFormat.table else ["line", "column", *JSON_COLUMNS]
