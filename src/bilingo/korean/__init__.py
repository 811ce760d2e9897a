"""Korean language facts bilingo needs, written by hand where no library does them well.

hangul      syllables, jamo, the sound a word ends with
particles   the particle grammar: chains glued after a noun, allomorph agreement
romanize    Revised Romanization, newspaper spellings of names, loanword read-back
numbers     Korean number and money expressions (만/억/조, 달러/원) as exact English
"""

from .hangul import (
    HANGUL_RUN,
    Sound,
    contains_hangul,
    ending_sound,
    final_consonant_index,
    is_hangul_syllable,
    jamo,
)
from .particles import (
    COMPOUND_NOUNS,
    DEMONYM_SUFFIX,
    NOUN_SUFFIXES,
    agree_particle,
    is_particle_chain,
    split_particles,
)

__all__ = [
    "COMPOUND_NOUNS",
    "DEMONYM_SUFFIX",
    "HANGUL_RUN",
    "NOUN_SUFFIXES",
    "Sound",
    "agree_particle",
    "contains_hangul",
    "ending_sound",
    "final_consonant_index",
    "is_hangul_syllable",
    "is_particle_chain",
    "jamo",
    "split_particles",
]
