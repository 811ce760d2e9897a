"""Plain data: glossary entries, their compact row form, and the matches found in text.

The row form is what a glossary keeps in memory and in its compiled cache: a
tuple per entry, cheap to store and to load by the 100,000, turned into a Term
only when asked for. The matcher reads rows directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from .normalize import normalize


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
    # Last, so that positional construction of the fields above still works.
    forms: dict[str, str] = field(default_factory=dict)  # attributive, title, plural, short
    sense: dict = field(default_factory=dict)  # cues and choices: glossary.validation

    @property
    def source(self) -> str:
        """`file:line` of the entry, as lookup's JSON reports it."""
        return f"{self.path}:{self.line}" if self.path else ""

    def to_dict(self) -> dict:
        """The lookup JSON shape of docs/design.md."""
        return {
            "ko": self.ko,
            "en": self.en,
            "type": self.type.value if self.type else None,
            "variants": list(self.variants),
            "en_variants": list(self.en_variants),
            "note": self.note,
            "source": self.source,
            "forms": dict(self.forms),
            "sense": copied_sense(self.sense),
        }


def copied_sense(sense: dict | None) -> dict:
    """A sense mapping whose lists are the caller's own (a Term never shares a row's lists)."""
    if not sense:
        return {}
    return {key: list(value) if isinstance(value, list) else value for key, value in sense.items()}


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
        """The scan JSON shape of docs/design.md."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "particle": self.particle,
            "ko": self.term.ko,
            "en": self.term.en,
            "type": self.term.type.value if self.term.type else None,
        }


# How a list (variants, en_variants) is written in one cell of a table, CSV or TSV.
LIST_SEPARATOR = "|"

TERM_TYPE_OF = {t.value: t for t in TermType}  # a dict lookup, not Enum's slower call

# forms: the English forms translation needs besides `en`, one string each.
FORM_KEYS = ("attributive", "title", "plural", "short")
# sense: when a hit is in the entry's sense. Cues (confirm/exclude, and en_ for English
# text), Hangul glued after the headword that confirms it (suffixes), the places whose
# institution it is (home), and what to do when nothing speaks (otherwise/en_otherwise).
# glossary.validation checks them.
SENSE_KEYS = (
    "confirm", "exclude", "otherwise", "suffixes", "home", "en_confirm", "en_exclude", "en_otherwise",
)  # fmt: skip
CHOICE_KEYS = ("otherwise", "en_otherwise")

# A row is a Term as a tuple: (ko, en, type value, variants, en_variants, note,
# domain, path, line, forms, sense); these name its fields. forms and sense are
# None when empty (most entries have none, and a row is kept per entry), else the dict.
(ROW_KO, ROW_EN, ROW_TYPE, ROW_VARIANTS, ROW_EN_VARIANTS, ROW_NOTE, ROW_DOMAIN, ROW_PATH,
 ROW_LINE, ROW_FORMS, ROW_SENSE) = range(11)  # fmt: skip


def term_to_row(term: Term) -> tuple:
    kind = term.type.value if term.type else None
    return (
        term.ko,
        term.en,
        kind,
        tuple(term.variants),
        tuple(term.en_variants),
        term.note,
        term.domain,
        term.path,
        term.line,
        dict(term.forms) if term.forms else None,
        copied_sense(term.sense) or None,
    )


def row_to_term(row: tuple) -> Term:
    ko, en, kind, variants, en_variants, note, domain, path, line, forms, sense = row
    return Term(
        ko,
        en,
        TERM_TYPE_OF[kind] if kind else None,
        list(variants),
        list(en_variants),
        note,
        domain,
        path,
        line,
        dict(forms) if forms else {},
        copied_sense(sense),
    )


def normalize_space(text: str) -> str:
    """Unicode-normalized (bilingo.normalize), trimmed, runs of whitespace collapsed to one space."""
    return " ".join(normalize(text).split())


def without_spaces(text: str) -> str:
    """A Korean spelling's key: spacing is free in Korean (스푸트니크 모먼트 = 스푸트니크모먼트)."""
    return "".join(text.split())
