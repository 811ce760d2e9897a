"""Deciding every glossary hit in context: insert which English form, verify, or skip.

    decide          Korean hits: sense, then form, then neighbours
    decide_english  English hits: case, word class, proper names, cues
    hits            Decision (the JSON record) and Hit (a hit being decided)
    senses          the sense of a Korean hit: entry cues and general rules
    forms           the English form of an insert; glosses and doubled English
    context         cues compiled; the words around a hit

Translate writes the inserts into the source before MT; check holds a
finished translation to the same decisions. See docs/design.md, "Deciding
each hit".
"""

from .decide import decide_sentence
from .decide_english import decide_english_sentence
from .hits import (
    ACTIONS,
    INSERT,
    MONEY_FIGURE,
    SKIP,
    VERIFY,
    Decision,
    Hit,
    forms_of,
    sense_of,
)

__all__ = [
    "MONEY_FIGURE",
    "ACTIONS",
    "INSERT",
    "SKIP",
    "VERIFY",
    "Decision",
    "Hit",
    "decide_english_sentence",
    "decide_sentence",
    "forms_of",
    "sense_of",
]
