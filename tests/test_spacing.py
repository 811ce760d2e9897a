"""Spacing-proof matching: a solid headword is found however the text spaces its parts.

Every glossary here is a real YAML file in a temporary folder. The examples of
issue 11 are found with their spaced text and offsets, particles and all; a
space anywhere but between two parts never makes a hit, and the guards keep
ordinary phrases (우리 카드, 한국 경제, 이 재명) from matching.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingo import load_glossary
from bilingo.matcher import TermMatcher
from bilingo.spacing import english_cuts, name_cuts, spacings

GLOSSARY = """\
terms:
  - ko: 데이터센터
    en: data center
    type: term
  - ko: 손정의
    en: Masayoshi Son
    type: person
    variants: [손마사요시]
  - ko: 일라이릴리
    en: Eli Lilly
    type: org
  - ko: 골드만삭스
    en: Goldman Sachs
    type: org
  - ko: 월스트리트저널
    en: The Wall Street Journal
    type: media
  - ko: SK하이닉스
    en: SK Hynix
    type: org
  - ko: 삼성
    en: Samsung
    type: org
  - ko: 전자
    en: electronics
    type: term
  - ko: 삼성전자
    en: Samsung Electronics
    type: org
  - ko: 창펑 자오
    en: Changpeng Zhao
    type: person
    variants: [자오창펑]
  - ko: 다우존스 산업 평균지수
    en: Dow Jones Industrial Average
    type: term
  - ko: 우리카드
    en: Woori Card
    type: org
  - ko: 한국
    en: South Korea
    type: place
  - ko: 경제
    en: economy
    type: term
  - ko: 한국경제
    en: The Korea Economic Daily
    type: media
  - ko: 이재명
    en: Lee Jae-myung
    type: person
  - ko: 뉴욕
    en: New York
    type: place
  - ko: 데이터
    en: data
    type: term
  - ko: 브릭스
    en: BRICS
    type: org
  - ko: 데이터브릭스
    en: Databricks
    type: org
  - ko: D램
    en: DRAM
    type: term
  - ko: 모건스탠리
    en: Morgan Stanley
    type: org
    sense: {suffixes: [그룹]}
