"""Glossary YAML files into entries: a safe event-stream reader and the file-level checks.

Files are read with PyYAML's safe loader (the C one when present) from its
event stream, so no tag can construct a Python object and a 100,000-entry
file parses in a fraction of the memory of PyYAML's node tree. Every mapping
remembers its line, so every problem names file and line.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from ..errors import GlossaryError
from ..files import BINARY_SNIFF_BYTES, UTF16_BOMS, NotTextError, decode_text
from ..terms import Term
from .validation import FILE_KEYS, LINE_KEY, term_from_entry

YAML_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# What YAML refuses to read (PyYAML's Reader.NON_PRINTABLE): C0 controls but tab and
# line breaks, DEL, C1 controls but NEL, surrogates, U+FFFE and U+FFFF.
NOT_YAML_TEXT = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
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
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return _EventReader(yaml.parse(text, Loader=loader), path, line_offset).document()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = " ".join(str(part) for part in (error.context, error.problem) if part)
        line = mark.line + 1 + line_offset if mark else None
        raise GlossaryError(f"malformed YAML: {reason}", path, line) from None
    except yaml.reader.ReaderError:
        raise _control_character_error(text, path, line_offset) from None
    except yaml.YAMLError as error:
        raise GlossaryError(f"malformed YAML: {error}", path) from None


def _control_character_error(text: str, path: str, line_offset: int) -> GlossaryError:
    # The C reader reports a byte offset, the Python one a character offset: the
    # character is found again here, by YAML's own rule, to name its line either way.
    found = NOT_YAML_TEXT.search(text)
    if found is None:
        return GlossaryError("malformed YAML: a character YAML does not allow", path)
    line = text.count("\n", 0, found.start()) + 1 + line_offset
    code = f"U+{ord(found.group()):04X}"
    reason = f"malformed YAML: character {code} is not allowed (YAML allows no control characters)"
    return GlossaryError(reason, path, line)


class _EventReader:
    """Builds plain Python values from a YAML event stream."""

    def __init__(self, events, path: str, line_offset: int = 0):
        self.events = iter(events)
        self.path = path
        self.line_offset = line_offset

    def document(self):
        import yaml

        value = None
        for event in self.events:
            if isinstance(
                event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)
            ):
                if value is not None:
                    raise self._error("a glossary file holds one YAML document", event)
                value = self._value(event)
            elif isinstance(event, yaml.AliasEvent):
                raise self._error("anchors and aliases (*name) are not supported", event)
        return value

    def _value(self, event):
        import yaml

        if isinstance(event, yaml.AliasEvent):
            raise self._error("anchors and aliases (*name) are not supported", event)
        if event.tag and not STANDARD_TAG.match(event.tag):
            raise self._error(
                "tags such as !!python are not allowed in a glossary; remove the tag", event
            )
        if isinstance(event, yaml.ScalarEvent):
            is_plain = not event.style and event.implicit[0]  # the C parser says '', not None
            return None if is_plain and event.value in YAML_NULLS else event.value
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence()
        return self._mapping(event)

    def _sequence(self) -> list:
        import yaml

        items = []
        for item in self.events:
            if isinstance(item, yaml.SequenceEndEvent):
                return items
            items.append(self._value(item))
        return items

    def _mapping(self, start_event) -> dict:
        import yaml

        mapping = {LINE_KEY: start_event.start_mark.line + 1 + self.line_offset}
        for key_event in self.events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            key = self._value(key_event)
            if isinstance(key, (list, dict)):
                raise self._error("a key must be a plain word such as `ko`", key_event)
            mapping[key] = self._value(next(self.events))
        return mapping

    def _error(self, reason: str, event) -> GlossaryError:
        line = event.start_mark.line + 1 + self.line_offset
        return GlossaryError(f"malformed YAML: {reason}", self.path, line)


def read_glossary_file(path: Path) -> tuple[list[Term], list[GlossaryError]]:
    """Every valid entry of one file, and every problem found in it."""
    shown = str(path)
    try:
        document = parse_yaml(read_text(path), shown)
    except GlossaryError as error:
        return [], [error]
    if document is None:
        return [], []
    if not isinstance(document, dict):
        return [], [
            GlossaryError("a glossary file must be a mapping with a `terms:` list", shown, 1)
        ]
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
        problems.append(
            GlossaryError("`terms` must be a list of entries", shown, document[LINE_KEY])
        )
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
