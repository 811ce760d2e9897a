"""The term store: read and validate glossary YAML files, look terms up, add entries.

A glossary is one or more YAML files (the contract is in DESIGN.md). Files
are read with PyYAML's safe loader (the C one when present), so no tag can
construct a Python object, and every entry remembers its `file:line`.

Which files are read: explicit paths, else $BILINGO_GLOSSARY, else the
built-in glossary plus the user's own file. In that last set the user's file
may redefine a built-in headword: that is how a user overrides a default.
"""

from __future__ import annotations

import contextlib
import difflib
import functools
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import korean
from .errors import DuplicateTermError, GlossaryError, GlossaryProblems, InputError
from .paths import builtin_glossary_dir, cache_dir, user_glossary_path
from .terms import Term, TermType

ENTRY_KEYS = ("ko", "en", "type", "variants", "en_variants", "note")
FILE_KEYS = ("domain", "terms")
TERM_TYPES = tuple(t.value for t in TermType)
TERM_TYPE_OF = {t.value: t for t in TermType}  # a dict lookup, not Enum's slower call
LINE_KEY = "__line__"  # where the loader records an entry's line; never a real key
NEW_FILE_HEADER = "# bilingo glossary: entries added with `bilingo add` land here.\nterms:\n"


# --------------------------------------------------------------------------- locations


