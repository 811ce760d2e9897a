"""The Glossary: loaded entries, their lookup indexes, and the edits that write files.

Entries are kept as plain rows (bilingo.terms) and become Term objects when
asked for, so a 100,000-entry glossary loaded from the compiled cache answers
a lookup without building 100,000 objects. Each index (Korean spellings,
English renderings, the matcher's automaton) is built on first use, or read
from the compiled cache when the glossary came from one.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import korean
from ..errors import DuplicateTermError, GlossaryError, InputError, TermNotFound
from ..forked import write_in_background
from ..paths import user_glossary_path
from ..terms import (
    ROW_DOMAIN,
    ROW_EN,
    ROW_EN_VARIANTS,
    ROW_FORMS,
    ROW_KO,
    ROW_NOTE,
    ROW_PATH,
    ROW_SENSE,
    ROW_TYPE,
    ROW_VARIANTS,
    Term,
    normalize_space,
    row_to_term,
    term_to_row,
    without_spaces,
)
from .cache import CompiledCache
from .locations import is_builtin

# Attributes a Glossary derives from its rows, dropped when the rows change.
DERIVED_PARTS = ("_by_korean", "_by_english", "_term_matcher", "_english_term_matcher")


class Glossary:
    """Loaded glossary entries with lookup indexes. Iterate it for its Terms."""

    def __init__(self, terms: Iterable[Term] = (), files=(), warnings=None, cache_key=None):
        self.files: list[Path] = list(files)
        self._warnings: list[str] | None = None if warnings is None else list(warnings)
        self._fingerprint: str | None = None
        self.cache_key: str | None = cache_key
        self._rows: list[tuple] = [term_to_row(term) for term in terms]
        self._built: dict[int, Term] = {}

    # ----------------------------------------------------------------- compiled form

    @classmethod
    def from_compiled(cls, compiled: dict, cache_key: str | None = None) -> Glossary:
        """A glossary from the compiled cache's rows; indexes are read when first needed."""
        glossary = cls(files=compiled["files"], cache_key=cache_key)
        glossary._rows = compiled["rows"]
        return glossary

    def compiled(self) -> dict:
        """The rows, the form the compiled cache stores."""
        return {
            "files": [str(path) for path in self.files],
            "rows": self._rows,
        }

    def compiled_part(self, kind: str, build):
        """`build()`, or read it from the compiled cache when this glossary has one.

        Each part (lookup indexes, the matcher's automaton) is its own cache
        file, so a command reads only what it uses; its row numbers are
        checked against this glossary's rows when it is read.
        """
        if self.cache_key is None:
            return build()
        cache = CompiledCache.for_key(self.cache_key)
        value = cache.load(kind, rows=len(self._rows))
        if value is None:
            value = build()
            write_in_background(cache.save, kind, value)
        return value

    @property
    def warnings(self) -> list[str]:
        """What `glossary validate` would warn about these entries (worked out when first asked:
        a load does not need it)."""
        if self._warnings is None:
            from .lint import entry_warnings

            self._warnings = entry_warnings(list(self))
        return self._warnings

    def _replace_rows(self, rows: list[tuple]) -> None:
        """New entries in memory: derived indexes go, and the cache no longer describes them."""
        self._rows = rows
        self._built = {}
        self._warnings = None
        self._fingerprint = None
        self.cache_key = None
        for derived in DERIVED_PARTS:
            self.__dict__.pop(derived, None)

    # ----------------------------------------------------------------- entries

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

    # ----------------------------------------------------------------- finding

    @functools.cached_property
    def _by_korean(self) -> dict[str, list[int]]:
        return self.compiled_part("korean-index", lambda: korean_index(self._rows))

    @functools.cached_property
    def _by_english(self) -> dict[str, list[int]]:
        return self.compiled_part("english-index", lambda: english_index(self._rows))

    @functools.cached_property
    def _term_matcher(self):
        from ..matcher import TermMatcher

        return TermMatcher(self, self.compiled_part("matcher", self._build_automaton))

    def _build_automaton(self):
        """The matcher's automaton, reusing the spacing alignments earlier builds kept."""
        from ..collector import garbage_collector_paused
        from ..matcher import build_automaton
        from .cuts_memo import finder_with_known_cuts, keep_new_cuts

        with garbage_collector_paused():  # 200,000 keys and their values, no cycle among them
            finder = finder_with_known_cuts(self._rows)
            built = build_automaton(self._rows, finder)
        write_in_background(keep_new_cuts, finder)
        return built

    def matcher(self):
        """The finder of this glossary's terms in Korean text, built once (or read from the cache)."""
        return self._term_matcher

    @functools.cached_property
    def _english_term_matcher(self):
        from ..matcher import EnglishTermMatcher

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
        # Each index is read (or built) only when the query needs it: lambdas, not bound .get.
        found = rows_found(
            query,
            reverse,
            lambda key: self._by_korean.get(key),
            lambda key: self._by_english.get(key),
        )
        return [self.term(index) for index in found]

    def suggest(self, query: str, reverse: bool = False, limit: int = 5) -> list[str]:
        """Headwords (or English) closest to a query that found nothing."""
        from .suggestions import english_keys, headword_keys, suggest_english, suggest_headwords

        query = normalize_space(query)
        if reverse:
            keys = english_keys([row[ROW_EN] for row in self._rows])
            return [self._rows[row][ROW_EN] for row in suggest_english(keys, query, limit)]
        # Headwords that begin with the query come first (딥시 -> 딥시크, 딥시크-V3), then the
        # closest others: in a large glossary many short words are as "close" (워시, 시흥).
        joined = "\n".join(headword_keys([row[ROW_KO] for row in self._rows]))
        return [self._rows[row][ROW_KO] for row in suggest_headwords(joined, query, limit)]

    def fingerprint(self) -> str:
        """A short hash of the entries, recorded in translation signatures.

        Worked out once per version of the entries and kept in the compiled
        cache: every translation asks for it, and hashing 3,800 rows takes
        about 10 ms (most of a short request to `bilingo serve`, and of the
        fixed work of every `bilingo translate`).
        """
        if self._fingerprint is None:
            self._fingerprint = self.compiled_part("fingerprint", self._hashed_rows)
        return self._fingerprint

    def _hashed_rows(self) -> str:
        digest = hashlib.sha256()
        for row in self._rows:
            digest.update(repr(row[:ROW_DOMAIN]).encode())
            if row[ROW_FORMS] or row[ROW_SENSE]:  # so a glossary without them hashes as before
                extra = json.dumps([row[ROW_FORMS], row[ROW_SENSE]], sort_keys=True)
                digest.update(f"|{extra}".encode())
        return digest.hexdigest()[:12]

    def stats(self) -> tuple[dict[str, int], dict[str, int]]:
        """Entries per file and per type."""
        per_file: dict[str, int] = {}
        per_type: dict[str, int] = {}
        for row in self._rows:  # rows, not Terms: 100,000 entries are counted in a blink
            per_file[row[ROW_PATH] or "-"] = per_file.get(row[ROW_PATH] or "-", 0) + 1
            kind = row[ROW_TYPE] or "(none)"
            per_type[kind] = per_type.get(kind, 0) + 1
        return per_file, per_type

    def summary(self) -> dict:
        """What `bilingo glossary stats --format json` shows: the counts of `stats()` (total,
        files, types), entries per domain, and how many entries have a note (and how many
        persons do), no English variants, forms and a sense, in all and per file."""
        per_file, per_type = self.stats()
        by_file: dict[str, dict] = {}
        for row in self._rows:
            counts = by_file.get(row[ROW_PATH] or "-")
            if counts is None:
                counts = by_file[row[ROW_PATH] or "-"] = {"domain": row[ROW_DOMAIN], **ZERO_COUNTS}
            _count_row(counts, row)
        totals = {key: sum(c[key] for c in by_file.values()) for key in COUNT_KEYS}
        domains: dict[str, int] = {}
        for counts in by_file.values():
            domain = counts["domain"] or "(none)"
            domains[domain] = domains.get(domain, 0) + counts["entries"]
        return {
            "total": len(self),
            "files": per_file,
            "types": per_type,
            "domains": domains,
            **{key: totals[key] for key in COUNT_KEYS[1:]},
            "note_share": _share(totals["with_note"], totals["entries"]),
            "person_note_share": _share(totals["persons_with_note"], totals["persons"]),
            "by_file": by_file,
        }

    # ----------------------------------------------------------------- editing

    def add(
        self, term: Term, path: str | os.PathLike | None = None, *, update: bool = False
    ) -> Term:
        """Write `term` to a glossary file (default: the user's own) and index it.

        A headword the glossary already has is refused (DuplicateTermError,
        which carries the existing entry) unless `update`, which rewrites the
        existing entry in place, keeping the fields `term` leaves empty. An
        entry of the built-in glossary is never edited: it is overridden in
        the user's own file instead. Returns the entry as written (with its
        file and line).
        """
        existing = self.get(term.ko)
        if existing and not update:
            raise DuplicateTermError(
                f"`{term.ko}` is already in the glossary as `{existing.ko}` \u2192 "
                f"`{existing.en}` ({existing.source})",
                existing=existing,
            )
        target = Path(path) if path else None
        if existing and update:
            term = _merged(existing, term)
            if target is None and not is_builtin(existing):
                target = Path(existing.path)
        from .writer import write_term  # the YAML writer: only an edit needs it

        written = write_term(term, target or user_glossary_path(), update=update)
        replaced = existing.ko if existing and update else None
        kept = [row for row in self._rows if row[ROW_KO] != replaced]
        self._replace_rows([*kept, term_to_row(written)])
        return written

    def update(self, term: Term, path: str | os.PathLike | None = None) -> Term:
        """`add` with update: replace the entry for term.ko in place, or add it when new."""
        return self.add(term, path, update=True)

    def remove(self, ko: str, path: str | os.PathLike | None = None) -> Term:
        """Delete the entry whose headword is `ko` from its file (or from `path`); returns it.

        Without `path` the entry must be in this glossary under that headword
        (a variant is not enough) and outside the built-in glossary, which
        bilingo never edits. With `path` it is removed from that file.
        """
        from .writer import remove_term

        target = Path(self._removable(ko).path) if path is None else Path(path)
        removed = remove_term(ko, target)
        resolved = target.expanduser().resolve()
        kept = [
            row
            for row in self._rows
            if not (
                without_spaces(row[ROW_KO]) == without_spaces(ko)
                and row[ROW_PATH]
                and Path(row[ROW_PATH]).resolve() == resolved
            )
        ]
        self._replace_rows(kept)
        return removed

    def _removable(self, ko: str) -> Term:
        existing = self.get(ko)
        if existing is None:
            raise TermNotFound(f"`{ko}` is not in the glossary")
        if without_spaces(existing.ko) != without_spaces(ko):
            raise TermNotFound(
                f"`{ko}` is a variant of `{existing.ko}`, not a headword ({existing.source})"
            )
        if is_builtin(existing):
            raise GlossaryError(
                f"`{existing.ko}` is in the built-in glossary ({existing.source}), "
                "which bilingo never edits",
                remedy="override-builtin",
                ko=existing.ko,
            )
        return existing


