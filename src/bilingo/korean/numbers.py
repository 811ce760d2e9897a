"""Korean number and money expressions, rewritten as exact English.

Korean groups digits by four: 만 is 10^4, 억 10^8, 조 10^12, so "557만6000달러"
is 5,576,000 dollars. Machine translation models garble such figures often
enough that bilingo rewrites them in English *before* translation, in place,
leaving the particle after the figure where it was:

    비용은 557만6000달러에 그친다  ->  비용은 $5.576 million에 그친다

Rules
-----
* The value is never rounded. A figure of a million or more is written with the
  largest of million/billion/trillion that keeps it >= 1, trailing zeros
  dropped ("$589 billion", "7.88 billion won"), unless that would need more
  than four decimals: then it is written out in full ("123,456,789 won").
  Smaller figures get thousands separators ("35,000 people", "1,200 won").
* A figure is converted when it carries a unit (currency or counter) or a
  scale word (천, 만, 억, 조); a bare "1957" or "20" is left alone.
* Currencies: 달러/불 -> "$X", 원 -> "X won", 유로 -> euros, 엔 -> yen,
  위안 -> yuan, 파운드 -> pounds. One space may sit between figure and unit.
* Counters: 명 people, 개월 months, 건 cases; 주 shares and 대 units only after
  a 만/억/조 figure, because "3주" is three weeks and "20대" people in their
  twenties. "%p" and "%포인트" become percentage points; a plain "17%" stays.
* "여" after a figure means "more than" (600만여 달러 -> more than $6 million);
  약, 이상, 미만 and the like stay Korean for the translation engine.
* 시간당/1인당 before a money figure become "an hour"/"per person" after it.
* In a range such as "100~200만원" the left figure borrows the right one's
  scale (1 million~2 million won), since that is how Korean reads it; a
  currency sign is repeated on the left, a suffix noun is not.
* Digits glued to Latin letters or hyphens (H800, GPT-4o, COVID-19), dotted
  versions and dates (3.1.2), and ordinals after 제 (제3조) are never touched.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import NamedTuple

__all__ = ["NumberMatch", "find_numbers", "format_amount", "parse_korean_number", "to_english"]


class NumberMatch(NamedTuple):
    """One number expression found in Korean text, with its English rendering.

    start/end are code-point offsets, so text[start:end] == self.text.
    """

    start: int
    end: int
    text: str
    value: Decimal
    unit: str | None
    english: str


class _Unit(NamedTuple):
    """A currency or counter word that may follow a figure."""

    code: str
    pattern: str
    singular: str = ""
    plural: str = ""
    prefix: str = ""
    is_currency: bool = False
    needs_big_scale: bool = False

    @property
    def group(self) -> str:
        """Its group in the expression: u_USD, u_percentage_points."""
        return "u_" + re.sub(r"\W", "_", self.code)

    def render(self, amount: str, value: Decimal) -> str:
        noun = self.singular if value == 1 else self.plural
        return f"{self.prefix}{amount} {noun}" if noun else f"{self.prefix}{amount}"


def _not_before(syllables: str) -> str:
    """`(?![...])` for these syllables, written as one lookahead per syllable: for a class of
    Hangul, re builds a 65,536-entry table (about 0.15 ms each to compile, and the units
    are compiled twice into the expression below); a literal costs next to nothing."""
    return "".join(f"(?!{syllable})" for syllable in syllables)


# The negative lookaheads keep out words that merely start like a unit
# (원자력, 엔비디아, 위안부, 파운드리, 명예, 건설, 주민, 대표, ...).
_UNITS = (
    _Unit("USD", r"달러|불(?![가-힣])|불(?=[을은이의에로와과도씩])", prefix="$", is_currency=True),
    _Unit("KRW", "원" + _not_before("자전유칙인래장형리소천작조"), "won", "won", is_currency=True),
    _Unit("EUR", "유로" + _not_before("존파"), "euro", "euros", is_currency=True),
    _Unit("JPY", "엔" + _not_before("비진터지씨드딩젤트"), "yen", "yen", is_currency=True),
    _Unit("CNY", r"위안(?!부)", "yuan", "yuan", is_currency=True),
    _Unit("GBP", r"파운드(?!리)", "pound", "pounds", is_currency=True),
    _Unit(
        "percentage points",
        r"[%％](?:[pP](?![A-Za-z])| ?포인트)",
        "percentage point",
        "percentage points",
    ),
    _Unit("people", "명" + _not_before("예단령품칭소문확시백"), "person", "people"),
    _Unit("months", r"개월", "month", "months"),
    _Unit("cases", "건" + _not_before("물설강축전립너"), "case", "cases"),
    _Unit(
        "shares",
        "주" + _not_before("민택요장말년차간일력식"),
        "share",
        "shares",
        needs_big_scale=True,
    ),
    _Unit(
        "units",
        "대" + _not_before("학표통형기상비응책회규부체선"),
        "unit",
        "units",
        needs_big_scale=True,
    ),
)

_RATES = {"시간당": "an hour", "1인당": "per person"}

_SMALL_SCALES = {"십": 10, "백": 100, "천": 1000}
_BIG_SCALES = {"만": 10**4, "억": 10**8, "조": 10**12}
_ENGLISH_SCALES = ((12, "trillion"), (9, "billion"), (6, "million"))
_MAX_SCALED_DECIMALS = 4

# Plain digits, optionally with thousands commas and a decimal part; never the
# middle of a longer dotted or comma-separated run (3.1.2, 1,2,3).
_DIGITS = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?(?![.,]?[0-9])"
# A coefficient below 10^4, written with digits and 천/백/십 (5천, 3천5백, 8000).
_SECTION = rf"(?:{_DIGITS}천)?(?:{_DIGITS}백{_not_before('화신악')})?(?:{_DIGITS}십)?(?:{_DIGITS})?"
_UNIT_OF_GROUP = {unit.group: unit for unit in _UNITS}
_UNIT_ALTERNATIVES = "|".join(f"(?P<{group}>{u.pattern})" for group, u in _UNIT_OF_GROUP.items())
_UNIT_LOOKAHEAD = "|".join(f"(?:{u.pattern})" for u in _UNITS)


def _big_group(word: str, guard: str = "") -> str:
    return rf"(?=[0-9]){_SECTION}{word}{guard}"


# Big groups in strictly falling order, optionally spaced ("78억 8000만"); a
# spaced last group without a scale word ("1억 2345만 6789원") only counts
# when a unit follows it, so "3조 2위" keeps its "2위".
_FIGURE = (
    rf"(?:{_big_group('조', r'(?! ?[0-9]+항)')})?"
    rf"(?: ?{_big_group('억')})?"
    rf"(?: ?{_big_group('만', '(?!큼)')})?"
    rf"(?:(?=[0-9]){_SECTION}|(?<=[만억조]) (?=[0-9]){_SECTION}(?=여? ?(?:{_UNIT_LOOKAHEAD})))?"
)
_NOT_AFTER = r"(?<![A-Za-z0-9_.,\-])"
_MORE = "여" + _not_before("성자당야건론행러름전부")

_EXPRESSION_RE = re.compile(
    rf"(?:(?P<rate>{'|'.join(_RATES)}) ?)?"
    rf"{_NOT_AFTER}(?=[0-9])(?P<figure>{_FIGURE})(?![A-Za-z])"
    rf"(?P<more>{_MORE})?"
    rf"(?: ?(?:{_UNIT_ALTERNATIVES}))?"
)
_ORDINAL_BEFORE_RE = re.compile(r"(?<![가-힣])제 ?\Z")
_TOKEN_RE = re.compile(
    r"(?P<digits>[0-9][0-9,]*(?:\.[0-9]+)?)|(?P<small>[십백천])|(?P<big>[만억조])|(?P<space>\s+)"
)
_VALID_DIGITS_RE = re.compile(r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


# What a range's left figure ends with, right before the right one: "100~" or "100 ~ ".
_RANGE_MARKS = "~∼～"


@functools.cache
def _range_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The left figure of a range, and the leading big group of the right one: compiled when
    a text first holds a range (compiling them takes about 10 ms; most texts have none)."""
    left = re.compile(rf"{_NOT_AFTER}(?=[0-9])(?P<figure>{_FIGURE}) ?[{_RANGE_MARKS}] ?\Z")
    leading = re.compile(rf"(?P<coefficient>{_SECTION}) ?(?P<scale>[만억조])")
    return left, leading


