"""Work done in a forked child while this process goes on: the second core of a cold build
and of a large JSON scan (cli/scan_halves.py), and cache files written while a command goes
on.

A cold build of a 100,000-entry glossary spends a third of its time working
out where each spelling may be spaced (bilingo.spacing), row by row, each row
on its own. `start_in_child` hands a share of that to a child made by
os.fork, which inherits everything already in memory, so nothing is sent to
it; only its answer comes back, as JSON through a pipe (docs/design.md,
"The compiled cache"): plain data that the caller turns back into its own
types, never pickle, so reading an answer can run no code.

`write_in_background` hands a child the writing of cache files the process
itself does not wait for: the console script turns it on
(`background_writes`), and the process waits for every such child when it
exits, so the files are there when the command has returned. The library
writes in the foreground.

A fork is used only where it is safe and cheap: on Linux, with no other
thread running, Python's or a native library's (a child of a threaded process
may inherit a lock some other thread held, and wait on it for ever). Anywhere
else, or when the child fails for any reason, the work is done here, in this
process, and the answer is the same.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

_background = {"on": False}  # set by the console script (background_writes)
_writers: list[int] = []  # children writing in the background, waited for at exit


def can_fork() -> bool:
    """Linux, and this process runs one thread, Python's or a library's own (CTranslate2
    starts worker threads when a model loads)."""
    return (
        sys.platform == "linux"
        and hasattr(os, "fork")
        and threading.active_count() == 1
        and _system_threads() == 1
    )


def _system_threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0  # unknown: no fork


def start_in_child(function: Callable[..., T], *args) -> Callable[[], T]:
    """Start function(*args) in a forked child; the returned callable waits for its answer.

    The answer must be JSON data (lists, not tuples or sets): it comes back as JSON,
    which is what the callable gives. Without a fork (can_fork), the callable works the
    answer out when called, the same JSON data.
    """
    import json  # here, not at the top: every typer command imports this module

    if not can_fork():
        return lambda: _as_json(function(*args))
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the child: answer, and leave without running any exit handler or flush
        status = 1
        try:
            os.close(reading)
            answer = json.dumps(function(*args), ensure_ascii=False).encode()
            with os.fdopen(writing, "wb") as pipe:
                pipe.write(answer)
            status = 0
        finally:
            os._exit(status)
    os.close(writing)
    return lambda: _answer(child, reading, function, args)


def _as_json(value):
    """The value as the child's answer would come back: through JSON."""
    import json

    return json.loads(json.dumps(value, ensure_ascii=False))


def _answer(child: int, reading: int, function: Callable[..., T], args: tuple) -> T:
    """The child's answer; worked out here when it has none (it failed or was killed)."""
    import json

    with os.fdopen(reading, "rb") as pipe:
        data = pipe.read()  # read before waiting: a full pipe would keep the child from ending
    _, status = os.waitpid(child, 0)
    if status != 0 or not data:
        return _as_json(function(*args))
    return json.loads(data)


def background_writes() -> None:
    """Let write_in_background fork from now on (the console script's own process)."""
    _background["on"] = True


def write_in_background(function: Callable[..., object], *args) -> None:
    """function(*args) in a forked child this process waits for only when it exits; in the
    foreground unless background_writes was called (and a fork is safe: can_fork). What
    the child warns goes to the same stderr."""
    if not (_background["on"] and can_fork()):
        function(*args)
        return
    child = os.fork()
    if child == 0:
        status = 1
        try:
            function(*args)
            status = 0
        finally:
            os._exit(status)
    if not _writers:
        atexit.register(wait_for_writers)
    _writers.append(child)


def wait_for_writers() -> None:
    """Wait for every background writer (at exit: the files are there when the command ends)."""
    while _writers:
        with contextlib.suppress(ChildProcessError):  # reaped already
            os.waitpid(_writers.pop(), 0)
