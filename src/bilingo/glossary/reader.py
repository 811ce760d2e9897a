"""Glossary YAML files into entries: a safe event-stream reader and the file-level checks.

Files are read with PyYAML's safe loader (the C one when present) from its
event stream, so no tag can construct a Python object and a 100,000-entry
file parses in a fraction of the memory of PyYAML's node tree; `iter_entries`
yields the entries one at a time, for checks that need not hold them all.
Every mapping remembers its line, and a mapping that is a key's value (an
entry's `sense:`) the line of each of its keys, so every problem names file and line.
Values nested more than MAX_DEPTH deep are refused: a glossary needs 4 levels.
parse_yaml reads the plain layout bilingo writes by a faster path of its own, which
gives exactly the same values and leaves every other text to the event reader.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import GlossaryError
from ..files import BINARY_SNIFF_BYTES, UTF16_BOMS, NotTextError, decode_text
from ..terms import Term
from .patterns import LazyPattern
from .validation import FILE_KEYS, KEY_LINES, LINE_KEY, plain_rows, row_from_entry, term_from_entry

YAML_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# What YAML refuses to read (PyYAML's Reader.NON_PRINTABLE): C0 controls but tab and
# line breaks, DEL, C1 controls but NEL, surrogates, U+FFFE and U+FFFF.
NOT_YAML_TEXT = LazyPattern(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
MAX_DEPTH = 50  # a glossary nests 4 deep: file, terms, entry, variants
TOO_DEEP = (
    f"lists and mappings are nested more than {MAX_DEPTH} deep here; "
    "a glossary needs 4, so this is not a glossary"
)
NOT_A_MAPPING = "a glossary file must be a mapping with a `terms:` list"
NOT_A_LIST = "`terms` must be a list of entries"
TWO_LISTS = "the file has two `terms:` keys; merge them"
STANDARD_TAG = re.compile(
    r"^(?:!|tag:yaml\.org,2002:(?:str|int|float|bool|null|timestamp|seq|map))$"
)


def read_text(path: Path) -> str:
    """A glossary file's text; unreadable or not UTF-8 is a GlossaryError naming the line."""
    return read_text_and_bom(path)[0]


def read_text_and_bom(path: Path) -> tuple[str, bool]:
    """A glossary file's text (without a byte-order mark) and whether it began with one."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GlossaryError(f"cannot read file: {error.strerror}", str(path)) from None
    return _decoded(data, str(path)), data.startswith(codecs.BOM_UTF8)


def _decoded(data: bytes, name: str) -> str:
    # Plain UTF-8 decodes in one call (0.15 s for 50 MB, against 1.5 s line by line);
    # anything else goes through the shared decoder, which names the bad line.
    if not data.startswith(UTF16_BOMS) and b"\0" not in data[:BINARY_SNIFF_BYTES]:
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
    try:
        return decode_text(data, name)
    except NotTextError as error:
        if error.kind == "binary":
            raise GlossaryError("looks like a binary file, not a glossary", name) from None
        raise GlossaryError("file is not UTF-8 text; save it as UTF-8", name, error.line) from None


def parse_yaml(text: str, path: str, line_offset: int = 0):
    """Parse one glossary file's text into dicts, lists and strings; errors name the line.

    Every mapping notes its line under LINE_KEY. Values stay text (`en: No`
    is the word "No", `ko: 2024` stays "2024" so validation can say what is
    wrong with it); a tag such as !!python is refused, never run. `text` may
    be a piece of a file that starts after `line_offset` lines: lines are
    counted in the whole file.
    """
    document = _plain_layout_document(text, line_offset)
    if document is not NOT_PLAIN_LAYOUT:
        return document
    with _yaml_errors(text, path, line_offset):
        return _EventReader(_events(text), path, line_offset).document()


def iter_entries(source: str | BinaryIO, path: str) -> Iterator:
    """The entries of a glossary file's `terms` list, each yielded as soon as it is read.

    Each entry is what `parse_yaml` would hold for it, and the whole file is
    read with the same checks (one document, no aliases or tags, a mapping
    whose `terms` is a list), so a million-entry file is checked while holding
    one entry at a time; only a second `terms` key is refused rather than read
    (a stream cannot wait for the last one). `source` is text or a binary file.
    """
    with _yaml_errors(source, path, 0):
        yield from _EventReader(_events(source), path).entries()


def _events(source):
    import yaml

    return yaml.parse(source, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@contextlib.contextmanager
def _yaml_errors(source, path: str, line_offset: int):
    """PyYAML's errors as one GlossaryError naming the line."""
    import yaml

    try:
        yield
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = " ".join(str(part) for part in (error.context, error.problem) if part)
        line = mark.line + 1 + line_offset if mark else None
        if "nesting depth" in reason:  # newer PyYAML stops deep nesting itself, the same fault
            raise GlossaryError(TOO_DEEP, path, line) from None
        raise GlossaryError(f"malformed YAML: {reason}", path, line) from None
    except yaml.reader.ReaderError:
        raise _control_character_error(source, path, line_offset) from None
    except yaml.YAMLError as error:
        raise GlossaryError(f"malformed YAML: {error}", path) from None


