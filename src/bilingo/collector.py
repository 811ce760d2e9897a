"""Python's cycle collector around work that allocates by the 100,000 (issue 13).

Loading or building for a 100,000-entry glossary makes hundreds of thousands
of tuples, strings and dicts that hold no reference cycle and live as long as
the glossary. The collector, left on, walks them again and again for nothing:
a fifth of a cold load. `garbage_collector_paused` turns it off for such work
and back on afterwards, as it was.

Turned back on, the collector still walks everything the pause made once, at
its next collection (~20 ms after a 100,000-row load). The console script's
process, which lives for one command, calls `own_process` so that a pause
ends by moving what it made out of the collector's reach for good
(gc.freeze), as the console script does with its imported modules
(docs/design.md, "The console script's own process"). The library never
freezes: a library user's process is left as it was.
"""

from __future__ import annotations

import contextlib
import gc
import threading

_owned = {"on": False}  # set by the console script (own_process)
# Pauses may overlap, in one thread (a load inside a build) or across threads (a server's
# requests): the collector is turned off by the first and back on by the last to end.
_pauses = {"open": 0, "was_enabled": False}
_pauses_lock = threading.Lock()


def own_process() -> None:
    """Let every pause from now on freeze what it made (the console script's own process)."""
    _owned["on"] = True


@contextlib.contextmanager
def garbage_collector_paused():
    """No cyclic collection inside; the collector's state is restored when the last pause
    open ends."""
    with _pauses_lock:
        if not _pauses["open"]:
            _pauses["was_enabled"] = gc.isenabled()
            gc.disable()
        _pauses["open"] += 1
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses["open"] -= 1
            if not _pauses["open"]:
                if _owned["on"]:
                    gc.freeze()
                if _pauses["was_enabled"]:
                    gc.enable()
