"""Paragraphs and sentences of Korean and English news text, with exact round trips.

Paragraph rule
--------------
Korean news copy puts one paragraph on each line, and headlines, bullet lines
("- ..."), datelines and bylines sit on lines of their own, so **every
non-blank line is its own paragraph unit**. The one exception is hard-wrapped
prose: a line of 40 or more characters with no Hangul that does not end in
sentence punctuation continues into the next line when that line starts with a
lowercase letter; the line break then stays inside the paragraph text.

split_paragraphs returns (paragraph_text, following_whitespace) pairs. The
whitespace holds the line break(s), blank lines and any spaces around them
(\\r\\n kept as is). Whitespace before the first paragraph is returned as an
empty first paragraph, so "".join(p + sep for p, sep in pairs) == text always.

Sentence rule
-------------
A sentence ends after a run of . ? ! … (or 。？！), plus any closing quotes or
brackets right after it, when whitespace follows. It does not end:

* inside a balanced quote or bracket that goes on after the punctuation, so a
  quotation of several sentences followed by 고/라고/며 stays one sentence and
  a bracketed dateline stays with the sentence it opens;
* before a lowercase letter, or before a quotative particle (“...다.” 라고);
* after an abbreviation (Mr., Dr., Inc., Jan., No. before a digit, ...) or
  initials (U.S., e.g., J.);
* on a "sentence" with no letters in it (a list number such as "1.");
* after an ellipsis (… or ...), unless an uppercase letter follows, or in
  Korean the syllable before it is a sentence-final ending (다, 요, 까, 죠, 네).

Straight single quotes pair up as quotes in Korean only; in English they are
apostrophes. Sentences never carry surrounding whitespace: it goes into the
Paragraph's separators, which is what lets reassemble rebuild the document.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

__all__ = [
    "Paragraph",
    "paragraph_ends_between",
    "reassemble",
    "split_document",
    "split_paragraphs",
    "split_sentences",
]

_LANGUAGES = ("ko", "en")

_LINE_BREAK_RUN_RE = re.compile(r"\s*[\r\n]\s*")
_LEADING_SPACE_RE = re.compile(r"\s*")
_SINGLE_BREAK_RE = re.compile(r"[^\S\r\n]*(?:\r\n|\r|\n)[^\S\r\n]*")
_CONTINUED_LINE_MIN_LENGTH = 40
_PARAGRAPH_END_CHARS = ".?!…。？！:;\"'”’)]}」』》〉"

_BOUNDARY_RE = re.compile(
    r"(?P<enders>[.?!…。？！]+)(?P<closers>[\"'”’)\]}」』》〉]*)(?P<space>\s+)"
)
_OPENERS = {
    "(": ")",
    "[": "]",
    "{": "}",
    "“": "”",
    "‘": "’",
    "「": "」",
    "『": "』",
    "《": "》",
    "〈": "〉",
}
_OPENER_OF = {closer: opener for opener, closer in _OPENERS.items()}
_QUOTE_CHARS = frozenset({'"', "'", *_OPENERS, *_OPENER_OF})  # what _quote_kind may name
_QUOTATIVE_RE = re.compile(r"(?:이라고|라고|이라며|라며|라는|하고|하며|고|며)(?=[\s,.]|\Z)")
_KO_FINAL_SYLLABLES = "다요까죠네"
_INITIALS_RE = re.compile(r"(?:[A-Za-z]\.)+")
_ABBREVIATION_LIST = """
Mr. Mrs. Ms. Dr. Prof. Sr. Jr. St. Mt. Ft. Gen. Gov. Sen. Rep. Rev. Lt. Col. Capt. Sgt.
Cmdr. Adm. Pres. Inc. Corp. Co. Ltd. Bros. Dept. Univ. Assn. Ave. Blvd. vs. approx. est.
Fig. Vol. pp. Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())
# These are abbreviations only when a figure follows ("No. 1", "Art. 3").
_NUMBER_ABBREVIATIONS = frozenset({"No.", "Nos.", "no.", "Art.", "Ch."})


@dataclass
class Paragraph:
    """One paragraph unit and its sentences.

    "".join(s + sep for s, sep in zip(sentences, separators)) == text;
    break_after is the whitespace between this paragraph and the next one
    (or the end of the document), so that reassemble can rebuild it exactly.
    """

    text: str
    sentences: list[str]
    separators: list[str]
    break_after: str = field(default="")


