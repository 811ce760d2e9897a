"""Propose glossary entries from a Korean article.

Three kinds of proposal, none of them already in the glossary:

* **pairs** the writer spelled out as 한글(English): 딥시크(DeepSeek),
  리사 수(Lisa Su), 최고경영자(CEO). The bracket must hold Latin letters and no
  Hangul, so 27일(현지시간) and (뉴욕=연합뉴스) are not pairs. The Korean side is
  the word right before the bracket; a word further left joins it only while
  it sounds like the English word in the same place (리사 ~ Lisa, 수 ~ Su), so
  a two-word name is taken whole but 중국 인공지능(AI) gives 인공지능 alone.
* **candidates**: Hangul words that look transliterated. Korean writes foreign
  words under rules native words do not follow: the official loanword
  orthography allows only ㄱㄴㄹㅁㅂㅅㅇ as final consonants and no tense
  plosives, and English consonant clusters come out as syllables with the
  filler vowel ㅡ (스, 크, 트, 프: 트럼프, 스푸트니크); Sino-Korean, the bulk of
  news vocabulary, has no 디/티, no ㅔ with a final consonant and almost no
  ㅋ. A word scores by such syllables; common words (loanwords Korean has
  made its own, like 서비스, and native words that trip the rules, like 크게)
  are left out.
* **names**: a Korean name (family name from the usual list, then a one- or
  two-syllable given name) or a foreign name right before a title such as
  대표, 회장, 장관, 씨 or CEO.

Every proposal carries a suggested English. Korean names follow newspaper
convention: the family name as papers spell it (Kim, Lee, Park, Choi), then
the given name in Revised Romanization, hyphenated and without sound changes
(홍길동 -> Hong Gil-dong), which is what the RR rules for personal names say.
Loanwords get a best guess from the Hangul spelling (딥시크 -> Dipsik); such a
guess is marked, and shown with a trailing "?".

Particles are stripped using the whole document as evidence: 딥시크가 and
딥시크의 both point at 딥시크, while a lone 테슬라 keeps its 라, because 라 is
only a weak particle reading and nothing else in the text backs it.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from dataclasses import dataclass, field

from . import korean
from .korean.hangul import jamo
from .korean.romanize import (
    SURNAMES,
    guess_english,
    guess_word,
    revised_romanization,
    romanize_korean_name,
)
from .glossary import Glossary, render_entry, without_spaces
from .terms import Term, TermType

__all__ = [
    "Candidate",
    "ExtractResult",
    "Pair",
    "extract",
    "extract_to_json",
    "extract_to_rows",
    "extract_to_yaml",
    "guess_english",
    "loanword_score",
    "revised_romanization",
    "romanize_korean_name",
]


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Pair:
    """A term the article spells out as 한글(English); count is its mentions in the text."""

    ko: str
    en: str
    count: int
    written: str = ""  # the text as it stood, e.g. "리사 수(Lisa Su)"

    def to_dict(self) -> dict:
        return {"ko": self.ko, "en": self.en, "count": self.count}


@dataclass(frozen=True)
class Candidate:
    """A word that looks like a new name or loanword, with a suggested English.

    `guess` is true when the English is only a reading of the Hangul spelling
    (loanwords and foreign names); `reason` says why the word was proposed.
    """

    ko: str
    count: int
    suggestion: str
    guess: bool
    reason: str  # "loanword", "korean name" or "foreign name"
    type: TermType | None = None

    @property
    def shown_suggestion(self) -> str:
        """The suggestion as shown to the user: a guess ends in "?"."""
        return f"{self.suggestion}?" if self.guess else self.suggestion

    def to_dict(self) -> dict:
        return {"ko": self.ko, "count": self.count, "suggestion": self.shown_suggestion}


@dataclass
class ExtractResult:
    """What `extract` proposes: pairs in text order, candidates most frequent first."""

    pairs: list[Pair] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)


# --------------------------------------------------------------------------- Hangul sounds


def _words(text: str) -> list[str]:
    """A word list written as one string, for the long tables below."""
    return text.split()


_G, _KK, _N, _D, _TT, _R, _M, _B, _PP, _S, _SS, _NG, _J, _JJ, _CH, _K, _T, _P, _H = range(19)
_A, _AE, _EO, _E, _YEO, _O, _WAE, _YO, _U, _WO, _WE, _YU, _EU, _I = (
    0, 1, 4, 5, 6, 8, 10, 12, 13, 14, 15, 17, 18, 20,
)  # fmt: skip
_YA = 2
_LOANWORD_FINALS = {0, 1, 4, 8, 16, 17, 19, 21}  # none, ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ
_FINAL_L, _FINAL_N, _FINAL_S, _FINAL_NG, _FINAL_K = 8, 4, 19, 21, 1
_jamo = jamo
_guess_word = guess_word


def _syllable_weight(syllable: str) -> float | None:
    """How strongly one syllable points to a loanword; None rules the word out."""
    initial, medial, final = _jamo(syllable)
    if final not in _LOANWORD_FINALS or initial in (_KK, _TT, _PP, _JJ):
        return None
    if initial == _SS:
        return -0.5
    if medial == _EU:
        if final == 0:
            if initial in (_S, _K, _T, _P, _D, _B, _J, _CH):
                return 1.0
            return {_H: 0.6, _G: 0.4, _R: 0.4}.get(initial, 0.0)
        if initial in (_K, _T, _P):
            return 0.6
        return 0.4 if initial == _S and final in (_FINAL_N, _FINAL_L) else 0.0
    if initial == _K:
        return 0.0 if medial == _WAE else 0.7
    if medial == _E:
        if final:
            return 0.0 if syllable in ("넷", "셋") else 0.9
        return 0.5 if initial in (_M, _B, _D, _T, _P, _R) else 0.0
    if initial in (_D, _T) and medial == _I:
        return 0.8
    if initial == _P and (
        medial in (_EO, _YU) or (medial == _I and final in (_FINAL_NG, _FINAL_K))
    ):
        return 0.8
    if initial == _P and medial == _O and final in (_FINAL_N, _FINAL_NG):
        return 0.6
    if initial == _T and medial == _YU:
        return 0.8
    if initial == _S and medial in (_YO, _YU, _YA, _WE):
        return 0.8
    if initial == _N and medial == _YU:
        return 0.8
    if medial in (_WO, _WE):
        return 0.4
    if final == _FINAL_S and syllable not in ("것", "엇", "옷", "맛", "멋", "잇", "웃", "첫"):
        return 0.3
    return 0.0


def loanword_score(word: str) -> float:
    """Sum of the loanword weights of a word's syllables; 0 when a syllable rules it out."""
    total = 0.0
    for syllable in word:
        if not korean.is_hangul_syllable(syllable):
            continue
        weight = _syllable_weight(syllable)
        if weight is None:
            return 0.0
        total += weight
    return total


