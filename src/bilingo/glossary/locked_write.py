"""The locked, atomic replacement of a glossary file that every edit goes through.

Every write holds a lock, re-reads the file under it (so concurrent writers see
each other), removes what killed writers left behind, writes a temporary file
beside the file and renames it into place only when the edit's own check
passed: a failed write or check leaves the old file as it was. See
docs/design.md, "Writing glossaries".
"""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, TypeVar

from ..errors import GlossaryError
from ..files import atomic_writer
from ..paths import cache_dir
from .reader import read_text_and_bom

NEW_FILE_HEADER = "# bilingo glossary: entries added with `bilingo add` land here.\nterms:\n"
LOCK_TIMEOUT_SECONDS = 30
Result = TypeVar("Result")


def locked_rewrite(path: Path, rewrite: Callable[[str, TextIO], Result], create=True) -> Result:
    """Under the file's lock: re-read it, write its new text to a temporary file with
    `rewrite(text, out)` (which checks it, raising to write nothing), replace it atomically.

    A symlink is written through: the file it points to is locked and replaced,
    and the link stays a link.
    """
    import filelock

    shown = Path(path).expanduser()
    target = shown.resolve()
    check_writable_target(shown, target)
    if not create and not target.is_file():
        raise GlossaryError("no such glossary file", str(path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with lock_for(target):
            remove_leftovers(target)
            text, bom = read_text_and_bom(target) if target.exists() else (NEW_FILE_HEADER, False)
            with atomic_writer(target) as out:
                out.write("\ufeff" if bom else "")
                return rewrite(text, out)
    except (OSError, filelock.Timeout) as error:
        reason = getattr(error, "strerror", None) or str(error)
        raise GlossaryError(
            f"cannot write ({reason}); the file was not changed", str(path)
        ) from None


class WrittenFile:
    """The temporary file `out` as written so far, read from its start through its own
    descriptor (mkstemp opens it for reading too): the check reads the very bytes that
    will replace the glossary, without holding them."""

    def __init__(self, out: TextIO):
        out.flush()
        self.descriptor = out.fileno()
        os.lseek(self.descriptor, 0, os.SEEK_SET)

    def read(self, size: int) -> bytes:
        return os.read(self.descriptor, size)

    def back_to_end(self) -> None:
        """Where the writer left off, should anything write after the check."""
        os.lseek(self.descriptor, 0, os.SEEK_END)


def lock_for(target: Path):
    """The lock every bilingo writer of `target` takes: one lock file per glossary, kept in
    bilingo's cache folder and named by a hash of the file's resolved path.

    Not beside the glossary: that left a `.lock` file in the user's folder for
    ever. Not deleted after use either: with flock, a process waiting on a lock
    file that is deleted gets a lock on a file nobody else sees, so two writers
    would run at once. A lock file in the cache folder is never deleted by
    bilingo and costs nothing. The price: writers with different cache folders
    (two users sharing a glossary, another $BILINGO_HOME) do not wait for each
    other; each write is still atomic, so the file is never torn, but one of two
    simultaneous edits can be lost.
    """
    import filelock

    folder = cache_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha256(os.fsencode(target)).hexdigest()[:32] + ".lock"
    return filelock.FileLock(str(folder / name), timeout=LOCK_TIMEOUT_SECONDS)


def remove_leftovers(target: Path) -> None:
    """Temporary files of writers that were killed, and the lock file older versions kept.

    Only bilingo writers of this file make `.<name>.<random>.tmp` beside it (see
    files.atomic_write_bytes), and they do so holding this lock: under the lock
    none is mid-write. The empty `<name>.lock` is what bilingo 0.x left there.
    """
    pattern = f".{glob.escape(target.name)}.*.tmp"
    for leftover in target.parent.glob(pattern):
        leftover.unlink(missing_ok=True)
    old_lock = target.with_name(target.name + ".lock")
    if old_lock.is_file() and old_lock.stat().st_size == 0:
        old_lock.unlink(missing_ok=True)


def check_writable_target(path: Path, target: Path) -> None:
    if target.is_dir():
        raise GlossaryError("is a folder; give a .yaml file path to write to", str(path))
    if path.suffix not in (".yaml", ".yml"):
        raise GlossaryError("is not a .yaml file; glossary files end in .yaml", str(path))
    parent = next((p for p in (target, *target.parents) if p.exists()), None)
    if parent is not None and not os.access(parent, os.W_OK):
        raise GlossaryError(
            "cannot write here (permission denied)", str(path), remedy="other-target"
        )
