"""A JSON scan of a large file, split between this process and a forked child
(bilingo.cli.scan_halves): the same bytes as one process, the same errors."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilingo.cli.scan_halves import PARALLEL_FROM, first_half, second_half

from .conftest import run_bilingo

SRC = Path(__file__).parents[1] / "src"

# Lines of every kind a split must carry across: particles, CRLF, a lone CR (a line end of
# its own), Latin, multi-byte text without terms, a blank line.
KINDS = (
    "딥시크의 모델은 엔비디아가 만든 칩으로 훈련됐다.\r\n",
    "엔비디아는\r하루 만에 17% 떨어졌고 딥시크를 두고 말이 많았다.\n",
    "A plain English line about DeepSeek and Nvidia.\n",
    "가나다라마바사아자차카타파하 " * 8 + "\n",
    "\n",
)


def _large_text(path, bad_line: int | None = None) -> str:
    """A file just over PARALLEL_FROM bytes, a BOM first; with a cp949 line at `bad_line`."""
    lines = [KINDS[number % len(KINDS)] for number in range(PARALLEL_FROM // 40)]
    encoded = [line.encode() for line in lines]
    if bad_line is not None:
        encoded[bad_line - 1] = "잘못된 줄\n".encode("cp949")
    raw = "\ufeff".encode() + b"".join(encoded)
    assert len(raw) >= PARALLEL_FROM
    path.write_bytes(raw)
    return "".join(lines)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_split_scan_writes_what_one_process_writes(fmt, sample_glossary, tmp_path):
    big = tmp_path / "big.txt"
    text = _large_text(big)
    split = run_bilingo("scan", big, "-f", fmt, "-g", sample_glossary)
    whole = run_bilingo("scan", "-", "-f", fmt, "-g", sample_glossary, input=big.read_bytes())
    assert (split.returncode, split.stderr) == (0, b"")
    assert split.stdout == whole.stdout
    matches = (
        json.loads(split.stdout)
        if fmt == "json"
        else [json.loads(line) for line in split.stdout.splitlines()]
    )
    assert matches[-1]["start"] > len(text) * 0.9  # the second half's matches are there
    assert all(text[m["start"] : m["end"]] == m["text"] for m in matches)  # BOM not counted


@pytest.mark.parametrize("where", [0.25, 0.75])
def test_a_bad_byte_in_either_half_is_the_one_process_error(where, sample_glossary, tmp_path):
    big = tmp_path / "big.txt"
    bad_line = int(PARALLEL_FROM // 40 * where)
    _large_text(big, bad_line=bad_line)
    result = run_bilingo("scan", big, "-f", "json", "-g", sample_glossary)
    assert result.returncode == 1
    assert result.stderr.decode() == (
        f"error: {big} is not UTF-8 (bad byte at line {bad_line}); convert it first, "
        "e.g. `iconv -f cp949 -t utf-8 FILE`\n"
    )


def test_the_second_half_is_scanned_by_a_forked_child(sample_glossary, tmp_path):
    """In a process with one thread (the command's), the split forks, and its blocks are
    the blocks of one pass."""
    big = tmp_path / "big.txt"
    _large_text(big)
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from bilingo import load_glossary\n"
        "from bilingo.cli import scan, scan_halves\n"
        "from bilingo.cli.inputs import input_lines\n"
        "from bilingo.matcher import line_spans\n"
        "forks = []\n"
        "real_fork = os.fork\n"
        "os.fork = lambda: forks.append(1) or real_fork()\n"
        "path, glossary = Path(sys.argv[1]), load_glossary([Path(sys.argv[2])])\n"
        "matcher, rows = glossary.matcher(), glossary.rows\n"
        "assert scan_halves.splits(path)\n"
        "halves = scan_halves.json_blocks_in_halves(path, matcher, rows, scan.json_blocks)\n"
        "split = [item for block in halves for item in block]\n"
        "one = scan.json_blocks(line_spans(input_lines(path), matcher), rows)\n"
        "print(len(forks), split == [item for block in one for item in block], len(split))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(big), str(sample_glossary)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    forks, same, count = result.stdout.split()
    assert (forks, same) == ("1", "True")
    assert int(count) > 1000


@given(
    st.lists(st.sampled_from([*KINDS, "é\n", "딥\r", "x" * 50 + "\n"]), max_size=40),
    st.integers(min_value=0, max_value=3000),
)
def test_every_line_goes_to_one_half_with_its_place(lines, middle):
    first = list(first_half(lines, middle))
    number, offset, rest = second_half(lines, middle)
    rest = list(rest)
    assert first + rest == lines
    if rest:
        assert number == len(first) + 1
        assert offset == sum(map(len, first))
