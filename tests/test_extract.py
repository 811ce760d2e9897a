"""extract: 한글(English) pairs, loanword and name candidates, and the YAML/JSON output."""

from __future__ import annotations

import pytest
import yaml

from bilingo.extraction import (
    Candidate,
    ExtractResult,
    Pair,
    extract,
    extract_to_json,
    extract_to_rows,
    extract_to_yaml,
    guess_english,
    loanword_score,
    morphology,
    revised_romanization,
    romanize_korean_name,
    sounds_like,
)
from bilingo.extraction.output import review_note
from bilingo.glossary import term_from_entry
from bilingo.terms import TermType

from .conftest import read_data

article = read_data


@pytest.fixture(scope="module")
def glossary(data_glossary):
    return data_glossary


# --------------------------------------------------------------------------- articles


def test_chip_article(glossary):
    result = extract(article("extract_chips.txt"), glossary)
    assert [p.to_dict() for p in result.pairs] == [
        {"ko": "인공지능", "en": "AI", "count": 1},
        {"ko": "리사 수", "en": "Lisa Su", "count": 2},
        {"ko": "최고경영자", "en": "CEO", "count": 1},
    ]
    assert [(c.ko, c.count, c.shown_suggestion, c.source) for c in result.candidates] == [
        ("퀄컴", 2, "Kwolkum?", "romanized"),
        ("코어스트림", 2, "Koerstrim?", "romanized"),  # a made-up company: nothing to find
        ("샌프란시스코", 1, "San Francisco", "city"),  # from the index, not the letters
        ("브로드컴", 1, "Brodkum?", "romanized"),
        ("김도윤", 1, "Kim Do-yun", "convention"),
        ("젠슨 황", 1, "Jensen Huang?", "romanized"),  # 황 alone: no spelling to find
    ]
    kinds = {c.ko: (c.reason, c.type) for c in result.candidates}
    assert kinds["김도윤"] == ("korean name", TermType.PERSON)
    assert kinds["젠슨 황"] == ("foreign name", TermType.PERSON)
    assert kinds["퀄컴"] == ("loanword", None)


def test_model_article(glossary):
    result = extract(article("extract_models.txt"), glossary)
    assert [p.to_dict() for p in result.pairs] == [
        {"ko": "앤트로픽", "en": "Anthropic", "count": 3},
        {"ko": "대규모 언어 모델", "en": "LLM", "count": 1},  # L-L-M: 대규모 언어 모델
        {"ko": "다리오 아모데이", "en": "Dario Amodei", "count": 1},
        {"ko": "인공지능", "en": "AI", "count": 1},
        {"ko": "연방준비제도", "en": "Fed", "count": 1},
        {"ko": "테슬라", "en": "Tesla", "count": 1},
    ]
    # all seen once: the name first, everyday dictionary words (which MT knows) after
    assert [(c.ko, c.shown_suggestion) for c in result.candidates] == [
        ("이서진", "Lee Seo-jin"),
        ("엑스", "ex"),
        ("트위터", "twitter"),
    ]


def test_glossary_terms_are_skipped_particles_and_all(glossary):
    text = "딥시크가 하이퍼스케일러들을 흔들었다. 엔비디아(Nvidia)와 오픈AI도 긴장했다. 샘 올트먼 CEO도 말했다."
    result = extract(text, glossary)
    assert result.pairs == []
    assert result.candidates == []


def test_empty_text(glossary):
    assert extract("", glossary) == ExtractResult([], [])


