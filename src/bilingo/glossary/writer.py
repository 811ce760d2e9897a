"""Writing glossary files without losing anything (docs/design.md, "Writing glossaries").

Entries are written as text into the file as it stands, so every comment and
the layout of the rest of the file survive. PyYAML's node marks say where each
entry starts and ends. Every write holds a lock on the file, re-reads it under
the lock (so concurrent writers see each other), checks that the new text
parses and holds what was meant, writes a temporary file beside it and renames
it into place: a failed write leaves the old file as it was.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..errors import DuplicateTermError, GlossaryError, TermNotFound
from ..files import atomic_write_text
from ..terms import Term, without_spaces
from .reader import parse_yaml, read_text
from .validation import term_from_entry

NEW_FILE_HEADER = "# bilingo glossary: entries added with `bilingo add` land here.\nterms:\n"
LOCK_TIMEOUT_SECONDS = 30


def write_term(term: Term, path: Path, update: bool = False) -> Term:
    """Append `term` to the file at `path` (or replace its entry when `update`)."""

    def rewrite(text: str) -> tuple[str, Term]:
        new_text = _text_with_term(text, term, str(path), update)
        return new_text, _read_back(new_text, [term], str(path))[0]

    return _locked_rewrite(Path(path).expanduser(), rewrite)


def write_terms(terms: list[Term], path: Path) -> list[Term]:
    """Append several new entries to the file at `path` in one write: all of them or none.

    The file is parsed a fixed number of times however many entries are added,
    so importing thousands of terms stays fast. A headword the file already
    has raises DuplicateTermError and nothing is written.
    """
    terms = list(terms)
    if not terms:
        return []

    def rewrite(text: str) -> tuple[str, list[Term]]:
        # The first entry goes in by write_term's own rules (any layout of
        # `terms:`); the rest follow it, as the block list now ends with it.
        text = _text_with_term(text, terms[0], str(path), update=False)
        text = _text_with_more_terms(text, terms[0], terms[1:], str(path))
        return text, _read_back(text, terms, str(path))

    return _locked_rewrite(Path(path).expanduser(), rewrite)


def remove_term(ko: str, path: Path) -> Term:
    """Delete the entry whose headword is `ko` (spacing ignored) from the file; returns it.

    Only the entry's own lines go; comments and every other entry stay.
    """

    def rewrite(text: str) -> tuple[str, Term]:
        removed, new_text = _text_without_term(text, ko, str(path))
        entries, _ = _entries(new_text, str(path))
        if any(without_spaces(str(e.get("ko", ""))) == without_spaces(ko) for e in entries):
            raise GlossaryError("the entry could not be removed cleanly; nothing was written")
        return new_text, removed

    return _locked_rewrite(Path(path).expanduser(), rewrite, create=False)


def _locked_rewrite(path: Path, rewrite: Callable[[str], tuple[str, object]], create=True):
    """Under the file's lock: re-read it, rewrite its text, validate, replace it atomically."""
    import filelock

    _check_writable_target(path)
    if not create and not path.is_file():
        raise GlossaryError("no such glossary file", str(path))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with filelock.FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_SECONDS):
            text = read_text(path) if path.exists() else NEW_FILE_HEADER
            new_text, result = rewrite(text)
            atomic_write_text(path, new_text)
    except (OSError, filelock.Timeout) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise GlossaryError(
            f"cannot write ({reason}); the file was not changed", str(path)
        ) from None
    return result


def _check_writable_target(path: Path) -> None:
    if path.is_dir():
        raise GlossaryError("is a folder; give a .yaml file path to write to", str(path))
    if path.suffix not in (".yaml", ".yml"):
        raise GlossaryError("is not a .yaml file; glossary files end in .yaml", str(path))
    parent = next((p for p in (path, *path.parents) if p.exists()), None)
    if parent is not None and not os.access(parent, os.W_OK):
        raise GlossaryError(
            "cannot write here (permission denied)", str(path), remedy="other-target"
        )


def _entries(text: str, path: str) -> tuple[list[dict], str | None]:
    """The raw entries and the domain of the text about to be written, parsed as a reader will."""
    document = parse_yaml(text, path)
    if not isinstance(document, dict) or not isinstance(document.get("terms") or [], list):
        raise GlossaryError("the file would not hold a `terms:` list after this write", path)
    entries = [entry for entry in document.get("terms") or [] if isinstance(entry, dict)]
    return entries, document.get("domain")


def _read_back(new_text: str, terms: list[Term], path: str) -> list[Term]:
    """The new entries as they will be read back from `new_text`; all must be there and valid."""
    entries, domain = _entries(new_text, path)
    by_korean = {without_spaces(str(entry.get("ko", ""))): entry for entry in entries}
    written = []
    for term in terms:
        entry = by_korean.get(without_spaces(term.ko))
        if entry is None:
            raise GlossaryError("a new entry could not be read back; nothing was written", path)
        written.append(term_from_entry(entry, path, domain=domain))
    return written


# --------------------------------------------------------------------------- text edits


