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
    r"\b(?:GMT|UTC|KST|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|JST)\b|\b\d{1,2}(?::\d\d)?\s*[ap]\.?m\b",
    re.IGNORECASE,
)
_FIGURE_RE = re.compile(r"\d")
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
    if len(text.split()) > _LONGEST_ENGLISH or _TIME_RE.search(text):
        return None
    if _FIGURE_RE.search(text) and not _is_named_with_digits(text):
        return None  # 3억 달러(약 4000억원), (0200 GMT), ($3 billion)
    if text.strip("()") in BYLINE_SOURCES:
        return None
    return _split_acronym(text)


def _is_named_with_digits(text: str) -> bool:
    """Names that carry digits (G7, Galaxy S24, F-35, COVID-19) rather than a figure."""
    words = text.split()
    return all(not word.replace(",", "").replace(".", "").isdigit() for word in words) and any(
        char.isalpha() for char in words[0]
    )


def _split_acronym(text: str) -> Gloss:
    """ "Full Name, ACRONYM" (or "ACRONYM, Full Name") -> the name with the acronym as variant."""
    parts = [part.strip() for part in text.split(",")]
    if len(parts) == 2 and all(parts):
        name, short = parts
        if is_acronym(short) and len(name.split()) > 1:
            return Gloss(name, (short,))
        if is_acronym(name) and len(short.split()) > 1:
            return Gloss(short, (name,))
    if (
        len(parts) == 2
        and all(parts)
        and parts[1].startswith(parts[1][:1].upper())
        and (" and " in f" {parts[1]} ")
    ):
        return Gloss(text)  # one name with a list in it: Ministry of Economy, Trade and Industry
    return Gloss(parts[0])  # list noise: "Dallas, Texas", "Samsung Electronics Co., Ltd."
