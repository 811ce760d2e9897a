"""How far back the Korean side of a 한글(English) pair reaches, decided by its English.

The word right before the bracket is only the end of the term. Words to its
left join it while the English still has words for them (issue 14):

* a word that sounds like an English word of the gloss joins (리사 수 ~ Lisa
  Su, 에마뉘엘 마크롱 ~ Emmanuel Macron);
* a Sino-Korean word stands for about one English word per two syllables
  (연합통신 ~ Associated Press), and an acronym for one letter per two
  syllables (국제통화기금 ~ IMF): while the Korean has fewer such units than the
  English has content words (or letters), the bare noun before it joins
  (호주 연합통신 ~ Australian Associated Press);
* a generic head (통신, 당국, 단체, 위원회 …) is never the whole term of a
  longer English name: the word before it joins, or there is no pair;
* the title of a work may hold particles and verb forms (죽은 시인의 사회 ~
  Dead Poets Society); an ordinary name stops at a particle (미국의 테슬라).

A word never joins when it is a title (대표), a time or place word written
before names (전, 현, 신임), or follows punctuation.
"""

from __future__ import annotations

import re

from ..korean import split_particles
from .article import Article, Token
from .glosses import Gloss
from .sounds import SOUNDS_ALIKE, sound_ratio, sounds_like
from .words import COUNTRY_ENGLISH, DESCRIPTION_ENDINGS, GENERIC_HEADS, NEVER_JOIN_NAMES

_LONGEST_REACH = 4  # words joined to the one before the bracket
_VERB_ENDINGS = ("다", "요", "까", "며", "고", "라", "지만", "는데")
_PARTICLES = frozenset(
    [
        "의",
        "은",
        "는",
        "이",
        "가",
        "을",
        "를",
        "에",
        "와",
        "과",
        "로",
        "으로",
        "도",
        "인",
        "에서",
        "에게",
        "까지",
        "부터",
        "만",
        "보다",
        "처럼",
        "이나",
        "나",
    ]
)
_SHORT_VERB_FORM = 2  # syllables: 죽은, 작은 (a topic's noun with 은 is mostly longer)
_GROUP_OF_RE = re.compile(r"G\d+")


def korean_extent(article: Article, index: int, gloss: Gloss, last: str) -> list[str] | None:
    """The Korean words of the term ending with tokens[index] (read as `last`, particles off),
    or None when the English names more than the Korean can be taken to say."""
    tokens = article.tokens
    words, units = [last], _units(last, gloss, covered=0)
    need = _needed_units(gloss)
    must_extend = _is_generic(last) and len(gloss.content_words) > 1
    family_first = _family_name_first(last, gloss)
    position = index
    while position > 0 and len(words) <= _LONGEST_REACH:
        previous, current = tokens[position - 1], tokens[position]
        if not article.spaced(previous, current) or _after_bracket(article, previous):
            break  # 다보스(Davos)에서 세계경제포럼: 에서 ends the word before, not a word
        if not previous.is_hangul:
            if previous.text not in gloss.words:
                break  # Latin joins only as a word of the English: TSMC 애리조나 ~ TSMC Arizona
        elif not _joins(
            previous.text, gloss, units, need, must_extend, _noun(article, previous), family_first
        ):
            break
        words.insert(0, previous.text)
        units += _units(previous.text, gloss, covered=units)
        must_extend = False
        position -= 1
    if must_extend:
        return None  # 단체(Islamic Circle of North America) alone is no pair
    return words


def _joins(  # noqa: PLR0913 - the state of the walk, each a plain value
    word: str,
    gloss: Gloss,
    units: float,
    need: float,
    must: bool,
    noun: bool | None,
    family_first: bool = False,
) -> bool:
    """Whether the word before the Korean side so far (standing for `units` English words
    from the right) belongs to the term; `noun`: what the analyser reads it as (None
    without one); `family_first`: a name the English writes given name first."""
    if word in COUNTRY_ENGLISH:  # 중국 인민은행 ~ People's Bank of China, 미국 식품의약국 ~ FDA
        names = COUNTRY_ENGLISH[word]  # (?<!\w): "U.S." ends in no word boundary
        return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", gloss.en) for name in names)
    if word == "주요":
        return bool(_GROUP_OF_RE.fullmatch(gloss.en))  # 주요 7개국 ~ G7
    if word in NEVER_JOIN_NAMES:
        return False
    english = gloss.words
    # The English words left of those the Korean so far stands for, or after the given name
    # the Korean ends with (다카이치 사나에 ~ Sanae Takaichi).
    left = english[1:] if family_first else english[: max(0, len(english) - int(units))]
    if word.endswith(DESCRIPTION_ENDINGS):
        return False  # 에너지기업 넥스트에라에너지, 여론조사기관 퓨리서치센터: what it is
    if not gloss.is_acronym and any(sounds_like(word, part) for part in left):
        return True  # a transliterated part: 마크 ~ Marc, 우르줄라 ~ Ursula
    if word.endswith(_VERB_ENDINGS):
        return False
    bare = _is_bare_noun(word) and noun is not False  # 열린 세계경제포럼: a verb's form
    if gloss.is_title_like and not gloss.is_acronym and units < need:
        # A work's title may hold particles and verb forms; a name only bare nouns.
        return bare or _title_word(word, must, noun)
    return bare and (must or units < need)


