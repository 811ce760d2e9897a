"""Argos Translate package management: list, install (from a file or the index), remove.

An Argos package (.argosmodel) is a zip archive with exactly one top folder that
holds metadata.json, model/ (a CTranslate2 model) and sentencepiece.model (or
bpe.model). Installed packages live in `models_dir()`, one folder per package,
named after the archive's top folder. bilingo keeps at most one package per
language pair: installing a package for a pair replaces the one installed.

Installing from a file checks the whole archive before anything is written, then
extracts into a hidden temporary folder inside `models_dir()` and renames it into
place, so a package is either fully installed or not there at all.

The network is used only by `install_from_index` (and `describe_available`),
which read the Argos package index and download one package.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from bilingo.errors import ModelError, ModelNotInstalled, NetworkError
from bilingo.paths import MODELS_DIR_ENV, models_dir

# Archive limits. Real Argos packages are 50-300 MB and their model.bin (int8
# weights) hardly compresses, so these refuse only archives built to exhaust the
# disk: more than 4 GiB once extracted in total, or any entry over 100 MB that
# expands more than 200 times (a typical zip bomb expands ~1000 times).
MAX_TOTAL_SIZE = 4 * 1024**3
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_SIZE = 100 * 1024**2
MAX_METADATA_SIZE = 1024**2

# Network: fail fast when offline; the index is small, a package is large.
NETWORK_TIMEOUT = 15.0
DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
USER_AGENT = "bilingo (Argos Translate package download)"

TOKENIZER_FILES = ("sentencepiece.model", "bpe.model")
_LANGUAGE_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$")
_FOLDER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$")
_TEMP_PREFIX = "."  # hidden folders in models_dir are work in progress, never models

ProgressCallback = Callable[[int, int], None]


@dataclass
class InstalledModel:
    """One installed Argos package."""

    from_code: str
    to_code: str
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
        return f"{self.from_code}\u2192{self.to_code}"


@dataclass
class AvailableModel:
    """A package offered by the Argos package index."""

    from_code: str
    to_code: str
    package_version: str
    name: str  # argospm name, e.g. translate-ko_en
    links: list[str] = field(default_factory=list)
    from_name: str = ""
    to_name: str = ""

    @property
    def pair(self) -> str:
        return f"{self.from_code}\u2192{self.to_code}"


# --------------------------------------------------------------------------- listing


def _folder_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for file_name in files:
            with contextlib.suppress(OSError):
                total += os.lstat(os.path.join(root, file_name)).st_size
    return total


def _read_installed(path: Path) -> InstalledModel | None:
    """An InstalledModel for a package folder, or None when the folder is not a usable package."""
    try:
        metadata = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(metadata, dict):
        return None
    from_code, to_code = metadata.get("from_code"), metadata.get("to_code")
    if not (isinstance(from_code, str) and from_code and isinstance(to_code, str) and to_code):
        return None
    if not (path / "model" / "model.bin").is_file():
        return None
    tokenizer = next((path / f for f in TOKENIZER_FILES if (path / f).is_file()), None)
    if tokenizer is None:
        return None
    target_prefix = metadata.get("target_prefix") or ""
    return InstalledModel(
        from_code=from_code,
        to_code=to_code,
        package_version=str(metadata.get("package_version", "")),
        name=path.name,
        path=path,
        size_bytes=_folder_size(path),
        target_prefix=target_prefix if isinstance(target_prefix, str) else "",
        tokenizer_path=tokenizer,
    )


def list_models() -> list[InstalledModel]:
    """Every usable package in models_dir(), sorted by language pair; broken folders are skipped."""
    directory = models_dir()
    try:
        entries = sorted(directory.iterdir())
    except OSError:
        return []
    models = []
    for entry in entries:
        if entry.name.startswith(_TEMP_PREFIX) or not entry.is_dir():
            continue
        model = _read_installed(entry)
        if model is not None:
            models.append(model)
    models.sort(key=lambda m: (m.from_code, m.to_code, m.name))
    return models


def _version_key(version: str) -> tuple:
    parts = re.findall(r"\d+|[A-Za-z]+", version)
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in parts)


def find_model(from_code: str, to_code: str) -> InstalledModel:
    """The installed package for a pair; raises ModelNotInstalled (whose message names the fix)."""
    matches = [m for m in list_models() if m.from_code == from_code and m.to_code == to_code]
    if not matches:
        raise ModelNotInstalled(from_code, to_code)
    # Only reachable when someone copied folders in by hand: prefer the newest.
    return max(matches, key=lambda m: _version_key(m.package_version))


# --------------------------------------------------------------------------- checking


@dataclass
class _CheckedArchive:
    top: str
    metadata: dict
    members: list[zipfile.ZipInfo]  # every entry, in archive order


def _unsafe_member_reason(name: str) -> str | None:
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


def _check_archive(zf: zipfile.ZipFile, shown: str) -> _CheckedArchive:
    """Check an open archive from its directory alone; raises ModelError naming the problem."""
    members = zf.infolist()
    if not members:
        raise ModelError(f"{shown} is empty; an Argos package holds one folder with the model")
    names = set()
    tops = set()
    total = 0
    for info in members:
        name = info.filename
        reason = _unsafe_member_reason(name)
        if reason:
            raise ModelError(f"{shown} is refused: the entry {name!r} {reason}")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise ModelError(f"{shown} is refused: the entry {name!r} is a symbolic link")
        normalized = name.replace("\\", "/").rstrip("/")
        if normalized in names:
            raise ModelError(f"{shown} is refused: the entry {name!r} appears twice")
        names.add(normalized)
        parts = normalized.split("/")
        tops.add(parts[0])
        if len(parts) == 1 and not info.is_dir():
            raise ModelError(
                f"{shown} is not an Argos package: {name!r} is outside the package folder"
            )
        total += info.file_size
        if total > MAX_TOTAL_SIZE:
            raise ModelError(
                f"{shown} is refused: it would take more than {MAX_TOTAL_SIZE // 1024**3} GiB "
                "once extracted"
            )
        if info.file_size > RATIO_CHECK_MIN_SIZE and info.file_size > MAX_COMPRESSION_RATIO * max(
            info.compress_size, 1
        ):
            raise ModelError(
                f"{shown} is refused: the entry {name!r} expands {info.file_size} bytes from "
                f"{info.compress_size} (more than {MAX_COMPRESSION_RATIO} times), "
                "which no model does"
            )
    if len(tops) != 1:
        raise ModelError(
            f"{shown} is not an Argos package: it must hold exactly one top folder, "
            f"found {len(tops)} ({', '.join(sorted(tops)[:5])})"
        )
    top = tops.pop()
    if not _FOLDER_NAME.match(top):
        raise ModelError(f"{shown} is refused: its top folder name {top!r} is not a plain name")

    if f"{top}/metadata.json" not in names:
        raise ModelError(f"{shown} is not an Argos package: {top}/metadata.json is missing")
    metadata_info = zf.getinfo(
        next(i.filename for i in members if i.filename.rstrip("/") == f"{top}/metadata.json")
    )
    if metadata_info.file_size > MAX_METADATA_SIZE:
        raise ModelError(f"{shown} is refused: {top}/metadata.json is implausibly large")
    try:
        metadata = json.loads(zf.read(metadata_info).decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as error:
        raise ModelError(
            f"{shown} is not a usable Argos package: {top}/metadata.json is not valid JSON "
            f"({error})"
        ) from None
    if not isinstance(metadata, dict):
        raise ModelError(f"{shown} is not a usable Argos package: metadata.json is not an object")
    for key in ("from_code", "to_code"):
        code = metadata.get(key)
        if not isinstance(code, str) or not _LANGUAGE_CODE.match(code):
            raise ModelError(
                f"{shown} is not a usable Argos package: metadata.json has no {key} "
                '(a language code such as "ko")'
            )
    if f"{top}/model/model.bin" not in names:
        raise ModelError(f"{shown} is not an Argos package: {top}/model/model.bin is missing")
    if not any(f"{top}/{tokenizer}" in names for tokenizer in TOKENIZER_FILES):
        raise ModelError(
            f"{shown} is not an Argos package: it has neither {top}/sentencepiece.model "
            f"nor {top}/bpe.model"
        )
    return _CheckedArchive(top=top, metadata=metadata, members=members)


def _extract(zf: zipfile.ZipFile, checked: _CheckedArchive, destination: Path) -> None:
    """Extract the package folder's contents into destination (which exists and is empty)."""
    prefix = checked.top + "/"
    for info in checked.members:
        relative = info.filename.replace("\\", "/")[len(prefix) :].rstrip("/")
        if not relative:
            continue
        target = destination.joinpath(*PurePosixPath(relative).parts)
        if info.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        with zf.open(info) as source, open(target, "xb") as sink:
            while chunk := source.read(1024 * 1024):
                written += len(chunk)
                if written > info.file_size:  # the directory lied about the size
                    raise ModelError(f"the entry {info.filename!r} is larger than it declares")
                sink.write(chunk)


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


