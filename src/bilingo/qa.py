"""Check a finished translation against the glossary and the source's money figures.

Segments: when source and translation have the same number of non-empty
lines, line N of one is checked against line N of the other (segment N);
otherwise each document is one segment (segment 1).

In each segment:

* every glossary term found in the source must have its English (the form
  translate would write, `en`, any of `en_variants` or of its `forms`) in
  the translation, case-insensitively, as a whole word, allowing a plural
  (-s, -es) and a possessive ('s, '); a hit that translate would skip as
  another sense (인도 the sidewalk, bilingo.decisions) is not held to the
  glossary. When it is
  missing but a near-miss spelling is there (DeepSeek written Deepsik,
  Andreessen written Andrisen), the finding is "misspelled" and says what was
  written; otherwise it is "missing".
* every money figure of the source (557만6000달러, 78억8000만원) must appear in
  the translation with the same value and currency, however it is written
  there ($5.576 million, 5,576,000 dollars, US$5.576 million, 7.88 billion
  won, KRW 7.88 billion); otherwise the finding is "figure".
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .decisions import SKIP, decide_sentence
from .korean.numbers import find_numbers
from .matcher import english_present
from .normalize import normalize
from .terms import Term

__all__ = ["Finding", "check", "parse_english_amounts", "segments"]

NEAR_MISS_RATIO = 0.75
SHORTEST_NEAR_MISS = 4  # letters; shorter names (AI, Fed) have too many look-alikes
CURRENCIES = ("USD", "KRW", "EUR", "JPY", "CNY", "GBP")


@dataclass(frozen=True)
class Finding:
    """One terminology or figure problem in a segment (1-based)."""

    segment: int
    ko: str
    expected: str
    found: str
    kind: str  # "missing", "misspelled" or "figure"

    def to_dict(self) -> dict:
        """The `check --format json` shape of docs/design.md (the fields, in this order)."""
        return dataclasses.asdict(self)


def segments(source_text: str, translation_text: str) -> list[tuple[str, str]]:
    """Aligned (source, translation) segments: line by line when the counts agree."""
    source_lines = [line for line in source_text.splitlines() if line.strip()]
    translation_lines = [line for line in translation_text.splitlines() if line.strip()]
    if len(source_lines) == len(translation_lines):
        return list(zip(source_lines, translation_lines, strict=True))
    return [(source_text, translation_text)]


def check(source_text: str, translation_text: str, glossary) -> list[Finding]:
    """Every terminology and figure problem of a translation (against a Glossary), in segment order."""
    findings: list[Finding] = []
    pairs = segments(normalize(source_text), normalize(translation_text))
    for number, (source, translation) in enumerate(pairs, start=1):
        # One finding per term and segment, however often the source repeats it.
        wanted: dict[str, tuple[Term, str | None]] = {}
        for hit in decide_sentence(source, glossary):
            if hit.match is not None and hit.decision.action != SKIP:
                wanted.setdefault(hit.term.ko, (hit.term, hit.decision.inserted))
        for term, form in wanted.values():
            finding = _check_term(number, term, form, translation)
            if finding:
                findings.append(finding)
        findings.extend(_check_figures(number, source, translation))
    return findings


# --------------------------------------------------------------------------- terms

_WORD_RE = re.compile(r"[A-Za-z0-9]+(?:[-'’.&][A-Za-z0-9]+)*")
_POSSESSIVE_RE = re.compile(r"(?:'s|’s|'|’)$")


def _check_term(segment: int, term: Term, form: str | None, translation: str) -> Finding | None:
    """`form`: what translate would write here (Chinese before a noun), when it would insert."""
    expected = form or term.en
    renderings = [
        r for r in dict.fromkeys((expected, term.en, *term.en_variants, *term.forms.values())) if r
    ]
    if any(english_present(english, translation) for english in renderings):
        return None
    near = _near_miss(renderings, translation)
    if near:
        return Finding(segment, term.ko, expected, near, "misspelled")
    return Finding(segment, term.ko, expected, "", "missing")


def _near_miss(renderings: list[str], translation: str) -> str | None:
    """The translation's closest spelling of any rendering, when close enough."""
    words = [(m.start(), m.end(), m.group()) for m in _WORD_RE.finditer(translation)]
    best, best_ratio = None, 0.0
    for english in renderings:
        wanted = english.casefold().split()
        if len("".join(wanted)) < SHORTEST_NEAR_MISS:
            continue
        size = len(wanted)
        capitalized = english[:1].isupper()
        for index in range(len(words) - size + 1):
            window = words[index : index + size]
            if capitalized and not window[0][2][:1].isupper():
                continue  # a name is misspelled as a name, not as a common word
            spelled = [_POSSESSIVE_RE.sub("", word).casefold() for _, _, word in window]
            ratio = _similarity(" ".join(spelled), " ".join(wanted))
            if ratio >= NEAR_MISS_RATIO and ratio > best_ratio:
                best_ratio = ratio
                best = _POSSESSIVE_RE.sub("", translation[window[0][0] : window[-1][1]])
    return best


_SOUND_SPELLINGS = (
    ("ee", "i"), ("ea", "i"), ("ie", "i"), ("ey", "i"), ("y", "i"), ("oo", "u"),
    ("ou", "u"), ("ph", "f"), ("ck", "k"), ("c", "k"), ("q", "k"), ("z", "s"),
)  # fmt: skip


def _sound_key(text: str) -> str:
    """A rough spelling-independent key: Deepseek, Dipsik and Deepsik all give dipsik."""
    for spelled, sound in _SOUND_SPELLINGS:
        text = text.replace(spelled, sound)
    return re.sub(r"(.)\1+", r"\1", text)


