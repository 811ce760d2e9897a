"""What a valid glossary entry is, and the checks across entries (docs/design.md, contracts).

One entry: known keys only, a non-empty ko and en that are single strings, a
ko with a Hangul syllable or a Latin letter, a known type, lists of strings,
and the optional `forms` and `sense` mappings (issue 10, docs/design.md
"Forms and sense"). Across entries: the same headword with two different
English renderings is an error that names both places. What is valid but
likely to misfire is a warning (glossary.lint).
"""

from __future__ import annotations

import re

from .. import korean
from ..errors import GlossaryError
from ..korean.hangul import is_hangul_word
from ..normalize import normalize
from ..terms import Term, TermType, normalize_space, without_spaces

ENTRY_KEYS = ("ko", "en", "type", "variants", "en_variants", "note", "forms", "sense")
FILE_KEYS = ("domain", "terms")
TERM_TYPES = tuple(t.value for t in TermType)
LINE_KEY = "__line__"  # where the reader records an entry's line; never a real key
KEY_LINES = "__lines__"  # where it records the line of each key of `forms:` and `sense:`
MARKS = (LINE_KEY, KEY_LINES)

# forms: the English forms translation needs besides `en`, one string each.
FORM_KEYS = ("attributive", "title", "plural", "short")
# sense: when a hit is in the entry's sense. Cues (confirm/exclude, and en_ for English
# text), Hangul glued after the headword that confirms it (suffixes), the places whose
# institution it is (home), and what to do when nothing speaks (otherwise/en_otherwise).
SENSE_KEYS = (
    "confirm", "exclude", "otherwise", "suffixes", "home", "en_confirm", "en_exclude", "en_otherwise",
)  # fmt: skip
CUE_KEYS = ("confirm", "exclude", "en_confirm", "en_exclude")
CHOICE_KEYS = ("otherwise", "en_otherwise")
CHOICES = ("insert", "verify", "skip")
HIT = "~"  # in a cue, the hit itself; a cue holds at most one


def term_from_entry(entry, path: str | None = None, domain: str | None = None) -> Term:
    """Validate one YAML entry and build its Term; any problem raises GlossaryError."""
    if not isinstance(entry, dict):
        raise GlossaryError("each entry under `terms` must be a mapping with ko and en", path)
    line = entry.get(LINE_KEY)
    unknown = [key for key in entry if key not in ENTRY_KEYS and key not in MARKS]
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
        forms=_forms(entry.get("forms"), path, line),
        sense=_sense(entry.get("sense"), path, line),
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
    return _strings(entry.get(key), f"`{key}`", path, line)


def _strings(value, name: str, path, line) -> list[str]:
    """A list of strings (one string is a list of one), normalized, empty ones dropped."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or any(isinstance(v, (list, dict)) or v is None for v in value):
        raise GlossaryError(f"{name} must be a list of strings", path, line)
    return [normalize_space(str(v)) for v in value if str(v).strip()]


# --------------------------------------------------------------------------- forms and sense


def _forms(value, path, line) -> dict[str, str]:
    if value is None:  # nearly every entry: return before any work
        return {}
    forms = {}
    for key, item, at in _keyed(value, "forms", FORM_KEYS, path, line):
        if not isinstance(item, str) or not item.strip():
            raise GlossaryError(
                f"form `{key}` must be a single non-empty string (forms: {{{key}: ...}})", path, at
            )
        forms[key] = normalize_space(item)
    return {key: forms[key] for key in FORM_KEYS if key in forms}


def _sense(value, path, line) -> dict:
    if value is None:
        return {}
    sense: dict = {}
    for key, item, at in _keyed(value, "sense", SENSE_KEYS, path, line):
        parsed = (
            _choice(key, item, path, at) if key in CHOICE_KEYS else _sense_list(key, item, path, at)
        )
        if parsed:  # an empty list or a null is no rule
            sense[key] = parsed
    return {key: sense[key] for key in SENSE_KEYS if key in sense}


def _keyed(value, name: str, allowed: tuple[str, ...], path, line) -> list[tuple]:
    """(key, value, line) of each key of an entry's `forms` or `sense`; the keys are checked.

    The line is the key's own when the reader noted it (YAML), else the mapping's or
    the entry's (a table's or a TBX file's JSON).
    """
    if not isinstance(value, dict):
        raise GlossaryError(
            f"`{name}` must be a mapping with keys among: {', '.join(allowed)}", path, line
        )
    lines = value.get(KEY_LINES) or {}
    line = value.get(LINE_KEY, line)
    items = [(key, item, lines.get(key, line)) for key, item in value.items() if key not in MARKS]
    for key, _item, at in items:
        if key not in allowed:
            raise GlossaryError(
                f"unknown {name} key `{key}` (allowed: {', '.join(allowed)})", path, at
            )
    return items


def _choice(key: str, value, path, line) -> str | None:
    choice = normalize_space(value) if isinstance(value, str) else value
    if choice is not None and choice not in CHOICES:
        raise GlossaryError(
            f"`sense.{key}` is `{value}`; it must be one of: {', '.join(CHOICES)}", path, line
        )
    return choice


def _sense_list(key: str, value, path, line) -> list[str]:
    items = _strings(value, f"`sense.{key}`", path, line)
    for item in items:
        if key == "suffixes" and not is_hangul_word(item):
            raise GlossaryError(
                f"suffix `{item}` must be Hangul glued after the headword, such as 시 or 그룹",
                path,
                line,
            )
        if key in CUE_KEYS and item.count(HIT) > 1:
            raise GlossaryError(
                f"cue `{item}` in `sense.{key}` holds {item.count(HIT)} `{HIT}`; a cue holds at most "
                f"one, which stands for the hit",
                path,
                line,
            )
    return items


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
