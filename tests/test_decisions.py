"""The glossary applied in context: a decision at every hit (bilingo.decisions).

A small glossary of real YAML, with forms and sense control, and the source
text bilingo writes before machine translation: what a model would copy.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingo import load_glossary
from bilingo.translation.prepare import prepare_source

GLOSSARY = """\
terms:
  - ko: 중국
    en: China
    type: place
    forms: {attributive: Chinese}
  - ko: 미국
    en: United States
    type: place
    variants: [미]
    en_variants: [US, U.S.]
    forms: {attributive: U.S.}
  - ko: 이스라엘
    en: Israel
    type: place
    forms: {attributive: Israeli}
  - ko: 인도
    en: India
    type: place
    forms: {attributive: Indian}
    sense:
      confirm: [뉴델리, "~ 정부"]
      exclude: ["~에 흩어", "~ 위", 보행자]
      otherwise: verify
  - ko: 용인
    en: Yongin
    type: place
    sense: {suffixes: [시], otherwise: skip}
  - ko: 이란
    en: Iran
    type: place
  - ko: 국방부
    en: Defense Department
    type: org
    sense: {home: [미국, 미]}
  - ko: 상원
    en: Senate
    type: org
    sense: {home: [미국, 미]}
  - ko: 금융위원회
    en: Financial Services Commission
    type: org
    sense: {home: [한국]}
  - ko: 메타
    en: Meta
    type: org
  - ko: 블룸버그
    en: Bloomberg
    type: media
  - ko: 상원의원
    en: senator
    type: term
    forms: {title: Sen.}
  - ko: 아이폰
    en: iPhone
    type: product
  - ko: 달러
    en: dollar
    type: term
  - ko: 최고경영자
    en: chief executive officer
    type: term
    variants: [CEO]
    forms: {short: CEO}
  - ko: 연방준비제도
    en: Federal Reserve
    type: org
    variants: [연준]
    forms: {short: Fed}
  - ko: 구글
    en: Google
    type: org
  - ko: 딥마인드
    en: Google DeepMind
    type: org
  - ko: 한국
    en: South Korea
    type: place
    forms: {attributive: South Korean}
  - ko: 인민은행
    en: People's Bank of China
    type: org
  - ko: 포드
    en: Ford
    type: org
  - ko: 골프
    en: golf
    type: term
  - ko: 원화
    en: won
    type: term
    sense: {en_confirm: ["# ~"], en_otherwise: skip}
  - ko: ARM
    en: Arm
    type: org
  - ko: 뉴스
    en: news
    type: term
  - ko: 멘트
    en: remark
    type: term
    en_variants: [comment]
    sense: {en_otherwise: skip}
