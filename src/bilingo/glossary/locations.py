"""Which glossary files are read (docs/design.md, "Which glossary files are read").

Explicit paths, else $BILINGO_GLOSSARY, else the built-in glossary plus the
user's own file. Only in that last set may the user's file redefine a built-in
headword: that is how a user overrides a default.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..errors import GlossaryError
from ..paths import builtin_glossary_dir, user_glossary_path
from ..terms import Term

GLOSSARY_ENV = "BILINGO_GLOSSARY"
GLOSSARY_SUFFIXES = (".yaml", ".yml")


def default_glossary_dir() -> Path:
    """The built-in glossary folder."""
    return builtin_glossary_dir()


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given, folders as their *.yaml/*.yml files in name order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.suffix in GLOSSARY_SUFFIXES))
        elif path.is_file():
            files.append(path)
        else:
            raise GlossaryError("no such glossary file or folder; check the path", str(path))
    return files


def user_overrides_apply(paths: Iterable | None) -> bool:
    """True for the default set (built-in + the user's file), where the user's file wins."""
    return not paths and not os.environ.get(GLOSSARY_ENV)


def resolve_glossary_paths(paths: Iterable[str | os.PathLike] | None = None) -> list[Path]:
    """The glossary files to read, by the rule in the module docstring."""
    if paths:
        return expand_paths(paths)
    from_environment = os.environ.get(GLOSSARY_ENV)
    if from_environment:
        return expand_paths(p for p in from_environment.split(os.pathsep) if p)
    files = expand_paths([default_glossary_dir()])
    user_file = user_glossary_path()
    if user_file.is_file():
        files.append(user_file)
    return files


def is_builtin(term: Term) -> bool:
    """Whether an entry was read from the built-in glossary, which bilingo never edits."""
    builtin = default_glossary_dir().resolve()
    return term.path is not None and builtin in Path(term.path).resolve().parents
