"""Korean particle grammar: which Hangul may be glued after a noun, and in which form.

Korean glues particles (의, 가, 에서는 ...), the plural 들, short noun
suffixes (측, 발, 산 ...) and forms of the copula (이다, 였다, 이라는 ...) to
the noun they follow, with no space. To find a glossary term in running text
we must know whether the Hangul that follows a term is such a chain (딥시크의)
or the rest of another word (딥시크릿). No library does this for loanwords
without a full morphological analyser, so the grammar is written here by hand.

A chain is a sequence of *units*, each from a slot that may only come after
the slots before it (plural, then noun suffix, then case particle, then
auxiliary particles), or it ends in one copula form. Many units have two
forms chosen by the sound before them (은/는, 이/가, 으로/로); a unit is
accepted only in the form that agrees with the syllable it follows, which
both mirrors the grammar and rejects look-alike words.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from .hangul import Sound, ending_sound, is_hangul_syllable

# A form's condition: after which sounds it may stand. None means after any.
AFTER_CONSONANT = frozenset({Sound.CONSONANT, Sound.RIEUL, Sound.UNKNOWN})
AFTER_VOWEL = frozenset({Sound.VOWEL, Sound.UNKNOWN})
# 으로 after consonants except ㄹ; 로 after vowels and ㄹ.
AFTER_NON_RIEUL_CONSONANT = frozenset({Sound.CONSONANT, Sound.UNKNOWN})
AFTER_VOWEL_OR_RIEUL = frozenset({Sound.VOWEL, Sound.RIEUL, Sound.UNKNOWN})


class Unit(NamedTuple):
    """One particle form, and after which sounds it may stand."""

    form: str
    after: frozenset | None = None  # None: agrees with anything
    # (consonant form, vowel form) when the unit is one of two allomorphs:
    # the one table en->ko particle agreement is built from.
    allomorphs: tuple[str, str] | None = None


def _pairs(consonant_form: str, vowel_form: str, *, rieul_takes_vowel_form: bool = False):
    """The two allomorphs of one particle (은/는, 으로/로 ...)."""
    consonant_after = AFTER_NON_RIEUL_CONSONANT if rieul_takes_vowel_form else AFTER_CONSONANT
    vowel_after = AFTER_VOWEL_OR_RIEUL if rieul_takes_vowel_form else AFTER_VOWEL
    pair = (consonant_form, vowel_form)
    return [Unit(consonant_form, consonant_after, pair), Unit(vowel_form, vowel_after, pair)]


def _free(*forms: str) -> list[Unit]:
    return [Unit(form) for form in forms]


def _copula(*forms: str) -> list[Unit]:
    """이-forms of the copula: 이다 after anything; the short 다 only after vowels."""
    units = []
    for form in forms:
        # The quotative 이라-/라- forms swap by sound in en->ko agreement; 이다
        # after a vowel is as right as 다, so the others are left alone
        # (not bare 라, which starts too many words: 라인, 라운드).
        pair = ("이" + form, form) if form.startswith("라") and form != "라" else None
        units.append(Unit("이" + form, None, pair))
        units.append(Unit(form, AFTER_VOWEL, pair))
    return units


PLURAL = _free("들")

# Short nouns and suffixes that news writing glues to names: 뉴욕발 (from New
# York), 중국산 (made in China), 한국계 (of Korean descent), 삼성 측 ...
NOUN_SUFFIXES = _free(
    "측",
    "발",
    "급",
    "산",
    "제",
    "계",
    "판",
    "식",
    "용",
    "향",
    "표",
    "형",
    "등",
    "사",
    "씨",
    "쪽",
    "간",
    "내",
    "별",
    "행",
    "전",
    "후",
    "상",
    "권",
    "팀",
)

# Common nouns that form a compound with a name: 엔비디아칩, 딥시크쇼크,
# AI모델. The term keeps its own meaning, so it is still matched.
COMPOUND_NOUNS = _free(
    "칩",
    "주가",
    "주식",
    "쇼크",
    "사태",
    "효과",
    "충격",
    "모델",
    "제품",
    "서비스",
    "서버",
    "기술",
    "업체",
    "기업",
    "그룹",
    "앱",
    "폰",
    "반도체",
    "데이터센터",
    "플랫폼",
    "시장",
    "정부",
    "대통령",
    "행정부",
    "본사",
    "매장",
    "공장",
    "지수",
    "리스크",
)

CASE_PARTICLES = [
    *_pairs("이", "가"),
    *_pairs("을", "를"),
    *_pairs("과", "와"),
    *_pairs("으로", "로", rieul_takes_vowel_form=True),
    *_pairs("으로서", "로서", rieul_takes_vowel_form=True),
    *_pairs("으로써", "로써", rieul_takes_vowel_form=True),
    *_pairs("으로부터", "로부터", rieul_takes_vowel_form=True),
    *_pairs("이랑", "랑"),
    *_free(
        "에",
        "에서",
        "에게",
        "에게서",
        "한테",
        "한테서",
        "께",
        "께서",
        "하고",
        "보다",
        "처럼",
        "같이",
        "만큼",
        "에서부터",
        "에로",
    ),
]

# Contractions that are themselves a case plus an auxiliary particle.
CONTRACTIONS = [
    *_free("에선", "에겐", "엔"),
    Unit("론", AFTER_VOWEL_OR_RIEUL),
    Unit("으론", AFTER_NON_RIEUL_CONSONANT),
]

AUXILIARY_PARTICLES = [
    *_pairs("은", "는"),
    *_pairs("이나", "나"),
    *_pairs("이나마", "나마"),
    *_pairs("이라도", "라도"),
    *_pairs("이야", "야"),
    *_pairs("이야말로", "야말로"),
    *_pairs("이든", "든"),
    *_pairs("이든지", "든지"),
    *_pairs("이란", "란"),
    *_free(
        "도",
        "만",
        "까지",
        "부터",
        "조차",
        "마저",
        "밖에",
        "마다",
        "뿐",
        "씩",
        "대로",
        "쯤",
        "요",
        "이며",
        "하며",
    ),
]

COPULA_FORMS = [
    *_copula(
        "다",
        "고",
        "며",
        "라",
        "라는",
        "라고",
        "라며",
        "라면",
        "라면서",
        "라서",
        "지만",
        "자",
        "고요",
        "에요",
        "죠",
        "지",
        "니",
        "니까",
        "면",
        "던",
        "라던",
        "냐",
        "었다",
        "었고",
        "었던",
        "었으며",
        "었지만",
        "었는데",
        "어서",
        "라니",
        "라도",
    ),
    Unit("인"),
    Unit("일"),
    Unit("인데"),
    Unit("인지"),
    Unit("인가"),
    Unit("입니다"),
    Unit("이에요"),
    Unit("예요", AFTER_VOWEL),
    Unit("였다", AFTER_VOWEL),
    Unit("였고", AFTER_VOWEL),
    Unit("였던", AFTER_VOWEL),
    Unit("였으며", AFTER_VOWEL),
    Unit("였지만", AFTER_VOWEL),
    Unit("였는데", AFTER_VOWEL),
    Unit("여서", AFTER_VOWEL),
    Unit("였다며", AFTER_VOWEL),
    Unit("이었다며"),
    Unit("이라며"),
]

# Slots in the order Korean stacks them; each may appear at most once, except
# auxiliaries, which stack (까지도, 에서만은).
SLOTS: list[tuple[str, list[Unit], int]] = [
    ("plural", PLURAL, 1),
    ("suffix", NOUN_SUFFIXES + COMPOUND_NOUNS, 1),
    ("plural", PLURAL, 1),  # 사들, 기업들: plural may follow a suffix too
    ("case", CASE_PARTICLES + CONTRACTIONS, 1),
    ("auxiliary", AUXILIARY_PARTICLES, 2),
    # The genitive closes a chain: 딥시크의, 에서의, 까지의, 와의.
    ("genitive", _free("의"), 1),
]

# A place name followed by 인 is a demonym (일본인 "Japanese"), not the place
# plus the copula; the matcher leaves those words to the translator.
DEMONYM_SUFFIX = "인"


def _agrees(unit: Unit, sound: Sound) -> bool:
    return unit.after is None or sound in unit.after


def _by_first_character(units: list[Unit]) -> dict[str, list[Unit]]:
    table: dict[str, list[Unit]] = {}
    for unit in units:
        table.setdefault(unit.form[0], []).append(unit)
    return table


# The grammar indexed for speed: the matcher asks about every hit in a text.
_SLOT_TABLES = [(_by_first_character(units), repeat) for _, units, repeat in SLOTS]
_COPULA_TABLE: dict[str, list[Unit]] = {}
for _unit in COPULA_FORMS:
    _COPULA_TABLE.setdefault(_unit.form, []).append(_unit)


def is_particle_chain(tail: str, previous: str) -> bool:
    """True when `tail` is a chain of particles/endings that may follow `previous`.

    `previous` is the word the chain is glued to (only its last character
    matters). The empty tail is a chain: a term standing alone.
    """
    return _is_chain_after(tail, ending_sound(previous))


@lru_cache(maxsize=65536)
def _is_chain_after(tail: str, sound: Sound) -> bool:
    # Cached on the sound, not the word: every vowel-final term shares answers.
    return _parse_chain(tail, sound, 0)


def _parse_chain(tail: str, sound: Sound, slot_index: int) -> bool:
    if not tail:
        return True
    if any(_agrees(unit, sound) for unit in _COPULA_TABLE.get(tail, ())):
        return True
    return any(
        _parse_slot(tail, sound, index, *_SLOT_TABLES[index])
        for index in range(slot_index, len(SLOTS))
    )


def _parse_slot(tail: str, sound: Sound, index: int, table: dict, repeat: int) -> bool:
    for unit in table.get(tail[0], ()):
        if tail.startswith(unit.form) and _agrees(unit, sound):
            rest = tail[len(unit.form) :]
            after = ending_sound(unit.form)
            if repeat > 1 and rest and _parse_slot(rest, after, index, table, repeat - 1):
                return True
            if _parse_chain(rest, after, index + 1):
                return True
    return False


def split_particles(word: str) -> list[tuple[str, str]]:
    """Every way to read `word` as stem + particle chain, longest stem first.

    The whole word with an empty chain comes first. Used by lookup for
    queries such as 딥시크의 or 하이퍼스케일러들은.
    """
    readings = [(word, "")]
    for cut in range(len(word) - 1, 0, -1):
        stem, tail = word[:cut], word[cut:]
        if is_hangul_syllable(tail[0]) and is_particle_chain(tail, stem):
            readings.append((stem, tail))
    return readings


# Particle agreement for en->ko: every two-form unit of the grammar, longest first
# so that 으로부터 is tried before 으로.
AGREEMENT_PAIRS = sorted(
    {
        unit.allomorphs
        for units in (CASE_PARTICLES, AUXILIARY_PARTICLES, COPULA_FORMS)
        for unit in units
        if unit.allomorphs
    },
    key=lambda pair: (-len(pair[0]), pair),
)


def agree_particle(noun: str, particle_chain: str) -> str:
    """Rewrite the first particle of a chain to agree with `noun`.

    딥시크 + 은 -> 는, 엔비디아 + 을 -> 를, 서울 + 으로 -> 로, 삼성 + 가 -> 이.
    Chains that start with no two-form particle are returned unchanged.
    """
    sound = ending_sound(noun)
    if sound is Sound.UNKNOWN:
        return particle_chain
    for consonant_form, vowel_form in AGREEMENT_PAIRS:
        for form in (consonant_form, vowel_form):
            if particle_chain.startswith(form):
                rest = particle_chain[len(form) :]
                # 이다 is the copula, not the subject particle: leave it.
                if form == "이" and rest[:1] in ("다", "며", "고", "자", "라", "었", "지"):
                    return particle_chain
                return _agreeing_form(sound, consonant_form, vowel_form) + rest
    return particle_chain


def _agreeing_form(sound: Sound, consonant_form: str, vowel_form: str) -> str:
    if sound is Sound.VOWEL:
        return vowel_form
    if sound is Sound.RIEUL and consonant_form.startswith("으로"):
        return vowel_form
    return consonant_form
