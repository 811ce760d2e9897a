"""Korean morphology for `extract`, from kiwipiepy when it is installed (`pip install
'bilingo[extract]'`).

Spelling rules tell a loanword from a native word only so far: 강력한 and
방문해 break no rule a loanword keeps, and 매케인은 hides its particle. A
morphological analyser reads each word as morphemes with parts of speech,
so `extract` can keep nouns, know a proper noun (NNP) when it sees one, and
drop verbs, adjectives and adverbs (issue 14). Without kiwipiepy the spelling
rules and the particle grammar decide alone, and `extract` says so once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

# Morphemes a term's stem is made of: nouns, and foreign letters glued on (모델Y).
_NOUN_TAGS = frozenset({"NNP", "NNG", "NNB", "NR", "SL", "SN", "XPN"})  # not XSN: 들, 적
# A word that opens with one of these is no term: a verb, adjective, adverb, determiner …
_NOT_TERM_TAGS = ("VV", "VA", "VX", "VCP", "VCN", "MAG", "MAJ", "MM", "IC", "NP", "XR")
# After the noun: a verb or adjective made of it (방문해, 강력한): the noun stands alone
# only as the root of a predicate.
_PREDICATE_SUFFIXES = ("XSV", "XSA", "VCP")


@dataclass(frozen=True)
class Reading:
    """A word as the analyser reads it: its leading noun stem and what that stem is."""

    stem: str  # the nouns at the word's start, as written ("" when it opens with no noun)
    proper: bool  # a proper noun (NNP) among them
    predicate: bool  # the word is a verb or adjective form (강력한, 방문해, 만드는)
    # Where a name of several words the analyser knows ends, when one starts with this word
    # (무함마드 빈 살만, 샘 올트먼: one proper noun across spaces); else None.
    name_end: int | None = None


@functools.cache
def analyser():
    """kiwipiepy's Kiwi, loaded once (about a second), or None when it is not installed."""
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        return None
    return Kiwi()


def available() -> bool:
    return analyser() is not None


def readings(text: str, words: list[tuple[int, int]]) -> dict[int, Reading] | None:
    """Each word's Reading, by its start offset in `text`; None without kiwipiepy.

    `words`: (start, end) of each word to read, as the article tokenizes the text.
    """
    kiwi = analyser()
    if kiwi is None:
        return None
    morphemes = _morphemes(kiwi, text)
    found: dict[int, Reading] = {}
    position = 0
    for start, end in words:
        while position < len(morphemes) and morphemes[position][1] <= start:
            position += 1
        inside = []
        cursor = position
        while cursor < len(morphemes) and morphemes[cursor][0] < end:
            inside.append(morphemes[cursor])
            cursor += 1
        found[start] = _reading(text, start, end, inside)
    return found


def _morphemes(kiwi, text: str) -> list[tuple[int, int, str]]:
    """(start, end, tag) of every morpheme in `text`, analysed line by line: Kiwi
    reads a long text as one ever longer sentence (22 s for 1 MB at once, 2.6 s by line)."""
    starts, lines, at = [], [], 0
    for line in text.splitlines(keepends=True):
        if line.strip():
            starts.append(at)
            lines.append(line)
        at += len(line)
    found = []
    for start, tokens in zip(starts, kiwi.tokenize(lines), strict=True):
        for morpheme in tokens:
            at = start + morpheme.start
            found.append((at, at + morpheme.len, morpheme.tag))
    return found


def _reading(text: str, start: int, end: int, morphemes: list[tuple]) -> Reading:
    if not morphemes or morphemes[0][2].startswith(_NOT_TERM_TAGS):
        return Reading("", False, bool(morphemes))
    nouns = []
    for morpheme in morphemes:
        if morpheme[2] not in _NOUN_TAGS:
            break
        nouns.append(morpheme)
    rest = morphemes[len(nouns) :]
    predicate = bool(rest) and rest[0][2].startswith(_PREDICATE_SUFFIXES)
    stem_end = min(nouns[-1][1], end) if nouns else start
    first = morphemes[0]
    spans_words = first[2] == "NNP" and first[0] == start and first[1] > end
    return Reading(
        text[start:stem_end],
        any(morpheme[2] == "NNP" for morpheme in nouns),
        predicate,
        first[1] if spans_words else None,
    )