class _KoreanNumberReader:
    """Accumulates the tokens of one Korean number, checking their order.

    A number is groups below 10^4 each followed by a falling big scale word
    (조, 억, 만), then an optional last group; inside a group 천/백/십 fall too.
    """

    def __init__(self) -> None:
        self.total = Decimal(0)
        self.section = Decimal(0)
        self.pending: Decimal | None = None
        self.last_small: int | None = None
        self.last_big: int | None = None

    def digits(self, text: str) -> None:
        if self.pending is not None or not _VALID_DIGITS_RE.fullmatch(text):
            raise ValueError(f"misplaced or malformed digits {text!r}")
        self.pending = Decimal(text.replace(",", ""))

    def small(self, word: str) -> None:
        scale = _SMALL_SCALES[word]
        if self.last_small is not None and scale >= self.last_small:
            raise ValueError(f"{word} out of order")
        coefficient = Decimal(1) if self.pending is None else self.pending
        self.section += coefficient * scale
        self.pending, self.last_small = None, scale

    def big(self, word: str) -> None:
        scale = _BIG_SCALES[word]
        # A bare scale word counts once: "만" alone is 10,000.
        nothing_before = self.pending is None and not self.section
        group = Decimal(1) if nothing_before else self._section_value()
        if self.last_big is not None and (scale >= self.last_big or group * scale >= self.last_big):
            raise ValueError(f"{word} out of order")
        self.total += group * scale
        self.section, self.pending = Decimal(0), None
        self.last_small, self.last_big = None, scale

    def result(self) -> Decimal:
        tail = self._section_value()
        if self.last_big is not None and tail >= self.last_big:
            raise ValueError("the part after the last scale word is too large")
        return self.total + tail

    def _section_value(self) -> Decimal:
        pending = Decimal(0) if self.pending is None else self.pending
        if self.last_small is not None and pending >= self.last_small:
            raise ValueError("digits after 천/백/십 are too large")
        return self.section + pending


