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

import functools
import itertools
import re
from collections.abc import Iterable

from .korean.common_words import COMMON_WORDS
from .korean.hangul import is_hangul_syllable, jamo
from .korean.names import GIVEN_NAMES
from .korean.romanize import SURNAMES, revised_romanization
from .terms import ROW_EN, ROW_KO, ROW_TYPE, ROW_VARIANTS, without_spaces

# At most this many part boundaries are spaced in every combination (2**4 spellings).
MOST_BOUNDARIES = 4

# One-syllable words a part may not be: words that stand before a noun (새, 각, 전) and
# the suffixes of Korean place names (풍계리, 테헤란로), beside korean.common_words.
_SHORT_WORDS = "이 그 저 새 각 총 약 전 현 구 신 본 당 타 첫 한 두 세 네 몇 더 온 옛 헌 딴 리 로 읍"
SHORT_WORDS = frozenset(_SHORT_WORDS.split())

HANGUL_RUNS = re.compile("[\uac00-\ud7a3]+")
LATIN_RUNS = re.compile("[A-Za-z]+")
NOT_IN_WORDS = re.compile(r"[^a-z\s&-]")  # what an English word loses: Lilly's -> lillys
GIVEN_HEADS = frozenset(name[:2] for name in GIVEN_NAMES)  # the cheap test before name_cuts
SCRIPT_CHANGE = re.compile("[A-Za-z][\uac00-\ud7a3]|[\uac00-\ud7a3][A-Za-z]")

Cuts = tuple[int, ...]  # boundaries inside a solid key: 데이터센터 -> (3,)


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


def _everyday(part: str) -> bool:
    return part in COMMON_WORDS or part in SHORT_WORDS


def _parts(solid: str, cuts: Cuts) -> list[str]:
    bounds = [0, *cuts, len(solid)]
    return [solid[start:end] for start, end in itertools.pairwise(bounds)]


class PartFinder:
    """The part boundaries of spellings, from what one glossary knows (its rows)."""

    def __init__(self, rows: list[tuple]):
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
        found: set[int] = set()
        if len(spelling) < 3:
            return found
        if SCRIPT_CHANGE.search(spelling):
            found.update(_script_cuts(spelling))
        english, kind = row[ROW_EN], row[ROW_TYPE]
        spelled = (
            english_cuts(spelling, english, kind == "person", ())
            if _may_spell_words(spelling, english)
            else ()
        )
        found.update(spelled)
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
        if _may_spell_words(solid, row[ROW_EN]):
            found.update(english_cuts(solid, row[ROW_EN], row[ROW_TYPE] == "person", written))
        return found

    def _word_cuts(self, solid: str, is_place: bool, english: str) -> Cuts:
        """The fewest glossary words that make up `solid`, when they are safe apart.

        Not when the key transliterates its English, one word (데이터브릭스:
        Databricks is not 데이터 | 브릭스).
        """
        cuts = self._segmented(solid) if len(solid) > 3 else ()
        if not cuts:
            return ()
        parts = _parts(solid, cuts)
        if any(_everyday(part) for part in parts):
            return ()
        if parts[0] in self.places and not is_place:
            return ()
        return () if _spells_one_word(solid, _english_words(english, solid)) else cuts

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
    parts = _parts(solid, tuple(cuts))
    if _everyday(parts[0]) or any(len(part) == 1 and _everyday(part) for part in parts):
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
    if not _starts_alike(syllables[0], word):
        return False
    piece = _collapsed(
        INITIAL_CLASS[initial] + FINAL_CLASS[final] for initial, _, final in syllables
    )
    target = english_skeleton(word)
    limit = _tolerance(piece, target)
    return _distance(piece, target, limit) <= limit


def _spells_one_word(solid: str, words: list[str]) -> bool:
    """Whether the Hangul of a key transliterates its English, one word (데이터브릭스: Databricks)."""
    return len(words) == 1 and _spells(_hangul_run(solid)[0], words[0])


# --------------------------------------------------------------------------- English

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


def _collapsed(classes: Iterable[str]) -> str:
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
    return _collapsed(classes)


def _vowels(word: str) -> int:
    """How many vowel letters a word has (y only after its first letter): about its Hangul syllables."""
    return sum(char in VOWELS for char in word) - (word[:1] == "y")


def _tolerance(*skeletons: str) -> int:
    """Consonant classes two spellings of one word may differ by: one in three of the shorter."""
    return min(len(skeleton) for skeleton in skeletons) // 3


def _distance(first: str, second: str, limit: int) -> int:
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
    run, offset = _hangul_run(solid)
    if len(run) < 3:
        return ()
    words = _english_words(english, solid)
    if not 2 <= len(words) < len(run) or not _starts_alike(jamo(run[0]), words[0]):
        return ()  # the quick tests first: most keys are no transliteration of their English
    if _has_acronym(english, solid):
        return ()  # letters read one by one (동아에스티: Dong-A ST)
    walls = frozenset(cut - offset for cut in written if offset < cut < offset + len(run))
    cuts = _Aligner(run, words, walls).best()
    if not cuts or not _acceptable_pieces(_parts(run, cuts), person, first=not offset):
        return ()
    return tuple(cut + offset for cut in cuts)


def _several(english: str) -> bool:
    """Whether `en` may have two words or more: the cheap test before any reading of it."""
    return " " in english or "-" in english or "&" in english


def _may_spell_words(solid: str, english: str) -> bool:
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


def _hangul_run(solid: str) -> tuple[str, int]:
    """The one run of Hangul syllables in `solid` and where it starts; ("", 0) for none or several."""
    if HANGUL_RUNS.fullmatch(solid):
        return solid, 0
    runs = HANGUL_RUNS.findall(solid)
    if len(runs) != 1:
        return "", 0
    return runs[0], solid.index(runs[0])


def _english_words(english: str, solid: str) -> list[str]:
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


def _starts_alike(syllable: tuple[int, int, int], word: str) -> bool:
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
    if first and _everyday(pieces[0]):
        return False
    return not any(len(piece) == 1 and (person or _everyday(piece)) for piece in pieces)


class _Aligner:
    """Where a Hangul run splits into one piece per English word (or per two, 뉴욕: New York).

    A piece starts with the sound its first English word starts with and has
    its consonants, give or take one in three (_tolerance); two words share a
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
        if not any(_starts_alike(syllable, last) for syllable in self.syllables[1:]):
            return ()  # no syllable after the first may begin the last word: the cheap test
        found = self._from(0, 0)
        return tuple(sorted(found[1])) if found else ()

    def _target(self, word: int, size: int) -> tuple[str, int]:
        """The consonant classes and the vowel count of words[word : word + size]."""
        key = (word, size)
        if key not in self.targets:
            group = self.words[word : word + size]
            skeleton = _collapsed(english_skeleton(each) for each in group)
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
            if len(group) < size or not _starts_alike(self.syllables[start], group[0]):
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
        piece = _collapsed(self.pieces[start : ends.start])
        for end in ends:
            if end > ends.start:
                piece = _collapsed((piece, self.pieces[end - 1]))
            if len(piece) > longest:
                break
            limit = _tolerance(piece, target)
            distance = _distance(piece, target, limit)
            if distance > limit:
                continue
            rest = self._from(end, word + len(group)) if words_left else ((0, 0), frozenset())
            if rest is not None:
                (far, off), cuts = rest
                cost = (distance + far, abs(end - start - vowels) + off)
                yield cost, (cuts | {end}) if words_left else cuts
