"""The `bilingo` command: each command parses, calls the core once, and formats.

    root            the root app and its groups
    running         the glossary a command reads; how errors and warnings show
    advice          how each core error's remedy is worded here
    options         the shared --format and --glossary options
    output          rendering (table, json, jsonl, csv, tsv) and printing
    table           tables laid out as tabulate lays them out, without importing it
    inputs          FILE or stdin, progress bars
    lookup          lookup's work, and its quick path without typer
    entries         lookup, add, remove
    glossary_files  glossary validate, stats, export, import
    scan            scan
    translating     translate's work, and its quick path without typer
    translate       translate
    serve           serve (the HTTP API and review page: bilingo.server)
    tools           check, extract
    model           model list, install, remove

`app` (the typer app with every command registered) is built when first
asked for; the `bilingo` console script first offers its arguments to the
quick paths of lookup and translate (QUICK_PATHS), which need neither typer
nor the command tree, and otherwise registers only the command it runs
(COMMAND_MODULES). Heavy
parts of the core are imported inside the commands that need them, so
`bilingo lookup` starts fast. The modules that define typer commands leave out
`from __future__ import annotations`: typer reads every parameter's type, and
string annotations would each be compiled and evaluated (~2 ms of `--help`).
This is the only package that prints.
"""

from __future__ import annotations

import os
import sys

__all__ = ["app", "main", "progress_bar"]


_COMPLETION_ENV = "_BILINGO_COMPLETE"  # set by the shell when it asks click for completions


def __getattr__(name: str):
    if name == "app":
        value = _typer_app()
    elif name == "progress_bar":
        from .inputs import progress_bar as value
    else:
        raise AttributeError(f"module 'bilingo.cli' has no attribute {name!r}")
    globals()[name] = value  # later lookups skip this function
    return value


# The module that registers each command word (a group's subcommands come with it).
COMMAND_MODULES = {
    "lookup": "entries",
    "add": "entries",
    "remove": "entries",
    "glossary": "glossary_files",
    "model": "model",
    "scan": "scan",
    "serve": "serve",
    "check": "tools",
    "extract": "tools",
    "translate": "translate",
}
ROOT_VALUE_OPTIONS = ("--glossary", "-g")  # root options that take a value
# New objects the garbage collector lets pile up before it looks for cycles among them
# (Python's default: 700). A command runs for a second or so and makes few cycles:
# collecting as often as a long-running program should took 8-10 ms of translating the
# bench article (30 collections), 2-4 ms at this size (4).
YOUNG_GENERATION_SIZE = 10_000


def _typer_app(modules=None):
    """The root typer app, once the command modules (default: all) have registered their
    commands."""
    import importlib

    for module in sorted(set(COMMAND_MODULES.values()) if modules is None else modules):
        importlib.import_module(f"{__name__}.{module}")
    from .root import app

    return app


def _command_module(args: list[str]) -> str | None:
    """The module of the command the arguments run, when nothing else is needed: not
    help or completion for the root, which lists every command."""
    words = iter(args)
    for word in words:
        if word in ROOT_VALUE_OPTIONS:
            next(words, None)
        elif word == "--debug" or word.startswith("--glossary="):
            continue
        else:
            return COMMAND_MODULES.get(word)
    return None


def main() -> None:
    """The `bilingo` console script: run the app in a process of its own.

    The command owns its short-lived process, so it moves everything imported
    so far out of the garbage collector's reach: later collections (while a
    glossary loads) then skip the big, permanent module graph, and a glossary
    load's rows go the same way when loaded (bilingo.collector; not in `serve`,
    which reloads its glossary while it lives); and it collects
    the young generation less often (YOUNG_GENERATION_SIZE). The library never
    does either. The common forms of `bilingo lookup` and `bilingo
    translate` are run by their quick paths (QUICK_PATHS), which print and
    exit as the typer command would, their process then ended at once
    (running.end_process); everything else goes to typer.
    """
    import gc

    from ..collector import own_process
    from ..lazy import import_deferring

    gc.set_threshold(YOUNG_GENERATION_SIZE)

    # dataclasses imports inspect (~8 ms) only to write a signature into the docstring
    # of a class that has none; bilingo's dataclasses all have one.
    import_deferring("dataclasses", unused=("inspect",))
    quick = _quick_path(sys.argv[1:])
    if quick is not None:
        from .running import end_process

        own_process()  # and what a glossary load makes, when it is made (bilingo.collector)
        gc.freeze()
        end_process(quick())
    from ..forked import background_writes
    from .deferred import defer

    defer()  # typer's help formatter imports two rich modules the help does not use
    background_writes()  # cache files are written while the command goes on (bilingo.forked)
    # Only the command that runs is registered: building typer's command tree for all of
    # them takes ~10 ms. Shell completion and root help list every command.
    command = None if _COMPLETION_ENV in os.environ else _command_module(sys.argv[1:])
    if command != "serve":  # a server lives on: the glossaries it reloads must stay collectable
        own_process()
    app = __getattr__("app") if command is None else _typer_app([command])
    gc.freeze()
    app()


# The commands with a quick path: the module whose quick_request(args) gives what to run
# (None: typer runs it), and whose quick_run(request) runs it and gives the exit code.
QUICK_PATHS = {"lookup": "lookup", "translate": "translating"}


def _quick_path(args: list[str]):
    """What runs the command without typer, when its quick path takes these arguments."""
    import importlib

    from .running import plain_environment

    if not args or args[0] not in QUICK_PATHS or not plain_environment():
        return None
    module = importlib.import_module(f"{__name__}.{QUICK_PATHS[args[0]]}")
    request = module.quick_request(args)
    return None if request is None else (lambda: module.quick_run(request))
