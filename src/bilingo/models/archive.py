"""Checking an Argos package archive before anything is written, and extracting it.

An Argos package (.argosmodel) is a zip archive with exactly one top folder
that holds metadata.json (with from_code and to_code), model/model.bin (a
CTranslate2 model) and sentencepiece.model or bpe.model. `open_archive` and
`check_archive` verify all of that from the zip's directory alone, and refuse
anything that could write outside the install folder, fill the disk, or put
escape sequences on the terminal. `extract` then copies the top folder's
contents, and stops if an entry turns out larger than the directory declared.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath
from typing import NamedTuple

from bilingo.errors import ModelError

MiB = 1024**2

# Archive limits, all read from the zip's directory before anything is written.
# Real Argos packages are 50-300 MB once extracted, hold a few dozen entries at
# most 5 folders deep, and their big files (int8 weights, SentencePiece models)
# compress less than 3 times. The limits leave a wide margin above that and
# refuse what is only built to exhaust the disk, memory or time:
# - in all, more than 1.25 GiB once extracted (about 4x the largest package);
MAX_TOTAL_SIZE = 1280 * MiB
# - more than 4000 entries (100,000 empty files exhaust inodes and time, not bytes);
MAX_ENTRIES = 4000
# - a directory over 2 MiB (~500 bytes an allowed entry; real ones take a few KB):
#   zipfile reads it whole and builds an object per entry (about 1 s and 500 MB
#   for a million) before any other check can run, so this is checked first;
MAX_DIRECTORY_SIZE = 2 * MiB
# - any entry over 1 MiB that expands more than 200 times (deflated zeros expand
#   ~1000 times). Smaller entries are exempt: metadata.json or a vocabulary may
#   compress 10-50 times, and MAX_TOTAL_SIZE bounds what small entries can add;
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_SIZE = 1 * MiB
# - a name over 256 characters or 16 folders deep (real ones: ~60 and 5): deeper
#   paths fail as "file name too long" or exhaust the recursion of mkdir/rmtree.
MAX_NAME_LENGTH = 256
MAX_NAME_DEPTH = 16
MAX_METADATA_SIZE = 1 * MiB
MAX_VERSION_LENGTH = 64  # versions are shown in `model list`: "1.0", "1.9"

# What a package folder holds (the same names once installed).
METADATA_FILE = "metadata.json"
MODEL_FILE = "model/model.bin"
TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")

# The metadata keys are Argos's own; in bilingo they are source_lang and target_lang.
LANGUAGE_KEYS = ("from_code", "to_code")
# Argos names a package folder translate-<from_code>_<to_code>-<version>.
ARGOS_FOLDER_PREFIX = "translate-"

_LANGUAGE_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$")
_FOLDER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$")

# What zipfile and zlib raise on a damaged archive (NotImplementedError: an unknown
# compression method or zip version, which is how damaged headers often read;
# UnicodeDecodeError: an entry's own header whose name is not the UTF-8 it claims).
DAMAGED_ARCHIVE_ERRORS = (
    zipfile.BadZipFile,
    EOFError,
    zlib.error,
    NotImplementedError,
    UnicodeDecodeError,
)


class CheckedArchive(NamedTuple):
    """An archive that passed check_archive: its top folder, its metadata, its entries."""

    top: str
    metadata: dict
    members: list[zipfile.ZipInfo]  # every entry, in archive order

    @property
    def source_lang(self) -> str:
        return self.metadata["from_code"]

    @property
    def target_lang(self) -> str:
        return self.metadata["to_code"]

    @property
    def pair(self) -> tuple[str, str]:
        return self.source_lang, self.target_lang


def refused(shown: str, why: str) -> ModelError:
    return ModelError(f"{shown} is refused: {why}")


def not_a_package(shown: str, why: str) -> ModelError:
    return ModelError(f"{shown} is not an Argos package: {why}")


def not_usable(shown: str, why: str) -> ModelError:
    return ModelError(f"{shown} is not a usable Argos package: {why}")


# --------------------------------------------------------------------------- opening


def open_archive(source: Path, shown: str) -> zipfile.ZipFile:
    """Open a zip archive; a missing, unreadable or non-zip file is a ModelError.

    A directory too large to be a package's is refused before zipfile reads it.
    """
    if not source.is_file():
        raise ModelError(f"{shown} does not exist or is not a file")
    try:
        with open(source, "rb") as stream:
            _check_end_record(stream, shown)
        return zipfile.ZipFile(source)
    except (*DAMAGED_ARCHIVE_ERRORS, zipfile.LargeZipFile, ValueError):
        raise not_a_package(shown, "not a zip archive, or a damaged/truncated one") from None
    except OSError as error:
        raise ModelError(f"{shown} cannot be read: {error.strerror or error}") from None


def _check_end_record(stream, shown: str) -> None:
    """Refuse an archive whose end record declares too many entries or too large a directory.

    zipfile's own reader of the record (private, but unchanged since Python 2.6)
    is used so that this check and zipfile see the same record. zipfile reads
    as many entries as the directory's size holds, whatever count is declared,
    so both are checked here and the count again once read (check_archive).
    """
    end = zipfile._EndRecData(stream)
    if end is None:
        return  # not a zip archive: zipfile says so next
    if end[zipfile._ECD_ENTRIES_TOTAL] > MAX_ENTRIES:
        raise _too_many_entries(shown)
    if end[zipfile._ECD_SIZE] > MAX_DIRECTORY_SIZE:
        raise refused(
            shown, f"its directory of entries is larger than {MAX_DIRECTORY_SIZE // MiB} MiB"
        )


def _too_many_entries(shown: str) -> ModelError:
    return refused(shown, f"it has more than {MAX_ENTRIES} entries; a package has a few dozen")


# --------------------------------------------------------------------------- checking


def check_archive(zf: zipfile.ZipFile, shown: str) -> CheckedArchive:
    """Check an open archive from its directory alone; raises ModelError naming the problem.

    `shown` is how the archive is named in messages (its path).
    """
    try:
        members = zf.infolist()
        if not members:
            raise ModelError(f"{shown} is empty; an Argos package holds one folder with the model")
        if len(members) > MAX_ENTRIES:
            raise _too_many_entries(shown)
        names = _check_entries(members, shown)
        top = _single_top_folder(names, shown)
        metadata = _read_metadata(zf, members, top, shown)
        _check_folder_name(top, metadata, shown)
        _check_required_files(names, top, shown)
    except (*DAMAGED_ARCHIVE_ERRORS, OSError) as error:  # OSError: a seek outside the file
        raise ModelError(f"{shown} is a damaged archive: {error}") from None
    return CheckedArchive(top=top, metadata=metadata, members=members)


def _check_entries(members: list[zipfile.ZipInfo], shown: str) -> set[str]:
    """Check every entry's name and size; returns the entry names, `/`-separated."""
    names: set[str] = set()
    total = 0
    for info in members:
        names.add(_check_entry_name(info, names, shown))
        total += info.file_size
        _check_entry_size(info, total, shown)
    return names