# --------------------------------------------------------------------------- pairs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("리사 수(Lisa Su) 대표가 말했다.", [("리사 수", "Lisa Su")]),
        # 중국 does not sound like Artificial: only the last word is taken
        ("중국 인공지능(AI) 기업", [("인공지능", "AI")]),
        ("중국 인공지능(artificial intelligence) 기업", [("인공지능", "artificial intelligence")]),
        ("투자자 마크 저커버그(Mark Zuckerberg)가", [("마크 저커버그", "Mark Zuckerberg")]),
        # a bracket with no Latin letter, or with Hangul in it, is not a pair
        ("27일(현지시간) 발표했다.", []),
        ("엑스(X·옛 트위터)에 썼다.", []),
        ("[뉴욕=(뉴욕=AP)] 보도", []),
        # a space before the bracket is allowed; a link or ticker is not a name
        ("앤트로픽 (Anthropic)은", [("앤트로픽", "Anthropic")]),
        ("주가(NASDAQ: NVDA)가", []),
        # an acronym reaches back one word per letter
        ("대규모 언어 모델(LLM)을", [("대규모 언어 모델", "LLM")]),
        # Latin glued to Hangul on the Korean side stays
        ("챗GPT(ChatGPT)가 나왔다.", [("챗GPT", "ChatGPT")]),
        # a word that only looks like it ends in a particle keeps it (테슬라, not 테슬)
        ("테슬라(Tesla)는", [("테슬라", "Tesla")]),
        # the same Korean twice is one pair
        ("앤트로픽(Anthropic)과 앤트로픽(Anthropic PBC)", [("앤트로픽", "Anthropic")]),
        # a name's number or Latin word before the bracket: the Hangul before it joins
        ("애플은 아이폰 17(iPhone 17)을 냈다.", [("아이폰 17", "iPhone 17")]),
        ("보잉의 737 맥스(737 MAX) 생산", [("737 맥스", "737 MAX")]),
        # a figure, a date or a temperature is no name
        ("30여 개국(30-plus countries) 대표", []),
        ("11월 3일(Nov. 3, 2024) 서명됐다.", []),
        ("섭씨 42도(108 F)까지", []),
        # a listing name stays whole, its acronym a variant
        ("《총, 균, 쇠》(Guns, Germs, and Steel)는", [("총, 균, 쇠", "Guns, Germs, and Steel")]),
        (
            "일본 경제산업성(Ministry of Economy, Trade and Industry, METI)은",
            [("경제산업성", "Ministry of Economy, Trade and Industry")],
        ),
        # family name first, as Korean writes Japanese names
        ("다카이치 사나에(Sanae Takaichi) 총재는", [("다카이치 사나에", "Sanae Takaichi")]),
        # the sentence's topic, or what the name is, is not part of it
        ("해운사들은 홍해(Red Sea) 대신", [("홍해", "Red Sea")]),
        ("에너지기업 넥스트에라에너지(NextEra Energy)는", [("넥스트에라에너지", "NextEra Energy")]),
        (
            "미국 국립과학재단(U.S. National Science Foundation)은",
            [("미국 국립과학재단", "U.S. National Science Foundation")],
        ),  # fmt: skip
        # the kind of work or product, a verb or an adverb before the English is no pair
        ("오바마의 회고록(A Promised Land)은", []),
        ("새 휴대폰(iPhone)을 받았다.", []),
        ("그는 끝내 꺾이지 않았다(Unbroken).", []),
        ("평화를 위해 기도하자(Let us pray for peace)고", []),
        ("자신을 '그저 평범한 사람'(just a regular person)이라고", []),
    ],
)
def test_pairs(glossary, text, expected):
    assert [(p.ko, p.en) for p in extract(text, glossary).pairs] == expected


def test_pair_count_includes_mentions_with_particles(glossary):
    text = (
        "퍼플렉시티(Perplexity)가 나섰다. 퍼플렉시티는 검색을 바꿨다. 퍼플렉시티의 가치는 올랐다."
    )
    [pair] = extract(text, glossary).pairs
    assert (pair.ko, pair.count, pair.written) == ("퍼플렉시티", 3, "퍼플렉시티(Perplexity)")


def test_pair_word_before_bracket_is_not_also_a_candidate(glossary):
    text = "앤트로픽(Anthropic)이 나섰다. 앤트로픽은 강하다."
    result = extract(text, glossary)
    assert [p.ko for p in result.pairs] == ["앤트로픽"]
    assert result.candidates == []


# --------------------------------------------------------------------------- candidates


