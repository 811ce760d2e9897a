"""The `bilingo` command: each command parses, calls the core once, and formats.

    app             the root app and its groups; errors and warnings shown
    advice          how each core error's remedy is worded here
    output          the shared --format option and rendering (table, json, jsonl, csv, tsv)
    inputs          FILE or stdin, progress bars
    entries         lookup, add, remove
    glossary_files  glossary validate, stats, export, import
    scan            scan
    translate       translate
    serve           serve (the HTTP API and review page: bilingo.server)
    tools           check, extract
    model           model list, install, remove

Heavy parts of the core are imported inside the commands that need them, so
`bilingo lookup` starts fast. This is the only package that prints.
"""

from . import entries, glossary_files, model, scan, serve, tools, translate  # noqa: F401

# (importing each module registers its commands)
from .app import app
from .inputs import progress_bar

__all__ = ["app", "main", "progress_bar"]


def main() -> None:
    """The `bilingo` console script: run the app in a process of its own.

    The command owns its short-lived process, so it moves everything imported
    so far out of the garbage collector's reach: later collections (while a
    glossary loads, while tabulate imports) then skip the big, permanent module
    graph. Measured: ~10 ms of a 110 ms lookup. The library never does this.
    """
    import gc

    gc.freeze()
    app()
