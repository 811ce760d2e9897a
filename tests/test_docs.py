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
