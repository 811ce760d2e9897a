"""Paragraph and sentence segmentation with exact round trips (bilingo.sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilingo.sentences import (
    Paragraph,
    reassemble,
    split_document,
    split_paragraphs,
    split_sentences,
)

NEWS_COPY = (
    '정부 "반도체 지원 확대"…기업들 환영\n'
    "- 보조금 5천억원 추가 투입\n"
    "- 세액공제율 2%p 상향\n"
    "[서울=가나뉴스 홍길동 기자] 정부가 반도체 업계 지원을 늘리기로 했다. "
    "산업부는 28일 이같이 밝혔다.\n"
    "장관은 “지원이 늦었다. 지금이라도 서둘러야 한다”고 말했다.\n"
    "홍길동 기자 gildong@\n"
)

ROUND_TRIP_TEXTS = [
    "",
    "\n",
    "\n\n\n",
    "   \t ",
    "한 줄",
    "한 줄\n",
    "첫 줄\n둘째 줄",
    "첫 문단\n\n\n둘째 문단\n\n",
    "\n\n앞에 빈 줄이 있다.\n",
    "윈도\r\n줄바꿈이다.\r\n\r\n다음 문단.\r\n",
    "옛 맥\r줄바꿈\r",
    "  들여쓴 줄\n\t탭 들여쓰기  \n",
    "끝 공백   ",
    "빈 줄에 공백이 있다\n   \n\u3000\n다음",
    NEWS_COPY,
]


@pytest.mark.parametrize("text", ROUND_TRIP_TEXTS)
def test_split_paragraphs_round_trip(text):
    pairs = split_paragraphs(text)
    assert "".join(p + sep for p, sep in pairs) == text


@pytest.mark.parametrize("text", ROUND_TRIP_TEXTS)
def test_split_then_reassemble_with_identity_is_exact(text):
    paragraphs = split_document(text)
    assert reassemble(paragraphs, [p.sentences for p in paragraphs]) == text


def test_each_line_of_news_copy_is_a_paragraph():
    assert [p for p, _ in split_paragraphs(NEWS_COPY)] == [
        '정부 "반도체 지원 확대"…기업들 환영',
        "- 보조금 5천억원 추가 투입",
        "- 세액공제율 2%p 상향",
        "[서울=가나뉴스 홍길동 기자] 정부가 반도체 업계 지원을 늘리기로 했다. "
        "산업부는 28일 이같이 밝혔다.",
        "장관은 “지원이 늦었다. 지금이라도 서둘러야 한다”고 말했다.",
        "홍길동 기자 gildong@",
    ]


def test_paragraph_separators_keep_blank_lines_and_crlf():
    assert split_paragraphs("\r\n\r\n가\r\n\r\n\r\n나 \r\n") == [
        ("", "\r\n\r\n"),
        ("가", "\r\n\r\n\r\n"),
        ("나", " \r\n"),
    ]


def test_empty_text_has_no_paragraphs():
    assert split_paragraphs("") == []
    assert split_document("") == []


def test_hard_wrapped_english_lines_are_joined():
    text = (
        "The committee met on Tuesday to discuss the budget for\n"
        "next year, and it agreed on a plan.\n"
        "Short line\n"
        "lowercase start after a short line stays separate.\n"
    )
    assert [p for p, _ in split_paragraphs(text)] == [
        "The committee met on Tuesday to discuss the budget for\n"
        "next year, and it agreed on a plan.",
        "Short line",
        "lowercase start after a short line stays separate.",
    ]


def test_blank_line_stops_a_hard_wrapped_join():
    text = "The committee met on Tuesday to discuss the budget for\n\nnext year."
    assert len(split_paragraphs(text)) == 2


def test_split_document_builds_paragraphs():
    paragraphs = split_document("첫 문장이다. 둘째 문장이다.\n\n제목\n")
    assert paragraphs == [
        Paragraph(
            "첫 문장이다. 둘째 문장이다.", ["첫 문장이다.", "둘째 문장이다."], [" ", ""], "\n\n"
        ),
        Paragraph("제목", ["제목"], [""], "\n"),
    ]


def test_reassemble_replaces_sentences_and_keeps_layout():
    paragraphs = split_document("[속보] 제목\n\n첫 문장이다.  둘째 문장이다.\n")
    english = reassemble(paragraphs, [["[Breaking] Title"], ["First.", "Second."]])
    assert english == "[Breaking] Title\n\nFirst.  Second.\n"


def test_reassemble_rejects_mismatched_counts():
    paragraphs = split_document("한 문장이다. 두 문장이다.")
    with pytest.raises(ValueError):
        reassemble(paragraphs, [["One."]])
    with pytest.raises(ValueError):
        reassemble(paragraphs, [])


def test_unknown_language_is_rejected():
    with pytest.raises(ValueError):
        split_sentences("Hello.", lang="fr")


KOREAN_SPLITS = [
    ("그는 웃었다. 그녀도 웃었다.", ["그는 웃었다.", "그녀도 웃었다."]),
    ("정말인가요? 그렇습니다!", ["정말인가요?", "그렇습니다!"]),
    ("한 문장뿐이다.", ["한 문장뿐이다."]),
    ("마침표 없는 제목", ["마침표 없는 제목"]),
    (
        "[부산=나라일보 김철수 기자] 태풍이 북상했다. 피해가 우려된다.",
        ["[부산=나라일보 김철수 기자] 태풍이 북상했다.", "피해가 우려된다."],
    ),
    (
        "그는 “시장이 흔들린다. 대비가 필요하다”고 말했다. 회의는 끝났다.",
        ["그는 “시장이 흔들린다. 대비가 필요하다”고 말했다.", "회의는 끝났다."],
    ),
    (
        "그는 “좋은 일이다”며 “다들 기뻐한다. 나도 그렇다”라고 덧붙였다.",
        ["그는 “좋은 일이다”며 “다들 기뻐한다. 나도 그렇다”라고 덧붙였다."],
    ),
    (
        "그는 ‘첫째다. 둘째다’라고 적었다.",
        ["그는 ‘첫째다. 둘째다’라고 적었다."],
    ),
    (
        "그는 '첫째다. 둘째다'라고 적었다.",
        ["그는 '첫째다. 둘째다'라고 적었다."],
    ),
    (
        "성장률은 3.1%로 0.2%p 올랐다. 물가는 2.5% 올랐다.",
        ["성장률은 3.1%로 0.2%p 올랐다.", "물가는 2.5% 올랐다."],
    ),
    (
        "미국 U.S. Steel 인수가 무산됐다. 주가는 떨어졌다.",
        ["미국 U.S. Steel 인수가 무산됐다.", "주가는 떨어졌다."],
    ),
    (
        "회의(오전 10시. 본관)가 열렸다. 끝났다.",
        ["회의(오전 10시. 본관)가 열렸다.", "끝났다."],
    ),
    ("고민이 깊다… 하지만 결정했다.", ["고민이 깊다…", "하지만 결정했다."]),
    ("돈 쓸 필요 없어… 좋은 일", ["돈 쓸 필요 없어… 좋은 일"]),
    ("그래서... 결국 포기했다.", ["그래서... 결국 포기했다."]),
    ("1. 첫째 항목이다. 2. 둘째 항목이다.", ["1. 첫째 항목이다.", "2. 둘째 항목이다."]),
    ("“정말 끝났다.” 그는 돌아섰다.", ["“정말 끝났다.”", "그는 돌아섰다."]),
    ("“정말 끝났다.” 라고 그는 말했다.", ["“정말 끝났다.” 라고 그는 말했다."]),
    ("문장 사이\n줄바꿈이 있다. 다음이다.", ["문장 사이\n줄바꿈이 있다.", "다음이다."]),
    ("  앞뒤 공백이다.   ", ["앞뒤 공백이다."]),
    ("", []),
]

ENGLISH_SPLITS = [
    ("The market fell. Investors fled.", ["The market fell.", "Investors fled."]),
    ("Is it over? Yes! It is.", ["Is it over?", "Yes!", "It is."]),
    (
        "Mr. Kim met Dr. Lee in the U.S. on Monday. They talked.",
        ["Mr. Kim met Dr. Lee in the U.S. on Monday.", "They talked."],
    ),
    (
        "Shares of Acme Inc. rose 3.1% on Jan. 5. Bonds fell.",
        ["Shares of Acme Inc. rose 3.1% on Jan. 5.", "Bonds fell."],
    ),
    (
        "He ranked No. 1 in the poll. Others lagged.",
        ["He ranked No. 1 in the poll.", "Others lagged."],
    ),
    ("Say no. Then leave.", ["Say no.", "Then leave."]),
    ("Use tools, e.g. hammers. Be careful.", ["Use tools, e.g. hammers.", "Be careful."]),
    ("John F. Kennedy spoke. Crowds cheered.", ["John F. Kennedy spoke.", "Crowds cheered."]),
    (
        'He said, "We won. It was hard." Then he left.',
        ['He said, "We won. It was hard."', "Then he left."],
    ),
    ('"We won," he said. Fans cheered.', ['"We won," he said.', "Fans cheered."]),
    (
        "The plan (announced Friday. Details later) was approved. Done.",
        ["The plan (announced Friday. Details later) was approved.", "Done."],
    ),
    ("Well... maybe not. Fine.", ["Well... maybe not.", "Fine."]),
    ("It ended... The next day was calm.", ["It ended...", "The next day was calm."]),
    ("I don't know. It's fine.", ["I don't know.", "It's fine."]),
    ("Prices rose 2.5 percent. Wages did not.", ["Prices rose 2.5 percent.", "Wages did not."]),
    ("Bring pens, paper, etc. and a ruler.", ["Bring pens, paper, etc. and a ruler."]),
    ("The 1990s. A decade of change.", ["The 1990s.", "A decade of change."]),
]


@pytest.mark.parametrize(("text", "sentences"), KOREAN_SPLITS)
def test_korean_sentences(text, sentences):
    assert split_sentences(text, "ko") == sentences


@pytest.mark.parametrize(("text", "sentences"), ENGLISH_SPLITS)
def test_english_sentences(text, sentences):
    assert split_sentences(text, "en") == sentences


def test_default_language_is_korean():
    assert split_sentences("가다. 나다.") == ["가다.", "나다."]


def test_unbalanced_quote_does_not_swallow_the_paragraph():
    text = "그는 “계속된다. 다음 문단에서 닫힌다. 그래도 나뉜다."
    assert split_sentences(text) == ["그는 “계속된다.", "다음 문단에서 닫힌다.", "그래도 나뉜다."]


# --- properties -----------------------------------------------------------------

_document_chars = st.sampled_from(
    list("가나다 abcA.?!…\"“”‘’'()[]\n\r\t\u3000") + ["\r\n", "다. ", "\n\n", "U.S. "]
)
_documents = st.lists(_document_chars, max_size=60).map("".join)


@given(_documents)
def test_split_paragraphs_round_trip_property(text):
    pairs = split_paragraphs(text)
    assert "".join(p + sep for p, sep in pairs) == text
    for paragraph, separator in pairs:
        assert paragraph == paragraph.strip()
        assert separator.strip() == ""


@given(_documents, st.sampled_from(["ko", "en"]))
def test_split_reassemble_identity_property(text, lang):
    paragraphs = split_document(text, lang)
    assert reassemble(paragraphs, [p.sentences for p in paragraphs]) == text
    for paragraph in paragraphs:
        assert len(paragraph.sentences) == len(paragraph.separators)
        rebuilt = "".join(
            s + sep for s, sep in zip(paragraph.sentences, paragraph.separators, strict=True)
        )
        assert rebuilt == paragraph.text
        assert all(s and s == s.strip() for s in paragraph.sentences)
