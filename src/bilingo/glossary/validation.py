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
from itertools import accumulate, repeat
from operator import add, itemgetter

from ..errors import GlossaryError
from ..korean.hangul import is_hangul_word
from ..normalize import is_normalized, normalize
from ..terms import (
    CHOICE_KEYS,
    FORM_KEYS,
    ROW_EN,
    ROW_KO,
    ROW_LINE,
    ROW_PATH,
    SENSE_KEYS,
    TERM_TYPE_OF,
    Term,
    TermType,
    normalize_space,
    term_to_row,
    without_spaces,
)
from .patterns import LazyPattern

ENTRY_KEYS = ("ko", "en", "type", "variants", "en_variants", "note", "forms", "sense")
FILE_KEYS = ("domain", "terms")
TERM_TYPES = tuple(t.value for t in TermType)
LINE_KEY = "__line__"  # where the reader records an entry's line; never a real key
KEY_LINES = "__lines__"  # where it records the line of each key of `forms:` and `sense:`
MARKS = (LINE_KEY, KEY_LINES)

# FORM_KEYS, SENSE_KEYS and CHOICE_KEYS (the keys of `forms:` and `sense:`) are in
# bilingo.terms, which the compiled cache reads them from without importing this module.
CUE_KEYS = ("confirm", "exclude", "en_confirm", "en_exclude")
CHOICES = ("insert", "verify", "skip")
HIT = "~"  # in a cue, the hit itself; a cue holds at most one


# Checked once per entry: a glossary of 100,000 entries is validated on every cold load (issue 13).
ALLOWED_IN_ENTRY = frozenset(ENTRY_KEYS + MARKS)
HEADWORD_LETTER = re.compile(r"[\uac00-\ud7a3A-Za-z]")  # a Hangul syllable or a Latin letter
# The keys of nearly every entry of a large file (row_from_entry's short way).
PLAIN_ENTRY = frozenset(("ko", "en", "type", LINE_KEY))


def term_from_entry(entry, path: str | None = None, domain: str | None = None) -> Term:
    """Validate one YAML entry and build its Term; any problem raises GlossaryError."""
    if not isinstance(entry, dict):
        raise GlossaryError("each entry under `terms` must be a mapping with ko and en", path)
    line = entry.get(LINE_KEY)
    if not ALLOWED_IN_ENTRY.issuperset(entry):  # one set operation for the usual entry
        unknown = [key for key in entry if key not in ENTRY_KEYS and key not in MARKS]
        raise GlossaryError(
            f"unknown key `{unknown[0]}` (allowed: {', '.join(ENTRY_KEYS)})", path, line
        )
    ko = _required(entry, "ko", path, line)
    en = _required(entry, "en", path, line)
    if not HEADWORD_LETTER.search(ko):
        raise GlossaryError(f"ko `{ko}` holds no Hangul and no Latin letter", path, line)
    term_type = entry.get("type")
    if term_type is not None and term_type not in TERM_TYPES:
        raise GlossaryError(
            f"type `{term_type}` is not one of: {', '.join(TERM_TYPES)}", path, line
        )
    # The optional keys most entries leave out are looked at only when present, and the Term
    # is made with its fields in order (keywords cost a third of making it).
    variants, en_variants = entry.get("variants"), entry.get("en_variants")
    note, forms, sense = entry.get("note"), entry.get("forms"), entry.get("sense")
    return Term(
        ko,
        en,
        _term_type(term_type) if term_type else None,
        [] if variants is None else _strings(variants, "`variants`", path, line),
        [] if en_variants is None else _strings(en_variants, "`en_variants`", path, line),
        None if note is None else _optional_string(entry, "note", path, line),
        domain,
        path,
        line,
        {} if forms is None else _forms(forms, path, line),
        {} if sense is None else _sense(sense, path, line),
    )


def row_from_entry(entry, path: str | None = None, domain: str | None = None) -> tuple:
    """term_to_row(term_from_entry(...)): the same row, without the Term in between.

    A load keeps rows (issue 13), and nearly every entry of a large file is ko,
    en and a type as text: that entry's row is made here directly, its checks
    exactly term_from_entry's. Any other entry, and every problem, goes the
    long way, so each error is the one term_from_entry raises.
    """
    if type(entry) is dict and PLAIN_ENTRY.issuperset(entry):
        plain = _plain_texts(entry.get("ko"), entry.get("en"), entry.get("type"))
        if plain:
            ko, en, kind = plain
            return (ko, en, kind, (), (), None, domain, path, entry.get(LINE_KEY), None, None)
    return term_to_row(term_from_entry(entry, path, domain))


def _plain_texts(ko, en, kind) -> tuple[str, str, str | None] | None:
    """(ko, en, type) of a plain entry when term_from_entry would take them as they are:
    _required's short way (text already normalized; spaces collapsed, a blank one to
    nothing, which goes the long way), a known type, a headword with a letter."""
    if type(ko) is not str or type(en) is not str or not (kind is None or kind.__class__ is str):
        return None
    ko_text, en_text = " ".join(ko.split()), " ".join(en.split())
    normalized = (ko.isascii() or is_normalized(ko)) and (en.isascii() or is_normalized(en))
    if not (normalized and ko_text and en_text and (kind is None or kind in TERM_TYPES)):
        return None
    if "\uac00" <= ko_text[0] <= "\ud7a3" or HEADWORD_LETTER.search(ko_text):
        return ko_text, en_text, kind
    return None


