"""Find glossary terms in running Korean text, particles and all.

One Aho-Corasick automaton (pyahocorasick) holds every headword and variant,
each also without its spaces (스푸트니크모먼트). Every raw hit is then held to
the boundary rules, which is where exact-string glossaries go wrong:

- on the left, a term may not continue a Hangul word (빅애플 is not 애플) but
  may follow anything else: space, punctuation, quotes, digits, Latin, hanja
  (中딥시크, 美엔비디아, AI데이터센터);
- on the right, the Hangul that follows up to the next non-Hangul character
  must be empty or a particle chain from `korean` (딥시크의, 하이퍼스케일러들은,
  딥시크였다); otherwise the term is part of another word (딥시크릿, 구글링);
- a term that starts or ends with a Latin letter or digit may not touch
  another one there (AI in OpenAI, H100 in H1000);
- a one-syllable headword (중, 미) matches only standing alone, and a place
  followed by 인 is a demonym (일본인 "Japanese") and is left to the translator.

Of the hits that pass, the leftmost wins, then the longest (삼성전자 over 삼성).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

import ahocorasick

from . import korean
from .korean.numbers import NumberMatch, find_numbers
from .terms import (
    ROW_EN,
    ROW_EN_VARIANTS,
    ROW_KO,
    ROW_TYPE,
    ROW_VARIANTS,
    Match,
    Term,
    without_spaces,
)


class TermSource(Protocol):
    """What a matcher needs of a glossary: its rows, and the Term of a row (bilingo.Glossary)."""

    rows: list[tuple]

    def term(self, index: int) -> Term: ...


# Flags stored with each automaton key.
PLACE = 1  # a place: place + 인 is a demonym
ONE_SYLLABLE = 2  # matches only standing alone
STARTS_LATIN = 4  # may not touch a Latin letter or digit on the left
ENDS_LATIN = 8  # ... or on the right


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


class TermMatcher:
    """A compiled finder for the terms of one glossary."""

    def __init__(self, glossary: TermSource, automaton: ahocorasick.Automaton | None = None):
        self.glossary = glossary
        self.automaton = automaton if automaton is not None else build_automaton(glossary.rows)

    def find(self, text: str, offset: int = 0) -> list[Match]:
        """Every term in `text`, in text order, never overlapping.

        `offset` is added to every start and end: the text's place in a
        larger document, when that is fed piece by piece.
        """
        return [
            Match(
                start + offset, end + offset, text[start:end], particle, self.glossary.term(index)
            )
            for start, end, index, particle in self._select(self._candidates(text))
        ]

    def _candidates(self, text: str) -> Iterator[tuple[int, int, int, str]]:
        # The hot loop of every scan: checks are inlined and ordered cheapest first.
        hangul_run = korean.HANGUL_RUN.match
        chain = korean.is_particle_chain
        length = len(text)
        for last, (index, size, flags) in self.automaton.iter(text):
            start, end = last - size + 1, last + 1
            before = text[start - 1] if start else " "
            if "\uac00" <= before <= "\ud7a3":
                continue
            if flags & STARTS_LATIN and _is_ascii_alnum(before):
                continue
            after = text[end] if end < length else " "
            if flags & ENDS_LATIN and _is_ascii_alnum(after):
                continue
            particle = hangul_run(text, end).group() if "\uac00" <= after <= "\ud7a3" else ""
            if particle:
                if flags & ONE_SYLLABLE:
                    continue
                if flags & PLACE and _is_demonym(particle):
                    continue
                if not chain(particle, text[last]):
                    continue
            yield start, end, index, particle

    @staticmethod
    def _select(candidates) -> list[tuple[int, int, int, str]]:
        """Leftmost, then longest; drop whatever overlaps a match already taken."""
        chosen = []
        taken_until = -1
        for candidate in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
            if candidate[0] >= taken_until:
                chosen.append(candidate)
                taken_until = candidate[1]
        return chosen


def _is_demonym(particle: str) -> bool:
    suffix = korean.DEMONYM_SUFFIX
    return particle.startswith(suffix) and korean.is_particle_chain(particle[1:], suffix)


def build_automaton(rows: list[tuple]) -> ahocorasick.Automaton:
    """An automaton whose keys are every spelling, with and without spaces.

    Each value is (row index, key length, flags); a key shared by two entries
    keeps the first, as lookup does.
    """
    automaton = ahocorasick.Automaton()
    for index, row in enumerate(rows):
        flags = PLACE if row[ROW_TYPE] == "place" else 0
        for form in (row[ROW_KO], *row[ROW_VARIANTS]):
            for key in {form, without_spaces(form)}:
                key_flags = flags | (ONE_SYLLABLE if len(key) == 1 else 0)
                key_flags |= STARTS_LATIN if _is_ascii_alnum(key[0]) else 0
                key_flags |= ENDS_LATIN if _is_ascii_alnum(key[-1]) else 0
                if key and key not in automaton:
                    automaton.add_word(key, (index, len(key), key_flags))
    automaton.make_automaton()
    return automaton


# What English glues to a noun: a plural and/or a possessive (hyperscalers, AI's).
ENGLISH_ENDING = re.compile(r"(?:e?s)?(?:['’]s?)?")


class EnglishTermMatcher:
    """Finds glossary terms by their English (en and en_variants) in English text.

    Case-insensitive, whole words only (AI is not in OpenAI or said), longest
    first; used to translate from English with the glossary reversed. A
    plural or possessive ending is reported as the match's particle.
    """

    def __init__(self, glossary: TermSource):
        self.glossary = glossary
        self.automaton = ahocorasick.Automaton()
        for index, row in enumerate(glossary.rows):
            for english in (row[ROW_EN], *row[ROW_EN_VARIANTS]):
                key = english.casefold()
                if key and key not in self.automaton:
                    self.automaton.add_word(key, (index, len(key)))
        if len(self.automaton):
            self.automaton.make_automaton()

    def find(self, text: str) -> list[Match]:
        if not len(self.automaton):
            return []
        folded = text.casefold()
        if len(folded) != len(text):  # casefold changed lengths (ß): keep offsets true
            folded = text.lower()
        candidates = []
        for last, (index, size) in self.automaton.iter(folded):
            start, end = last - size + 1, last + 1
            if start and folded[start - 1].isalnum():
                continue
            ending = ENGLISH_ENDING.match(folded, end).end()
            if ending < len(text) and folded[ending].isalnum():
                ending = end  # the word goes on: only a bare term may stand here
                if end < len(text) and folded[end].isalnum():
                    continue
            candidates.append((start, end, index, text[end:ending]))
        return [
            Match(start, end, text[start:end], ending, self.glossary.term(index))
            for start, end, index, ending in TermMatcher._select(candidates)
        ]


@functools.lru_cache(maxsize=4096)
def _english_pattern(english: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in english.split()]
    body = r"\s+".join(words)
    ending = r"(?:e?s)?(?:'s|’s|'|’)?"
    return re.compile(rf"(?<![A-Za-z0-9]){body}{ending}(?![A-Za-z0-9])", re.IGNORECASE)


def english_present(english: str, text: str) -> bool:
    """Whether `english` stands in `text` as whole words (plural, possessive allowed).

    Translate checks every inserted term this way, and nearly every check
    succeeds on a plain substring, so that is tried before any regex.
    """
    needle, haystack = english.lower(), text.lower()
    if " " not in needle and needle not in haystack:
        return False
    start = haystack.find(needle)
    while start != -1:
        end = start + len(needle)
        clear_before = start == 0 or not _is_ascii_alnum(haystack[start - 1])
        if clear_before and (end == len(haystack) or not _is_ascii_alnum(haystack[end])):
            return True
        start = haystack.find(needle, start + 1)
    return bool(_english_pattern(english).search(text))


@dataclass(slots=True)
class LocatedMatch:
    """A match with its place in a document: 1-based line and column, and offsets."""

    line: int
    column: int
    match: Match


def scan_lines(lines: Iterable[str], matcher: TermMatcher) -> Iterator[LocatedMatch]:
    """Matches of a document given line by line (kept whole, newline included).

    Offsets are code points from the start of the document, so a 50 MB file
    can be scanned one line at a time without holding it in memory.
    """
    offset = 0
    for line_number, line in enumerate(lines, start=1):
        for match in matcher.find(line, offset):
            yield LocatedMatch(line_number, match.start - offset + 1, match)
        offset += len(line)


def terms_and_figures(
    text: str, matcher: TermMatcher | None
) -> tuple[list[Match], list[NumberMatch]]:
    """Glossary terms and money figures of Korean text (no terms without a matcher).

    A figure wins over a term it overlaps: 600만 달러 is a figure, not the term 달러.
    """
    figures = find_numbers(text)
    if matcher is None:
        return [], figures
    terms = [
        match
        for match in matcher.find(text)
        if not any(match.start < figure.end and figure.start < match.end for figure in figures)
    ]
    return terms, figures
