"""Hangul facts: syllables, their jamo, and the sound a word ends with.

A precomposed syllable (가..힣) is 0xAC00 + (initial * 21 + medial) * 28 + final,
with 19 initials, 21 medials and 28 final slots (0 = no final consonant).
Everything that takes a syllable apart does it through `jamo`.
"""

from __future__ import annotations

import re
from enum import Enum

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3
MEDIALS, FINALS = 21, 28
RIEUL_FINAL = 8  # index of ㄹ among the 28 final-consonant slots (0 = none)

HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]*")


def is_hangul_syllable(char: str) -> bool:
    """True for a precomposed Hangul syllable (가..힣)."""
    return HANGUL_FIRST <= ord(char) <= HANGUL_LAST


def contains_hangul(text: str) -> bool:
    """True when the text holds at least one Hangul syllable."""
    return any("가" <= char <= "힣" for char in text)  # is_hangul_syllable, inlined


def jamo(syllable: str) -> tuple[int, int, int]:
    """(initial 0..18, medial 0..20, final 0..27) indexes of a Hangul syllable."""
    index = ord(syllable) - HANGUL_FIRST
    return index // (MEDIALS * FINALS), (index % (MEDIALS * FINALS)) // FINALS, index % FINALS


def final_consonant_index(syllable: str) -> int:
    """Index (0..27) of the syllable's final consonant; 0 means none."""
    return jamo(syllable)[2]


class Sound(Enum):
    """What a particle must agree with: the sound that ends the word before it."""

    VOWEL = "vowel"  # no final consonant: 딥시크, 엔비디아
    RIEUL = "rieul"  # final ㄹ, which takes 로 like a vowel: 서울, 구글
    CONSONANT = "consonant"  # any other final consonant: 삼성, 애플
    UNKNOWN = "unknown"  # a Latin letter, digit or symbol: AI, H800


def ending_sound(word: str) -> Sound:
    """The sound a word ends with, for particle agreement."""
    word = word.rstrip()
    if not word or not is_hangul_syllable(word[-1]):
        return Sound.UNKNOWN
    final = final_consonant_index(word[-1])
    if final == 0:
        return Sound.VOWEL
    return Sound.RIEUL if final == RIEUL_FINAL else Sound.CONSONANT


class Initial:
    """Jamo index of each initial consonant (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ)."""

    G, KK, N, D, TT, R, M, B, PP, S, SS, NG, J, JJ, CH, K, T, P, H = range(19)


class Medial:
    """Jamo index of each vowel (ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ)."""

    A, AE, YA, YAE, EO, E, YEO, YE, O, WA, WAE, OE, YO, U, WO, WE, WI, YU, EU, UI, I = range(21)  # noqa: E741 (jamo names)


class Final:
    """Jamo index of the final consonants the rules name (0 is no final consonant)."""

    NONE, G, N, L, M, B, S, NG = 0, 1, 4, 8, 16, 17, 19, 21


def is_hangul_word(text: str) -> bool:
    """True when the text is one or more Hangul syllables and nothing else: 딥시크, not 챗GPT."""
    return bool(text) and all(is_hangul_syllable(char) for char in text)
