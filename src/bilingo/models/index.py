"""The Argos package index: what it offers, and installing a package from it.

The index is a JSON list of package objects (the same fields as a package's
metadata.json, plus `links` to download it). It is read and parsed here, the
way argostranslate.package reads it, without importing argostranslate: that
library creates folders and reads settings from the environment when it is
imported. This module is the only place bilingo uses the network; every
request has a short timeout, so an offline machine fails at once.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bilingo.errors import ModelError, NetworkError
from bilingo.models.archive import is_language_code, plain_version
from bilingo.models.store import InstalledModel, install_from_file, new_work_file

# Network: fail fast when offline; the index is small, a package is large.
NETWORK_TIMEOUT = 15.0
DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/index.json"
INDEX_URL_ENV = "ARGOS_PACKAGE_INDEX"  # argostranslate's variable: a base URL ending in /
USER_AGENT = "bilingo (Argos Translate package download)"
DOWNLOAD_CHUNK = 256 * 1024

ProgressCallback = Callable[[int, int], None]


@dataclass
class AvailableModel:
    """A package offered by the Argos package index."""

    source_lang: str
    target_lang: str
    package_version: str
    name: str  # argospm name, e.g. translate-ko_en
    links: list[str] = field(default_factory=list)
    source_lang_name: str = ""  # e.g. "Korean"
    target_lang_name: str = ""

    @property
    def pair(self) -> str:
        return f"{self.source_lang}\u2192{self.target_lang}"


# --------------------------------------------------------------------------- reading the index


def available_models(
    *, index_url: str | None = None, timeout: float = NETWORK_TIMEOUT
) -> list[AvailableModel]:
    """Every translation package the Argos index offers (reads the index over the network)."""
    url = index_url or _configured_index_url()
    return parse_index(_fetch_index(url, timeout), url)


def _configured_index_url() -> str:
    base = os.environ.get(INDEX_URL_ENV)
    return base.rstrip("/") + "/index.json" if base else DEFAULT_INDEX_URL


def _fetch_index(url: str, timeout: float) -> bytes:
    # Imported here: urllib.request costs ~80 ms that `bilingo model list` never needs.
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.URLError as error:
        raise _unreachable(url, getattr(error, "reason", error)) from None
    except (OSError, ValueError) as error:  # timeouts, resets, malformed URLs
        raise _unreachable(url, error) from None


def _unreachable(url: str, error: object) -> NetworkError:
    return NetworkError(f"could not reach the Argos package index ({url}): {error}", url=url)


def parse_index(data: bytes, url: str = DEFAULT_INDEX_URL) -> list[AvailableModel]:
    """The translation packages in an index's JSON text; NetworkError if it is not an index.

    Entries that are not translation packages for one language pair (sentence
    splitters, multilingual packages without from_code/to_code, malformed
    entries) are skipped, as argostranslate's own listing does; so are entries
    whose codes or version a package's metadata.json could not hold (control
    characters: they would be shown on the terminal).
    """
    try:
        entries = json.loads(data)
    except ValueError as error:  # also UnicodeDecodeError
        raise _unreadable(url, error) from None
    except RecursionError:
        raise _unreadable(url, "it is nested too deeply") from None
    if not isinstance(entries, list):
        raise _unreadable(url, "it is not a list of packages")
    offered = (_available_model(entry) for entry in entries)
    return [model for model in offered if model is not None]


def _unreadable(url: str, why: object) -> NetworkError:
    return NetworkError(f"the Argos package index at {url} could not be read ({why})", url=url)


def _available_model(entry: object) -> AvailableModel | None:
    """One index entry as argostranslate.package.AvailablePackage reads it, or None."""
    if not isinstance(entry, dict):
        return None
    kind = entry.get("type", "translate")
    source_lang, target_lang = entry.get("from_code"), entry.get("to_code")
    version = plain_version(entry)
    codes_are_plain = is_language_code(source_lang) and is_language_code(target_lang)
    if kind != "translate" or not codes_are_plain or version is None:
        return None
    links = entry.get("links")
    return AvailableModel(
        source_lang=source_lang,
        target_lang=target_lang,
        package_version=version,
        # argostranslate.package.argospm_package_name: "<type>-<from_code>_<to_code>"
        name=f"{kind}-{source_lang}_{target_lang}",
        links=[link for link in links if isinstance(link, str)] if isinstance(links, list) else [],
        source_lang_name=_text(entry.get("from_name")),
        target_lang_name=_text(entry.get("to_name")),
    )


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def describe_available(
    source_lang: str,
    target_lang: str,
    *,
    index_url: str | None = None,
    timeout: float = NETWORK_TIMEOUT,
) -> AvailableModel:
    """The index's package for a pair (what install_from_index would download).

    Raises ModelError when the index has none; its details hold `offered`, the
    target languages the index has for source_lang.
    """
    models = available_models(index_url=index_url, timeout=timeout)
    for model in models:
        if (model.source_lang, model.target_lang) == (source_lang, target_lang) and model.links:
            return model
    targets = sorted({m.target_lang for m in models if m.source_lang == source_lang})
    offered = f"; from {source_lang} it offers: {', '.join(targets)}" if targets else ""
    raise ModelError(
        f"the Argos package index has no {source_lang}\u2192{target_lang} package{offered}",
        source_lang=source_lang,
        target_lang=target_lang,
        offered=targets,
    )


# --------------------------------------------------------------------------- downloading


def install_from_index(
    source_lang: str,
    target_lang: str,
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
    skip reading the index a second time. Offline, fails at once with
    NetworkError (remedy "install-model-file").
    """
    package = available or describe_available(
        source_lang, target_lang, index_url=index_url, timeout=timeout
    )
    download = new_work_file("download", ".argosmodel")
    try:
        _download_from_any_link(package, download, progress, timeout)
        return install_from_file(download)
    finally:
        download.unlink(missing_ok=True)


def _download_from_any_link(
    package: AvailableModel, destination: Path, progress: ProgressCallback | None, timeout: float
) -> None:
    """Try the package's links in order; the last failure is raised if none works."""
    last_error: NetworkError | None = None
    for url in package.links:
        try:
            _download(url, destination, progress, timeout)
            return
        except NetworkError as error:
            last_error = error
    raise last_error or NetworkError(f"the index lists no download for {package.name}")


def _download(
    url: str, destination: Path, progress: ProgressCallback | None, timeout: float
) -> int:
    """Download url into destination; returns the number of bytes written."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with (
            urllib.request.urlopen(request, timeout=timeout) as response,
            open(destination, "wb") as sink,
        ):
            total = int(response.headers.get("Content-Length") or 0)
            done = _copy_with_progress(response, sink, total, progress)
    except urllib.error.URLError as error:
        reason = getattr(error, "reason", error)
        raise NetworkError(f"could not download {url}: {reason}", url=url) from None
    except (OSError, ValueError) as error:
        raise NetworkError(f"the download of {url} failed: {error}", url=url) from None
    if total and done != total:
        raise NetworkError(f"the download of {url} stopped after {done} of {total} bytes", url=url)
    return done


def _copy_with_progress(response, sink, total: int, progress: ProgressCallback | None) -> int:
    done = 0
    if progress:
        progress(0, total)
    while chunk := response.read(DOWNLOAD_CHUNK):
        sink.write(chunk)
        done += len(chunk)
        if progress:
            progress(done, total)
    return done