def _check_language(lang: str) -> None:
    if lang not in _LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {_LANGUAGES}")


def _split_lines(text: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    position = _LEADING_SPACE_RE.match(text).end()
    if position:
        pairs.append(("", text[:position]))
    for line_break in _LINE_BREAK_RUN_RE.finditer(text, position):
        pairs.append((text[position : line_break.start()], line_break.group()))
        position = line_break.end()
    if position < len(text):
        rest = text[position:]
        body = rest.rstrip()
        pairs.append((body, rest[len(body) :]))
    return pairs


@functools.cache
def _hangul_re() -> re.Pattern[str]:
    """Any Hangul: syllables, jamo, compatibility jamo. Compiled when a line first looks
    hard-wrapped (its ranges take ~2 ms to compile)."""
    return re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def _continues(line: str, line_break: str, next_line: str) -> bool:
    """Whether next_line is the hard-wrapped continuation of line."""
    return (
        len(line) >= _CONTINUED_LINE_MIN_LENGTH
        and bool(next_line)
        and next_line[0].isalpha()
        and next_line[0].islower()
        and line[-1] not in _PARAGRAPH_END_CHARS
        and not _hangul_re().search(line)
        and _SINGLE_BREAK_RE.fullmatch(line_break) is not None
    )


def paragraph_ends_between(line: str, next_line: str) -> bool:
    """Whether a paragraph surely ends between two consecutive lines (newlines kept).

    A document may be cut there and each part split on its own with the same
    result as the whole: what streaming translation relies on.
    """
    body, following = line.strip(), next_line.strip()
    if not body or not following:
        return True
    line_break = line[len(line.rstrip()) :] + next_line[: len(next_line) - len(next_line.lstrip())]
    return not _continues(body, line_break, following)


def split_paragraphs(text: str) -> list[tuple[str, str]]:
    """Split text into (paragraph_text, following_whitespace) pairs.

    Each non-blank line is a paragraph unit (see the module docstring for the
    hard-wrap exception); leading whitespace becomes an empty first unit.
    "".join(p + sep for p, sep in result) == text exactly.
    """
    merged: list[tuple[str, str]] = []
    for line, line_break in _split_lines(text):
        if merged and merged[-1][0] and _continues(merged[-1][0], merged[-1][1], line):
            previous, previous_break = merged.pop()
            line = previous + previous_break + line
        merged.append((line, line_break))
    return merged


def _is_apostrophe(text: str, index: int) -> bool:
    # Only between Latin letters (don't, it's): after Hangul a quote is a quote.
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    return before.isascii() and before.isalnum() and after.isascii() and after.isalpha()


def _quote_kind(char: str, text: str, index: int, lang: str) -> str | None:
    """'open', 'close', 'toggle' (a straight quote) or None for a quote-like char."""
    if char == '"' or (char == "'" and lang == "ko" and not _is_apostrophe(text, index)):
        return "toggle"
    if char in _OPENERS:
        return "open"
    if char in _OPENER_OF and not (char == "’" and _is_apostrophe(text, index)):
        return "close"
    return None


def _close_span(stack: list[tuple[str, int]], opener: str, index: int) -> tuple[int, int] | None:
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth][0] == opener:
            span = (stack[depth][1], index)
            del stack[depth:]
            return span
    return None


