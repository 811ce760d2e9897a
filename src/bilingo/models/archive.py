"""Checking an Argos package archive before anything is written, and extracting it.

An Argos package (.argosmodel) is a zip archive with exactly one top folder
that holds metadata.json (with from_code and to_code), model/model.bin (a
CTranslate2 model) and sentencepiece.model or bpe.model. `check_archive`
verifies all of that from the zip's directory alone, and refuses anything
that could write outside the install folder or fill the disk. `extract`
then copies the top folder's contents, and stops if an entry turns out
larger than the directory declared.
"""

from __future__ import annotations

import json
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bilingo.errors import ModelError

# Archive limits. Real Argos packages are 50-300 MB and their model.bin (int8
# weights) hardly compresses, so these refuse only archives built to exhaust the
# disk: more than 4 GiB once extracted in total, or any entry over 100 MB that
# expands more than 200 times (a typical zip bomb expands ~1000 times).
MAX_TOTAL_SIZE = 4 * 1024**3
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_SIZE = 100 * 1024**2
MAX_METADATA_SIZE = 1024**2

# What a package folder holds (the same names once installed).
METADATA_FILE = "metadata.json"
MODEL_FILE = "model/model.bin"
TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")

# The metadata keys are Argos's own; in bilingo they are source_lang and target_lang.
LANGUAGE_KEYS = ("from_code", "to_code")

_LANGUAGE_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$")
_FOLDER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$")

# What zipfile and zlib raise on an archive whose data (not directory) is damaged.
DAMAGED_ARCHIVE_ERRORS = (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError)


@dataclass
class CheckedArchive:
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


def refused(shown: str, why: str) -> ModelError:
    return ModelError(f"{shown} is refused: {why}")


def not_a_package(shown: str, why: str) -> ModelError:
    return ModelError(f"{shown} is not an Argos package: {why}")


def not_usable(shown: str, why: str) -> ModelError:
    return ModelError(f"{shown} is not a usable Argos package: {why}")


# --------------------------------------------------------------------------- opening


def open_archive(source: Path, shown: str) -> zipfile.ZipFile:
    """Open a zip archive; a missing, unreadable or non-zip file is a ModelError."""
    if not source.is_file():
        raise ModelError(f"{shown} does not exist or is not a file")
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise not_a_package(shown, "not a zip archive, or a damaged/truncated one") from None
    except OSError as error:
        raise ModelError(f"{shown} cannot be read: {error.strerror or error}") from None


# --------------------------------------------------------------------------- checking


def check_archive(zf: zipfile.ZipFile, shown: str) -> CheckedArchive:
    """Check an open archive from its directory alone; raises ModelError naming the problem.

    `shown` is how the archive is named in messages (its path).
    """
    try:
        members = zf.infolist()
        if not members:
            raise ModelError(f"{shown} is empty; an Argos package holds one folder with the model")
        names = _check_entries(members, shown)
        top = _single_top_folder(names, shown)
        metadata = _read_metadata(zf, members, top, shown)
        _check_required_files(names, top, shown)
    except DAMAGED_ARCHIVE_ERRORS as error:
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
    reason = unsafe_member_reason(name)
    if reason:
        raise refused(shown, f"the entry {name!r} {reason}")
    if stat.S_ISLNK(info.external_attr >> 16):
        raise refused(shown, f"the entry {name!r} is a symbolic link")
    normalized = name.replace("\\", "/").rstrip("/")
    if normalized in seen:
        raise refused(shown, f"the entry {name!r} appears twice")
    if "/" not in normalized and not info.is_dir():
        raise not_a_package(shown, f"{name!r} is outside the package folder")
    return normalized


def unsafe_member_reason(name: str) -> str | None:
    """Why a zip entry name would escape the install folder, or None when it is safe."""
    if "\x00" in name:
        return "contains a NUL character"
    if name.startswith(("/", "\\")):
        return "is an absolute path"
    if re.match(r"^[A-Za-z]:", name):
        return "starts with a drive letter"
    parts = re.split(r"[\\/]", name.rstrip("/\\"))
    if any(part in ("..", ".") for part in parts) or "" in parts:
        return "leaves the package folder"
    return None


def _check_entry_size(info: zipfile.ZipInfo, total_so_far: int, shown: str) -> None:
    """Refuse an archive that would fill the disk, or an entry that expands like a zip bomb."""
    if total_so_far > MAX_TOTAL_SIZE:
        raise refused(
            shown, f"it would take more than {MAX_TOTAL_SIZE // 1024**3} GiB once extracted"
        )
    expands_too_much = info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
    if info.file_size > RATIO_CHECK_MIN_SIZE and expands_too_much:
        raise refused(
            shown,
            f"the entry {info.filename!r} expands {info.file_size} bytes from "
            f"{info.compress_size} (more than {MAX_COMPRESSION_RATIO} times), which no model does",
        )


def _single_top_folder(names: set[str], shown: str) -> str:
    """The one folder every entry is in; its name becomes the installed folder's name."""
    tops = {name.split("/")[0] for name in names}
    if len(tops) != 1:
        found = ", ".join(sorted(tops)[:5])
        raise not_a_package(
            shown, f"it must hold exactly one top folder, found {len(tops)} ({found})"
        )
    top = tops.pop()
    if not _FOLDER_NAME.match(top):
        raise refused(shown, f"its top folder name {top!r} is not a plain name")
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
    except (ValueError, UnicodeDecodeError) as error:
        raise not_usable(shown, f"{path} is not valid JSON ({error})") from None
    if not isinstance(metadata, dict):
        raise not_usable(shown, f"{METADATA_FILE} is not an object")
    _check_language_codes(metadata, shown)
    return metadata


def _check_language_codes(metadata: dict, shown: str) -> None:
    for key in LANGUAGE_KEYS:
        code = metadata.get(key)
        if not isinstance(code, str) or not _LANGUAGE_CODE.match(code):
            raise not_usable(shown, f'{METADATA_FILE} has no {key} (a language code such as "ko")')


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
                raise _LargerThanDeclared(f"the entry {info.filename!r} is larger than it declares")
            sink.write(chunk)
