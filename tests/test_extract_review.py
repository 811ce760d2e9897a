"""The review loop of issue 14: `extract` writes a file to edit, `glossary import` merges what
the translator kept (real subprocess runs of the installed command)."""

from __future__ import annotations

import re

import yaml

from .conftest import run_bilingo

ARTICLE = (
    "캐나다 AI 기업 로렌티스(Laurentis)의 에밀 드보르(Emil Devore) 최고경영자(CEO)는 "
    "새 모델을 공개했다.\n"
    "켈바트로닉스는 웨이퍼 크기의 칩으로 추론 시장을 노린다. 켈바트로닉스의 상장 계획도 관심이다.\n"
    "김도윤 대표는 “스펙트럴 스케일링 법칙이 한계에 왔다”고 말했다.\n"
)


def uncommented_first_candidate(text: str) -> tuple[str, str]:
    """The file with its first commented-out candidate's entry lines uncommented, and its ko."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("  # - ko: "))
    end = start + 1
    while end < len(lines) and re.match(r"  #   \w+:", lines[end]):
        end += 1
    for i in range(start, end):
        lines[i] = "  " + lines[i][4:]
    return "".join(lines), lines[start].split("ko: ")[1].strip()


def test_extract_then_import_what_was_kept(tmp_path):
    article = tmp_path / "news.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.yaml"
    empty.write_text("terms: []\n", encoding="utf-8")
    proposed = run_bilingo("extract", article, "-g", empty)
    assert proposed.returncode == 0, proposed.stderr
    text = proposed.stdout.decode()
    live = yaml.safe_load(text)["terms"]
    assert [entry["ko"] for entry in live] == ["로렌티스", "에밀 드보르", "최고경영자"]
    assert "켈바트로닉스" in text and "# in: " in text  # a candidate, with its context

    proposals, mine = tmp_path / "proposals.yaml", tmp_path / "mine.yaml"
    proposals.write_text(text, encoding="utf-8")
    first = run_bilingo("glossary", "import", proposals, "--into", mine)
    assert first.returncode == 0, first.stderr
    assert b"added 3 entries" in first.stdout  # the pairs; the candidates are comments

    kept, ko = uncommented_first_candidate(text)
    proposals.write_text(kept, encoding="utf-8")
    second = run_bilingo("glossary", "import", proposals, "--into", mine)
    assert second.returncode == 0, second.stderr
    assert b"added 1 entry" in second.stdout and b"skipped 3 already there" in second.stdout
    found = run_bilingo("lookup", ko, "-g", mine)
    assert found.returncode == 0 and ko.encode() in found.stdout