"""


@pytest.fixture(scope="module")
def glossary(tmp_path_factory):
    path = tmp_path_factory.mktemp("decisions") / "news.yaml"
    path.write_text(GLOSSARY, encoding="utf-8")
    return load_glossary([path])


def decided(glossary, sentence: str, lang: str = "ko") -> list[tuple[str, str, str | None]]:
    return [
        (hit.decision.text, hit.decision.action, hit.decision.inserted)
        for hit in prepare_source(sentence, glossary, lang).hits
    ]


def prepared(glossary, sentence: str, lang: str = "ko") -> str:
    return prepare_source(sentence, glossary, lang).text


# ---- the sense


def test_cue_rules_out_a_homograph(glossary):
    assert decided(glossary, "유리 파편이 인도에 흩어졌다") == [("인도", "skip", None)]
    assert prepared(glossary, "유리 파편이 인도에 흩어졌다") == "유리 파편이 인도에 흩어졌다"


def test_cue_confirms_and_the_form_follows(glossary):
    assert prepared(glossary, "인도 정부는 관세를 올렸다") == "Indian 정부는 관세를 올렸다"


def test_no_cue_leaves_an_ambiguous_term_to_the_engine(glossary):
    assert decided(glossary, "그는 인도로 향했다") == [("인도", "verify", None)]


def test_a_confirming_suffix_is_found_and_kept(glossary):
    assert decided(glossary, "용인시는 반도체 단지를 짓는다") == [("용인시", "insert", "Yongin")]
    assert prepared(glossary, "용인시는 반도체 단지를 짓는다") == "Yongin시는 반도체 단지를 짓는다"
    assert decided(glossary, "그런 용인은 없다") == [("용인", "skip", None)]


def test_quotative_after_a_quote_is_not_iran(glossary):
    assert decided(glossary, "‘영혼 소유권’이란 증서를 팔았다") == [("이란", "skip", None)]
    assert decided(glossary, "이란 정부는 부인했다")[0][1] == "insert"


@pytest.mark.parametrize(
    "sentence",
    ["지휘자 자린 메타는 은퇴했다", "마이클 블룸버그 시장은 말했다", "마이클 블룸버그는 말했다"],
)
def test_a_company_name_after_a_given_name_is_a_surname(glossary, sentence):
    assert [action for _, action, _ in decided(glossary, sentence)] == ["skip"]


def test_a_company_after_a_common_noun_is_the_company(glossary):
    assert decided(glossary, "페이스북 모회사 메타는 발표했다") == [("메타", "insert", "Meta")]
    # a verb form before it is no given name, even with a title after the company
    assert decided(glossary, "사임 의사를 밝히면서 메타 대표가 말했다")[0][1] == "insert"


def test_a_country_the_next_terms_english_names_is_not_written_twice(glossary):
    assert (
        prepared(glossary, "중국 인민은행은 금리를 내렸다")
        == "People's Bank of China은 금리를 내렸다"
    )
    assert decided(glossary, "중국 인민은행은 금리를 내렸다")[0][:2] == ("중국", "skip")


def test_a_place_glued_to_a_latin_name_is_part_of_it(glossary):
    assert decided(glossary, "한국GM 노조가 파업했다") == [("한국", "skip", None)]


def test_another_countrys_institution_is_not_the_glossarys(glossary):
    actions = decided(glossary, "이스라엘 국방부는 작전을 발표했다")
    assert actions == [("이스라엘", "insert", "Israeli"), ("국방부", "skip", None)]
    assert decided(glossary, "미국 국방부는 발표했다")[1] == (
        "국방부",
        "insert",
        "Defense Department",
    )
    assert decided(glossary, "국방부는 발표했다") == [("국방부", "insert", "Defense Department")]


def test_a_body_inside_another_countrys_body(glossary):
    assert [a for _, a, _ in decided(glossary, "미 상원 금융위원회는 청문회를 열었다")] == [
        "insert",
        "insert",
        "skip",
    ]


# ---- the form


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("중국 정부는 반발했다", "Chinese 정부는 반발했다"),
        ("미국 대사관 앞", "U.S. 대사관 앞"),
        ("중국이 반발했다", "China이 반발했다"),
        ("미국, 중국 등 주요국", "United States, China 등 주요국"),
        ("공장은 중국 내 있다", "공장은 China 내 있다"),
    ],
)
def test_attributive_form_before_a_noun_only(glossary, sentence, expected):
    assert prepared(glossary, sentence) == expected


def test_title_form_goes_before_the_name(glossary):
    assert prepared(glossary, "존 매케인 상원의원은 반대했다") == "Sen. 존 매케인은 반대했다"
    assert prepared(glossary, "상원의원들은 반대했다") == "senators은 반대했다"


def test_plural_forms(glossary):
    assert prepared(glossary, "아이폰들이 팔렸다") == "iPhones이 팔렸다"
    assert prepared(glossary, "수십억 달러를 썼다") == "수십억 dollars를 썼다"
    assert prepared(glossary, "달러 가치가 올랐다") == "dollar 가치가 올랐다"


def test_the_writers_gloss_is_written_once_with_its_abbreviation(glossary):
    assert (
        prepared(glossary, "최고경영자(CEO)는 말했다") == "chief executive officer (CEO)는 말했다"
    )
    assert prepared(glossary, "연방준비제도(연준)는 동결했다") == "Federal Reserve (Fed)는 동결했다"
    actions = decided(glossary, "연방준비제도(연준)는 동결했다")
    assert [action for _, action, _ in actions] == ["insert", "skip"]


def test_a_term_does_not_repeat_the_english_before_it(glossary):
    assert prepared(glossary, "구글 딥마인드가 공개했다") == "Google DeepMind가 공개했다"
    assert prepared(glossary, "딥마인드가 공개했다") == "Google DeepMind가 공개했다"


# ---- from English


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("He won the vote.", [("won", "skip", None)]),
        ("It costs 5,000 won.", [("won", "insert", "원화")]),
        ("It costs 3 trillion won.", [("won", "insert", "원화")]),
        ("He won't resign.", []),
        ("Arm designs chips.", [("Arm", "insert", "ARM")]),
        ("They sold arms to the rebels.", [("arm", "skip", None)]),
        ("The Fars News Agency said so.", [("News", "skip", None)]),
        ("The news spread fast.", [("news", "insert", "뉴스")]),
        ("He declined to comment.", [("comment", "skip", None)]),
        ("The Chinese government objected.", [("Chinese", "insert", "중국")]),
        ("He drove a Ford Focus.", [("Ford", "verify", None)]),  # a longer name, often 포드 too
        ("The USS Ford docked.", [("US", "skip", None), ("Ford", "insert", "포드")]),  # USS
        ("VW kept the petrol Golf.", [("Golf", "skip", None)]),  # capitalized mid-sentence
    ],
)
def test_english_hits_respect_case_word_class_and_names(glossary, sentence, expected):
    assert decided(glossary, sentence, "en") == expected


# ---- visible decisions


def test_json_decisions_have_document_offsets_like_scan(cli, tmp_path):
    (tmp_path / "news.yaml").write_text(GLOSSARY, encoding="utf-8")
    article = (
        "제목\n\n이스라엘 국방부는 발표했다. 중국 정부는 반발했다.\n유리 파편이 인도에 흩어졌다.\n"
    )
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    options = ["-g", str(tmp_path / "news.yaml")]
    translated = cli("translate", str(tmp_path / "a.txt"), "-e", "none", "-f", "json", *options)
    assert translated.exit_code == 0, translated.stderr
    decisions = json.loads(translated.stdout)["decisions"]
    scanned = json.loads(cli("scan", str(tmp_path / "a.txt"), "-f", "json", *options).stdout)
    assert [(d["start"], d["end"]) for d in decisions] == [(m["start"], m["end"]) for m in scanned]
    assert [d["action"] for d in decisions] == ["insert", "skip", "insert", "skip"]
    assert all(article[d["start"] : d["end"]] == d["text"] for d in decisions)
    assert decisions[1]["reason"] and decisions[1]["inserted"] is None


def test_bilingual_output_marks_skips_and_failed_verifies(glossary):
    from bilingo import translate

    text = "유리 파편이 인도에 흩어졌다.\n\n그는 인도로 향했다.\n\n연방준비제도(연준)는 동결했다.\n"
    result = translate(text, glossary, engine="none")
    assert result.render("bilingual") == (
        "유리 파편이 인도에 흩어졌다.\n유리 파편이 인도에 흩어졌다.\n"
        "[skip] 인도: another sense: ~에 흩어\n\n"
        "그는 인도로 향했다.\n그는 인도로 향했다.\n"
        "[verify] 인도: India not in the translation (ambiguous: no cue confirms this sense)\n\n"
        "연방준비제도(연준)는 동결했다.\nFederal Reserve (Fed)는 동결했다.\n"  # a gloss is no news
    )


def test_a_verified_term_the_engine_renders_is_found(glossary):
    from bilingo import translate
    from bilingo.engines import Engine

    class KnowsIndia(Engine):
        name, source_lang, target_lang = "fake", "ko", "en"

        def translate_batch(self, sentences, target_prefixes=None):
            return [s.replace("그는 인도로 향했다.", "He left for India.") for s in sentences]

    result = translate("그는 인도로 향했다.", glossary, engine=KnowsIndia())
    assert [(d.action, d.found) for d in result.decisions] == [("verify", True)]
    assert result.text == "He left for India."  # nothing forced in, nothing to report
    assert result.render("bilingual").count("[verify]") == 0


def test_an_adjective_finds_its_entry_and_the_particle_agrees(glossary):
    from bilingo import translate
    from bilingo.engines import Engine

    class EnglishToKorean(Engine):
        """Pretends to translate: a particle that agreed with the English word."""

        name, source_lang, target_lang = "fake", "en", "ko"

        def translate_batch(self, sentences, target_prefixes=None):
            # 가 agreed with "government"; after 중국 it must be 이
            return [s.replace(" government objected", "가 반대했다") for s in sentences]

    result = translate("The Chinese government objected.", glossary, engine=EnglishToKorean())
    assert result.text == "The 중국이 반대했다."
    assert result.decisions[0].text == "Chinese" and result.decisions[0].inserted == "중국"


def test_streamed_decisions_keep_document_offsets(glossary):
    """Offsets into the whole input, across parts and through Unicode normalization."""
    import io
    import unicodedata

    from bilingo.engines.none import NoneEngine
    from bilingo.translation import translate_stream

    paragraph = "이스라엘 국방부는 발표했다. 중국 정부는 반발했다.\n"
    text = unicodedata.normalize("NFD", "제목\n\n") + paragraph * 30  # decomposed Hangul first
    out = io.StringIO()
    translate_stream(io.StringIO(text), glossary, NoneEngine("ko", "en"), out.write, "json",
                     part_size=200)  # fmt: skip
    decisions = json.loads(out.getvalue())["decisions"]
    assert len(decisions) == 3 * 30
    assert all(text[d["start"] : d["end"]] == d["text"] for d in decisions)
    assert [d["action"] for d in decisions[:3]] == ["insert", "skip", "insert"]


# ---- cues of uncased words are compared without a regular expression, exactly alike

CUE_TEXT = st.text(alphabet="학습및에쓰 \u3000\t·,~1", max_size=8)


@settings(max_examples=400, deadline=None)
@given(CUE_TEXT, st.text(alphabet="학습및에쓰 \u3000\t·,1", max_size=14), st.data())
def test_a_cue_of_words_holds_where_its_expression_does(cue, sentence, data):
    from bilingo.decisions import context

    if cue.count("~") != 1:
        cue = cue.replace("~", "") + "~"
    start = data.draw(st.integers(0, len(sentence)))
    end = data.draw(st.integers(start, len(sentence)))
    compiled = context.compile_cue(cue)
    left, _, right = cue.partition("~")
    by_expression = context.Cue(
        cue,
        re.compile(f"(?:{context._pattern(left)})\\Z", re.IGNORECASE) if left else None,
        re.compile(context._pattern(right), re.IGNORECASE) if right else None,
    )
    assert all(type(part) is not re.Pattern for part in (compiled.before, compiled.after))
    assert compiled.matches(sentence, start, end) == by_expression.matches(sentence, start, end)


def test_a_cue_with_a_number_or_latin_letters_stays_an_expression():
    from bilingo.decisions import context

    assert isinstance(context.compile_cue("# ~").before, re.Pattern)
    assert isinstance(context.compile_cue("~ Chip").after, re.Pattern)
    assert context.compile_cue("~ CHIP").matches("엔비디아 chip", 0, 4)