def _check_entry_name(info: zipfile.ZipInfo, seen: set[str], shown: str) -> str:
    """The entry's name with `/` separators, if it stays inside the package folder."""
    name = info.filename
    reason = unsafe_member_reason(name) or _unsafe_kind_reason(info)
    if reason:
        raise refused(shown, f"the entry {_quoted(name)} {reason}")
    normalized = name.replace("\\", "/").rstrip("/")
    if normalized in seen:
        raise refused(shown, f"the entry {_quoted(name)} appears twice")
    if "/" not in normalized and not info.is_dir():
        raise not_a_package(shown, f"{_quoted(name)} is outside the package folder")
    return normalized


def unsafe_member_reason(name: str) -> str | None:
    """Why a zip entry name would escape the install folder or cannot be written, or None."""
    if "\x00" in name:
        return "contains a NUL character"
    if name.startswith(("/", "\\")):
        return "is an absolute path"
    if re.match(r"^[A-Za-z]:", name):
        return "starts with a drive letter"
    parts = re.split(r"[\\/]", name.rstrip("/\\"))
    if any(part in ("..", ".") for part in parts) or "" in parts:
        return "leaves the package folder"
    if len(name) > MAX_NAME_LENGTH or len(parts) > MAX_NAME_DEPTH:
        return f"is longer than {MAX_NAME_LENGTH} characters or {MAX_NAME_DEPTH} folders deep"
    return None


