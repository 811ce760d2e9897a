"""Loading a glossary: read every file, validate across files, use the compiled cache."""

from __future__ import annotations

import os
from collections.abc import Iterable

from ..errors import GlossaryError, GlossaryProblems
from ..paths import user_glossary_path
from ..terms import Term, without_spaces
from .cache import CompiledCache
from .locations import resolve_glossary_paths, user_overrides_apply
from .parsed_files import read_parsed_file
from .reader import read_glossary_file
from .store import Glossary
from .validation import conflicts, without_repeats


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


def _apply_user_overrides(terms: list[Term]) -> list[Term]:
    """Drop built-in entries whose headword the user's own file redefines."""
    user_file = str(user_glossary_path())
    redefined = {without_spaces(t.ko) for t in terms if t.path == user_file}
    return [t for t in terms if t.path == user_file or without_spaces(t.ko) not in redefined]


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
    terms, problems = _read_glossary(paths, use_cache)
    if problems:
        raise GlossaryProblems(problems)
    glossary = Glossary(without_repeats(terms), files, cache_key=cache and cache.key)
    if cache:
        cache.save("rows", glossary.compiled())
    return glossary