def _family_name_first(last: str, gloss: Gloss) -> bool:
    """A two-part name the Korean writes family name first: 사나에 ~ Sanae (of Sanae Takaichi)."""
    english = gloss.words
    return (
        len(english) == 2  # noqa: PLR2004 - given name and family name
        and sounds_like(last, english[0])
        and not sounds_like(last, english[-1])
    )


def _noun(article: Article, token: Token) -> bool | None:
    """Whether the analyser reads the word as a noun (not 열린, 위한); None without one."""
    reading = article.reading(token)
    return None if reading is None else bool(reading.stem) and not reading.predicate


def _after_bracket(article: Article, token: Token) -> bool:
    return token.start > 0 and article.text[token.start - 1] in ")]"


def _title_word(word: str, must: bool, noun: bool | None) -> bool:
    """A word of a title (시인의, 죽은, 위대한) when the head alone cannot be the term; a
    noun with 은/는 is the sentence's topic (해운사들은 홍해), a verb's 죽은 is not."""
    if must:
        return True
    if word.endswith(("은", "는")):
        return noun is False or (noun is None and len(word) <= _SHORT_VERB_FORM)
    return word.endswith(("의", "한", "던"))  # not 인: 중앙은행인 잉글랜드은행


def _is_bare_noun(word: str) -> bool:
    """A word with no particle on it in any reading (호주, 연합, 월간): no 의, 은, 를 …"""
    return not any(tail in _PARTICLES for _, tail in split_particles(word))


def _is_generic(word: str) -> bool:
    return word in GENERIC_HEADS


def _needed_units(gloss: Gloss) -> float:
    """How many Korean units the English asks for: its content words, or an acronym's letters."""
    if gloss.is_acronym:
        return sum(char.isalpha() for char in gloss.en.rstrip("s")) - 0.5
    return len(gloss.content_words) - 0.5


def _units(word: str, gloss: Gloss, covered: float) -> float:
    """How many English words (or acronym letters) a Korean word stands for, the last
    `covered` English words being taken already."""
    latin = re.findall(r"[A-Za-z0-9]+", word)
    if latin:  # SK텔레콤 ~ SK Telecom: its Latin words, then what its Hangul sounds like
        hangul = re.sub(r"[A-Za-z0-9]+", "", word)
        known = sum(part in gloss.words for part in latin)
        return max(1, known + (_units(hangul, gloss, covered + known) if hangul else 0))
    if gloss.is_acronym and sounds_like(word, gloss.en):
        return sum(char.isalpha() for char in gloss.en)  # 바스프 ~ BASF: the letters read out
    if not gloss.is_acronym:
        english = gloss.words
        end = max(0, len(english) - int(covered))
        # The English words ending here that the word sounds most like: 골드만삭스 ~
        # Goldman Sachs (two at once), 앤드리센 ~ Andreessen (not Marc Andreessen).
        ratios = [
            (sound_ratio(word, " ".join(english[end - n : end])), -n) for n in range(1, end + 1)
        ]
        best, count = max(ratios, default=(0.0, 0))
        if best >= SOUNDS_ALIKE:
            return -count
    stem = min((stem for stem, _ in split_particles(word)), key=len) if word else word
    # A Sino-Korean word is about one English word per two syllables (산업안보국: 3), and
    # about one letter of an acronym per word (월간 활성 이용자 ~ MAU).
    return max(1, len(stem) // 2 if gloss.is_acronym else -(-len(stem) // 2))


def bracket_token(article: Article, start: int, token_ending_at: dict[int, int]) -> int | None:
    """The index of the token a bracket at `start` follows (a space between is allowed)."""
    end = start - 1 if article.text[start - 1 : start] == " " else start
    return token_ending_at.get(end)