def default_glossary_dir() -> Path:
    """The built-in glossary folder."""
    return builtin_glossary_dir()


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given, folders as their *.yaml/*.yml files in name order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        elif path.is_file():
            files.append(path)
        else:
            raise GlossaryError("no such glossary file or folder; check the path", str(path))
    return files


def resolve_glossary_paths(paths: Iterable[str | os.PathLike] | None = None) -> list[Path]:
    """The glossary files to read, by the rule of DESIGN.md."""
    if paths:
        return expand_paths(paths)
    from_environment = os.environ.get("BILINGO_GLOSSARY")
    if from_environment:
        return expand_paths(p for p in from_environment.split(os.pathsep) if p)
    files = expand_paths([default_glossary_dir()])
    user_file = user_glossary_path()
    if user_file.is_file():
        files.append(user_file)
    return files


# --------------------------------------------------------------------------- reading


def read_text(path: Path) -> str:
    """A glossary file's text; not-UTF-8 is a GlossaryError naming the line."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise GlossaryError(f"cannot read file: {error.strerror}", str(path)) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise GlossaryError("file is not UTF-8 text; save it as UTF-8", str(path), line) from None


def parse_yaml(text: str, path: str):
    """Parse one glossary file's text into dicts, lists and strings; errors name the line.

    Built from PyYAML's event stream (its C parser when present) rather than
    its node tree: a 100,000-entry file then parses in a fraction of the
    memory. Every mapping notes its line under LINE_KEY. Values stay text
    (`en: No` is the word "No", `ko: 2024` stays "2024" so validation can say
    what is wrong with it); a tag such as !!python is refused, never run.
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return _EventReader(yaml.parse(text, Loader=loader), path).document()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        reason = " ".join(str(part) for part in (error.context, error.problem) if part)
        line = mark.line + 1 if mark else None
        raise GlossaryError(f"malformed YAML: {reason}", path, line) from None
    except yaml.YAMLError as error:
        raise GlossaryError(f"malformed YAML: {error}", path) from None


YAML_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
STANDARD_TAG = re.compile(
    r"^(?:!|tag:yaml\.org,2002:(?:str|int|float|bool|null|timestamp|seq|map))$"
)


class _EventReader:
    """Builds plain Python values from a YAML event stream."""

    def __init__(self, events, path: str):
        self.events = iter(events)
        self.path = path

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
            is_plain = event.style is None and event.implicit[0]
            return None if is_plain and event.value in YAML_NULLS else event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
            for item in self.events:
                if isinstance(item, yaml.SequenceEndEvent):
                    return items
                items.append(self._value(item))
        mapping = {LINE_KEY: event.start_mark.line + 1}
        for key_event in self.events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            key = self._value(key_event)
            if isinstance(key, (list, dict)):
                raise self._error("a key must be a plain word such as `ko`", key_event)
            mapping[key] = self._value(next(self.events))
        return mapping

    def _error(self, reason: str, event) -> GlossaryError:
        return GlossaryError(f"malformed YAML: {reason}", self.path, event.start_mark.line + 1)


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
    ko = _required_string(entry, "ko", path, line)
    en = _required_string(entry, "en", path, line)
    if not (korean.contains_hangul(ko) or re.search(r"[A-Za-z]", ko)):
        raise GlossaryError(f"ko `{ko}` holds no Hangul and no Latin letter", path, line)
    term_type = entry.get("type")
    if term_type is not None and term_type not in TERM_TYPES:
        raise GlossaryError(
            f"type `{term_type}` is not one of: {', '.join(TERM_TYPES)}", path, line
        )
    return Term(
        ko=normalize_space(ko),
        en=normalize_space(en),
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
    return str(value)


def _string_list(entry: dict, key: str, path, line) -> list[str]:
    value = entry.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or any(isinstance(v, (list, dict)) or v is None for v in value):
        raise GlossaryError(f"`{key}` must be a list of strings", path, line)
    return [normalize_space(str(v)) for v in value if str(v).strip()]


def normalize_space(text: str) -> str:
    """Trim and collapse runs of whitespace to one space."""
    return " ".join(text.split())


def without_spaces(text: str) -> str:
    return "".join(text.split())


# --------------------------------------------------------------------------- the glossary


# Attributes a Glossary derives from its rows, dropped when the rows change.
DERIVED_PARTS = ("_by_korean", "_by_english", "_term_matcher", "_english_term_matcher")


class Glossary:
    """Loaded glossary entries with lookup indexes. Iterate it for its Terms.

    Entries are kept as plain rows and become Term objects when asked for,
    so a 100,000-entry glossary loaded from the compiled cache answers a
    lookup without building 100,000 objects.
    """

    def __init__(self, terms: Iterable[Term] = (), files=(), warnings=(), cache_key=None):
        self.files: list[Path] = list(files)
        self.warnings: list[str] = list(warnings)
        self.cache_key: str | None = cache_key
        self._rows: list[tuple] = [term_to_row(term) for term in terms]
        self._built: dict[int, Term] = {}

    @classmethod
    def from_compiled(cls, compiled: dict, cache_key: str | None = None) -> Glossary:
        """A glossary from the compiled cache's rows; indexes are read when first needed."""
        glossary = cls(files=compiled["files"], warnings=compiled["warnings"], cache_key=cache_key)
        glossary._rows = compiled["rows"]
        return glossary

    def compiled(self) -> dict:
        """The rows, the form the compiled cache stores."""
        return {
            "files": [str(path) for path in self.files],
            "warnings": self.warnings,
            "rows": self._rows,
        }

    def compiled_part(self, kind: str, build):
        """`build()`, or read it from the compiled cache when this glossary has one.

        Each part (lookup indexes, the matcher's automaton) is its own cache
        file, so a command reads only what it uses.
        """
        if self.cache_key is None:
            return build()
        cache = CompiledCache.for_key(self.cache_key)
        value = cache.load(kind)
        if value is None:
            value = build()
            cache.save(kind, value)
        return value

    @functools.cached_property
    def _by_korean(self) -> dict[str, list[int]]:
        return self.compiled_part("korean-index", lambda: korean_index(self._rows))

    @functools.cached_property
    def _by_english(self) -> dict[str, list[int]]:
        return self.compiled_part("english-index", lambda: english_index(self._rows))

    def term(self, index: int) -> Term:
        """The entry at `index` (the order the files were read in)."""
        term = self._built.get(index)
        if term is None:
            term = self._built[index] = row_to_term(self._rows[index])
        return term

    @property
    def terms(self) -> list[Term]:
        return [self.term(index) for index in range(len(self._rows))]

    @property
    def rows(self) -> list[tuple]:
        return self._rows

    def __iter__(self) -> Iterator[Term]:
        return (self.term(index) for index in range(len(self._rows)))

    def __len__(self) -> int:
        return len(self._rows)

    @functools.cached_property
    def _term_matcher(self):
        from .matcher import TermMatcher, build_automaton

        return TermMatcher(self, self.compiled_part("matcher", lambda: build_automaton(self._rows)))

    def matcher(self):
        """The term finder over this glossary, built once (or read from the cache)."""
        return self._term_matcher

    @functools.cached_property
    def _english_term_matcher(self):
        from .matcher import EnglishTermMatcher

        return EnglishTermMatcher(self)

    def english_matcher(self):
        """The finder of this glossary's English terms, for translating from English."""
        return self._english_term_matcher

    def get(self, ko: str) -> Term | None:
        """The entry whose headword (or variant) is `ko`, spacing ignored."""
        found = self._by_korean.get(without_spaces(ko))
        return self.term(found[0]) if found else None

    def lookup(self, query: str, reverse: bool = False) -> list[Term]:
        """Entries for a Korean query (particles allowed) or, reversed, an English one."""
        query = normalize_space(query)
        if not query:
            raise InputError("the query is empty", remedy="give-english-query")
        if reverse:
            return self._terms_at(self._by_english.get(query.casefold(), []))
        for stem, _particle in korean.split_particles(without_spaces(query)):
            found = self._by_korean.get(stem)
            if found:
                return self._terms_at(found)
        return []

    def _terms_at(self, indexes: list[int]) -> list[Term]:
        return [self.term(index) for index in dict.fromkeys(indexes)]

    def suggest(self, query: str, reverse: bool = False, limit: int = 5) -> list[str]:
        """Headwords (or English) closest to a query that found nothing."""
        query = normalize_space(query)
        if reverse:
            candidates = {row[ROW_EN].casefold(): row[ROW_EN] for row in self._rows}
            close = difflib.get_close_matches(query.casefold(), candidates, n=limit, cutoff=0.6)
            return [candidates[c] for c in close]
        candidates = {without_spaces(row[ROW_KO]): row[ROW_KO] for row in self._rows}
        close = difflib.get_close_matches(without_spaces(query), candidates, n=limit, cutoff=0.5)
        return [candidates[c] for c in close]

    def fingerprint(self) -> str:
        """A short hash of the entries, recorded in translation signatures."""
        digest = hashlib.sha256()
        for row in self._rows:
            digest.update(repr(row[:ROW_DOMAIN]).encode())
        return digest.hexdigest()[:12]

    def add(self, term: Term, to: str | os.PathLike | None = None, update: bool = False) -> Term:
        """Write `term` to a glossary file (default: the user's own) and index it.

        A headword the glossary already has is refused (DuplicateTermError)
        unless `update`, which rewrites the existing entry in place, keeping
        the fields `term` leaves empty (an entry of the built-in glossary is
        overridden in the user's file instead, since bilingo never edits it).
        """
        existing = self.get(term.ko)
        if existing and not update:
            raise DuplicateTermError(
                f"`{term.ko}` is already in the glossary as `{existing.ko}` \u2192 "
                f"`{existing.en}` ({existing.source})",
                existing=existing,
            )
        if existing and update:
            term = _merged(existing, term)
        target = Path(to) if to else None
        if existing and update and target is None and not _is_builtin(existing):
            target = Path(existing.path)
        written = write_term(term, target or user_glossary_path(), update=update)
        kept = [
            row for row in self._rows if not (existing and update and row[ROW_KO] == existing.ko)
        ]
        self.__init__([*map(row_to_term, kept), written], self.files, self.warnings)
        for derived in DERIVED_PARTS:  # computed from the old rows
            self.__dict__.pop(derived, None)
        return written

    def stats(self) -> tuple[dict[str, int], dict[str, int]]:
        """Entries per file and per type."""
        per_file: dict[str, int] = {}
        per_type: dict[str, int] = {}
        for term in self:
            per_file[term.path or "-"] = per_file.get(term.path or "-", 0) + 1
            kind = term.type.value if term.type else "(none)"
            per_type[kind] = per_type.get(kind, 0) + 1
        return per_file, per_type


def _merged(old: Term, new: Term) -> Term:
    """`new` with the optional fields it leaves empty taken from `old`."""
    return Term(
        ko=new.ko,
        en=new.en,
        type=new.type or old.type,
        variants=new.variants or old.variants,
        en_variants=new.en_variants or old.en_variants,
        note=new.note or old.note,
    )


# A row is a Term as a tuple, cheap to pickle and to load by the 100,000.
ROW_KO, ROW_EN, ROW_TYPE, ROW_VARIANTS, ROW_EN_VARIANTS, ROW_NOTE, ROW_DOMAIN = range(7)


def term_to_row(term: Term) -> tuple:
    kind = term.type.value if term.type else None
    return (
        term.ko,
        term.en,
        kind,
        tuple(term.variants),
        tuple(term.en_variants),
        term.note,
        term.domain,
        term.path,
        term.line,
    )


def row_to_term(row: tuple) -> Term:
    ko, en, kind, variants, en_variants, note, domain, path, line = row
    return Term(
        ko,
        en,
        TERM_TYPE_OF[kind] if kind else None,
        list(variants),
        list(en_variants),
        note,
        domain,
        path,
        line,
    )


def korean_index(rows: list[tuple]) -> dict[str, list[int]]:
    """Korean spellings without spaces (headwords and variants) -> row indexes."""
    index: dict[str, list[int]] = {}
    for number, row in enumerate(rows):
        for form in {without_spaces(form) for form in (row[ROW_KO], *row[ROW_VARIANTS])}:
            index.setdefault(form, []).append(number)
    return index


def english_index(rows: list[tuple]) -> dict[str, list[int]]:
    """English renderings, casefolded (en and en_variants) -> row indexes."""
    index: dict[str, list[int]] = {}
    for number, row in enumerate(rows):
        for english in {e.casefold() for e in (row[ROW_EN], *row[ROW_EN_VARIANTS])}:
            index.setdefault(english, []).append(number)
    return index


def _is_builtin(term: Term) -> bool:
    builtin = default_glossary_dir().resolve()
    return term.path is not None and builtin in Path(term.path).resolve().parents


# --------------------------------------------------------------------------- loading


def check_glossary(
    paths: Iterable[str | os.PathLike] | None = None,
) -> tuple[list[Term], list[GlossaryError], list[str]]:
    """Read every file; return the terms, every problem, and warnings."""
    files = resolve_glossary_paths(paths)
    overriding_user_file = not paths and not os.environ.get("BILINGO_GLOSSARY")
    terms: list[Term] = []
    problems: list[GlossaryError] = []
    for path in files:
        file_terms, file_problems = read_glossary_file(path)
        terms.extend(file_terms)
        problems.extend(file_problems)
    if overriding_user_file:
        terms = _apply_user_overrides(terms)
    problems.extend(_conflicts(terms))
    warnings = [
        f"{term.source}: one-syllable headword `{term.ko}` matches inside many words; "
        "prefer a longer form"
        for term in terms
        if len(without_spaces(term.ko)) == 1 and korean.contains_hangul(term.ko)
    ]
    return terms, problems, warnings


def _apply_user_overrides(terms: list[Term]) -> list[Term]:
    """Drop built-in entries whose headword the user's own file redefines."""
    user_file = str(user_glossary_path())
    redefined = {without_spaces(t.ko) for t in terms if t.path == user_file}
    return [t for t in terms if t.path == user_file or without_spaces(t.ko) not in redefined]


def _conflicts(terms: list[Term]) -> list[GlossaryError]:
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


def load_glossary(
    paths: Iterable[str | os.PathLike] | None = None, use_cache: bool = True
) -> Glossary:
    """Load and validate the glossary; any problem raises GlossaryProblems.

    The parsed glossary is kept in a compiled cache (see `compiled_cache`),
    so a large glossary is parsed once, not on every command.

    >>> glossary = load_glossary()            # built-in + your own entries
    >>> glossary.lookup("딥시크의")[0].en
    'DeepSeek'
    """
    paths = list(paths) if paths else None
    files = resolve_glossary_paths(paths)
    cache = CompiledCache(files, user_overrides=_user_overrides_apply(paths)) if use_cache else None
    compiled = cache.load("rows") if cache else None
    if compiled is not None:
        return Glossary.from_compiled(compiled, cache_key=cache.key)
    terms, problems, warnings = check_glossary(paths)
    if problems:
        raise GlossaryProblems(problems)
    glossary = Glossary(_dedupe(terms), files, warnings, cache_key=cache.key if cache else None)
    if cache:
        cache.save("rows", glossary.compiled())
    return glossary


def _user_overrides_apply(paths) -> bool:
    return not paths and not os.environ.get("BILINGO_GLOSSARY")


# --------------------------------------------------------------------------- compiled cache
#
# Parsing 100,000 YAML entries takes seconds even with the C loader, so the
# parsed rows, the lookup indexes and the matcher's automaton are pickled into
# the user cache folder. The key covers every file's path, size and
# modification time (and bilingo's version), so any edit gives a new key and
# a stale cache is never read. Files are written to a temp name and renamed,
# so two processes building at once both leave a whole file; an unreadable
# cache is reported and rebuilt.


class CompiledCache:
    """Pickled artefacts of one glossary file set, keyed on the files' state."""

    def __init__(self, files: list[Path], user_overrides: bool = False):
        from . import __version__

        digest = hashlib.sha256(f"{__version__}|{user_overrides}".encode())
        for path in files:
            stat = path.stat()
            digest.update(f"|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}".encode())
        self.key = digest.hexdigest()[:24]

    @classmethod
    def for_key(cls, key: str) -> CompiledCache:
        """The cache of a glossary already loaded (its key is known)."""
        cache = cls.__new__(cls)
        cache.key = key
        return cache

    def path(self, kind: str) -> Path:
        return cache_dir() / f"{kind}-{self.key}.pickle"

    def load(self, kind: str):
        """The cached object, or None when absent or unreadable (with a warning)."""
        import pickle

        path = self.path(kind)
        try:
            with path.open("rb") as handle, _garbage_collector_paused():
                return pickle.load(handle)
        except FileNotFoundError:
            return None
        except Exception as error:  # a damaged cache must never stop the user
            _warn(f"ignoring unreadable cache {path} ({error.__class__.__name__}); rebuilding it")
            return None

    def save(self, kind: str, value) -> None:
        """Store an artefact; failure to write a cache only costs speed, so it only warns."""
        import pickle

        path = self.path(kind)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            self._remove_older(kind)
        except OSError as error:
            _warn(f"cannot write cache {path} ({error.strerror}); continuing without it")

    def _remove_older(self, kind: str) -> None:
        """Keep the cache folder from growing with every edit of a glossary."""
        import time

        week_ago = time.time() - 7 * 24 * 3600
        for old in cache_dir().glob(f"{kind}-*.pickle"):
            try:
                if old != self.path(kind) and old.stat().st_mtime < week_ago:
                    old.unlink()
            except OSError:
                pass


@contextlib.contextmanager
def _garbage_collector_paused():
    """Unpickling 100,000 rows makes the cycle collector run for nothing: a third of the time."""
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()  # what was loaded lives as long as the process: never scan it again
        if was_enabled:
            gc.enable()


def _warn(message: str) -> None:
    import logging

    logging.getLogger("bilingo").warning(message)


def _dedupe(terms: list[Term]) -> list[Term]:
    """Keep the first of entries repeated identically across files."""
    seen: set[str] = set()
    unique = []
    for term in terms:
        key = without_spaces(term.ko)
        if key not in seen:
            seen.add(key)
            unique.append(term)
    return unique


# --------------------------------------------------------------------------- writing
#
# Entries are written as text into the file as it stands, so every comment and
# the layout of the rest of the file survive. PyYAML's node marks say where
# each entry starts and ends. Every write holds a lock on the file, re-reads it
# under the lock (so concurrent writers see each other), checks that the new
# text parses, writes a temporary file beside it and renames it into place.


def write_term(term: Term, path: Path, update: bool = False) -> Term:
    """Append `term` to the file at `path` (or replace its entry when `update`)."""

    def rewrite(text: str) -> tuple[str, Term]:
        new_text = _text_with_term(text, term, str(path), update)
        return new_text, _validated_entry(new_text, term, str(path))

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
        return text, _validated_entries(text, terms, str(path))

    return _locked_rewrite(Path(path).expanduser(), rewrite)


def _locked_rewrite(path: Path, rewrite):
    """Under the file's lock: re-read it, rewrite its text, validate, replace it atomically."""
    import filelock

    _check_writable_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with filelock.FileLock(str(path) + ".lock", timeout=30):
            text = read_text(path) if path.exists() else NEW_FILE_HEADER
            new_text, result = rewrite(text)
            atomic_write_text(path, new_text)
    except (OSError, filelock.Timeout) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise GlossaryError(
            f"cannot write ({reason}); the file was not changed", str(path)
        ) from None
    return result


def _text_with_more_terms(text: str, anchor: Term, more: list[Term], path: str) -> str:
    import yaml

    if not more:
        return text
    document = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    _, terms_node = _terms_node(document, path)
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
    indent = " " * anchor_node.start_mark.column
    dash_indent = indent[:-2] if len(indent) >= 2 else ""
    lines = text.splitlines(keepends=True)
    last = _last_content_line(anchor_node)
    block = "".join(render_entry(term, dash_indent) for term in more)
    return "".join(lines[: last + 1] + [block] + lines[last + 1 :])


def _validated_entries(new_text: str, terms: list[Term], path: str) -> list[Term]:
    """Parse the text about to be written once; return the new entries as they read back."""
    document = parse_yaml(new_text, path)
    if not isinstance(document, dict) or not isinstance(document.get("terms"), list):
        raise GlossaryError("the file would not hold a `terms:` list after this write", path)
    by_korean = {
        without_spaces(str(entry.get("ko", ""))): entry
        for entry in document["terms"]
        if isinstance(entry, dict)
    }
    written = []
    for term in terms:
        entry = by_korean.get(without_spaces(term.ko))
        if entry is None:
            raise GlossaryError("a new entry could not be read back; nothing was written", path)
        written.append(term_from_entry(entry, path, domain=document.get("domain")))
    return written


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


def atomic_write_text(path: Path, text: str) -> None:
    """Write a temp file beside `path`, flush it to disk, rename it over `path`."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a temp file beside `path`, flush it to disk, rename it over `path`."""
    import tempfile

    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _text_with_term(text: str, term: Term, path: str, update: bool) -> str:
    import yaml

    document = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    terms_key, terms_node = _terms_node(document, path)
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
        return _with_block_list(lines, terms_key, terms_node, term)
    indent = " " * terms_node.value[0].start_mark.column
    entry = render_entry(term, indent[:-2] if len(indent) >= 2 else "")
    if existing is not None:
        first, last = existing.start_mark.line, _last_content_line(existing)
        return "".join(lines[:first] + [entry] + lines[last + 1 :])
    last = _last_content_line(terms_node.value[-1])
    return "".join(lines[: last + 1] + [entry] + lines[last + 1 :])


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


def _with_block_list(lines: list[str], terms_key, terms_node, term: Term) -> str:
    """Turn `terms:`, `terms: []` or a flow list into a block list holding `term`."""
    import yaml

    row = terms_key.start_mark.line
    old_items = []
    if isinstance(terms_node, yaml.SequenceNode):
        end = terms_node.end_mark.line
        old_items = [yaml.safe_load(yaml.serialize(item)) for item in terms_node.value]
    else:
        end = row
    key_indent = " " * terms_key.start_mark.column
    items = [term_from_entry(item) for item in old_items] + [term]
    block = f"{key_indent}terms:\n" + "".join(render_entry(t, key_indent + "  ") for t in items)
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


def _validated_entry(new_text: str, term: Term, path: str) -> Term:
    """Parse the text about to be written; return the entry as it will be read back."""
    document = parse_yaml(new_text, path)
    if not isinstance(document, dict) or not isinstance(document.get("terms"), list):
        raise GlossaryError("the file would not hold a `terms:` list after this write", path)
    for entry in document["terms"]:
        if isinstance(entry, dict) and without_spaces(str(entry.get("ko", ""))) == without_spaces(
            term.ko
        ):
            return term_from_entry(entry, path, domain=document.get("domain"))
    raise GlossaryError("the new entry could not be read back; nothing was written", path)