# --------------------------------------------------------------------------- installing


def install_from_file(path: str | os.PathLike, *, replace: bool = True) -> InstalledModel:
    """Install an .argosmodel file after checking it; returns the installed model.

    The archive is checked before anything is written: a readable zip with one top
    folder holding metadata.json (with from_code and to_code), model/model.bin and
    sentencepiece.model or bpe.model; no entry that leaves the folder (../, absolute
    paths, drive letters), no symbolic links, no implausible sizes (see
    MAX_TOTAL_SIZE and MAX_COMPRESSION_RATIO). It is then extracted into a hidden
    folder inside models_dir() and renamed into place. A package already installed
    for the same pair is replaced (replace=False refuses instead); installing the
    same package again is harmless. On any failure nothing is left behind.
    """
    source = Path(path)
    shown = str(source)
    if not source.is_file():
        raise ModelError(f"{shown} does not exist or is not a file")
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError):
        raise ModelError(
            f"{shown} is not an Argos package: not a zip archive, or a damaged/truncated one"
        ) from None
    except OSError as error:
        raise ModelError(f"{shown} cannot be read: {error.strerror or error}") from None
    with zf:
        try:
            checked = _check_archive(zf, shown)
        except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as error:
            raise ModelError(f"{shown} is a damaged archive: {error}") from None
        from_code, to_code = checked.metadata["from_code"], checked.metadata["to_code"]

        directory = models_dir()
        existing = [m for m in list_models() if m.from_code == from_code and m.to_code == to_code]
        if existing and not replace:
            current = existing[0]
            raise ModelError(
                f"a {current.pair} model is already installed ({current.name}); run "
                f"`bilingo model remove {from_code} {to_code}` first"
            )
        try:
            directory.mkdir(parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=f"{_TEMP_PREFIX}install-", dir=directory))
            staging.chmod(0o755)  # mkdtemp makes it private; an installed package is not
        except OSError as error:
            raise ModelError(f"cannot write to the models folder {directory}: {error}") from None
        try:
            _extract(zf, checked, staging)
        except ModelError as error:
            _remove_tree(staging)
            raise ModelError(f"{shown} is refused: {error}") from None
        except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as error:
            _remove_tree(staging)
            raise ModelError(f"{shown} is a damaged archive: {error}") from None
        except OSError as error:
            _remove_tree(staging)
            raise ModelError(f"could not extract {shown} into {directory}: {error}") from None
        except BaseException:
            _remove_tree(staging)
            raise

    final = directory / checked.top
    return _move_into_place(staging, final, [m.path for m in existing])


