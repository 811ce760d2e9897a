"""What `extract` proposes: pairs the text spells out, and candidates with a suggested English."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..terms import TermType

# Why a candidate was proposed: its `reason`, which the table shows as its kind.
LOANWORD = "loanword"
KOREAN_NAME = "korean name"
FOREIGN_NAME = "foreign name"
PLACE = "place"  # a loanword the origin index knows as a country or city


@dataclass(frozen=True)
class Pair:
    """A term the article spells out as 한글(English); count is its mentions in the text."""

    ko: str
    en: str
    count: int
    written: str = ""  # the text as it stood, e.g. "리사 수(Lisa Su)"
    en_variants: tuple[str, ...] = ()  # the acronym of "Full Name, ACRONYM"

    def to_dict(self) -> dict:
        found = {"ko": self.ko, "en": self.en, "count": self.count}
        return {**found, "en_variants": list(self.en_variants)} if self.en_variants else found


@dataclass(frozen=True)
class Candidate:
    """A word that looks like a new name or loanword, with a suggested English.

    `guess` is true when the English is only a near spelling or a reading of the
    Hangul letters; `reason` says why the word was proposed; `source` where the
    English came from (extraction.english: country, city, region, name, word, romanized;
    "convention" for a Korean name) and `confidence` how sure that is (0..1).
    """

    ko: str
    count: int
    suggestion: str
    guess: bool
    reason: str  # LOANWORD, KOREAN_NAME or FOREIGN_NAME
    type: TermType | None = None
    context: str = ""  # where it first stands: a stretch of the sentence around it
    source: str = ""
    confidence: float | None = None

    @property
    def shown_suggestion(self) -> str:
        """The suggestion as shown to the user: a guess ends in "?"."""
        return f"{self.suggestion}?" if self.guess else self.suggestion

    def to_dict(self) -> dict:
        found = {"ko": self.ko, "count": self.count, "suggestion": self.shown_suggestion}
        if self.source:
            found["source"] = self.source
        if self.confidence is not None:
            found["confidence"] = self.confidence
        return found


@dataclass
class ExtractResult:
    """What `extract` proposes: pairs in text order, candidates most frequent first."""

    pairs: list[Pair] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
