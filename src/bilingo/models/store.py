"""Installed Argos packages: list them, find one, install a checked archive, remove one.

Installed packages live in `models_dir()`, one folder per package, named after
the archive's top folder. bilingo keeps at most one package per language pair:
installing a package for a pair replaces the one installed for that pair, and
never a model of another pair (only remove_model removes one).

Installing extracts into a hidden temporary folder inside `models_dir()` and
renames it into place, so a package is either fully installed or not there at
all. Hidden entries (names starting with ".") are always work in progress,
never packages.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bilingo.errors import ModelError, ModelNotInstalled
from bilingo.models.archive import (
    LANGUAGE_KEYS,
    METADATA_FILE,
    MODEL_FILE,
    TOKENIZER_FILES,
    CheckedArchive,
    check_archive,
    extract,
    metadata_problem,
    open_archive,
    plain_version,
)
from bilingo.paths import models_dir

WORK_PREFIX = "."  # hidden folders and files in models_dir are work in progress


@dataclass
class InstalledModel:
    """One installed Argos package."""

    source_lang: str
    target_lang: str
    package_version: str
    name: str  # the package folder name, e.g. translate-ko_en-1_1
    path: Path  # the package folder (holds metadata.json and model/)
    size_bytes: int
    target_prefix: str = ""  # token Argos forces as the first decoded token, if any
    tokenizer_path: Path | None = None  # sentencepiece.model or bpe.model

    @property
    def model_path(self) -> Path:
        """The CTranslate2 model folder."""
        return self.path / "model"

    @property
    def pair(self) -> str:
        return f"{self.source_lang}\u2192{self.target_lang}"


# --------------------------------------------------------------------------- listing


def list_models() -> list[InstalledModel]:
    """Every usable package in models_dir(), sorted by language pair; broken folders are skipped."""
    try:
        entries = sorted(models_dir().iterdir())
    except OSError:
        return []
    found = (
        read_installed(entry)
        for entry in entries
        if not entry.name.startswith(WORK_PREFIX) and entry.is_dir()
    )
    installed = [model for model in found if model is not None]
    installed.sort(key=lambda m: (m.source_lang, m.target_lang, m.name))
    return installed


def read_installed(path: Path) -> InstalledModel | None:
    """An InstalledModel for a package folder, or None when the folder is not a usable package.

    A folder copied in by hand is held to what installing checks in metadata.json.
    """
    metadata = _read_metadata_file(path)
    if metadata is None or metadata_problem(metadata):
        return None
    source_lang, target_lang = (metadata[key] for key in LANGUAGE_KEYS)
    tokenizer = next((path / f for f in TOKENIZER_FILES if (path / f).is_file()), None)
    if tokenizer is None or not (path / MODEL_FILE).is_file():
        return None
    target_prefix = metadata.get("target_prefix") or ""
    return InstalledModel(
        source_lang=source_lang,
        target_lang=target_lang,
        package_version=plain_version(metadata),
        name=path.name,
        path=path,
        size_bytes=_folder_size(path),
        target_prefix=target_prefix if isinstance(target_prefix, str) else "",
        tokenizer_path=tokenizer,
    )


def _read_metadata_file(path: Path) -> dict | None:
    try:
        metadata = json.loads((path / METADATA_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):  # RecursionError: JSON nested too deeply
        return None
    return metadata if isinstance(metadata, dict) else None


def _folder_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for file_name in files:
            with contextlib.suppress(OSError):  # a file removed while we count
                total += os.lstat(os.path.join(root, file_name)).st_size
    return total


def installed_for(source_lang: str, target_lang: str) -> list[InstalledModel]:
    """Every installed package for a pair (normally none or one)."""
    return [
        m for m in list_models() if (m.source_lang, m.target_lang) == (source_lang, target_lang)
    ]


def find_model(source_lang: str, target_lang: str) -> InstalledModel:
    """The installed package for a pair; raises ModelNotInstalled (remedy "install-model")."""
    matches = installed_for(source_lang, target_lang)
    if not matches:
        raise ModelNotInstalled(source_lang, target_lang)
    # Several only when someone copied folders in by hand: prefer the newest.
    return max(matches, key=lambda m: _version_key(m.package_version))


def _version_key(version: str) -> tuple:
    parts = re.findall(r"\d+|[A-Za-z]+", version)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


# --------------------------------------------------------------------------- installing


def install_from_file(path: str | os.PathLike, *, replace: bool = True) -> InstalledModel:
    """Install an .argosmodel file after checking it; returns the installed model.

    The archive is checked before anything is written (bilingo.models.archive):
    a readable zip with one top folder holding metadata.json (with from_code and
    to_code), model/model.bin and sentencepiece.model or bpe.model; no entry that
    leaves the folder (../, absolute paths, drive letters), no symbolic links, no
    implausible sizes or counts (MAX_TOTAL_SIZE, MAX_ENTRIES, MAX_COMPRESSION_RATIO),
    no folder named for another pair than its metadata says, no control
    characters in the codes or version. It is then extracted into a hidden
    folder inside models_dir() and renamed into place. A package already
    installed for the same pair is replaced (replace=False refuses instead,
    remedy "remove-model-first"); a folder holding another pair's model is never
    replaced (refused, remedy "remove-model-first" naming that pair); installing
    the same package again is harmless. On any failure nothing is left behind.
    """
    source = Path(path)
    shown = str(source)
    with open_archive(source, shown) as zf:
        checked = check_archive(zf, shown)
        final = models_dir() / checked.top
        _check_target_folder(final, checked, shown)
        existing = installed_for(checked.source_lang, checked.target_lang)
        if existing and not replace:
            raise _already_installed(existing[0])
        staging = _new_staging_folder()
        try:
            extract(zf, checked, staging, shown)
            _check_target_folder(final, checked, shown)  # again: another install may have run
        except BaseException:  # including KeyboardInterrupt: never leave a half package
            remove_tree(staging)
            raise
    return _move_into_place(staging, final, [m.path for m in existing])


def _check_target_folder(final: Path, checked: CheckedArchive, shown: str) -> None:
    """Refuse to install into a folder that holds another pair's model.

    Two packages may share a folder name (names not made the Argos way); replacing
    the folder would remove a model that only remove_model may remove. A folder
    that holds no usable model (a broken copy of this package) is replaced.
    """
    held = read_installed(final) if final.is_dir() else None
    if held is None or (held.source_lang, held.target_lang) == checked.pair:
        return
    raise ModelError(
        f"{shown} is refused: the folder {final.name} already holds the {held.pair} model",
        remedy="remove-model-first",
        source_lang=held.source_lang,
        target_lang=held.target_lang,
    )


def _already_installed(current: InstalledModel) -> ModelError:
    return ModelError(
        f"a {current.pair} model is already installed ({current.name})",
        remedy="remove-model-first",
        source_lang=current.source_lang,
        target_lang=current.target_lang,
    )


def ensure_models_dir() -> Path:
    """models_dir(), created if needed; ModelError when it cannot be written."""
    directory = models_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise _cannot_write(directory, error) from None
    return directory


def _cannot_write(directory: Path, error: OSError) -> ModelError:
    return ModelError(f"cannot write to the models folder {directory}: {error}")


def _new_staging_folder() -> Path:
    directory = ensure_models_dir()
    try:
        staging = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}install-", dir=directory))
        staging.chmod(0o755)  # mkdtemp makes it private; an installed package is not
    except OSError as error:
        raise _cannot_write(directory, error) from None
    return staging


def new_work_file(kind: str, suffix: str) -> Path:
    """An empty hidden file in models_dir() (e.g. a download), never listed as a model."""
    directory = ensure_models_dir()
    try:
        handle, name = tempfile.mkstemp(
            prefix=f"{WORK_PREFIX}{kind}-", suffix=suffix, dir=directory
        )
    except OSError as error:
        raise _cannot_write(directory, error) from None
    os.close(handle)
    return Path(name)


def _move_into_place(staging: Path, final: Path, replaced: list[Path]) -> InstalledModel:
    """Rename staging to final; folders in `replaced` (and final, if present) go away.

    The old folders are first renamed aside, so a failure at any step can put
    them back and leave the models folder as it was.
    """
    old_paths = list(dict.fromkeys([*replaced, *([final] if final.exists() else [])]))
    moved_aside: list[tuple[Path, Path]] = []
    try:
        for old in old_paths:
            moved_aside.append((old, _move_aside(old, "old")))
        os.replace(staging, final)
    except OSError as error:
        for old, aside in reversed(moved_aside):
            with contextlib.suppress(OSError):
                os.replace(aside, old)
        remove_tree(staging)
        raise ModelError(f"could not install into {final}: {error}") from None
    for _old, aside in moved_aside:
        remove_tree(aside)
    installed = read_installed(final)
    if installed is None:  # cannot happen after the checks, but never return a broken model
        raise ModelError(f"the package installed into {final} cannot be read")
    return installed


def _move_aside(path: Path, kind: str) -> Path:
    """Rename path to a new hidden name beside it (one atomic step); returns the new name."""
    aside = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{kind}-", dir=path.parent))
    aside.rmdir()  # mkdtemp found a free name; os.replace needs it absent
    os.replace(path, aside)
    return aside


def remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


# --------------------------------------------------------------------------- removing


def remove_model(source_lang: str, target_lang: str) -> InstalledModel:
    """Remove the installed package for a pair; returns what was removed.

    Raises ModelNotInstalled when there is none. The folder is renamed aside
    first, so the pair is gone at once even if deleting the files takes a while.
    """
    model = find_model(source_lang, target_lang)
    try:
        aside = _move_aside(model.path, "remove")
    except OSError as error:
        raise ModelError(f"could not remove {model.path}: {error}") from None
    remove_tree(aside)
    return model
