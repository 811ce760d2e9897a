"""The article read once for every detector: tokens, particle stems, glossary terms in it."""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from dataclasses import dataclass

from ..glossary import Glossary
from ..korean.hangul import is_hangul_word
from ..terms import Term
from .morphology import Reading, readings
from .stems import Stems

# Hangul, Latin and digits glued together are one token: AI모델, 3분기, 챗GPT.
_TOKEN_RE = re.compile(r"[\uac00-\ud7a3A-Za-z0-9]+")


@dataclass(frozen=True)
class Token:
    """A run of Hangul, Latin letters and digits, and where it stands in the text."""

    start: int
    end: int
    text: str

    @property
    def is_hangul(self) -> bool:
        return is_hangul_word(self.text)


class _Spans:
    """Non-overlapping text ranges in order, asked whether they touch a range."""

    def __init__(self, spans: list[tuple[int, int]]):
        self.spans = spans
        self.starts = [start for start, _ in spans]

    def touch(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self.starts, end) - 1
        return index >= 0 and self.spans[index][1] > start


class Article:
    """A text and what every detector asks of it, worked out once."""

    def __init__(self, text: str, glossary: Glossary):
        self.text = text
        self.glossary = glossary
        self.tokens = [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
        self.stems = Stems([token.text for token in self.tokens if token.is_hangul])
        # Where glossary terms stand, particles included: nothing there is new.
        self._known = _Spans(
            [(m.start, m.end + len(m.particle)) for m in glossary.matcher().find(text)]
        )

    @functools.cached_property
    def readings(self) -> dict[int, Reading] | None:
        """Each Hangul token's morphological reading by its start (None without kiwipiepy)."""
        spans = [(token.start, token.end) for token in self.tokens if token.is_hangul]
        return readings(self.text, spans)

    def reading(self, token: Token) -> Reading | None:
        """How the analyser reads a Hangul token, when kiwipiepy is installed."""
        found = self.readings
        return None if found is None else found.get(token.start)

    def context(self, ko: str, reach: int = 30) -> str:
        """Where `ko` first stands: up to `reach` characters each side, within its line and
        sentence, on one line."""
        at = self.text.find(ko)
        if at < 0:
            return ""
        start = max(self.text.rfind("\n", 0, at) + 1, at - reach)
        end = min(_end_of_line(self.text, at + len(ko)), at + len(ko) + reach)
        before, after = self.text[start:at], self.text[at + len(ko) : end]
        if start > 0 and not self.text[start - 1].isspace():
            before = before.partition(" ")[2]  # no word cut in half
        if end < len(self.text) and not self.text[end].isspace():
            after = after.rpartition(" ")[0]
        before = re.split(r"(?<=[.!?])\s", before)[-1]  # from the sentence's start
        after = re.split(r"(?<=[.!?])\s", after)[0]
        return " ".join(f"{before}{ko}{after}".split())

    def is_known(self, ko: str) -> bool:
        """Whether the glossary already has this Korean."""
        return bool(self.glossary.lookup(ko))

    def in_known_term(self, token: Token) -> bool:
        """Whether the token is (part of) a glossary term as it stands in the text."""
        return self._known.touch(token.start, token.end)

    def spaced(self, left: Token, right: Token) -> bool:
        """True when only spaces (no punctuation, no line break) lie between two tokens."""
        gap = self.text[left.end : right.start]
        return bool(gap) and gap.strip(" ") == ""

    def mentions(self, words: list[str]) -> Counter[str]:
        """Mentions of each word outside glossary terms, particles allowed, by the matcher's rules."""
        unique = list(dict.fromkeys(words))
        if not unique:
            return Counter()
        finder = Glossary([Term(ko=word, en=word) for word in unique]).matcher()
        return Counter(
            match.term.ko
            for match in finder.find(self.text)
            if not self._known.touch(match.start, match.end)
        )


def _end_of_line(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end
