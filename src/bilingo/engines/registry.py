"""Which engines the installed packages register, remembered between runs.

Finding them means importlib.metadata reading every installed distribution
(~20 ms with 160 packages installed, its import included) on every
`bilingo translate`. So the answer is kept in the cache folder
(`engines.json`), keyed by sys.path with each folder's modification time,
together with the time of each registering package's entry_points.txt.
Installing, upgrading or removing a package adds or removes a folder in a
sys.path folder, which changes that folder's time; editing a registering
package's entry_points.txt in place changes that file's time. Either way the
next run reads the metadata again. Nothing is remembered while one of those
times is within FRESH_SECONDS of now, so a change in the same clock tick as
the reading cannot go unseen. The answers for the last KEEP_PATHS
different sys.path lists are kept (the console script, `python -m pytest`
... each has its own first folder).
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import NamedTuple

ENTRY_POINT_GROUP = "bilingo.engines"
CACHE_NAME = "engines.json"
FORMAT = 1
FRESH_SECONDS = 2
KEEP_PATHS = 4


class EngineInfo(NamedTuple):
    """A registered engine as its package's metadata declares it (nothing is imported)."""

    name: str  # what `--engine` takes
    distribution: str  # the Python package that registers it, e.g. "bilingo"
    version: str  # that package's version
    target: str  # where the engine class is, "module:Class"

    @property
    def registered_by(self) -> str:
        return f"{self.distribution} {self.version}".strip() or "an unknown package"


def registered() -> dict[str, EngineInfo]:
    """Registered engines by name, the first registration of a name winning (as
    importlib.metadata resolves names: the package found first on sys.path)."""
    key = _with_times(sys.path)  # taken before the metadata is read
    stored = _stored()
    cached = _remembered(stored, key)
    if cached is not None:
        return cached
    found, files = _scan()
    timed_files = _with_times(files)
    if key is not None and timed_files is not None:
        engines = [list(engine) for engine in found.values()]
        entry = {"key": key, "engines": engines, "files": timed_files}
        others = [e for e in stored if isinstance(e, dict) and e.get("key") != key]
        _store([entry, *others][:KEEP_PATHS])
    return found


def load_target(target: str):
    """The object an entry point's `module:attribute` names, imported (as EntryPoint.load)."""
    import importlib

    module, _, attributes = target.partition("[")[0].partition(":")
    value = importlib.import_module(module.strip())
    for attribute in filter(None, attributes.strip().split(".")):
        value = getattr(value, attribute)
    return value


def _scan() -> tuple[dict[str, EngineInfo], list[str]]:
    """The registered engines, and the entry-point files that register them."""
    from importlib.metadata import entry_points

    found: dict[str, EngineInfo] = {}
    files: list[str] = []
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name in found:
            continue
        dist = entry.dist
        found[entry.name] = EngineInfo(
            name=entry.name,
            distribution=dist.name if dist is not None else "",
            version=dist.version if dist is not None else "",
            target=entry.value,
        )
        folder = getattr(dist, "_path", None)  # a dist-info folder (PathDistribution)
        if folder is not None and os.path.join(folder, "entry_points.txt") not in files:
            files.append(os.path.join(folder, "entry_points.txt"))
    return found, files


def _modified(path) -> int | None:
    try:
        return os.stat(path or ".").st_mtime_ns
    except (OSError, TypeError, ValueError):
        return None


def _with_times(paths: list[str]) -> list | None:
    """[path, modification time] of each path; None while one was changed too recently to trust."""
    timed = [[str(path), _modified(path)] for path in paths]
    newest = max((mtime for _, mtime in timed if mtime is not None), default=0)
    if time.time_ns() - newest < FRESH_SECONDS * 1_000_000_000:
        return None
    return timed


def _cache_path():
    from ..paths import cache_dir

    return cache_dir() / CACHE_NAME


def _stored() -> list:
    """The remembered answers, newest first ([] when none, or the file is not this format's)."""
    try:
        stored = json.loads(_cache_path().read_bytes())
        entries = stored["entries"]
        return entries if stored["format"] == FORMAT and type(entries) is list else []
    except (OSError, ValueError, KeyError, TypeError):
        return []  # missing or damaged: the metadata is read again, and the file replaced


def _remembered(stored: list, key: list | None) -> dict[str, EngineInfo] | None:
    if key is None:
        return None
    for entry in stored:
        try:
            if entry["key"] != key:
                continue
            if any(_modified(path) != mtime for path, mtime in entry["files"]):
                return None
            engines = [EngineInfo(*fields) for fields in entry["engines"]]
            if not all(type(field) is str for engine in engines for field in engine):
                return None
            return {engine.name: engine for engine in engines}
        except (KeyError, TypeError, ValueError):
            return None
    return None


def _store(entries: list) -> None:
    from ..files import atomic_write_bytes

    path = _cache_path()
    try:
        payload = json.dumps({"format": FORMAT, "entries": entries}, ensure_ascii=False)
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(path, payload.encode("utf-8"))
    except (OSError, TypeError, ValueError):
        pass  # a read-only cache folder, an odd sys.path entry: the metadata is read each time