def _move_into_place(staging: Path, final: Path, replaced: list[Path]) -> InstalledModel:
    """Rename staging to final; folders in `replaced` (and final, if present) go away."""
    directory = final.parent
    old_paths = list(dict.fromkeys([*replaced, *([final] if final.exists() else [])]))
    moved_aside: list[tuple[Path, Path]] = []
    try:
        for old in old_paths:
            aside = Path(tempfile.mkdtemp(prefix=f"{_TEMP_PREFIX}old-", dir=directory))
            aside.rmdir()
            os.replace(old, aside)
            moved_aside.append((old, aside))
        os.replace(staging, final)
    except OSError as error:
        # Put back what was moved aside so a failed install changes nothing.
        for old, aside in reversed(moved_aside):
            with contextlib.suppress(OSError):
                os.replace(aside, old)
        _remove_tree(staging)
        raise ModelError(f"could not install into {final}: {error}") from None
    for _old, aside in moved_aside:
        _remove_tree(aside)
    installed = _read_installed(final)
    if installed is None:  # cannot happen after the checks, but never return a broken model
        raise ModelError(f"the package installed into {final} cannot be read")
    return installed


def remove_model(from_code: str, to_code: str) -> InstalledModel:
    """Remove the installed package for a pair; returns what was removed."""
    model = find_model(from_code, to_code)
    try:
        aside = Path(tempfile.mkdtemp(prefix=f"{_TEMP_PREFIX}remove-", dir=model.path.parent))
        aside.rmdir()
        os.replace(model.path, aside)
    except OSError as error:
        raise ModelError(f"could not remove {model.path}: {error}") from None
    _remove_tree(aside)
    return model


