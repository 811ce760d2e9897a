"""What every command shares while it runs, without typer: the glossary it reads, how its
errors and warnings show.

Used by the typer app (bilingo.cli.root) and by the quick path of `bilingo
lookup` (bilingo.cli.lookup), which answers without importing typer, so the
two print the same.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
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
