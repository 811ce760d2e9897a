"""`bilingo scan --format json|jsonl` of a large file, on two cores.

A warm scan of 10 MB at 100,000 terms spends ~1.7 s finding terms and writing
their JSON, one line after another, each line on its own. For a file of
PARALLEL_FROM bytes or more, a forked child (bilingo.forked) scans the lines
of the second half, writing their JSON objects one per line into an unnamed
temp file this process made, while this process scans and writes the first
half; this process then writes the child's objects after its own. The output
is byte for byte what one process writes (tests/test_cli_scan.py), and memory
stays bounded as it does for one process: the child's part waits on disk.

Both processes decide alike where the second half starts: at the first line
whose text before it is, in UTF-8, at least half the file's size. Where a
fork is unsafe the scan is not split; when the child fails (a byte that is
not UTF-8 in its half, say), this process scans the second half itself after
the first, so any error is the one a single process gives.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path

from ..forked import can_fork, start_in_child
from ..matcher import TermMatcher, line_spans
from .inputs import input_lines
from .output import ROWS_PER_BLOCK, chunks

# Below this many bytes a second process saves next to nothing (a fork, a temp file). Warm
# JSON scans, one process / split, medians of 9: the built-in glossary 113/114 ms at 250 KB,
# 124/120 at 500 KB, 154/138 at 1 MB; 100,000 terms 470/460, 497/480, 578/527 ms.
PARALLEL_FROM = 500_000


def splits(path: Path | None) -> bool:
    """Whether a JSON scan of `path` is split in two (a large named file, a fork possible)."""
    if path is None or str(path) == "-" or not can_fork():
        return False
    try:
        return os.stat(path).st_size >= PARALLEL_FROM
    except OSError:  # missing or unreadable: the one-process path says so
        return False


def json_blocks_in_halves(
    path: Path, matcher: TermMatcher, rows: list[tuple], json_blocks: Callable
) -> Iterator[list]:
    """What json_blocks (scan.json_blocks) gives for the whole file, the second half scanned
    by a child."""
    import tempfile

    middle = os.stat(path).st_size // 2
    with tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n") as spool:
        second = start_in_child(_spool_second_half, path, middle, matcher, rows, json_blocks, spool)
        yield from json_blocks(line_spans(first_half(input_lines(path), middle), matcher), rows)
        second()  # the child's answer (how many objects), once it has written them all
        spool.seek(0)
        yield from chunks((item[:-1] for item in spool), ROWS_PER_BLOCK)  # one per line


def first_half(lines: Iterable[str], middle: int) -> Iterator[str]:
    """The lines before the first one with at least `middle` bytes of UTF-8 before it."""
    before = 0
    for line in lines:
        if before >= middle:
            return
        yield line
        before += len(line.encode())


def second_half(lines: Iterable[str], middle: int) -> tuple[int, int, Iterator[str]]:
    """(its first line's number, that line's offset in characters, the lines) of the rest."""
    lines = iter(lines)
    before = offset = 0
    for number, line in enumerate(lines, start=1):
        if before >= middle:
            return number, offset, chain([line], lines)
        before += len(line.encode())
        offset += len(line)
    return 0, offset, iter(())


def _spool_second_half(path: Path, middle: int, matcher, rows, json_blocks, spool) -> int:
    """Write the JSON objects of the second half's matches into `spool`, one per line."""
    spool.seek(0)  # a child that failed may have written part of it
    spool.truncate()
    first_line, offset, lines = second_half(input_lines(path), middle)
    count = 0
    for block in json_blocks(line_spans(lines, matcher, first_line, offset), rows):
        spool.writelines(item + "\n" for item in block)  # an object holds no raw newline
        count += len(block)
    spool.flush()  # a forked child ends without flushing anything
    return count