def _unsafe_kind_reason(info: zipfile.ZipInfo) -> str | None:
    """Why an entry that is not a plain file or folder is refused, or None."""
    if stat.S_ISLNK(info.external_attr >> 16):
        return "is a symbolic link"
    if info.flag_bits & 0x1:  # zipfile would ask for a password while extracting
        return "is encrypted"
    return None


def _quoted(name: str) -> str:
    """An entry name for a message: quoted, escaped, and cut short (names may be thousands long)."""
    return repr(name if len(name) <= 80 else name[:77] + "...")


def _check_entry_size(info: zipfile.ZipInfo, total_so_far: int, shown: str) -> None:
    """Refuse an archive that would fill the disk, or an entry that expands like a zip bomb."""
    if total_so_far > MAX_TOTAL_SIZE:
        raise refused(
            shown, f"it would take more than {MAX_TOTAL_SIZE / 1024**3:g} GiB once extracted"
        )
    expands_too_much = info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
    if info.file_size > RATIO_CHECK_MIN_SIZE and expands_too_much:
        raise refused(
            shown,
            f"the entry {_quoted(info.filename)} expands {info.file_size} bytes from "
            f"{info.compress_size} (more than {MAX_COMPRESSION_RATIO} times), which no model does",
        )


def _single_top_folder(names: set[str], shown: str) -> str:
    """The one folder every entry is in; its name becomes the installed folder's name."""
    tops = {name.split("/")[0] for name in names}
    if len(tops) != 1:
        found = ", ".join(_quoted(name) for name in sorted(tops)[:5])
        raise not_a_package(
            shown, f"it must hold exactly one top folder, found {len(tops)} ({found})"
        )
    top = tops.pop()
    if not _FOLDER_NAME.match(top):
        raise refused(shown, f"its top folder name {_quoted(top)} is not a plain name")
    return top


def _read_metadata(
    zf: zipfile.ZipFile, members: list[zipfile.ZipInfo], top: str, shown: str
) -> dict:
    """The package's metadata.json as a dict with valid language codes."""
    path = f"{top}/{METADATA_FILE}"
    info = next((i for i in members if i.filename.rstrip("/") == path), None)
    if info is None:
        raise not_a_package(shown, f"{path} is missing")
    if info.file_size > MAX_METADATA_SIZE:
        raise refused(shown, f"{path} is implausibly large")
    try:
        metadata = json.loads(zf.read(info).decode("utf-8"))
    except RecursionError:
        raise not_usable(shown, f"{path} is nested too deeply") from None
    except ValueError as error:  # also UnicodeDecodeError
        raise not_usable(shown, f"{path} is not valid JSON ({error})") from None
    if not isinstance(metadata, dict):
        raise not_usable(shown, f"{METADATA_FILE} is not an object")
    problem = metadata_problem(metadata)
    if problem:
        raise not_usable(shown, problem)
    return metadata