"""


@pytest.fixture(scope="module")
def glossary_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("spacing") / "spacing.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def matcher(glossary_file) -> TermMatcher:
    return TermMatcher(load_glossary([glossary_file], use_cache=False))


def found(matcher: TermMatcher, text: str) -> list[tuple[int, int, str, str, str]]:
    return [(m.start, m.end, m.text, m.particle, m.term.ko) for m in matcher.find(text)]


# --- the examples of the issue, with offsets, the text as written and the particle


def test_data_center_spaced_with_a_particle(matcher):
    assert found(matcher, "구글은 데이터 센터를 짓는다") == [
        (4, 10, "데이터 센터", "를", "데이터센터")
    ]


def test_family_name_apart_from_the_given_name(matcher):
    assert found(matcher, "손 마사요시 회장") == [(0, 6, "손 마사요시", "", "손정의")]
    assert found(matcher, "그는 손 마사요시와 만났다") == [(3, 9, "손 마사요시", "와", "손정의")]


def test_two_english_words_two_korean_parts(matcher):
    assert found(matcher, "일라이 릴리의 비만약") == [(0, 6, "일라이 릴리", "의", "일라이릴리")]
    assert found(matcher, "골드만 삭스는") == [(0, 6, "골드만 삭스", "는", "골드만삭스")]


def test_every_spacing_of_three_parts(matcher):
    for text in ("월스트리트저널", "월스트리트 저널", "월 스트리트 저널", "월 스트리트저널"):
        assert found(matcher, f"{text}에 따르면") == [(0, len(text), text, "에", "월스트리트저널")]


def test_solid_and_written_spellings_still_match(matcher):
    assert found(matcher, "데이터센터를") == [(0, 5, "데이터센터", "를", "데이터센터")]
    assert found(matcher, "손마사요시는") == [(0, 5, "손마사요시", "는", "손정의")]


def test_latin_and_hangul_apart(matcher):
    assert found(matcher, "SK 하이닉스가 올랐다") == [(0, 7, "SK 하이닉스", "가", "SK하이닉스")]


def test_glossary_words_apart(matcher):
    """삼성 and 전자 are entries, so 삼성전자 has the parts 삼성 | 전자; the longest wins."""
    assert found(matcher, "삼성 전자가 발표했다") == [(0, 5, "삼성 전자", "가", "삼성전자")]


def test_parts_from_another_entry_spaced_spelling(matcher):
    """창펑 자오 (headword) shows 자오 and 창펑 stand apart, so the variant 자오창펑 is cut there."""
    assert found(matcher, "자오 창펑은") == [(0, 5, "자오 창펑", "은", "창펑 자오")]


def test_a_written_spacing_is_free_at_its_other_spaces(matcher):
    for text in ("다우존스 산업평균지수", "다우존스산업 평균지수", "다우존스산업평균지수"):
        assert [hit[4] for hit in found(matcher, text)] == ["다우존스 산업 평균지수"]


def test_spaced_term_with_a_confirming_suffix(matcher):
    assert found(matcher, "모건 스탠리그룹의") == [(0, 8, "모건 스탠리그룹", "의", "모건스탠리")]


def test_offsets_point_into_decomposed_text(matcher):
    import unicodedata

    text = unicodedata.normalize("NFD", "구글은 데이터 센터를 짓는다")
    (match,) = [m for m in matcher.find(text) if m.term.ko == "데이터센터"]
    assert unicodedata.normalize("NFC", text[match.start : match.end]) == "데이터 센터"


# --- no new traps


@pytest.mark.parametrize(
    "text",
    [
        "데이 터센터를",  # a space inside a part
        "의 데이 터",
        "데이터센 터",
        "손마 사요시",
        "일라 이릴리",
        "일라이릴 리",
        "골 드만삭스",
        "S K하이닉스",
        "삼 성전자",
    ],
)
def test_a_space_inside_a_part_finds_no_compound(matcher, text):
    compounds = {"데이터센터", "손정의", "일라이릴리", "골드만삭스", "SK하이닉스", "삼성전자"}
    assert not {hit[4] for hit in found(matcher, text)} & compounds


def test_an_everyday_first_word_is_not_cut_off(matcher):
    """우리카드 / Woori Card spaced would be "our card"."""
    assert found(matcher, "우리 카드를 쓰면") == []


def test_a_place_and_a_glossary_word_are_no_compound(matcher):
    """한국 경제 is the Korean economy, not the newspaper 한국경제."""
    assert [hit[4] for hit in found(matcher, "한국 경제가 둔화했다")] == ["한국", "경제"]


def test_korean_names_and_two_syllable_keys_are_never_cut(matcher):
    assert found(matcher, "이 재명") == []
    assert found(matcher, "뉴 욕") == []


def test_one_english_word_is_one_part(matcher):
    """Databricks is one word: 데이터 브릭스 is data and BRICS, never the company."""
    assert [hit[4] for hit in found(matcher, "데이터 브릭스")] == ["데이터", "브릭스"]


def test_a_letter_and_a_syllable_stay_one_word(matcher):
    assert found(matcher, "D 램 가격") == []


def test_the_part_after_a_spaced_term_must_be_a_particle(matcher):
    # no particle: 데이터센터장 is another word, and only the entry 데이터 is left
    assert [hit[4] for hit in found(matcher, "데이터 센터장")] == ["데이터"]
    assert [hit[4] for hit in found(matcher, "삼성 전자레인지")] == ["삼성"]


def test_a_spelling_the_glossary_writes_wins_over_a_derived_one(tmp_path):
    path = tmp_path / "both.yaml"
    path.write_text(
        "terms:\n"
        "  - {ko: 삼성, en: Samsung}\n"
        "  - {ko: 전자, en: electronics}\n"
        "  - {ko: 삼성전자, en: Samsung Electronics}\n"
        "  - {ko: 삼성전자레인지, en: Samsung microwave, variants: [삼성 전자]}\n",
        encoding="utf-8",
    )
    matcher = TermMatcher(load_glossary([path], use_cache=False))
    assert [hit[4] for hit in found(matcher, "삼성 전자가 삼성전자는")] == [
        "삼성전자레인지",
        "삼성전자",
    ]


# --- the parts themselves


def test_english_cuts():
    assert english_cuts("일라이릴리", "Eli Lilly") == (3,)
    assert english_cuts("데이터센터", "data center") == (3,)
    assert english_cuts("뉴욕타임스", "The New York Times") == (2,)  # New York is one part
    assert english_cuts("HD현대오일뱅크", "HD Hyundai Oilbank") == (4,)  # 오일뱅크, not 일뱅크
    assert english_cuts("청와대", "Cheong Wa Dae") == ()  # romanized syllable by syllable
    assert english_cuts("동아에스티", "Dong-A ST") == ()  # letters read out
    assert english_cuts("우리카드", "Woori Card") == ()  # 우리: an everyday word
    assert english_cuts("김정은", "Kim Jong Un", person=True) == ()  # a Korean name


def test_name_cuts():
    assert name_cuts("손마사요시", "Masayoshi Son") == (1,)
    assert name_cuts("젠슨황", "Jensen Huang") == (2,)
    assert name_cuts("이재명", "Lee Jae-myung") == ()
    assert name_cuts("손정의", "Masayoshi Son") == ()  # 정의 is no foreign given name


def test_spacings():
    assert spacings("데이터센터", (3,)) == ["데이터센터", "데이터 센터"]
    assert spacings("스푸트니크 모먼트", ()) == ["스푸트니크 모먼트", "스푸트니크모먼트"]
    assert set(spacings("가나 다라마바", (4,))) == {
        "가나 다라마바",
        "가나다라마바",
        "가나다라 마바",
        "가나 다라 마바",
    }


# --- the compiled cache keeps the spaced keys


def test_spaced_keys_survive_the_compiled_cache(glossary_file):
    first = load_glossary([glossary_file]).matcher()  # builds and saves the cache
    second = load_glossary([glossary_file]).matcher()  # reads it back
    text = "구글은 데이터 센터를, 손 마사요시는 SK 하이닉스를"
    assert found(second, text) == found(first, text)
    assert [hit[4] for hit in found(second, text)] == ["데이터센터", "손정의", "SK하이닉스"]


# --- properties: spaces at boundaries never lose a hit, a space inside a part never makes one

# Each compound of the glossary above and its parts.
PARTS = {
    "데이터센터": ["데이터", "센터"],
    "손정의": ["손", "마사요시"],
    "일라이릴리": ["일라이", "릴리"],
    "골드만삭스": ["골드만", "삭스"],
    "월스트리트저널": ["월", "스트리트", "저널"],
    "SK하이닉스": ["SK", "하이닉스"],
    "삼성전자": ["삼성", "전자"],
}
PARTICLES = ["", "의", "에서", "도", "만", "까지", "에서는"]
BEFORE = ["", "그는 ", "‘", "(", "美", "지난해 "]
AFTER = ["", " 발표했다.", "’", ")", ", 그리고"]


@st.composite
def spaced(draw):
    """A compound with spaces at some of its boundaries, and where it sits in a sentence."""
    ko = draw(st.sampled_from(sorted(PARTS)))
    parts = PARTS[ko]
    gaps = draw(st.lists(st.booleans(), min_size=len(parts) - 1, max_size=len(parts) - 1))
    written = parts[0] + "".join(
        (" " if gap else "") + part for gap, part in zip(gaps, parts[1:], strict=True)
    )
    return ko, written, draw(st.sampled_from(BEFORE)), draw(st.sampled_from(PARTICLES))


@settings(max_examples=300, deadline=None)
@given(case=spaced(), after=st.sampled_from(AFTER))
def test_spaces_at_boundaries_never_lose_the_hit(matcher, case, after):
    ko, written, before, particle = case
    text = before + written + particle + after
    start = len(before)
    assert (start, start + len(written), written, particle, ko) in found(matcher, text)


@settings(max_examples=300, deadline=None)
@given(case=spaced(), after=st.sampled_from(AFTER), data=st.data())
def test_a_space_inside_a_part_never_makes_a_hit(matcher, case, after, data):
    ko, written, before, particle = case
    inside = [
        position
        for position in range(1, len(written))
        if " " not in written[position - 1 : position + 1] and _inside_a_part(ko, written, position)
    ]
    if not inside:
        return
    cut = data.draw(st.sampled_from(inside))
    text = before + written[:cut] + " " + written[cut:] + particle + after
    space = len(before) + cut
    assert not [hit for hit in found(matcher, text) if hit[0] <= space < hit[1]]


def _inside_a_part(ko: str, written: str, position: int) -> bool:
    """Whether `position` of the written compound falls inside one of its parts."""
    solid_position = position - written[:position].count(" ")
    boundaries, length = set(), 0
    for part in PARTS[ko][:-1]:
        length += len(part)
        boundaries.add(length)
    return solid_position not in boundaries
