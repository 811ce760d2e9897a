"""The English form of an inserted Korean hit, and how it sits with its neighbours.

The form (docs/design.md, "Deciding each hit"): English the writer gave
stays as written (CEO, IMF); a title after a name takes its title form and
moves before the name (Sen. 존 매케인); 들 or a number word before it makes
it plural; a noun after it makes it attributive (중국 정부 -> Chinese);
else the entry's `en`. The neighbours: the writer's own gloss in brackets is
written once with its abbreviation (chief executive officer (CEO), Federal
Reserve (Fed)), and no term repeats the English of the term beside it
(구글 딥마인드 -> Google DeepMind, 휴머노이드 로봇 -> humanoid robot).
"""

from __future__ import annotations

import re

from ..extraction.words import COMMON_WORDS
from ..korean import split_particles
from ..korean.orthography import loanword_score
from ..terms import TermType
from .context import LATIN_NAME_WORD, only_space_between, word_after, word_before
from .hits import INSERT, SKIP, Hit, forms_of, inside_hit

# Words after a country that do not make it attributive: 중국 등 (China and
# others), 미국 내 (within the US), 미국 전역; verbal nouns it is the object
# of (중국 수출, 러시아 파병); superlatives (유럽 최대).
NOT_ATTRIBUTIVE = frozenset(
    """등 및 또는 내 외 간 전역 전체 사이 이후 이전 대비 쪽 자체 스스로 뿐 만 역시
    최대 최고 최초 최악 유일 수출 수출용 수입 전용 대체 파병 지원 방문 진출 견제 제재 압박
    공략 철수 출장 순방 출신 탈취 친화 동부 서부 남부 북부 중부 동남부 동북부 서남부 서북부
    남동부 북동부 남서부 북서부 일대 곳곳 국경 인근 접경 영토 본토""".split()  # noqa: SIM905 - a word list reads best as text
)
# Glued to a country, these make it attributive too: 중국산 (Chinese-made), 한국형, 한국계.
ATTRIBUTIVE_SUFFIXES = ("산", "형", "계", "식")
PLURAL_MARKER = "들"
PLURAL_REASON = "plural (들)"
# What news copy glues a number word to: 수십억 달러, 수천만 명.
NUMBER_BEFORE = re.compile(
    r"(?<![\w.,])(?:[0-9]+(?:[.,][0-9]+)*\s?[십백천만억조]*|(?:수|몇)[십백천만억조]+)\s*\Z"
)


def choose_form(sentence: str, hits: list[Hit], index: int) -> tuple[str, str | None]:
    """The English to write for an inserted term hit, and why when it is not the plain `en`."""
    hit = hits[index]
    term = hit.term
    forms = forms_of(term)
    as_written = _english_as_written(hit)
    if as_written:
        if hit.match.particle.startswith(PLURAL_MARKER):
            return plural(as_written), PLURAL_REASON
        return as_written, "English as the writer gave it"
    if hit.match.particle.startswith(PLURAL_MARKER):
        return forms.get("plural") or plural(term.en), PLURAL_REASON
    if forms.get("title"):
        name_start = _name_start(sentence, hits, index)
        if name_start is not None:
            hit.before_name = name_start
            return forms["title"], "title before a name"
    if NUMBER_BEFORE.search(sentence, 0, hit.decision.start):
        return forms.get("plural") or plural(term.en), "plural after a number"
    if forms.get("attributive") and _before_noun(sentence, hits, index):
        return forms["attributive"], "before a noun"
    if forms.get("attributive") and hit.match.particle.startswith(ATTRIBUTIVE_SUFFIXES):
        return forms["attributive"], f"before {hit.match.particle[0]}"
    return term.en, None


def _english_as_written(hit: Hit) -> str | None:
    """CEO, IMF, LLM: a Latin hit that is one of the entry's English spellings stays as written."""
    text = hit.match.text
    if not text.isascii():
        return None
    term = hit.term
    return text if text in (term.en, *term.en_variants, *forms_of(term).values()) else None


def _name_start(sentence: str, hits: list[Hit], index: int) -> int | None:
    """Where the person's name right before a title starts (존 매케인 상원의원), if there is one."""
    start = hits[index].decision.start
    previous = hits[index - 1] if index else None
    if previous is not None and previous.match is not None and not previous.match.particle:
        is_person = previous.term.type is TermType.PERSON
        if is_person and only_space_between(sentence, previous.decision.end, start):
            return previous.decision.start
    words = []
    cursor = start
    while len(words) < 2:
        before = word_before(sentence, cursor)
        if before is None or inside_hit(hits, before[1]) or before[0] in COMMON_WORDS:
            break
        words.append(before)
        cursor = before[1]
    if len(words) == 2 and all(len(word) <= 5 for word, _ in words):
        return words[-1][1]  # a foreign name: given name and surname
    from ..extraction.names import is_korean_name  # the name finder: only here (~20 ms)

    if words and is_korean_name(words[0][0]):
        return words[0][1]
    return None


def _before_noun(sentence: str, hits: list[Hit], index: int) -> bool:
    """Does a noun follow the term, making it attributive (중국 정부, 미국 대사관)?"""
    hit = hits[index]
    if hit.match.particle:
        return False
    following = word_after(sentence, hit.decision.end) or _latin_word_after(sentence, hit)
    if following is None or _is_place_name(following):
        return False
    if any(stem in NOT_ATTRIBUTIVE for stem, _ in split_particles(following)):
        return False
    after = hits[index + 1] if index + 1 < len(hits) else None
    if (
        after is not None
        and after.match is not None
        and after.decision.start == hit.decision.end + 1
    ):
        return after.term.type not in (TermType.PLACE, TermType.PERSON)
    return True


