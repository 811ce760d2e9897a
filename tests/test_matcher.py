"""The particle-aware matcher: a table of cases written for bilingo, properties, and the cache."""

from __future__ import annotations

import os
import shutil
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilingo import load_glossary
from bilingo.matcher import TermMatcher
from bilingo.paths import cache_dir

MATCHER_GLOSSARY = Path(__file__).parent / "data" / "matcher.yaml"


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return TermMatcher(load_glossary([MATCHER_GLOSSARY], use_cache=False))


CASES = [
    # --- bare terms and case particles
    ("딥시크", ["딥시크"]),
    ("딥시크의 모델", ["딥시크"]),
    ("딥시크가 공개했다", ["딥시크"]),
    ("딥시크는 중국 기업", ["딥시크"]),
    ("딥시크를 두고", ["딥시크"]),
    ("딥시크와 엔비디아", ["딥시크", "엔비디아"]),
    ("딥시크로 몰렸다", ["딥시크"]),
    ("딥시크에 대해", ["딥시크"]),
    ("딥시크에서 나왔다", ["딥시크"]),
    ("딥시크에서는 부인했다", ["딥시크"]),
    ("딥시크에게 물었다", ["딥시크"]),
    ("딥시크로부터 받은", ["딥시크"]),
    ("딥시크까지도 긴장", ["딥시크"]),
    ("딥시크와의 경쟁", ["딥시크"]),
    ("딥시크에겐 기회", ["딥시크"]),
    ("딥시크야말로 주인공", ["딥시크"]),
    ("딥시크만 남았다", ["딥시크"]),
    ("딥시크조차 몰랐다", ["딥시크"]),
    ("딥시크보다 싸다", ["딥시크"]),
    ("딥시크처럼 만들자", ["딥시크"]),
    ("딥시크마저 가세", ["딥시크"]),
    ("엔비디아가 급락", ["엔비디아"]),
    ("엔비디아의 칩", ["엔비디아"]),
    ("엔비디아를 팔았다", ["엔비디아"]),
    ("엔비디아에서만 쓴다", ["엔비디아"]),
    ("삼성이 발표", ["삼성"]),
    ("삼성은 부인", ["삼성"]),
    ("삼성을 제치고", ["삼성"]),
    ("삼성과 애플", ["삼성", "애플"]),
    ("삼성으로 옮겼다", ["삼성"]),
    ("애플이 내놨다", ["애플"]),
    ("구글로 이직", ["구글"]),
    ("구글로부터 투자", ["구글"]),
    # --- plural, suffixes, compounds
    ("하이퍼스케일러들은 투자를 늘렸다", ["하이퍼스케일러"]),
    ("하이퍼스케일러들이 몰렸다", ["하이퍼스케일러"]),
    ("하이퍼스케일러들의 지출", ["하이퍼스케일러"]),
    ("딥시크 측은 답하지 않았다", ["딥시크"]),
    ("딥시크측은 부인", ["딥시크"]),
    ("서울발 뉴스", ["서울"]),
    ("엔비디아칩을 샀다", ["엔비디아"]),
    ("엔비디아 주가가 17% 급락", ["엔비디아"]),
    ("엔비디아주가가 급락", ["엔비디아"]),
    ("딥시크쇼크에 흔들린 시장", ["딥시크"]),
    ("삼성전자급 기업", ["삼성전자"]),
    # --- copula forms
    ("주인공은 딥시크다", ["딥시크"]),
    ("주인공은 딥시크였다", ["딥시크"]),
    ("딥시크라는 회사", ["딥시크"]),
    ("딥시크라고 밝혔다", ["딥시크"]),
    ("딥시크인 셈이다", ["딥시크"]),
    ("딥시크이자 중국 기업", ["딥시크"]),
    ("딥시크이다", ["딥시크"]),
    ("삼성이라는 이름", ["삼성"]),
    ("삼성이었다", ["삼성"]),
    ("AI라는 말", ["AI"]),
    # --- traps: the letters sit inside another word
    ("딥시크릿 파티", []),
    ("애플리케이션을 설치", []),
    ("구글링을 했다", []),
    ("빅애플 뉴욕", []),
    ("파인애플 주스", []),
    ("삼성동 사무실", []),
    ("엔비디아이 없다", []),
    ("구글으로 갔다", []),  # wrong allomorph: not this word
    ("서울대학교", []),
    ("스푸트니크스", []),
    ("OpenAI released", []),  # Latin AI inside a Latin word
    ("H1000 chips", []),
    ("SAID so", []),
    # --- one-syllable headwords stand alone only; demonyms
    ("중 당국", ["중"]),
    ("중국 당국", []),
    ("진행 중인 회의", []),
    ("일본인 관광객", []),
    ("일본인들이 몰렸다", []),
    ("일본이 발표했다", ["일본"]),
    ("일본산 소재", ["일본"]),
    # --- spacing variants and variants
    ("스푸트니크 모먼트가 왔다", ["스푸트니크 모먼트"]),
    ("스푸트니크모먼트라고 평했다", ["스푸트니크 모먼트"]),
    ("스푸트니크가 발사됐다", ["스푸트니크"]),
    ("딥 시크의 모델", ["딥시크"]),
    ("마크앤드리센은 말했다", ["마크 앤드리센"]),
    ("마크 앤드리센은 말했다", ["마크 앤드리센"]),
    ("샘 알트만이 반박", ["샘 올트먼"]),
    # --- leftmost-longest
    ("삼성전자의 실적", ["삼성전자"]),
    ("삼성전자가 발표", ["삼성전자"]),
    ("오픈AI가 내놓은 챗GPT", ["오픈AI", "챗GPT"]),
    # --- what may stand on the left: punctuation, quotes, brackets, digits, Latin, hanja
    ("中딥시크 돌풍", ["딥시크"]),
    ("美엔비디아 급락", ["엔비디아"]),
    ("‘스푸트니크 모먼트’라고", ["스푸트니크 모먼트"]),
    ("“딥시크는 혁신”", ["딥시크"]),
    ("(딥시크) 보도", ["딥시크"]),
    ("[딥시크] 특집", ["딥시크"]),
    ("AI데이터센터 건설", ["AI", "데이터센터"]),
    ("2025딥시크", ["딥시크"]),
    ("X딥시크", ["딥시크"]),
    ("딥시크·엔비디아·애플", ["딥시크", "엔비디아", "애플"]),
    ("H100 칩", ["H100"]),
    ("H100을 대체", ["H100"]),
    ("AI는 도구다", ["AI"]),
    ("트럼프 대통령은 딥시크가", ["트럼프", "딥시크"]),
]


