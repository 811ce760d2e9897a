"""Pairs: terms the writer spelled out as 한글(English): 딥시크(DeepSeek), 리사 수(Lisa Su).

The rules (what a bracket must hold, how far left the Korean side reaches)
are in the package docstring.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..glossary import without_spaces
from ..korean import contains_hangul
from ..korean.romanize import guess_word
from .article import Article
from .results import Pair
from .words import COMMON_WORDS

_BRACKET_RE = re.compile(r"[(（](?P<inside>[^()（）\n]{1,80})[)）]")
_LATIN_RE = re.compile(r"[A-Za-z]")
# A ticker (NASDAQ: NVDA), a dateline (뉴욕=AP), a link: not the English of a term.
_NOT_A_NAME_RE = re.compile(r"[:=;/@]|https?|www\.")
_LONGEST_ENGLISH = 8  # words; a longer bracket is an aside, not a name


@dataclass(frozen=True)
class FoundPair:
    """A pair as the text writes it, before its mentions are counted."""

    ko: str
    en: str
    written: str  # the text as it stood, e.g. "리사 수(Lisa Su)"

    def pair(self, count: int) -> Pair:
        return Pair(self.ko, self.en, count, self.written)


def find_pairs(article: Article) -> list[FoundPair]:
    """The 한글(English) pairs of the text, in text order, each Korean once, unless known."""
    pairs: dict[str, FoundPair] = {}
    token_ending_at = {token.end: index for index, token in enumerate(article.tokens)}
    for bracket in _BRACKET_RE.finditer(article.text):
        pair = _pair_at(article, bracket, token_ending_at)
        if pair is None:
            continue
        key = without_spaces(pair.ko)
        if key not in pairs and not article.is_known(pair.ko):
            pairs[key] = pair
    return list(pairs.values())


def _pair_at(
    article: Article, bracket: re.Match, token_ending_at: dict[int, int]
) -> FoundPair | None:
    """The pair a bracket closes, if it holds English and follows a Korean word."""
    english = " ".join(bracket.group("inside").split())
    if not _looks_english(english):
        return None
    start = bracket.start()
    # A space between word and bracket is allowed: 앤트로픽 (Anthropic).
    end_of_word = start - 1 if article.text[start - 1 : start] == " " else start
    index = token_ending_at.get(end_of_word)
    if index is None or not contains_hangul(article.tokens[index].text):
        return None
    words = _korean_side(article, index, english)
    if len(words) == 1 and words[0] in COMMON_WORDS:
        return None  # 대규모 언어 모델(LLM): the bracket explains more than the last word
    ko = " ".join(words)
    if len(without_spaces(ko)) < 2:
        return None  # one syllable is too little to be sure of
    first = article.tokens[index - len(words) + 1].start
    return FoundPair(ko, english, article.text[first : bracket.end()])


def _looks_english(inside: str) -> bool:
    return (
        bool(_LATIN_RE.search(inside))
        and not contains_hangul(inside)
        and not _NOT_A_NAME_RE.search(inside)
        and len(inside.split()) <= _LONGEST_ENGLISH
    )


def _korean_side(article: Article, index: int, english: str) -> list[str]:
    """The word before the bracket, plus words to its left that sound like the English."""
    tokens = article.tokens
    last = tokens[index].text
    if tokens[index].is_hangul:
        last = article.stems.stem(last, bare_likely=True)[0]
    words = [last]
    position = index
    for english_word in reversed(english.split()[:-1]):
        previous = tokens[position - 1] if position else None
        if (
            previous is None
            or not previous.is_hangul
            or not article.spaced(previous, tokens[position])
            or not sounds_like(previous.text, english_word)
        ):
            break
        words.insert(0, previous.text)
        position -= 1
    return words


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
