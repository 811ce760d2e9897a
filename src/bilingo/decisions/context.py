"""Reading the context of a glossary hit: sense cues, and the words around it.

An entry's `sense` (README, "Glossary format") lists cues: text that confirms
or rules out the glossary's sense around a hit. A cue is compiled once into
a regular expression: `~` is the hit, text left of it must end right before
the hit, text right of it must start right after the headword (so it may
begin with the glued particle: `~에 흩어`), a space matches any spacing or
none (Korean spacing is loose), `#` is a number. A cue without `~` is a
word anywhere in the sentence. See docs/design.md, "Deciding each hit".
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

# A number in a cue: digits, or a Korean or English number word, with any
# scale words after it (수십억, 3 trillion, 5,000).
_NUMBER_WORDS = (
    "한|두|세|네|다섯|여섯|일곱|여덟|아홉|열|스무|수십|수백|수천|수만|몇|"
    "one|two|three|four|five|six|seven|eight|nine|ten|a few|several|dozens?|hundreds?"
)
_SCALES = "십|백|천|만|억|조|hundred|thousand|million|billion|trillion"
NUMBER = rf"(?<!\w)(?:[0-9][0-9,.]*|{_NUMBER_WORDS})(?:\s*(?:{_SCALES}))*"
HIT = "~"


class Cue(NamedTuple):
    """A compiled cue: what must stand before the hit, after it, or anywhere in the sentence.

    before/after are regular expressions, or for a part of uncased letters only
    (Hangul, digits, marks: most cues) its words and whether spacing may part
    it from the hit, which compare exactly as the expression would, without one
    being compiled (a third of a ms each) or searched through the sentence.
    """

    text: str
    before: re.Pattern[str] | tuple[str, ...] | None = None
    after: re.Pattern[str] | tuple[str, ...] | None = None
    anywhere: str | None = None

    def matches(self, sentence: str, start: int, end: int) -> bool:
        """Does the cue hold for the hit at sentence[start:end] (end: after the headword)?"""
        if self.anywhere is not None:
            return self.anywhere in sentence.casefold()
        if self.before is not None and not _ends_with(self.before, sentence, start):
            return False
        return self.after is None or _starts_with(self.after, sentence, end)


def _ends_with(part, sentence: str, at: int) -> bool:
    """Does sentence[:at] end with the part (a space in it: any spacing, or none)?"""
    if not isinstance(part, tuple):
        return part.search(sentence, 0, at) is not None
    *words, spaced_end = part
    for number, word in enumerate(reversed(words)):
        if number or spaced_end:  # words have no spaces: the spacing between is all skipped
            while at and sentence[at - 1].isspace():
                at -= 1
        if not sentence.startswith(word, at - len(word), at):
            return False
        at -= len(word)
    return True


def _starts_with(part, sentence: str, at: int) -> bool:
    """Does sentence[at:] start with the part (a space in it: any spacing, or none)?"""
    if not isinstance(part, tuple):
        return part.match(sentence, at) is not None
    *words, spaced_start = part
    for number, word in enumerate(words):
        if number or spaced_start:
            while at < len(sentence) and sentence[at].isspace():
                at += 1
        if not sentence.startswith(word, at):
            return False
        at += len(word)
    return True


def _pattern(part: str) -> str:
    pieces: list[str] = []
    for char in part:
        if char.isspace():
            if pieces[-1:] != [r"\s*"]:
                pieces.append(r"\s*")
        elif char == "#":
            pieces.append(NUMBER)
        else:
            pieces.append(re.escape(char))
    return "".join(pieces)


def _part(part: str, at_end: bool):
    """A cue part as its words, where it has no number and no cased letter (case-insensitive
    matching changes nothing then); else its regular expression."""
    if not part:
        return None
    if "#" not in part and part.lower() == part == part.upper():
        # its words, then whether it may be spaced from the hit: (학습, 및, True) for `학습 및 ~`
        return (*part.split(), part[-1 if at_end else 0].isspace())
    return re.compile(f"(?:{_pattern(part)})\\Z" if at_end else _pattern(part), re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def compile_cue(text: str) -> Cue:
    """The Cue a glossary cue string stands for (validation has checked it holds at most one ~)."""
    if HIT not in text:
        return Cue(text, anywhere=text.casefold())
    left, _, right = text.partition(HIT)
    return Cue(text, _part(left, at_end=True), _part(right, at_end=False))


def first_cue(cues, sentence: str, start: int, end: int) -> str | None:
    """The first of `cues` (strings) that holds around the hit, or None."""
    for text in cues or ():
        if compile_cue(text).matches(sentence, start, end):
            return text
    return None


# ---- the words around a hit

_HANGUL_WORD_BEFORE = re.compile(r"(?<![\w])([\uac00-\ud7a3]+)\s\Z")
_HANGUL_WORD_AFTER = re.compile(r"\s([\uac00-\ud7a3]+)")


def word_before(sentence: str, start: int) -> tuple[str, int] | None:
    """The Hangul word separated from position `start` by exactly one space, and where it starts."""
    found = _HANGUL_WORD_BEFORE.search(sentence, max(0, start - 12), start)
    return (found.group(1), found.start(1)) if found else None


def word_after(sentence: str, end: int) -> str | None:
    """The Hangul word after one space at `end`, glued particles and all."""
    found = _HANGUL_WORD_AFTER.match(sentence, end)
    return found.group(1) if found else None


def only_space_between(sentence: str, start: int, end: int) -> bool:
    return start <= end and not sentence[start:end].strip()


# A capitalized Latin word after one space: 네덜란드 ASML, LG CNS.
LATIN_NAME_WORD = re.compile(r" ([A-Z][A-Za-z0-9&]*)(?![A-Za-z0-9&])")