@pytest.mark.parametrize("text, headwords", CASES)
def test_matcher_cases(matcher, text, headwords):
    assert [match.term.ko for match in matcher.find(text)] == headwords


def test_there_are_at_least_80_cases():
    assert len(CASES) >= 80


def test_match_reports_surface_particle_and_offsets(matcher):
    text = "지난주 스푸트니크모먼트라고 했던 딥시크의 모델"
    found = matcher.find(text)
    assert [(m.start, m.end, m.text, m.particle) for m in found] == [
        (4, 12, "스푸트니크모먼트", "라고"),
        (18, 21, "딥시크", "의"),
    ]


# --------------------------------------------------------------------------- properties

HANGUL = st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3)
FILLER = st.text(
    alphabet=st.one_of(HANGUL, st.sampled_from(" .,‘’“”()0123456789AB\n")), max_size=40
)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(
        alphabet=st.one_of(HANGUL, st.sampled_from(" .,‘’AIH10딥시크엔비디아")), max_size=80
    )
)
def test_matches_never_overlap_and_point_at_their_text(matcher, text):
    found = matcher.find(text)
    for match in found:
        assert text[match.start : match.end] == match.text
    for left, right in zip(found, found[1:], strict=False):
        assert left.end <= right.start


PARTICLES = [
    "",
    "의",
    "는",
    "를",
    "와",
    "에서는",
    "로부터",
    "까지도",
    "들은",
    "였다",
    "라는",
    "측은",
]


