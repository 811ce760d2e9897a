"""translate(): glossary before and after MT, repairs, figures, en->ko particle agreement."""

from __future__ import annotations

import pytest

from bilingo import load_glossary
from bilingo.engines import get_engine
from bilingo.engines.base import Engine
from bilingo.translation import fix_particles, prepare_source
from bilingo.translation import run_pipeline as translate

ARTICLE = (
    "딥시크 쇼크에 엔비디아 급락\n"
    "- 딥시크 “557만6000달러로 개발”\n\n"
    "중국 스타트업 딥시크(DeepSeek)가 내놓은 모델에 엔비디아의 주가가 17% 떨어졌다. "
    "시가총액은 5890억달러가 사라졌다.\n"
    "마크 앤드리센은 이를 ‘스푸트니크 모먼트’라고 불렀다.\n"
)


@pytest.fixture(scope="module")
def glossary():
    return load_glossary(use_cache=False)


@pytest.mark.parametrize(
    "sentence, prepared",
    [
        ("딥시크의 모델", "DeepSeek의 model"),
        ("엔비디아가 급락했다", "Nvidia가 급락했다"),
        ("하이퍼스케일러들은 투자를 늘렸다", "hyperscalers은 투자를 늘렸다"),  # 들: the plural
        ("비용은 557만6000달러에 그쳤다", "비용은 $5.576 million에 그쳤다"),
        ("600만 달러 미만", "$6 million 미만"),  # a figure, not the term 달러
        ("딥시크(DeepSeek)가 발표", "DeepSeek가 발표"),  # the writer's own gloss is not doubled
        ("딥시크릿 파티", "딥시크릿 파티"),
    ],
)
def test_prepare_source(glossary, sentence, prepared):
    assert prepare_source(sentence, glossary).text == prepared


def test_none_engine_applies_glossary_and_figures(glossary):
    result = translate(ARTICLE, glossary, get_engine("none", "ko", "en"))
    lines = result.text.splitlines()
    assert lines[0] == "DeepSeek 쇼크에 Nvidia 급락"  # 쇼크 is an everyday loanword, left to MT
    assert lines[1] == "- DeepSeek “$5.576 million로 개발”"
    assert lines[2] == ""
    assert "market capitalization은 $589 billion가 사라졌다." in lines[3]
    assert lines[4] == "Marc Andreessen은 이를 ‘Sputnik moment’라고 불렀다."
    assert result.repairs == 0
    counts = {t.ko: t.count for t in result.applied_terms}
    assert counts["딥시크"] == 3 and counts["엔비디아"] == 2
    assert result.signature["glossary"] == glossary.fingerprint()


def test_paragraphs_and_blank_lines_are_kept(glossary):
    text = "\n제목 줄\n\n\n첫 문단이다. 둘째 문장이다.\r\n마지막 줄\n\n"
    result = translate(text, glossary, get_engine("none", "ko", "en"))
    assert result.text == text
    assert [s.source for s in result.segments] == [
        "제목 줄",
        "첫 문단이다.",
        "둘째 문장이다.",
        "마지막 줄",
    ]


def test_no_glossary_keeps_terms_but_makes_figures_exact(glossary):
    result = translate("딥시크가 600만 달러를 썼다", None, get_engine("none", "ko", "en"))
    assert result.text == "딥시크가 $6 million를 썼다"
    assert result.applied_terms == []


class FaultyEngine(Engine):
    """A test engine that copies its input but misspells DeepSeek and drops Nvidia.

    With a forced target prefix it continues the source after the prefix, as a
    real model does, so the re-decoding repair can be observed.
    """

    name = "faulty"
    source_lang, target_lang = "ko", "en"

    def __init__(self, supports_prefix: bool):
        self.supports_prefix = supports_prefix
        self.calls: list[tuple[list[str], list[str] | None]] = []

    def translate_batch(self, sentences, target_prefixes=None):
        self.calls.append((list(sentences), target_prefixes))
        outputs = []
        for index, sentence in enumerate(sentences):
            prefix = target_prefixes[index] if target_prefixes else ""
            if prefix and "Nvidia" in prefix:
                rest = sentence.split("Nvidia", 1)[1].replace("DeepSeek", "Dipsik")
                outputs.append(prefix.rstrip() + rest)
                continue
            outputs.append(
                " ".join(sentence.replace("DeepSeek", "Dipsik").replace("Nvidia", "").split())
            )
        return outputs


@pytest.mark.parametrize("supports_prefix", [True, False])
def test_repairs_put_back_mangled_and_dropped_terms(glossary, supports_prefix):
    engine = FaultyEngine(supports_prefix)
    result = translate("딥시크가 공개하자 엔비디아가 급락했다.", glossary, engine)
    assert result.text == "DeepSeek가 공개하자 Nvidia가 급락했다."
    assert result.repairs == 2
    assert len(engine.calls) == (2 if supports_prefix else 1)
    if supports_prefix:
        assert engine.calls[1][1] == ["DeepSeek가 공개하자 Nvidia "]


def test_figures_are_verified_too(glossary):
    class DropsDollarSign(FaultyEngine):
        def translate_batch(self, sentences, target_prefixes=None):
            return [s.replace("$5.576 million", "5.576 millions") for s in sentences]

    result = translate("비용은 557만6000달러였다.", glossary, DropsDollarSign(False))
    assert result.text == "비용은 $5.576 million였다."
    assert result.repairs == 1


