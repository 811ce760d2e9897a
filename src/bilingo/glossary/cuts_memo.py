"""Kept answers of the spacing alignment, so a cold matcher build does not redo them.

Building the matcher adds every spacing of a solid key (spacing.py); where
the parts meet is mostly found by aligning the Hangul with the English words
(soundalike.english_cuts), about half of building the built-in glossary's
automaton. Its answer depends only on its four arguments, so the answers a
build used are kept, and the next build (after any glossary edit) reads them
instead (docs/design.md, "Parsed files"):

    <cache>/english-cuts-CODE.json              the last build's answers
    glossary/compiled/english-cuts-CODE.json    the built-in glossary's, shipped

CODE (16 hex digits) covers the format, bilingo's version and the source of
spacing.py and soundalike.py, so a change to the alignment never reads old
answers. A file that is not exactly what this version wrote is reported and
ignored; the answers are then worked out again.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from .. import soundalike, spacing
from ..errors import warn
from ..files import atomic_write_bytes
from ..paths import cache_dir
from ..spacing import EnglishCutsKey, PartFinder
from .cache import FORMAT, CacheFileError
from .locations import default_glossary_dir
from .parsed_files import SHIPPED_FOLDER

PART = "english-cuts"


@functools.cache
def code_key() -> str:
    from ..version import __version__

    digest = hashlib.sha256(f"{FORMAT}|{PART}|{__version__}".encode())
    for module in (spacing, soundalike):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


def memo_path(folder: Path) -> Path:
    return folder / f"{PART}-{code_key()}.json"


def known_cuts() -> dict[EnglishCutsKey, tuple[int, ...]]:
    """The kept answers: the shipped ones for the built-in glossary, then the user cache's."""
    known: dict[EnglishCutsKey, tuple[int, ...]] = {}
    for folder in (default_glossary_dir() / SHIPPED_FOLDER, cache_dir()):
        known.update(_read(memo_path(folder)))
    return known


def finder_with_known_cuts(rows: list[tuple]) -> PartFinder:
    return PartFinder(rows, known_english_cuts=known_cuts())


def keep_new_cuts(finder: PartFinder) -> None:
    """Store the answers the build used, when it had to work any out (else nothing changes)."""
    if finder.english_cuts_used.keys() <= finder.known_english_cuts.keys():
        return
    path = memo_path(cache_dir())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_memo(path, finder.english_cuts_used)
        for old in path.parent.glob(f"{PART}-*.json"):  # another version's answers
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as error:
        warn(f"cannot write cache {path} ({error.strerror or error}); continuing without it")


def write_memo(path: Path, answers: dict[EnglishCutsKey, tuple[int, ...]]) -> None:
    entries = [[*key[:3], list(key[3]), list(cuts)] for key, cuts in sorted(answers.items())]
    data = {"format": FORMAT, "part": PART, "key": code_key(), "entries": entries}
    atomic_write_bytes(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode())


def _read(path: Path) -> dict[EnglishCutsKey, tuple[int, ...]]:
    try:
        data = json.loads(path.read_bytes())
        if (data.get("format"), data.get("part"), data.get("key")) != (FORMAT, PART, code_key()):
            raise CacheFileError("not this version's format")
        return dict(map(_entry, data["entries"]))
    except FileNotFoundError:
        return {}
    except Exception as error:  # a damaged memo only costs the time to work it out again
        reason = str(error) if isinstance(error, CacheFileError) else type(error).__name__
        warn(f"ignoring unreadable cache {path} ({reason}); rebuilding it")
        return {}


def _entry(item) -> tuple[EnglishCutsKey, tuple[int, ...]]:
    """One kept answer, checked: the cuts must fall inside the spelling."""
    solid, english, person, written, cuts = item
    if not (type(solid) is str and type(english) is str and type(person) is bool):
        raise CacheFileError("a wrong type")
    positions = [*written, *cuts]
    if not all(type(cut) is int and 0 < cut < len(solid) for cut in positions):
        raise CacheFileError("a cut out of range")
    return (solid, english, person, tuple(written)), tuple(cuts)