def test_loanword_candidates_are_stemmed_and_counted(glossary):
    text = "코어스트림은 새 칩을 냈다. 코어스트림의 칩은 빠르다. 코어스트림도 웃었다."
    [candidate] = extract(text, glossary).candidates
    assert (candidate.ko, candidate.count, candidate.guess) == ("코어스트림", 3, True)


def test_common_and_native_words_are_not_candidates(glossary):
    text = "스타트업 서비스를 테스트했다. 크게 드러난 문제는 스스로 고쳤다. 그리고 정부는 발표했다."
    assert extract(text, glossary).candidates == []


def test_a_name_the_analyser_reads_as_one_is_one_candidate(glossary):
    if not morphology.available():
        pytest.skip("kiwipiepy reads 무함마드 빈 살만 as one proper noun")
    text = "무함마드 빈 살만 왕세자는 투자 협정에 서명했다."
    assert [c.ko for c in extract(text, glossary).candidates] == ["무함마드 빈 살만"]


def test_a_state_before_its_city_stays_apart(glossary):
    text = "테슬라는 텍사스 오스틴에서 로보택시를 시험했다."
    found = [c.ko for c in extract(text, glossary).candidates]
    assert "텍사스" in found
    assert "텍사스 오스틴" not in found


def test_seen_twice_lowers_the_bar(glossary, monkeypatch):
    """The spelling rules alone (no analyser), on a made-up name the origin index lacks."""
    monkeypatch.setattr(morphology, "analyser", lambda: None)
    once = "실트먼이 말했다."
    twice = "실트먼이 말했다. 실트먼은 웃었다."
    assert extract(once, glossary).candidates == []  # 트 alone is weak evidence
    assert [c.ko for c in extract(twice, glossary).candidates] == ["실트먼"]


def test_a_name_the_origin_index_knows_is_a_candidate_once(glossary):
    """올트먼 has only 트 for the spelling rules, but is spelled as Altman is."""
    [candidate] = extract("올트먼이 말했다.", glossary).candidates
    assert (candidate.ko, candidate.shown_suggestion, candidate.source) == (
        "올트먼",
        "Altman",
        "name",
    )


@pytest.mark.parametrize(
    ("text", "name", "english"),
    [
        ("김도윤 대표는 말했다.", "김도윤", "Kim Do-yun"),
        ("이재훈 삼성전자 부회장이 말했다.", "이재훈", "Lee Jae-hun"),
        ("최지우씨는 웃었다.", "최지우", "Choi Ji-u"),
        ("박민 씨가 왔다.", "박민", "Park Min"),
        ("남궁민수 교수는 말했다.", "남궁민수", "Namgung Min-su"),
        ("김지은 씨는 웃었다.", "김지은", "Kim Ji-eun"),  # 은 ends names, not only banks
    ],
)
def test_korean_names_before_a_title(glossary, text, name, english):
    [candidate] = extract(text, glossary).candidates
    assert (candidate.ko, candidate.suggestion, candidate.guess) == (name, english, False)
    assert candidate.type is TermType.PERSON


@pytest.mark.parametrize(
    "text",
    [
        "국방부 대변인은 말했다.",  # an organisation before the title
        "정부 대표단이 왔다.",
        "김치 대표 기업",  # 2 syllables need 씨
        "이사회 의장은 말했다.",
        "국정원 원장이 말했다.",
        "민주당 대표가 말했다.",
    ],
)
def test_organisations_before_a_title_are_not_names(glossary, text):
    assert [c for c in extract(text, glossary).candidates if c.type is TermType.PERSON] == []


def test_foreign_name_before_a_title_with_an_organisation_between(glossary):
    text = "젠슨 황 엔비디아 CEO의 발언"
    [candidate] = extract(text, glossary).candidates
    assert (candidate.ko, candidate.shown_suggestion, candidate.reason) == (
        "젠슨 황",
        "Jensen Huang?",
        "foreign name",
    )