def _control_character_error(source, path: str, line_offset: int) -> GlossaryError:
    # The C reader reports a byte offset, the Python one a character offset: the
    # character is found again here, by YAML's own rule, to name its line either way.
    found = NOT_YAML_TEXT.search(source) if isinstance(source, str) else None
    if found is None:
        return GlossaryError("malformed YAML: a character YAML does not allow", path)
    line = source.count("\n", 0, found.start()) + 1 + line_offset
    code = f"U+{ord(found.group()):04X}"
    reason = f"malformed YAML: character {code} is not allowed (YAML allows no control characters)"
    return GlossaryError(reason, path, line)


class _EventReader:
    """Builds plain Python values from a YAML event stream.

    Values nested deeper than MAX_DEPTH are refused: each level costs a few
    Python frames, so 50,000 nested `[` would otherwise end in a RecursionError.
    """

    def __init__(self, events, path: str, line_offset: int = 0):
        self.events = iter(events)
        self.path = path
        self.line_offset = line_offset

    def document(self):
        """The document's value (None for an empty file)."""
        value = None
        for event in self._roots():
            value = self._value(event, 1)
        return value

    def entries(self) -> Iterator:
        """The entries of the root mapping's `terms` list, one at a time."""
        import yaml

        for event in self._roots():
            if isinstance(event, yaml.MappingStartEvent):
                yield from self._terms_of(event)
            elif self._value(event, 1) is not None:
                raise GlossaryError(NOT_A_MAPPING, self.path, 1)

    def _roots(self) -> Iterator:
        """The first event of the document's value; the caller reads the rest of it."""
        import yaml

        seen = False
        for event in self.events:
            if isinstance(event, yaml.AliasEvent):
                raise self._error("anchors and aliases (*name) are not supported", event)
            if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                if seen:
                    raise self._error("a glossary file holds one YAML document", event)
                seen = True
                yield event

    def _terms_of(self, start_event) -> Iterator:
        """The entries under the `terms` key of the root mapping that `start_event` opens."""
        import yaml

        self._check(start_event, 1)
        line = self._line(start_event)
        terms_seen = False
        for key_event in self.events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return
            key, event = self._key(key_event, 2), next(self.events)
            if key != "terms":
                self._value(event, 2)
                continue
            if terms_seen:  # parse_yaml keeps the last; a stream cannot wait for it
                raise GlossaryError(TWO_LISTS, self.path, self._line(key_event))
            terms_seen = True
            if isinstance(event, yaml.SequenceStartEvent):
                self._check(event, 2)
                yield from self._items(3)
            elif self._value(event, 2):
                raise GlossaryError(NOT_A_LIST, self.path, line)

    def _value(self, event, depth: int, keyed: bool = False):
        """The value that `event` starts, `depth` levels deep in the document; `keyed`: it is
        the value of a mapping's key."""
        import yaml

        if not isinstance(event, yaml.ScalarEvent) or event.tag:  # most are untagged scalars
            self._check(event, depth)
        if isinstance(event, yaml.ScalarEvent):
            is_plain = not event.style and event.implicit[0]  # the C parser says '', not None
            return None if is_plain and event.value in YAML_NULLS else event.value
        if isinstance(event, yaml.SequenceStartEvent):
            return list(self._items(depth + 1))
        return self._mapping(event, depth, keyed)

    def _check(self, event, depth: int) -> None:
        import yaml

        if isinstance(event, yaml.AliasEvent):
            raise self._error("anchors and aliases (*name) are not supported", event)
        if event.tag and not STANDARD_TAG.match(event.tag):
            raise self._error(
                "tags such as !!python are not allowed in a glossary; remove the tag", event
            )
        if depth > MAX_DEPTH and isinstance(event, yaml.CollectionStartEvent):
            raise GlossaryError(TOO_DEEP, self.path, self._line(event))

    def _items(self, depth: int) -> Iterator:
        """The items of the sequence being read, each `depth` levels deep."""
        import yaml

        for event in self.events:
            if isinstance(event, yaml.SequenceEndEvent):
                return
            yield self._value(event, depth)

    def _mapping(self, start_event, depth: int, keyed: bool = False) -> dict:
        """A mapping with its line; one that is a key's value also notes each key's line
        (under KEY_LINES), so a problem inside `sense:` names its own line. Entries, the
        mappings read by the thousand, are list items and do not."""
        import yaml

        mapping = {LINE_KEY: self._line(start_event)}
        lines = None
        if keyed:
            lines = mapping[KEY_LINES] = {}
        for key_event in self.events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            key = self._key(key_event, depth + 1)
            if lines is not None:
                lines[key] = self._line(key_event)
            mapping[key] = self._value(next(self.events), depth + 1, True)
        return mapping

    def _key(self, event, depth: int):
        key = self._value(event, depth)
        if isinstance(key, (list, dict)):
            raise self._error("a key must be a plain word such as `ko`", event)
        return key

    def _line(self, event) -> int:
        return event.start_mark.line + 1 + self.line_offset

    def _error(self, reason: str, event) -> GlossaryError:
        return GlossaryError(f"malformed YAML: {reason}", self.path, self._line(event))


