"""Writing glossary files without losing anything (docs/design.md, "Writing glossaries").

Entries are written as text into the file as it stands, so every comment, the
layout, the line endings and a byte-order mark survive, and no value is ever
written again (`en: No` stays the word No). Where to write is found by a scan
of the text: the root `terms:` line, the entries' `-` lines at the list's
indent, a `ko:` value that spells the headword. A 50 MB glossary is not parsed
as a whole, so one edit costs about a second, not a minute and gigabytes.
The new text is written to a temporary file and checked with the YAML reader
before it replaces the file:

- the entries around the edit, parsed before and after it, must differ by the
  edit alone, and the new entries must read back as exactly the entries meant;
- a small file, a bulk write (`write_terms`), or a file whose text a line scan
  could misread (a quote or a bracket left open at the end of a line, tabs,
  escapes, several documents), is checked whole instead: the old text and the
  temporary file are read as two streams of entries and compared entry by
  entry, so any YAML problem is reported and a million-entry write holds
  neither the new text nor a parsed copy of either file.

A flow list (`terms: [{ko: ..}]`) is refused rather than rebuilt: rebuilding
it would drop its comments and write its values again.

Every write goes through locked_write.locked_rewrite (a lock, the file re-read
under it, a temporary file renamed into place only after the check); entries
are rendered by rendering.render_entry.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO, TypeVar

from ..errors import DuplicateTermError, GlossaryError, TermNotFound
from ..terms import Term, normalize_space, without_spaces
from .locked_write import WrittenFile, locked_rewrite
from .reader import TWO_LISTS, iter_entries, parse_yaml
from .rendering import as_entry, render_entry
from .validation import LINE_KEY, MARKS, term_from_entry

WHOLE_CHECK_CHARS = 1_000_000  # files up to this size are parsed whole before and after a write
FLOW_LIST = (
    "this file writes its terms as a flow list (`terms: [...]`); write them as a block list "
    "(one `- ko:` per entry) to let bilingo edit it"
)
NOT_A_LIST = "`terms` must be a block list of entries (one `- ko:` per entry)"
UNSAFE = "bilingo cannot edit this file safely (its layout is unusual); nothing was written"
NOT_READ_BACK = "a new entry could not be read back; nothing was written"
WRITE_CHUNK_CHARS = 1 << 20  # the old text is written in pieces of this size, not copied whole
Result = TypeVar("Result")


def write_term(term: Term, path: Path, update: bool = False) -> Term:
    """Append `term` to the file at `path` (or replace its entry when `update`)."""
    shown = str(path)

    def rewrite(text: str, out: TextIO) -> Term:
        layout = _Layout(text, shown)
        found = layout.find(term.ko)
        if found is not None and not update:
            line = found.value[LINE_KEY]
            raise DuplicateTermError(f"`{term.ko}` is already in this file", shown, line)
        return layout.commit([term], out, replacing=found)[0]

    return locked_rewrite(path, rewrite)


def write_terms(terms: list[Term], path: Path) -> list[Term]:
    """Append several new entries to the file at `path` in one write: all of them or none.

    The file is checked whole as a stream (see above), however many entries are
    added, so importing a million terms holds little more than the terms. A
    headword the file already has, or one given twice, raises DuplicateTermError
    and nothing is written.
    """
    terms = list(terms)
    if not terms:
        return []
    shown = str(path)
    return locked_rewrite(
        path, lambda text, out: _Layout(text, shown, whole=True).commit(terms, out)
    )


def remove_term(ko: str, path: Path) -> Term:
    """Delete the entry whose headword is `ko` (spacing ignored) from the file; returns it.

    Only the entry's own lines go; comments and every other entry stay.
    """
    shown = str(path)

    def rewrite(text: str, out: TextIO) -> Term:
        layout = _Layout(text, shown)
        found = layout.find(ko)
        if found is None:
            raise TermNotFound(f"`{ko}` is not in this file", shown)
        layout.commit([], out, replacing=found)
        return term_from_entry(found.value, shown)

    return locked_rewrite(path, rewrite, create=False)


# --------------------------------------------------------------------------- finding places in text

# Text a line scan could misread, found without parsing: a value that a line leaves open
# (so the next lines are inside it: a quote or bracket not closed on its line), a block
# scalar that keeps its trailing blank lines, and characters YAML reads otherwise (escapes,
# tabs, other line breaks, document markers). Each pattern starts with its character, so re
# skips through the text; each runs only when its characters are in the text at all.
_QUOTED = r"(?:\"[^\"\n]*\"|'(?:[^'\n]|'')*')"
_PLAIN_IN_FLOW = r"[^\n\[\]{}#\"']*"
_LINE_END = r"[ \t]*(?:#[^\n]*)?\r?$"
_AFTER_QUOTE = r"[ \t]*(?:[,\]}#]|\r?$)"
_TOKEN_START = r"(?<![^\s,\[{].)"  # the character just read starts a token
_LEFT_OPEN = (
    (
        "[{",
        rf"[\[{{]{_TOKEN_START}(?!{_PLAIN_IN_FLOW}(?:{_QUOTED}{_PLAIN_IN_FLOW})*[\]}}]{_LINE_END})",
    ),
    ('"', rf"\"{_TOKEN_START}(?![^\"\n]*\"{_AFTER_QUOTE})"),
    ("'", rf"'{_TOKEN_START}(?!(?:[^'\n]|'')*'{_AFTER_QUOTE})"),
    ("|>", r"[|>](?<=\s.)(?:[1-9]?\+|\+[1-9])"),
)
_LEFT_OPEN_PATTERNS = [(chars, re.compile(pattern, re.M)) for chars, pattern in _LEFT_OPEN]
_MISREAD = ("\\", "\t", "\x85", "\u2028", "\u2029", "\n---", "\n...", "\n%")
_LONE_CR = re.compile(r"\r(?!\n)")

# Lines found by a literal first (re skips to it) and checked to start a line after.
_TERMS_KEY = re.compile(r"terms(?<![^\n]terms)(?P<head>[ \t]*:)(?![^ \t\r\n])(?P<rest>[^\n]*)")
_DOMAIN_KEY = re.compile(r"domain(?<![^\n]domain)[ \t]*:(?![^ \t\r\n])[^\n]*")
_EMPTY_VALUE = re.compile(
    r"[ \t]*(?P<value>\[\]|~|null|Null|NULL)?(?P<comment>[ \t]+#[^\n\r]*)?[ \t]*\r?"
)
_CONTENT_LINE = re.compile(r"\n([ ]*)[^\s#]")  # the next line that is not blank or a comment
_ROOT_LINE = re.compile(r"\n[^\s#]")  # the next line at column 0 that is not a comment
_ROOT_LINE_NOT_DASH = re.compile(r"\n(?:[^\s#-]|-\S)")


def _unusual(text: str) -> bool:
    """True when the text holds anything a line scan could misread (see above)."""
    if text.startswith(("---", "...", "%")) or any(mark in text for mark in _MISREAD):
        return True
    if "\r" in text and _LONE_CR.search(text):
        return True
    return any(
        any(char in text for char in chars) and pattern.search(text)
        for chars, pattern in _LEFT_OPEN_PATTERNS
    )


def _key(ko) -> str:
    """What two headwords are compared by: Unicode-normalized, spacing ignored."""
    return without_spaces(normalize_space(str(ko)))


def _entry_key(entry) -> str | None:
    return _key(entry.get("ko", "")) if isinstance(entry, dict) else None


def _spelling(ko: str) -> re.Pattern:
    """A `ko:` whose value may spell `ko`: any spacing, quoted or not, Hangul composed or not."""
    letters = r"\s*".join(_letter_forms(letter) for letter in _key(ko))
    return re.compile(rf"ko[ \t]*:\s+(?:[&!]\S*\s+)*[\"']?{letters}[\"']?[ \t]*(?=[#,}}\r\n]|\Z)")


def _letter_forms(letter: str) -> str:
    decomposed = unicodedata.normalize("NFD", letter)
    forms = {letter, decomposed}
    if len(decomposed) == 3:  # a syllable with a final consonant, built from its first two
        forms.add(unicodedata.normalize("NFC", decomposed[:2]) + decomposed[2])
    if "!" <= letter <= "~":  # full-width Latin letters and digits
        forms.add(chr(ord(letter) + 0xFEE0))
    return "(?:" + "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)) + ")"


def _is_dash(text: str, at: int) -> bool:
    """Whether text[at] is a `-` that opens a block-list entry."""
    return text[at : at + 1] == "-" and text[at + 1 : at + 2] in ("", " ", "\t", "\r", "\n")


def _content_end(text: str, start: int, stop: int, indent: int) -> int:
    """Where the entry that starts at `start` ends: after its last line before `stop`.

    Blank lines and comments after it belong to what follows; a `#` line indented
    deeper than the entry's keys can be text inside a block scalar, so it stays.
    """
    end = stop
    while end > start:
        line_start = text.rfind("\n", start, end - 1) + 1 or start
        line = text[line_start:end]
        stripped = line.strip()
        is_comment = stripped.startswith("#") and len(line) - len(line.lstrip()) <= indent + 2
        if stripped and not is_comment:
            return end
        end = line_start
    return end


@dataclass
class _Change:
    """text[start:end] becomes `lead` and the new entries after it; text[window[0]:window[1]]
    holds every entry the change touches."""

    start: int
    end: int
    lead: str
    window: tuple[int, int] | None = None  # None: check the whole file


@dataclass
class _Found:
    """An entry found in the text: text[start:end] are its lines, `value` is what they hold."""

    start: int
    end: int
    value: dict


class _Layout:
    """Where the parts of a glossary file's text are: its `terms:` line and its entries' lines."""

    def __init__(self, text: str, path: str, whole: bool = False):
        self.text, self.path = text, path
        first_break = text.find("\n")
        self.newline = "\r\n" if first_break > 0 and text[first_break - 1] == "\r" else "\n"
        self.whole = whole or len(text) <= WHOLE_CHECK_CHARS or _unusual(text)
        if self.whole:  # the file's own problems are reported first, as themselves
            _read_through(iter_entries(text, path))
        self.key = _TERMS_KEY.search(text)
        self.dash: str | None = None  # the indent of the entries' `-`; None while there are none
        self.first = self.end = len(text)  # where the first entry starts; where the list ends
        self.dash_line: re.Pattern | None = None  # finds the next entry's `-` line
        if self.key is not None:
            self._find_list()
            if _TERMS_KEY.search(text, self.end):
                raise GlossaryError(TWO_LISTS, path)

    def _find_list(self) -> None:
        rest = self.key["rest"]
        empty = _EMPTY_VALUE.fullmatch(rest)
        if empty is None:
            self._refuse(rest)
        content = _CONTENT_LINE.search(self.text, self.key.end())
        if empty["value"] or content is None:
            return
        if not _is_dash(self.text, content.end() - 1):
            if content[1]:  # indented, so it is the value of `terms:`, and not a list
                self._refuse(self.text[content.end() - 1])
            return  # the next key: `terms:` holds nothing
        self.dash, self.first = content[1], content.start() + 1
        after = (_ROOT_LINE if self.dash else _ROOT_LINE_NOT_DASH).search(self.text, self.first)
        self.end = after.start() + 1 if after else len(self.text)
        self.dash_line = re.compile(rf"\n{self.dash}-(?![^ \t\r\n])")

    def _refuse(self, value: str):
        """`terms:` holds something else than a block list: a flow list, a mapping, a word."""
        line = self.text.count("\n", 0, self.key.start()) + 1
        message = FLOW_LIST if value.lstrip().startswith("[") else NOT_A_LIST
        raise GlossaryError(message, self.path, line)

    # ----------------------------------------------------------------- entries

    def find(self, ko: str) -> _Found | None:
        """The entry whose headword is `ko` (spacing ignored), or None."""
        if self.dash is None:
            return None
        spelling, at = _spelling(ko), self.first
        while hit := spelling.search(self.text, at, self.end):
            start = self._entry_start(hit.start())
            stop = self._next_entry(hit.end())
            follows_a_key = self.text[hit.start() - 1] in " \t\n{,"
            if follows_a_key and start is not None:
                end = _content_end(self.text, start, stop, len(self.dash))
                entries = self._entries(start, end)
                if len(entries) == 1 and _entry_key(entries[0]) == _key(ko):
                    return _Found(start, end, entries[0])
            at = stop
        return None

    def _entry_start(self, offset: int) -> int | None:
        """Where the entry holding text[offset] starts (its `-` line)."""
        needle = "\n" + self.dash + "-"
        at = self.text.rfind(needle, self.first - 1, offset)
        while at >= 0 and not _is_dash(self.text, at + len(needle) - 1):
            at = self.text.rfind(needle, self.first - 1, at)
        return at + 1 if at >= 0 else None

    def _next_entry(self, offset: int) -> int:
        found = self.dash_line.search(self.text, offset - 1, self.end)
        return found.start() + 1 if found else self.end

    def _entries(self, start: int, end: int) -> list:
        """The entries of text[start:end], lines counted in the file."""
        return _entries_in(self.text[start:end], self.path, self.text.count("\n", 0, start))

    # ----------------------------------------------------------------- edits

    def commit(self, terms: list[Term], out: TextIO, replacing: _Found | None = None):
        """Write the text with `terms` in place of `replacing` (or appended) to `out` and check
        it; the new entries as written, with their lines."""
        keys = _headwords(terms, self.path)
        change = self._append() if replacing is None else self._replace(replacing)
        _write_part(out, self.text, 0, change.start)
        out.write(change.lead)
        for term in terms:
            out.write(self._render(term))
        _write_part(out, self.text, change.end, len(self.text))
        replaced = _entry_key(replacing.value) if replacing else None
        expected = _expected(self._before(change), replaced, terms, keys, self.path)
        return self._check(expected, self._after(change, terms, out))

    def _render(self, term: Term) -> str:
        dash = self.dash if self.dash is not None else "  "
        return render_entry(term, dash).replace("\n", self.newline)

    def _replace(self, found: _Found) -> _Change:
        return _Change(found.start, found.end, "", (found.start, found.end))

    def _append(self) -> _Change:
        text, end_of_text = self.text, len(self.text)
        gap = self.newline if text and not text.endswith("\n") else ""
        if self.key is None:
            return _Change(end_of_text, end_of_text, gap + "terms:" + self.newline)
        if self.dash is None:  # `terms:` with nothing, `terms: []` or `terms: ~`
            line_end = text.find("\n", self.key.start())
            line_end = end_of_text if line_end < 0 else line_end + 1
            empty = _EMPTY_VALUE.fullmatch(self.key["rest"])
            key_line = "terms" + self.key["head"] + (empty["comment"] or "")
            return _Change(self.key.start(), line_end, key_line + self.newline)
        start = self._entry_start(self.end)
        end = _content_end(text, start, self.end, len(self.dash))
        gap = "" if text[end - 1] == "\n" else self.newline
        return _Change(end, end, gap, (start, end))

    def _whole(self, change: _Change) -> bool:
        return self.whole or change.window is None  # None: a first entry, in a file with none

    def _before(self, change: _Change) -> Iterator:
        """The entries of the old text that the check compares."""
        if self._whole(change):
            return iter_entries(self.text, self.path)
        return iter(self._entries(*change.window))

    def _after(self, change: _Change, terms: list[Term], out: TextIO) -> Iterator:
        """The entries of the new text that the check compares: of the whole temporary file, or
        of the window's new text. A generator, so that its errors arise in the check."""
        if self._whole(change):
            written = WrittenFile(out)
            yield from iter_entries(written, self.path)
            written.back_to_end()
            return
        low, high = change.window
        rendered = "".join(self._render(term) for term in terms)
        piece = (
            self.text[low : change.start] + change.lead + rendered + self.text[change.end : high]
        )
        yield from _entries_in(piece, self.path, self.text.count("\n", 0, low))

    def _check(self, expected: Iterable[tuple], after: Iterator) -> list[Term]:
        """`after` must hold exactly the `expected` entries, one by one: an existing entry
        unchanged, a new one as meant. Returns the new entries as written."""
        domain, written = self._domain(), []
        for entry, term in expected:  # the old text's problems arise here, as themselves
            found = _next_entry(after, self.path)
            if found is _END or _plain(found) != _plain(entry):
                raise GlossaryError(UNSAFE if term is None else NOT_READ_BACK, self.path)
            if term is not None:
                written.append(_as_written(term, entry, found[LINE_KEY], self.path, domain))
        if _next_entry(after, self.path) is not _END:
            raise GlossaryError(UNSAFE, self.path)
        return written

    def _domain(self) -> str | None:
        """The file's `domain:` (before or after the list), for the entries returned."""
        found = _DOMAIN_KEY.search(self.text, 0, self.first) or _DOMAIN_KEY.search(
            self.text, self.end
        )
        if found is None:
            return None
        try:
            value = parse_yaml(found.group(), self.path)
        except GlossaryError:
            return None
        domain = value.get("domain") if isinstance(value, dict) else None
        return domain if isinstance(domain, str) else None