# --------------------------------------------------------------------------- romanization


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("홍길동", "Hong Gil-dong"),
        ("김민준", "Kim Min-jun"),
        ("이서연", "Lee Seo-yeon"),
        ("박지훈", "Park Ji-hun"),
        ("정하늘", "Jung Ha-neul"),
        ("윤석열", "Yoon Seok-yeol"),  # convention, not the person's own Suk-yeol: review says so
        ("김구", "Kim Gu"),
        ("선우용녀", "Sunwoo Yong-nyeo"),
        ("독고영재", "Dokgo Yeong-jae"),
    ],
)
def test_romanize_korean_name(name, english):
    assert romanize_korean_name(name) == english


def test_revised_romanization_has_no_sound_changes():
    assert revised_romanization("신라") == "sinra"  # a name keeps its spelling
    assert revised_romanization("길동", hyphenate=True) == "gil-dong"
    assert revised_romanization("굳") == "gut"


@pytest.mark.parametrize(
    ("word", "guess"),
    [
        ("딥시크", "Dipsik"),
        ("트럼프", "Trump"),
        ("스푸트니크", "Sputnik"),
        ("앤드리센", "Andrisen"),
        ("젠슨 황", "Jensen Hwang"),
        ("구글", "Gugle"),
        ("테슬라", "Tesla"),
    ],
)
def test_guess_english(word, guess):
    assert guess_english(word) == guess


@pytest.mark.parametrize(
    ("word", "loanword"),
    [
        ("딥시크", True),
        ("엔비디아", True),
        ("하이퍼스케일러", True),
        ("트럼프", True),
        ("삼성", False),
        ("정부", False),
        ("있었다", False),  # final ㅆ: never in a loanword
        ("까지", False),  # tense consonant
    ],
)
def test_loanword_score(word, loanword):
    assert (loanword_score(word) >= 1.2) is loanword


def test_sounds_like():
    assert sounds_like("리사", "Lisa")
    assert sounds_like("앤드리센", "Andreessen")
    assert not sounds_like("미국", "Federal")


# --------------------------------------------------------------------------- output


@pytest.fixture
def sample_result():
    return ExtractResult(
        pairs=[Pair("리사 수", "Lisa Su", 2, "리사 수(Lisa Su)")],
        candidates=[
            Candidate("딥시크", 3, "Dipsik", True, "loanword"),
            Candidate("홍길동", 1, "Hong Gil-dong", False, "korean name", TermType.PERSON),
            Candidate("젠슨 황", 1, "Jensen Hwang", True, "foreign name", TermType.PERSON),
        ],
    )


def test_extract_to_json(sample_result):
    assert extract_to_json(sample_result) == {
        "pairs": [{"ko": "리사 수", "en": "Lisa Su", "count": 2}],
        "candidates": [
            {"ko": "딥시크", "count": 3, "suggestion": "Dipsik?"},
            {"ko": "홍길동", "count": 1, "suggestion": "Hong Gil-dong"},
            {"ko": "젠슨 황", "count": 1, "suggestion": "Jensen Hwang?"},
        ],
    }


def test_extract_to_yaml_is_a_valid_glossary_snippet(sample_result):
    text = extract_to_yaml(sample_result)
    assert text.splitlines()[4:] == [
        "terms:",
        "  # review: written as 리사 수(Lisa Su); seen 2 times; check the Korean side is the whole term",
        "  - ko: 리사 수",
        "    en: Lisa Su",
        "  # ---- candidates: uncomment an entry's lines to keep it",
        "  # review: seen 3 times; the English is a guess from the Hangul letters, replace it; set a type",
        "  # - ko: 딥시크",
        "  #   en: Dipsik?",
        "  # review: seen once; a Korean name romanized by newspaper convention; check how the person spells it",
        "  # - ko: 홍길동",
        "  #   en: Hong Gil-dong",
        "  #   type: person",
        "  # review: seen once; a foreign name before a title; the English is a guess from the Hangul letters, replace it",
        "  # - ko: 젠슨 황",
        "  #   en: Jensen Hwang?",
        "  #   type: person",
    ]
    document = yaml.safe_load(text)
    terms = [term_from_entry(entry) for entry in document["terms"]]
    assert [(t.ko, t.en) for t in terms] == [("리사 수", "Lisa Su")]  # candidates stay out