# --------------------------------------------------------------------------- the index


def _offline_error(url: str, error: object) -> NetworkError:
    return NetworkError(
        f"could not reach the Argos package index ({url}): {error}. "
        "Without network, get the .argosmodel file another way and run "
        "`bilingo model install --file PATH.argosmodel`"
    )


def _argos_package_module():
    """Import argostranslate.package without letting it touch the user's folders.

    argostranslate.settings, on import, creates data/config/cache folders from
    XDG_* and ARGOS_PACKAGES_DIR and reads ~/.config/argos-translate/settings.json.
    The variables point at a throw-away folder while it is imported.
    Its translate module is never imported (it loads sentence splitters).
    """
    if "argostranslate.package" in sys.modules:
        return sys.modules["argostranslate.package"]
    keys = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "ARGOS_PACKAGES_DIR")
    saved = {key: os.environ.get(key) for key in keys}
    with tempfile.TemporaryDirectory(prefix="bilingo-argos-") as scratch:
        for key in keys:
            os.environ[key] = os.path.join(scratch, key.lower())
        try:
            import argostranslate.package as argos_package
        finally:
            for key, value in saved.items():
                if value is None:
                    os.environ.pop(key, None)
                else:
                    os.environ[key] = value
    return argos_package


def _index_url(index_url: str | None) -> str:
    if index_url:
        return index_url
    # The variable argostranslate itself honours (a base URL ending in /).
    base = os.environ.get("ARGOS_PACKAGE_INDEX")
    return base.rstrip("/") + "/index.json" if base else DEFAULT_INDEX_URL


def _fetch_index(url: str, timeout: float) -> bytes:
    import urllib.error
    import urllib.request  # imported here: it costs ~80 ms that `bilingo model list` never needs

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.URLError as error:
        raise _offline_error(url, getattr(error, "reason", error)) from None
    except (OSError, ValueError) as error:  # timeouts, resets, malformed URLs
        raise _offline_error(url, error) from None


