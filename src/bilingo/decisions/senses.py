"""The sense of a Korean glossary hit: the entry's cues, and general rules that need no data.

In this order (docs/design.md, "Deciding each hit"): the entry's exclude
cues; the general rules (a quotative 이란 after a quote, a surname after a
given name, English in brackets after a word the glossary does not know, a
Latin hit inside a longer English name, another country's institution); the
entry's confirm cues and confirming suffixes; then its `otherwise`.
"""

from __future__ import annotations

from ..extraction.words import COMMON_WORDS, PERSON_TITLES
from ..korean import split_particles
from ..korean.names import GIVEN_NAMES
from ..korean.orthography import loanword_score
from ..terms import TermType
from .context import LATIN_NAME_WORD, first_cue, only_space_between, word_after, word_before
from .hits import INSERT, SKIP, VERIFY, Hit, forms_of, inside_hit, sense_of, spellings

NAME_TYPES = (TermType.ORG, TermType.MEDIA, TermType.PRODUCT)
QUOTE_CLOSERS = "'\"’”)]」』》〉"
QUOTATIVES = ("이란", "이라", "란", "라는")
# Before a name, these say a person follows (지휘자 자린 메타); 시장 is left out
# there, as it is more often "market" than "mayor".
OCCUPATIONS = (PERSON_TITLES - {"시장"}) | frozenset(
    """지휘자 작곡가 배우 가수 작가 화가 시인 소설가 싱어송라이터 래퍼 피아니스트
    바이올리니스트 첼리스트 성악가 디자이너 건축가 사진작가 코미디언 앵커 모델
    축구선수 야구선수 골퍼 선수 감독 코치 발명가 과학자 철학자 경제학자 사업가
    억만장자 투자자 기업인 영화감독 프로듀서 방송인 유튜버""".split()  # noqa: SIM905 - a word list reads best as text
)
COMMON_TYPES = (TermType.TERM, None)
GLUED_NAME_TYPES = (*COMMON_TYPES, TermType.PLACE)
# How verbs, adnominals and particles end (밝히면서, 발표한, 정부는): a word ending so is
# not an unlisted given name.
NOT_NAME_ENDINGS = tuple(
    "면서 며 고 서 다 한 된 는 던 은 을 를 이 가 에 의 도 만 게 지 해 했 할 될 인 적 로 와 과".split()  # noqa: SIM905
)


def judge_sense(sentence: str, hits: list[Hit], index: int) -> tuple[str, str]:
    """(action, reason) for the sense of the term hit at hits[index]."""
    hit = hits[index]
    term, start = hit.term, hit.decision.start
    sense = sense_of(term)
    excludes, confirms = sense.get("exclude"), sense.get("confirm")  # most entries have none
    cue = excludes and first_cue(excludes, sentence, start, headword_end(hit))
    if cue:
        return SKIP, f"another sense: {cue}"
    general = _general_rules(sentence, hits, index)
    if general:
        return general
    cue = confirms and first_cue(confirms, sentence, start, headword_end(hit))
    if cue:
        return INSERT, f"confirmed by {cue}"
    suffix = _glued_suffix(hit)
    if suffix:
        return INSERT, f"confirmed by {suffix}"
    otherwise = sense.get("otherwise", INSERT)
    if otherwise == INSERT:
        return INSERT, "glossary term" if not sense else "the usual sense"
    return otherwise, "ambiguous: no cue confirms this sense"


def headword_end(hit: Hit) -> int:
    """Where the headword itself ends: before a glued suffix such as 시 in 용인시."""
    return hit.decision.end - len(_glued_suffix(hit) or "")


def _glued_suffix(hit: Hit) -> str | None:
    """The `sense.suffixes` entry the hit was found with (용인시: 시), if any."""
    suffixes = sense_of(hit.term).get("suffixes")
    if not suffixes:  # most entries (asked three times per hit)
        return None
    written = "".join(hit.match.text.split())
    for suffix in suffixes:
        if written.endswith(suffix) and written[: -len(suffix)] in spellings(hit.term):
            return suffix
    return None


def _general_rules(sentence: str, hits: list[Hit], index: int) -> tuple[str, str] | None:
    hit = hits[index]
    start = hit.decision.start
    if start and sentence[start - 1] in QUOTE_CLOSERS and hit.match.text.startswith(QUOTATIVES):
        return SKIP, "quotative ending after a quote, not a name"
    if _after_given_name(sentence, hits, index, hit.term.type in NAME_TYPES):
        return SKIP, "a surname here: it follows a person's given name"
    if hit.term.type is TermType.PERSON and _another_given_name(sentence, hits, index):
        return VERIFY, "another person of this name may be meant (a given name before it)"
    if _gloss_of_another_word(sentence, hits, index):
        return SKIP, "the writer's English for the word before it"
    if _inside_latin_name(sentence, hits, index):
        return SKIP, "part of a longer English name"
    if hit.term.type in GLUED_NAME_TYPES and _before_model_code(sentence, hit):
        return SKIP, "part of a name glued to it (모델Y, 한국GM)"
    return _whose_institution(sentence, hits, index)


