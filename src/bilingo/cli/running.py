"""What every command shares while it runs, without typer: the glossary it reads, how its
errors and warnings show.

Used by the typer app (bilingo.cli.root) and by the quick paths of `bilingo
lookup` and `bilingo translate` (bilingo.cli.lookup, bilingo.cli.translating),
which run without importing typer, so both ways print the same.
"""

from __future__ import annotations

import errno
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import BilingoError, BilingoWarning
from .advice import describe_error
from .output import say

INTERRUPTED = 130  # the shell's code for Ctrl-C

# Options given before the command (`bilingo -g team.yaml lookup X`), set afresh
# by every invocation; commands fall back to them (see load).
ROOT_OPTIONS: dict[str, object] = {}


def load(glossary_paths: list[Path] | None):
    """The glossary the user asked for (--glossary, else $BILINGO_GLOSSARY, else the default)."""
    from ..glossary import load_glossary

    return load_glossary(glossary_paths or ROOT_OPTIONS.get("glossary"))


def load_for_lookup(glossary_paths: list[Path] | None, rebuild: bool = False):
    """What `load` gives, or the compiled cache's lookup part, which answers a lookup alike
    from a few rows (bilingo.glossary.load.lookup_source)."""
    from ..glossary.load import lookup_source

    return lookup_source(glossary_paths or ROOT_OPTIONS.get("glossary"), rebuild)


def report_error(error: BilingoError, debug: bool = False) -> int:
    """A BilingoError as one or two `error:` lines on stderr; returns its exit code."""
    if debug:
        import traceback

        traceback.print_exc()
    for line in describe_error(error).splitlines() or [type(error).__name__]:
        say(line if line.startswith("error:") else f"error: {line}", err=True)
    return error.exit_code


def report_interrupt() -> int:
    say("interrupted", err=True)
    return INTERRUPTED


@contextmanager
def warnings_shown() -> Iterator[None]:
    """While a command runs, each BilingoWarning from the core becomes a `warning:` line."""
    with warnings.catch_warnings():
        warnings.simplefilter("always", BilingoWarning)
        warnings.showwarning = _show_warning
        yield


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    if issubclass(category, BilingoWarning):
        say(f"warning: {message}", err=True)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


# ----------------------------------------------------------------- the quick paths


def plain_environment() -> bool:
    """Where typer would print exactly as plain_echo does, and would not complete the shell:
    the quick paths run only here."""
    if os.name == "nt" or any(name.endswith("_COMPLETE") for name in os.environ):
        return False
    return all(_plain_stream(stream) for stream in (sys.stdout, sys.stderr))


def _plain_stream(stream) -> bool:
    """A text stream with a non-ASCII encoding and an errors setting: typer writes to it as is."""
    import codecs

    encoding = getattr(stream, "encoding", None)
    if not encoding or getattr(stream, "errors", None) is None:
        return False
    try:
        return codecs.lookup(encoding).name != "ascii"
    except LookupError:
        return False


def run_quick(command: Callable[..., int | None], *args) -> int:
    """command(*args) as the typer app runs a command: warnings and errors shown alike, the
    same exit codes (a closed stdout pipe: 1, with no complaint at exit)."""
    try:
        with warnings_shown():
            try:
                return command(*args) or 0
            except BilingoError as error:
                return report_error(error)
            except KeyboardInterrupt:
                return report_interrupt()
    except OSError as error:  # as typer does with a closed pipe: exit 1, no complaint at exit
        if error.errno != errno.EPIPE:
            raise
        sys.stdout = _QuietFlush(sys.stdout)
        sys.stderr = _QuietFlush(sys.stderr)
        return 1


def end_process(code: int):
    """End the console script's process with `code` once its output is out, without tearing
    the interpreter down: freeing a loaded model and glossary object by object takes ~15 ms
    after a translation, and the operating system frees the whole process at once. The exit
    handlers (background cache writes: bilingo.forked) run first, as at a normal exit."""
    import atexit

    atexit._run_exitfuncs()  # what a normal exit runs before flushing the streams
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError as error:  # a reader gone before the last output: as run_quick says it
        if error.errno != errno.EPIPE:
            raise
        code = code or 1
    os._exit(code)


class _QuietFlush:
    """A stream whose flush ignores a closed pipe (what typer leaves after EPIPE)."""

    def __init__(self, wrapped):
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise

    def __getattr__(self, attr: str):
        return getattr(self.wrapped, attr)
