"""The record of one glossary hit while it is decided, and its decision (bilingo.decisions)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from ..terms import Match

INSERT, VERIFY, SKIP = "insert", "verify", "skip"
ACTIONS = (INSERT, VERIFY, SKIP)
MONEY_FIGURE = "money figure"  # the reason of a figure's decision (its English is exact)


def sense_of(term) -> dict:
    """The entry's sense control ({} for most entries)."""
    return term.sense or {}


def forms_of(term) -> dict:
    """The entry's other English forms ({} for most entries)."""
    return term.forms or {}


def spellings(term) -> set[str]:
    """The entry's Korean spellings, without spaces."""
    return {"".join(form.split()) for form in (term.ko, *term.variants)}


@dataclass
class Decision:
    """What was done at one glossary hit or money figure; to_dict() is the JSON contract."""

    start: int  # code points of the hit (particle excluded), in the sentence or document
    end: int
    text: str  # as written
    ko: str  # the entry's headword, or the figure as written
    action: str  # insert | verify | skip
    inserted: str | None  # what was written into the source, for an insert
    reason: str
    found: bool | None = None  # after MT, for a verify: is an accepted English there?

    def to_dict(self) -> dict:
        return dataclasses.asdict(self)  # the JSON contract: the fields, in this order


@dataclass
class Hit:
    """A hit being decided: its Decision and the edit it makes to the source."""

    decision: Decision
    match: Match | None  # None for a money figure
    write_start: int
    write_end: int
    written: str  # what replaces source[write_start:write_end] (an insert)
    check: str | None = None  # the English looked for after MT (insert and verify)
    before_name: int | None = None  # a title form goes in here, before the name
    # Shown to a reviewer when skipped (a gloss written with its term is not); absorbed:
    # skipped but deleted, as the next term's English says it (중국 인민은행).
    for_review: bool = True
    absorbed: bool = False

    @property
    def term(self):
        return self.match.term if self.match else None

    @property
    def full_end(self) -> int:
        """Where the hit ends with its glued particle."""
        return self.decision.end + (len(self.match.particle) if self.match else 0)


def inside_hit(hits: list[Hit], position: int) -> bool:
    """Does a hit (particle included) cover this position?"""
    return any(h.decision.start <= position < h.full_end for h in hits)