def _merged(old: Term, new: Term) -> Term:
    """`new` with the optional fields it leaves empty taken from `old`; forms are merged
    form by form (`add --form short=Fed --update` keeps the attributive form)."""
    return Term(
        ko=new.ko,
        en=new.en,
        type=new.type or old.type,
        variants=new.variants or old.variants,
        en_variants=new.en_variants or old.en_variants,
        note=new.note or old.note,
        forms={**old.forms, **new.forms},
        sense=new.sense or old.sense,
    )


# What glossary stats counts, in all and per file (Glossary.summary).
COUNT_KEYS = (
    "entries", "with_note", "persons", "persons_with_note", "without_en_variants", "with_forms",
    "with_sense",
)  # fmt: skip
ZERO_COUNTS = dict.fromkeys(COUNT_KEYS, 0)


def _count_row(counts: dict, row: tuple) -> None:
    person, noted = row[ROW_TYPE] == "person", bool(row[ROW_NOTE])
    counts["entries"] += 1
    counts["with_note"] += noted
    counts["persons"] += person
    counts["persons_with_note"] += person and noted
    counts["without_en_variants"] += not row[ROW_EN_VARIANTS]
    counts["with_forms"] += bool(row[ROW_FORMS])
    counts["with_sense"] += bool(row[ROW_SENSE])


