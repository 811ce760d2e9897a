"""What `glossary validate` warns about: entries that are valid but likely to misfire.

- a one-syllable Hangul headword, which matches inside too many words;
- a headword or variant that is also an everyday Korean word (인도 is India and
  the sidewalk; bilingo.korean.common_words) in an entry without `sense`, which
  would be translated as the entry wherever the everyday word is meant;
- a two-syllable headword of a word entry (`term`, or no type) that looks like
  an ordinary Sino-Korean word, in an entry without `sense` (below);
- a person without a note (who, and since when: "Finance minister from 2025");
- the same English (`en`, any case) on two unrelated headwords (below);
- a `sense` that cannot do what it says: a `confirm` cue while `otherwise` is
  insert (a confirmed hit is inserted, and so is every other one), a cue for
  English text (en_confirm, en_exclude) written in Hangul, a cue that is only `~`
  (it speaks for every hit; `otherwise` says that).

Warnings never make a glossary invalid, and never change an exit code.

**Looks like an ordinary word.** Two Hangul syllables, each a reading of one of
the 1,800 basic education hanja (교육용 기초한자: Unihan kHangul, source E), or
that reading after the initial-sound rule (률 -> 율 as in 환율). Why this test:
nearly all of Korean news vocabulary is Sino-Korean, and a two-syllable
Sino-Korean spelling is where Korean has several words for one spelling (수입
imports and income, 전기 electricity, biography and first half, 사기 fraud and
morale), so an entry for one of them may be rendered where another is meant.
Transliterations almost always hold a syllable no such reading has (구글's 글,
애플's 플, 인텔's 텔, 우버's 버, 엔비디아's 디), so they are not warned about.
korean.orthography.loanword_score is not used: a score of 0 does not make a
word Sino-Korean (구글 scores 0). Names (every type but `term`; untyped entries are checked) are left out: a transliteration can be
made of such readings by chance (소니, 혼다, 나토, 애저), and a Sino-Korean name
(한국, 삼성, 세종) is a name; the names that are also everyday words are listed
in common_words and warned about above. Nor is a headword whose English is an
acronym (유심 USIM): it spells the acronym. A word with one sense in news says so
with `sense: {otherwise: insert}`. Rarer readings are left out on purpose: they
would admit transliterations (글 is the reading of a rare hanja).

**Unrelated headwords.** Entries with the same English are related when they
share a Korean spelling (one is the other's variant), when the note of one
names the other's headword (a ministry's old and new name: "until 2025; then
재정경제부"), or when both are institutions with a `home` and the homes differ
(외교부 and 외무성 are Korea's and Japan's Ministry of Foreign Affairs). The
entries not linked so, directly or through another, get one warning each,
naming the first entry with that English.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..korean import contains_hangul
from ..korean.common_words import COMMON_WORDS
from ..korean.hangul import is_hangul_word
from ..terms import Term, TermType, without_spaces
from .validation import CUE_KEYS, HIT

# Each confirm key, and the choice that must not be insert for its cues to matter.
CONFIRMS = {"confirm": "otherwise", "en_confirm": "en_otherwise"}
ENGLISH_CUE_KEYS = ("en_confirm", "en_exclude")

# The readings of the 1,800 basic education hanja (Unihan 14.0 kHangul, source E), and
# (last line) the forms the initial-sound rule gives readings that have none of their own
# in the list (록 -> 녹, 론 -> 논, 루 -> 누, 률 -> 율, 륭 -> 융).
SINO_KOREAN_SYLLABLES = frozenset(
    "".join(
        """
    가각간갈감갑강개객갱거건걸검격견결겸경계고곡곤골공과곽관광괘괴교구국군굴궁권궐궤귀규균극근금급긍기긴
    길나낙난남납낭내녀년념녕노농뇌능니다단달담답당대덕도독돈돌동두둔득등라락란람랑래랭략량려력련렬렴렵령
    례로록론롱뢰료룡루류륙륜률륭릉리린림립마막만말망매맥맹면멸명모목몰몽묘무묵문물미민밀박반발방배백번벌
    범법벽변별병보복본봉부북분불붕비빈빙사삭산살삼상새색생서석선설섭성세소속손송쇄쇠수숙순술숭습승시식신
    실심십쌍씨아악안알암압앙애액야약양어억언엄업여역연열염엽영예오옥온옹와완왈왕외요욕용우운웅원월위유육
    윤은을음읍응의이익인일임입자작잔잠잡장재쟁저적전절점접정제조족존졸종좌죄주죽준중즉증지직진질집징차착
    찬찰참창채책처척천철첨첩청체초촉촌총최추축춘출충취측층치칙친칠침칭쾌타탁탄탈탐탑탕태택토통퇴투특파판
    팔패편평폐포폭표품풍피필하학한할함합항해핵행향허헌험혁현혈혐협형혜호혹혼홀홍화확환활황회획횡효후훈훼
    휘휴흉흑흡흥희
    녹논누율융
    """.split()  # noqa: SIM905
    )
)
ACRONYM = re.compile(r"[A-Z][A-Z0-9&.-]+")
# Every type but these names something; a name is not checked for looking like a word.
WORD_TYPES = (None, TermType.TERM)


def entry_warnings(terms: list[Term]) -> list[str]:
    """Every warning about entries, in the order of the entries, each with file:line."""
    shared = shared_english(terms)
    found = []
    for index, term in enumerate(terms):
        found.extend(f"{term.source}: {message}" for message in _warnings(term))
        if index in shared:
            found.append(f"{term.source}: {shared[index]}")
    return found


def _warnings(term: Term) -> Iterator[str]:
    yield from _headword_warnings(term)
    if not term.sense:
        yield from _common_words(term, term.variants, "variant ")
    if term.type is TermType.PERSON and not term.note:
        yield (
            f"person `{term.ko}` has no note; say who they are and since when "
            '("Finance minister from 2025")'
        )
    yield from _sense_warnings(term.sense)


def _headword_warnings(term: Term) -> Iterator[str]:
    """One warning at most about the headword itself: too short, or an ordinary word."""
    spelling = without_spaces(term.ko)
    if len(spelling) == 1 and contains_hangul(spelling):
        yield f"one-syllable headword `{term.ko}` matches inside many words; prefer a longer form"
    elif not term.sense and spelling in COMMON_WORDS:
        yield from _common_words(term, [term.ko], "")
    elif not term.sense and term.type in WORD_TYPES and _looks_like_a_word(term, spelling):
        yield (
            f"`{term.ko}` is two Sino-Korean syllables, likely an ordinary word with other "
            "senses too; add a `sense` (cues, or otherwise: verify), or `sense: {otherwise: "
            "insert}` once you know news uses it in this sense only"
            + ("" if term.type else "; if it is a name, give it its type")
        )


def _looks_like_a_word(term: Term, spelling: str) -> bool:
    """Sino-Korean in shape, and not the Hangul of an acronym (유심 is USIM)."""
    return looks_sino_korean(spelling) and not ACRONYM.fullmatch(term.en)


def looks_sino_korean(spelling: str) -> bool:
    """Two Hangul syllables, each a common Sino-Korean reading (the module docstring says why)."""
    return (
        len(spelling) == 2
        and is_hangul_word(spelling)
        and all(syllable in SINO_KOREAN_SYLLABLES for syllable in spelling)
    )


def _common_words(term: Term, spellings: list[str], kind: str) -> Iterator[str]:
    for spelling in spellings:
        if without_spaces(spelling) in COMMON_WORDS:
            yield (
                f"{kind}`{spelling}` is also an everyday Korean word; add a `sense` (cues, or "
                f"otherwise: verify) so that the everyday word is not rendered `{term.en}`"
            )


def _sense_warnings(sense: dict) -> Iterator[str]:
    for confirm, choice in CONFIRMS.items():
        if sense.get(confirm) and sense.get(choice, "insert") == "insert":
            yield (
                f"`sense.{confirm}` changes nothing while `{choice}` is insert (the default); "
                f"set `{choice}: verify` or `skip`"
            )
    for key in ENGLISH_CUE_KEYS:
        for cue in sense.get(key, ()):
            if contains_hangul(cue):
                yield f"cue `{cue}` in `sense.{key}` holds Hangul, but it is matched in English text"
    for key in CUE_KEYS:
        if HIT in sense.get(key, ()):
            yield f"cue `{HIT}` in `sense.{key}` speaks for every hit; use otherwise instead"


# --------------------------------------------------------------------------- shared English


def shared_english(terms: list[Term]) -> dict[int, str]:
    """Entry index -> warning, for entries whose English an unrelated earlier entry has."""
    first: dict[str, int] = {}
    repeated: dict[str, list[int]] = {}
    for index, term in enumerate(terms):
        english = term.en.casefold()
        earlier = first.setdefault(english, index)
        if earlier != index:
            repeated.setdefault(english, [earlier]).append(index)
    found: dict[int, str] = {}
    for indexes in repeated.values():
        families = _families(terms, indexes)
        for family in families[1:]:
            found[family[0]] = _shared_message(terms[family[0]], terms[families[0][0]])
    return found


def _families(terms: list[Term], indexes: list[int]) -> list[list[int]]:
    """Entries with one English, grouped by links (a shared Korean spelling, a note naming
    the other's headword) direct or through others; each group and the groups in file order."""
    parent = {index: index for index in indexes}

    def root(index: int) -> int:
        while parent[index] != index:
            index = parent[index] = parent[parent[index]]
        return index

    def join(one: int, other: int) -> None:
        parent[max(root(one), root(other))] = min(root(one), root(other))

    for one, other in _links(terms, indexes):
        join(one, other)
    families: dict[int, list[int]] = {}
    for index in indexes:
        families.setdefault(root(index), []).append(index)
    return sorted(families.values())


def _links(terms: list[Term], indexes: list[int]) -> Iterator[tuple[int, int]]:
    """Pairs of entries that share a Korean spelling, whose note names the other, or that
    are institutions of different countries (each has a `home`, and they differ)."""
    first_with: dict[str, int] = {}
    for index in indexes:
        for spelling in _spellings(terms[index]):
            yield index, first_with.setdefault(spelling, index)
    headwords = [(index, without_spaces(terms[index].ko)) for index in indexes]
    homes = [(index, set(terms[index].sense.get("home", ()))) for index in indexes]
    for index in indexes:
        note = without_spaces(terms[index].note or "")
        if note:
            yield from ((index, other) for other, ko in headwords if ko in note)
        home = set(terms[index].sense.get("home", ()))
        if home:
            yield from ((index, other) for other, theirs in homes if theirs and not home & theirs)


def _spellings(term: Term) -> set[str]:
    return {without_spaces(spelling) for spelling in (term.ko, *term.variants)}


def _shared_message(term: Term, first: Term) -> str:
    return (
        f"`{term.ko}` has the English `{term.en}` of `{first.ko}` ({first.source}) too; make one "
        "a variant of the other, or say in a note (naming the other) how they differ"
    )