# --------------------------------------------------------------------------- the fast path
#
# Reading a 100,000-entry file from PyYAML's event stream took a second, most of it in
# making and dispatching 700,000 event objects (issue 13). Nearly every large glossary is
# in the layout bilingo writes (rendering.render_entry): one `key: value` a line, values
# plain, quoted on one line, or one-line flow lists and mappings. Such a text is read here
# by one regular expression (C speed, a piece of the text at a time) and a loop over its
# lines, into exactly what _EventReader gives: three times sooner. Anything else (tabs, a
# byte-order mark, controls, anchors, tags, block scalars, multi-line values, a `-` or `:`
# starting a value, a document marker, an unexpected indentation) is NOT_PLAIN_LAYOUT, and
# _EventReader reads the whole text, naming every problem (a load reads plain entries as rows
# directly: validation.plain_rows). tests/test_reader_fast.py compares them on many texts.

NOT_PLAIN_LAYOUT = object()
# What the fast path accepts at all: printable characters YAML reads as themselves, and \n.
# Tabs, CR (CRLF is made LF first), NEL, U+2028/U+2029 (YAML line breaks), a BOM anywhere,
# controls and surrogates are left to the event reader.
_NOT_FAST_TEXT = LazyPattern(
    "[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
_INDICATOR_FIRST = "\n #'\"\\-?:,\\[\\]{}&*!|>%@`"  # a plain value may not begin with these
# A plain value in block context: no indicator first, `:` only before a non-space (`: `
# would start a mapping), a word after a space not starting with `#` or `:` (`#` starts a
# comment); it ends before trailing spaces, which YAML drops. Runs, not single characters,
# are matched: the expression reads a 5 MB file in a tenth of a second.
_PLAIN_REST = "[^\n :]*(?::[^\n :]+)*"
_PLAIN = rf"[^{_INDICATOR_FIRST}]{_PLAIN_REST}(?: +[^\n :#]{_PLAIN_REST})*"
# Inside a flow list or mapping: also none of `,[]{}:#?`, whatever a parser would do with them
# (PyYAML's own Python scanner ends a plain value at `?` there, libyaml does not).
_FLOW_PLAIN = rf"[^{_INDICATOR_FIRST}][^\n :#?,\[\]{{}}]*(?: +[^\n :#?,\[\]{{}}]+)*"
_SINGLE_QUOTED = r"'(?:[^'\n]|'')*'"
_DOUBLE_QUOTED = r'"[^"\\\n]*"'  # no escapes
_ITEM = rf"(?:{_SINGLE_QUOTED}|{_DOUBLE_QUOTED}|{_FLOW_PLAIN})"
_KEY = r"[A-Za-z_][A-Za-z0-9_]{0,99}"  # libyaml refuses a key over 1024 characters
# One-line flow collections, two levels at most: a list of scalars, a mapping of scalars and
# lists (`forms: {short: AI}`, `sense: {home: [미국]}`), a mapping of those (an entry written
# `- {ko: 가, en: g, sense: {home: [미국]}}`).
_LIST = rf"\[ *(?:{_ITEM}(?: *, *{_ITEM})*)? *\]"
_INNER_VALUE = rf"(?:{_LIST}|{_ITEM})"
_INNER_MAPPING = rf"\{{ *(?:{_KEY}: +{_INNER_VALUE}(?: *, *{_KEY}: +{_INNER_VALUE})*)? *\}}"
_FLOW_VALUE = rf"(?:{_LIST}|{_INNER_MAPPING}|{_ITEM})"
_MAPPING = rf"\{{ *(?:{_KEY}: +{_FLOW_VALUE}(?: *, *{_KEY}: +{_FLOW_VALUE})*)? *\}}"
# One line: (its indent and `- ` if it starts a list item, key, value, an entry written as a
# flow mapping), or a comment or a blank line (all groups empty).
_LINE = LazyPattern(
    rf"^(?:( *(?:- +)?)(?:({_KEY}):(?: +({_SINGLE_QUOTED}|{_DOUBLE_QUOTED}|{_LIST}|{_MAPPING}"
    rf"|{_PLAIN}))?|(?<=- )({_MAPPING}))(?: +#[^\n]*)? *| *(?:#[^\n]*)?)\n",
    re.MULTILINE,
)
_FLOW_ITEM = re.compile(_ITEM)
_FLOW_PAIR = LazyPattern(rf"({_KEY}): +({_FLOW_VALUE})")
_NOT_PLAIN_VALUE = frozenset("'\"[{")  # first characters of the values that are not plain
_PIECE_CHARS = 1 << 18  # characters read at a time (see _plain_layout_document)


class _NotPlainLayout(Exception):
    """A line the fast path does not read; the event reader reads the whole text."""


def _plain_layout_document(text: str, line_offset: int):
    """What parse_yaml gives for `text`, when it is in the plain layout; else NOT_PLAIN_LAYOUT."""
    if "\r" in text:
        if text.count("\r") != text.count("\r\n"):
            return NOT_PLAIN_LAYOUT
        text = text.replace("\r\n", "\n")  # one line break to YAML too: lines keep their numbers
    if _NOT_FAST_TEXT.search(text):
        return NOT_PLAIN_LAYOUT
    if not text.endswith("\n"):
        text += "\n"
    builder = _PlainLayoutBuilder()
    start, number = 0, line_offset
    while start < len(text):  # a piece at a time: the lines' tuples of 5 MB would take 30 MB
        end = text.find("\n", start + _PIECE_CHARS) + 1 or len(text)
        lines = _LINE.findall(text, start, end)
        if len(lines) != text.count("\n", start, end):  # a match is a whole line: one did not
            return NOT_PLAIN_LAYOUT
        try:
            builder.read(lines, number)
        except _NotPlainLayout:
            return NOT_PLAIN_LAYOUT
        start, number = end, number + len(lines)
    return builder.root


class _PlainLayoutBuilder:
    """The values of the plain layout's lines, built as _EventReader builds them.

    A block mapping's line is its first key's; a mapping that is a key's value
    (a nested block under `sense:`, a flow `{...}`) also notes each key's line
    under KEY_LINES. The root is a mapping at column 0; a list is a root key's
    value, its items entries at one column (`- key: value` and more keys below,
    or `- {...}`); an entry's key with no value may hold one nested mapping of
    `key: value` lines (forms, sense).
    """

    def __init__(self):
        self.root = None
        self.items: list | None = None  # the list being read and its column
        self.items_column = -1
        self.entry: dict | None = None  # the entry being read and the indent of its keys
        self.entry_indent = None
        self.nested: dict | None = None  # the nested mapping being read and its column
        self.nested_column = -1
        self.pending = None  # (mapping, key, column) of a key with no value on its line
        self.item_prefix = None  # `  - ` of the last item read, and the indent of its keys
        self.item_entry_indent = None

    def read(self, lines: list[tuple[str, str, str, str]], line_offset: int) -> None:
        number = line_offset
        for prefix, key, value, flow_entry in lines:
            number += 1
            # Nearly every line is an entry's `key: plain value`, below its `- ` or on it: those
            # are set right here, the rest (and whatever does not fit) by `line`.
            if value and value[0] not in _NOT_PLAIN_VALUE and value not in YAML_NULLS:
                if prefix == self.entry_indent and self.nested is None and key not in YAML_NULLS:
                    self.pending = None
                    self.entry[key] = value
                    continue
                if prefix == self.item_prefix and key not in YAML_NULLS:
                    self.pending = self.nested = None
                    self.nested_column = -1
                    self.entry = {LINE_KEY: number, key: value}
                    self.entry_indent = self.item_entry_indent
                    self.items.append(self.entry)
                    continue
            if key or flow_entry:  # else a comment or a blank line
                self.line(number, prefix, key, value, flow_entry)

    def line(self, number: int, prefix: str, key, value: str, flow_entry: str = "") -> None:
        if key in YAML_NULLS:
            key = None  # as the event reader reads a `null:` key
        pending, self.pending = self.pending, None
        column = len(prefix)
        if prefix.endswith(" ") and "-" in prefix:  # `- `: a list item
            self._item(number, prefix.index("-"), pending)
            self.item_prefix, self.item_entry_indent = prefix, " " * column
            self._first_key(number, column, key, value, flow_entry)
        elif pending is not None and column > pending[2]:
            self._open_nested(number, column, pending)
            self._set(self.nested, number, column, key, value)
        elif column == self.nested_column:
            self._set(self.nested, number, column, key, value)
        elif prefix == self.entry_indent:
            self.nested, self.nested_column = None, -1
            self._set(self.entry, number, column, key, value)
        elif column == 0:
            self._root_key(number, key, value)
        else:
            raise _NotPlainLayout

    def _item(self, number: int, column: int, pending) -> None:
        """A new item of the list at `column`: the one being read, or the value of the root key
        just read."""
        if pending is not None and pending[0] is self.root and self.items is None:
            self.items, self.items_column = [], column
            pending[0][pending[1]] = self.items
        elif self.items is None or column != self.items_column:
            raise _NotPlainLayout
        self.nested, self.nested_column = None, -1

    def _first_key(self, number: int, column: int, key, value: str, flow_entry: str) -> None:
        """The item's first line after `- `: an entry's first key, or the whole entry."""
        if flow_entry:  # nothing may follow it but another item or a root key
            self.items.append(_flow_value(flow_entry, number, keyed=False))
            self.entry, self.entry_indent = None, None
            return
        self.entry = {LINE_KEY: number}
        self.entry_indent = " " * column
        self.items.append(self.entry)
        self._set(self.entry, number, column, key, value)

    def _open_nested(self, number: int, column: int, pending) -> None:
        mapping, key, _ = pending  # never the nested mapping's: see _set
        self.nested = {LINE_KEY: number, KEY_LINES: {}}
        self.nested_column = column
        mapping[key] = self.nested

    def _root_key(self, number: int, key, value: str) -> None:
        if self.root is None:
            self.root = {LINE_KEY: number}
        self.items, self.items_column, self.item_prefix = None, -1, None
        self.entry, self.entry_indent = None, None
        self.nested, self.nested_column = None, -1
        self._set(self.root, number, 0, key, value)

    def _set(self, mapping: dict, number: int, column: int, key, value: str) -> None:
        if mapping is self.nested:
            mapping[KEY_LINES][key] = number
            if not value:
                raise _NotPlainLayout  # a null or a deeper block: left to the event reader
        if value:
            mapping[key] = _flow_value(value, number)
        else:  # null, unless the next line opens a block under it
            mapping[key] = None
            self.pending = (mapping, key, column)


def _flow_value(text: str, number: int, keyed: bool = True):
    """A value on one line: a scalar or a flow collection (mappings read as _EventReader reads
    them: `keyed` when the mapping is a key's value)."""
    first = text[0]
    if first == "[":
        return [_scalar(item) for item in _FLOW_ITEM.findall(text, 1, len(text) - 1)]
    if first != "{":
        return _scalar(text)
    mapping: dict = {LINE_KEY: number}
    lines = None
    if keyed:
        lines = mapping[KEY_LINES] = {}
    for key, item in _FLOW_PAIR.findall(text, 1, len(text) - 1):
        key = None if key in YAML_NULLS else key
        if lines is not None:
            lines[key] = number
        mapping[key] = _flow_value(item, number)
    return mapping


def _scalar(text: str):
    first = text[0]
    if first == "'":
        return text[1:-1].replace("''", "'")
    if first == '"':
        return text[1:-1]
    return None if text in YAML_NULLS else text


def read_glossary_file(
    path: Path, data: bytes | None = None
) -> tuple[list[Term], list[GlossaryError]]:
    """Every valid entry of one file, and every problem found in it. `data`: the file's bytes
    when the caller has read them already (they are then what is parsed, so a file changing
    meanwhile cannot mix two versions)."""
    return _read_entries(path, data, term_from_entry)


def read_glossary_rows(path: Path, data: bytes | None = None) -> tuple[list, list[GlossaryError]]:
    """read_glossary_file's entries as rows (validation.row_from_entry): a load keeps rows."""
    return _read_entries(path, data, row_from_entry)


def _read_entries(path: Path, data: bytes | None, make) -> tuple[list, list[GlossaryError]]:
    """`make(entry, path, domain)` of every valid entry, and every problem of the file."""
    shown = str(path)
    try:
        text = read_text(path) if data is None else _decoded(data, shown)
        plain = make is row_from_entry and plain_rows(text, shown, _plain_layout_document)
        document = plain[0] if plain else parse_yaml(text, shown)
    except GlossaryError as error:
        return [], [error]
    if document is None:
        return [], []
    if not isinstance(document, dict):
        return [], [GlossaryError(NOT_A_MAPPING, shown, 1)]
    problems = [
        GlossaryError(
            f"unknown key `{key}` (allowed: {', '.join(FILE_KEYS)})", shown, document[LINE_KEY]
        )
        for key in document
        if key not in FILE_KEYS and key != LINE_KEY
    ]
    entries = document.get("terms") or []
    if not isinstance(entries, list):
        problems.append(GlossaryError(NOT_A_LIST, shown, document[LINE_KEY]))
        return [], problems
    domain = document.get("domain") if isinstance(document.get("domain"), str) else None
    made = plain[1] if plain else []  # plain: the entries are rows already, `terms` holds none
    for entry in entries:  # 100,000 times in a large file: nothing here that need not be
        try:
            made.append(make(entry, shown, domain))
        except GlossaryError as error:
            problems.append(error)
    return made, problems