def _is_place_name(word: str) -> bool:
    """캔자스주: a transliterated state after a country is a place in it (미국 캔자스주),
    where 기술주 (tech stocks) is a noun the country qualifies."""
    return any(
        stem.endswith("주") and loanword_score(stem[:-1]) > 0 for stem, _ in split_particles(word)
    )


def _latin_word_after(sentence: str, hit: Hit) -> str | None:
    """중국 BOE, 네덜란드 ASML: a Latin name or word after one space."""
    found = LATIN_NAME_WORD.match(sentence, hit.decision.end)
    return found.group(1) if found else None


def plural(english: str) -> str:
    """The regular English plural of a term's last word (GPU -> GPUs, economy -> economies).

    A word ending in s is taken as plural already (news, series, hyperscalers).
    """
    if english.endswith("s"):
        return english
    if english.endswith(("x", "z", "ch", "sh")) and not english.isupper():
        return english + "es"
    if english.endswith("y") and english[-2:-1] not in "aeiou":
        return english[:-1] + "ies"
    return english + "s"


def join_glosses(sentence: str, hits: list[Hit]) -> None:
    """최고경영자(CEO), 연방준비제도(연준): the term and the writer's gloss, written once."""
    for hit in hits:
        if hit.match is None or hit.decision.action != INSERT or hit.match.particle:
            continue
        gloss = _gloss_after(sentence, hit.decision.end)
        if gloss is None:
            continue
        inner_start, inner_end = gloss
        text = sentence[inner_start:inner_end].strip()
        inside = [
            h for h in hits if inner_start <= h.decision.start and h.decision.end <= inner_end
        ]
        plural_after = sentence.startswith(PLURAL_MARKER, inner_end + 1)
        written = _with_gloss(hit, text, inside, plural_after)
        if written is None:
            continue
        hit.write_end = inner_end + 1 + (len(PLURAL_MARKER) if plural_after else 0)
        hit.written = hit.decision.inserted = written
        for other in inside:
            other.decision.action, other.decision.inserted = SKIP, None
            other.decision.reason = f"the writer's gloss of {hit.term.ko}, written with it"
            other.check, other.for_review = None, False


def _gloss_after(sentence: str, end: int) -> tuple[int, int] | None:
    if sentence[end : end + 1] != "(":
        return None
    close = sentence.find(")", end + 1, end + 40)
    return (end + 1, close) if close > end + 1 else None


def _with_gloss(hit: Hit, gloss: str, inside: list[Hit], plural_after: bool) -> str | None:
    """The term written with its gloss, or None when the bracket is not a gloss of it.

    최고경영자(CEO)들 is plural: chief executive officers (CEOs).
    """
    term, english = hit.term, hit.decision.inserted
    accepted = {e.casefold() for e in (term.en, *term.en_variants, *forms_of(term).values())}
    same_entry = any(h.match is not None and h.term.ko == term.ko for h in inside)
    if gloss.casefold() not in accepted and not same_entry:
        return None
    short = forms_of(term).get("short")
    if gloss.isascii() and gloss.casefold() != english.casefold() and len(gloss) < len(english):
        short = gloss  # the writer's abbreviation, as English keeps it
    if plural_after:
        english = forms_of(term).get("plural") or plural(english)
        short = short and short + "s"
    return f"{english} ({short})" if short and short.casefold() != english.casefold() else english


def drop_repeated_english(sentence: str, hits: list[Hit]) -> None:
    """구글 딥마인드: DeepMind's English begins with Google's; do not write Google twice."""
    for first, second in zip(hits, hits[1:], strict=False):
        if first.match is None or second.match is None:
            continue
        if first.decision.action != INSERT or second.decision.action != INSERT:
            continue
        if not only_space_between(sentence, first.full_end, second.decision.start):
            continue
        _without_repeat(sentence, first, second)


def _without_repeat(sentence: str, first: Hit, second: Hit) -> None:
    lead, tail = first.term.en + " ", " " + second.term.en
    if second.written.startswith(lead) and len(second.written) > len(lead):
        # 구글 딥마인드: Google DeepMind
        _set_written(second, second.written[len(lead) :], f"{first.term.en} stands before it")
    elif first.written.endswith(tail) and len(first.written) > len(tail):
        # 휴머노이드 로봇: humanoid robot, not humanoid robot robot
        _set_written(first, first.written[: -len(tail)], f"{second.term.en} follows it")
    elif not first.match.particle and _names_either(second.written, first):
        # 중국 인민은행: People's Bank of China says China already; the word goes
        first.decision.action, first.decision.inserted, first.check = SKIP, None, None
        first.decision.reason = f"{second.term.ko}'s English ({second.written}) says it"
        first.written, first.write_end, first.absorbed = "", second.decision.start, True
        first.for_review = False


def _names_either(english: str, hit: Hit) -> bool:
    """Does `english` name the hit, by what was written for it or by its entry's `en`?"""
    return any(
        name in english and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", english)
        for name in {hit.written, hit.term.en}
    )


def _set_written(hit: Hit, written: str, why: str) -> None:
    hit.written = hit.decision.inserted = written
    hit.check = written or None
    hit.decision.reason += f"; {why}"
