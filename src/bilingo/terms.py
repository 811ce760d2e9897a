"""Plain data: glossary entries and the matches found in text."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class TermType(str, Enum):
    """What kind of thing a term names; `term` is a plain loanword or concept."""

    ORG = "org"
    PERSON = "person"
    PLACE = "place"
    PRODUCT = "product"
    MEDIA = "media"
    TERM = "term"
    EVENT = "event"


@dataclass(slots=True)
class Term:
    """One glossary entry, with where it was read from (file and 1-based line)."""

    ko: str
    en: str
    type: TermType | None = None
    variants: list[str] = field(default_factory=list)
    en_variants: list[str] = field(default_factory=list)
    note: str | None = None
    domain: str | None = None
    path: str | None = None
    line: int | None = None

    @property
    def source(self) -> str:
        """`file:line` of the entry, as lookup's JSON reports it."""
        return f"{self.path}:{self.line}" if self.path else ""

    def to_dict(self) -> dict:
        """The lookup JSON shape of DESIGN.md."""
        return {
            "ko": self.ko,
            "en": self.en,
            "type": self.type.value if self.type else None,
            "variants": list(self.variants),
            "en_variants": list(self.en_variants),
            "note": self.note,
            "source": self.source,
        }


@dataclass(slots=True)  # not frozen: a frozen init costs a third of a scan
class Match:
    """A glossary term found in text.

    start/end are code-point offsets of the term itself (particle excluded);
    `text` is the surface form as written, `particle` what was glued after it.
    """

    start: int
    end: int
    text: str
    particle: str
    term: Term

    def to_dict(self) -> dict:
        """The scan JSON shape of DESIGN.md."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "particle": self.particle,
            "ko": self.term.ko,
            "en": self.term.en,
            "type": self.term.type.value if self.term.type else None,
        }