@pytest.mark.parametrize(
    "output, term, fixed",
    [
        ("딥시크은 싸다", "딥시크", "딥시크는 싸다"),
        ("엔비디아을 샀다", "엔비디아", "엔비디아를 샀다"),
        ("애플가 밝혔다", "애플", "애플이 밝혔다"),
        ("구글으로 옮겼다", "구글", "구글로 옮겼다"),
        ("삼성로 옮겼다", "삼성", "삼성으로 옮겼다"),
        ("딥시크과 엔비디아", "딥시크", "딥시크와 엔비디아"),
        ("딥시크의 모델", "딥시크", "딥시크의 모델"),
        ("딥시크 모델", "딥시크", "딥시크 모델"),
    ],
)
def test_fix_particles(output, term, fixed):
    assert fix_particles(output, [term]) == fixed


def test_english_to_korean_fixes_particles_after_inserted_terms(glossary):
    class EnglishToKorean(Engine):
        """Pretends to translate: writes Korean particles that agreed with the English word."""

        name, source_lang, target_lang = "fake", "en", "ko"

        def translate_batch(self, sentences, target_prefixes=None):
            return [
                s.replace(" is cheap", "은 싸다").replace(" bought", "을 샀다") for s in sentences
            ]

    result = translate("DeepSeek is cheap. Nvidia bought", glossary, EnglishToKorean())
    assert result.text == "딥시크는 싸다. 엔비디아를 샀다"
    assert {(t.ko, t.en) for t in result.applied_terms} == {
        ("딥시크", "DeepSeek"),
        ("엔비디아", "Nvidia"),
    }


def test_argos_engine_with_a_copying_model_equals_the_none_engine(glossary, installed_models):
    argos = translate(ARTICLE, glossary, get_engine("argos", "ko", "en"))
    plain = translate(ARTICLE, glossary, get_engine("none", "ko", "en"))
    assert argos.text == plain.text
    assert argos.repairs == 0
    assert argos.signature["package_version"] == "1.0"


class OneCallEngine(Engine):
    """Copies its input; it translates only when asked to, in one call, writing that down."""

    name = "one-call"

    def __init__(self, events: list[str]):
        super().__init__("ko", "en")
        self.events = events

    def translate_batch(self, sentences, target_prefixes=None):
        self.events.append(f"translate {len(sentences)}")
        return list(sentences)


class RecordingEngine(OneCallEngine):
    """Also starts batches, writing down when each is started and when it is collected."""

    name = "recording"

    def start_batch(self, sentences, target_prefixes=None):
        self.events.append(f"start {len(sentences)}")
        return lambda: self.events.append(f"collect {len(sentences)}") or list(sentences)


def test_the_first_sentences_are_translating_while_the_rest_are_prepared(glossary, monkeypatch):
    from bilingo.translation import pipeline

    events: list[str] = []
    real_prepare = pipeline.prepare_source

    def recording_prepare(sentence, *args):
        events.append("prepare")
        return real_prepare(sentence, *args)

    monkeypatch.setattr(pipeline, "prepare_source", recording_prepare)
    document = "\n".join(f"딥시크가 {n}만 달러를 투자했다." for n in range(1, 41))
    overlapped = translate(document, glossary, RecordingEngine(events))

    head, rest = pipeline.HEAD_SENTENCES, 40 - pipeline.HEAD_SENTENCES
    assert events == [
        *["prepare"] * head,
        f"start {head}",  # before the 17th sentence is prepared
        *["prepare"] * rest,
        f"start {rest}",
        f"collect {head}",
        f"collect {rest}",
    ]
    in_one_call = translate(document, glossary, get_engine("none", "ko", "en"))
    assert overlapped.text == in_one_call.text
    assert overlapped.text.splitlines()[39] == "DeepSeek가 $400,000를 투자했다."


def test_a_progress_bar_a_short_text_or_an_engine_without_start_batch_take_one_call(glossary):
    events: list[str] = []
    forty = "\n".join(["딥시크."] * 40)
    translate("딥시크가 투자했다.", glossary, RecordingEngine(events))
    translate(forty, glossary, RecordingEngine(events), progress=lambda done, total: None)
    translate(forty, glossary, OneCallEngine(events))
    assert events == ["translate 1", "translate 40", "translate 40"]


def test_argos_overlapped_equals_the_none_engine_on_a_long_document(glossary, installed_models):
    document = "\n".join(
        f"엔비디아가 {n}억 달러를 벌었고 딥시크의 모델이 화제다." for n in range(50)
    )
    argos = translate(document, glossary, get_engine("argos", "ko", "en"))
    assert argos.text == translate(document, glossary, get_engine("none", "ko", "en")).text
    assert argos.repairs == 0


@pytest.mark.parametrize(
    "english, prepared",
    [
        ("DeepSeek and Nvidia", "딥시크 and 엔비디아"),
        ("DeepSeek's founder", "딥시크의 founder"),
        ("the hyperscalers' spending", "the 하이퍼스케일러의 spending"),
        ("two hyperscalers said", "two 하이퍼스케일러 said"),
        ("OpenAI said", "오픈AI said"),
        ("AIs and AI's future", "AI and AI의 future"),
        ("Nvidiaa is not Nvidia", "Nvidiaa is not 엔비디아"),
    ],
)
def test_prepare_english_source(glossary, english, prepared):
    assert prepare_source(english, glossary, "en").text == prepared
