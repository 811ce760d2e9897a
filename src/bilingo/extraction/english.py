"""The English to suggest for a loanword or a foreign name, and whether a word is a place.

A candidate's English comes from the loanword-origin index (`origins`): the
English word or name whose standard Korean spelling the candidate is
(소프트웨어 -> software, 사르코지 -> Sarkozy, 댈러스 -> Dallas). A name of several
words is looked up word by word (마크 저커버그 -> Mark Zuckerberg). Only when
the index has nothing, not even a near spelling, is the Hangul read back
letter by letter (`guess_english`) and marked as a guess (issue 14).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from ..korean.romanize import guess_english
from .origins import english_origins

# Where a suggestion came from: the index's sources (country, city, region, name, word),
# or a reading of the Hangul letters when the index has nothing.
ROMANIZED = "romanized"
# The least confidence of a suggestion shown as a finding, not a guess: the index's
# exact spellings (0.7 and above); its near spellings score 0.6 and below, and only
# the nearest (one jamo apart: 사코지 for 사르코지) beat reading the letters back.
FOUND_CONFIDENCE = 0.7
NEAR_CONFIDENCE = 0.6
# A romanized reading is right now and then (딥시크 -> Dipsik), never reliably.
ROMANIZED_CONFIDENCE = 0.1
# The index's places that are certainly places: a Korean name the data itself gives
# (pycountry, geonames: 0.95). A spelling the rules give may be a native word (기자: Giza).
PLACE_SOURCES = frozenset({"country", "city"})
PLACE_CONFIDENCE = 0.95


@dataclass(frozen=True)
class Suggestion:
    """The English for a Hangul word; `guess` when it is a near spelling or a romanization."""

    english: str
    confidence: float
    source: str  # country, city, region, name, word or ROMANIZED

    @property
    def guess(self) -> bool:
        return self.confidence < FOUND_CONFIDENCE

    @property
    def is_place(self) -> bool:
        return self.source in PLACE_SOURCES and self.confidence >= PLACE_CONFIDENCE


def suggest_english(ko: str) -> Suggestion:
    """The English a loanword or foreign name came from, word by word for a spaced name."""
    words = ko.split()
    if len(words) > 1:
        parts = [suggest_english(word) for word in words]
        english = " ".join(_capitalised(part.english) for part in parts)
        weakest = min(parts, key=lambda part: part.confidence)
        return Suggestion(english, weakest.confidence, weakest.source)
    found = _best_origin(ko)
    return found or Suggestion(guess_english(ko), ROMANIZED_CONFIDENCE, ROMANIZED)


def spelled_as_one(hangul: str) -> bool:
    """Whether the origin index spells this exactly (소프트웨어: software)."""
    return _exact_origin(hangul) is not None


def place_name(word: str) -> str | None:
    """The English of a word that is certainly a country or city (우크라이나, 토론토), else None."""
    found = _exact_origin(word)
    return found.english if found and found.is_place else None


def is_region(word: str) -> bool:
    """Whether the index spells a US state exactly so (텍사스), whatever ranks first."""
    return any(
        origin.source == "region" and origin.confidence >= FOUND_CONFIDENCE
        for origin in english_origins(word, limit=8, exact=True)
    )


def is_known_origin(word: str) -> bool:
    """Whether the index spells a place or a name in the news exactly so (토론토, 블링컨)."""
    found = _exact_origin(word)
    return found is not None and (found.is_place or found.source == "name")


@functools.lru_cache(maxsize=65536)
def _exact_origin(hangul: str) -> Suggestion | None:
    """The index's best English spelled exactly so; no near spellings (a search of the
    whole index, tens of milliseconds, asked of every word of an article otherwise)."""
    found = _best_origin(hangul, exact=True)
    return found if found and not found.guess else None


@functools.lru_cache(maxsize=65536)
def _best_origin(hangul: str, exact: bool = False) -> Suggestion | None:
    origins = english_origins(hangul, limit=1, exact=exact)
    if not origins or origins[0].confidence < NEAR_CONFIDENCE:
        return None
    return Suggestion(_as_news_writes(origins[0].english), origins[0].confidence, origins[0].source)


def _as_news_writes(english: str) -> str:
    """English news spelling of a name from the data: no accents (Montréal -> Montreal),
    no leading article (The Netherlands -> Netherlands)."""
    plain = unicodedata.normalize("NFKD", english)
    plain = "".join(char for char in plain if not unicodedata.combining(char))
    return plain.removeprefix("The ")


def _capitalised(word: str) -> str:
    """A part of a name as a name: mark -> Mark (CMUdict words are lower case)."""
    return word[:1].upper() + word[1:] if word[:1].islower() else word