def _share(part: int, whole: int) -> float | None:
    """part / whole to three places; None when there is no whole."""
    return round(part / whole, 3) if whole else None


def rows_found(query: str, reverse: bool, korean_rows, english_rows) -> list[int]:
    """The rows a lookup answers with, each once: of the first particle reading of a Korean
    query whose stem is a key, or of an English query casefolded.

    `korean_rows`, `english_rows`: key -> row numbers or None (an index's `get`; the
    lookup part's queries in lookup_store.py).
    """
    query = normalize_space(query)
    if not query:
        raise InputError("the query is empty", remedy="give-english-query")
    if reverse:
        return list(dict.fromkeys(english_rows(query.casefold()) or ()))
    for stem, _particle in korean.split_particles(without_spaces(query)):
        found = korean_rows(stem)
        if found:
            return list(dict.fromkeys(found))
    return []


def korean_index(rows: list[tuple]) -> dict[str, list[int]]:
    """Korean spellings without spaces (headwords and variants) -> row indexes."""
    index: dict[str, list[int]] = {}
    for number, row in enumerate(rows):
        for form in {without_spaces(form) for form in (row[ROW_KO], *row[ROW_VARIANTS])}:
            index.setdefault(form, []).append(number)
    return index


def english_index(rows: list[tuple]) -> dict[str, list[int]]:
    """English renderings, casefolded (en, en_variants and forms: Chinese finds 중국) -> rows."""
    index: dict[str, list[int]] = {}
    for number, row in enumerate(rows):
        forms = row[ROW_FORMS].values() if row[ROW_FORMS] else ()
        for english in {e.casefold() for e in (row[ROW_EN], *row[ROW_EN_VARIANTS], *forms)}:
            index.setdefault(english, []).append(number)
    return index
