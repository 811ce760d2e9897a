"""check: glossary terms and money figures of a source must survive in its translation."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bilingo.qa import Finding, check, english_present, parse_english_amounts, segments

from .conftest import read_data

read = read_data


@pytest.fixture(scope="module")
def glossary(data_glossary):
    return data_glossary


def findings(source: str, translation: str, glossary) -> list[dict]:
    return [finding.to_dict() for finding in check(source, translation, glossary)]


# --------------------------------------------------------------------------- golden pairs


def test_clean_translation_has_no_findings(glossary):
    assert check(read("qa_source.txt"), read("qa_clean_en.txt"), glossary) == []


def test_translation_with_slips(glossary):
    assert findings(read("qa_source.txt"), read("qa_slips_en.txt"), glossary) == [
        {
            "segment": 1,
            "ko": "딥시크",
            "expected": "DeepSeek",
            "found": "Deepsik",
            "kind": "misspelled",
        },
        {
            "segment": 1,
            "ko": "557만6000달러",
            "expected": "$5.576 million",
            "found": "$5.58 million",
            "kind": "figure",
        },
        {
            "segment": 2,
            "ko": "마크 앤드리센",
            "expected": "Marc Andreessen",
            "found": "",
            "kind": "missing",
        },
        {
            "segment": 2,
            "ko": "스푸트니크 모먼트",
            "expected": "Sputnik moment",
            "found": "",
            "kind": "missing",
        },
        {
            "segment": 3,
            "ko": "847조원",
            "expected": "847 trillion won",
            "found": "847 billion won",
            "kind": "figure",
        },
    ]


def test_check_holds_a_translation_to_translates_decisions(tmp_path):
    """A wrong-sense hit is not required; a form of the entry counts (bilingo.decisions)."""
    from bilingo import load_glossary

    path = tmp_path / "g.yaml"
    path.write_text(
        "terms:\n"
        "  - {ko: 인도, en: India, type: place, sense: {exclude: ['~에 흩어']}}\n"
        "  - {ko: 중국, en: China, type: place, forms: {attributive: Chinese}}\n",
        encoding="utf-8",
    )
    glossary = load_glossary([path])
    source = "유리 파편이 인도에 흩어졌다.\n중국 정부는 반발했다.\n인도 정부도 반발했다.\n"
    translation = (
        "Glass shards littered the sidewalk.\nThe Chinese government objected.\nSo did Delhi.\n"
    )
    assert findings(source, translation, glossary) == [
        {"segment": 3, "ko": "인도", "expected": "India", "found": "", "kind": "missing"}
    ]


def test_finding_to_dict_has_exactly_the_contract_keys():
    finding = Finding(2, "딥시크", "DeepSeek", "", "missing")
    assert list(finding.to_dict()) == ["segment", "ko", "expected", "found", "kind"]


# --------------------------------------------------------------------------- segments


def test_segments_are_lines_when_the_counts_agree():
    assert segments("가\n\n나\n", "A\nB\n\n") == [("가", "A"), ("나", "B")]


def test_segments_fall_back_to_whole_documents():
    assert segments("가\n나\n", "A and B\n") == [("가\n나\n", "A and B\n")]


def test_whole_document_findings_are_segment_1(glossary):
    source = "딥시크가 나섰다.\n엔비디아는 떨어졌다.\n"
    translation = "DeepSeek moved, and the chipmaker fell.\n"
    assert findings(source, translation, glossary) == [
        {"segment": 1, "ko": "엔비디아", "expected": "Nvidia", "found": "", "kind": "missing"}
    ]


def test_a_term_is_reported_once_per_segment(glossary):
    source = "딥시크와 딥시크의 모델"
    assert len(check(source, "the model", glossary)) == 1


# --------------------------------------------------------------------------- terms


@pytest.mark.parametrize(
    ("english", "text", "present"),
    [
        ("Nvidia", "NVIDIA shares fell", True),  # case-insensitive
        ("Nvidia", "Nvidia's shares fell", True),  # possessive
        ("DeepSeek", "DeepSeek’s model", True),  # curly apostrophe
        ("hyperscaler", "the hyperscalers spent more", True),  # plural
        ("hyperscaler", "the hyperscalers' budgets", True),  # plural possessive
        ("Sputnik moment", "a Sputnik\nmoment", True),  # any whitespace between words
        ("Seoul", "a Seoulite", False),  # whole words only
        ("OpenAI", "OpenAIs", True),
        ("AI", "OpenAI said", False),
        ("Nvidia", "Nvidia-backed", True),
        ("Sam Altman", "Sam Altmann", False),
    ],
)
def test_english_present(english, text, present):
    assert english_present(english, text) is present


def test_english_variants_are_accepted(glossary):
    assert check("엔비디아가 올랐다.", "NVIDIA rose.", glossary) == []


def test_a_misspelled_two_word_name(glossary):
    assert findings("마크 앤드리센이 말했다.", "Marc Andrisen said so.", glossary) == [
        {
            "segment": 1,
            "ko": "마크 앤드리센",
            "expected": "Marc Andreessen",
            "found": "Marc Andrisen",
            "kind": "misspelled",
        }
    ]


@pytest.mark.parametrize("written", ["Dipsik", "Deepsik", "Deepseak's"])
def test_near_miss_spellings_of_a_name(glossary, written):
    [finding] = check("딥시크가 말했다.", f"{written} said so.", glossary)
    assert (finding.kind, finding.found) == ("misspelled", written.removesuffix("'s"))


def test_a_name_is_not_misspelled_as_a_common_word(glossary):
    [finding] = check("오픈AI가 발표했다.", "The open model was announced.", glossary)
    assert finding.kind == "missing"


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("$5.576 million", [(Decimal(5576000), "USD")]),
        ("7.88 billion won", [(Decimal(7880000000), "KRW")]),
        ("$589 billion", [(Decimal(589 * 10**9), "USD")]),
        ("5,576,000 dollars", [(Decimal(5576000), "USD")]),
        ("US$6 million", [(Decimal(6000000), "USD")]),
        ("847 trillion won", [(Decimal(847 * 10**12), "KRW")]),
        ("KRW 7.88 billion", [(Decimal(7880000000), "KRW")]),
        ("$589bn and $5.6m", [(Decimal(589 * 10**9), "USD"), (Decimal(5600000), "USD")]),
        ("€3.5 billion", [(Decimal(35 * 10**8), "EUR")]),
        ("1.5 trillion yuan", [(Decimal(15 * 10**11), "CNY")]),
        ("300 yen", [(Decimal(300), "JPY")]),
        ("1~2 billion won", [(Decimal(10**9), "KRW"), (Decimal(2 * 10**9), "KRW")]),
        ("$1 million to $2 million", [(Decimal(10**6), "USD"), (Decimal(2 * 10**6), "USD")]),
        ("5.576 million US dollars", [(Decimal(5576000), "USD")]),
        ("in 2024 the firm won 3 awards", []),
        ("17% and 3.1 points", []),
    ],
)
def test_parse_english_amounts(text, amounts):
    assert parse_english_amounts(text) == amounts


def test_figures_agree_however_the_translation_writes_them(glossary):
    source = "비용은 557만6000달러, 즉 78억8000만원이었다."
    for translation in (
        "It cost $5.576 million, or 7.88 billion won.",
        "It cost 5,576,000 dollars, or KRW 7.88 billion.",
        "It cost US$5.576 million, or 7,880,000,000 won.",
    ):
        assert check(source, translation, glossary) == [], translation


def test_a_dropped_figure(glossary):
    assert findings("비용은 557만6000달러였다.", "It was cheap.", glossary) == [
        {
            "segment": 1,
            "ko": "557만6000달러",
            "expected": "$5.576 million",
            "found": "",
            "kind": "figure",
        }
    ]


def test_a_figure_in_the_wrong_currency(glossary):
    [finding] = check("비용은 557만6000달러였다.", "It cost 5.576 million won.", glossary)
    assert (finding.kind, finding.found) == ("figure", "")


def test_figures_that_are_not_money_are_not_checked(glossary):
    assert check("직원 3만5000명이 일한다.", "Many people work there.", glossary) == []
