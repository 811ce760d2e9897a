"""Input in any Unicode form finds the glossary: NFD (macOS copy-paste), full-width Latin; offsets stay true."""

from __future__ import annotations

import json
import unicodedata

import pytest

from bilingo.normalize import normalize, normalize_with_offsets


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


ARTICLE = "딥시크의 모델이 나오자 엔비디아가 557만6000달러를 잃었다.\n"


def test_offsets_map_back_to_the_text_as_given():
    given = "AI " + nfd("딥시크의 엔비디아가") + " Ｈ１００ 칩"
    normalized, to_given = normalize_with_offsets(given)
    assert normalized == "AI 딥시크의 엔비디아가 H100 칩"
    for word in ("딥시크", "엔비디아", "H100", "칩"):
        start = normalized.index(word)
        end = start + len(word)
        assert normalize(given[to_given(start) : to_given(end)]) == word
    assert to_given(0) == 0 and to_given(len(normalized)) == len(given)


def test_already_normal_text_is_returned_as_is():
    text = "딥시크 AI"
    assert normalize_with_offsets(text)[0] is text


def test_scan_finds_terms_in_nfd_text_with_offsets_into_that_text(cli, sample_glossary):
    text = nfd(ARTICLE)
    result = cli("scan", "-f", "json", "-g", sample_glossary, input=text.encode())
    matches = json.loads(result.stdout)
    assert [m["ko"] for m in matches] == ["딥시크", "엔비디아"]
    for match in matches:
        assert normalize(text[match["start"] : match["end"]]) == match["ko"]


def test_translate_and_check_treat_nfd_like_nfc(cli, sample_glossary, tmp_path):
    translated = cli("translate", "-e", "none", "-g", sample_glossary, input=nfd(ARTICLE).encode())
    assert translated.stdout == "DeepSeek의 모델이 나오자 Nvidia가 $5.576 million를 잃었다.\n"
    source, translation = tmp_path / "ko.txt", tmp_path / "en.txt"
    source.write_text(nfd(ARTICLE), encoding="utf-8")
    translation.write_text("The model came out and shares fell.\n", encoding="utf-8")
    result = cli("check", source, translation, "-f", "json", "-g", sample_glossary)
    assert result.exit_code == 3
    assert [f["kind"] for f in json.loads(result.stdout)] == ["missing", "missing", "figure"]


def test_queries_and_glossary_values_in_nfd(cli, tmp_path):
    glossary = tmp_path / "nfd.yaml"
    glossary.write_text(
        nfd("terms:\n  - ko: 하이퍼스케일러\n    en: hyperscaler\n"), encoding="utf-8"
    )
    assert cli("lookup", "하이퍼스케일러들은", "-g", glossary).exit_code == 0
    assert cli("lookup", nfd("하이퍼스케일러의"), "-g", glossary).exit_code == 0
    found = cli("scan", "-f", "json", "-g", glossary, input="하이퍼스케일러가 늘었다\n")
    assert json.loads(found.stdout)[0]["ko"] == "하이퍼스케일러"


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_imported_tables_are_normalized(cli, tmp_path, fmt):
    delimiter = "," if fmt == "csv" else "\t"
    table = tmp_path / f"terms.{fmt}"
    table.write_text(nfd(f"딥시크{delimiter}DeepSeek\n"), encoding="utf-8")
    assert cli("glossary", "import", table, "--into", tmp_path / "out.yaml").exit_code == 0
    assert "ko: 딥시크\n" in (tmp_path / "out.yaml").read_text(encoding="utf-8")


def test_full_width_latin_finds_latin_terms(cli, sample_glossary):
    result = cli("scan", "-f", "json", "-g", sample_glossary, input="오픈ＡＩ가 발표했다\n")
    assert [m["ko"] for m in json.loads(result.stdout)] == ["오픈AI"]


def test_a_bad_byte_far_into_a_file_names_its_line(cli, sample_glossary, tmp_path):
    source = tmp_path / "long.txt"
    source.write_bytes("딥시크가 나왔다.\n".encode() * 5000 + b"bad \xff byte\n")
    result = cli("scan", source, "-g", sample_glossary)
    assert result.exit_code == 1
    assert "bad byte at line 5001" in result.stderr
