"""Unicode normalization of input text, with a way back to the offsets of the text as given.

Korean can be written as precomposed syllables (딥, NFC: what keyboards and
most files produce) or as conjoining jamo (ᄃ ᅵ ᆸ, NFD: what macOS copy-paste
and some CMS exports produce). The two look the same, but a glossary written
in one form finds nothing in the other. bilingo therefore reads every input
in NFC: files, stdin, queries, glossary values and imports. Full-width Latin
letters and digits (ＡＩ, Ｈ１００) and half-width Hangul jamo are folded to
their ordinary forms too (NFKC, but only in the Halfwidth and Fullwidth Forms
block, where each character maps to exactly one character).

Offsets stay meaningful for the text the user gave: `normalize_with_offsets`
returns the normalized text and a function that maps an offset in it back to
an offset in the original (see docs/design.md, "Unicode"). The text is cut
into pieces at characters that never combine with what precedes them (ASCII,
precomposed syllables, leading jamo, CJK ideographs, spaces...), and only the
pieces that normalization changes are mapped, character by character.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Callable

FORM = "NFC"
WIDTH_FORMS = re.compile(r"[\uff01-\uff5e\uffa0-\uffdc]")  # full-width ASCII, half-width jamo


@functools.cache
def _safe_cut() -> re.Pattern[str]:
    """Characters before which no Unicode composition or reordering can happen: a cut there
    never changes what normalization makes of either side. Compiled when first needed
    (its wide ranges take ~2 ms to compile; most text is NFC already)."""
    return re.compile(
        r"(?=[\x00-\x7f\u1100-\u115f\u3000-\u303f\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff5e])"
    )


def _fold_widths(text: str) -> str:
    return WIDTH_FORMS.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


def is_normalized(text: str) -> bool:
    """True when `normalize` would return the text unchanged (the common case, checked fast)."""
    return unicodedata.is_normalized(FORM, text) and not WIDTH_FORMS.search(text)


def normalize(text: str) -> str:
    """The text in NFC, full-width ASCII and half-width jamo folded (lengths may change)."""
    if is_normalized(text):
        return text
    return unicodedata.normalize(FORM, _fold_widths(text))


def normalize_with_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """The normalized text, and a map from its offsets to offsets in `text`.

    An offset inside a character that normalization composed from several
    (a syllable built from three jamo) maps to the start of those characters;
    the offset just after it maps to just after them.
    """
    if is_normalized(text):
        return text, _identity
    pieces: list[str] = []
    normalized_starts: list[int] = []  # where each changed piece starts, normalized
    original_starts: list[int] = []
    tables: list[list[int]] = []  # per changed piece: normalized offset -> original offset
    length = original = 0
    for piece in _safe_cut().split(text):
        result = normalize(piece)
        if result != piece:
            normalized_starts.append(length)
            original_starts.append(original)
            tables.append(_piece_offsets(piece, result))
        pieces.append(result)
        length += len(result)
        original += len(piece)
    normalized = "".join(pieces)

    def to_original(offset: int) -> int:
        at = bisect.bisect_right(normalized_starts, offset) - 1
        if at < 0:
            return offset
        inside = offset - normalized_starts[at]
        table = tables[at]
        if inside < len(table):
            return original_starts[at] + table[inside]
        # past that piece: pieces after it (up to the next changed one) are unchanged
        return original_starts[at] + table[-1] + inside - (len(table) - 1)

    return normalized, to_original


def _piece_offsets(piece: str, result: str) -> list[int]:
    """For each offset 0..len(result) in a piece's normalized form, the offset in the piece."""
    table = [0] * (len(result) + 1)
    for end in range(1, len(piece) + 1):
        prefix = normalize(piece[:end])
        if result.startswith(prefix):
            table[len(prefix)] = end  # the longest original prefix wins
    for index in range(1, len(table)):  # offsets never reached keep the one before
        table[index] = max(table[index], table[index - 1])
    return table


def _identity(offset: int) -> int:
    return offset
