"""Particle stripping that uses the whole article as evidence.

The particle grammar alone cannot choose between readings (테슬라 or 테슬 + 라);
the other words of the text decide, as the package docstring explains.
"""

from __future__ import annotations

from ..korean import COMPOUND_NOUNS, NOUN_SUFFIXES, split_particles

# Particles strong enough to strip on their own; the rest (다, 라, 고 ...) end
# too many loanwords to be trusted without other evidence in the text.
_STRONG_PARTICLES = frozenset(
    {"은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "로", "도", "들", "만", "께"}
)
# Chains that open with a noun suffix or a compound noun (제도 = 제 + 도,
# 시장 = the noun) are just as often the end of a longer noun: 연방준비제도.
_NOUN_STARTS = tuple(unit.form for unit in NOUN_SUFFIXES + COMPOUND_NOUNS)


def _tail_strength(tail: str) -> int:
    """How far a particle chain on its own argues for stripping it (negative: against)."""
    if not tail:
        return 0
    if tail.startswith(_NOUN_STARTS):
        return -1
    if len(tail) > 1:
        return 2
    return 1 if tail in _STRONG_PARTICLES else -1


class Stems:
    """Reads each Hangul word as stem + particles, using the whole text as evidence."""

    def __init__(self, words: list[str]):
        # Every particle chain each possible stem is seen with somewhere in the text.
        self.tails: dict[str, set[str]] = {}
        for word in set(words):
            for stem, tail in split_particles(word):
                self.tails.setdefault(stem, set()).add(tail)

    def stem(self, word: str, bare_likely: bool = False) -> tuple[str, str]:
        """The best (stem, particles) reading; `bare_likely` keeps the word whole unless
        the text shows the shorter stem elsewhere (a word right before a bracket)."""
        # A one-syllable stem (대 in 대표는) is almost never the word meant.
        readings = [r for r in split_particles(word) if len(r[0]) > 1 or len(word) == 1]

        def evidence(reading: tuple[str, str]) -> tuple[int, int, int]:
            stem, tail = reading
            strength = 3 if bare_likely and not tail else _tail_strength(tail)
            return (len(self.tails.get(stem, ())), strength, len(stem))

        return max(readings, key=evidence)