# The entries of a large file, as bilingo and bench/bench_scan.py write them: `  - ko: `, `    en: `
# and an optional `    type: ` a line each, every value plain text that YAML reads as itself and
# row_from_entry takes as it is (rendering.PLAIN_SCALAR's letters and marks: a letter first, so
# never a number or an indicator; no `:` or `#`; Hangul syllables and ASCII only, so already
# NFC), and a known type. Each match starts at the line break before its entry and stops before
# the one after it. What is cheaper to check on all values at once is checked by plain_rows: one
# space between words and none at the end, no null.
_PLAIN_TEXT = "[A-Za-z\uac00-\ud7a3][A-Za-z0-9\uac00-\ud7a3._'()/&+ -]*"
PLAIN_ENTRY_LINES = LazyPattern(
    rf"\n  - ko: ({_PLAIN_TEXT})\n    en: ({_PLAIN_TEXT})"
    rf"(?:\n    type: ({'|'.join(TERM_TYPES)}))?(?=\n)"
)
NULL_TEXTS = frozenset(("null", "Null", "NULL"))  # the YAML nulls PLAIN_ENTRY_LINES may match


def plain_rows(text: str, path: str, read_head) -> tuple[dict, list] | None:
    """(the document without its entries, the entries' rows) when the entries fill the file
    after its `terms:` line and every one is plain (PLAIN_ENTRY_LINES); else None, and the
    file is parsed. `read_head(text, 0)`: the document of the lines up to `terms:`, or not a
    dict. A file in this layout is read in a fifth of the time of parsing it and checking
    entry by entry (issue 13)."""
    at = ("\n" + text).find("\nterms:\n")  # where the root's `terms:` line starts
    head = read_head(text[: at + 7], 0) if at >= 0 else None
    if type(head) is not dict or head.get("terms", "") is not None:
        return None
    domain = head.get("domain") if isinstance(head.get("domain"), str) else None
    text += "" if text.endswith("\n") else "\n"  # as the YAML readers take a last line
    start = at + 6  # the line break that ends `terms:`; the first entry is on the next line
    first = text.count("\n", 0, start) + 2
    found = PLAIN_ENTRY_LINES.findall(text, start)
    kos, ens, kinds = (list(map(itemgetter(field), found)) for field in range(3))
    count = len(found)
    typed = count - kinds.count("")
    if typed < count:  # some entries have no type: two lines, not three
        lines = list(accumulate(map(add, repeat(2, count), map(bool, kinds)), initial=first))
        kinds, end = [kind or None for kind in kinds], lines.pop()
    else:
        lines, end = range(first, first + 3 * count, 3), first + 3 * count
    # Every match ends before a line break and every line break but the last is in a match
    # (its first or inside it): then no character is left out, nothing else is in the text.
    if text.count("\n", start) != end - first + 1:
        return None
    # One space between words, none at the end: the indents hold a pair of spaces (`  - ko`)
    # or two (`    en`, `    type`), any other pair is in a value; no line ends in a space.
    if text.count("  ", start) != 3 * count + 2 * typed or text.find(" \n", start) >= 0:
        return None
    if not (NULL_TEXTS.isdisjoint(kos) and NULL_TEXTS.isdisjoint(ens)):
        return None
    # The rows made in C (a loop making 100,000 tuples of 11 takes twice the time): variants,
    # en_variants, note, domain, path, then the line, then forms and sense.
    every = [repeat(value, count) for value in ((), (), None, domain, path, None, None)]
    rows = zip(kos, ens, kinds, *every[:5], lines, *every[5:], strict=True)
    return head, list(rows)


def _term_type(value) -> TermType:
    # A dict look-up rather than Enum's call, which is ten times slower; a TermType given
    # by a caller (its hash is its name's) still goes through the call.
    return TERM_TYPE_OF.get(value) or TermType(value)


def _required(entry: dict, key: str, path, line) -> str:
    """ko or en, normalized; every problem is _required_string's."""
    value = entry.get(key)
    if type(value) is str and value and not value.isspace():  # nearly every entry
        # normalize_space, without its two calls when the text is already normalized (ASCII is)
        if value.isascii() or is_normalized(value):
            return " ".join(value.split())
        return normalize_space(value)
    return normalize_space(_required_string(entry, key, path, line))


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
                _conflict(term.ko, term.en, term.path, term.line, earlier.en, earlier.source)
            )
    return problems


def _conflict(ko: str, en: str, path, line, earlier_en: str, earlier_source: str) -> GlossaryError:
    return GlossaryError(
        f"`{ko}` is `{en}` here but `{earlier_en}` at {earlier_source}; keep one", path, line
    )


def rows_checked_across(rows: list[tuple]) -> tuple[list[tuple], list[GlossaryError]]:
    """Entries kept as rows (terms.term_to_row) without repeats (the first of entries repeated
    across files is kept), and the conflicts among them (as `conflicts`), in one pass: a load
    keeps rows, and 100,000 Terms cost a tenth of a second to make."""
    keys = ["".join(row[ROW_KO].split()) for row in rows]  # without_spaces, without its calls
    if len(set(keys)) == len(keys):  # the usual set: no headword twice, nothing to check
        return list(rows), []
    first: dict[str, int] = {}
    unique = []
    problems = []
    for number, (row, key) in enumerate(zip(rows, keys, strict=True)):
        earlier = first.setdefault(key, number)
        if earlier == number:
            unique.append(row)
        elif rows[earlier][ROW_EN] != row[ROW_EN]:
            path, line = rows[earlier][ROW_PATH], rows[earlier][ROW_LINE]
            source = f"{path}:{line}" if path else ""  # as Term.source
            ko, en = row[ROW_KO], row[ROW_EN]
            problems.append(
                _conflict(ko, en, row[ROW_PATH], row[ROW_LINE], rows[earlier][ROW_EN], source)
            )
    return unique, problems
