"""Loading a glossary: read every file, validate across files, use the compiled cache."""

from __future__ import annotations

import os
from collections.abc import Iterable
from operator import attrgetter, itemgetter
from pathlib import Path

from ..collector import garbage_collector_paused
from ..errors import GlossaryError, GlossaryProblems
from ..forked import write_in_background
from ..paths import user_glossary_path
from ..terms import ROW_KO, ROW_PATH, Term, term_to_row, without_spaces
from .cache import CompiledCache, EncodedRows
from .locations import resolve_glossary_paths, user_overrides_apply
from .store import Glossary

# Reading and checking YAML (parsed_files, reader, validation's checks across files) is
# imported by the functions that read files: a load from the compiled cache needs none of it.


def check_glossary(
    paths: Iterable[str | os.PathLike] | None = None, use_cache: bool = True
) -> tuple[list[Term], list[GlossaryError], list[str]]:
    """Read every file; return the terms, every problem, and warnings (nothing is raised).

    `use_cache`: take each file's parsed entries from its stored part when its
    contents have one (glossary/parsed_files.py), else parse every file.
    """
    from .lint import entry_warnings  # validate's; a load does not need them

    terms, problems = _read_glossary(paths, use_cache)
    return terms, problems, entry_warnings(terms)


def _read_glossary(
    paths: Iterable[str | os.PathLike] | None, use_cache: bool
) -> tuple[list[Term], list[GlossaryError]]:
    """Every file's terms (user overrides applied) and every problem, across files too."""
    from .parsed_files import read_parsed_file
    from .reader import read_glossary_file
    from .validation import conflicts

    paths = list(paths) if paths else None
    read = read_parsed_file if use_cache else read_glossary_file
    terms: list[Term] = []
    problems: list[GlossaryError] = []
    for path in resolve_glossary_paths(paths):
        file_terms, file_problems = read(path)
        terms.extend(file_terms)
        problems.extend(file_problems)
    if user_overrides_apply(paths):
        terms = _apply_user_overrides(terms)
    problems.extend(conflicts(terms))
    return terms, problems


def _apply_user_overrides(
    entries: list, path_of=attrgetter("path"), ko_of=attrgetter("ko")
) -> list:
    """Drop built-in entries whose headword the user's own file redefines (Terms, or rows
    with itemgetters)."""
    user_file = str(user_glossary_path())
    redefined = {without_spaces(ko_of(e)) for e in entries if path_of(e) == user_file}
    return [
        e for e in entries if path_of(e) == user_file or without_spaces(ko_of(e)) not in redefined
    ]


def _read_rows(
    paths: list | None, files: list[Path], unsaved: list | None
) -> tuple[list[tuple], list[GlossaryError]]:
    """_read_glossary for a load: the entries as rows (what a Glossary keeps), no repeats.

    The same steps on rows rather than Terms: a 100,000-entry load neither turns
    parts into Terms nor Terms back into rows, and checks across files in one pass.
    `unsaved`: None reads no stored part, else collects the parts to store (save_parts).
    """
    from .parsed_files import read_parsed_rows
    from .reader import read_glossary_file
    from .validation import rows_checked_across

    rows: list[tuple] = []
    problems: list[GlossaryError] = []
    for path in files:
        if unsaved is not None:
            file_rows, file_problems = read_parsed_rows(path, unsaved)
        else:
            file_terms, file_problems = read_glossary_file(path)
            file_rows = [term_to_row(term) for term in file_terms]
        rows.extend(file_rows)
        problems.extend(file_problems)
    if user_overrides_apply(paths):
        rows = _apply_user_overrides(rows, itemgetter(ROW_PATH), itemgetter(ROW_KO))
    unique, conflicting = rows_checked_across(rows)
    return unique, problems + conflicting


def load_glossary(
    paths: Iterable[str | os.PathLike] | None = None, use_cache: bool = True
) -> Glossary:
    """Load and validate the glossary; any problem raises GlossaryProblems (or the one error).

    `paths`: glossary files or folders; None reads $BILINGO_GLOSSARY, else the
    built-in glossary plus your own file. The parsed glossary is kept in the
    compiled cache, so a large glossary is parsed once, not on every call.

    >>> glossary = load_glossary()            # built-in + your own entries
    >>> glossary.lookup("딥시크의")[0].en
    'DeepSeek'
    """
    paths = list(paths) if paths else None
    files = resolve_glossary_paths(paths)
    cache = CompiledCache(files, user_overrides=user_overrides_apply(paths)) if use_cache else None
    compiled = cache.load("rows") if cache else None
    if compiled is not None:
        return Glossary.from_compiled(compiled, cache_key=cache.key)
    from .parsed_files import save_parts

    # Parsing and validating allocates by the 100,000 and frees nothing: the cycle collector
    # would only walk it all again and again (about a fifth of a cold load; issue 13).
    with garbage_collector_paused():
        unsaved: list | None = [] if use_cache else None
        rows, problems = _read_rows(paths, files, unsaved)
        if problems:
            save_parts(unsaved or [])  # of the files without problems, as every load stores
            raise GlossaryProblems(problems)
        # The rows as Glossary(terms, files) would make them, without making the Terms.
        glossary = Glossary.from_compiled(
            {"files": files, "rows": rows}, cache_key=cache and cache.key
        )
        if cache:
            write_in_background(_save_loaded, cache, glossary, unsaved)
    return glossary


def _save_loaded(cache: CompiledCache, glossary: Glossary, unsaved: list) -> None:
    """The set's rows part and each file's part; one file's are the same rows and are
    encoded once."""
    from .parsed_files import save_parts

    encoded = EncodedRows(glossary.rows)
    cache.save_rows(encoded, glossary.compiled()["files"])
    save_parts(unsaved, encoded)


def lookup_source(paths: Iterable[str | os.PathLike] | None = None, rebuild: bool = False):
    """What a lookup reads: the compiled cache's lookup part when it is stored (a few rows
    read, not the whole glossary: lookup_store.py), else the loaded glossary, whose part is
    then stored for the next lookup. Either answers `lookup` and `suggest` alike.

    `rebuild`: the stored part turned out damaged; the glossary answers and replaces it.
    """
    from .lookup_store import LookupStore, save

    paths = list(paths) if paths else None
    files = resolve_glossary_paths(paths)
    cache = CompiledCache(files, user_overrides=user_overrides_apply(paths))
    store = None if rebuild else LookupStore.open(cache)
    if store is not None:
        return store
    glossary = load_glossary(paths)
    if glossary.cache_key == cache.key:  # its rows are stored: the part describes them
        save(cache, glossary)
    return glossary
