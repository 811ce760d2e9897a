"""What a valid glossary entry is, and the checks across entries (docs/design.md, contracts).

One entry: known keys only, a non-empty ko and en that are single strings, a
ko with a Hangul syllable or a Latin letter, a known type, lists of strings.
Across entries: the same headword with two different English renderings is
an error that names both places; a one-syllable Hangul headword is a warning.
"""

from __future__ import annotations

import re

from .. import korean
from ..errors import GlossaryError
from ..normalize import normalize
from ..terms import Term, TermType, normalize_space, without_spaces

ENTRY_KEYS = ("ko", "en", "type", "variants", "en_variants", "note")
FILE_KEYS = ("domain", "terms")
TERM_TYPES = tuple(t.value for t in TermType)
LINE_KEY = "__line__"  # where the reader records an entry's line; never a real key


def term_from_entry(entry, path: str | None = None, domain: str | None = None) -> Term:
    """Validate one YAML entry and build its Term; any problem raises GlossaryError."""
    if not isinstance(entry, dict):
        raise GlossaryError("each entry under `terms` must be a mapping with ko and en", path)
    line = entry.get(LINE_KEY)
    unknown = [key for key in entry if key not in ENTRY_KEYS and key != LINE_KEY]
    if unknown:
        raise GlossaryError(
            f"unknown key `{unknown[0]}` (allowed: {', '.join(ENTRY_KEYS)})", path, line
        )
    ko = normalize_space(_required_string(entry, "ko", path, line))
    en = normalize_space(_required_string(entry, "en", path, line))
    if not (korean.contains_hangul(ko) or re.search(r"[A-Za-z]", ko)):
        raise GlossaryError(f"ko `{ko}` holds no Hangul and no Latin letter", path, line)
    term_type = entry.get("type")
    if term_type is not None and term_type not in TERM_TYPES:
        raise GlossaryError(
            f"type `{term_type}` is not one of: {', '.join(TERM_TYPES)}", path, line
        )
    return Term(
        ko=ko,
        en=en,
        type=TermType(term_type) if term_type else None,
        variants=_string_list(entry, "variants", path, line),
        en_variants=_string_list(entry, "en_variants", path, line),
        note=_optional_string(entry, "note", path, line),
        domain=domain,
        path=path,
        line=line,
    )


def _required_string(entry: dict, key: str, path, line) -> str:
    value = entry.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise GlossaryError(f"entry has no `{key}`; every entry needs ko and en", path, line)
    if isinstance(value, (list, dict)):
        raise GlossaryError(f"`{key}` must be a single string, not a list or mapping", path, line)
    return str(value)


def _optional_string(entry: dict, key: str, path, line) -> str | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, (list, dict)):
        raise GlossaryError(f"`{key}` must be a single string, not a list or mapping", path, line)
    return normalize(str(value))


def _string_list(entry: dict, key: str, path, line) -> list[str]:
    value = entry.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or any(isinstance(v, (list, dict)) or v is None for v in value):
        raise GlossaryError(f"`{key}` must be a list of strings", path, line)
    return [normalize_space(str(v)) for v in value if str(v).strip()]


def conflicts(terms: list[Term]) -> list[GlossaryError]:
    """The same headword with two different English renderings, both places named."""
    first_seen: dict[str, Term] = {}
    problems = []
    for term in terms:
        key = without_spaces(term.ko)
        earlier = first_seen.setdefault(key, term)
        if earlier is not term and earlier.en != term.en:
            problems.append(
                GlossaryError(
                    f"`{term.ko}` is `{term.en}` here but `{earlier.en}` at {earlier.source}; "
                    "keep one",
                    term.path,
                    term.line,
                )
            )
    return problems


def one_syllable_warnings(terms: list[Term]) -> list[str]:
    """Headwords of one Hangul syllable, which match inside too many words."""
    return [
        f"{term.source}: one-syllable headword `{term.ko}` matches inside many words; "
        "prefer a longer form"
        for term in terms
        if len(without_spaces(term.ko)) == 1 and korean.contains_hangul(term.ko)
    ]


def without_repeats(terms: list[Term]) -> list[Term]:
    """Keep the first of entries repeated identically across files."""
    seen: set[str] = set()
    unique = []
    for term in terms:
        key = without_spaces(term.ko)
        if key not in seen:
            seen.add(key)
            unique.append(term)
    return unique