# Words that score as loanwords but need no glossary entry: loanwords Korean
# has made its own, and native words that happen to break the loanword rules.
COMMON_WORDS = frozenset(
    _words(
        """
    뉴스 서비스 스타트업 테스트 데이터 센터 시스템 프로그램 프로젝트 플랫폼 컴퓨터
    인터넷 소프트웨어 하드웨어 스마트폰 모바일 디지털 네트워크 클라우드 오픈소스
    그룹 리스크 이슈 트렌드 마케팅 브랜드 콘텐츠 미디어 에너지 배터리 스포츠 게임
    호텔 택시 버스 테러 달러 유로 퍼센트 포인트 칩 서버 모델 로봇 드론 테크 빅테크
    인프라 애플리케이션 앱 데이터센터 컨퍼런스 콘퍼런스 커뮤니티 애널리스트 컴퓨팅 헤지펀드
    쇼크 골프 골프클럽 스트리트 매니저 비즈니스 이코노미 인플레이션 리세션 스태그플레이션
    테크놀로지 엔지니어 엔지니어링 알고리즘 소셜미디어 미디어 유튜브 스토리
    카메라 디자인 스타일 모니터 키보드 스크린 텔레비전 라디오 레스토랑 커피 케이크
    아이디어 이미지 메시지 텍스트 코드 파일 폴더 다운로드 업데이트 업그레이드 버전
    스트레스 트럭 티켓 퀴즈 클럽 팀 리더 멤버 파트너 고객 스타 엘리트 캠페인
    이벤트 프레임 블록 체인 블록체인 코인 토큰 펀드 펀드매니저 스톡 스톡옵션
    크게 크다 크고 크며 큰 크기 그리고 그러나 그래서 그런데 그러면 스스로 드디어 드물게
    드문 드러난 드러나 드러내 트집 크리스마스 프로 세트 테이블 디스플레이 트윗
    엔진 인터뷰 오디오 비디오 스튜디오 타깃 타겟 벤치마크 스펙 테스트베드 퍼즐
    국정원 금감원 금융위 공정위 방통위 선관위 인권위 전문가 관계자
    """
    )
)

