"""The shared --format option: every listing command speaks table, json, jsonl, csv and tsv."""

from __future__ import annotations

import csv
import io
import json

TEXT = "딥시크의 모델이 나오자 엔비디아가 급락했다.\n하이퍼스케일러들은 긴장했다.\n"


def test_scan_jsonl_is_the_json_list_one_object_per_line(cli, sample_glossary):
    as_json = json.loads(cli("scan", "-f", "json", "-g", sample_glossary, input=TEXT).stdout)
    lines = cli("scan", "-f", "jsonl", "-g", sample_glossary, input=TEXT).stdout.splitlines()
    assert [json.loads(line) for line in lines] == as_json
    assert len(as_json) == 3


def test_scan_csv_and_tsv_have_one_header_and_a_row_per_match(cli, sample_glossary):
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        result = cli("scan", "-f", fmt, "-g", sample_glossary, input=TEXT)
        rows = list(csv.reader(io.StringIO(result.stdout), delimiter=delimiter))
        assert rows[0] == ["line", "column", "start", "end", "text", "particle", "ko", "en", "type"]
        assert rows[1] == ["1", "1", "0", "3", "딥시크", "의", "딥시크", "DeepSeek", "org"]
        assert [row[0] for row in rows[1:]] == ["1", "1", "2"]
        assert result.stderr == "3 matches\n"


def test_lookup_jsonl(cli, sample_glossary):
    result = cli("lookup", "엔비디아가", "-f", "jsonl", "-g", sample_glossary)
    assert [json.loads(line)["en"] for line in result.stdout.splitlines()] == ["Nvidia"]


def test_check_jsonl_and_csv(cli, sample_glossary, tmp_path):
    source, translation = tmp_path / "ko.txt", tmp_path / "en.txt"
    source.write_text("딥시크가 나왔다.\n엔비디아가 급락했다.\n", encoding="utf-8")
    translation.write_text("Dipsik came out.\nNvidia fell.\n", encoding="utf-8")
    result = cli("check", source, translation, "-f", "jsonl", "-g", sample_glossary)
    assert result.exit_code == 3
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {
            "segment": 1,
            "ko": "딥시크",
            "expected": "DeepSeek",
            "found": "Dipsik",
            "kind": "misspelled",
        }
    ]
    rows = cli("check", source, translation, "-f", "csv", "-g", sample_glossary).stdout
    assert rows.splitlines()[0] == "segment,kind,ko,expected,found"


def test_clean_check_in_jsonl_prints_nothing(cli, sample_glossary, tmp_path):
    source, translation = tmp_path / "ko.txt", tmp_path / "en.txt"
    source.write_text("엔비디아가 급락했다.\n", encoding="utf-8")
    translation.write_text("Nvidia fell.\n", encoding="utf-8")
    result = cli("check", source, translation, "-f", "jsonl", "-g", sample_glossary)
    assert (result.exit_code, result.stdout) == (0, "")


def test_extract_rows_as_csv(cli, sample_glossary):
    article = "캐나다 AI 기업 코히어(Cohere)의 에이단 고메즈(Aidan Gomez) 대표가 말했다.\n"
    result = cli("extract", "-f", "csv", "-g", sample_glossary, input=article)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == ["kind", "ko", "en", "count", "review"]
    assert ["pair", "에이단 고메즈", "Aidan Gomez"] in [row[:3] for row in rows]
