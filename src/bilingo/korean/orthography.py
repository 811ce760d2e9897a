"""What the loanword orthography (외래어 표기법) can write, cheap to ask without its rules.

Its rule 3 allows only ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ as final consonants: a Hangul word with
another final (없는, 값) is spelled no foreign word's way, so `lookup` need not load
the loanword-origin index (bilingo.extraction.origins) to know it holds nothing.

How strongly a word's spelling points to a loanword (`loanword_score`, the sum of its
syllables' `syllable_weight`) is used by `extract` to find candidates and by the
decisions to tell a transliterated name (캔자스주, 이방카 트럼프) from a native word.
"""

from __future__ import annotations

from .hangul import Final, Initial, Medial, is_hangul_syllable, jamo

LOANWORD_FINALS = frozenset(
    {Final.NONE, Final.G, Final.N, Final.L, Final.M, Final.B, Final.S, Final.NG}
)


def may_be_loanword_spelling(hangul: str) -> bool:
    """Hangul syllables (spaces aside) with only the finals the orthography writes."""
    key = "".join(hangul.split())
    return bool(key) and all(
        is_hangul_syllable(char) and jamo(char)[2] in LOANWORD_FINALS for char in key
    )


# ---- syllable weights

# Tense initials the orthography never writes; ㅆ only counts against a word.
_TENSE_INITIALS = (Initial.KK, Initial.TT, Initial.PP, Initial.JJ)
# Consonant + vowel spellings Sino-Korean does not use: 디 티 퍼 퓨 튜 쇼 슈 샤 쉐 뉴.
_FOREIGN_ONSETS = frozenset(
    {
        (Initial.D, Medial.I),
        (Initial.T, Medial.I),
        (Initial.P, Medial.EO),
        (Initial.P, Medial.YU),
        (Initial.T, Medial.YU),
        (Initial.S, Medial.YO),
        (Initial.S, Medial.YU),
        (Initial.S, Medial.YA),
        (Initial.S, Medial.WE),
        (Initial.N, Medial.YU),
    }
)
# 스 크 트 프 드 브 즈 츠: an English consonant with no vowel after it.
_BARE_CONSONANT_INITIALS = (
    Initial.S, Initial.K, Initial.T, Initial.P, Initial.D, Initial.B, Initial.J, Initial.CH
)  # fmt: skip
# 메 베 데 테 페 레: ㅔ after these is rare in Sino-Korean (unlike 세, 제, 체).
_E_VOWEL_INITIALS = (Initial.M, Initial.B, Initial.D, Initial.T, Initial.P, Initial.R)
# Native words with a final ㅅ, which otherwise leans towards a loanword (챗, 봇).
_NATIVE_WITH_FINAL_S = frozenset({"것", "엇", "옷", "맛", "멋", "잇", "웃", "첫"})


def syllable_weight(syllable: str) -> float | None:
    """How strongly one syllable points to a loanword; None rules the word out."""
    initial, medial, final = jamo(syllable)
    if final not in LOANWORD_FINALS or initial in _TENSE_INITIALS:
        return None
    if initial == Initial.SS:
        return -0.5
    if medial == Medial.EU:
        return _filler_vowel_weight(initial, final)
    if initial == Initial.K:
        return 0.0 if medial == Medial.WAE else 0.7  # 쾌 is Sino-Korean; other ㅋ hardly is
    if medial == Medial.E:
        return _e_vowel_weight(syllable, initial, final)
    return _foreign_spelling_weight(syllable, initial, medial, final)


def _filler_vowel_weight(initial: int, final: int) -> float:
    """A syllable with ㅡ, the vowel Korean adds to an English consonant (스, 크, 트, 프)."""
    if final == Final.NONE:
        if initial in _BARE_CONSONANT_INITIALS:
            return 1.0
        return {Initial.H: 0.6, Initial.G: 0.4, Initial.R: 0.4}.get(initial, 0.0)
    if initial in (Initial.K, Initial.T, Initial.P):
        return 0.6
    return 0.4 if initial == Initial.S and final in (Final.N, Final.L) else 0.0


def _e_vowel_weight(syllable: str, initial: int, final: int) -> float:
    """A syllable with ㅔ, which Sino-Korean never closes with a consonant."""
    if final != Final.NONE:
        return 0.0 if syllable in ("넷", "셋") else 0.9  # native numerals
    return 0.5 if initial in _E_VOWEL_INITIALS else 0.0


def _foreign_spelling_weight(syllable: str, initial: int, medial: int, final: int) -> float:
    """Spellings that are rare outside loanwords: 디, 퓨, 핑, 폰, 워, 챗."""
    onset = (initial, medial)
    if onset in _FOREIGN_ONSETS:
        return 0.8
    if onset == (Initial.P, Medial.I) and final in (Final.NG, Final.G):
        return 0.8
    if onset == (Initial.P, Medial.O) and final in (Final.N, Final.NG):
        return 0.6
    if medial in (Medial.WO, Medial.WE):
        return 0.4
    if final == Final.S and syllable not in _NATIVE_WITH_FINAL_S:
        return 0.3
    return 0.0


def loanword_score(word: str) -> float:
    """Sum of the loanword weights of a word's syllables; 0 when a syllable rules it out."""
    total = 0.0
    for syllable in word:
        if not is_hangul_syllable(syllable):
            continue
        weight = syllable_weight(syllable)
        if weight is None:
            return 0.0
        total += weight
    return total