# Words that, right after a name, say it is a person's name.
PERSON_TITLES = frozenset(
    _words(
        """
    씨 대표 회장 부회장 사장 부사장 장관 차관 의원 대통령 총리 위원장 위원 특파원 기자
    교수 연구원 이사 이사장 의장 총재 원장 청장 실장 국장 팀장 부장 본부장 센터장 소장
    시장 지사 대변인 변호사 박사 감독 선수 최고경영자 창업자 공동창업자 창업주 최고기술책임자
    최고재무책임자 애널리스트 연구위원 전무 상무 고문 대사 여사 행장 은행장
    CEO CFO CTO COO
    """
    )
)

# Endings of organisation and place words, which look like names before a title
# (국방부 대변인, 한국은행 총재) but are not.
_ORGANISATION_ENDINGS = tuple(_words("부 처 청 당 사 국 회 단 실 관 소 시 도 구 군"))


# --------------------------------------------------------------------------- tokens


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str

    @property
    def is_hangul(self) -> bool:
        return all(korean.is_hangul_syllable(ch) for ch in self.text)


_TOKEN_RE = re.compile(r"[\uac00-\ud7a3A-Za-z0-9]+")
_HANGUL_RUN_RE = re.compile(r"[\uac00-\ud7a3]+")
_BRACKET_RE = re.compile(r"[(（](?P<inside>[^()（）\n]{1,80})[)）]")
_LATIN_RE = re.compile(r"[A-Za-z]")
_NOT_A_NAME_RE = re.compile(r"[:=;/@]|https?|www\.")


def _tokens(text: str) -> list[_Token]:
    return [_Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]


def _spaced(text: str, left: _Token, right: _Token) -> bool:
    """True when only spaces (no punctuation, no line break) lie between two tokens."""
    gap = text[left.end : right.start]
    return bool(gap) and gap.strip(" ") == ""


# Particles strong enough to strip on their own; the rest (다, 라, 고 ...) end
# too many loanwords to be trusted without other evidence in the text.
_STRONG_PARTICLES = frozenset(_words("은 는 이 가 을 를 의 에 와 과 로 도 들 만 께"))
# Chains that open with a noun suffix or a compound noun (제도 = 제 + 도,
# 시장 = the noun) are just as often the end of a longer noun: 연방준비제도.
_NOUN_STARTS = tuple(unit.form for unit in korean.NOUN_SUFFIXES + korean.COMPOUND_NOUNS)


def _tail_strength(tail: str) -> int:
    if not tail:
        return 0
    if tail.startswith(_NOUN_STARTS):
        return -1
    if len(tail) > 1:
        return 2
    return 1 if tail in _STRONG_PARTICLES else -1


class _Stems:
    """Reads each Hangul word as stem + particles, using the whole text as evidence."""

    def __init__(self, words: list[str]):
        self.tails: dict[str, set[str]] = {}
        for word in set(words):
            for stem, tail in korean.split_particles(word):
                self.tails.setdefault(stem, set()).add(tail)

    def stem(self, word: str, bare_likely: bool = False) -> tuple[str, str]:
        """The best (stem, particles) reading; `bare_likely` keeps the word whole unless
        the text shows the shorter stem elsewhere (a word right before a bracket)."""
        # A one-syllable stem (대 in 대표는) is almost never the word meant.
        readings = [r for r in korean.split_particles(word) if len(r[0]) > 1 or len(word) == 1]

        def evidence(reading: tuple[str, str]):
            stem, tail = reading
            strength = 3 if bare_likely and not tail else _tail_strength(tail)
            return (len(self.tails.get(stem, ())), strength, len(stem))

        return max(readings, key=evidence)


# --------------------------------------------------------------------------- extract


