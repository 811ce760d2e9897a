"""`bilingo translate`: formats, files and folders, errors, and the real command end to end."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .conftest import run_bilingo

SEEDS = Path(__file__).parent.parent / "seeds"
ARTICLE = "딥시크의 모델이 공개됐다.\n\n엔비디아는 5890억달러를 잃었다. ‘스푸트니크 모먼트’라는 말이 나왔다.\n"
PREPARED = (
    "DeepSeek의 model이 공개됐다.\n\n"
    "Nvidia는 $589 billion를 잃었다. ‘Sputnik moment’라는 말이 나왔다.\n"
)


def test_text_output(cli):
    result = cli("translate", "--engine", "none", input=ARTICLE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == PREPARED


def test_json_contract(cli):
    result = cli("translate", "-e", "none", "--format", "json", input=ARTICLE)
    data = json.loads(result.stdout)
    assert set(data) == {
        "translation",
        "source_lang",
        "target_lang",
        "engine",
        "segments",
        "terms",
        "repairs",
        "decisions",
        "signature",
    }
    assert data["translation"] == PREPARED
    assert (data["source_lang"], data["target_lang"], data["engine"], data["repairs"]) == (
        "ko",
        "en",
        "none",
        0,
    )
    assert data["segments"][0] == {
        "source": "딥시크의 모델이 공개됐다.",
        "target": "DeepSeek의 model이 공개됐다.",
    }
    assert {"ko": "딥시크", "en": "DeepSeek", "count": 1} in data["terms"]
    # one decision per hit and per figure, in document order, offsets into the input
    assert [(d["ko"], d["action"], d["inserted"]) for d in data["decisions"]] == [
        ("딥시크", "insert", "DeepSeek"),
        ("모델", "insert", "model"),
        ("엔비디아", "insert", "Nvidia"),
        ("5890억달러", "insert", "$589 billion"),
        ("스푸트니크 모먼트", "insert", "Sputnik moment"),
    ]
    assert all(ARTICLE[d["start"] : d["end"]] == d["text"] for d in data["decisions"])
    assert set(data["signature"]) >= {"engine", "glossary", "bilingo"}


def test_bilingual_output(cli):
    result = cli("translate", "-e", "none", "-f", "bilingual", input=ARTICLE)
    assert result.stdout == (
        "딥시크의 모델이 공개됐다.\nDeepSeek의 model이 공개됐다.\n\n"
        "엔비디아는 5890억달러를 잃었다. ‘스푸트니크 모먼트’라는 말이 나왔다.\n"
        "Nvidia는 $589 billion를 잃었다. ‘Sputnik moment’라는 말이 나왔다.\n"
    )


def test_no_glossary(cli):
    result = cli("translate", "-e", "none", "--no-glossary", input="딥시크가 600만 달러를 썼다\n")
    assert result.stdout == "딥시크가 $6 million를 썼다\n"


def test_output_file(cli, tmp_path):
    source = tmp_path / "article.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    result = cli("translate", source, "-e", "none", "--output", tmp_path / "out" / "article.en.txt")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert (tmp_path / "out" / "article.en.txt").read_text(encoding="utf-8") == PREPARED


def test_folder_keeps_names(cli, tmp_path):
    source = tmp_path / "in"
    (source / "sub").mkdir(parents=True)
    (source / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (source / "sub" / "b.md").write_text("# 딥시크\n", encoding="utf-8")
    (source / "skip.pdf").write_bytes(b"%PDF")
    result = cli("translate", source, "-e", "none", "--output", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == PREPARED
    assert (tmp_path / "out" / "sub" / "b.md").read_text(encoding="utf-8") == "# DeepSeek\n"
    assert not (tmp_path / "out" / "skip.pdf").exists()
    assert result.stderr == f"translated 2 files into {tmp_path / 'out'}\n"


def test_folder_needs_output(cli, tmp_path):
    result = cli("translate", tmp_path, "-e", "none")
    assert result.exit_code == 2
    assert "give --output FOLDER" in result.stderr


def test_english_to_korean(cli):
    result = cli(
        "translate", "--from", "en", "--to", "ko", "-e", "none", input="DeepSeek and Nvidia\n"
    )
    assert result.stdout == "딥시크 and 엔비디아\n"


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--from", "ja", "--to", "en"], 2, "bilingo translates ko→en and en→ko, not ja→en"),
        (["--engine", "deepl"], 2, "error: unknown engine 'deepl'; choose one of: argos, none"),
        (
            [],
            1,
            "no ko→en model is installed; run `bilingo model install ko en`, or "
            "`bilingo model install --file PATH.argosmodel`",
        ),
    ],
)
def test_usage_and_missing_model(cli, args, code, message):
    result = cli("translate", *args, input=ARTICLE)
    assert result.exit_code == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_is_reported_before_the_model(cli, tmp_path):
    result = cli("translate", tmp_path / "nope.txt")
    assert result.exit_code == 1
    assert (
        result.stderr
        == f"error: cannot read {tmp_path / 'nope.txt'}: no such file; check the path\n"
    )


def test_not_utf8_input(cli):
    result = cli("translate", "-e", "none", input=ARTICLE.encode("cp949"))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: standard input is not UTF-8")


def test_end_to_end_with_a_real_model(tiny_packages, tmp_path):
    """The installed command: install the tiny package from its file, translate the sample article."""
    install = run_bilingo("model", "install", "--file", tiny_packages["ko-en"])
    assert install.returncode == 0, install.stderr
    article = tmp_path / "article.txt"
    shutil.copy(SEEDS / "deepseek_article.txt", article)
    argos = run_bilingo("translate", article, "--engine", "argos")
    plain = run_bilingo("translate", article, "--engine", "none")
    assert argos.returncode == 0, argos.stderr
    assert argos.stdout == plain.stdout
    assert b"DeepSeek" in argos.stdout and b"$5.576 million" in argos.stdout
    assert argos.stderr == b""  # no progress bar when piped


def test_english_to_korean_with_a_real_model(cli, installed_models):
    text = "DeepSeek and Nvidia met hyperscalers in Seoul.\n"
    argos = cli("translate", "--from", "en", "--to", "ko", "--engine", "argos", input=text)
    plain = cli("translate", "--from", "en", "--to", "ko", "--engine", "none", input=text)
    assert argos.exit_code == 0, argos.stderr
    assert argos.stdout == plain.stdout == "딥시크 and 엔비디아 met 하이퍼스케일러 in 서울.\n"


def test_progress_bar_only_on_a_terminal(monkeypatch):
    import io
    import sys

    from bilingo.cli import progress_bar

    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    with progress_bar("translating") as progress:
        assert progress is None
    assert piped.getvalue() == ""

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    with progress_bar("translating") as progress:
        progress(5, 10)
        progress(10, 10)
    assert "translating" in terminal.getvalue()