def test_extract_to_yaml_of_a_real_article_parses(glossary):
    result = extract(article("extract_chips.txt"), glossary)
    text = extract_to_yaml(result)
    document = yaml.safe_load(text)
    assert len(document["terms"]) == len(result.pairs) == 3
    for entry in document["terms"]:
        term_from_entry(entry)
    assert text.count("# review:") == len(result.pairs) + len(result.candidates) == 9
    assert "  # in: " in text  # each candidate with where it stands


def test_candidate_notes_say_where_the_english_came_from(glossary):
    result = extract("샌프란시스코에서 열렸다. 코어스트림이 나섰다. 코어스트림은 웃었다.", glossary)
    notes = {c.ko: review_note(c) for c in result.candidates}
    assert "a city spelled so in Korean (confidence 0.75)" in notes["샌프란시스코"]
    assert "a guess from the Hangul letters" in notes["코어스트림"]
    as_json = extract_to_json(result)["candidates"]
    assert {
        "ko": "샌프란시스코",
        "count": 1,
        "suggestion": "San Francisco",
        "source": "city",
        "confidence": 0.75,
    } in as_json


def test_extract_to_yaml_when_nothing_is_new():
    text = extract_to_yaml(ExtractResult())
    assert yaml.safe_load(text) == {"terms": []}


def test_extract_to_rows(sample_result):
    rows = extract_to_rows(sample_result)
    assert [(r["kind"], r["ko"], r["en"], r["count"]) for r in rows] == [
        ("pair", "리사 수", "Lisa Su", 2),
        ("loanword", "딥시크", "Dipsik?", 3),
        ("korean name", "홍길동", "Hong Gil-dong", 1),
        ("foreign name", "젠슨 황", "Jensen Hwang?", 1),
    ]


# --------------------------------------------------------------------------- helpers


def test_stems_take_the_whole_text_as_evidence():
    from bilingo.extraction.stems import Stems

    stems = Stems(["딥시크가", "딥시크의", "테슬라"])
    assert stems.stem("딥시크가") == ("딥시크", "가")
    assert stems.stem("테슬라") == ("테슬라", "")  # 라 is a weak particle, nothing backs 테슬
    # before a bracket the bare word wins unless the text shows the shorter stem
    assert Stems(["퍼플렉시티는"]).stem("퍼플렉시티는", bare_likely=True) == ("퍼플렉시티는", "")
    assert Stems(["앤트로픽이", "앤트로픽은"]).stem("앤트로픽이", bare_likely=True) == (
        "앤트로픽",
        "이",
    )


@pytest.mark.parametrize(
    ("syllable", "weight"),
    [
        ("있", None),  # final ㅆ: the loanword orthography never writes it
        ("까", None),  # tense plosive
        ("쓰", -0.5),
        ("스", 1.0),  # the filler vowel after an English consonant
        ("튼", 0.6),
        ("쾌", 0.0),  # Sino-Korean 快
        ("켓", 0.7),
        ("넷", 0.0),  # a native numeral
        ("젠", 0.9),  # ㅔ with a final consonant
        ("디", 0.8),
        ("핑", 0.8),
        ("폰", 0.6),
        ("워", 0.4),
        ("챗", 0.3),
        ("것", 0.0),
        ("정", 0.0),
    ],
)
def test_syllable_weight(syllable, weight):
    from bilingo.korean.orthography import syllable_weight

    assert syllable_weight(syllable) == weight


def test_a_token_is_hangul_only_when_nothing_else_is_glued_on():
    from bilingo.extraction.article import Token

    assert Token(0, 3, "딥시크").is_hangul
    assert not Token(0, 5, "챗GPT").is_hangul
    assert not Token(0, 3, "3분기").is_hangul
