"""`bilingo scan`: exact output, JSON contract, and bad input."""

import json
import subprocess
import sys

from .conftest import BILINGO

ARTICLE = "딥시크의 모델이 나오자\n엔비디아가 17% 급락했다. ‘스푸트니크 모먼트’라는 말도 나왔다.\n"


def test_table(cli, sample_glossary):
    result = cli("scan", "-g", sample_glossary, input=ARTICLE)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "line:col    text               particle    ko                 en              type",
        "----------  -----------------  ----------  -----------------  --------------  ------",
        "1:1         딥시크             의          딥시크             DeepSeek        org",
        "2:1         엔비디아           가          엔비디아           Nvidia          org",
        "2:18        스푸트니크 모먼트              스푸트니크 모먼트  Sputnik moment  term",
    ]
    assert result.stderr == "3 matches\n"


def test_json_contract(cli, sample_glossary, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = cli("scan", article, "--format", "json", "-g", sample_glossary)
    found = json.loads(result.stdout)
    assert found[0] == {
        "start": 0,
        "end": 3,
        "text": "딥시크",
        "particle": "의",
        "ko": "딥시크",
        "en": "DeepSeek",
        "type": "org",
    }
    assert [(m["start"], m["end"]) for m in found] == [(0, 3), (13, 17), (30, 39)]
    assert all(ARTICLE[m["start"] : m["end"]] == m["text"] for m in found)


def test_empty_input(cli, sample_glossary):
    result = cli("scan", "-f", "json", "-g", sample_glossary, input="")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


def test_not_utf8(cli, sample_glossary):
    result = cli("scan", "-g", sample_glossary, input="줄 하나\n딥시크".encode("cp949"))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: standard input is not UTF-8 (bad byte at line 1)")


def test_binary_file(cli, sample_glossary, tmp_path):
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    result = cli("scan", binary, "-g", sample_glossary)
    assert result.exit_code == 1
    assert result.stderr == f"error: {binary} looks like a binary file; give UTF-8 text\n"


def test_missing_file(cli, sample_glossary, tmp_path):
    result = cli("scan", tmp_path / "nope.txt", "-g", sample_glossary)
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"error: cannot read {tmp_path / 'nope.txt'}: no such file; check the path\n"
    )


def test_one_megabyte_line_without_newline(cli, sample_glossary):
    line = "가나다 딥시크의 라마 " * 80_000
    result = cli("scan", "-f", "json", "-g", sample_glossary, input=line)
    found = json.loads(result.stdout)
    assert len(found) == 80_000
    assert found[-1]["start"] == len(line) - 8


def test_large_file_streams_in_bounded_memory(sample_glossary, tmp_path):
    """A 50 MB file through the real command: correct count, memory far below the file's size × 4."""
    block = ("딥시크의 엔비디아 " + "가나다라마바사 " * 20 + "\n") * 1000
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        while handle.tell() < 50_000_000:
            handle.write(block)
    lines = big.read_text(encoding="utf-8").count("\n")
    # A fresh Python runs the command so that its peak memory is the only child's.
    measure = (
        "import resource, subprocess, sys;"
        "done = subprocess.run(sys.argv[2:], stdout=open(sys.argv[1], 'wb'));"
        "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    command = [str(BILINGO), "scan", str(big), "-f", "json", "-g", str(sample_glossary)]
    output = tmp_path / "scan.json"
    probe = subprocess.run(
        [sys.executable, "-c", measure, str(output), *command], capture_output=True, text=True
    )
    returncode, peak_kib = map(int, probe.stdout.split())
    assert returncode == 0
    assert output.read_bytes().count('"ko": "딥시크"'.encode()) == lines
    assert peak_kib < 150_000, f"peak memory {peak_kib} KiB for a 50 MB file"


def test_json_lines_equal_the_library_dicts(cli, sample_glossary):
    """The scan JSON is written by hand for speed; it must say exactly what Match.to_dict says."""
    from bilingo import load_glossary

    text = '따옴표 "딥시크"의 \\역슬래시 엔비디아가\n탭\t하이퍼스케일러들은 오픈AI\n'
    expected = [m.to_dict() for m in load_glossary([sample_glossary]).matcher().find(text)]
    result = cli("scan", "-f", "json", "-g", sample_glossary, input=text)
    assert json.loads(result.stdout) == expected
    assert len(expected) == 4


# A document that exercises every way a match's row is put together: particles, a spaced
# solid key, a figure next to a term, NFD text, quotes and backslashes, CRLF and empty lines.
AWKWARD = (
    "딥시크의 하이퍼스케일러들은 엔비디아가\r\n"
    "\r\n"
    '데이터 센터에서 600만 달러를 "딥시크"\\와 엔비디아\n'
    + "\u1104\u1175\u11b8시크가 말했다.\n"  # 딥 written in decomposed jamo
)


def test_every_format_writes_what_the_library_matches_give(cli, sample_glossary, tmp_path):
    """`scan` renders its rows from the glossary's rows, not from Match objects: every format
    still writes exactly what streaming the library's matches as dicts writes."""
    import contextlib
    import io

    from bilingo import load_glossary
    from bilingo.cli.output import stream
    from bilingo.cli.scan import JSON_COLUMNS, SCAN_COLUMNS
    from bilingo.matcher import scan_lines

    document = tmp_path / "awkward.txt"
    document.write_bytes(AWKWARD.encode())
    matcher = load_glossary([sample_glossary]).matcher()
    with document.open(encoding="utf-8", newline="") as handle:
        found = list(scan_lines(handle, matcher))
    assert len(found) >= 5

    def streamed(fmt: str) -> str:
        if fmt in ("json", "jsonl"):
            rows, columns = [m.match.to_dict() for m in found], JSON_COLUMNS
        elif fmt == "table":
            rows = [{"line:col": f"{m.line}:{m.column}", **m.match.to_dict()} for m in found]
            columns = SCAN_COLUMNS
        else:
            rows = [{"line": m.line, "column": m.column, **m.match.to_dict()} for m in found]
            columns = ["line", "column", *JSON_COLUMNS]
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            stream(iter(rows), columns, fmt)
        return out.getvalue()

    for fmt in ("json", "jsonl", "table", "csv", "tsv"):
        result = cli("scan", document, "-g", sample_glossary, "--format", fmt)
        assert result.stdout == streamed(fmt), fmt
