"""Whether a Hangul word could transliterate an English word (리사 ~ Lisa), by a rough read-back."""

from __future__ import annotations

import difflib
import re

from ..korean.romanize import guess_word

# Letters Hangul writes alike (r/l, f/p, v/b, z/j), and c, q, x as the k or s they sound.
_SPELLED_ALIKE = str.maketrans("rfvzqcx", "lpbjkks")


def _phonetic(text: str) -> str:
    text = text.lower()
    for spelled, sound in (("ph", "p"), ("th", "t"), ("ck", "k"), ("sh", "s"), ("ch", "c")):
        text = text.replace(spelled, sound)
    text = re.sub(r"[^a-z]", "", text)
    return text.translate(_SPELLED_ALIKE)


SOUNDS_ALIKE = 0.5  # sound_ratio from which a Hangul word may transliterate the English


def sounds_like(korean_word: str, english_word: str) -> bool:
    """Whether a Hangul word could be a transliteration of an English word (리사 ~ Lisa)."""
    return sound_ratio(korean_word, english_word) >= SOUNDS_ALIKE


def sound_ratio(korean_word: str, english: str) -> float:
    """How alike a Hangul word read back and the English sound, 0 to 1 (letters compared)."""
    guess, target = _phonetic(guess_word(korean_word)), _phonetic(english)
    if not guess or not target:
        return 0.0
    return difflib.SequenceMatcher(None, guess, target).ratio()
