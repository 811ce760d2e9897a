"""Does a Hangul spelling transliterate these English words, and where do the words meet?

The matcher's spacing (bilingo.spacing) cuts a solid key such as 일라이릴리 where
the words of its English meet (Eli Lilly: 일라이 | 릴리). The check is by
consonant sound: each Hangul syllable's initial and final are put in a class
(ㄱ ㅋ ㄲ: K ...), each English word becomes a skeleton of the same classes, and
the Hangul is aligned with the words one by one, allowing the vowels and
silent letters transliteration adds or drops.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable

from .korean.common_words import COMMON_WORDS
from .korean.hangul import jamo

# One-syllable words a part may not be: words that stand before a noun (새, 각, 전) and
# the suffixes of Korean place names (풍계리, 테헤란로), beside korean.common_words.
_SHORT_WORDS = "이 그 저 새 각 총 약 전 현 구 신 본 당 타 첫 한 두 세 네 몇 더 온 옛 헌 딴 리 로 읍"
SHORT_WORDS = frozenset(_SHORT_WORDS.split())

HANGUL_RUNS = re.compile("[\uac00-\ud7a3]+")
LATIN_RUNS = re.compile("[A-Za-z]+")
NOT_IN_WORDS = re.compile(r"[^a-z\s&-]")  # what an English word loses: Lilly's -> lillys

Cuts = tuple[int, ...]  # boundaries inside a solid key: 데이터센터 -> (3,)


def is_everyday(part: str) -> bool:
    return part in COMMON_WORDS or part in SHORT_WORDS


def split_at(solid: str, cuts: Cuts) -> list[str]:
    bounds = [0, *cuts, len(solid)]
    return [solid[start:end] for start, end in itertools.pairwise(bounds)]


# The consonant class of each Hangul initial (ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ);
# ㅇ is silent. Classes are coarse on purpose: f/p/b/v are one, as Hangul writes them.
INITIAL_CLASS = ("K", "K", "N", "T", "T", "L", "M", "P", "P", "S", "S", "", "J", "J", "J", "K", "T", "P", "H")  # fmt: skip
# ... of each final slot (0 none, ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ);
# a final ㅅ is a t in loanwords (샷 shot), a final ㅇ is ng.
FINAL_CLASS = ("", "K", "K", "K", "N", "N", "N", "T", "L", "L", "L", "L", "L", "L", "L", "L", "M", "P", "P", "T", "T", "N", "T", "T", "K", "T", "P", "T")  # fmt: skip
LETTER_CLASS = dict(zip("bcdfgjklmnpqstvxz", ["P", "K", "T", "P", "K", "J", "K", "L", "M", "N", "P", "K", "S", "T", "P", "KS", "J"], strict=True))  # fmt: skip
DIGRAPHS = {"ch": "J", "sh": "S", "th": "S", "ph": "P", "ck": "K", "ng": "N", "gh": "", "qu": "K", "zh": "J", "dg": "J", "dh": "T", "kh": "K", "lm": "M"}  # fmt: skip
VOWELS = frozenset("aeiouy")
# English words a Korean spelling of a name leaves out.
UNSPOKEN = frozenset(("the",))


def collapsed_classes(classes: Iterable[str]) -> str:
    """Consonant classes run together, a class repeated next to itself written once."""
    out = ""
    for char in "".join(classes):
        if not out or out[-1] != char:
            out += char
    return out


def _letter_class(word: str, position: int) -> tuple[str, int]:
    """The class of the English sound at `position` and how many letters it takes."""
    pair = word[position : position + 2]
    if pair in DIGRAPHS or pair == "wh" and not position:
        return DIGRAPHS.get(pair, ""), 2
    char, after = word[position], word[position + 1 : position + 2]
    if char == "r" or char == "h":  # silent unless a vowel follows (center, John, store)
        sounded = after in VOWELS and word[position + 1 :] != "e"
        return ("L" if char == "r" else "H") if after and sounded else "", 1
    if char in "cg" and after and after in "eiy":
        return ("S" if char == "c" else "J"), 1  # soft c and g: center, general
    return LETTER_CLASS.get(char, ""), 1


@functools.lru_cache(maxsize=65536)
def english_skeleton(word: str) -> str:
    """The consonant classes of a lower-case English word: center -> SNT, Lilly -> L."""
    classes, position = [], 0
    while position < len(word):
        sound, size = _letter_class(word, position)
        classes.append(sound)
        position += size
    return collapsed_classes(classes)


def _vowels(word: str) -> int:
    """How many vowel letters a word has (y only after its first letter): about its Hangul syllables."""
    return sum(char in VOWELS for char in word) - (word[:1] == "y")


def distance_tolerance(*skeletons: str) -> int:
    """Consonant classes two spellings of one word may differ by: one in three of the shorter."""
    return min(len(skeleton) for skeleton in skeletons) // 3


def skeleton_distance(first: str, second: str, limit: int) -> int:
    """Levenshtein distance of two short strings, or `limit` + 1 once it is surely over `limit`."""
    if first == second:
        return 0
    if not limit or abs(len(first) - len(second)) > limit:
        return limit + 1
    previous = list(range(len(second) + 1))
    for row, char in enumerate(first, start=1):
        current = [row]
        for column, other in enumerate(second, start=1):
            current.append(
                min(previous[column] + 1, current[-1] + 1, previous[column - 1] + (char != other))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def english_cuts(
    solid: str, english: str, person: bool = False, written: Iterable[int] = ()
) -> Cuts:
    """Boundaries of a Hangul transliteration at the boundaries of its English words.

    일라이릴리 / Eli Lilly -> (3,); New York Times keeps New York one part (뉴욕 |
    타임스). Latin words of the key itself (LG에너지솔루션 / LG Energy Solution)
    are set aside; no piece crosses a space the spelling has (`written`). A
    name with as many English words as syllables (청와대 / Cheong Wa Dae) is
    romanized syllable by syllable, no transliteration of English words, and
    is not cut.
    """
    run, offset = hangul_run_of(solid)
    if len(run) < 3:
        return ()
    words = english_words_of(english, solid)
    if not 2 <= len(words) < len(run) or not starts_alike(jamo(run[0]), words[0]):
        return ()  # the quick tests first: most keys are no transliteration of their English
    if _has_acronym(english, solid):
        return ()  # letters read one by one (동아에스티: Dong-A ST)
    walls = frozenset(cut - offset for cut in written if offset < cut < offset + len(run))
    cuts = _Aligner(run, words, walls).best()
    if not cuts or not _acceptable_pieces(split_at(run, cuts), person, first=not offset):
        return ()
    return tuple(cut + offset for cut in cuts)


def _several(english: str) -> bool:
    """Whether `en` may have two words or more: the cheap test before any reading of it."""
    return " " in english or "-" in english or "&" in english


def may_spell_words(solid: str, english: str) -> bool:
    """The cheap test before english_cuts: several English words, the first one's sound first.

    Only a key of Hangul alone is tested here (the English words the
    alignment sees are then all of them); anything else goes to english_cuts.
    The test lets through every key english_cuts could cut (FIRST_INITIALS).
    """
    if not _several(english):
        return False
    if not HANGUL_RUNS.fullmatch(solid):
        return True
    first = english[4:5] if english[:4].casefold() == "the " else english[:1]
    initials = FIRST_INITIALS.get(first.casefold())
    return initials is None or (ord(solid[0]) - 0xAC00) // 588 in initials


def hangul_run_of(solid: str) -> tuple[str, int]:
    """The one run of Hangul syllables in `solid` and where it starts; ("", 0) for none or several."""
    if HANGUL_RUNS.fullmatch(solid):
        return solid, 0
    runs = HANGUL_RUNS.findall(solid)
    if len(runs) != 1:
        return "", 0
    return runs[0], solid.index(runs[0])


def english_words_of(english: str, solid: str) -> list[str]:
    """The words of `en` to align, lower case, letters only ("&" is "and").

    "The" and the key's own Latin words (LG, AI) are left out.
    """
    words = _words_of(english)
    own = {word.casefold() for word in LATIN_RUNS.findall(solid)}
    return [word for word in words if word not in own] if own else list(words)


@functools.lru_cache(maxsize=65536)
def _words_of(english: str) -> tuple[str, ...]:
    text = NOT_IN_WORDS.sub("", english.casefold()).replace("&", " and ").replace("-", " ")
    return tuple(word for word in text.split() if word not in UNSPOKEN)


def _has_acronym(english: str, solid: str) -> bool:
    """Whether `en` has a word of capitals (two at least) that the key does not write in Latin."""
    return any(
        len(word) > 1 and word.isalpha() and word.isupper() and word not in solid
        for word in english.replace("-", " ").split()
    )


# The vowels (jamo medial indexes) a Hangul spelling may start with for an English word that
# starts with a vowel, w or y: Oilbank is 오일뱅크, never 일뱅크; Aires is 아이레스.
VOWEL_STARTS = {
    "a": frozenset((0, 1, 2, 4, 5, 9)),  # ㅏ ㅐ ㅑ ㅓ ㅔ ㅘ: Amazon, Angeles, Applied, Asset
    "e": frozenset((1, 4, 5, 7, 20)),  # ㅐ ㅓ ㅔ ㅖ ㅣ: Energy, Ernie, Eli
    "i": frozenset((0, 4, 16, 20)),  # ㅏ ㅓ ㅟ ㅣ: Intel, Ivy, Irving
    "o": frozenset((0, 4, 8, 9, 11, 13)),  # ㅏ ㅓ ㅗ ㅘ ㅚ ㅜ: Oracle, other
    "u": frozenset((0, 4, 13, 14, 17)),  # ㅏ ㅓ ㅜ ㅝ ㅠ: Uber, Up, Unilever
    "y": frozenset((2, 3, 5, 6, 7, 12, 17, 20)),  # ㅑ ㅒ ㅔ ㅕ ㅖ ㅛ ㅠ ㅣ: York, Yale, Yen
    "w": frozenset((4, 8, 9, 10, 11, 13, 14, 15, 16)),  # ㅓ ㅗ ㅘ ㅙ ㅚ ㅜ ㅝ ㅞ ㅟ: Wall, Wells
}
SILENT = 11  # ㅇ, the initial of a syllable that starts with its vowel


def starts_alike(syllable: tuple[int, int, int], word: str) -> bool:
    """Whether a syllable (its jamo) may begin the Hangul spelling of an English word."""
    initial, medial, _final = syllable
    vowels = VOWEL_STARTS.get(word[0])
    if vowels is not None:
        return initial == SILENT and medial in vowels
    sound = _letter_class(word, 0)[0]
    return INITIAL_CLASS[initial] == sound if sound else initial == SILENT


def _first_initials() -> dict[str, frozenset[int]]:
    """For each first letter of an English word, the Hangul initials its spelling may start with."""
    table = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        if letter in VOWEL_STARTS:
            table[letter] = frozenset((SILENT,))
            continue
        sounds = {
            _letter_class(letter + after + "x", 0)[0] for after in "abcdefghijklmnopqrstuvwxyz."
        }
        table[letter] = frozenset(
            initial
            for initial, sound in enumerate(INITIAL_CLASS)
            if sound in sounds or initial == SILENT and "" in sounds
        )
    return table


FIRST_INITIALS = _first_initials()


def _acceptable_pieces(pieces: list[str], person: bool, first: bool = True) -> bool:
    """Whether the pieces of an alignment may stand apart.

    The piece that begins a key (`first`) may not be an everyday word:
    우리카드 / Woori Card spaced is "our card", 내일신문 / Naeil Shinmun
    "tomorrow's paper" (HD현대미포 may be HD 현대 미포). A one-syllable
    piece may not be one either, nor any part of a person's name (김정은 /
    Kim Jong Un is one word in Korean copy).
    """
    if first and is_everyday(pieces[0]):
        return False
    return not any(len(piece) == 1 and (person or is_everyday(piece)) for piece in pieces)


class _Aligner:
    """Where a Hangul run splits into one piece per English word (or per two, 뉴욕: New York).

    A piece starts with the sound its first English word starts with and has
    its consonants, give or take one in three (tolerance); two words share a
    piece of two syllables at most. Of the splits that fit, the best has the
    fewest consonants off, then syllable counts nearest the English words'
    vowels. Where several splits are best, only the cuts they all make are
    kept: a vowel syllable between two words (타이어 | 앤 or 타이 | 어앤) is no
    boundary to guess at.
    """

    def __init__(self, run: str, words: list[str], walls: frozenset[int] = frozenset()):
        self.run, self.words, self.walls = run, words, walls
        self.syllables = [jamo(syllable) for syllable in run]
        self.pieces = [
            INITIAL_CLASS[initial] + FINAL_CLASS[final] for initial, _, final in self.syllables
        ]
        self.memo: dict[tuple[int, int], tuple | None] = {}
        self.targets: dict[tuple[int, int], tuple[str, int]] = {}

    def best(self) -> Cuts:
        """The cuts every best alignment makes; () when there is no alignment."""
        last = self.words[-1]
        if not any(starts_alike(syllable, last) for syllable in self.syllables[1:]):
            return ()  # no syllable after the first may begin the last word: the cheap test
        found = self._from(0, 0)
        return tuple(sorted(found[1])) if found else ()

    def _target(self, word: int, size: int) -> tuple[str, int]:
        """The consonant classes and the vowel count of words[word : word + size]."""
        key = (word, size)
        if key not in self.targets:
            group = self.words[word : word + size]
            skeleton = collapsed_classes(english_skeleton(each) for each in group)
            self.targets[key] = skeleton, sum(_vowels(each) for each in group)
        return self.targets[key]

    def _from(self, start: int, word: int):
        """(cost, cuts) of the best alignments of run[start:] with words[word:], or None."""
        key = (start, word)
        if key not in self.memo:
            self.memo[key] = self._search(start, word)
        return self.memo[key]

    def _search(self, start: int, word: int):
        best = None
        for size in (1, 2):
            group = self.words[word : word + size]
            if len(group) < size or not starts_alike(self.syllables[start], group[0]):
                continue
            for cost, cuts in self._pieces_for(start, word, group):
                if best is None or cost < best[0]:
                    best = (cost, cuts)
                elif cost == best[0]:
                    best = (cost, best[1] & cuts)
        return best

    def _ends(self, start: int, words_left: int, group_size: int) -> range:
        """Where a piece from `start` may end, with `words_left` words still to place after it."""
        last = len(self.run) - words_left
        if group_size > 1:
            last = min(last, start + 2)
        walls = [wall for wall in self.walls if wall > start]
        if walls:
            last = min(last, min(walls))
        first = start + 1 if words_left else len(self.run)
        return range(first, last + 1)

    def _pieces_for(self, start: int, word: int, group: list[str]):
        words_left = len(self.words) - word - len(group)
        target, vowels = self._target(word, len(group))
        longest = len(target) + len(target) // 3  # a longer piece is surely too far off
        ends = self._ends(start, words_left, len(group))
        piece = collapsed_classes(self.pieces[start : ends.start])
        for end in ends:
            if end > ends.start:
                piece = collapsed_classes((piece, self.pieces[end - 1]))
            if len(piece) > longest:
                break
            limit = distance_tolerance(piece, target)
            distance = skeleton_distance(piece, target, limit)
            if distance > limit:
                continue
            rest = self._from(end, word + len(group)) if words_left else ((0, 0), frozenset())
            if rest is not None:
                (far, off), cuts = rest
                cost = (distance + far, abs(end - start - vowels) + off)
                yield cost, (cuts | {end}) if words_left else cuts
