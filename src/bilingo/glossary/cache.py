"""The compiled cache: parsed rows, lookup indexes and the automaton, kept between runs.

Parsing 100,000 YAML entries takes seconds even with the C loader, so the
parsed rows, each lookup index and the matcher's automaton are stored in the
cache folder (bilingo.paths.cache_dir), each part in its own file read only by
the commands that need it. The key covers every file's path, size and
modification time (and bilingo's version), so any edit gives a new key and a
stale cache is never read. Files are written to a temp name and renamed, so
two processes building at once both leave a whole file; an unreadable cache
is reported as a warning and rebuilt. Deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

from ..errors import warn
from ..files import atomic_write_bytes
from ..paths import cache_dir

STALE_AFTER_SECONDS = 7 * 24 * 3600  # older parts of other keys are removed on save


class CompiledCache:
    """Stored parts of one glossary file set, keyed on the files' state."""

    def __init__(self, files: list[Path], user_overrides: bool = False):
        from ..version import __version__

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
            warn(f"ignoring unreadable cache {path} ({error.__class__.__name__}); rebuilding it")
            return None

    def save(self, kind: str, value) -> None:
        """Store a part; failing to write a cache only costs speed, so it only warns."""
        import pickle

        path = self.path(kind)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            self._remove_older(kind)
        except OSError as error:
            warn(f"cannot write cache {path} ({error.strerror}); continuing without it")

    def _remove_older(self, kind: str) -> None:
        """Keep the cache folder from growing with every edit of a glossary."""
        import time

        week_ago = time.time() - STALE_AFTER_SECONDS
        for old in cache_dir().glob(f"{kind}-*.pickle"):
            with contextlib.suppress(OSError):
                if old != self.path(kind) and old.stat().st_mtime < week_ago:
                    old.unlink()


@contextlib.contextmanager
def _garbage_collector_paused():
    """Loading 100,000 rows makes the cycle collector run for nothing: a third of the time.

    The collector's state is restored afterwards; nothing is frozen, so a
    library user's process is left as it was.
    """
    import gc

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