def _compose(text: str):
    import yaml

    return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _text_with_term(text: str, term: Term, path: str, update: bool) -> str:
    import yaml

    terms_key, terms_node = _terms_node(_compose(text), path)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n"
    existing = _entry_node_for(terms_node, term.ko) if terms_node is not None else None
    if existing is not None and not update:
        line = existing.start_mark.line + 1
        raise DuplicateTermError(f"`{term.ko}` is already in this file", path, line)
    if terms_key is None:  # no `terms:` key at all: add one at the end
        return "".join(lines) + "terms:\n" + render_entry(term, "  ")
    if (
        not isinstance(terms_node, yaml.SequenceNode)
        or terms_node.flow_style
        or not terms_node.value
    ):
        return _with_block_list(lines, terms_key, terms_node, add=term)
    entry = render_entry(term, _dash_indent(terms_node.value[0]))
    if existing is not None:
        first, last = existing.start_mark.line, _last_content_line(existing)
        return "".join(lines[:first] + [entry] + lines[last + 1 :])
    last = _last_content_line(terms_node.value[-1])
    return "".join(lines[: last + 1] + [entry] + lines[last + 1 :])


def _text_with_more_terms(text: str, anchor: Term, more: list[Term], path: str) -> str:
    import yaml

    if not more:
        return text
    _, terms_node = _terms_node(_compose(text), path)
    anchor_node = _entry_node_for(terms_node, anchor.ko)
    seen = {
        without_spaces(value.value)
        for item in terms_node.value
        if isinstance(item, yaml.MappingNode)
        for key, value in item.value
        if key.value == "ko" and isinstance(value, yaml.ScalarNode)
    }
    for term in more:
        key = without_spaces(term.ko)
        if key in seen:
            raise DuplicateTermError(f"`{term.ko}` is already in this file", path)
        seen.add(key)
    lines = text.splitlines(keepends=True)
    last = _last_content_line(anchor_node)
    block = "".join(render_entry(term, _dash_indent(anchor_node)) for term in more)
    return "".join(lines[: last + 1] + [block] + lines[last + 1 :])


def _text_without_term(text: str, ko: str, path: str) -> tuple[Term, str]:
    import yaml

    terms_key, terms_node = _terms_node(_compose(text), path)
    node = _entry_node_for(terms_node, ko) if terms_node is not None else None
    if node is None:
        raise TermNotFound(f"`{ko}` is not in this file", path)
    removed = term_from_entry(yaml.safe_load(yaml.serialize(node)), path)
    removed.line = node.start_mark.line + 1
    lines = text.splitlines(keepends=True)
    if terms_node.flow_style:
        return removed, _with_block_list(lines, terms_key, terms_node, drop=node)
    first, last = node.start_mark.line, _last_content_line(node)
    if not lines[first].lstrip().startswith("-"):  # "-" alone on the line before the entry
        first -= 1
    return removed, "".join(lines[:first] + lines[last + 1 :])


def _dash_indent(entry_node) -> str:
    """The indent of the `- ` that opens a block-list entry starting at this node."""
    indent = " " * entry_node.start_mark.column
    return indent[:-2] if len(indent) >= 2 else ""


def _terms_node(document, path: str):
    import yaml

    if document is None:
        return None, None
    if not isinstance(document, yaml.MappingNode):
        raise GlossaryError("a glossary file must be a mapping with a `terms:` list", path, 1)
    for key, value in document.value:
        if key.value == "terms":
            return key, value
    return None, None


def _with_block_list(lines: list[str], terms_key, terms_node, add=None, drop=None) -> str:
    """Rewrite `terms:`, `terms: []` or a flow list as a block list, adding or dropping one entry."""
    import yaml

    row = terms_key.start_mark.line
    old_items = []
    if isinstance(terms_node, yaml.SequenceNode):
        end = terms_node.end_mark.line
        old_items = [
            yaml.safe_load(yaml.serialize(item)) for item in terms_node.value if item is not drop
        ]
    else:
        end = row
    key_indent = " " * terms_key.start_mark.column
    items = [term_from_entry(item) for item in old_items] + ([add] if add else [])
    block = f"{key_indent}terms:" + ("\n" if items else " []\n")
    block += "".join(render_entry(t, key_indent + "  ") for t in items)
    return "".join(lines[:row] + [block] + lines[end + 1 :])


def _entry_node_for(terms_node, ko: str):
    import yaml

    if not isinstance(terms_node, yaml.SequenceNode):
        return None
    wanted = without_spaces(ko)
    for item in terms_node.value:
        if isinstance(item, yaml.MappingNode):
            for key, value in item.value:
                is_ko = key.value == "ko" and isinstance(value, yaml.ScalarNode)
                if is_ko and without_spaces(value.value) == wanted:
                    return item
    return None


def _last_content_line(node) -> int:
    """0-based line of the last character that belongs to `node` itself.

    A block node's end mark lies at the next token, after any comments that
    follow it; the last scalar or flow collection inside ends exactly.
    """
    import yaml

    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style:
        if not node.value:
            break
        last = node.value[-1]
        node = last[1] if isinstance(last, tuple) else last
    end = node.end_mark
    # An end mark at column 0 sits after the newline that closed the node.
    return end.line - 1 if end.column == 0 and end.line > node.start_mark.line else end.line


def render_entry(term: Term, dash_indent: str) -> str:
    """One entry as YAML block text, keys in the contract's order."""
    key_indent = dash_indent + "  "
    rows = [("ko", term.ko), ("en", term.en)]
    if term.type:
        rows.append(("type", term.type.value))
    if term.variants:
        rows.append(("variants", term.variants))
    if term.en_variants:
        rows.append(("en_variants", term.en_variants))
    if term.note:
        rows.append(("note", term.note))
    text = ""
    for index, (key, value) in enumerate(rows):
        prefix = dash_indent + "- " if index == 0 else key_indent
        text += f"{prefix}{key}: {_yaml_value(value)}\n"
    return text


def _yaml_value(value) -> str:
    import yaml

    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9)
    return dumped.removesuffix("\n...\n").strip()
