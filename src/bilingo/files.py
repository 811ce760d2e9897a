"""Reading text and writing files safely: the one UTF-8 decoder and the one atomic write.

Every boundary where text comes in (input files, stdin, glossary files,
imported tables) decodes through `text_lines` / `decode_text`, so a BOM, a
UTF-16 file, a binary file and a bad byte are recognised the same way
everywhere; each caller words the error for its own reader. Every file bilingo
writes (glossaries, caches, translations) goes through `atomic_write_bytes`:
a temporary file beside the target, flushed to disk, renamed over it.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, BinaryIO

from .errors import InputError

BINARY_SNIFF_BYTES = 8192  # a NUL byte this early means the file is not text
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
LONE_CARRIAGE_RETURN = re.compile(r"(?<=\r)(?!\n)(?=.)", re.DOTALL)


class NotTextError(InputError):
    """Bytes that are not UTF-8 text.

    kind is "utf16", "binary" or "encoding"; line is the 1-based line of the
    first bad byte (for "encoding"). The message is the one shown for input
    files and stdin; glossary readers word their own from these fields.
    """

    def __init__(self, name: str, kind: str, line: int | None = None):
        self.name, self.kind, self.line = name, kind, line
        if kind == "encoding":
            message = (
                f"{name} is not UTF-8 (bad byte at line {line}); convert it first, "
                "e.g. `iconv -f cp949 -t utf-8 FILE`"
            )
        elif kind == "utf16":
            message = f"{name} is UTF-16 text; save it as UTF-8"
        else:
            message = f"{name} looks like a binary file; give UTF-8 text"
        super().__init__(message)


def text_lines(raw: BinaryIO, name: str) -> Iterator[str]:
    """The lines of a binary stream decoded as UTF-8 (a BOM is dropped), newlines kept.

    Lines end after \n, \r\n or a lone \r, as Python's universal newlines
    split them (without translating them). Decoding line by line keeps a 50 MB
    input out of memory and names the exact line of a bad byte. The stream is
    not closed here.
    """
    if not hasattr(raw, "peek"):  # e.g. a BytesIO, or a test harness's stdin
        raw = io.BufferedReader(raw)
    head = raw.peek(BINARY_SNIFF_BYTES)[:BINARY_SNIFF_BYTES]
    if head.startswith(UTF16_BOMS):
        raise NotTextError(name, "utf16")
    if b"\0" in head:
        raise NotTextError(name, "binary")
    line_number = 0
    for line_number, data in enumerate(raw, start=1):  # UTF-8 never hides \n in a character
        try:
            line = data.decode("utf-8-sig" if line_number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise NotTextError(name, "encoding", line_number) from None
        if "\r" in line.rstrip("\r\n"):
            yield from LONE_CARRIAGE_RETURN.split(line)
        else:
            yield line


def decode_text(data: bytes, name: str) -> str:
    """Bytes as UTF-8 text (BOM allowed); anything else raises NotTextError."""
    return "".join(text_lines(io.BytesIO(data), name))


def missing_file(path) -> InputError:
    """The one way bilingo says an input file is not there."""
    return InputError(f"cannot read {path}: no such file; check the path")


@contextlib.contextmanager
def opened(path: str | os.PathLike, expected: str = "text file") -> Iterator[BinaryIO]:
    """A file opened for reading bytes; a folder or an unreadable path is one plain InputError."""
    path = Path(path)
    try:
        handle = path.open("rb")
    except IsADirectoryError:
        raise InputError(f"{path} is a folder; give a {expected}") from None
    except FileNotFoundError:
        raise missing_file(path) from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror}") from None
    with handle:
        yield handle


def read_bytes(path: str | os.PathLike, expected: str = "text file") -> bytes:
    """A whole file's bytes (see `opened` for the errors)."""
    with opened(path, expected) as handle:
        return handle.read()


def file_lines(path: str | os.PathLike) -> Iterator[str]:
    """The lines of a UTF-8 text file, read and decoded as they are consumed (see text_lines)."""
    with opened(path) as handle:
        yield from text_lines(handle, str(path))


def read_text_file(path: str | os.PathLike) -> str:
    """A whole UTF-8 text file (see `text_lines`); problems are InputErrors."""
    return decode_text(read_bytes(path), str(path))


@contextlib.contextmanager
def atomic_writer(path: Path, text: bool = True) -> Iterator[IO]:
    """A file to write `path` through: a temp file beside it, renamed over it on success.

    A crash or an error at any moment leaves either the old file or the new
    one, never a half-written file; the old file's permissions are kept.
    Text is written as UTF-8 with newlines as given.
    """
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        options = {"encoding": "utf-8", "newline": ""} if text else {}
        with os.fdopen(handle, "w" if text else "wb", **options) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace `path` with `data` atomically (see atomic_writer)."""
    with atomic_writer(path, text=False) as out:
        out.write(data)


def atomic_write_text(path: Path, text: str) -> None:
    """Replace `path` with UTF-8 `text` atomically (see atomic_writer)."""
    with atomic_writer(path) as out:
        out.write(text)
