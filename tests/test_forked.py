"""Work done in forked children (bilingo.forked): the same answers, the same files, as one process.

A fork happens only in a process running one thread. This test process may
not be one (a CTranslate2 model loaded by an earlier test keeps its worker
threads), so the tests that need a real fork run their part in a fresh
Python process (`in_fresh_python`).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import threading

import pytest

from bilingo import forked
from bilingo.glossary import Glossary
from bilingo.paths import cache_dir

from .conftest import run_bilingo

linux_only = pytest.mark.skipif(sys.platform != "linux", reason="bilingo forks on Linux only")


def in_fresh_python(code: str):
    """What `code`, run by a new interpreter, prints as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@linux_only
def test_the_work_is_done_in_another_process():
    child_pid, parent_pid, value = in_fresh_python("""
        import json, os
        from bilingo import forked
        answer = forked.start_in_child(lambda v: (os.getpid(), v), [1, 2, 3])
        child_pid, value = answer()
        print(json.dumps([child_pid, os.getpid(), value]))
    """)
    assert child_pid != parent_pid
    assert value == [1, 2, 3]


@linux_only
def test_a_build_shared_with_a_child_is_the_build_of_one_process():
    same, keys, rows = in_fresh_python("""
        import json
        from bilingo import matcher
        from bilingo.glossary import load_glossary
        from bilingo.glossary.locations import default_glossary_dir
        from bilingo.spacing import PartFinder

        rows = load_glossary([default_glossary_dir()], use_cache=False).rows

        def build(fork_from):
            matcher.FORK_FROM_ROWS = fork_from
            finder = PartFinder(rows)
            automaton, key_values = matcher.build_automaton(rows, finder)
            return list(automaton.items()), key_values, finder.english_cuts_used

        alone, shared = build(10**9), build(1000)
        print(json.dumps([shared == alone, len(alone[0]), len(rows)]))
    """)
    assert same
    assert rows > 1000
    assert keys > rows  # spacings were added: the child's share counted


@linux_only
def test_background_writes_are_done_by_a_child_waited_for(tmp_path):
    target = tmp_path / "pid"
    written_by, parent_pid = in_fresh_python(f"""
        import json, os, pathlib
        from bilingo import forked
        target = pathlib.Path({str(target)!r})
        forked.background_writes()
        forked.write_in_background(lambda: target.write_text(str(os.getpid())))
        forked.wait_for_writers()
        print(json.dumps([int(target.read_text()), os.getpid()]))
    """)
    assert written_by != parent_pid


def _fails_in_child(parent: int):
    if os.getpid() != parent:
        os._exit(3)  # a child killed or failing without an answer
    return "worked out here"


def test_a_child_without_an_answer_is_made_up_for_here():
    assert forked.start_in_child(_fails_in_child, os.getpid())() == "worked out here"


def _raises():
    raise ValueError("bad row")


def test_an_error_is_raised_here_as_one_process_would():
    answer = forked.start_in_child(_raises)
    with pytest.raises(ValueError, match="bad row"):
        answer()


def _pid_and(value):
    return os.getpid(), value


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.can_fork()
        assert forked.start_in_child(_pid_and, "x")() == [os.getpid(), "x"]  # as JSON gives it
    finally:
        stop.set()
        thread.join()


def test_no_fork_once_a_model_runs_its_own_threads(installed_models):
    from bilingo.engines import get_engine

    engine = get_engine("argos", "ko", "en")
    engine.translate_batch(["딥시크"])
    assert not forked.can_fork()  # CTranslate2's worker threads are not Python's


def test_the_library_writes_in_the_foreground(tmp_path):
    forked.write_in_background(lambda: (tmp_path / "pid").write_text(str(os.getpid())))
    assert (tmp_path / "pid").read_text(encoding="utf-8") == str(os.getpid())


def test_a_command_leaves_its_cache_written_when_it_returns(tmp_path):
    """The console script writes its cache files in the background; they are all there,
    whole, once `bilingo scan` has exited, and the next run reads them."""
    glossary = tmp_path / "g.yaml"
    glossary.write_text("terms:\n  - ko: 딥시크\n    en: DeepSeek\n", encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("딥시크의 모델\n", encoding="utf-8")
    first = run_bilingo("scan", "--format", "json", "-g", glossary, text)
    assert first.returncode == 0, first.stderr
    parts = sorted(p.name.rsplit("-", 1)[0] for p in cache_dir().glob("*.json"))
    assert {"rows", "matcher"} <= set(parts)
    again = run_bilingo("scan", "--format", "json", "-g", glossary, text)
    assert again.stdout == first.stdout
    assert again.stderr == first.stderr == b""


def test_an_empty_glossary_builds_without_a_child():
    assert Glossary().matcher().find("딥시크") == []
