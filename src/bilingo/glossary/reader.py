"""Glossary YAML files into entries: a safe event-stream reader and the file-level checks.

Files are read with PyYAML's safe loader (the C one when present) from its
event stream, so no tag can construct a Python object and a 100,000-entry
file parses in a fraction of the memory of PyYAML's node tree; `iter_entries`
yields the entries one at a time, for checks that need not hold them all.
Every mapping remembers its line, and a mapping that is a key's value (an
entry's `sense:`) the line of each of its keys, so every problem names file and line.
Values nested more than MAX_DEPTH deep are refused: a glossary needs 4 levels.
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
from .validation import FILE_KEYS, KEY_LINES, LINE_KEY, term_from_entry

YAML_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# What YAML refuses to read (PyYAML's Reader.NON_PRINTABLE): C0 controls but tab and
# line breaks, DEL, C1 controls but NEL, surrogates, U+FFFE and U+FFFF.
NOT_YAML_TEXT = re.compile(
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


def read_glossary_file(
    path: Path, data: bytes | None = None
) -> tuple[list[Term], list[GlossaryError]]:
    """Every valid entry of one file, and every problem found in it.

    `data`: the file's bytes when the caller has read them already (they are
    then what is parsed, so a file changing meanwhile cannot mix two versions).
    """
    shown = str(path)
    try:
        text = read_text(path) if data is None else _decoded(data, shown)
        document = parse_yaml(text, shown)
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
    domain = document.get("domain")
    entries = document.get("terms") or []
    if not isinstance(entries, list):
        problems.append(GlossaryError(NOT_A_LIST, shown, document[LINE_KEY]))
        return [], problems
    terms = []
    for entry in entries:
        try:
            terms.append(
                term_from_entry(entry, shown, domain=domain if isinstance(domain, str) else None)
            )
        except GlossaryError as error:
            problems.append(error)
    return terms, problems
