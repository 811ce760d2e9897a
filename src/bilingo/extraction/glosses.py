"""The English side of a 한글(English) pair: what counts as a gloss, and its clean form.

A bracket after Korean holds many things besides the English of a term
(issue 14): a time (10시(0200 GMT)), a figure, a byline ((JOINS)), a quoted
sentence or the title of a work the Korean before it is not. Those are
refused here. What is kept loses list noise and has its acronym split off:
"Food and Drug Administration, FDA" is the entry "Food and Drug
Administration" with the variant "FDA".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..korean import contains_hangul
from .words import BYLINE_SOURCES, FUNCTION_WORDS, SENTENCE_WORDS

_LATIN_RE = re.compile(r"[A-Za-z]")
# A ticker (NASDAQ: NVDA), a dateline (뉴욕=AP), a link: not the English of a term.
_NOT_A_NAME_RE = re.compile(r"[:=;/@]|https?|www\.")
_LONGEST_ENGLISH = 8  # words; a longer bracket is an aside, not a name
_TIME_RE = re.compile(
    r"\b(?:GMT|UTC|KST|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|JST)\b|\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b"
    r"|^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$"  # 3일(Tuesday): a date's weekday
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d"  # (Nov. 3, 2024)
    r"|^\d+(?:\.\d+)? ?°?[FC]$",  # 섭씨 42도(108 F)
    re.IGNORECASE,
)
# A US lawmaker's party and state: 테드 크루즈(R-Texas), (D-Calif.).
_PARTY_TAG_RE = re.compile(r"^[RDI]-[A-Z][A-Za-z. ]*$")
_FIGURE_RE = re.compile(r"\d")
_MONEY_OR_PERCENT_RE = re.compile(r"[$€£¥₩%]")
_NUMBER_WORDS = frozenset(
    [
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "percent",
        "per",
        "cent",
        "plus",
        "times",
        "won",
        "dollars",
    ]
)
ACRONYM_RE = re.compile(r"[A-Z][A-Za-z0-9&.\-]*[A-Z0-9]s?|[A-Z]{2}")


@dataclass(frozen=True)
class Gloss:
    """A bracket's English as an entry would take it."""

    en: str
    variants: tuple[str, ...] = ()

    @property
    def words(self) -> list[str]:
        return self.en.split()

    @property
    def content_words(self) -> list[str]:
        """The words that name something (function words joining them left out)."""
        return [word for word in self.words if word.lower() not in FUNCTION_WORDS]

    @property
    def is_acronym(self) -> bool:
        return len(self.words) == 1 and is_acronym(self.en)

    @property
    def is_title_like(self) -> bool:
        """Several words, each significant one capitalized: a name, or the title of a work."""
        significant = self.content_words
        return len(significant) >= 2 and all(word[:1].isupper() for word in significant)

    @property
    def reads_as_sentence(self) -> bool:
        """A clause rather than a name: "Surrender Is Not an Option", "we will win"."""
        return len(self.words) >= 3 and any(w.lower() in SENTENCE_WORDS for w in self.words)


def is_acronym(word: str) -> bool:
    """CEO, IMF, FDA, S&P, LG: capitals (digits, & . -) that spell letters, not a word."""
    letters = [char for char in word if char.isalpha()]
    capitals = sum(char.isupper() for char in letters)
    return bool(ACRONYM_RE.fullmatch(word)) and capitals >= max(2, len(letters) - 1)


def gloss_of(inside: str) -> Gloss | None:
    """The gloss a bracket's contents give, or None when they are not the English of a term."""
    text = " ".join(inside.split()).strip(" ,.;")
    if not _LATIN_RE.search(text) or contains_hangul(text) or _NOT_A_NAME_RE.search(text):
        return None
    if len(text.split()) > _LONGEST_ENGLISH or _TIME_RE.search(text) or _PARTY_TAG_RE.match(text):
        return None
    if _FIGURE_RE.search(text) and not _is_named_with_digits(text):
        return None  # 3억 달러(약 4000억원), (0200 GMT), ($3 billion)
    if text.strip("()") in BYLINE_SOURCES:
        return None
    return _split_acronym(text)


def _is_named_with_digits(text: str) -> bool:
    """Names that carry digits (G7, Galaxy S24, F-35, 737 MAX, Nintendo Switch 2) rather
    than a figure (3 billion, 30-plus countries, $5, 4%): a capital letter in it, and no
    money, percent or number word."""
    words = text.split()
    if _MONEY_OR_PERCENT_RE.search(text) or any(w.lower() in _NUMBER_WORDS for w in words):
        return False
    return any(char.isupper() for char in text) and not all(
        word.replace(",", "").replace(".", "").isdigit() for word in words
    )


def _split_acronym(text: str) -> Gloss:
    """ "Full Name, ACRONYM" (or "ACRONYM, Full Name") -> the name with the acronym as variant."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) >= 2 and all(parts) and is_acronym(parts[-1]) and len(parts[0].split()) > 1:
        name = ", ".join(parts[:-1])  # Ministry of Economy, Trade and Industry, METI
        if len(parts) == 2 or _is_one_list(parts[:-1]):
            return Gloss(name, (parts[-1],))
    if len(parts) == 2 and all(parts) and is_acronym(parts[0]) and len(parts[1].split()) > 1:
        return Gloss(parts[1], (parts[0],))
    if len(parts) >= 2 and all(parts) and _is_one_list(parts):
        return Gloss(text)  # one name with a list in it: Guns, Germs, and Steel
    return Gloss(parts[0])  # list noise: "Dallas, Texas", "Samsung Electronics Co., Ltd."


def _is_one_list(parts: list[str]) -> bool:
    """A name that lists things, its last part joined by "and": Economy, Trade and Industry."""
    last = parts[-1]
    return (last[:1].isupper() and " and " in f" {last} ") or last.startswith(("and ", "& "))