def _before_model_code(sentence: str, hit: Hit) -> bool:
    """A word glued to a Latin letter or digit names something else: 모델Y, 시리즈B, 한국GM."""
    after = sentence[hit.decision.end : hit.decision.end + 1]
    return not hit.match.particle and after.isascii() and after.isalnum()


def _whose_institution(sentence: str, hits: list[Hit], index: int) -> tuple[str, str] | None:
    """이스라엘 국방부, 미 상원 금융위원회: a body of the country (or body) named right before it."""
    owner = _owner_before(sentence, hits, index)
    if owner is None:
        return None
    home = sense_of(hits[index].term).get("home") or []
    if owner.term.type is TermType.ORG:  # 상원 금융위원회: a body inside another one
        theirs = sense_of(owner.term).get("home") or []
        if home and theirs and not set(home) & set(theirs):
            return SKIP, f"part of {owner.term.ko}, another country's body"
        return None
    if _names_place(home, owner.term):
        return INSERT, f"{owner.term.ko}'s own institution"
    if home and forms_of(owner.term).get("attributive"):  # a country, not a city (용산 대통령실)
        return SKIP, f"an institution of {owner.term.ko}, not the glossary's"
    return None  # a generic name (의회: a parliament) fits any country


def _name_word_before(sentence: str, hits: list[Hit], index: int) -> tuple[str, int] | None:
    """The bare word right before a hit, if it could be a given name (no particle, no hit)."""
    before = word_before(sentence, hits[index].decision.start)
    if before is None or inside_hit(hits, before[1]) or before[0] in COMMON_WORDS:
        return None
    if before[0] in GIVEN_NAMES:
        return before
    if len(split_particles(before[0])) == 1 and not before[0].endswith(NOT_NAME_ENDINGS):
        return before
    return None


def _after_given_name(sentence: str, hits: list[Hit], index: int, is_name: bool) -> bool:
    """Is this word a person's surname (자린 메타, 마이클 블룸버그 시장, 배우 덴젤 워싱턴)?

    A known given name before it says so; so does an occupation before the
    name word, and, for a company or brand word, a title right after it.
    """
    before = _name_word_before(sentence, hits, index)
    if before is None:
        return False
    name, name_start = before
    if name in GIVEN_NAMES:
        return True
    title_before = word_before(sentence, name_start)
    if title_before and title_before[0] in OCCUPATIONS:
        return True
    hit = hits[index]
    title_after = is_name and not hit.match.particle and word_after(sentence, hit.decision.end)
    return bool(title_after and title_after in PERSON_TITLES)


def _another_given_name(sentence: str, hits: list[Hit], index: int) -> bool:
    """이방카 트럼프, 킴벌 머스크: a foreign-looking word before a surname entry names a relative."""
    term = hits[index].term
    if " " in term.ko:
        return False  # a full name (도널드 트럼프) is its own entry
    before = _name_word_before(sentence, hits, index)
    return before is not None and before[0] not in OCCUPATIONS and loanword_score(before[0]) > 0


def _gloss_of_another_word(sentence: str, hits: list[Hit], index: int) -> bool:
    """도지코인(DOGE): English in brackets right after a word is the writer's gloss of that
    word, not another entry (the gloss of the same entry is written with it: forms.py)."""
    hit = hits[index]
    start, end = hit.decision.start, hit.decision.end
    if not hit.match.text.isascii() or sentence[start - 1 : start] != "(":
        return False
    return sentence[end : end + 1] == ")" and start >= 2 and sentence[start - 2].isalpha()


def _inside_latin_name(sentence: str, hits: list[Hit], index: int) -> bool:
    """LG CNS: a Latin hit followed by another capitalized Latin word the glossary does not know."""
    hit = hits[index]
    if not hit.match.text.isascii() or hit.match.particle:
        return False
    following = LATIN_NAME_WORD.match(sentence, hit.decision.end)
    return following is not None and not inside_hit(hits, following.start(1))


def _owner_before(sentence: str, hits: list[Hit], index: int) -> Hit | None:
    """The place standing right before this organisation (through other organisations),
    or else the organisation right before it; None when neither does."""
    if hits[index].term.type is not TermType.ORG:
        return None
    cursor, nearest = index, None
    while cursor > 0:
        previous = hits[cursor - 1]
        if previous.match is None or previous.match.particle:
            break
        if not only_space_between(sentence, previous.decision.end, hits[cursor].decision.start):
            break
        if previous.term.type is TermType.PLACE:
            return previous
        if previous.term.type is not TermType.ORG:
            break
        nearest = nearest or previous
        cursor -= 1
    return nearest


def _names_place(home: list[str], place) -> bool:
    names = spellings(place)
    return any("".join(h.split()) in names for h in home)
