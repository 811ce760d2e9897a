"""Glossary entries as YAML text, keys in the contract's order, values as safe_dump writes them.

`forms` and `sense` are block mappings under the entry, their lists flow lists like
`variants` (docs/design.md, "Forms and sense"):

    - ko: 인도
      en: India
      forms:
        attributive: Indian
      sense:
        confirm: [뉴델리, ~ 정부]
        otherwise: verify
"""

from __future__ import annotations

import re

from ..terms import Term, copied_sense
from .reader import YAML_NULLS


def entry_rows(term: Term) -> list[tuple[str, object]]:
    rows: list[tuple[str, object]] = [("ko", term.ko), ("en", term.en)]
    if term.type:
        rows.append(("type", term.type.value))
    if term.variants:
        rows.append(("variants", list(term.variants)))
    if term.en_variants:
        rows.append(("en_variants", list(term.en_variants)))
    if term.note:
        rows.append(("note", term.note))
    if term.forms:
        rows.append(("forms", dict(term.forms)))
    if term.sense:
        rows.append(("sense", copied_sense(term.sense)))
    return rows


def as_entry(term: Term) -> dict:
    """The entry `render_entry` writes, as the reader will read it back."""
    return dict(entry_rows(term))


def render_entry(term: Term, dash_indent: str) -> str:
    """One entry as YAML block text, keys in the contract's order."""
    key_indent = dash_indent + "  "
    text = ""
    for index, (key, value) in enumerate(entry_rows(term)):
        prefix = dash_indent + "- " if index == 0 else key_indent
        if isinstance(value, dict):  # forms, sense: one key a line, indented under theirs
            inner = key_indent + "  "
            text += f"{prefix}{key}:\n"
            text += "".join(f"{inner}{name}: {yaml_value(item)}\n" for name, item in value.items())
        else:
            text += f"{prefix}{key}: {yaml_value(value)}\n"
    return text


# A string safe_dump writes as it is: a letter first (so not a number, a date, a YAML
# indicator or a quote), then letters, digits, spaces and marks that mean nothing inside a
# plain scalar, and no space at the end. Of such strings only the words YAML 1.1 reads as
# true, false or null get quotes.
PLAIN_SCALAR = re.compile(r"[A-Za-z가-힣](?:[A-Za-z0-9가-힣 ._'()/&+-]*[A-Za-z0-9가-힣._'()/&+-])?")
YAML_WORDS = YAML_NULLS | {
    spelling
    for word in ("yes", "no", "true", "false", "on", "off")
    for spelling in (word, word.capitalize(), word.upper())
}


def yaml_value(value) -> str:
    if isinstance(value, str) and PLAIN_SCALAR.fullmatch(value) and value not in YAML_WORDS:
        return value  # what safe_dump gives, 100 times sooner: an import writes millions
    import yaml

    dumped = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9)
    return dumped.removesuffix("\n...\n").strip()
