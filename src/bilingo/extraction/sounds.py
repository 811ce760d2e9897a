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


def sounds_like(korean_word: str, english_word: str) -> bool:
    """Whether a Hangul word could be a transliteration of an English word (리사 ~ Lisa)."""
    guess, target = _phonetic(guess_word(korean_word)), _phonetic(english_word)
    if not guess or not target:
        return False
    return difflib.SequenceMatcher(None, guess, target).ratio() >= 0.5