def extract(text: str, glossary: Glossary) -> ExtractResult:
    """Pairs, names and loanword candidates in `text` that `glossary` does not have yet."""
    tokens = _tokens(text)
    stems = _Stems([t.text for t in tokens if t.is_hangul])
    known = _known_spans(text, glossary)

    def is_known(ko: str) -> bool:
        return bool(glossary.lookup(ko))

    pairs = _pairs(text, tokens, stems, is_known)
    taken = {without_spaces(p.ko) for p in pairs} | {w for p in pairs for w in p.ko.split()}
    names = _names(text, tokens, known, is_known, taken)
    taken |= {without_spaces(ko) for ko, _, _ in names} | {
        w for ko, _, _ in names for w in ko.split()
    }
    loanwords = _loanwords(tokens, stems, known, is_known, taken)

    counts = _counts(text, [p.ko for p in pairs] + [n[0] for n in names] + loanwords, known)
    proposals: list[tuple[int, Candidate]] = []
    for ko, reason, first in names:
        korean_name = reason == "korean name"
        english = romanize_korean_name(ko) if korean_name else guess_english(ko)
        candidate = Candidate(
            ko, max(1, counts[ko]), english, not korean_name, reason, TermType.PERSON
        )
        proposals.append((first, candidate))
    for ko in loanwords:
        candidate = Candidate(ko, max(1, counts[ko]), guess_english(ko), True, "loanword")
        proposals.append((text.find(ko), candidate))
    proposals.sort(key=lambda item: (-item[1].count, item[0]))
    return ExtractResult(
        pairs=[Pair(p.ko, p.en, max(1, counts[p.ko]), p.written) for p in pairs],
        candidates=[candidate for _, candidate in proposals],
    )


class _Spans:
    """Non-overlapping text ranges in order, asked whether they touch a token."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def touch(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.spans[index][1] > start


def _known_spans(text: str, glossary: Glossary) -> _Spans:
    """Where glossary terms stand in the text, particles included."""
    return _Spans([(m.start, m.end + len(m.particle)) for m in glossary.matcher().find(text)])


def _inside(token: _Token, spans: _Spans) -> bool:
    return spans.touch(token.start, token.end)


# ---- pairs


@dataclass(frozen=True)
class _PairFound:
    ko: str
    en: str
    written: str


def _pairs(text, tokens, stems, is_known) -> list[_PairFound]:
    found: dict[str, _PairFound] = {}
    by_end = {t.end: i for i, t in enumerate(tokens)}
    for bracket in _BRACKET_RE.finditer(text):
        english = " ".join(bracket.group("inside").split())
        if not _looks_english(english):
            continue
        start = bracket.start()
        end_of_word = start - 1 if text[start - 1 : start] == " " else start
        index = by_end.get(end_of_word)
        if index is None or not korean.contains_hangul(tokens[index].text):
            continue
        words = _korean_side(text, tokens, index, english, stems)
        if len(words) == 1 and words[0] in COMMON_WORDS:
            continue  # 대규모 언어 모델(LLM): the bracket explains more than the last word
        ko = " ".join(words)
        key = without_spaces(ko)
        if (len(key) < 2 and not _LATIN_RE.search(key)) or key in found or is_known(ko):
            continue
        first = tokens[index - len(words) + 1].start
        found[key] = _PairFound(ko, english, text[first : bracket.end()])
    return list(found.values())


def _looks_english(inside: str) -> bool:
    return (
        bool(_LATIN_RE.search(inside))
        and not korean.contains_hangul(inside)
        and not _NOT_A_NAME_RE.search(inside)
        and len(inside.split()) <= 8
    )


def _korean_side(text, tokens, index, english, stems) -> list[str]:
    """The word before the bracket, plus words to its left that sound like the English."""
    last = tokens[index].text
    if tokens[index].is_hangul:
        last = stems.stem(last, bare_likely=True)[0]
    words = [last]
    english_words = english.split()
    position = index
    for english_word in reversed(english_words[:-1]):
        previous = tokens[position - 1] if position else None
        if (
            previous is None
            or not previous.is_hangul
            or not _spaced(text, previous, tokens[position])
        ):
            break
        if not sounds_like(previous.text, english_word):
            break
        words.insert(0, previous.text)
        position -= 1
    return words


def _phonetic(text: str) -> str:
    text = text.lower()
    for spelled, sound in (("ph", "p"), ("th", "t"), ("ck", "k"), ("sh", "s"), ("ch", "c")):
        text = text.replace(spelled, sound)
    text = re.sub(r"[^a-z]", "", text)
    return text.translate(str.maketrans("rfvzqcx", "lpbjkks"))


def sounds_like(korean_word: str, english_word: str) -> bool:
    """Whether a Hangul word could be a transliteration of an English word (리사 ~ Lisa)."""
    guess, target = _phonetic(_guess_word(korean_word)), _phonetic(english_word)
    if not guess or not target:
        return False
    return difflib.SequenceMatcher(None, guess, target).ratio() >= 0.5


# ---- names


def _names(text, tokens, known, is_known, taken):
    """(ko, reason, first offset) for names standing before a person's title."""
    names: dict[str, tuple[str, str, int]] = {}

    def add(ko: str, reason: str, first: int) -> None:
        key = without_spaces(ko)
        if key not in names and key not in taken and not is_known(ko):
            names[key] = (ko, reason, first)

    for index, token in enumerate(tokens):
        if token.is_hangul and not _inside(token, known):
            # 홍길동씨, 홍길동씨는: the title glued to the name
            for stem, tail in korean.split_particles(token.text):
                if tail.startswith("씨") and _is_korean_name(stem, allow_two=True):
                    add(stem, "korean name", token.start)
        if not _is_title(token):
            continue
        # The name stands right before the title, or one word earlier with an
        # organisation between them (이재용 삼성전자 회장, 젠슨 황 엔비디아 CEO).
        for name_index in (index - 1, index - 2):
            if name_index < 0 or not _spaced(text, tokens[name_index], tokens[name_index + 1]):
                break
            words = _name_before(text, tokens, name_index, known)
            reason = _name_kind(words, allow_two=_is_ssi(token))
            if reason:
                add(" ".join(t.text for t in words), reason, words[0].start)
                break
    return list(names.values())


