"""The cycle collector around a glossary load (bilingo.collector): paused while rows are made,
back on afterwards; the console script's own process also freezes what the load made."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bilingo.collector import garbage_collector_paused

LOAD = """
import gc, sys
import bilingo
from bilingo import collector
if sys.argv[1] == "own":
    collector.own_process()
glossary = bilingo.load_glossary(use_cache=False)
found = [match.term.en for match in glossary.matcher().find("딥시크의 엔비디아가")]
print(gc.isenabled(), gc.get_freeze_count() >= len(glossary), found)
"""


@pytest.mark.parametrize("process", ["own", "library"])
def test_a_load_leaves_the_collector_on_and_freezes_only_in_the_console_scripts_process(
    process, tmp_path
):
    printed = _run(LOAD, process, tmp_path)
    frozen = process == "own"
    assert printed.split(" ", 2)[:2] == ["True", str(frozen)]
    assert "'DeepSeek', 'Nvidia'" in printed


def test_a_pause_that_fails_still_restores_the_collector():
    import gc

    assert gc.isenabled()
    with pytest.raises(RuntimeError), garbage_collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("the load failed")
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0  # this process is not the console script's


def test_pauses_that_overlap_across_threads_leave_the_collector_on():
    """Two requests of a server building at once: the collector is back on after both, in
    whichever order they end (each restoring its own view of it would leave it off)."""
    import gc
    import threading

    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen_while_second_open = []

    def first():
        with garbage_collector_paused():
            first_in.set()
            second_in.wait(10)
        first_out.set()

    def second():
        first_in.wait(10)
        with garbage_collector_paused():
            second_in.set()
            first_out.wait(10)
            seen_while_second_open.append(gc.isenabled())  # the first ended, this one is open

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert first_out.is_set() and second_in.is_set()
    assert seen_while_second_open == [False]
    assert gc.isenabled()


MAIN_THEN_LOAD = """
import gc, sys
import bilingo.cli
from bilingo import load_glossary

def app():  # stands in for the command typer would run: a load, as scan's and serve's do
    before = gc.get_freeze_count()
    load_glossary(use_cache=False)
    print(gc.get_freeze_count() > before)

bilingo.cli._typer_app = lambda modules=None: app
sys.argv = ["bilingo", sys.argv[1], "x"]
bilingo.cli.main()
"""


@pytest.mark.parametrize(("command", "frozen"), [("scan", True), ("serve", False)])
def test_the_console_script_freezes_loads_except_in_the_server(command, frozen, tmp_path):
    """`serve` reloads its glossary after every write: what it frees must stay collectable."""
    assert _run(MAIN_THEN_LOAD, command, tmp_path).strip() == str(frozen)


def _run(code: str, argument: str, folder) -> str:
    """What `code` prints, run by a fresh interpreter (its collector untouched by the tests')."""
    result = subprocess.run(
        [sys.executable, "-c", code, argument],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout
