"""The compiled cache: parsed rows, lookup indexes and the automaton, kept between runs.

Parsing 100,000 YAML entries takes seconds even with the C loader, so the
parsed rows, each lookup index and the matcher's automaton are stored in the
cache folder (bilingo.paths.cache_dir), each part in its own file read only by
the commands that need it (docs/design.md, "The compiled cache"):

    rows-KEY.json                   the entries, column by column (forms, sense: JSON objects)
    korean-index-KEY.json           Korean spelling -> row numbers
    english-index-KEY.json          English rendering -> row numbers
    lookup-KEY.sqlite               what a lookup reads: rows, keys (lookup_store.py)
    matcher-KEY.json                each automaton key's (row, length, flags), and
    matcher-KEY-DIGEST.automaton    the automaton's nodes as bytes (automaton_file.py)

Nothing in the folder can run code: the parts are JSON (the lookup part SQLite
tables of text and numbers) and the automaton file holds its nodes, integers only,
given back to pyahocorasick's constructor as bytes, never unpickled. Every part
carries the format, its part and its key; a file that is not exactly what
this version wrote (another format, a wrong shape or type, damage) is
reported once and rebuilt, never trusted.

The key covers the format, bilingo's version and every file's path, size,
mtime, ctime and inode: an edit changes ctime even when the old mtime is put
back (touch -r), and ctime cannot be set by a user. Files are written to a
temp name and renamed, so two processes building at once both leave whole
files. Saving a part keeps the folder bounded: only the few most recently used
keys stay. Deleting the folder is always safe.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import tempfile
import time
from itertools import chain, compress, repeat
from operator import itemgetter
from pathlib import Path

from ..collector import garbage_collector_paused
from ..errors import warn
from ..files import atomic_write_bytes
from ..paths import cache_dir
from ..terms import (
    CHOICE_KEYS,
    FORM_KEYS,
    ROW_DOMAIN,
    ROW_EN,
    ROW_EN_VARIANTS,
    ROW_FORMS,
    ROW_KO,
    ROW_LINE,
    ROW_NOTE,
    ROW_PATH,
    ROW_SENSE,
    ROW_TYPE,
    ROW_VARIANTS,
    SENSE_KEYS,
    TERM_TYPE_OF,
)

# Of every file in the folder; format 1 was pickle, format 2 rows without forms and sense
# (and matchers whose keys were the spellings alone, not also spelling + sense suffix),
# format 4 rows with validate's warnings (now worked out only when asked), format 5 the
# automaton in pyahocorasick's own file format (now its nodes as bytes: automaton_file.py).
FORMAT = 6
KEEP_KEYS = 3  # so switching between two glossary sets with -g rebuilds nothing
ORPHAN_AFTER_SECONDS = 3600  # a temp file this old was left by a killed writer

# The files this module writes (and the pickle files of format 1, which are removed).
CACHE_FILE = re.compile(
    r"[a-z-]+-(?P<key>[0-9a-f]{24})"
    r"(?:\.json|\.sqlite|-[0-9a-f]{16}\.automaton|(?P<legacy>\.pickle))"
)
DIGEST = re.compile(r"[0-9a-f]{64}")
FINGERPRINT = re.compile(r"[0-9a-f]{12}")  # Glossary.fingerprint
ROW_FIELDS = ROW_SENSE + 1  # a row's length
# How each row field is stored in rows-KEY.json: a list with a value per row,
# shared (each distinct value once: JSON parses 100,000 strings slowly), or sparse.
COLUMNS = {"ko": ROW_KO, "en": ROW_EN, "note": ROW_NOTE, "line": ROW_LINE}
SHARED = {"type": ROW_TYPE, "domain": ROW_DOMAIN, "path": ROW_PATH}
SPARSE = {"variants": ROW_VARIANTS, "en_variants": ROW_EN_VARIANTS}
# Mappings most rows leave empty (None in the row): stored like SPARSE, a JSON object per row
# that has one, with the keys each may hold.
SPARSE_MAPPINGS = {"forms": (ROW_FORMS, FORM_KEYS), "sense": (ROW_SENSE, SENSE_KEYS)}
VALUE_TYPE = {**dict.fromkeys(FORM_KEYS, str), **dict.fromkeys(SENSE_KEYS, list)}
VALUE_TYPE.update(dict.fromkeys(CHOICE_KEYS, str))  # otherwise, en_otherwise: one word
TYPE_VALUES = {None, *TERM_TYPE_OF}
FULL_COLUMNS = (*COLUMNS.values(), *SHARED.values())  # the fields EncodedRows takes whole


class CacheFileError(ValueError):
    """A cache file that is not what this version writes."""


class CompiledCache:
    """Stored parts of one glossary file set, keyed on the files' state."""

    def __init__(self, files: list[Path], user_overrides: bool = False):
        from ..version import __version__

        digest = hashlib.sha256(f"{FORMAT}|{__version__}|{user_overrides}".encode())
        for path in files:
            stat = path.stat()
            digest.update(
                f"|{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"
                f"|{stat.st_ctime_ns}|{stat.st_ino}".encode()
            )
        self.key = digest.hexdigest()[:24]

    @classmethod
    def for_key(cls, key: str) -> CompiledCache:
        """The cache of a glossary already loaded (its key is known)."""
        cache = cls.__new__(cls)
        cache.key = key
        return cache

    def path(self, part: str) -> Path:
        return cache_dir() / f"{part}-{self.key}.json"

    def automaton_path(self, digest: str) -> Path:
        # Named by its content, so two processes saving at once never mix their files.
        return cache_dir() / f"matcher-{self.key}-{digest[:16]}.automaton"

    def load(self, part: str, rows: int | None = None):
        """The stored part, or None when it is absent or not exactly what this version wrote.

        `rows`: the number of rows of the glossary (for the indexes and the
        matcher, whose row numbers must stay below it).
        """
        path = self.path(part)
        try:
            with garbage_collector_paused():
                data = json.loads(path.read_bytes())
                _expect(
                    type(data) is dict
                    and (data.get("format"), data.get("part"), data.get("key"))
                    == (FORMAT, part, self.key),
                    "not this version's format",
                )
                value = (
                    self._load_matcher(data, rows)
                    if part == "matcher"
                    else DECODE[part](data, rows)
                )
        except FileNotFoundError:
            return None
        except Exception as error:  # a damaged cache must never stop the user
            reason = str(error) if isinstance(error, CacheFileError) else type(error).__name__
            warn(f"ignoring unreadable cache {path} ({reason}); rebuilding it")
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # marks the key as recently used (see _sweep)
        return value

    def save(self, part: str, value) -> None:
        """Store a part; failing to write a cache only costs speed, so it only warns."""
        if part == "rows":
            self.save_rows(EncodedRows(value["rows"]), value["files"])
            return

        def document(header: dict) -> bytes:
            body = self._save_matcher(*value) if part == "matcher" else ENCODE[part](value)
            return _json({**header, **body}).encode()

        self._write(part, document)

    def save_rows(self, encoded: EncodedRows, files: list[str]) -> None:
        """Store the rows part from rows already encoded (see EncodedRows)."""
        self._write("rows", lambda header: encoded.document(header, files))

    def _write(self, part: str, document) -> None:
        path = self.path(part)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            data = document({"format": FORMAT, "part": part, "key": self.key})
            atomic_write_bytes(path, data)
            self._sweep()
        except OSError as error:
            warn(f"cannot write cache {path} ({error.strerror or error}); continuing without it")

    # ------------------------------------------------------------------ the matcher

    def _save_matcher(self, automaton, key_values: list[tuple[int, int, int]]) -> dict:
        from .automaton_file import ahocorasick_build, automaton_blocks

        blocks, shape = automaton_blocks(automaton)
        digest = hashlib.sha256()
        for block in blocks:
            digest.update(block)
        self._write_automaton(blocks, digest.hexdigest())
        values = list(chain.from_iterable(key_values))
        return {
            "sha256": digest.hexdigest(),
            "pyahocorasick": ahocorasick_build(),
            **shape,
            "values": values,
        }

    def _write_automaton(self, blocks: list[bytes], digest: str) -> None:
        """The blocks end to end, under a name made from their digest (written whole, then
        renamed; no fsync: tens of MB at 100,000 terms, and a file torn by a crash fails its
        digest and is rebuilt)."""
        handle, temp = tempfile.mkstemp(
            prefix=f".matcher-{self.key}.", suffix=".tmp", dir=cache_dir()
        )
        try:
            with os.fdopen(handle, "wb") as out:
                out.writelines(blocks)
            os.chmod(temp, 0o644)  # as atomic_write_bytes leaves the JSON files
            os.replace(temp, self.automaton_path(digest))
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise

    def _load_matcher(self, data: dict, rows: int):
        from .automaton_file import ahocorasick_build, automaton_from_blocks

        digest, values = data["sha256"], _numbers(data["values"])
        _expect(type(digest) is str and DIGEST.fullmatch(digest), "a bad digest")
        _expect(data["pyahocorasick"] == ahocorasick_build(), "another pyahocorasick")
        _expect(len(values) % 3 == 0, "a wrong shape")
        _numbers(values[0::3], below=rows)
        blocks = self.automaton_path(digest).read_bytes()
        _expect(hashlib.sha256(blocks).hexdigest() == digest, "the automaton file is damaged")
        try:
            automaton = automaton_from_blocks(blocks, data)
        except ValueError as error:  # blocks cut short or linking to missing nodes
            raise CacheFileError(f"the automaton file is damaged: {error}") from None
        _expect(len(automaton) == len(values) // 3, "another automaton")
        return automaton, list(zip(values[0::3], values[1::3], values[2::3], strict=True))

    # ------------------------------------------------------------------ a bounded folder

    def _sweep(self) -> None:
        """Keep the folder bounded: the files of the KEEP_KEYS most recently used keys, no leftovers.

        A key's last use is its newest file's mtime (load touches the file it
        reads). Leftovers: pickle files of format 1, temp files of a writer
        killed an hour ago, and automaton files that processes saving at once
        left beside the newest one, once an hour old.
        """
        now = time.time()
        files: dict[str, list[tuple[float, Path]]] = {self.key: []}
        for path in cache_dir().iterdir():
            with contextlib.suppress(OSError):  # another process may remove it first
                match = CACHE_FILE.fullmatch(path.name)
                if match and not match["legacy"]:
                    files.setdefault(match["key"], []).append((path.stat().st_mtime, path))
                elif match or _is_orphan(path, now):
                    path.unlink()
        last_used = {key: max(entries, default=(0,))[0] for key, entries in files.items()}
        last_used[self.key] = math.inf
        unused = sorted(last_used, key=last_used.__getitem__, reverse=True)[KEEP_KEYS:]
        doomed = [path for key in unused for _, path in files[key]]
        for entries in files.values():
            automata = sorted(entry for entry in entries if entry[1].suffix == ".automaton")
            doomed += [path for mtime, path in automata[:-1] if now - mtime > ORPHAN_AFTER_SECONDS]
        for path in doomed:
            with contextlib.suppress(OSError):
                path.unlink()


def _is_orphan(path: Path, now: float) -> bool:
    """A temp file of atomic_write_bytes or _write_automaton whose writer is long gone."""
    name = path.name
    return (
        name.startswith(".")
        and name.endswith(".tmp")
        and now - path.stat().st_mtime > ORPHAN_AFTER_SECONDS
    )


# --------------------------------------------------------------------------- JSON parts


def _expect(condition, problem: str = "a wrong shape") -> None:
    if not condition:
        raise CacheFileError(problem)


def _list_of(values, kinds: set[type], length: int | None = None) -> list:
    """`values`, when it is a list (of `length` items) whose items are all of `kinds`."""
    _expect(type(values) is list and (length is None or len(values) == length))
    _expect(set(map(type, values)) <= kinds, "a wrong type")  # C speed, even for 100,000
    return values


def _strings(values, length: int | None = None, optional: bool = False) -> list:
    return _list_of(values, {str, type(None)} if optional else {str}, length)


check_strings = _strings  # for lookup_store.py


def _numbers(values, length: int | None = None, below: int | None = None, optional=False) -> list:
    """`values`, when it is a list of whole numbers in range(below) (None too, where optional)."""
    _list_of(values, {int, type(None)} if optional else {int}, length)  # bool is not int here
    present = [number for number in values if number is not None] if optional else values
    in_range = not present or (min(present) >= 0 and (below is None or max(present) < below))
    _expect(in_range, "a number out of range")
    return values


class EncodedRows:
    """The JSON of a rows part, made once for every file that holds the same rows.

    A cold load of one file stores its rows twice: as the set's rows part and
    as the file's own part (parsed_files.py), which differ only in their header,
    `files` and paths. Dumping 100,000 rows takes a tenth of a second, so what
    the two share is dumped once (issue 13). `document` gives exactly the bytes
    of json.dumps of the whole part (ensure_ascii off, no spaces).
    """

    def __init__(self, rows: list[tuple]):
        self.rows = rows
        # Column by column, each taken in C (sooner than transposing with zip); the sparse ones
        # are only looked through.
        fields = {field: list(map(itemgetter(field), rows)) for field in FULL_COLUMNS}
        self._paths = fields[ROW_PATH]  # the only column kept
        self._shared = {
            name: _shared(fields[field]) for name, field in SHARED.items() if name != "path"
        }
        self._body = {
            "count": _json(len(rows)),
            "columns": _joined({name: _column(fields[field]) for name, field in COLUMNS.items()}),
            "shared": None,  # made per document: its paths
            "sparse": _json({name: _sparse(rows, field) for name, field in SPARSE.items()}),
            "mappings": _json(
                {name: _sparse(rows, field) for name, (field, _) in SPARSE_MAPPINGS.items()}
            ),
        }

    def document(self, header: dict, files: list[str], paths: bool = True) -> bytes:
        """The part with this header (format, part, key); `paths`: False for a file's part,
        which stores no path."""
        column = self._paths if paths else [None] * len(self.rows)
        shared = {**self._shared, "path": _shared(column)}
        body = {**self._body, "shared": _joined(shared)}
        pieces = {**{key: _json(value) for key, value in header.items()}, "files": _json(files)}
        return _joined({**pieces, **body}).encode()


def _joined(pieces: dict[str, str]) -> str:
    """A JSON object from its values' JSON texts."""
    return "{" + ",".join(f"{_json(key)}:{value}" for key, value in pieces.items()) + "}"


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


# What json.dumps escapes in a string (ensure_ascii off): the quote, the backslash, controls.
JSON_ESCAPED = re.compile(r'[\x00-\x1f\\"]')


def _column(values: list) -> str:
    """_json(values); strings that need no escape (the ko and en of 100,000 rows) are joined."""
    try:
        joined = '","'.join(values)
    except TypeError:  # not all strings
        return _json(values)
    if not values or JSON_ESCAPED.search("".join(values)):
        return _json(values)
    return f'["{joined}"]'


def _shared(column: list) -> str:
    """A field few distinct values fill (a file's path): each value once, rows by number, as
    JSON ({"values": [...], "rows": [...]}). Each row's number is its value's text, made once:
    json.dumps would write 100,000 numbers one by one."""
    values = list(dict.fromkeys(column))
    texts = {value: str(position) for position, value in enumerate(values)}
    return f'{{"values":{_json(values)},"rows":[{",".join(map(texts.__getitem__, column))}]}}'


def _sparse(rows: list[tuple], field: int) -> dict:
    """A list or mapping field that most rows leave empty: only the rows that have one."""
    having = list(compress(range(len(rows)), map(itemgetter(field), rows)))  # not empty
    return {"rows": having, "values": [_json_value(rows[number][field]) for number in having]}


def _json_value(value):
    return dict(value) if isinstance(value, dict) else list(value)


def decode_rows(data: dict, _rows=None, path: str | None = None) -> dict:
    """The form Glossary.compiled() gives: rows as the tuples terms.term_to_row makes.

    `path`: a file's part (parsed_files.py), whose rows all take the path it is read under.
    """
    count, columns, shared, sparse = data["count"], data["columns"], data["shared"], data["sparse"]
    mappings = data["mappings"]
    paths = _unshared(shared["path"], count)  # checked even when `path` replaces it
    if path is not None:
        paths = repeat(path, count)
    rows = zip(
        _strings(columns["ko"], count),
        _strings(columns["en"], count),
        _unshared(shared["type"], count, allowed=TYPE_VALUES),
        _unsparse(sparse["variants"], count),
        _unsparse(sparse["en_variants"], count),
        _strings(columns["note"], count, optional=True),
        _unshared(shared["domain"], count),
        paths,
        _numbers(columns["line"], count, optional=True),
        *(
            _unsparse_mappings(mappings[name], count, keys)
            for name, (_, keys) in SPARSE_MAPPINGS.items()
        ),
        strict=True,
    )
    return {
        "files": _strings(data["files"]),
        "rows": list(rows),
    }


def _unshared(field: dict, count: int, allowed: set | None = None) -> list:
    """Each row's value of a shared field (see _shared)."""
    values = _strings(field["values"], optional=True)
    _expect(allowed is None or set(values) <= allowed, "an unknown value")
    return list(map(values.__getitem__, _numbers(field["rows"], count, below=len(values))))


def _unsparse(field: dict, count: int) -> list[tuple]:
    """Each row's tuple of strings from a sparse list field (see _sparse)."""
    having, values = _numbers(field["rows"], below=count), _list_of(field["values"], {list})
    _expect(len(values) == len(having))
    _strings(list(chain.from_iterable(values)))
    return _placed(having, map(tuple, values), count, ())


def _unsparse_mappings(field: dict, count: int, keys: tuple[str, ...]) -> list:
    """Each row's mapping (None where it has none) from a sparse mapping field; each must be
    what validation leaves: known keys, a string or a list of strings as each key holds."""
    having, values = _numbers(field["rows"], below=count), _list_of(field["values"], {dict})
    _expect(len(values) == len(having))
    for value in values:
        check_mapping(value, keys)
    return _placed(having, values, count, None)


def check_mapping(value: dict, keys: tuple[str, ...]) -> dict:
    """A row's forms or sense as validation leaves it: known keys, each holding a string or a
    list of strings as its key does."""
    _expect(type(value) is dict and value and set(value) <= set(keys), "an unknown key")
    _expect(all(type(item) is VALUE_TYPE[key] for key, item in value.items()), "a wrong type")
    _strings([text for item in value.values() if type(item) is list for text in item])
    return value


def check_row_values(values: list) -> tuple:
    """One row stored field by field (lookup_store.py) as decode_rows gives it: empty
    variants as None, forms and sense as mappings or None."""
    _expect(type(values) is list and len(values) == ROW_FIELDS, "a wrong shape")
    _strings([values[ROW_KO], values[ROW_EN]])
    _strings([values[ROW_NOTE], values[ROW_DOMAIN], values[ROW_PATH]], optional=True)
    _expect(values[ROW_TYPE] in TYPE_VALUES, "an unknown value")
    _numbers([values[ROW_LINE]], optional=True)
    for field in (ROW_VARIANTS, ROW_EN_VARIANTS):
        values[field] = tuple(_strings(values[field])) if values[field] is not None else ()
    for field, keys in SPARSE_MAPPINGS.values():
        if values[field] is not None:
            check_mapping(values[field], keys)
    return tuple(values)


def _placed(having: list[int], values, count: int, empty) -> list:
    """A column of `count` rows: the values at the rows `having` names, `empty` elsewhere."""
    column = [empty] * count
    for number, value in zip(having, values, strict=True):
        column[number] = value
    return column


def _encode_index(index: dict[str, list[int]]) -> dict:
    """Keys and their first row; the few keys with more rows are listed apart."""
    lists = list(index.values())
    more = [number for number, rows in enumerate(lists) if len(rows) > 1]
    return {
        "keys": list(index),
        "first": [rows[0] for rows in lists],
        "more": {"at": more, "rows": [lists[number][1:] for number in more]},
    }


def _decode_index(data: dict, rows: int) -> dict[str, list[int]]:
    keys = _strings(data["keys"])
    first = _numbers(data["first"], len(keys), below=rows)
    at = _numbers(data["more"]["at"], below=len(keys))
    more = _list_of(data["more"]["rows"], {list}, len(at))
    _numbers(list(chain.from_iterable(more)), below=rows)
    lists = [[row] for row in first]
    for number, extra in zip(at, more, strict=True):
        lists[number].extend(extra)
    index = dict(zip(keys, lists, strict=True))
    _expect(len(index) == len(keys), "a repeated key")
    return index


def _encode_fingerprint(fingerprint: str) -> dict:
    return {"fingerprint": fingerprint}


def _decode_fingerprint(data: dict, rows: int) -> str:
    fingerprint = data["fingerprint"]
    _expect(type(fingerprint) is str and FINGERPRINT.fullmatch(fingerprint), "a bad fingerprint")
    return fingerprint


ENCODE = {
    "korean-index": _encode_index,
    "english-index": _encode_index,
    "fingerprint": _encode_fingerprint,
}
DECODE = {
    "rows": decode_rows,
    "korean-index": _decode_index,
    "english-index": _decode_index,
    "fingerprint": _decode_fingerprint,
}