def metadata_problem(metadata: dict) -> str | None:
    """Why a package's metadata cannot be installed or listed, or None when it can.

    The codes and the version end up on the terminal (`model list`, messages),
    so they must be plain text: no escape sequences, no line breaks.
    """
    for key in LANGUAGE_KEYS:
        if not is_language_code(metadata.get(key)):
            return f'{METADATA_FILE} has no valid {key} (a language code such as "ko")'
    if plain_version(metadata) is None:
        return (
            f"the package_version in {METADATA_FILE} is not plain text "
            f"(at most {MAX_VERSION_LENGTH} printable characters)"
        )
    return None


def is_language_code(value: object) -> bool:
    return isinstance(value, str) and bool(_LANGUAGE_CODE.match(value))


def plain_version(metadata: dict) -> str | None:
    """The package_version ("" if absent), or None when it is not short printable text."""
    version = metadata.get("package_version") or ""
    if isinstance(version, int | float):  # Argos writes text; a bare number is harmless
        version = str(version)
    if isinstance(version, str) and len(version) <= MAX_VERSION_LENGTH and version.isprintable():
        return version
    return None


def _check_folder_name(top: str, metadata: dict, shown: str) -> None:
    """Refuse a folder named the Argos way for another pair than its metadata says.

    Installing replaces the model in the folder of the same name, so a mislabelled
    en->ko package in translate-ko_en-1_0 would delete the ko->en model. Other
    names (not starting with translate-) are accepted as they are.
    """
    source_lang, target_lang = (metadata[key] for key in LANGUAGE_KEYS)
    expected = f"{ARGOS_FOLDER_PREFIX}{source_lang}_{target_lang}"
    if not top.startswith(ARGOS_FOLDER_PREFIX) or top == expected or top.startswith(expected + "-"):
        return
    named = top[len(ARGOS_FOLDER_PREFIX) :].split("-")[0].replace("_", "\u2192", 1)
    raise refused(
        shown,
        f"its folder {top} is named for {named} "
        f"but its {METADATA_FILE} says {source_lang}\u2192{target_lang}",
    )


def _check_required_files(names: set[str], top: str, shown: str) -> None:
    if f"{top}/{MODEL_FILE}" not in names:
        raise not_a_package(shown, f"{top}/{MODEL_FILE} is missing")
    if not any(f"{top}/{tokenizer}" in names for tokenizer in TOKENIZER_FILES):
        raise not_a_package(
            shown, f"it has neither {top}/{TOKENIZER_FILES[0]} nor {top}/{TOKENIZER_FILES[1]}"
        )


# --------------------------------------------------------------------------- extracting


def extract(zf: zipfile.ZipFile, checked: CheckedArchive, destination: Path, shown: str) -> None:
    """Extract the package folder's contents into destination (which exists and is empty).

    Raises ModelError; the caller removes destination on any failure.
    """
    try:
        for info in checked.members:
            _extract_member(zf, info, checked.top, destination)
    except _LargerThanDeclared as error:
        raise refused(shown, str(error)) from None
    except DAMAGED_ARCHIVE_ERRORS as error:
        raise ModelError(f"{shown} is a damaged archive: {error}") from None
    except OSError as error:
        raise ModelError(f"could not extract {shown} into {destination.parent}: {error}") from None


class _LargerThanDeclared(Exception):
    """An entry's data is longer than the directory said (the size checks relied on it)."""


def _extract_member(
    zf: zipfile.ZipFile, info: zipfile.ZipInfo, top: str, destination: Path
) -> None:
    relative = info.filename.replace("\\", "/")[len(top) + 1 :].rstrip("/")
    if not relative:  # the top folder itself
        return
    target = destination.joinpath(*PurePosixPath(relative).parts)
    if info.is_dir():
        target.mkdir(parents=True, exist_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with zf.open(info) as source, open(target, "xb") as sink:
        while chunk := source.read(1024 * 1024):
            written += len(chunk)
            if written > info.file_size:
                raise _LargerThanDeclared(
                    f"the entry {_quoted(info.filename)} is larger than it declares"
                )
            sink.write(chunk)
