"""An empty glossary (`terms: []`, a new team file passed with -g) is valid and finds nothing."""

from __future__ import annotations

import json

import pytest

from bilingo import load_glossary
from bilingo.matcher import EnglishTermMatcher, TermMatcher

ARTICLE = "딥시크의 AI 모델 개발비는 557만6000달러에 그쳤다.\n"


@pytest.fixture
def empty(tmp_path):
    path = tmp_path / "empty.yaml"
    path.write_text("# a new team glossary\nterms: []\n", encoding="utf-8")
    return path


def test_the_matchers_of_an_empty_glossary_find_nothing(empty):
    glossary = load_glossary([empty], use_cache=False)
    assert TermMatcher(glossary).find(ARTICLE) == []
    assert EnglishTermMatcher(glossary).find("DeepSeek and Nvidia") == []


@pytest.mark.parametrize("run", ["cold", "warm"])  # warm: the empty automaton comes from the cache
def test_commands_with_an_empty_glossary(cli, empty, tmp_path, run):
    if run == "warm":
        assert cli("scan", "-g", empty, input=ARTICLE).exit_code == 0

    scan = cli("scan", "--format", "json", "-g", empty, input=ARTICLE)
    assert (scan.exit_code, json.loads(scan.stdout)) == (0, [])

    translated = cli("translate", "--engine", "none", "-g", empty, input=ARTICLE)
    assert translated.exit_code == 0
    assert translated.stdout == "딥시크의 AI 모델 개발비는 $5.576 million에 그쳤다.\n"

    english = "DeepSeek and Nvidia spent $5.576 million.\n"
    reverse = cli(
        "translate", "--from", "en", "--to", "ko", "--engine", "none", "-g", empty, input=english
    )
    assert (reverse.exit_code, reverse.stdout) == (0, english)

    extracted = cli("extract", "--format", "json", "-g", empty, input=ARTICLE)
    assert extracted.exit_code == 0
    assert json.loads(extracted.stdout)["pairs"] == []

    source, translation = tmp_path / "source.txt", tmp_path / "translation.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    translation.write_text("DeepSeek's AI model cost only $5.576 million.\n", encoding="utf-8")
    checked = cli("check", source, translation, "--format", "json", "-g", empty)
    assert (checked.exit_code, json.loads(checked.stdout)) == (0, [])

    for result in (scan, translated, reverse, extracted, checked):
        assert "warning" not in result.stderr  # the empty automaton is cached like any other
