"""What the command says: escaped control characters, helpful misses, plurals, options where users put them."""

from __future__ import annotations

import csv
import io


def write_glossary(tmp_path, body: str):
    path = tmp_path / "g.yaml"
    path.write_text("terms:\n" + body, encoding="utf-8")
    return path


def test_control_characters_in_glossary_values_reach_the_terminal_escaped(cli, tmp_path):
    glossary = write_glossary(
        tmp_path, '  - ko: 악성\n    en: "evil\\e]0;pwned\\a"\n    note: "\\e[31mred"\n'
    )
    table = cli("lookup", "악성", "-g", glossary)
    assert table.exit_code == 0
    assert "\x1b" not in table.stdout and "\x07" not in table.stdout
    assert "evil\\x1b]0;pwned\\x07" in table.stdout
    added = cli("add", "악성2", "bad\x1b[2Jword", "--into", glossary, "-g", glossary)
    assert added.exit_code == 0
    assert "\x1b" not in added.stdout and "bad\\x1b[2Jword" in added.stdout


def test_english_looked_up_without_reverse_points_at_reverse(cli, sample_glossary):
    result = cli("lookup", "Nvidia", "-g", sample_glossary)
    assert result.exit_code == 1
    assert result.stderr == (
        "no entry for `Nvidia`\n"
        "`Nvidia` is the English of: 엔비디아 (look up English with --reverse)\n"
    )
    close = cli("lookup", "Nvidea", "-g", sample_glossary)
    assert close.stderr.splitlines()[1] == "did you mean --reverse: Nvidia"


def test_glossary_option_before_the_command(cli, sample_glossary):
    result = cli("-g", sample_glossary, "lookup", "딥시크의", "-f", "json")
    assert result.exit_code == 0
    assert '"source": "' + str(sample_glossary / "ai.yaml") + ':4"' in result.stdout


def test_counts_in_messages_agree_in_number(cli, tmp_path):
    glossary = write_glossary(tmp_path, "  - ko: 하나\n    en: one\n")
    assert cli("glossary", "validate", glossary).stdout == "ok: 1 entry\n"
    stats = cli("glossary", "stats", "-g", glossary).stdout
    assert stats.splitlines()[-1] == "total: 1 entry in 1 file"
    exported = cli("glossary", "export", "-f", "csv", "-o", tmp_path / "x.csv", "-g", glossary)
    assert exported.stderr == f"exported 1 entry to {tmp_path / 'x.csv'}\n"
    imported = cli("glossary", "import", tmp_path / "x.csv", "--into", tmp_path / "new.yaml")
    assert imported.stdout.startswith("added 1 entry to ")


def test_lists_are_joined_the_same_way_everywhere(cli, tmp_path):
    glossary = write_glossary(
        tmp_path, "  - ko: 하나\n    en: one\n    variants: [한개, 하나의것]\n"
    )
    lookup = cli("lookup", "하나", "-f", "csv", "-g", glossary).stdout
    exported = cli("glossary", "export", "-f", "csv", "--rich", "-g", glossary).stdout
    assert list(csv.reader(io.StringIO(lookup)))[1][3] == "한개|하나의것"
    assert list(csv.reader(io.StringIO(exported)))[1][3] == "한개|하나의것"


def test_shell_completion_is_offered(cli):
    assert "--install-completion" in cli("--help").stdout
