"""Writing glossary files without losing anything (docs/design.md, "Writing glossaries").

Entries are written as text into the file as it stands, so every comment, the
layout, the line endings and a byte-order mark survive, and no value is ever
written again (`en: No` stays the word No). Where to write is found by a scan
of the text: the root `terms:` line, the entries' `-` lines at the list's
indent, a `ko:` value that spells the headword. A 50 MB glossary is not parsed
as a whole, so one edit costs about a second, not a minute and gigabytes.
What the scan found is checked with the YAML reader before anything is written:

- the new entries' text must read back as exactly the entries meant;
- the entries around the edit, parsed before and after it, must differ by the
  edit alone;
- a small file, or one whose text a line scan could misread (a quote or a
  bracket left open at the end of a line, tabs, escapes, several documents),
  is parsed whole before and after instead, so any YAML problem is reported.

A flow list (`terms: [{ko: ..}]`) is refused rather than rebuilt: rebuilding
it would drop its comments and write its values again.

Every write holds a lock, re-reads the file under it (so concurrent writers see
each other), writes a temporary file beside the file and renames it into place:
a failed write leaves the old file as it was.
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import DuplicateTermError, GlossaryError, TermNotFound
from ..files import atomic_write_bytes
from ..paths import cache_dir
from ..terms import Term, normalize_space, without_spaces
from .reader import parse_yaml, read_text_and_bom
from .validation import LINE_KEY, term_from_entry

NEW_FILE_HEADER = "# bilingo glossary: entries added with `bilingo add` land here.\nterms:\n"
LOCK_TIMEOUT_SECONDS = 30
WHOLE_CHECK_CHARS = 1_000_000  # files up to this size are parsed whole before and after a write
FLOW_LIST = (
    "this file writes its terms as a flow list (`terms: [...]`); write them as a block list "
    "(one `- ko:` per entry) to let bilingo edit it"
)
NOT_A_LIST = "`terms` must be a block list of entries (one `- ko:` per entry)"
UNSAFE = "bilingo cannot edit this file safely (its layout is unusual); nothing was written"


def write_term(term: Term, path: Path, update: bool = False) -> Term:
    """Append `term` to the file at `path` (or replace its entry when `update`)."""
    shown = str(path)

    def rewrite(text: str) -> tuple[str, Term]:
        layout = _Layout(text, shown)
        found = layout.find(term.ko)
        if found is not None and not update:
            line = found.value[LINE_KEY]
            raise DuplicateTermError(f"`{term.ko}` is already in this file", shown, line)
        new_text, written = layout.commit([term], replacing=found)
        return new_text, written[0]

    return _locked_rewrite(path, rewrite)


def write_terms(terms: list[Term], path: Path) -> list[Term]:
    """Append several new entries to the file at `path` in one write: all of them or none.

    The file is parsed whole once before and once after, however many entries
    are added, so importing thousands of terms stays fast. A headword the file
    already has raises DuplicateTermError and nothing is written.
    """
    terms = list(terms)
    if not terms:
        return []
    shown = str(path)
    seen: set[str] = set()
    for term in terms:
        if _key(term.ko) in seen:
            raise DuplicateTermError(f"`{term.ko}` is given twice", shown)
        seen.add(_key(term.ko))
    return _locked_rewrite(path, lambda text: _Layout(text, shown, whole=True).commit(terms))


def remove_term(ko: str, path: Path) -> Term:
    """Delete the entry whose headword is `ko` (spacing ignored) from the file; returns it.

    Only the entry's own lines go; comments and every other entry stay.
    """
    shown = str(path)

    def rewrite(text: str) -> tuple[str, Term]:
        layout = _Layout(text, shown)
        found = layout.find(ko)
        if found is None:
            raise TermNotFound(f"`{ko}` is not in this file", shown)
        new_text, _ = layout.commit([], replacing=found)
        return new_text, term_from_entry(found.value, shown)

    return _locked_rewrite(path, rewrite, create=False)


# --------------------------------------------------------------------------- the locked write


def _locked_rewrite(path: Path, rewrite: Callable[[str], tuple[str, object]], create=True):
    """Under the file's lock: re-read it, rewrite its text, validate, replace it atomically.

    A symlink is written through: the file it points to is locked and replaced,
    and the link stays a link.
    """
    import filelock

    shown = Path(path).expanduser()
    target = shown.resolve()
    _check_writable_target(shown, target)
    if not create and not target.is_file():
        raise GlossaryError("no such glossary file", str(path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with _lock_for(target):
            _remove_leftovers(target)
            text, bom = read_text_and_bom(target) if target.exists() else (NEW_FILE_HEADER, False)
            new_text, result = rewrite(text)
            atomic_write_bytes(target, (codecs.BOM_UTF8 if bom else b"") + new_text.encode())
    except (OSError, filelock.Timeout) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise GlossaryError(
            f"cannot write ({reason}); the file was not changed", str(path)
        ) from None
    return result


def _lock_for(target: Path):
    """The lock every bilingo writer of `target` takes: one lock file per glossary, kept in
    bilingo's cache folder and named by a hash of the file's resolved path.

    Not beside the glossary: that left a `.lock` file in the user's folder for
    ever. Not deleted after use either: with flock, a process waiting on a lock
    file that is deleted gets a lock on a file nobody else sees, so two writers
    would run at once. A lock file in the cache folder is never deleted by
    bilingo and costs nothing. The price: writers with different cache folders
    (two users sharing a glossary, another $BILINGO_HOME) do not wait for each
    other; each write is still atomic, so the file is never torn, but one of two
    simultaneous edits can be lost.
    """
    import filelock

    folder = cache_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(os.fsencode(target)).hexdigest()[:32] + ".lock"
    return filelock.FileLock(str(folder / name), timeout=LOCK_TIMEOUT_SECONDS)


def _remove_leftovers(target: Path) -> None:
    """Temporary files of writers that were killed, and the lock file older versions kept.

    Only bilingo writers of this file make `.<name>.<random>.tmp` beside it (see
    files.atomic_write_bytes), and they do so holding this lock: under the lock
    none is mid-write. The empty `<name>.lock` is what bilingo 0.x left there.
    """
    pattern = f".{glob.escape(target.name)}.*.tmp"
    for leftover in target.parent.glob(pattern):
        leftover.unlink(missing_ok=True)
    old_lock = target.with_name(target.name + ".lock")
    if old_lock.is_file() and old_lock.stat().st_size == 0:
        old_lock.unlink(missing_ok=True)


def _check_writable_target(path: Path, target: Path) -> None:
    if target.is_dir():
        raise GlossaryError("is a folder; give a .yaml file path to write to", str(path))
    if path.suffix not in (".yaml", ".yml"):
        raise GlossaryError("is not a .yaml file; glossary files end in .yaml", str(path))
    parent = next((p for p in (target, *target.parents) if p.exists()), None)
    if parent is not None and not os.access(parent, os.W_OK):
        raise GlossaryError(
            "cannot write here (permission denied)", str(path), remedy="other-target"
        )


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
    """text[start:end] becomes `new`; text[window[0]:window[1]] holds every entry it touches."""

    start: int
    end: int
    new: str
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
        whole = whole or len(text) <= WHOLE_CHECK_CHARS or _unusual(text)
        self.before = _document_entries(text, path) if whole else None
        self.key = _TERMS_KEY.search(text)
        self.dash: str | None = None  # the indent of the entries' `-`; None while there are none
        self.first = self.end = len(text)  # where the first entry starts; where the list ends
        self.dash_line: re.Pattern | None = None  # finds the next entry's `-` line
        if self.key is not None:
            self._find_list()
            if _TERMS_KEY.search(text, self.end):
                raise GlossaryError("the file has two `terms:` keys; merge them", path)

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

    def _entries(self, start: int, end: int, text: str | None = None) -> list:
        """The entries of text[start:end] (of `self.text` unless given), lines counted in the file."""
        text = self.text if text is None else text
        piece = text[start:end]
        value = parse_yaml(piece, self.path, text.count("\n", 0, start)) if piece else None
        if value is not None and not isinstance(value, list):
            raise GlossaryError(UNSAFE, self.path)
        return value or []

    # ----------------------------------------------------------------- edits

    def commit(self, terms: list[Term], replacing: _Found | None = None):
        """The new text, with `terms` in place of `replacing` (or appended), checked; and the
        new entries as written, with their lines."""
        rendered = "".join(render_entry(term, self._dash_or_default()) for term in terms)
        rendered = rendered.replace("\n", self.newline)
        if replacing is not None:
            window = (replacing.start, replacing.end)
            change = _Change(replacing.start, replacing.end, rendered, window)
        else:
            change = self._append(rendered)
        new_text = self.text[: change.start] + change.new + self.text[change.end :]
        rendered_at = change.start + len(change.new) - len(rendered)  # it ends the change
        added = self._entries(rendered_at, rendered_at + len(rendered), new_text)
        if [_plain(entry) for entry in added] != [_as_entry(term) for term in terms]:
            raise GlossaryError(
                "a new entry could not be read back; nothing was written", self.path
            )
        self._check(change, new_text, _entry_key(replacing.value) if replacing else None, added)
        domain = self._domain()
        return new_text, [term_from_entry(entry, self.path, domain=domain) for entry in added]

    def _dash_or_default(self) -> str:
        return self.dash if self.dash is not None else "  "

    def _append(self, rendered: str) -> _Change:
        text, end_of_text = self.text, len(self.text)
        gap = self.newline if text and not text.endswith("\n") else ""
        if self.key is None:
            return _Change(end_of_text, end_of_text, gap + "terms:" + self.newline + rendered)
        if self.dash is None:  # `terms:` with nothing, `terms: []` or `terms: ~`
            line_end = text.find("\n", self.key.start())
            line_end = end_of_text if line_end < 0 else line_end + 1
            empty = _EMPTY_VALUE.fullmatch(self.key["rest"])
            key_line = "terms" + self.key["head"] + (empty["comment"] or "")
            return _Change(self.key.start(), line_end, key_line + self.newline + rendered)
        start = self._entry_start(self.end)
        end = _content_end(text, start, self.end, len(self.dash))
        gap = "" if text[end - 1] == "\n" else self.newline
        return _Change(end, end, gap + rendered, (start, end))

    def _check(self, change: _Change, new_text: str, replaced: str | None, added: list) -> None:
        """The entries before and after `change` must differ by the change alone."""
        whole = change.window is None or self.before is not None
        if whole:
            if self.before is None:  # a first entry: the file holds none, so this is cheap
                self.before = _document_entries(self.text, self.path)
            before, after_text = self.before, new_text
        else:
            low, high = change.window
            before = self._entries(low, high)
            after_text = self.text[low : change.start] + change.new + self.text[change.end : high]
        expected = _expected(before, replaced, added, self.path)
        try:
            if whole:
                after = _document_entries(after_text, self.path)
            else:
                after = self._entries(0, len(after_text), after_text)
        except GlossaryError:
            raise GlossaryError(UNSAFE, self.path) from None
        if _plain(after) != _plain(expected):
            raise GlossaryError(UNSAFE, self.path)

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


def _expected(before: list, replaced: str | None, added: list, path: str) -> list:
    """`before` with its first entry keyed `replaced` swapped for `added` (else `added` at the end).

    An added headword already in `before` (other than the one replaced) is a duplicate.
    """
    new_keys = {_entry_key(entry): entry for entry in added}
    expected, pending = [], list(added)
    for entry in before:
        key = _entry_key(entry)
        if replaced is not None and key == replaced:
            expected += pending
            pending, replaced = [], None
        elif key in new_keys:
            ko = new_keys[key]["ko"]
            raise DuplicateTermError(f"`{ko}` is already in this file", path, entry[LINE_KEY])
        else:
            expected.append(entry)
    return expected + pending


def _document_entries(text: str, path: str) -> list:
    """The entries of a whole file, parsed as the reader does."""
    document = parse_yaml(text, path)
    if document is None:
        return []
    if not isinstance(document, dict):
        raise GlossaryError("a glossary file must be a mapping with a `terms:` list", path, 1)
    entries = document.get("terms") or []
    if not isinstance(entries, list):
        raise GlossaryError("`terms` must be a list of entries", path, document[LINE_KEY])
    return entries


def _plain(value):
    """A parsed value without the line numbers the reader adds."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items() if key != LINE_KEY}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


# --------------------------------------------------------------------------- rendering


def _entry_rows(term: Term) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = [("ko", term.ko), ("en", term.en)]
    if term.type:
        rows.append(("type", term.type.value))
    if term.variants:
        rows.append(("variants", list(term.variants)))
    if term.en_variants:
        rows.append(("en_variants", list(term.en_variants)))
    if term.note:
        rows.append(("note", term.note))
    return rows


def _as_entry(term: Term) -> dict:
    """The entry `render_entry` writes, as the reader will read it back."""
    return dict(_entry_rows(term))


def render_entry(term: Term, dash_indent: str) -> str:
    """One entry as YAML block text, keys in the contract's order."""
    key_indent = dash_indent + "  "
    text = ""
    for index, (key, value) in enumerate(_entry_rows(term)):
        prefix = dash_indent + "- " if index == 0 else key_indent
        text += f"{prefix}{key}: {_yaml_value(value)}\n"
    return text


def _yaml_value(value) -> str:
    import yaml

    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9)
    return dumped.removesuffix("\n...\n").strip()