def _similarity(written: str, wanted: str) -> float:
    """difflib's ratio of the spellings, or of their sound keys when that is higher."""
    plain = difflib.SequenceMatcher(None, written, wanted).ratio()
    sound = difflib.SequenceMatcher(None, _sound_key(written), _sound_key(wanted)).ratio()
    return max(plain, sound)


# --------------------------------------------------------------------------- figures


@dataclass(frozen=True)
class EnglishAmount:
    """A money expression found in English text."""

    start: int
    end: int
    text: str
    value: Decimal
    unit: str


_SCALES = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "mil": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "trn": 10**12,
    "tr": 10**12,
}
_PREFIX_UNITS = {
    "us$": "USD",
    "usd": "USD",
    "$": "USD",
    "krw": "KRW",
    "₩": "KRW",
    "eur": "EUR",
    "€": "EUR",
    "jpy": "JPY",
    "¥": "JPY",
    "cny": "CNY",
    "rmb": "CNY",
    "gbp": "GBP",
    "£": "GBP",
}
_SUFFIX_UNITS = {
    "dollar": "USD",
    "dollars": "USD",
    "usd": "USD",
    "won": "KRW",
    "krw": "KRW",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "yen": "JPY",
    "jpy": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "rmb": "CNY",
    "pound": "GBP",
    "pounds": "GBP",
    "gbp": "GBP",
}

_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_SCALE = r"thousand|million|billion|trillion|mn|bn|tn|trn|tr|mil|[kmb]"
_PREFIX = r"US\$|USD|KRW|EUR|JPY|CNY|RMB|GBP|[$₩€¥£]"
_SUFFIX = (
    r"(?:US |U\.S\. |American )?dollars?|won|euros?|yen|yuan|renminbi|pounds?(?: sterling)?"
    r"|USD|KRW|EUR|JPY|CNY|RMB|GBP"
)


def _amount(side: str) -> str:
    return (
        rf"(?P<{side}prefix>{_PREFIX})?\s?(?P<{side}number>{_NUMBER})"
        rf"(?:[ -]?(?P<{side}scale>{_SCALE})(?![A-Za-z]))?"
    )


# "$1 million to $2 million", "1~2 billion won": the left amount borrows the
# right one's currency (and scale, when it has none of its own: "1-2 billion").
_MONEY_RE = re.compile(
    rf"(?<![\w.]){_amount('l')}"
    rf"(?:\s?(?P<range>~|∼|～|–|—|-|to)\s?{_amount('r')})?"
    rf"(?:\s?(?P<suffix>{_SUFFIX})(?![A-Za-z]))?",
    re.IGNORECASE,
)


def english_amounts(text: str) -> list[EnglishAmount]:
    """Every money expression in English text, in text order."""
    amounts: list[EnglishAmount] = []
    for match in _MONEY_RE.finditer(text):
        suffix = match.group("suffix")
        suffix_unit = _SUFFIX_UNITS.get(" ".join(suffix.lower().split()[-1:])) if suffix else None
        right_unit = _prefix_unit(match.group("rprefix")) or suffix_unit
        left_unit = _prefix_unit(match.group("lprefix"))
        has_right = match.group("rnumber") is not None
        if has_right and right_unit:
            right_scale = match.group("rscale")
            left_scale = match.group("lscale") or right_scale
            left = _value(match.group("lnumber"), left_scale)
            right = _value(match.group("rnumber"), right_scale)
            left_end = match.end("lscale") if match.group("lscale") else match.end("lnumber")
            if left is not None and right is not None and left < right:
                amounts.append(
                    EnglishAmount(
                        match.start(),
                        left_end,
                        text[match.start() : left_end],
                        left,
                        left_unit or right_unit,
                    )
                )
            if right is not None:
                start = match.start("rprefix") if match.group("rprefix") else match.start("rnumber")
                amounts.append(
                    EnglishAmount(start, match.end(), text[start : match.end()], right, right_unit)
                )
            continue
        unit = left_unit or (suffix_unit if not has_right else None)
        if unit is None:
            continue
        value = _value(match.group("lnumber"), match.group("lscale"))
        if value is None:
            continue
        end = match.end() if not has_right else match.end("lnumber")
        if has_right:
            end = match.end("lscale") if match.group("lscale") else match.end("lnumber")
        amounts.append(EnglishAmount(match.start(), end, text[match.start() : end], value, unit))
    return amounts


def parse_english_amounts(text: str) -> list[tuple[Decimal, str]]:
    """(value, currency code) of every money expression: "$5.576 million" -> (5576000, "USD")."""
    return [(amount.value, amount.unit) for amount in english_amounts(text)]


def _prefix_unit(prefix: str | None) -> str | None:
    return _PREFIX_UNITS.get(prefix.lower()) if prefix else None


def _value(number: str, scale: str | None) -> Decimal | None:
    try:
        value = Decimal(number.replace(",", ""))
    except InvalidOperation:
        return None
    if scale:
        value *= _SCALES[scale.lower()]
    return value.normalize()


def _check_figures(segment: int, source: str, translation: str) -> list[Finding]:
    wanted = [n for n in find_numbers(source) if n.unit in CURRENCIES]
    if not wanted:
        return []
    present = english_amounts(translation)
    unmatched_present = list(present)
    missing = []
    for figure in wanted:
        value = figure.value.normalize()
        same = next(
            (a for a in unmatched_present if a.unit == figure.unit and a.value == value), None
        )
        if same is not None:
            unmatched_present.remove(same)
        else:
            missing.append(figure)
    findings = []
    for figure in missing:
        other = next((a for a in unmatched_present if a.unit == figure.unit), None)
        if other is not None:
            unmatched_present.remove(other)
        findings.append(
            Finding(segment, figure.text, figure.english, other.text if other else "", "figure")
        )
    return findings
