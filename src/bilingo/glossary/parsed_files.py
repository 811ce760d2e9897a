"""Each glossary file's parsed and validated entries, kept by the file's contents.

Parsing and validating YAML is most of a cold load: 3,800 built-in entries
take about 130 ms to parse and check, against 10 ms to read back as JSON. So
every file that parses without a problem is stored once per version of its
contents (docs/design.md, "Parsed files"):

    <cache>/files/file-KEY.json     KEY: sha256 of the format, bilingo's version and the bytes

A change to one file (an `add` to your own glossary) re-parses that file
only. The built-in glossary ships these parts in `glossary/compiled/`, so
even the first command after installing reads no built-in YAML; a shipped
part that does not match its file (another version, an edited file) is
simply not found, and the file is parsed. `python -m
bilingo.glossary.shipped` rewrites the shipped parts after the built-in
glossary changes (a test checks they are current).

Parts hold rows in the compiled cache's JSON form (glossary/cache.py) without
the file's path, which is filled in on reading, so a part serves the same
contents under any path. They are checked on reading like every cache file.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import operator
import time
from pathlib import Path

from ..errors import GlossaryError, warn
from ..files import atomic_write_bytes
from ..paths import cache_dir
from ..terms import Term, row_to_term, term_to_row
from .cache import FORMAT, ORPHAN_AFTER_SECONDS, CacheFileError, EncodedRows, decode_rows
from .locations import default_glossary_dir
from .reader import read_glossary_file, read_glossary_rows

PART = "file"
SHIPPED_FOLDER = "compiled"  # inside the built-in glossary folder
KEEP_FILES = 64  # parts kept in the user cache: many glossary sets' files, a few versions each


def read_parsed_file(path: Path) -> tuple[list[Term], list[GlossaryError]]:
    """read_glossary_file, answered from a stored part when this file's contents have one."""
    rows, terms, problems = _read(path)
    return (terms if terms is not None else [row_to_term(row) for row in rows]), problems


def read_parsed_rows(
    path: Path, unsaved: list | None = None
) -> tuple[list[tuple], list[GlossaryError]]:
    """read_parsed_file's entries as rows (terms.term_to_row), which is what a Glossary keeps:
    a load that only needs rows builds no Term from a stored part (issue 13).

    `unsaved`: the part this read would store is appended to it instead, as (key, rows),
    for the caller to store with save_parts once it has encoded the same rows itself.
    """
    rows, _terms, problems = _read(path, unsaved)
    return rows, problems


def _read(
    path: Path, unsaved: list | None = None
) -> tuple[list[tuple], list[Term] | None, list[GlossaryError]]:
    """The file's rows, its Terms when the file could not be read (else None), its problems."""
    try:
        data = path.read_bytes()
    except OSError:
        terms, problems = read_glossary_file(path)  # which reports the error as a GlossaryError
        return [term_to_row(term) for term in terms], terms, problems
    key = contents_key(data)
    rows = _stored_rows(key, path)
    if rows is not None:
        return rows, None, []
    rows, problems = read_glossary_rows(path, data)  # no Terms: the caller and the part keep rows
    if not problems:  # a file with problems gets no part, so every load reports them again
        if unsaved is None:
            save_rows(cache_dir() / "files", key, rows)
        else:
            unsaved.append((key, rows))
    return rows, None, problems


def save_parts(unsaved: list[tuple[str, list[tuple]]], encoded: EncodedRows | None = None) -> None:
    """Store the parts read_parsed_rows left unsaved; a part of the very rows `encoded` holds
    (a set of one file) is written from that JSON rather than dumped again."""
    for key, rows in unsaved:
        same = encoded is not None and len(rows) == len(encoded.rows)
        same = same and all(map(operator.is_, rows, encoded.rows))
        save_rows(cache_dir() / "files", key, rows, encoded if same else None)


def contents_key(data: bytes) -> str:
    from ..version import __version__

    digest = hashlib.sha256(f"{FORMAT}|{PART}|{__version__}|".encode())
    digest.update(data)
    return digest.hexdigest()[:24]


def part_path(folder: Path, key: str) -> Path:
    return folder / f"{PART}-{key}.json"


def _stored_rows(key: str, path: Path) -> list[tuple] | None:
    """The part of these contents from the user cache, else the shipped one, else None."""
    user_folder = cache_dir() / "files"
    for folder in (user_folder, default_glossary_dir() / SHIPPED_FOLDER):
        part = part_path(folder, key)
        try:
            data = json.loads(part.read_bytes())
            if (data.get("format"), data.get("part"), data.get("key")) != (FORMAT, PART, key):
                raise CacheFileError("not this version's format")
            rows = decode_rows(data, path=str(path))["rows"]
        except FileNotFoundError:
            continue
        except Exception as error:  # a damaged part must never stop the user
            reason = str(error) if isinstance(error, CacheFileError) else type(error).__name__
            warn(f"ignoring unreadable cache {part} ({reason}); rebuilding it")
            continue
        if folder == user_folder:
            with contextlib.suppress(OSError):
                part.touch()  # marks it recently used (see _sweep)
        return rows
    return None


def save_part(folder: Path, key: str, terms: list[Term]) -> None:
    """Store a part; failing to write only costs speed, so it only warns."""
    save_rows(folder, key, [term_to_row(term) for term in terms])


def save_rows(
    folder: Path, key: str, rows: list[tuple], encoded: EncodedRows | None = None
) -> None:
    """save_part, of the entries as rows (their paths are not stored); `encoded`: these rows'
    JSON, when the caller has it."""
    part = part_path(folder, key)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        header = {"format": FORMAT, "part": PART, "key": key}
        atomic_write_bytes(part, (encoded or EncodedRows(rows)).document(header, [], paths=False))
        _sweep(folder)
    except OSError as error:
        warn(f"cannot write cache {part} ({error.strerror or error}); continuing without it")


def _sweep(folder: Path) -> None:
    """Keep the KEEP_FILES most recently used parts, and no temp file a killed writer left."""
    now = time.time()
    parts = []
    for path in folder.iterdir():
        with contextlib.suppress(OSError):  # another process may remove it first
            mtime = path.stat().st_mtime
            if path.name.startswith(f"{PART}-") and path.suffix == ".json":
                parts.append((mtime, path))
            elif path.name.endswith(".tmp") and now - mtime > ORPHAN_AFTER_SECONDS:
                path.unlink()
    for _, path in sorted(parts, reverse=True)[KEEP_FILES:]:
        with contextlib.suppress(OSError):
            path.unlink()