def parse_korean_number(s: str) -> Decimal:
    """Read a Korean-style number written with digits and scale words.

    "557만6000" -> 5576000, "78억8000만" -> 7880000000, "2조5천억" ->
    2500000000000, "1,200" -> 1200, "3.1" -> 3.1. Spaces between groups are
    allowed ("78억 8000만"). Raises ValueError for anything else, including
    scale words out of order ("3만2억").
    """
    text = s.strip()
    if not text:
        raise ValueError("empty number")
    reader = _KoreanNumberReader()
    position = 0
    for token in _TOKEN_RE.finditer(text):
        if token.start() != position:
            break
        position = token.end()
        kind = token.lastgroup
        if kind == "digits":
            reader.digits(token.group())
        elif kind == "small":
            reader.small(token.group())
        elif kind == "big":
            reader.big(token.group())
    if position != len(text):
        raise ValueError(f"not a Korean number: {s!r}")
    return reader.result()


def _plain(value: Decimal) -> str:
    return f"{value.normalize():,f}"


def _decimal_places(value: Decimal) -> int:
    exponent = value.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def format_amount(value: Decimal) -> str:
    """English digits for a value: "5.576 million", "35,000", "123,456,789"."""
    for exponent, word in _ENGLISH_SCALES:
        if value >= 10**exponent:
            scaled = value.scaleb(-exponent)
            if _decimal_places(scaled) <= _MAX_SCALED_DECIMALS:
                return f"{_plain(scaled)} {word}"
            break
    return _plain(value)


