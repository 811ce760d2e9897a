"""Docs kept honest: every command has help, and every command the README shows exists."""

import re
from pathlib import Path

import pytest
import typer

from bilingo.cli import app

README = Path(__file__).parent.parent / "README.md"


def is_group(command) -> bool:
    # typer vendors its own click, so test for the shape rather than a click class.
    return hasattr(command, "commands")


def all_commands(group, path=()):
    yield path, group
    if is_group(group):
        for name, command in group.commands.items():
            yield from all_commands(command, (*path, name))


ROOT = typer.main.get_command(app)


@pytest.mark.parametrize(
    "path, command",
    list(all_commands(ROOT)),
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else "",
)
def test_every_command_has_help(path, command):
    assert (command.help or "").strip(), f"`bilingo {' '.join(path)}` has no help text"
    for parameter in command.params:
        if parameter.param_type_name == "option":
            assert parameter.help, (
                f"option {parameter.opts} of `bilingo {' '.join(path)}` has no help"
            )


def readme_commands() -> list[str]:
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:console|bash|sh)\n(.*?)```", text, flags=re.S)
    lines = [line for block in blocks for line in block.splitlines()]
    commands = []
    for line in lines:
        for part in re.split(r"&&|\|", line.removeprefix("$ ").split("  #")[0]):
            part = part.strip()
            if part.startswith("bilingo "):
                commands.append(part)
    return commands


def test_readme_shows_commands():
    assert len(readme_commands()) >= 5


@pytest.mark.parametrize("line", readme_commands())
def test_readme_commands_exist(line):
    words = line.split()[1:]
    command = ROOT
    while is_group(command) and words and not words[0].startswith("-"):
        assert words[0] in command.commands, f"README uses unknown command: {line}"
        command = command.commands[words.pop(0)]
    known = {opt for param in command.params for opt in getattr(param, "opts", [])}
    known |= {"--help"}
    for word in words:
        if word.startswith("--"):
            assert word.split("=")[0] in known, f"README uses unknown option {word}: {line}"


def test_readme_opens_with_the_two_commands():
    head = README.read_text(encoding="utf-8").split("\n## ")[0]
    assert "pip install" in head and "bilingo translate" in head
    assert "python -m pip install -e '.[test]' && python -m pytest" in head
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pip install -e '.[test]' && python -m pytest" in ci


def test_readme_python_section_runs(tmp_path):
    """The README's Python API section is run as it stands, twice, in a fresh home folder."""
    import os
    import subprocess
    import sys

    text = README.read_text(encoding="utf-8")
    code = re.search(r"## Python API.*?```python\n(.*?)```", text, flags=re.S).group(1)
    for _ in range(2):  # twice in a row in one home: it leaves nothing behind that breaks it
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={**os.environ, "BILINGO_HOME": str(tmp_path / "home")},
        )
        assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Nvidia ") and lines[0].endswith("companies.yaml:258")
    assert "DeepSeek의 개발비는 $5.576 million였다. 0" in lines
    assert "bilingo translates ko\u2192en and en\u2192ko, not ko\u2192ko" in lines
    assert any(line.endswith("update-entry DeepSeek") for line in lines)
    # add, update and remove went through the user's own file, which is left empty again
    own = (tmp_path / "home" / "my-glossary.yaml").read_text(encoding="utf-8")
    assert "바이링고뉴스" not in own and own.startswith("# bilingo glossary")


NOT_RUN = "<!-- transcript: not run"


def readme_transcripts() -> list[list[tuple[str, list[str]]]]:
    """Each console block of the README as (command, expected output lines) pairs.

    A block right after a `<!-- transcript: not run ... -->` comment is skipped
    (it needs a real model or the network).
    """
    text = README.read_text(encoding="utf-8")
    blocks = []
    for match in re.finditer(r"(<!--[^\n]*-->\n)?```console\n(.*?)```", text, flags=re.S):
        if match.group(1) and match.group(1).startswith(NOT_RUN):
            continue
        steps: list[tuple[str, list[str]]] = []
        for line in match.group(2).splitlines():
            if line.startswith("$ "):
                steps.append((line[2:].split("  #")[0].strip(), []))
            elif steps:
                steps[-1][1].append(line)
        blocks.append(steps)
    return blocks


def matches(expected: list[str], actual: list[str]) -> bool:
    """Lines equal (trailing spaces aside); `...` inside a line matches any text, alone any lines."""
    if not expected:
        return not actual
    if expected[0] == "...":
        return any(matches(expected[1:], actual[skip:]) for skip in range(len(actual) + 1))
    if not actual:
        return False
    pattern = ".*".join(re.escape(part) for part in expected[0].rstrip().split("..."))
    return bool(re.fullmatch(pattern, actual[0].rstrip())) and matches(expected[1:], actual[1:])


def test_readme_transcripts_match_what_the_commands_print(tmp_path):
    """Every shown command prints what the README says it prints (`$ cat F` makes F)."""
    import os
    import shutil
    import subprocess
    import sys

    shutil.copytree(README.parent / "seeds", tmp_path / "seeds")
    env = {**os.environ, "BILINGO_HOME": str(tmp_path / "bilingo"), "COLUMNS": "200"}
    env["PATH"] = f"{os.path.dirname(sys.executable)}{os.pathsep}{env['PATH']}"
    checked, status = 0, 0
    for block in readme_transcripts():
        for command, expected in block:
            cat = re.fullmatch(r"cat (\S+)", command)
            if cat and not (tmp_path / cat.group(1)).exists():
                (tmp_path / cat.group(1)).write_text("\n".join(expected) + "\n", encoding="utf-8")
                continue
            if command == "echo $?":
                actual = [str(status)]
            else:
                run = subprocess.run(
                    ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True
                )
                status, actual = run.returncode, (run.stdout + run.stderr).splitlines()
            if expected:
                assert matches(expected, actual), f"$ {command}\n" + "\n".join(actual)
                checked += 1
    assert checked >= 12
