"""Where a glossary spelling may be written apart: the parts of a key, and its spacings.

A headword or variant stored solid (데이터센터, 손마사요시, 일라이릴리) is often
spaced in running text (데이터 센터, 손 마사요시, 일라이 릴리). The matcher
adds every spacing of a key as a key of its own, but spaces go only between the
key's parts, never inside one: 데이 터센터 is no spelling of 데이터센터. A part
boundary must be shown by what the glossary itself knows:

- its own spaces: a spelling written spaced (스푸트니크 모먼트) is cut there;
- script: Latin letters meet Hangul (SK하이닉스: SK | 하이닉스);
- English: the Hangul transliterates the words of `en` one by one, checked
  by their consonants (일라이릴리 / Eli Lilly: 일라이 | 릴리; 데이터센터 / data
  center: 데이터 | 센터). Where the English decides, nothing else does: a key
  that spells one English word is never cut (데이터브릭스 / Databricks);
- words: the key is a run of words the glossary holds on their own, as
  headwords, variants or words of a spaced spelling (자오창펑: 자오 | 창펑,
  from the entry 창펑 자오; 비상계엄: 비상 | 계엄);
- names: in a person entry, a family name that `en` names too and a foreign
  given name (손마사요시 / Masayoshi Son: 손 | 마사요시). A Korean name is
  never cut: Korean copy does not space one (이재명, never 이 재명).

Guards keep a spacing from spelling an ordinary phrase. A key that begins
with an everyday word (korean.common_words) is not cut after it: 우리카드
spaced is "our card", 한국은행 "Korean banks" when spaced. A run of glossary
words may hold no everyday word at all, and may begin with a place only in a
place's entry (한국 경제 is the Korean economy, not the newspaper 한국경제). A
one-syllable part may not be an everyday word, a determiner or a place suffix
(새, 각, 리), a key of two characters is never cut (뉴욕 is not 뉴 욕), and
where the English leaves a boundary open (한국타이어앤테크놀로지: 타이어 | 앤 or
타이 | 어앤) it is not guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

from .korean.hangul import is_hangul_syllable, jamo
from .korean.names import GIVEN_NAMES
from .korean.romanize import SURNAMES, revised_romanization
from .soundalike import (
    FINAL_CLASS,
    INITIAL_CLASS,
    Cuts,
    collapsed_classes,
    distance_tolerance,
    english_cuts,
    english_skeleton,
    english_words_of,
    hangul_run_of,
    is_everyday,
    may_spell_words,
    skeleton_distance,
    split_at,
    starts_alike,
)
from .terms import ROW_EN, ROW_KO, ROW_TYPE, ROW_VARIANTS, without_spaces

# The arguments of english_cuts: solid spelling, English, person or not, written spaces.
EnglishCutsKey = tuple[str, str, bool, tuple[int, ...]]

# At most this many part boundaries are spaced in every combination (2**4 spellings).
MOST_BOUNDARIES = 4

GIVEN_HEADS = frozenset(name[:2] for name in GIVEN_NAMES)  # the cheap test before name_cuts
SCRIPT_CHANGE = re.compile("[A-Za-z][\uac00-\ud7a3]|[\uac00-\ud7a3][A-Za-z]")


def spacings(spelling: str, cuts: Iterable[int]) -> list[str]:
    """The spelling as written, solid, then with every combination of spaces at `cuts`.

    `cuts` are positions in the solid spelling (spaces removed); a space the
    spelling has is a cut of its own. Beyond MOST_BOUNDARIES cuts, only the
    spelling, the solid form and the fully spaced form are given.
    """
    solid = without_spaces(spelling)
    inside = range(1, len(solid))
    everywhere = sorted(cut for cut in {*space_positions(spelling), *cuts} if cut in inside)
    if len(everywhere) > MOST_BOUNDARIES:
        return list(dict.fromkeys((spelling, solid, _spaced(solid, everywhere))))
    found = [spelling, solid]
    for size in range(1, len(everywhere) + 1):
        found += [_spaced(solid, chosen) for chosen in itertools.combinations(everywhere, size)]
    return list(dict.fromkeys(found))


SpellingCuts = tuple[int, str, set[int]]  # row index, spelling, its cuts


def spelling_cuts(
    finder: PartFinder, rows: list[tuple], start: int, stop: int
) -> list[SpellingCuts]:
    """The cuts of each spelling of rows[start:stop] that has spacings to add: cuts beyond the
    one space it may be written with (the matcher's first pass adds it as written and solid)."""
    found = []
    cuts_of = finder.cuts
    for index in range(start, stop):
        row = rows[index]
        variants = row[ROW_VARIANTS]
        for spelling in (row[ROW_KO], *variants) if variants else (row[ROW_KO],):
            cuts = cuts_of(spelling, row)
            if cuts and not (len(cuts) == 1 and " " in spelling):
                found.append((index, spelling, cuts))
    return found


def spelling_cuts_and_answers(
    finder: PartFinder, rows: list[tuple], start: int, stop: int
) -> list[list]:
    """spelling_cuts, and the english_cuts answers it used (finder.english_cuts_used), as
    JSON data for a forked child to send back (bilingo.forked): read with from_json_answer."""
    cuts = [[index, spelling, sorted(found)] for index, spelling, found in spelling_cuts(
        finder, rows, start, stop
    )]  # fmt: skip
    answers = [
        [*key[:3], list(key[3]), list(value)] for key, value in finder.english_cuts_used.items()
    ]
    return [cuts, answers]


def from_json_answer(answer: list) -> tuple[list[SpellingCuts], dict[EnglishCutsKey, Cuts]]:
    """What spelling_cuts_and_answers sent, in its own types again: sets, tuples, a dict."""
    cuts, answers = answer
    return (
        [(index, spelling, set(found)) for index, spelling, found in cuts],
        {(solid, english, person, tuple(written)): tuple(value)
         for solid, english, person, written, value in answers},
    )  # fmt: skip


def space_positions(spelling: str) -> list[int]:
    """Where the spaces of a spelling fall in its solid form: 스푸트니크 모먼트 -> [5]."""
    positions, seen = [], 0
    for position, char in enumerate(spelling):
        if char == " ":
            positions.append(position - seen)
            seen += 1
    return positions


def _spaced(solid: str, cuts: Iterable[int]) -> str:
    bounds = [0, *cuts, len(solid)]
    return " ".join(solid[start:end] for start, end in itertools.pairwise(bounds))


class PartFinder:
    """The part boundaries of spellings, from what one glossary knows (its rows)."""

    def __init__(self, rows: list[tuple], known_english_cuts: dict | None = None):
        """`known_english_cuts`: english_cuts answers kept from earlier builds (EnglishCutsKey ->
        cuts); every answer this finder needs, kept or worked out, lands in `english_cuts_used`."""
        self.known_english_cuts = known_english_cuts or {}
        self.english_cuts_used: dict[EnglishCutsKey, Cuts] = {}
        words: set[str] = set()
        places: set[str] = set()  # spellings of places, and the words of spaced ones
        others: set[str] = set()  # spellings of entries other than places
        for row in rows:
            kind = places if row[ROW_TYPE] == "place" else others
            for spelling in (row[ROW_KO], *row[ROW_VARIANTS]):
                if " " in spelling:
                    tokens = spelling.split()
                    words.update(tokens)
                    if kind is places:
                        places.update(tokens)
                    spelling = "".join(tokens)
                words.add(spelling)
                kind.add(spelling)
        self.words = {word for word in words if len(word) > 1}
        self.places = places - others  # a spelling some other entry has too is not only a place

    def cuts(self, spelling: str, row: tuple) -> set[int]:
        """The part boundaries of `spelling` (of `row`) in its solid form, its own spaces included.

        The English decides where it can: a key that transliterates its
        English is cut at the English words' boundaries and nowhere else (not
        하이브 | 리드 inside hybrid, nor 데이터 | 브릭스 inside Databricks).
        Every source is tried only after a cheap test, as a glossary of
        100,000 entries has as many keys to look at.
        """
        if " " in spelling:
            return self._written_cuts(spelling, row)
        if len(spelling) < 3:
            return set()
        found = set(_script_cuts(spelling)) if SCRIPT_CHANGE.search(spelling) else set()
        english, kind = row[ROW_EN], row[ROW_TYPE]
        # One English word is never cut (may_spell_words says so first; here without a call).
        several = " " in english or "-" in english or "&" in english
        if several and may_spell_words(spelling, english):
            spelled = self._english_cuts(spelling, english, kind == "person", ())
            found.update(spelled)
        else:
            spelled = ()
        if not spelled and self._may_be_words(spelling):
            found.update(self._word_cuts(spelling, kind == "place", english))
        if kind == "person":
            found.update(name_cuts(spelling, english))
        return found

    def _may_be_words(self, solid: str) -> bool:
        """The cheap test before _word_cuts: another glossary word begins `solid`, another ends it."""
        words, last = self.words, len(solid) - 1
        for end in range(2, last):
            if solid[:end] in words:
                break
        else:
            return False
        return any(solid[start:] in words for start in range(2, last))

    def _written_cuts(self, spelling: str, row: tuple) -> set[int]:
        """The cuts of a spelling written with spaces: its spaces, where Latin meets Hangul, the English's."""
        written = space_positions(spelling)
        found = set(written)
        solid = without_spaces(spelling)
        if SCRIPT_CHANGE.search(solid):
            for token, offset in zip(spelling.split(), (0, *written), strict=True):
                found.update(cut + offset for cut in _script_cuts(token))
        if may_spell_words(solid, row[ROW_EN]):
            found.update(self._english_cuts(solid, row[ROW_EN], row[ROW_TYPE] == "person", written))
        return found

    def _english_cuts(self, solid: str, english: str, person: bool, written) -> Cuts:
        """english_cuts, answered from the kept answers where it can: aligning Hangul with
        English is most of a matcher build, and its answer depends on these four values only."""
        key = (solid, english, person, tuple(written))
        cuts = self.known_english_cuts.get(key)
        if cuts is None:
            cuts = english_cuts(*key)
        self.english_cuts_used[key] = cuts
        return cuts

    def _word_cuts(self, solid: str, is_place: bool, english: str) -> Cuts:
        """The fewest glossary words that make up `solid`, when they are safe apart.

        Not when the key transliterates its English, one word (데이터브릭스:
        Databricks is not 데이터 | 브릭스).
        """
        cuts = self._segmented(solid) if len(solid) > 3 else ()
        if not cuts:
            return ()
        parts = split_at(solid, cuts)
        if any(is_everyday(part) for part in parts):
            return ()
        if parts[0] in self.places and not is_place:
            return ()
        return () if _spells_one_word(solid, english_words_of(english, solid)) else cuts

    def _segmented(self, solid: str) -> Cuts:
        """Cuts of `solid` into two or more glossary words, the fewest there are; else ().

        Never between two Latin letters or digits: how English is spaced is not
        for the Korean glossary to decide (MSNBC).
        """
        words, length = self.words, len(solid)
        reached: dict[int, Cuts] = {0: ()}
        for start in range(length - 1):
            if start not in reached or (start and _latin_pair(solid, start)):
                continue
            cuts = reached[start] + ((start,) if start else ())
            for end in range(start + 2, length + 1 - (start == 0)):
                better = end not in reached or len(reached[end]) > len(cuts)
                if better and solid[start:end] in words:
                    reached[end] = cuts
        return reached.get(length, ())


def _latin_pair(solid: str, position: int) -> bool:
    """Whether a cut at `position` would fall between two Latin letters or digits."""
    return _is_ascii_alnum(solid[position - 1]) and _is_ascii_alnum(solid[position])


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _script_cuts(solid: str) -> Cuts:
    """Where Latin letters meet Hangul (SK하이닉스, 스케일AI), when both sides may stand alone.

    The first part and a one-syllable part may not be everyday words (우리AI
    would be "our AI"), one letter and one syllable are one word (D램), and
    so is a letter and what follows it (K방산, N포세대: a prefix); a letter
    after Hangul stands apart (클로바 X).
    """
    cuts = [
        position
        for position in range(1, len(solid))
        if _script(solid[position - 1]) * _script(solid[position]) == -1
        and not (position == 1 and _script(solid[0]) == 1)
    ]
    parts = split_at(solid, tuple(cuts))
    if is_everyday(parts[0]) or any(len(part) == 1 and is_everyday(part) for part in parts):
        return ()
    if any(len(left) == len(right) == 1 for left, right in itertools.pairwise(parts)):
        return ()
    return tuple(cuts)


def _script(char: str) -> int:
    """1 for a Latin letter, -1 for a Hangul syllable, 0 for anything else."""
    if char.isascii() and char.isalpha():
        return 1
    return -1 if is_hangul_syllable(char) else 0


# --------------------------------------------------------------------------- names


def name_cuts(solid: str, english: str) -> Cuts:
    """A person's name written solid, cut where a foreign given name meets the family name.

    Both sides are checked: 손마사요시 / Masayoshi Son is 손 | 마사요시, a family
    name `en` spells and a given name of korean.names; 젠슨황 / Jensen Huang is
    젠슨 | 황, a given name and what spells the last English word. A Korean
    name (이재명) is never cut: Korean copy never spaces one.
    """
    if solid[1:] in GIVEN_NAMES or solid[2:] in GIVEN_NAMES:
        words = [word.casefold() for word in english.replace("-", " ").split()]
        for size in (2, 1):
            surname = solid[:size]
            if surname in SURNAMES and solid[size:] in GIVEN_NAMES:
                spelled = {SURNAMES[surname].casefold(), revised_romanization(surname)}
                if spelled.intersection(words):
                    return (size,)
    if solid[:2] in GIVEN_HEADS:
        last = english.replace("-", " ").split()[-1:]
        for size in range(len(solid) - 1, 1, -1):
            if solid[:size] in GIVEN_NAMES and last and _spells(solid[size:], last[0]):
                return (size,)
    return ()


def _spells(hangul: str, word: str) -> bool:
    """Whether Hangul syllables may transliterate one English word (황: huang), by their consonants."""
    if not hangul or not all(map(is_hangul_syllable, hangul)) or not word.isalpha():
        return False
    word = word.casefold()
    syllables = [jamo(syllable) for syllable in hangul]
    if not starts_alike(syllables[0], word):
        return False
    piece = collapsed_classes(
        INITIAL_CLASS[initial] + FINAL_CLASS[final] for initial, _, final in syllables
    )
    target = english_skeleton(word)
    limit = distance_tolerance(piece, target)
    return skeleton_distance(piece, target, limit) <= limit


def _spells_one_word(solid: str, words: list[str]) -> bool:
    """Whether the Hangul of a key transliterates its English, one word (데이터브릭스: Databricks)."""
    return len(words) == 1 and _spells(hangul_run_of(solid)[0], words[0])
