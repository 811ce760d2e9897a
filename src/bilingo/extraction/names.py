"""Name candidates: a Korean or foreign name standing before a person's title.

김도윤 대표 is a Korean name, romanized by newspaper convention (Kim Do-yun);
젠슨 황 엔비디아 CEO holds a foreign name, whose English is only a guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..glossary import without_spaces
from ..korean import contains_hangul, is_particle_chain, split_particles
from ..korean.hangul import is_hangul_word
from ..korean.romanize import SURNAMES, guess_english, romanize_korean_name
from ..terms import TermType
from .article import Article, Token
from .loanwords import loanword_score, syllable_weight
from .results import FOREIGN_NAME, KOREAN_NAME, Candidate
from .words import COMMON_WORDS, ORGANISATION_ENDINGS, PERSON_TITLES

# The one title a name may be glued to (홍길동씨), and after which two syllables
# make a Korean name (박민 씨).
_SSI = "씨"
_LONGEST_NAME_WORD = 5  # syllables; longer words before a title are organisations (마이크로소프트)


@dataclass(frozen=True)
class FoundName:
    """A name before a title; `first` is where it first stands in the text."""

    ko: str
    reason: str  # KOREAN_NAME or FOREIGN_NAME
    first: int

    def candidate(self, count: int) -> Candidate:
        """The proposal: a Korean name romanized by convention, a foreign one guessed."""
        if self.reason == KOREAN_NAME:
            english, guess = romanize_korean_name(self.ko), False
        else:
            english, guess = guess_english(self.ko), True
        return Candidate(self.ko, count, english, guess, self.reason, TermType.PERSON)


def find_names(article: Article, taken: set[str]) -> list[FoundName]:
    """Names standing before a person's title, each once, unless known or `taken`."""
    names: dict[str, FoundName] = {}
    for index in range(len(article.tokens)):
        for name in _names_at(article, index):
            key = without_spaces(name.ko)
            if key not in names and key not in taken and not article.is_known(name.ko):
                names[key] = name
    return list(names.values())


def _names_at(article: Article, index: int) -> Iterator[FoundName]:
    yield from _names_glued_to_ssi(article, article.tokens[index])
    name = _name_before_title(article, index)
    if name is not None:
        yield name


def _names_glued_to_ssi(article: Article, token: Token) -> Iterator[FoundName]:
    """홍길동씨, 홍길동씨는: the title glued to the name."""
    if not token.is_hangul or article.in_known_term(token):
        return
    for stem, tail in split_particles(token.text):
        if tail.startswith(_SSI) and is_korean_name(stem, allow_two=True):
            yield FoundName(stem, KOREAN_NAME, token.start)


def _name_before_title(article: Article, index: int) -> FoundName | None:
    """The name before tokens[index] when that token is a title."""
    tokens = article.tokens
    titles = _title_readings(tokens[index])
    if PERSON_TITLES.isdisjoint(titles):
        return None
    # The name stands right before the title, or one word earlier with an
    # organisation between them (이재용 삼성전자 회장, 젠슨 황 엔비디아 CEO).
    for name_index in (index - 1, index - 2):
        if name_index < 0 or not article.spaced(tokens[name_index], tokens[name_index + 1]):
            return None
        words = _name_words(article, name_index)
        reason = _name_kind(words, allow_two=_SSI in titles)
        if reason:
            return FoundName(" ".join(word.text for word in words), reason, words[0].start)
    return None


def _title_readings(token: Token) -> list[str]:
    """What a token may be once particles are off: 대표는 -> 대표, CEO의 -> CEO."""
    latin = re.match(r"[A-Za-z]+", token.text)
    if latin and latin.end() < len(token.text):
        tail = token.text[latin.end() :]
        if contains_hangul(tail) and is_particle_chain(tail, latin.group()):
            return [latin.group()]
    if latin:
        return [token.text]
    return [stem for stem, _ in split_particles(token.text)] if token.is_hangul else []


def _name_words(article: Article, index: int) -> list[Token]:
    """One bare Hangul word ending at tokens[index], or two when the first looks foreign."""
    token = article.tokens[index]
    if not _may_be_name_word(article, token):
        return []
    previous = article.tokens[index - 1] if index else None
    if (
        previous is not None
        and previous.is_hangul
        and article.spaced(previous, token)
        and _may_be_name_word(article, previous)
        and loanword_score(previous.text) > 0
        and not is_korean_name(token.text)
    ):
        return [previous, token]
    return [token]


def _may_be_name_word(article: Article, token: Token) -> bool:
    return (
        token.is_hangul
        and len(token.text) <= _LONGEST_NAME_WORD
        and token.text not in COMMON_WORDS
        and not article.in_known_term(token)
    )


def _name_kind(words: list[Token], allow_two: bool) -> str | None:
    """KOREAN_NAME, FOREIGN_NAME, or None when the words are no name."""
    if len(words) == 1 and is_korean_name(words[0].text, allow_two=allow_two):
        return KOREAN_NAME
    scores = [loanword_score(word.text) for word in words]
    # Every word looks transliterated, or is short enough to be a name part (황).
    foreign = all(score > 0 or len(w.text) <= 2 for score, w in zip(scores, words, strict=True))
    if words and foreign and max(scores) >= 0.7:
        return FOREIGN_NAME
    return None


def is_korean_name(word: str, allow_two: bool = False) -> bool:
    """A family name from the list, then a one- or two-syllable given name."""
    if not is_hangul_word(word) or word in COMMON_WORDS:
        return False
    # Names are Sino-Korean syllables: no loanword look, and no final or tense
    # consonant that only native words have (있, 까).
    if loanword_score(word) > 0 or any(syllable_weight(ch) is None for ch in word):
        return False
    if word.endswith(ORGANISATION_ENDINGS) and len(word) == 3:
        return False
    if len(word) == 4:
        return word[:2] in SURNAMES
    if len(word) == 3 or (allow_two and len(word) == 2):
        return word[0] in SURNAMES
    return False
