"""The fast paths of issue 13 give exactly what the paths they stand in for give:
tables as tabulate draws them, did-you-mean as difflib ranks, a quick lookup as typer's."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilingo.cli.table import simple_table
from bilingo.glossary import suggestions

from .conftest import run_bilingo

CELLS = st.text(alphabet="가나다딥시크 abcXYZ-.,()0", max_size=30)


@given(
    st.lists(st.lists(CELLS, min_size=3, max_size=3), min_size=1, max_size=6),
    st.sampled_from([[None, None, None], [10, None, 12], [5, 5, 5]]),
)
def test_a_table_is_what_tabulate_draws(rows, widths):
    from tabulate import tabulate

    headers = ["ko", "en", "note"]
    drawn = simple_table(rows, headers, widths)
    if drawn is not None:  # None: tabulate draws it
        expected = tabulate(
            rows, headers, tablefmt="simple", disable_numparse=True, maxcolwidths=widths
        )  # as cli/output.py calls it
        assert drawn == expected


@given(st.text(alphabet="딥시크엔비아가나다", min_size=1, max_size=6))
def test_did_you_mean_ranks_as_difflib_in_a_large_glossary(query):
    words = ["딥시크", "딥시커", "엔비디아", "엔비", "가나다라", "시크", "딥마인드"] * 3000
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(suggestions, "RAPIDFUZZ_FROM", 1)  # sift with rapidfuzz even here
        sifted = suggestions.close_matches(query, words, 5, 0.6)
    assert sifted == difflib.get_close_matches(query, list(dict.fromkeys(words)), 5, 0.6)


def _suggested_by_hand(keys: list[str], query: str, limit: int) -> list[int]:
    """What suggest_headwords promises, the plain way: keys beginning with the query
    (shortest first), then difflib's closest (ratio >= 0.5) over every key; the last row."""
    key = "".join(query.split())
    started = sorted(
        dict.fromkeys(k for k in keys if k.startswith(key) and k != key and k), key=len
    )
    close = difflib.get_close_matches(key, list(dict.fromkeys(keys)), limit, 0.5)
    chosen = list(dict.fromkeys([*started, *(close if len(started) < limit and key else [])]))
    return [len(keys) - 1 - keys[::-1].index(k) for k in chosen[:limit]]


@given(
    st.lists(st.text(alphabet="딥시크엔비아가나다-[]^\\", min_size=1, max_size=5), max_size=40),
    st.text(alphabet="딥시크엔비아가나다-[]^\\ ", max_size=6),
)
def test_did_you_mean_searches_the_joined_keys_as_the_plain_way(keys, query):
    """Only keys sharing a character with the query are ranked (found in the joined text):
    the answers are those of ranking every key."""
    found = suggestions.suggest_headwords("\n".join(keys), query, 5)
    assert found == _suggested_by_hand(keys, query, 5)


@pytest.mark.parametrize(
    ("quick", "through_typer"),
    [
        (["lookup", "딥시크의"], ["lookup", "--format=table", "딥시크의"]),
        (["lookup", "-f", "json", "deepseek", "-r"], ["lookup", "--format=json", "-r", "deepseek"]),
        (["lookup", "딥시커"], ["lookup", "--format=table", "딥시커"]),
    ],
)
def test_a_quick_lookup_answers_as_typer_does(quick, through_typer):
    fast, slow = run_bilingo(*quick), run_bilingo(*through_typer)
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        slow.returncode,
        slow.stdout,
        slow.stderr,
    )


def test_the_command_modules_register_every_command_and_no_other():
    from typer.main import get_command

    from bilingo.cli import COMMAND_MODULES, app

    assert sorted(get_command(app).commands) == sorted(COMMAND_MODULES)


@pytest.mark.parametrize(
    ("args", "module"),
    [
        (["translate", "x.txt"], "translate"),
        (["--debug", "-g", "g.yaml", "glossary", "stats"], "glossary_files"),
        (["--glossary=g.yaml", "check", "a", "b"], "tools"),
        (["--glossary", "translate", "model"], "model"),  # translate is the glossary here
        (["--help"], None),
        (["--version"], None),
        (["translat"], None),  # typer suggests the command, from all of them
        ([], None),
    ],
)
def test_the_console_script_registers_only_the_command_it_runs(args, module):
    from bilingo.cli import _command_module

    assert _command_module(args) == module


@pytest.mark.parametrize(
    "args",
    [
        ["translate", "--bogus"],
        ["--debug", "translate", "--help"],
        ["-g", "nowhere.yaml", "scan", "x"],
        ["glossary", "nope"],
        ["model", "remove"],
    ],
)
def test_one_command_registered_answers_as_all_of_them(args):
    """The usage errors and help of a command read the same with every command registered."""
    code = "import sys; from bilingo.cli import app; sys.argv[0] = 'bilingo'; app()"
    whole = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, env=os.environ, timeout=120
    )
    alone = run_bilingo(*args)
    assert (alone.returncode, alone.stdout, alone.stderr) == (
        whole.returncode,
        whole.stdout,
        whole.stderr,
    )
