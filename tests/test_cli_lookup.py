"""`bilingo lookup`: exact output and exit codes."""

import csv
import io
import json


def test_table_output(cli, sample_glossary):
    result = cli("lookup", "딥시크의", "--glossary", sample_glossary)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ko", "en", "type", "variants", "en_variants", "note", "source"]
    assert lines[2].split()[:4] == ["딥시크", "DeepSeek", "org", "딥"]
    assert lines[2].endswith(f"{sample_glossary / 'ai.yaml'}:4")
    assert len(lines) == 3


def test_json_output_matches_the_contract(cli, sample_glossary):
    result = cli("lookup", "엔비디아가", "--format", "json", "-g", sample_glossary)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {
            "ko": "엔비디아",
            "en": "Nvidia",
            "type": "org",
            "variants": [],
            "en_variants": ["NVIDIA"],
            "note": None,
            "source": f"{sample_glossary / 'ai.yaml'}:16",
            "forms": {},
            "sense": {},
        }
    ]


def test_csv_and_tsv_output(cli, sample_glossary):
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        result = cli("lookup", "샘 알트만", "--format", fmt, "-g", sample_glossary)
        rows = list(csv.reader(io.StringIO(result.stdout), delimiter=delimiter))
        assert rows[0] == ["ko", "en", "type", "variants", "en_variants", "note", "source"]
        assert rows[1][:4] == ["샘 올트먼", "Sam Altman", "person", "샘 알트만"]


def test_reverse_lookup(cli, sample_glossary):
    result = cli("lookup", "marc andreessen", "--reverse", "-f", "json", "-g", sample_glossary)
    assert [entry["ko"] for entry in json.loads(result.stdout)] == ["마크 앤드리센"]


def test_no_match_suggests_and_exits_1(cli, sample_glossary):
    result = cli("lookup", "딥시", "-g", sample_glossary)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == "no entry for `딥시`\ndid you mean: 딥시크\n"


def test_empty_query_exits_1(cli, sample_glossary):
    result = cli("lookup", " ", "-g", sample_glossary)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: the query is empty")


def test_bad_glossary_exits_1_naming_file_and_line(cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("terms:\n  - ko: 딥시크\n    en: [x\n", encoding="utf-8")
    result = cli("lookup", "딥시크", "-g", bad)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {bad}:4: malformed YAML")
    assert "Traceback" not in result.stderr


def test_wrong_option_exits_2_with_usage(cli, sample_glossary):
    result = cli("lookup", "딥시크", "--format", "xml", "-g", sample_glossary)
    assert result.exit_code == 2
    assert "Usage:" in result.stderr


def test_missing_argument_exits_2(cli):
    result = cli("lookup")
    assert result.exit_code == 2
    assert "Usage:" in result.stderr


def test_default_glossary_is_used_without_options(cli):
    result = cli("lookup", "엔비디아가", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["en"] == "Nvidia"


def test_no_match_says_what_the_loanword_spelling_rules_give(cli, sample_glossary):
    """The loanword-origin index (issue 14) answers what no entry does, both ways."""
    english = cli("lookup", "software", "--reverse", "-g", sample_glossary)
    assert english.exit_code == 1
    assert english.stderr.splitlines()[-1] == "spelled in Korean by the loanword rules: 소프트웨어"
    korean = cli("lookup", "사르코지", "-g", sample_glossary)
    assert korean.exit_code == 1
    assert korean.stderr.splitlines()[-1] == "spelled as the English: Sarkozy"
    native = cli("lookup", "없는말이에요", "-g", sample_glossary)
    assert native.stderr == "no entry for `없는말이에요`\n"  # no foreign spelling has ㅄ
