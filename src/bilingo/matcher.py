"""Find glossary terms in running Korean text, particles and all.

One Aho-Corasick automaton (pyahocorasick) holds every headword and variant,
each also without its spaces (스푸트니크모먼트) and spaced at its parts'
boundaries however the text spaces them (데이터 센터, 손 마사요시: `spacing`
says where a key's parts meet; never inside a part). Every raw hit is then held
to the boundary rules, which is where exact-string glossaries go wrong:

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
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple, Protocol

import ahocorasick

from . import korean
from .korean.hangul import FINALS, HANGUL_FIRST, HANGUL_LAST
from .normalize import normalize_with_offsets
from .terms import (
    ROW_EN,
    ROW_EN_VARIANTS,
    ROW_FORMS,
    ROW_KO,
    ROW_SENSE,
    ROW_TYPE,
    ROW_VARIANTS,
    Match,
    Term,
    without_spaces,
)

if TYPE_CHECKING:  # spacing is imported by a build only: a warm scan reads the automaton
    from .korean.numbers import NumberMatch  # and figures by terms_and_figures only (~20 ms)
    from .spacing import PartFinder, SpellingCuts


class TermSource(Protocol):
    """What a matcher needs of a glossary: its rows, and the Term of a row (bilingo.Glossary)."""

    rows: list[tuple]

    def term(self, index: int) -> Term: ...


# Flags stored with each automaton key.
PLACE = 1  # a place: place + 인 is a demonym
ONE_SYLLABLE = 2  # matches only standing alone
STARTS_LATIN = 4  # may not touch a Latin letter or digit on the left
ENDS_LATIN = 8  # ... or on the right
# A build of this many rows or more shares the spacing work with a forked child, which takes
# all rows but this process's share: this process numbers the keys meanwhile (measured).
FORK_FROM_ROWS = 20_000
OWN_SHARE = 0.4


# Precomposed Hangul syllables: their count, from 가 (HANGUL_FIRST), 28 final slots each.
SYLLABLES = HANGUL_LAST - HANGUL_FIRST + 1


def _is_ascii_alnum(char: str) -> bool:
    return char.isascii() and char.isalnum()


# What each automaton key stands for: (row index, key length, flags).
KeyValue = tuple[int, int, int]
# A term found: (start, end, row index, particle), offsets into the text searched.
Span = tuple[int, int, int, str]


class TermMatcher:
    """A compiled finder for the terms of one glossary.

    `compiled` is what build_automaton returns (the glossary's compiled cache
    keeps it); without it, it is built from the glossary's rows.
    """

    def __init__(
        self,
        glossary: TermSource,
        compiled: tuple[ahocorasick.Automaton, list[KeyValue]] | None = None,
    ):
        self.glossary = glossary
        self.automaton, self.key_values = compiled or build_automaton(glossary.rows)

    def find(self, text: str, offset: int = 0) -> list[Match]:
        """Every term in `text`, in text order, never overlapping.

        `offset` is added to every start and end: the text's place in a
        larger document, when that is fed piece by piece. Text in any Unicode
        form is searched in NFC; offsets and `text` are those of the text as
        given (bilingo.normalize).
        """
        term = self.glossary.term
        return [
            Match(start + offset, end + offset, text[start:end], particle, term(index))
            for start, end, index, particle in self.spans(text)
        ]

    def spans(self, text: str) -> list[Span]:
        """(start, end, row index, particle) of every term in `text`: what `find` finds,
        without a Match or Term per hit (a large scan renders its output from the rows)."""
        normalized, to_given = normalize_with_offsets(text)
        spans = self._matches(normalized)
        if normalized is not text:  # normalization changed the text: map offsets back
            spans = [(to_given(start), to_given(end), *rest) for start, end, *rest in spans]
        return spans

    def _matches(self, text: str) -> list[tuple[int, int, int, str]]:
        """(start, end, row, particle) of every term of NFC `text`."""
        if not is_searchable(self.automaton):  # an empty glossary finds nothing
            return []
        return self._leftmost_valid(text, self._candidates(text))

    @functools.cached_property
    def _start_offsets(self) -> list[int]:
        """Key number -> how far its first character is from its last."""
        return [size - 1 for _, size, _ in self.key_values]

    def _candidates(self, text: str) -> list[tuple[int, int, int]]:
        """(start, -end, key) of every key occurrence with no Hangul syllable before it.

        Sorted leftmost first, then longest. This loop sees every overlapping
        hit of the automaton (a key inside a longer one, most of them), so it
        only does the one check that rejects nearly all of those: a key may not
        continue a Hangul word. The other checks wait until a hit could win.
        Every hit, not pyahocorasick's iter_long: that one drops keys inside a
        longer key it started and gave up on (keys 가다 나라마, 다 나라바 and
        나라: nothing in "가다 나라를", where 나라를 is a term), and keys may
        contain spaces, so no cheap test tells where that happened.
        """
        offsets = self._start_offsets
        before = " " + text  # before[start] is the character before `start`
        hits = [
            (start, ~last, key)  # ~last == -end: longest first among equal starts
            for last, key in self.automaton.iter(text)
            if not "\uac00" <= before[(start := last - offsets[key])] <= "\ud7a3"
        ]
        hits.sort()
        return hits

    def _leftmost_valid(
        self, text: str, candidates: list[tuple[int, int, int]]
    ) -> list[tuple[int, int, int, str]]:
        """Leftmost, then longest, of the candidates that pass the checks; no overlaps.

        A candidate is checked only when nothing taken covers its start, so a
        key that fails lets a shorter key at its start, or a later one, win.
        Most terms end in a Hangul syllable and carry no flag but PLACE: the
        Hangul glued after them is looked up in a memo of particle chains.
        """
        key_values, hangul_run = self.key_values, korean.HANGUL_RUN.match
        chosen = []
        taken_until = 0
        for start, minus_end, key in candidates:
            if start < taken_until:
                continue
            index, _, flags = key_values[key]
            end = -minus_end
            syllable = ord(text[end - 1]) - HANGUL_FIRST  # the term's last character
            if flags & ~PLACE or not 0 <= syllable < SYLLABLES:
                particle = _particle(text, start, end, flags)
            elif particle := hangul_run(text, end).group():
                chains = _PLACE_CHAINS if flags else _CHAINS
                particle = chains[particle][syllable % FINALS]
            if particle is not None:
                chosen.append((start, end, index, particle))
                taken_until = end
        return chosen

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


def _particle(text: str, start: int, end: int, flags: int) -> str | None:
    """What is glued after the term at text[start:end], or None when the term cannot stand there.

    The full rules, for any term; the caller has checked that no Hangul
    syllable comes before it.
    """
    if flags & STARTS_LATIN and start and _is_ascii_alnum(text[start - 1]):
        return None
    after = text[end] if end < len(text) else " "
    if flags & ENDS_LATIN and _is_ascii_alnum(after):
        return None
    particle = korean.HANGUL_RUN.match(text, end).group() if "\uac00" <= after <= "\ud7a3" else ""
    if particle:
        if flags & ONE_SYLLABLE:
            return None
        if flags & PLACE and _is_demonym(particle):
            return None
        if not korean.is_particle_chain(particle, text[end - 1]):
            return None
    return particle


class _ChainMemo(dict):
    """Memo: Hangul glued after a term -> the particle or None, for each final it may follow.

    None when that Hangul is not a particle chain after a syllable with that
    final consonant (a particle agrees with the sound before it), or, for
    places, when it makes a demonym (일본인). A text glues a few hundred
    different endings to its terms, so the grammar is parsed once for each;
    the memo is emptied if it ever grows large (a server reads many texts).
    """

    LIMIT = 20_000  # a 10 MB text with 100,000 terms glues about 400

    def __init__(self, place: bool):
        super().__init__()
        self.flags = PLACE if place else 0

    def __missing__(self, particle: str) -> tuple[str | None, ...]:
        if len(self) >= self.LIMIT:
            self.clear()
        verdict = {}  # only the sound of the final matters: parse once for each sound
        for syllable in _WITH_EACH_FINAL:
            sound = korean.ending_sound(syllable)
            if sound not in verdict:
                verdict[sound] = _particle(syllable + particle, 0, 1, self.flags)
        verdicts = tuple(verdict[korean.ending_sound(syllable)] for syllable in _WITH_EACH_FINAL)
        self[particle] = verdicts
        return verdicts


# 가, 각, 갂 ...: one syllable with each of the 28 final-consonant slots.
_WITH_EACH_FINAL = [chr(HANGUL_FIRST + final) for final in range(FINALS)]
_CHAINS = _ChainMemo(place=False)
_PLACE_CHAINS = _ChainMemo(place=True)


def _is_demonym(particle: str) -> bool:
    suffix = korean.DEMONYM_SUFFIX
    return particle.startswith(suffix) and korean.is_particle_chain(particle[1:], suffix)


def build_automaton(
    rows: list[tuple], finder: PartFinder | None = None
) -> tuple[ahocorasick.Automaton, list[KeyValue]]:
    """An automaton whose keys are every spelling, however spaced at its parts, and their values.

    The automaton maps each key to its number, an int (STORE_INTS), so it can
    be saved and loaded by pyahocorasick without pickle; the list gives each
    number's (row index, key length, flags). STORE_INTS holds 32 bits, too few
    to pack all three for a large glossary. Keys go in in two passes: first
    every spelling as written and without its spaces, then the other spacings
    of each at its parts' boundaries (`spacing`), so a key a spelling has
    always wins over a spacing derived for another entry. Within a pass a key
    shared by two entries keeps the first, as lookup does. Keys go in in a
    fixed order, so every build of the same rows is the same. `finder`: the
    PartFinder of these rows, when the caller keeps what it worked out.
    """
    from . import spacing
    from .forked import start_in_child

    # Keys are numbered in a dict and added to the automaton at the end: a 100,000-entry
    # build looks each key up twice, and a dict answers faster than the automaton (issue 13).
    numbers: dict[str, int] = {}
    key_values: list[KeyValue] = []
    finder = finder or spacing.PartFinder(rows)
    # Where each spelling may be spaced is a third of a large cold build, row by row: a
    # forked child works out most rows' while this process numbers the keys (bilingo.forked).
    split = len(rows) if len(rows) < FORK_FROM_ROWS else int(len(rows) * OWN_SHARE)
    later = None
    if split < len(rows):
        later = start_in_child(spacing.spelling_cuts_and_answers, finder, rows, split, len(rows))
    _add_spellings(rows, numbers, key_values)
    cuts = spacing.spelling_cuts(finder, rows, 0, split)
    if later is not None:
        later_cuts, answers = spacing.from_json_answer(later())
        cuts += later_cuts
        finder.english_cuts_used.update(answers)
    for index, key in _spaced_keys(rows, cuts, numbers, key_values):
        _add_key(numbers, key_values, key, index, PLACE if rows[index][ROW_TYPE] == "place" else 0)
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    deque(map(automaton.add_word, numbers.keys(), numbers.values()), maxlen=0)  # a loop in C
    return made_searchable(automaton), key_values


def _add_spellings(rows: list[tuple], numbers: dict[str, int], key_values: list[KeyValue]):
    """The first pass: every spelling as written, and without its spaces."""
    number_of, new_key = numbers.setdefault, key_values.append
    for index, row in enumerate(rows):
        ko = row[ROW_KO]
        # Most rows have a headword alone, no variants, no sense suffixes, no space: one key,
        # numbered here, with no flag but PLACE unless an end of it is ASCII or it has one
        # character (as _add_key would number it, without a call a row).
        if row[ROW_VARIANTS] or row[ROW_SENSE] or " " in ko or not ko.isprintable() or not ko:
            place = PLACE if row[ROW_TYPE] == "place" else 0
            forms = _korean_spellings(row) if row[ROW_VARIANTS] or row[ROW_SENSE] else (ko,)
            for form in forms:
                _add_key(numbers, key_values, form, index, place)
                solid = without_spaces(form)  # (a printable key has no space but " ")
                if solid != form:
                    _add_key(numbers, key_values, solid, index, place)
        elif number_of(ko, count := len(key_values)) == count:  # a key not taken yet
            flags = PLACE if row[ROW_TYPE] == "place" else 0
            if ko[0] < "\x80" or ko[-1] < "\x80" or len(ko) == 1:
                flags = _flags(ko, flags)
            new_key((index, len(ko), flags))


def _add_key(numbers: dict[str, int], key_values: list[KeyValue], key: str, index: int, place: int):
    """Number `key` for row `index` with its flags (`place`: PLACE or 0), unless it is empty or
    taken."""
    if key and key not in numbers:
        numbers[key] = len(key_values)
        key_values.append((index, len(key), _flags(key, place)))


def _flags(key: str, place: int) -> int:
    """The flags of a key (not empty) of an entry (`place`: PLACE or 0)."""
    flags = place | (ONE_SYLLABLE if len(key) == 1 else 0)
    first, last = key[0], key[-1]
    if first < "\x80" and first.isalnum():  # _is_ascii_alnum, without two calls a key
        flags |= STARTS_LATIN
    if last < "\x80" and last.isalnum():
        flags |= ENDS_LATIN
    return flags


def _spaced_keys(
    rows: list[tuple],
    cuts: list[SpellingCuts],
    numbers: dict[str, int],
    key_values: list[KeyValue],
) -> Iterator[tuple[int, str]]:
    """(row index, key) of every spacing of each spelling at its parts' boundaries (데이터 센터).

    Only a spelling whose solid key is the row's own (`numbers`: key -> its
    number) is spaced: a solid key another entry took stays that entry's,
    however it is spaced. Spacings the first pass added already are skipped
    by the caller.
    """
    from .spacing import spacings

    for index, spelling, spelling_cuts in cuts:
        if key_values[numbers[without_spaces(spelling)]][0] != index:
            continue
        suffixes = (rows[index][ROW_SENSE] or {}).get("suffixes", ())
        for spaced in spacings(spelling, spelling_cuts):
            yield index, spaced
            for suffix in suffixes:
                yield index, spaced + suffix


def _korean_spellings(row: tuple) -> list[str]:
    """Headword and variants, and each with a suffix that confirms its sense (용인시)."""
    spellings = [row[ROW_KO], *row[ROW_VARIANTS]]
    suffixes = (row[ROW_SENSE] or {}).get("suffixes", ())
    return spellings + [spelling + suffix for suffix in suffixes for spelling in spellings]


def english_spellings(row: tuple) -> list[str]:
    """What an English text may call an entry: en, en_variants and its forms (Chinese: 중국)."""
    return [row[ROW_EN], *row[ROW_EN_VARIANTS], *(row[ROW_FORMS] or {}).values()]


def made_searchable(automaton: ahocorasick.Automaton) -> ahocorasick.Automaton:
    """The automaton ready to search; with no keys it stays empty (see is_searchable)."""
    if len(automaton):  # make_automaton on no keys leaves it unusable for iter
        automaton.make_automaton()
    return automaton


def is_searchable(automaton: ahocorasick.Automaton) -> bool:
    """False for the automaton of an empty glossary, whose iter would raise."""
    return automaton.kind == ahocorasick.AHOCORASICK


# What English glues to a noun: a plural and/or a possessive (hyperscalers, AI's).
ENGLISH_ENDING = re.compile(r"(?:e?s)?(?:['’]s?)?")
# An apostrophe and letters other than a possessive s: a contraction (won't, don't).
CONTRACTION = re.compile(r"['’](?!s\b)[a-z]")


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
            for english in english_spellings(row):
                key = english.casefold()
                if key and key not in self.automaton:
                    self.automaton.add_word(key, (index, len(key)))
        made_searchable(self.automaton)

    def find(self, text: str) -> list[Match]:
        """Every English term in `text` (any Unicode form; offsets into the text as given)."""
        if not len(self.automaton):
            return []
        given, (text, to_given) = text, normalize_with_offsets(text)
        folded = text.casefold()
        if len(folded) != len(text):  # casefold changed lengths (ß): keep offsets true
            folded = text.lower()
        candidates = []
        for last, (index, size) in self.automaton.iter(folded):
            start, end = last - size + 1, last + 1
            if start and folded[start - 1].isalnum():
                continue
            if CONTRACTION.match(folded, end):
                continue  # won't, can't: a verb, never the term
            ending = ENGLISH_ENDING.match(folded, end).end()
            if ending < len(text) and folded[ending].isalnum():
                ending = end  # the word goes on: only a bare term may stand here
                if end < len(text) and folded[end].isalnum():
                    continue
            candidates.append((start, end, index, text[end:ending]))
        found = []
        for start, end, index, ending in TermMatcher._select(candidates):
            start, end = to_given(start), to_given(end)
            found.append(Match(start, end, given[start:end], ending, self.glossary.term(index)))
        return found


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


class LocatedMatch(NamedTuple):
    """A match with its place in a document: 1-based line and column, and offsets."""

    line: int
    column: int
    match: Match


def scan_lines(lines: Iterable[str], matcher: TermMatcher) -> Iterator[LocatedMatch]:
    """Matches of a document given line by line (kept whole, newline included).

    Offsets are code points from the start of the document, so a 50 MB file
    can be scanned one line at a time without holding it in memory.
    """
    term = matcher.glossary.term
    for line_number, offset, line, spans in line_spans(lines, matcher):
        for start, end, index, particle in spans:
            match = Match(start + offset, end + offset, line[start:end], particle, term(index))
            yield LocatedMatch(line_number, start + 1, match)


def line_spans(
    lines: Iterable[str], matcher: TermMatcher, first_line: int = 1, offset: int = 0
) -> Iterator[tuple[int, int, str, list[Span]]]:
    """(line number, the line's offset in the document, the line, its spans) of each line
    with terms: scan_lines without objects per hit, for `bilingo scan`'s output. The lines
    may be the rest of a document: `first_line` is the number of the first, `offset` where
    it starts."""
    spans_of = matcher.spans
    for line_number, line in enumerate(lines, start=first_line):
        if spans := spans_of(line):
            yield line_number, offset, line, spans
        offset += len(line)


def terms_and_figures(
    text: str, matcher: TermMatcher | None
) -> tuple[list[Match], list[NumberMatch]]:
    """Glossary terms and money figures of Korean text (no terms without a matcher).

    A figure wins over a term it overlaps: 600만 달러 is a figure, not the term 달러.
    """
    from .korean.numbers import find_numbers

    figures = find_numbers(text)
    if matcher is None:
        return [], figures
    terms = [
        match
        for match in matcher.find(text)
        if not any(match.start < figure.end and figure.start < match.end for figure in figures)
    ]
    return terms, figures
