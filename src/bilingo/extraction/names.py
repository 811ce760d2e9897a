"""Name candidates: a Korean or foreign name standing before a person's title.

김도윤 대표 is a Korean name, romanized by newspaper convention (Kim Do-yun);
젠슨 황 엔비디아 CEO holds a foreign name, whose English is only a guess.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..glossary import without_spaces
from ..korean import contains_hangul, is_particle_chain, split_particles
from ..korean.hangul import is_hangul_word
from ..korean.orthography import loanword_score, syllable_weight
from ..korean.romanize import SURNAMES, romanize_korean_name
from ..terms import TermType
from .article import Article, Token
from .english import is_known_origin, place_name, suggest_english
from .loanwords import stem_without_analyser
from .results import FOREIGN_NAME, KOREAN_NAME, Candidate
from .words import (
    COMMON_WORDS,
    COUNTRY_ENGLISH,
    NEVER_JOIN_NAMES,
    ORGANISATION_ENDINGS,
    PERSON_TITLES,
)

# The one title a name may be glued to (홍길동씨), and after which two syllables
# make a Korean name (박민 씨).
_SSI = "씨"
_LONGEST_NAME_WORD = 5  # syllables; longer words before a title are organisations (마이크로소프트)
_MOST_WORDS_BETWEEN = 3  # 전, a country, a city: at most so many between a name and its title
CONVENTION = "convention"  # a Korean name's English: newspaper romanization


def is_place(word: str) -> bool:
    return place_name(word) is not None


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
            return Candidate(
                self.ko, count, english, guess, self.reason, TermType.PERSON, source=CONVENTION
            )
        english = suggest_english(self.ko)
        return Candidate(
            self.ko, count, english.english, english.guess, self.reason, TermType.PERSON,
            source=english.source, confidence=english.confidence,
        )  # fmt: skip


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
    if _SSI not in token.text or not token.is_hangul or article.in_known_term(token):
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
    # Between the name and its title may stand 전/현, a country or a city
    # (사르코지 전 프랑스 대통령), then one organisation (이재용 삼성전자 회장,
    # 젠슨 황 엔비디아 CEO): the name ends right before them or one word earlier.
    position = index - 1
    for _ in range(_MOST_WORDS_BETWEEN):
        if position < 0 or not article.spaced(tokens[position], tokens[position + 1]):
            return None
        if not _between_name_and_title(tokens[position].text):
            break
        position -= 1
    nearer = _name_ending_at(article, position, allow_two=_SSI in titles)
    if position >= 1 and article.spaced(tokens[position - 1], tokens[position]):
        farther = _name_ending_at(article, position - 1, allow_two=_SSI in titles)
        # A full name before an organisation beats the organisation read as a name, or
        # as the name's second half (젠슨 황 엔비디아: not 황 엔비디아).
        if farther and (nearer is None or _full_name_first(farther, nearer)):
            return farther
    return nearer


def _full_name_first(farther: FoundName, nearer: FoundName) -> bool:
    """Whether a two-word name is the name, the nearer reading being one word or its
    second half glued to what follows (저커버그 메타)."""
    if " " not in farther.ko:
        return False
    return " " not in nearer.ko or farther.ko.split()[-1] == nearer.ko.split()[0]


def _name_ending_at(article: Article, position: int, allow_two: bool) -> FoundName | None:
    if position < 0 or _between_name_and_title(article.tokens[position].text):
        return None
    if not _bare(article, article.tokens[position]):
        return None  # a particle or an ending on it: 도쿄에서 기자들에게
    words = _name_words(article, position)
    reason = _name_kind(article, words, allow_two=allow_two)
    if not reason or (len(words) == 1 and reason == FOREIGN_NAME and is_place(words[0].text)):
        return None
    return FoundName(" ".join(word.text for word in words), reason, words[0].start)


def _between_name_and_title(word: str) -> bool:
    """전, 현, 신임, a country or a city: words that stand between a name and its title."""
    return word in NEVER_JOIN_NAMES or word in COUNTRY_ENGLISH or is_place(word)


def _title_readings(token: Token) -> tuple[str, ...]:
    """What a token may be once particles are off: 대표는 -> 대표, CEO의 -> CEO."""
    return _word_readings(token.text, token.is_hangul)


@functools.lru_cache(maxsize=65536)
def _word_readings(word: str, hangul: bool) -> tuple[str, ...]:
    """_title_readings of a word: an article repeats its words (대통령은, 말했다)."""
    latin = re.match(r"[A-Za-z]+", word)
    if latin and latin.end() < len(word):
        tail = word[latin.end() :]
        if contains_hangul(tail) and is_particle_chain(tail, latin.group()):
            return (latin.group(),)
    if latin:
        return (word,)
    return tuple(stem for stem, _ in split_particles(word)) if hangul else ()


def _name_words(article: Article, index: int) -> list[Token]:
    """One bare Hangul word ending at tokens[index], or two when the first is a foreign
    given name (니콜라 사르코지, 젠슨 황)."""
    token = article.tokens[index]
    if not _may_be_name_word(article, token):
        return []
    previous = article.tokens[index - 1] if index else None
    if (
        previous is not None
        and article.spaced(previous, token)
        and _given_name_before(article, previous, token)
        and not is_korean_name(token.text)
        and not _between_name_and_title(token.text)
    ):
        return [previous, token]
    return [token]


def _given_name_before(article: Article, given: Token, family: Token) -> bool:
    """Whether `given` is the first name of the foreign family name after it: a word
    that may be one, or one syllable before a transliterated name (팀 쿡, 샘 올트먼)."""
    if _may_be_given_name(article, given):
        return True
    one_syllable = len(given.text) == 1 and given.text not in NEVER_JOIN_NAMES
    return one_syllable and given.is_hangul and loanword_score(family.text) > 0


def _may_be_given_name(article: Article, token: Token) -> bool:
    """A bare word that looks foreign or that the analyser reads as a proper noun, and
    is no place nor a word that never joins a name (케냐와 에티오피아, 전 프랑스)."""
    if not _may_be_name_word(article, token) or _between_name_and_title(token.text):
        return False
    if not _bare(article, token):
        return False  # a particle or an ending on it: 케냐와, 베를린에서
    reading = article.reading(token)
    proper = reading is not None and reading.proper
    return proper or loanword_score(token.text) > 0 or is_known_origin(token.text)


def _bare(article: Article, token: Token) -> bool:
    """No particle nor ending on the word, by the analyser or else the particle grammar."""
    reading = article.reading(token)
    if reading is None:
        return stem_without_analyser(article, token.text) == token.text
    return reading.stem == token.text


def _may_be_name_word(article: Article, token: Token) -> bool:
    return (
        token.is_hangul
        and len(token.text) <= _LONGEST_NAME_WORD
        and token.text not in COMMON_WORDS
        and not article.in_known_term(token)
    )


def _name_kind(article: Article, words: list[Token], allow_two: bool) -> str | None:
    """KOREAN_NAME, FOREIGN_NAME, or None when the words are no name."""
    if len(words) == 1 and is_korean_name(words[0].text, allow_two=allow_two):
        return KOREAN_NAME
    scores = [loanword_score(word.text) for word in words]
    # Every word looks transliterated, is a proper noun or a name the origin index
    # knows (니콜라), or is short enough to be a name part (황); one looks foreign.
    foreign = all(
        score > 0 or len(word.text) <= 2 or _may_be_given_name(article, word)
        for score, word in zip(scores, words, strict=True)
    )
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
