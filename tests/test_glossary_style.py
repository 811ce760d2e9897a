"""Issue 11: the glossary's style, written down (docs/glossary-style.md) and checked.

`glossary validate` warns about persons without a note, one English on unrelated
headwords and two-syllable word headwords that look like ordinary Sino-Korean
words; `glossary stats` shows notes coverage; every built-in file says in its
header what it covers and its style basis.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilingo.glossary import check_glossary, default_glossary_dir
from bilingo.glossary.lint import SINO_KOREAN_SYLLABLES, looks_sino_korean

from .conftest import written

ROOT = Path(__file__).parent.parent
STYLE_SHEET = ROOT / "docs" / "glossary-style.md"


def warnings_of(*paths: Path) -> list[str]:
    terms, problems, found = check_glossary(list(paths))
    assert problems == []
    return found


# --------------------------------------------------------------------------- persons


def test_a_person_without_a_note_is_warned_about(cli, tmp_path):
    path = written(
        tmp_path,
        "terms:\n  - ko: 구윤철\n    en: Koo Yun-cheol\n    type: person\n"
        "  - ko: 이재명\n    en: Lee Jae-myung\n    type: person\n"
        "    note: South Korean president from June 2025\n"
        "  - ko: 엔비디아\n    en: Nvidia\n    type: org\n",
    )
    result = cli("glossary", "validate", path)
    assert result.exit_code == 0 and result.stdout == "ok: 3 entries\n"
    assert result.stderr.splitlines() == [
        f"warning: {path}:2: person `구윤철` has no note; say who they are and since when "
        '("Finance minister from 2025")'
    ]


# --------------------------------------------------------------------------- one English


def test_one_english_on_two_unrelated_headwords_names_both_places(cli, tmp_path):
    first = written(tmp_path, "terms:\n  - ko: 소셜미디어\n    en: social media\n", "a.yaml")
    second = written(
        tmp_path, "terms:\n  - ko: 엔비디아\n    en: Nvidia\n  - ko: SNS\n    en: Social Media\n"
    )
    result = cli("glossary", "validate", first, second)
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        f"warning: {second}:4: `SNS` has the English `Social Media` of `소셜미디어` ({first}:2) "
        "too; make one a variant of the other, or say in a note (naming the other) how they differ"
    ]


@pytest.mark.parametrize(
    "entries",
    [
        # one is the other's variant, either way round, spacing aside
        "  - ko: 딥시크\n    en: DeepSeek\n  - ko: 딥 시크 앱\n    en: deepseek\n"
        "    variants: [딥시크]\n",
        "  - ko: 딥시크\n    en: DeepSeek\n    variants: [딥씨크]\n"
        "  - ko: 딥씨크\n    en: DeepSeek\n",
        # a shared variant
        "  - ko: 딥시크\n    en: DeepSeek\n    variants: [딥씨크]\n"
        "  - ko: 딥시크 AI\n    en: DeepSeek\n    variants: [딥씨크]\n",
        # a note naming the other's headword: an old and a new name
        "  - ko: 기획재정부\n    en: Ministry of Economy and Finance\n"
        "    note: Until 2025; its economy and finance work then went to 재정경제부\n"
        "  - ko: 재정경제부\n    en: Ministry of Economy and Finance\n",
        "  - ko: 기획재정부\n    en: Ministry of Economy and Finance\n"
        "  - ko: 재정경제부\n    en: Ministry of Economy and Finance\n"
        "    note: From 2026, one of the two successors of 기획 재정부\n",
        # two countries' institutions
        "  - ko: 외교부\n    en: Ministry of Foreign Affairs\n    sense: {home: [한국]}\n"
        "  - ko: 외무성\n    en: Ministry of Foreign Affairs\n    sense: {home: [일본]}\n",
    ],
)
def test_related_headwords_may_share_their_english(tmp_path, entries):
    assert warnings_of(written(tmp_path, "terms:\n" + entries)) == []


def test_headwords_linked_through_a_third_are_related(tmp_path):
    path = written(
        tmp_path,
        "terms:\n  - ko: 가나다\n    en: Same\n  - ko: 라마바\n    en: same\n"
        "    note: Older name of 사아자\n  - ko: 사아자\n    en: SAME\n    variants: [가나다]\n"
        "  - ko: 차카타\n    en: same\n",
    )
    assert warnings_of(path) == [
        f"{path}:10: `차카타` has the English `same` of `가나다` ({path}:2) too; make one a "
        "variant of the other, or say in a note (naming the other) how they differ"
    ]


def test_institutions_of_one_country_are_not_related_by_their_home(tmp_path):
    path = written(
        tmp_path,
        "terms:\n  - ko: 외교부\n    en: Foreign Ministry\n    sense: {home: [한국, 대한민국]}\n"
        "  - ko: 외무부\n    en: foreign ministry\n    sense: {home: [한국]}\n"
        "  - ko: 외교통상부\n    en: foreign ministry\n",
    )
    assert [w.split(": ", 1)[0] for w in warnings_of(path)] == [f"{path}:5", f"{path}:8"]


def test_each_unrelated_headword_is_named_once(tmp_path):
    path = written(
        tmp_path,
        "terms:\n  - ko: 가나다\n    en: x\n  - ko: 라마바\n    en: x\n  - ko: 사아자\n    en: x\n",
    )
    found = warnings_of(path)
    assert [w.split(": ", 1)[0] for w in found] == [f"{path}:4", f"{path}:6"]
    assert all(f"of `가나다` ({path}:2)" in w for w in found)


# --------------------------------------------------------------------------- ordinary words


@pytest.mark.parametrize("word", ["관세", "환율", "수입", "전기", "사기", "금리", "나무"])
def test_sino_korean_looking_words(word):
    assert looks_sino_korean(word)


@pytest.mark.parametrize(
    "word",
    ["구글", "애플", "인텔", "엔비디아", "우버", "달러", "토큰", "로봇", "관세청", "관", "AI칩"],
)
def test_transliterations_and_other_lengths_do_not_look_sino_korean(word):
    assert not looks_sino_korean(word)


def test_the_syllables_are_the_education_hanja_readings():
    assert len(SINO_KOREAN_SYLLABLES) == 412
    assert {"율", "녹", "논", "누", "융"} <= SINO_KOREAN_SYLLABLES  # the initial-sound rule
    assert not {"글", "플", "텔", "버", "디", "스", "크", "트"} & SINO_KOREAN_SYLLABLES


def test_a_two_syllable_word_that_looks_ordinary_is_warned_about(cli, tmp_path):
    path = written(
        tmp_path,
        "terms:\n  - ko: 관세\n    en: tariff\n    type: term\n"
        "  - ko: 환율\n    en: exchange rate\n",
    )
    result = cli("glossary", "validate", path)
    assert result.exit_code == 0
    advice = (
        "is two Sino-Korean syllables, likely an ordinary word with other senses too; add a "
        "`sense` (cues, or otherwise: verify), or `sense: {otherwise: insert}` once you know "
        "news uses it in this sense only"
    )
    assert result.stderr.splitlines() == [
        f"warning: {path}:2: `관세` {advice}",
        f"warning: {path}:5: `환율` {advice}; if it is a name, give it its type",
    ]


def test_names_transliterations_and_words_with_sense_are_not_warned_about(tmp_path):
    path = written(
        tmp_path,
        "terms:\n"
        "  - {ko: 구글, en: Google}\n  - {ko: 애플, en: Apple}\n  - {ko: 인텔, en: Intel}\n"
        "  - {ko: 엔비디아, en: Nvidia}\n  - {ko: 토큰, en: token, type: term}\n"
        "  - {ko: 소니, en: Sony, type: org}\n  - {ko: 한국, en: South Korea, type: place}\n"
        "  - {ko: 리창, en: Li Qiang, type: person, note: Chinese premier from 2023}\n"
        "  - {ko: 관세, en: tariff, type: term, sense: {otherwise: insert}}\n"
        "  - {ko: 유심, en: USIM, type: term}\n"
        "  - {ko: 시가총액, en: market capitalization, type: term, variants: [시총]}\n",
    )
    assert warnings_of(path) == []


def test_an_everyday_word_gets_the_everyday_word_warning_only(tmp_path):
    path = written(tmp_path, "terms:\n  - ko: 수입\n    en: imports\n    type: term\n")
    [warning] = warnings_of(path)
    assert "`수입` is also an everyday Korean word" in warning


# --------------------------------------------------------------------------- stats

STATS_GLOSSARY = """\
# Test: people and terms. Style: none
domain: test
terms:
  - ko: 이재명
    en: Lee Jae-myung
    type: person
    note: South Korean president from June 2025
    en_variants: [Lee Jae Myung]
  - ko: 구윤철
    en: Koo Yun-cheol
    type: person
  - ko: 미국
    en: United States
    type: place
    forms: {attributive: U.S.}
    sense: {otherwise: insert}