def available_models(
    *, index_url: str | None = None, timeout: float = NETWORK_TIMEOUT
) -> list[AvailableModel]:
    """Every translation package the Argos index offers (reads the index over the network)."""
    url = _index_url(index_url)
    data = _fetch_index(url, timeout)
    argos_package = _argos_package_module()
    # argostranslate's own reader parses the index; its update_package_index() is
    # not used because it has no timeout and swallows errors, after which
    # get_available_packages() recurses until RecursionError when offline.
    with tempfile.TemporaryDirectory(prefix="bilingo-index-") as scratch:
        local_index = Path(scratch) / "index.json"
        local_index.write_bytes(data)
        settings = argos_package.settings
        saved = settings.local_package_index
        settings.local_package_index = local_index
        try:
            packages = argos_package.get_available_packages()
        except (ValueError, TypeError, AttributeError) as error:
            raise NetworkError(
                f"the Argos package index at {url} could not be read ({error}); try again "
                "later, or run `bilingo model install --file PATH.argosmodel`"
            ) from None
        finally:
            settings.local_package_index = saved
    models = []
    for package in packages:
        if getattr(package, "type", "translate") != "translate":
            continue
        if not (package.from_code and package.to_code):
            continue
        models.append(
            AvailableModel(
                from_code=package.from_code,
                to_code=package.to_code,
                package_version=str(package.package_version or ""),
                name=argos_package.argospm_package_name(package),
                links=[link for link in package.links or [] if isinstance(link, str)],
                from_name=package.from_name or "",
                to_name=package.to_name or "",
            )
        )
    return models


def describe_available(
    from_code: str,
    to_code: str,
    *,
    index_url: str | None = None,
    timeout: float = NETWORK_TIMEOUT,
) -> AvailableModel:
    """The index's package for a pair (what install_from_index would download)."""
    models = available_models(index_url=index_url, timeout=timeout)
    for model in models:
        if model.from_code == from_code and model.to_code == to_code and model.links:
            return model
    targets = sorted({m.to_code for m in models if m.from_code == from_code})
    offered = f"; from {from_code} it offers: {', '.join(targets)}" if targets else ""
    raise ModelError(f"the Argos package index has no {from_code}\u2192{to_code} package{offered}")


def _download(
    url: str, destination: Path, progress: ProgressCallback | None, timeout: float
) -> int:
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with (
            urllib.request.urlopen(request, timeout=timeout) as response,
            open(destination, "wb") as sink,
        ):
            total = int(response.headers.get("Content-Length") or 0)
            done = 0
            if progress:
                progress(0, total)
            while chunk := response.read(256 * 1024):
                sink.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
    except urllib.error.URLError as error:
        raise NetworkError(
            f"could not download {url}: {getattr(error, 'reason', error)}. Without network, "
            "get the .argosmodel file another way and run "
            "`bilingo model install --file PATH.argosmodel`"
        ) from None
    except (OSError, ValueError) as error:
        raise NetworkError(
            f"the download of {url} failed: {error}. Try again, or get the .argosmodel file "
            "another way and run `bilingo model install --file PATH.argosmodel`"
        ) from None
    if total and done != total:
        raise NetworkError(
            f"the download of {url} stopped after {done} of {total} bytes; try again, or run "
            "`bilingo model install --file PATH.argosmodel`"
        )
    return done


def install_from_index(
    from_code: str,
    to_code: str,
    progress: ProgressCallback | None = None,
    *,
    available: AvailableModel | None = None,
    index_url: str | None = None,
    timeout: float = NETWORK_TIMEOUT,
) -> InstalledModel:
    """Download the index's package for a pair and install it; the only networked call.

    progress(done_bytes, total_bytes) is called as the download proceeds
    (total_bytes is 0 when the server does not say). Pass `available` (from
    describe_available, e.g. after telling the user what will be downloaded) to
    skip reading the index a second time. Offline, fails at once with NetworkError.
    """
    package = available or describe_available(
        from_code, to_code, index_url=index_url, timeout=timeout
    )
    directory = models_dir()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            prefix=f"{_TEMP_PREFIX}download-", suffix=".argosmodel", dir=directory
        )
        os.close(handle)
    except OSError as error:
        raise ModelError(f"cannot write to the models folder {directory}: {error}") from None
    download = Path(temporary)
    try:
        last_error: NetworkError | None = None
        for url in package.links:
            try:
                _download(url, download, progress, timeout)
                break
            except NetworkError as error:
                last_error = error
        else:
            raise last_error or NetworkError(f"the index lists no download for {package.name}")
        return install_from_file(download)
    finally:
        download.unlink(missing_ok=True)