def _name_kind(words: list[_Token], allow_two: bool) -> str | None:
    if len(words) == 1 and _is_korean_name(words[0].text, allow_two=allow_two):
        return "korean name"
    scores = [loanword_score(t.text) for t in words]
    foreign = all(score > 0 or len(t.text) <= 2 for score, t in zip(scores, words, strict=True))
    if words and foreign and max(scores) >= 0.7:
        return "foreign name"
    return None


def _title_readings(token: _Token) -> list[str]:
    """What a token may be once particles are off: 대표는 -> 대표, CEO의 -> CEO."""
    latin = re.match(r"[A-Za-z]+", token.text)
    if latin and latin.end() < len(token.text):
        tail = token.text[latin.end() :]
        if korean.contains_hangul(tail) and korean.is_particle_chain(tail, latin.group()):
            return [latin.group()]
    if latin:
        return [token.text]
    return [stem for stem, _ in korean.split_particles(token.text)] if token.is_hangul else []


def _is_title(token: _Token) -> bool:
    return any(reading in PERSON_TITLES for reading in _title_readings(token))


def _is_ssi(token: _Token) -> bool:
    return "씨" in _title_readings(token)


def _name_before(text, tokens, index, known) -> list[_Token]:
    """One bare Hangul word ending at tokens[index], or two when the first looks foreign."""
    token = tokens[index]
    if not _may_be_name_word(token, known):
        return []
    words = [token]
    previous = tokens[index - 1] if index else None
    if (
        previous is not None
        and previous.is_hangul
        and _spaced(text, previous, token)
        and _may_be_name_word(previous, known)
        and loanword_score(previous.text) > 0
        and not _is_korean_name(token.text)
    ):
        words.insert(0, previous)
    return words


_LONGEST_NAME_WORD = 5  # syllables; longer words before a title are organisations (마이크로소프트)


def _may_be_name_word(token: _Token, known) -> bool:
    return (
        token.is_hangul
        and len(token.text) <= _LONGEST_NAME_WORD
        and token.text not in COMMON_WORDS
        and not _inside(token, known)
    )


