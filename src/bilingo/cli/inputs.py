"""Reading the user's input (a file, or stdin for `-` or nothing) and showing progress."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

STDIN_NAME = "standard input"


def input_lines(path: Path | None) -> Iterator[str]:
    """The lines of FILE (or stdin), newlines kept, decoded as UTF-8 as they are read."""
    from ..files import file_lines, text_lines

    if path is None or str(path) == "-":
        yield from text_lines(sys.stdin.buffer, STDIN_NAME)
        return
    yield from file_lines(path)


def read_input(path: Path | None) -> str:
    """The whole text of FILE, or of stdin when FILE is `-` or omitted; UTF-8 only."""
    return "".join(input_lines(path))


def require_file(path: Path | None) -> None:
    """Fail early, before any model loads, when a named input file is missing."""
    from ..files import missing_file

    if path is not None and str(path) != "-" and not path.exists():
        raise missing_file(path)


class progress_bar:
    """A rich progress bar on a terminal; nothing at all when stderr is piped.

    Used as `with progress_bar("translating") as progress:`; progress is a
    callback progress(done, total), or None when no bar is shown.
    """

    def __init__(self, description: str):
        self.description = description
        self.bar = None

    def __enter__(self):
        if not sys.stderr.isatty():
            return None
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

        self.bar = Progress(
            "[progress.description]{task.description}",
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            transient=True,
            console=Console(stderr=True),
        )
        self.bar.start()
        task = self.bar.add_task(self.description, total=None)
        return lambda done, total: self.bar.update(task, completed=done, total=total)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()
