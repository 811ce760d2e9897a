"""Korean number and money expressions -> exact English (bilingo.numbers)."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilingo.korean.numbers import find_numbers, format_amount, parse_korean_number, to_english

CONVERSIONS = [
    ("557만6000달러", "$5.576 million"),
    ("78억8000만원", "7.88 billion won"),
    ("5890억달러", "$589 billion"),
    ("847조원", "847 trillion won"),
    ("600만 달러", "$6 million"),
    ("3만5000명", "35,000 people"),
    ("시간당 2달러", "$2 an hour"),
    ("2달러", "$2"),
    ("1,200원", "1,200 won"),
    ("1억2345만6789원", "123,456,789 won"),
    ("15억달러", "$1.5 billion"),
    ("100억 달러", "$10 billion"),
    ("1조2000억원", "1.2 trillion won"),
    ("3.5조원", "3.5 trillion won"),
    ("10만 명", "100,000 people"),
    ("50억 유로", "5 billion euros"),
    ("500엔", "500 yen"),
    ("3000억엔", "300 billion yen"),
    ("20위안", "20 yuan"),
    ("1000만 위안", "10 million yuan"),
    ("40파운드", "40 pounds"),
    ("3.1%p", "3.1 percentage points"),
    ("3.1%포인트", "3.1 percentage points"),
    ("1%p", "1 percentage point"),
    ("2000만", "20 million"),
    ("1억", "100 million"),
    ("100만주", "1 million shares"),
    ("50만대", "500,000 units"),
    ("120만 대", "1.2 million units"),
    ("7건", "7 cases"),
    ("2개월", "2 months"),
    ("1개월", "1 month"),
    ("1명", "1 person"),
    ("600만여 달러", "more than $6 million"),
    ("3만여명", "more than 30,000 people"),
    ("2조원대", "2 trillion won대"),
    ("2조5천억", "2.5 trillion"),
    ("5천명", "5,000 people"),
    ("3천5백만원", "35 million won"),
    ("78억 8000만 원", "7.88 billion won"),
    ("1억 2345만 6789원", "123,456,789 won"),
    ("1조2345억원", "1.2345 trillion won"),
    ("1조2345억6000만원", "1,234,560,000,000 won"),
    ("1000조원", "1,000 trillion won"),
    ("100불", "$100"),
    ("1인당 3만원", "30,000 won per person"),
    ("100~200만원", "1 million~2 million won"),
    ("3천~5천만원", "30 million~50 million won"),
    ("10억~20억달러", "$1 billion~$2 billion"),
    ("3~5달러", "$3~$5"),
]

IN_CONTEXT = [
    ("비용은 557만6000달러에 그친다", "비용은 $5.576 million에 그친다"),
    ("약 78억8000만원에 달한다", "약 7.88 billion won에 달한다"),
    ("600만 달러 미만의 비용", "$6 million 미만의 비용"),
    ("‘H800 GPU’를 시간당 2달러에 2개월 동안", "‘H800 GPU’를 $2 an hour에 2 months 동안"),
    ("시가총액 5890억달러847조원가 증발", "시가총액 $589 billion847 trillion won가 증발"),
    ("실업률은 0.3%p 오른 3.1%다", "실업률은 0.3 percentage points 오른 3.1%다"),
    ("관객 1000만 명을 넘었다", "관객 10 million people을 넘었다"),
    ("삼성전자 주식 100만주를 샀다", "삼성전자 주식 1 million shares를 샀다"),
]

UNCHANGED = [
    "H800",
    "H100 사양",
    "딥시크-R1과 V3",
    "GPT-4o",
    "COVID-19 확산",
    "1957년 당시",
    "엔비디아 주가 17% 급락",
    "지난 20일",
    "작년 9월",
    "3주 동안",
    "20대 남성",
    "1000대 기업",
    "헌법 제3조",
    "제 1조 2항",
    "버전 3.1.2",
    "1,2,3번",
    "3 원칙",
    "30포인트 하락",
    "100여 년 전",
    "5G 통신",
    "오전 10시",
    "2024.1.15",
]


@pytest.mark.parametrize(("korean", "english"), CONVERSIONS)
def test_whole_expression_becomes_exact_english(korean, english):
    assert to_english(korean) == english


@pytest.mark.parametrize(("korean", "english"), CONVERSIONS)
def test_expression_is_matched_from_its_first_character(korean, english):
    matches = find_numbers(korean)
    assert matches
    assert matches[0].start == 0


@pytest.mark.parametrize(("korean", "english"), IN_CONTEXT)
def test_particles_and_surrounding_words_stay_in_place(korean, english):
    assert to_english(korean) == english


@pytest.mark.parametrize("text", UNCHANGED)
def test_text_without_convertible_figures_is_unchanged(text):
    assert find_numbers(text) == []
    assert to_english(text) == text


def test_match_fields():
    (match,) = find_numbers("비용은 557만6000달러에 그친다")
    assert (match.start, match.end) == (4, 14)
    assert match.text == "557만6000달러"
    assert match.value == Decimal(5576000)
    assert match.unit == "USD"
    assert match.english == "$5.576 million"


@pytest.mark.parametrize(
    ("korean", "unit"),
    [
        ("2달러", "USD"),
        ("2원", "KRW"),
        ("2유로", "EUR"),
        ("2엔", "JPY"),
        ("2위안", "CNY"),
        ("2파운드", "GBP"),
        ("2명", "people"),
        ("2개월", "months"),
        ("2건", "cases"),
        ("2만주", "shares"),
        ("2만대", "units"),
        ("2%p", "percentage points"),
        ("2만", None),
    ],
)
def test_unit_codes(korean, unit):
    (match,) = find_numbers(korean)
    assert match.unit == unit


def test_more_than_keeps_the_exact_value():
    (match,) = find_numbers("600만여 달러")
    assert match.value == Decimal(6_000_000)
    assert match.text == "600만여 달러"


def test_rate_prefix_is_part_of_the_match():
    (match,) = find_numbers("엔비디아 칩을 시간당 2달러에 빌렸다")
    assert match.text == "시간당 2달러"
    assert match.value == 2


def test_range_left_side_borrows_the_scale():
    left, right = find_numbers("100~200만원")
    assert (left.text, left.value, left.unit) == ("100", Decimal(1_000_000), "KRW")
    assert (right.text, right.value) == ("200만원", Decimal(2_000_000))


def test_look_alike_words_are_not_units():
    assert to_english("3 원자력 발전소") == "3 원자력 발전소"
    assert to_english("100 엔비디아") == "100 엔비디아"
    assert to_english("2 파운드리") == "2 파운드리"
    assert to_english("10만 주민") == "100,000 주민"


@pytest.mark.parametrize(
    ("korean", "value"),
    [
        ("557만6000", 5576000),
        ("78억8000만", 7880000000),
        ("1,200", 1200),
        ("3.1", Decimal("3.1")),
        ("2조5천억", 2500000000000),
        ("5890억", 589000000000),
        ("3만5000", 35000),
        ("1억2345만6789", 123456789),
        ("78억 8000만", 7880000000),
        ("3.5조", 3500000000000),
        ("3천5백만", 35000000),
        ("5천500", 5500),
        ("1백만", 1000000),
        ("1,000조", 10**15),
        (" 42 ", 42),
    ],
)
def test_parse_korean_number(korean, value):
    assert parse_korean_number(korean) == Decimal(value)


@pytest.mark.parametrize(
    "bad", ["", "abc", "3만2억", "5만12000", "1,20", "3 4", "5천1500", "12달러", "1.2.3"]
)
def test_parse_korean_number_rejects_malformed_numbers(bad):
    with pytest.raises(ValueError):
        parse_korean_number(bad)


@pytest.mark.parametrize(
    ("value", "english"),
    [
        (Decimal(6_000_000), "6 million"),
        (Decimal(999_999), "999,999"),
        (Decimal(1_000_000), "1 million"),
        (Decimal("1234.5"), "1,234.5"),
        (Decimal(123_456_789), "123,456,789"),
        (Decimal(1_234_500_000_000), "1.2345 trillion"),
    ],
)
def test_format_amount(value, english):
    assert format_amount(value) == english


def test_offsets_are_code_point_offsets():
    text = "[서울] 😀 예산 1조2000억원, 인원 3만5000명, 시간당 2달러, H800 2개월."
    matches = find_numbers(text)
    assert [m.text for m in matches] == ["1조2000억원", "3만5000명", "시간당 2달러", "2개월"]
    for match in matches:
        assert text[match.start : match.end] == match.text
    assert all(a.end <= b.start for a, b in pairwise(matches))


# --- properties -----------------------------------------------------------------

_KOREAN_SCALES = ((10**12, "조"), (10**8, "억"), (10**4, "만"))


def _render_group(group: int, style: str) -> str:
    if style == "thousand_word" and group >= 1000:
        rest = group % 1000
        return f"{group // 1000}천{rest or ''}"
    if style == "commas":
        return f"{group:,}"
    return str(group)


def render_korean(n: int, style: str = "plain", spaced: bool = False) -> str:
    """n in 만/억/조 style, e.g. 7880000000 -> '78억8000만'."""
    parts = []
    for scale, word in _KOREAN_SCALES:
        group, n = divmod(n, scale)
        if group:
            parts.append(_render_group(group, style) + word)
    if n:
        parts.append(_render_group(n, style))
    return (" " if spaced else "").join(parts)


_ENGLISH_SCALE_WORDS = {"million": 10**6, "billion": 10**9, "trillion": 10**12}


def read_english_amount(english: str) -> Decimal:
    """'7.88 billion won' -> 7880000000; '1,200 won' -> 1200."""
    found = re.fullmatch(r"([0-9,]+(?:\.[0-9]+)?)(?: (million|billion|trillion))? won", english)
    assert found, english
    number = Decimal(found.group(1).replace(",", ""))
    return number * _ENGLISH_SCALE_WORDS.get(found.group(2) or "", 1)


_styles = st.sampled_from(["plain", "commas", "thousand_word"])
_amounts = st.integers(min_value=1, max_value=10**15)


@given(_amounts, _styles, st.booleans())
def test_parse_reads_back_rendered_korean(n, style, spaced):
    assert parse_korean_number(render_korean(n, style, spaced)) == n


@given(_amounts, _styles, st.booleans())
def test_english_of_won_amount_reads_back_exactly(n, style, spaced):
    korean = render_korean(n, style, spaced) + "원"
    (match,) = find_numbers(korean)
    assert match.text == korean
    assert match.value == n
    assert read_english_amount(match.english) == n


@given(st.text(alphabet="0123456789만억조천원달러명 ,.~%p가A-", max_size=30))
def test_matches_are_ordered_and_exact_on_any_text(text):
    matches = find_numbers(text)
    for match in matches:
        assert text[match.start : match.end] == match.text
    assert all(a.end <= b.start for a, b in pairwise(matches))