def _english(value: Decimal, unit: _Unit | None, more: bool, rate: str | None) -> str:
    amount = format_amount(value)
    phrase = unit.render(amount, value) if unit else amount
    if rate:
        phrase = f"{phrase} {_RATES[rate]}"
    return f"more than {phrase}" if more else phrase


def _has_scale_word(figure: str) -> bool:
    return any(ch in _SMALL_SCALES or ch in _BIG_SCALES for ch in figure)


def _has_big_scale(figure: str) -> bool:
    return any(ch in _BIG_SCALES for ch in figure)


class _Found(NamedTuple):
    """A match plus what range handling needs to know about it."""

    match: NumberMatch
    figure: str
    unit: _Unit | None


def _unit_of(expression: re.Match[str], figure: str) -> _Unit | None:
    # The unit's group, when one matched, is the expression's last: it closed last.
    unit = _UNIT_OF_GROUP.get(expression.lastgroup)
    if unit is not None and unit.needs_big_scale and not _has_big_scale(figure):
        return None
    return unit


def _read_expression(text: str, expression: re.Match[str]) -> _Found | None:
    figure = expression.group("figure")
    figure_start = expression.start("figure")
    if not figure or _ORDINAL_BEFORE_RE.search(text, max(0, figure_start - 2), figure_start):
        return None
    unit = _unit_of(expression, figure)
    if unit is None and not _has_scale_word(figure):
        return None
    try:
        value = parse_korean_number(figure)
    except ValueError:
        return None
    rate = expression.group("rate") if unit and unit.is_currency else None
    more = expression.group("more") is not None
    start = expression.start("rate") if rate else expression.start("figure")
    if unit:
        end = expression.end(unit.group)
    else:
        end = expression.end("more") if more else expression.end("figure")
    english = _english(value, unit, more, rate)
    match = NumberMatch(start, end, text[start:end], value, unit.code if unit else None, english)
    return _Found(match, figure, unit)


def _range_left(text: str, right: _Found) -> _Found | None:
    """The left figure of "A~B" when B is a match, rewritten in B's terms."""
    before = right.match.start
    # The pattern ends with a mark and at most one space: no mark there, no range.
    if not any(mark in text[max(0, before - 2) : before] for mark in _RANGE_MARKS):
        return None
    left_figure, leading_group = _range_patterns()
    left = left_figure.search(text, max(0, before - 40), before)
    if left is None:
        return None
    figure = left.group("figure")
    try:
        value = parse_korean_number(figure)
    except ValueError:
        return None
    leading = leading_group.match(right.figure)
    borrows_scale = (
        leading is not None
        and not _has_big_scale(figure)
        and value < parse_korean_number(leading.group("coefficient") or "1")
    )
    if borrows_scale:
        value *= _BIG_SCALES[leading.group("scale")]
    elif right.unit is None and not _has_scale_word(figure):
        return None
    prefix = right.unit.prefix if right.unit else ""
    english = prefix + format_amount(value)
    start, end = left.start("figure"), left.end("figure")
    if english == figure:
        return None
    code = right.unit.code if right.unit else None
    return _Found(NumberMatch(start, end, figure, value, code, english), figure, None)


def _with_ranges(text: str, found: list[_Found]) -> list[_Found]:
    result: list[_Found] = []
    for item in found:
        left = _range_left(text, item)
        if left is not None:
            while result and result[-1].match.end > left.match.start:
                result.pop()
            result.append(left)
        result.append(item)
    return result


def find_numbers(text: str) -> list[NumberMatch]:
    """Every number expression worth rewriting, in text order, non-overlapping."""
    found = []
    for expression in _EXPRESSION_RE.finditer(text):
        item = _read_expression(text, expression)
        if item is not None:
            found.append(item)
    return [item.match for item in _with_ranges(text, found)]


def to_english(text: str) -> str:
    """The text with every number expression replaced by its English."""
    pieces: list[str] = []
    position = 0
    for match in find_numbers(text):
        pieces.append(text[position : match.start])
        pieces.append(match.english)
        position = match.end
    pieces.append(text[position:])
    return "".join(pieces)
