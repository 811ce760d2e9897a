"""The compiled cache's lookup part: a SQLite file from which `bilingo lookup` reads a few rows.

A lookup needs the rows of one key, and did-you-mean needs the headwords
(or the English). Reading every row and an index as JSON takes about 150 ms
at 100,000 entries, more than the rest of the command; an indexed SQLite file
answers from a few pages (docs/design.md, "The compiled cache"; issue 13).

    lookup-KEY.sqlite    meta(format, key, count)
                         rows(n, ko, en, type, variants, en_variants, note, domain,
                              path, line, forms, sense): lists and mappings as JSON text
                         korean(key, n), english(key, n): store.korean_index and
                              english_index, one line per key and row
                         columns(name, value): what did-you-mean compares, row by row:
                              headword keys (no whitespace: joined by newlines) and
                              English keys (a JSON list)

The part is written once a cached glossary has been read in full for a
lookup, and from then on a lookup opens only it. Like the other parts it is
checked before it is trusted: the format and key in `meta`, and every row it
returns (types, known keys); anything else is reported once and rebuilt.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import tempfile
from pathlib import Path

from ..errors import warn
from ..paths import cache_dir
from ..terms import ROW_EN, ROW_FORMS, ROW_KO, ROW_SENSE, Term, normalize_space, row_to_term
from .cache import FORMAT, CacheFileError, CompiledCache, check_row_values, check_strings
from .store import Glossary, english_index, korean_index, rows_found
from .suggestions import english_keys, headword_keys, suggest_english, suggest_headwords

PART = "lookup"
SCHEMA = """
CREATE TABLE meta(format INTEGER, key TEXT, count INTEGER);
CREATE TABLE rows(n INTEGER PRIMARY KEY, ko TEXT, en TEXT, type TEXT, variants TEXT,
                  en_variants TEXT, note TEXT, domain TEXT, path TEXT, line INTEGER,
                  forms TEXT, sense TEXT);
CREATE TABLE korean(key TEXT, n INTEGER, PRIMARY KEY (key, n)) WITHOUT ROWID;
CREATE TABLE english(key TEXT, n INTEGER, PRIMARY KEY (key, n)) WITHOUT ROWID;
CREATE TABLE columns(name TEXT PRIMARY KEY, value TEXT);
"""
ROW_COLUMNS = "ko, en, type, variants, en_variants, note, domain, path, line, forms, sense"
JSON_FIELDS = (3, 4, ROW_FORMS, ROW_SENSE)  # variants, en_variants, forms, sense


def lookup_path(cache: CompiledCache) -> Path:
    return cache_dir() / f"{PART}-{cache.key}.sqlite"


class LookupStore:
    """A cached glossary as a lookup reads it: `lookup` and `suggest` as Glossary's."""

    def __init__(self, connection: sqlite3.Connection, path: Path, count: int):
        self._connection = connection
        self._path = path
        self._count = count

    @classmethod
    def open(cls, cache: CompiledCache) -> LookupStore | None:
        """The stored part, or None when it is absent or not what this version wrote."""
        path = lookup_path(cache)
        if not path.exists():
            return None
        try:
            # immutable: the file is only ever replaced whole (see save), never changed in place.
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
            meta = connection.execute("SELECT format, key, count FROM meta").fetchall()
            if len(meta) != 1 or meta[0][:2] != (FORMAT, cache.key) or type(meta[0][2]) is not int:
                raise CacheFileError("not this version's format")
        except (sqlite3.Error, CacheFileError) as error:
            _warn_unreadable(path, error)
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # marks the key as recently used (see CompiledCache._sweep)
        return cls(connection, path, meta[0][2])

    def lookup(self, query: str, reverse: bool = False) -> list[Term]:
        """Entries for a Korean query (particles allowed) or, reversed, an English one."""
        found = rows_found(query, reverse, self._korean_rows, self._english_rows)
        return [row_to_term(self._row(number)) for number in found]

    def suggest(self, query: str, reverse: bool = False, limit: int = 5) -> list[str]:
        """Headwords (or English) closest to a query that found nothing."""
        query = normalize_space(query)
        if reverse:
            found = suggest_english(self._keys("english"), query, limit)
            return [self._row(number)[ROW_EN] for number in found]
        found = suggest_headwords(self._headword_keys(), query, limit)
        return [self._row(number)[ROW_KO] for number in found]

    # ------------------------------------------------------------------ reading

    def _korean_rows(self, key: str) -> list[int]:
        return self._numbers("SELECT n FROM korean WHERE key = ? ORDER BY n", key)

    def _english_rows(self, key: str) -> list[int]:
        return self._numbers("SELECT n FROM english WHERE key = ? ORDER BY n", key)

    def _numbers(self, query: str, key: str) -> list[int]:
        numbers = [number for (number,) in self._read(query, (key,))]
        if any(type(number) is not int for number in numbers):
            self._damaged("a wrong type")
        return numbers

    def _row(self, number: int) -> tuple:
        found = self._read(f"SELECT {ROW_COLUMNS} FROM rows WHERE n = ?", (number,))
        if len(found) != 1:
            self._damaged("a missing row")
        try:
            values = list(found[0])
            for field in JSON_FIELDS:
                values[field] = json.loads(values[field]) if values[field] is not None else None
            return check_row_values(values)
        except (CacheFileError, ValueError) as error:
            self._damaged(str(error))

    def _keys(self, name: str) -> list[str]:
        """Every row's English key for did-you-mean (see columns above)."""
        try:
            return check_strings(json.loads(self._column(name)), self._count)
        except (CacheFileError, ValueError, TypeError) as error:
            self._damaged(str(error) or type(error).__name__)

    def _headword_keys(self) -> str:
        """Every row's headword key (see columns above), joined by newlines as stored.
        Only their number needs checking: a text holds only strings."""
        text = self._column("korean")
        if not isinstance(text, str):
            self._damaged("a wrong type")
        if not self._count:
            return ""
        if text.count("\n") + 1 != self._count:
            self._damaged("a wrong number of keys")
        return text

    def _column(self, name: str):
        found = self._read("SELECT value FROM columns WHERE name = ?", (name,))
        if not found:
            self._damaged(f"no {name} column")
        return found[0][0]

    def _read(self, query: str, parameters: tuple = ()) -> list[tuple]:
        try:
            return self._connection.execute(query, parameters).fetchall()
        except sqlite3.Error as error:
            self._damaged(str(error))

    def _damaged(self, reason: str):
        """A file that read well at first but holds something this version never writes."""
        raise StaleLookupStore(f"{self._path} ({reason})")