@settings(max_examples=200, deadline=None)
@given(before=FILLER, after=FILLER, particle=st.sampled_from(PARTICLES))
def test_inserted_term_is_found_at_its_place(matcher, before, after, particle):
    text = f"{before} 딥시크{particle} {after}"
    start = len(before) + 1
    found = [m for m in matcher.find(text) if m.start == start]
    assert [(m.term.ko, m.end, m.particle) for m in found] == [("딥시크", start + 3, particle)]


# --------------------------------------------------------------------------- the compiled cache


def cached_files() -> list[str]:
    """The parts in the cache folder (each one's JSON file; the matcher's automaton is beside it)."""
    folder = cache_dir()
    return (
        sorted(p.name.rsplit("-", 1)[0] for p in folder.glob("*.json")) if folder.exists() else []
    )


def test_cache_is_built_then_used(sample_glossary):
    glossary = load_glossary([sample_glossary])
    glossary.matcher()
    assert cached_files() == ["matcher", "rows"]  # each part is cached once it is used
    glossary.lookup("딥시크")
    assert cached_files() == ["korean-index", "matcher", "rows"]
    again = load_glossary([sample_glossary])
    assert again.cache_key == glossary.cache_key
    assert [m.term.ko for m in again.matcher().find("딥시크의 하이퍼스케일러들")] == [
        "딥시크",
        "하이퍼스케일러",
    ]


def test_editing_a_file_is_seen_at_once(sample_glossary):
    load_glossary([sample_glossary]).matcher()
    path = sample_glossary / "ai.yaml"
    text = path.read_text(encoding="utf-8").replace("en: DeepSeek\n", "en: DeepSeek AI\n")
    stat = path.stat()
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # even with the old mtime
    assert load_glossary([sample_glossary]).get("딥시크").en == "DeepSeek AI"


def test_deleted_cache_is_rebuilt(sample_glossary):
    load_glossary([sample_glossary]).matcher()
    shutil.rmtree(cache_dir())
    glossary = load_glossary([sample_glossary])
    assert [m.term.ko for m in glossary.matcher().find("엔비디아가")] == ["엔비디아"]
    assert cached_files() == ["matcher", "rows"]


def test_unreadable_cache_is_ignored_with_a_warning(sample_glossary):
    from bilingo.errors import BilingoWarning

    load_glossary([sample_glossary]).matcher()
    for path in cache_dir().rglob("*"):
        if path.is_file():
            path.write_bytes(b"not a cache file")
    with pytest.warns(BilingoWarning, match="ignoring unreadable cache"):
        glossary = load_glossary([sample_glossary])
        assert glossary.get("딥시크").en == "DeepSeek"
        assert [m.term.ko for m in glossary.matcher().find("엔비디아가")] == ["엔비디아"]


def test_two_builders_at_once_leave_a_whole_cache(sample_glossary):
    from concurrent.futures import ThreadPoolExecutor

    from .conftest import run_bilingo

    with ThreadPoolExecutor(4) as pool:
        runs = list(
            pool.map(
                lambda _: run_bilingo(
                    "scan", "-g", sample_glossary, "-f", "json", input="딥시크의 엔비디아"
                ),
                range(4),
            )
        )
    assert [run.returncode for run in runs] == [0] * 4
    assert len({run.stdout for run in runs}) == 1
    assert cached_files() == ["matcher", "rows"]
    assert len(list(cache_dir().glob("matcher-*.automaton"))) >= 1  # each writer names its own
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # every file whole: read without a warning
        glossary = load_glossary([sample_glossary])
        assert [m.term.ko for m in glossary.matcher().find("엔비디아가")] == ["엔비디아"]
