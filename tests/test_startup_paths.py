"""The fast paths of issue 13 give exactly what the paths they stand in for give:
tables as tabulate draws them, did-you-mean as difflib ranks, a quick lookup or
translation as typer's."""

from __future__ import annotations

import difflib
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

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


# ----------------------------------------------------------------- translate's quick path

DATA = Path(__file__).parent / "data"
ARTICLE = (
    "딥시크의 추론 모델은 557만6000달러에 훈련됐다.\n"
    "엔비디아가 하루 만에 17% 떨어졌다.\n\n"
    "마크 앤드리센은 이를 두고 스푸트니크 모먼트라고 했다.\n"
)


def _through_typer(args: list[str]) -> list[str]:
    """The same command in a form the quick path leaves to typer (`--format=X`)."""
    words, fmt = list(args), "text"
    for flag in ("-f", "--format"):
        if flag in words:
            at = words.index(flag)
            fmt = words[at + 1]
            del words[at : at + 2]
    return [*words, f"--format={fmt}"]


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "article.ko.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["ARTICLE"],
        ["ARTICLE", "--engine", "none", "-f", "json"],
        ["ARTICLE", "-e", "argos", "-f", "bilingual", "--from", "ko", "--to", "en"],
        ["ARTICLE", "-g", str(DATA / "glossary"), "--threads", "1", "--compute-type", "int8"],
        ["ARTICLE", "--no-glossary", "--device", "cpu", "-f", "json"],
        ["-", "-e", "none"],  # stdin
        [],  # stdin, nothing named
        ["MISSING"],
        ["ARTICLE", "--engine", "nosuch"],
        ["ARTICLE", "--to", "fr"],
        ["ARTICLE", "--compute-type", "float99"],
        ["FOLDER"],  # a folder needs --output
        ["LATIN1"],  # not UTF-8
    ],
)
def test_a_quick_translation_is_what_typer_gives(args, article, tmp_path, installed_models):
    names = {"ARTICLE": article, "MISSING": tmp_path / "missing.txt", "FOLDER": tmp_path}
    (tmp_path / "latin1.txt").write_bytes("café, 딥시크".encode()[:-1] + b"\xe9")
    names["LATIN1"] = tmp_path / "latin1.txt"
    quick = ["translate", *(str(names.get(word, word)) for word in args)]
    fast = run_bilingo(*quick, input=ARTICLE)
    slow = run_bilingo(*_through_typer(quick), input=ARTICLE)
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        slow.returncode,
        slow.stdout,
        slow.stderr,
    )


def test_a_quick_translation_writes_the_output_file_typer_writes(
    article, tmp_path, installed_models
):
    fast, slow = tmp_path / "fast.json", tmp_path / "slow.json"
    first = run_bilingo("translate", article, "-o", fast, "-f", "json")
    second = run_bilingo("translate", article, "-o", slow, "--format=json")
    assert (first.returncode, first.stderr) == (second.returncode, second.stderr) == (0, b"")
    assert fast.read_bytes() == slow.read_bytes()
    assert json.loads(fast.read_text("utf-8"))["terms"]  # the glossary was applied


@pytest.mark.parametrize(
    "args",
    [
        ["translate", "a.txt", "--format=json"],
        ["translate", "--help"],
        ["translate", "a.txt", "-f", "xml"],
        ["translate", "a.txt", "--threads", "-1"],
        ["translate", "a.txt", "--threads", "two"],
        ["translate", "a.txt", "b.txt"],
        ["translate", "a.txt", "--engine"],
        ["translate", "a.txt", "--from", "ko", "--from", "en"],
        ["translate", "a.txt", "--bogus"],
        ["--debug", "translate", "a.txt"],
        ["lookup", "딥시크"],
    ],
)
def test_typer_runs_every_other_form_of_translate(args):
    from bilingo.cli.translating import quick_request

    assert quick_request(args) is None


def test_the_quick_form_carries_every_option():
    from bilingo.cli.translating import quick_request, run_translate

    request = quick_request(
        ["translate", "in.txt", "--from", "en", "--to", "ko", "-e", "none", "-f", "json",
         "-o", "out.json", "--no-glossary", "--threads", "3", "--compute-type", "int8",
         "--device", "auto", "-g", "a.yaml", "--glossary", "b"]
    )  # fmt: skip
    assert request == {
        "source": Path("in.txt"),
        "from_lang": "en",
        "to_lang": "ko",
        "engine": "none",
        "output_format": "json",
        "output": Path("out.json"),
        "no_glossary": True,
        "threads": 3,
        "compute_type": "int8",
        "device": "auto",
        "glossary_paths": [Path("a.yaml"), Path("b")],
    }
    parameters = set(inspect.signature(run_translate).parameters)
    assert set(request) == parameters  # nothing the command takes is left out


def test_an_option_typer_rejects_is_still_rejected_by_typer(article):
    result = run_bilingo("translate", article, "--threads", "two")
    assert result.returncode == 2
    assert b"Invalid value for '--threads'" in result.stderr


def test_the_quick_translate_path_imports_nothing_it_does_not_use(article, installed_models):
    """Neither typer, nor asyncio (ctranslate2's, for async generators), nor inspect
    (dataclasses', for classes without a docstring)."""
    code = (
        "import atexit, sys\n"
        "unused = ('typer', 'asyncio', 'inspect')\n"
        "atexit.register(lambda: print([m for m in unused if m in sys.modules], file=sys.stderr))\n"
        f"sys.argv = ['bilingo', 'translate', {str(article)!r}, '-e', 'argos']\n"
        "from bilingo.cli import main\n"
        "main()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "[]"
    assert "DeepSeek" in result.stdout


def test_the_root_help_imports_no_command_s_work():
    """`bilingo --help` registers every command to list it, but runs none: the translation
    package and the glossary (what translate and lookup import to work) stay unimported, and
    so do the term rows and JSON, which typer and rich do not import either."""
    code = (
        "import atexit, sys\n"
        "unused = ('bilingo.translation', 'bilingo.glossary', 'bilingo.matcher', 'bilingo.terms',"
        " 'json')\n"
        "atexit.register(lambda: print([m for m in unused if m in sys.modules], file=sys.stderr))\n"
        "sys.argv = ['bilingo', '--help']\n"
        "from bilingo.cli import main\n"
        "main()\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "[]"
    assert "translate" in result.stdout and "lookup" in result.stdout


def test_the_quick_paths_end_their_process_after_the_exit_handlers(tmp_path):
    """end_process skips tearing Python down, not what a normal exit does first: exit
    handlers (the wait for background cache writers) run, buffered output is written."""
    marker = tmp_path / "handler-ran"
    code = (
        "import atexit, pathlib, sys\n"
        "from bilingo.cli.running import end_process\n"
        f"atexit.register(lambda: pathlib.Path({str(marker)!r}).write_text('yes'))\n"
        "sys.stdout.write('buffered, no newline')\n"
        "end_process(3)\n"
        "print('never reached')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (3, "buffered, no newline", "")
    assert marker.read_text() == "yes"