class StaleLookupStore(Exception):
    """The lookup part turned out damaged while answering (run_lookup then reads the glossary)."""


# --------------------------------------------------------------------------- writing


def save(cache: CompiledCache, glossary: Glossary) -> None:
    """Store the lookup part of a glossary read in full; failing to write only costs speed."""
    path = lookup_path(cache)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=f".{PART}-{cache.key}.", suffix=".tmp",
                                        dir=path.parent)  # fmt: skip
        os.close(handle)
        try:
            _write(Path(temp), cache.key, glossary.rows)
            os.chmod(temp, 0o644)  # as the cache's other files
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except (OSError, sqlite3.Error) as error:
        warn(f"cannot write cache {path} ({getattr(error, 'strerror', None) or error}); "
             "continuing without it")  # fmt: skip


def _write(path: Path, key: str, rows: list[tuple]) -> None:
    connection = sqlite3.connect(path)
    try:
        connection.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + SCHEMA)
        connection.execute("INSERT INTO meta VALUES (?, ?, ?)", (FORMAT, key, len(rows)))
        connection.executemany(
            "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (_stored_row(number, row) for number, row in enumerate(rows)),
        )
        for table, index in (("korean", korean_index(rows)), ("english", english_index(rows))):
            connection.executemany(
                f"INSERT INTO {table} VALUES (?, ?)",
                ((key, number) for key, numbers in index.items() for number in numbers),
            )
        korean_keys = headword_keys([row[ROW_KO] for row in rows])
        english = _json(english_keys([row[ROW_EN] for row in rows]))
        connection.executemany(
            "INSERT INTO columns VALUES (?, ?)",
            [("korean", "\n".join(korean_keys)), ("english", english)],
        )
        connection.commit()
    finally:
        connection.close()


def _stored_row(number: int, row: tuple) -> tuple:
    values = list(row)
    for field in JSON_FIELDS:
        values[field] = _json(values[field]) if values[field] else None
    return (number, *values)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _warn_unreadable(path: Path, error: Exception) -> None:
    reason = str(error) if isinstance(error, CacheFileError) else type(error).__name__
    warn(f"ignoring unreadable cache {path} ({reason}); rebuilding it")