def _is_korean_name(word: str, allow_two: bool = False) -> bool:
    """A family name from the list, then a one- or two-syllable given name."""
    if not all(korean.is_hangul_syllable(ch) for ch in word) or word in COMMON_WORDS:
        return False
    if loanword_score(word) > 0 or any(_syllable_weight(ch) is None for ch in word):
        return False
    if word.endswith(_ORGANISATION_ENDINGS) and len(word) == 3:
        return False
    if len(word) == 4:
        return word[:2] in SURNAMES
    if len(word) == 3 or (allow_two and len(word) == 2):
        return word[0] in SURNAMES
    return False


# ---- loanwords


def _loanwords(tokens, stems, known, is_known, taken) -> list[str]:
    seen: Counter[str] = Counter()
    order: list[str] = []
    for token in tokens:
        # Hangul glued to Latin or digits (AI모델, 3분기) is one token, never a candidate.
        if not token.is_hangul or _inside(token, known):
            continue
        if any(stem in COMMON_WORDS for stem, _ in korean.split_particles(token.text)):
            continue  # 스스로 is a word, not 스스 + 로
        stem = stems.stem(token.text)[0]
        if stem not in seen:
            order.append(stem)
        seen[stem] += 1
    words = []
    for stem in order:
        if len(stem) < 2 or stem in COMMON_WORDS or stem in taken:
            continue
        score = loanword_score(stem)
        if score >= 1.2 or (score >= 1.0 and seen[stem] >= 2):
            if stem.endswith(("다", "요", "며", "고", "면", "게", "서")) and score < 2:
                continue  # a verb or adverb form, not a name
            if not is_known(stem):
                words.append(stem)
    return words


def _counts(text: str, words: list[str], known: _Spans) -> Counter[str]:
    """Mentions of each word outside glossary terms, particles allowed, by the matcher's rules."""
    unique = list(dict.fromkeys(words))
    if not unique:
        return Counter()
    finder = Glossary([Term(ko=w, en=w) for w in unique]).matcher()
    return Counter(
        match.term.ko for match in finder.find(text) if not known.touch(match.start, match.end)
    )


# --------------------------------------------------------------------------- output


def extract_to_json(result: ExtractResult) -> dict:
    """The `extract --format json` shape of DESIGN.md."""
    return {
        "pairs": [pair.to_dict() for pair in result.pairs],
        "candidates": [candidate.to_dict() for candidate in result.candidates],
    }


def extract_to_rows(result: ExtractResult) -> list[dict]:
    """One row per proposal, for a table: kind, ko, en, count, review."""
    rows = [
        {"kind": "pair", "ko": p.ko, "en": p.en, "count": p.count, "review": review_note(p)}
        for p in result.pairs
    ]
    rows += [
        {
            "kind": c.reason,
            "ko": c.ko,
            "en": c.shown_suggestion,
            "count": c.count,
            "review": review_note(c),
        }
        for c in result.candidates
    ]
    return rows


def review_note(item: Pair | Candidate) -> str:
    """What a reviewer should check before keeping a proposal."""
    seen = "seen once" if item.count == 1 else f"seen {item.count} times"
    if isinstance(item, Pair):
        return f"written as {item.written}; {seen}; check the Korean side is the whole term"
    if item.reason == "korean name":
        return f"{seen}; a Korean name romanized by newspaper convention; check how the person spells it"
    if item.reason == "foreign name":
        return f"{seen}; a foreign name before a title; the English is a guess from the Hangul, replace it"
    return f"{seen}; the English is a guess from the Hangul spelling, replace it; set a type"


def extract_to_yaml(result: ExtractResult) -> str:
    """A ready-to-review glossary snippet: a `terms:` list, a `# review:` comment per entry."""
    lines = [
        "# bilingo extract: proposed entries. Check each one against its # review note,",
        "# fix the English, delete what you do not want, then add the rest to a glossary.",
    ]
    entries = [(Term(ko=p.ko, en=p.en), review_note(p)) for p in result.pairs]
    entries += [
        (Term(ko=c.ko, en=c.shown_suggestion, type=c.type), review_note(c))
        for c in result.candidates
    ]
    if not entries:
        return "\n".join(lines) + "\nterms: []  # nothing new found\n"
    text = "\n".join(lines) + "\nterms:\n"
    for term, note in entries:
        text += f"  # review: {note}\n" + render_entry(term, "  ")
    return text
