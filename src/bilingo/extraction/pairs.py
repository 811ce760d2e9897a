"""Pairs: terms the writer spelled out as 한글(English): 딥시크(DeepSeek), 리사 수(Lisa Su).

What a bracket must hold is glosses.py's; how far left the Korean side
reaches is extent.py's, decided by the English. A quoted title right before
the bracket is taken whole (《죽은 시인의 사회》(Dead Poets Society)); a
predicate before it (…아니다(Surrender Is Not an Option)) makes no pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..glossary import without_spaces
from ..korean import contains_hangul
from .article import Article
from .extent import bracket_token, korean_extent
from .glosses import Gloss, gloss_of
from .names import is_korean_name
from .results import Pair
from .sounds import sounds_like
from .words import COMMON_WORDS, KIND_WORDS

_BRACKET_RE = re.compile(r"[(（](?P<inside>[^()（）\n]{1,80})[)）]")
# A title in quotes or title marks right before the bracket: 《위대한 유산》(Great Expectations).
_QUOTED_BEFORE_RE = re.compile(
    r"[《〈「『‘“'\"](?P<title>[^《〈「『‘“'\"》〉」』’”\n]{1,40})[》〉」』’”'\"] ?\Z"
)
# '미국이 먼저(America First)': the bracket glosses the whole quoted phrase before it.
_QUOTE_OPENED_RE = re.compile(r"[‘“'\"](?P<title>[^‘“'\"’”()\n]{1,40})\Z")
_QUOTE_CLOSES_RE = re.compile(r"[’”'\"]")
_SPEECH_QUOTES = "'\"‘“"  # quotes around speech; 《》「」『』 are around titles
_QUOTE_REACH = 44  # characters: the quote marks, a space and the 40 of a title
_PREDICATE_ENDINGS = ("다", "까", "요", "죠", "니", "네", "며", "고", "라", "지만", "는데", "아니")
_NAMES_ONLY_KOREAN = 1
_SHORT_NOT_NOUN = 3  # syllables
_LONGEST_PLAIN_TERM = 2  # lower-case English words: generative AI, quantitative easing  # syllables: one is too little to be sure of

__all__ = ["FoundPair", "find_pairs", "sounds_like"]


@dataclass(frozen=True)
class FoundPair:
    """A pair as the text writes it, before its mentions are counted."""

    ko: str
    en: str
    written: str  # the text as it stood, e.g. "리사 수(Lisa Su)"
    en_variants: tuple[str, ...] = ()

    def pair(self, count: int) -> Pair:
        return Pair(self.ko, self.en, count, self.written, self.en_variants)


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
    """The pair a bracket closes, if it holds English and follows a Korean term."""
    gloss = gloss_of(bracket.group("inside"))
    if gloss is None:
        return None
    quoted = _quoted_pair(article, bracket, gloss)
    if quoted is not None:
        return quoted or None
    index = bracket_token(article, bracket.start(), token_ending_at)
    token = None if index is None else article.tokens[index]
    if token is None or gloss.reads_as_sentence or not _may_end_a_term(article, token, gloss):
        return None
    # Latin glued on stays (챗GPT); a Hangul word loses its particles.
    last = article.stems.stem(token.text, bare_likely=True)[0] if token.is_hangul else token.text
    if _byline(article, index, gloss):
        return None
    words = korean_extent(article, index, gloss, last)
    if not words or not contains_hangul("".join(words)) or _names_a_kind(words[-1], gloss):
        return None
    if len(words) == 1 and _names_something_else(article, article.tokens[index], gloss):
        return None  # 아이(iPhone): a common word that does not sound like the name
    ko = " ".join(words)
    if len(without_spaces(ko)) <= _NAMES_ONLY_KOREAN and not sounds_like(ko, gloss.en):
        return None  # 암(Arm) is a name; 북(北)-like single syllables rarely are
    first = article.tokens[index - len(words) + 1].start
    return _found(ko, gloss, article.text[first : bracket.end()])


def _quoted_pair(article: Article, bracket: re.Match, gloss: Gloss) -> FoundPair | bool | None:
    """The pair of a quoted Korean title or phrase the bracket glosses (《죽은 시인의
    사회》(Dead Poets Society), '미국이 먼저(America First)'); False for quoted speech;
    None when no quote is around."""
    # A quoted title is at most 40 characters: look no further back (not from the start).
    window = max(0, bracket.start() - _QUOTE_REACH)
    quoted = _QUOTED_BEFORE_RE.search(article.text, window, bracket.start())
    if not quoted and _QUOTE_CLOSES_RE.match(article.text, bracket.end()):
        if gloss.reads_as_sentence:
            return False  # '물러서지 않는다(We will not back down)': quoted speech
        quoted = _QUOTE_OPENED_RE.search(article.text, window, bracket.start())
    if not quoted or not contains_hangul(quoted["title"]):
        return None
    if quoted.group()[0] in _SPEECH_QUOTES and (gloss.reads_as_sentence or _plain_words(gloss)):
        return False  # '아주 좋은 대화였다'(It was a very good conversation); not 《a title》
    title = " ".join(quoted["title"].split())
    return _found(title, gloss, article.text[quoted.start() : bracket.end()])


def _may_end_a_term(article: Article, token, gloss: Gloss) -> bool:
    """Whether the word before the bracket can be a term's last word: Hangul that is no
    predicate or adverb (…않았다(Unbroken), 아마(maybe)), or a number or Latin word of the
    English after Hangul (아이폰 17(iPhone 17))."""
    if not contains_hangul(token.text):
        return token.text in gloss.words
    if token.text.endswith(_PREDICATE_ENDINGS) and not _is_noun_reading(article, token.text):
        return False  # …라고 밝혔다(Surrender Is Not an Option): a clause, not a term
    reading = article.reading(token)
    if reading is None or sounds_like(token.text, gloss.en):
        return True
    # 기도하자, or a short word opening with no noun (아마, 않았다; 고대역폭메모리 opens with 고)
    if reading.stem:
        return not reading.predicate
    return len(token.text) > _SHORT_NOT_NOUN
    return True


def _names_a_kind(word: str, gloss: Gloss) -> bool:
    """회고록(A Promised Land), 새 휴대폰(iPhone): the Korean says what kind of thing the
    English names, not its name."""
    return word in KIND_WORDS and not any(sounds_like(word, part) for part in gloss.words)


_SHORT_COMMON_WORD = 2  # syllables: 아이, 나무 — words too short to be an organisation's name


def _names_something_else(article: Article, token, gloss: Gloss) -> bool:
    """A common word before an English word it does not sound like: 아이(iPhone),
    대박(awesome). Common by the word list, or a short common noun or adverb by the
    analyser; 경기침체(recession) is longer and stays, 로슈(Roche) sounds alike."""
    word = article.stems.stem(token.text, bare_likely=True)[0]
    if sounds_like(word, gloss.en) or gloss.is_acronym:
        return False
    if word in COMMON_WORDS:
        return True
    reading = article.reading(token)
    one_word = " " not in gloss.en
    short = len(word) <= _SHORT_COMMON_WORD  # 연방준비제도(Fed) is a name's Korean
    # A common noun (대박(awesome), 아이(iPhone)) or no noun at all (아마(maybe)).
    common = reading is not None and (reading.stem in (word, "")) and not reading.proper
    return one_word and short and common


def _plain_words(gloss: Gloss) -> bool:
    """Lower-case words, more than a term has: '그저 평범한 사람'(just a regular person)."""
    return len(gloss.words) > _LONGEST_PLAIN_TERM and gloss.en == gloss.en.lower()


def _found(ko: str, gloss: Gloss, written: str) -> FoundPair:
    return FoundPair(ko, gloss.en, written, gloss.variants)


def _is_noun_reading(article: Article, word: str) -> bool:
    """A word ending like a predicate that the text reads as a noun (캐나다, 아마존 스튜디오)."""
    stem = article.stems.stem(word, bare_likely=True)[0]
    return stem == word and not word.endswith(("했다", "한다", "된다", "이다", "였다", "니다"))


def _byline(article: Article, index: int, gloss: Gloss) -> bool:
    """이수지 기자(JOINS), 이수지(JOINS): a reporter's name before an outlet's capitals."""
    token = article.tokens[index]
    if not gloss.is_acronym:
        return False
    if token.text in ("기자", "특파원"):
        return True
    reading = article.reading(token)  # 이용자(MAU) reads as a common noun, not a name
    return is_korean_name(token.text) and (reading is None or reading.proper)