def _balanced_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(open_index, close_index) of every quote or bracket that is closed again."""
    stack: list[tuple[str, int]] = []
    spans: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if char not in _QUOTE_CHARS:
            continue
        kind = _quote_kind(char, text, index, lang)
        if kind == "toggle":
            is_open = any(open_char == char for open_char, _ in stack)
            kind = "close" if is_open else "open"
        if kind == "open":
            stack.append((char, index))
        elif kind == "close":
            span = _close_span(stack, _OPENER_OF.get(char, char), index)
            if span:
                spans.append(span)
    return spans


def _quote_reach(text: str, lang: str) -> list[int]:
    """For each position, the closing index of the outermost span enclosing it (-1 if none)."""
    reach = [-1] * len(text)
    covered_until = -1
    # Spans nest (they come from a stack), so filling the outermost ones is enough.
    for open_index, close_index in sorted(_balanced_spans(text, lang)):
        if close_index <= covered_until:
            continue
        reach[open_index + 1 : close_index] = [close_index] * (close_index - open_index - 1)
        covered_until = close_index
    return reach


def _word_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip("\"'“‘([{「『《〈")


def _is_abbreviation(text: str, boundary: re.Match[str]) -> bool:
    if boundary.group("enders") != "." or boundary.group("closers"):
        return False
    word = _word_before(text, boundary.end("enders"))
    if word in _NUMBER_ABBREVIATIONS:
        return text[boundary.end()].isdigit()
    return word in _ABBREVIATIONS or _INITIALS_RE.fullmatch(word) is not None


def _ellipsis_continues(text: str, boundary: re.Match[str], lang: str) -> bool:
    enders = boundary.group("enders")
    if not ("…" in enders or ".." in enders) or any(c in enders for c in "?!？！"):
        return False
    following = text[boundary.end()]
    if following.isupper():
        return False
    before = text[boundary.start() - 1] if boundary.start() else ""
    return not (lang == "ko" and before in _KO_FINAL_SYLLABLES)


def _is_boundary(text: str, boundary: re.Match[str], sentence_start: int, lang: str) -> bool:
    following = text[boundary.end()]
    if following.isalpha() and following.islower():
        return False
    if boundary.group("closers") and _QUOTATIVE_RE.match(text, boundary.end()):
        return False
    if _is_abbreviation(text, boundary) or _ellipsis_continues(text, boundary, lang):
        return False
    return any(char.isalpha() for char in text[sentence_start : boundary.end("closers")])


def _split_with_separators(text: str, lang: str) -> tuple[list[str], list[str]]:
    """Sentences of a text without surrounding whitespace, and the whitespace after each."""
    reach = None  # worked out at the first boundary inside the text (a paragraph may have none)
    sentences: list[str] = []
    separators: list[str] = []
    start = 0
    for boundary in _BOUNDARY_RE.finditer(text):
        end = boundary.end("closers")
        if boundary.end() == len(text):
            continue
        if reach is None:
            reach = _quote_reach(text, lang)
        if reach[boundary.start()] >= end:
            continue
        if _is_boundary(text, boundary, start, lang):
            sentences.append(text[start:end])
            separators.append(boundary.group("space"))
            start = boundary.end()
    if start < len(text):
        sentences.append(text[start:])
        separators.append("")
    return sentences, separators


def split_sentences(text: str, lang: str = "ko") -> list[str]:
    """The sentences of text (lang "ko" or "en"), without surrounding whitespace."""
    _check_language(lang)
    return _split_with_separators(text.strip(), lang)[0]


def split_document(text: str, lang: str = "ko") -> list[Paragraph]:
    """Split a document into paragraphs and sentences; see reassemble for the way back."""
    _check_language(lang)
    paragraphs = []
    for paragraph_text, break_after in split_paragraphs(text):
        sentences, separators = _split_with_separators(paragraph_text, lang)
        paragraphs.append(Paragraph(paragraph_text, sentences, separators, break_after))
    return paragraphs


def reassemble(paragraphs: list[Paragraph], translated_sentences: list[list[str]]) -> str:
    """Rebuild a document from split_document()'s paragraphs with their sentences replaced.

    translated_sentences holds one list per paragraph, one string per sentence;
    separators and paragraph breaks are kept exactly, so identity translations
    give back the original text. Raises ValueError when the counts differ.
    """
    if len(paragraphs) != len(translated_sentences):
        raise ValueError(
            f"{len(translated_sentences)} sentence lists for {len(paragraphs)} paragraphs"
        )
    pieces: list[str] = []
    for index, (paragraph, sentences) in enumerate(
        zip(paragraphs, translated_sentences, strict=True)
    ):
        if len(sentences) != len(paragraph.sentences):
            raise ValueError(
                f"paragraph {index}: {len(sentences)} sentences given, "
                f"{len(paragraph.sentences)} expected"
            )
        pieces.extend(s + sep for s, sep in zip(sentences, paragraph.separators, strict=True))
        pieces.append(paragraph.break_after)
    return "".join(pieces)
