"""A glossary nested thousands deep is one plain error from every command that reads it."""

from __future__ import annotations

import pytest

NESTED_TOO_DEEP = (
    "lists and mappings are nested more than 50 deep here; a glossary needs 4, "
    "so this is not a glossary"
)


def deep_glossary(folder, opener: str):
    """An entry whose `en` opens 50,000 lists (`[`) or mappings (`{`) on line 3."""
    value = "[" * 50_000 + "]" * 50_000 if opener == "[" else "{a: " * 50_000 + "b" + "}" * 50_000
    path = folder / "deep.yaml"
    path.write_text(f"terms:\n  - ko: 딥시크\n    en: {value}\n", encoding="utf-8")
    return path


COMMANDS = {
    "import": lambda deep, other: ("glossary", "import", deep, "--into", other),
    "validate": lambda deep, other: ("glossary", "validate", deep),
    "lookup": lambda deep, other: ("lookup", "딥시크", "-g", deep),
}


@pytest.mark.parametrize("opener", ["[", "{"])
@pytest.mark.parametrize("command", list(COMMANDS))
def test_reading_a_deeply_nested_glossary_is_one_plain_error(cli, tmp_path, command, opener):
    deep, other = deep_glossary(tmp_path, opener), tmp_path / "x.yaml"
    result = cli(*COMMANDS[command](deep, other))
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == f"error: {deep}:3: {NESTED_TOO_DEEP}\n"
    assert not other.exists()


@pytest.mark.parametrize("opener", ["[", "{"])
def test_writing_into_a_deeply_nested_glossary_is_one_plain_error(cli, tmp_path, opener):
    deep = deep_glossary(tmp_path, opener)
    before = deep.read_bytes()
    result = cli("add", "새말", "new word", "--into", deep)
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == f"error: {deep}:3: {NESTED_TOO_DEEP}\n"
    assert deep.read_bytes() == before
