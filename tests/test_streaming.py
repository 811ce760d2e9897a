"""Translation part by part: the same output as all at once, in bounded memory; outputs never overwrite inputs."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from bilingo import get_engine, load_glossary
from bilingo.translation import document_parts, run_pipeline, translate_stream

SEED = Path(__file__).parent.parent / "seeds" / "deepseek_article.txt"


@pytest.fixture(scope="module")
def document() -> str:
    text = SEED.read_text(encoding="utf-8")
    english = "DeepSeek and Nvidia met. A hard-wrapped English line that goes on and on\nand continues here.\n"
    return text + "\n\n" + text.replace("\n", "\r\n") + "  \n\n   끝.\n" + english


@pytest.mark.parametrize("fmt", ["text", "bilingual", "json"])
@pytest.mark.parametrize("part_size", [1, 80, 2000, 10**7])
def test_streamed_output_equals_the_whole(document, fmt, part_size):
    glossary, engine = load_glossary(), get_engine("none", "ko", "en")
    written = io.StringIO()
    lines = io.StringIO(document, newline="")
    summary = translate_stream(lines, glossary, engine, written.write, fmt, part_size=part_size)
    whole = run_pipeline(document, glossary, engine)
    assert written.getvalue() == whole.render(fmt)
    assert summary.repairs == whole.repairs and summary.segments == len(whole.segments)


def test_parts_are_cut_only_between_paragraphs():
    wrapped = "An English paragraph hard-wrapped at forty or more characters\nwhich goes on here.\n"
    parts = list(document_parts(io.StringIO(wrapped * 3, newline=""), size=1))
    assert parts == [wrapped] * 3


def test_empty_input_still_gives_the_json_contract():
    written = io.StringIO()
    translate_stream(io.StringIO(""), None, get_engine("none", "ko", "en"), written.write, "json")
    assert json.loads(written.getvalue())["segments"] == []
    assert json.loads(written.getvalue())["engine"] == "none"


def test_output_over_the_input_is_refused(cli, tmp_path):
    source = tmp_path / "article.txt"
    source.write_text("딥시크가 557만6000달러를 썼다.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(source)
    for output in (source, link, tmp_path / "." / "article.txt"):
        result = cli("translate", source, "-e", "none", "--output", output)
        assert result.exit_code == 2
        assert "is the input file" in result.stderr
    assert source.read_text(encoding="utf-8") == "딥시크가 557만6000달러를 썼다.\n"


def test_a_folder_into_itself_is_refused(cli, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("딥시크\n", encoding="utf-8")
    result = cli("translate", folder, "-e", "none", "--output", folder)
    assert result.exit_code == 2
    assert "is the folder being translated" in result.stderr
    assert (folder / "a.txt").read_text(encoding="utf-8") == "딥시크\n"


def test_from_en_alone_translates_into_korean(cli):
    result = cli("translate", "--from", "en", "-e", "none", input="DeepSeek and Nvidia\n")
    assert (result.exit_code, result.stdout) == (0, "딥시크 and 엔비디아\n")


def test_large_input_is_translated_in_bounded_memory(tmp_path):
    """A 12 MB article translated to JSON (--engine none) peaks well below its in-memory size.

    Held whole, 12 MB of Korean took about 200 MB (100 MB took 1.74 GB); part by
    part the peak is the interpreter, the glossary and one part.
    """
    line = "딥시크의 개발비는 557만6000달러였고 엔비디아는 5890억달러를 잃었다. " * 8 + "\n"
    source = tmp_path / "big.txt"
    with source.open("w", encoding="utf-8") as out:
        for _ in range(12 * 1024 * 1024 // len(line.encode())):
            out.write(line)
    output = tmp_path / "big.json"
    measure = (
        "import resource, subprocess, sys\n"
        "code = subprocess.run(sys.argv[1:]).returncode\n"
        "print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    bilingo = Path(sys.executable).parent / "bilingo"
    command = [str(bilingo), "translate", source, "-e", "none", "-f", "json", "-o", output]
    import subprocess

    result = subprocess.run(
        [sys.executable, "-c", measure, *map(str, command)],
        capture_output=True, text=True, env=os.environ.copy(), timeout=600,
    )  # fmt: skip
    code, peak_kib = map(int, result.stdout.split())
    assert code == 0, result.stderr
    assert peak_kib < 120_000, f"peak memory {peak_kib} KiB for a 12 MB input"
    with output.open(encoding="utf-8") as handle:
        assert handle.read(50).startswith('{\n  "translation": "DeepSeek의 개발비는 $5.576 million')
