"""What the loanword orthography (외래어 표기법) can write, cheap to ask without its rules.

Its rule 3 allows only ㄱ ㄴ ㄹ ㅁ ㅂ ㅅ ㅇ as final consonants: a Hangul word with
another final (없는, 값) is spelled no foreign word's way, so `lookup` need not load
the loanword-origin index (bilingo.extraction.origins) to know it holds nothing.
"""

from __future__ import annotations

from .hangul import Final, is_hangul_syllable, jamo

LOANWORD_FINALS = frozenset(
    {Final.NONE, Final.G, Final.N, Final.L, Final.M, Final.B, Final.S, Final.NG}
)


def may_be_loanword_spelling(hangul: str) -> bool:
    """Hangul syllables (spaces aside) with only the finals the orthography writes."""
    key = "".join(hangul.split())
    return bool(key) and all(
        is_hangul_syllable(char) and jamo(char)[2] in LOANWORD_FINALS for char in key
    )