def _expected(
    before: Iterable, replaced: str | None, terms: list[Term], keys: dict, path: str
) -> Iterator[tuple]:
    """`before` with its first entry keyed `replaced` swapped for the new entries (else the new
    entries at the end), each as (entry, None) or, for a new one, (entry as meant, its term).

    An entry of `before` keyed like a new one (other than the one replaced) is a duplicate.
    """
    new = ((as_entry(term), term) for term in terms)  # once yielded from, it is empty
    for entry in before:
        key = _entry_key(entry)
        if replaced is not None and key == replaced:
            yield from new
            replaced = None
        elif key in keys:
            raise DuplicateTermError(
                f"`{keys[key]}` is already in this file", path, entry[LINE_KEY]
            )
        else:
            yield entry, None
    yield from new


def _headwords(terms: list[Term], path: str) -> dict[str, str]:
    """Each new term's key and headword; a headword given twice is refused."""
    keys: dict[str, str] = {}
    for term in terms:
        key = _key(term.ko)
        if key in keys:
            raise DuplicateTermError(f"`{term.ko}` is given twice", path)
        keys[key] = term.ko
    return keys


_END = object()


def _next_entry(after: Iterator, path: str):
    """The next entry of the new text, or _END; a new text that does not read is UNSAFE."""
    try:
        return next(after, _END)
    except GlossaryError:
        raise GlossaryError(UNSAFE, path) from None


def _as_written(term: Term, entry: dict, line: int, path: str, domain: str | None) -> Term:
    """The new entry `entry` (what `term` reads back as) as a Term of the file.

    Validated as the reader would; made of `term`'s own values when they are
    already what reads back, so that a million-entry write does not hold every
    entry's values twice.
    """
    written = term_from_entry(entry, path, domain)
    written.line = line
    same = dataclasses.replace(term, domain=domain, path=path, line=line)
    return same if same == written else written


def _entries_in(piece: str, path: str, line_offset: int) -> list:
    """The entries of a piece of a block list."""
    value = parse_yaml(piece, path, line_offset) if piece else None
    if value is not None and not isinstance(value, list):
        raise GlossaryError(UNSAFE, path)
    return value or []


def _read_through(entries: Iterator) -> None:
    """Read a stream of entries to its end, for the problems it raises."""
    for _ in entries:
        pass


def _write_part(out: TextIO, text: str, start: int, end: int) -> None:
    for at in range(start, end, WRITE_CHUNK_CHARS):
        out.write(text[at : min(at + WRITE_CHUNK_CHARS, end)])


def _plain(value):
    """A parsed value without the line numbers the reader adds."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if key not in MARKS}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value
