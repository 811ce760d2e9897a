"""Work done in forked children (bilingo.forked): the same answers, the same files, as one process."""

from __future__ import annotations

import os
import threading

import pytest

from bilingo import forked, matcher
from bilingo.glossary import Glossary, load_glossary
from bilingo.glossary.locations import default_glossary_dir
from bilingo.paths import cache_dir
from bilingo.spacing import PartFinder

from .conftest import run_bilingo

needs_fork = pytest.mark.skipif(
    not forked.can_fork(), reason="no fork here (not Linux, or threads)"
)


def _pid_and(value):
    return os.getpid(), value


@needs_fork
def test_the_work_is_done_in_another_process():
    answer = forked.start_in_child(_pid_and, [1, 2, 3])
    child_pid, value = answer()
    assert child_pid != os.getpid()
    assert value == [1, 2, 3]


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


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert not forked.can_fork()
        assert forked.start_in_child(_pid_and, "x")() == (os.getpid(), "x")
    finally:
        stop.set()
        thread.join()


@needs_fork
def test_a_build_shared_with_a_child_is_the_build_of_one_process(monkeypatch):
    rows = load_glossary([default_glossary_dir()]).rows
    assert len(rows) > 1000

    def build(fork_from: int):
        monkeypatch.setattr(matcher, "FORK_FROM_ROWS", fork_from)
        finder = PartFinder(rows)
        automaton, key_values = matcher.build_automaton(rows, finder)
        return list(automaton.items()), key_values, finder.english_cuts_used

    alone = build(fork_from=10**9)
    shared = build(fork_from=1000)
    assert shared == alone
    assert len(alone[0]) > len(rows)  # spacings were added: the child's share counted


def test_an_empty_glossary_builds_without_a_child():
    assert Glossary().matcher().find("딥시크") == []


def _write_pid(path):
    path.write_text(str(os.getpid()), encoding="utf-8")


def test_the_library_writes_in_the_foreground(tmp_path):
    forked.write_in_background(_write_pid, tmp_path / "pid")
    assert (tmp_path / "pid").read_text(encoding="utf-8") == str(os.getpid())


@needs_fork
def test_background_writes_are_done_by_a_child_waited_for(tmp_path, monkeypatch):
    monkeypatch.setitem(forked._background, "on", True)
    forked.write_in_background(_write_pid, tmp_path / "pid")
    forked.wait_for_writers()
    assert (tmp_path / "pid").read_text(encoding="utf-8") != str(os.getpid())
    assert forked._writers == []


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