"""


def test_stats_json_adds_coverage_and_keeps_the_old_keys(cli, tmp_path):
    people = written(tmp_path, STATS_GLOSSARY, "people.yaml")
    plain = written(tmp_path, "terms:\n  - ko: 관세\n    en: tariff\n", "plain.yaml")
    result = cli("glossary", "stats", "-g", people, "-g", plain, "-f", "json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["total"] == 4
    assert summary["files"] == {str(people): 3, str(plain): 1}
    assert summary["types"] == {"person": 2, "place": 1, "(none)": 1}
    assert summary["domains"] == {"test": 3, "(none)": 1}
    counts = {
        "with_note": 1,
        "persons": 2,
        "persons_with_note": 1,
        "without_en_variants": 3,
        "with_forms": 1,
        "with_sense": 1,
    }
    assert {key: summary[key] for key in counts} == counts
    assert summary["note_share"] == 0.25 and summary["person_note_share"] == 0.5
    in_people = {**counts, "without_en_variants": 2}  # the other file's one entry has none
    assert summary["by_file"][str(people)] == {"domain": "test", "entries": 3, **in_people}
    assert summary["by_file"][str(plain)]["domain"] is None
    assert summary["by_file"][str(plain)]["without_en_variants"] == 1


def test_stats_table_shows_coverage_per_file_and_in_all(cli, tmp_path):
    people = written(tmp_path, STATS_GLOSSARY, "people.yaml")
    lines = cli("glossary", "stats", "-g", people).stdout.splitlines()
    assert lines[0].split() == [
        "file", "domain", "entries", "noted", "persons", "noted", "no", "en_variants", "forms",
        "sense",
    ]  # fmt: skip
    assert lines[2].split() == [str(people), "test", "3", "1", "1/2", "2", "1", "1"]
    assert lines[-3:] == [
        "with a note: 1 of 3 entries (33%), 1 of 2 persons (50%)",
        "without English variants: 2 of 3 (67%); with forms: 1 of 3 (33%); "
        "with sense: 1 of 3 (33%)",
        "total: 3 entries in 1 file",
    ]


def test_stats_of_an_empty_glossary(cli, tmp_path):
    empty = written(tmp_path, "terms: []\n")
    summary = json.loads(cli("glossary", "stats", "-g", empty, "-f", "json").stdout)
    assert summary["total"] == 0 and summary["note_share"] is None
    assert (
        "with a note: 0 of 0 entries, 0 of 0 persons"
        in cli("glossary", "stats", "-g", empty).stdout
    )


# --------------------------------------------------------------------------- the built-in files

BUILTIN_FILES = sorted(default_glossary_dir().glob("*.yaml")) + sorted(
    (default_glossary_dir() / "optional").glob("*.yaml")
)


def leading_comment(path: Path) -> list[str]:
    """The comment lines a file begins with, without their `#`."""
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line.lstrip("#").strip())
    return lines


@pytest.mark.parametrize("path", BUILTIN_FILES, ids=lambda p: p.name)
def test_every_builtin_file_says_what_it_covers_and_its_style(path):
    comment = leading_comment(path)
    assert comment, f"{path.name} begins with no comment saying what it covers"
    assert len(comment[0].split()) >= 3, f"{path.name}: the first line says what the file covers"
    assert any("Style:" in line for line in comment), (
        f"{path.name}: the header names no style basis (a `Style: ...` line)"
    )


def test_the_style_sheet_is_one_page_and_names_what_validate_checks():
    text = STYLE_SHEET.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 150
    for topic in ("Yonhap", "U.S.", "Lee Jae-myung", "pinyin", "Co.", "until", "glossary validate"):
        assert topic in text, topic
