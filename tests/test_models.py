"""Argos package management: install from a file, list, replace, remove, refuse hostile archives."""

from __future__ import annotations

import io
import json
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest

from bilingo import models
from bilingo.errors import ModelError, ModelNotInstalled, NetworkError

from .tiny_argos import build_package, package_name

SRC = Path(__file__).resolve().parent.parent / "src"


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def tiny_build(tmp_path_factory) -> Path:
    """A folder holding the tiny ko->en package, unzipped and as .argosmodel."""
    out = tmp_path_factory.mktemp("tiny-argos")
    build_package(out, "ko", "en", package_version="1.0")
    return out


@pytest.fixture(scope="session")
def tiny_archive(tiny_build) -> Path:
    return tiny_build / f"{package_name('ko', 'en', '1.0')}.argosmodel"


@pytest.fixture(scope="session")
def package_files(tiny_build) -> dict[str, bytes]:
    """The tiny package's files by archive name, to build broken archives from."""
    top = tiny_build / package_name("ko", "en", "1.0")
    return {
        path.relative_to(tiny_build).as_posix(): path.read_bytes()
        for path in sorted(top.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch) -> Path:
    """Models and every user folder point into tmp_path; returns the models folder."""
    directory = tmp_path / "models"
    monkeypatch.setenv("BILINGO_MODELS_DIR", str(directory))
    for key in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(key, str(tmp_path / key.lower()))
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    return directory


def write_zip(path: Path, files: dict[str, bytes], symlinks: dict[str, str] | None = None) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, target)
    return path


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir()) if directory.exists() else []


# --------------------------------------------------------------------------- happy paths


def test_models_dir_from_environment(isolated):
    assert models.models_dir() == isolated


def test_models_dir_default_is_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("BILINGO_MODELS_DIR")
    directory = models.models_dir()
    assert directory.name == "models"
    assert directory.parent.name == "bilingo"
    if sys.platform.startswith("linux"):
        assert directory == tmp_path / "xdg_data_home" / "bilingo" / "models"


def test_install_list_find(tiny_archive, isolated):
    installed = models.install_from_file(tiny_archive)

    assert (installed.source_lang, installed.target_lang) == ("ko", "en")
    assert installed.package_version == "1.0"
    assert installed.name == "translate-ko_en-1_0"
    assert installed.path == isolated / "translate-ko_en-1_0"
    assert installed.pair == "ko\u2192en"
    assert installed.target_prefix == ""
    assert installed.tokenizer_path == installed.path / "sentencepiece.model"
    assert (installed.model_path / "model.bin").is_file()
    expected_size = sum(p.stat().st_size for p in installed.path.rglob("*") if p.is_file())
    assert installed.size_bytes == expected_size > 1000
    assert models.list_models() == [installed]
    assert models.find_model("ko", "en") == installed
    assert leftovers(isolated) == ["translate-ko_en-1_0"]


def test_list_models_empty_when_folder_missing(isolated):
    assert not isolated.exists()
    assert models.list_models() == []


def test_find_model_missing_names_the_fix_as_data():
    with pytest.raises(ModelNotInstalled) as caught:
        models.find_model("ko", "en")
    assert str(caught.value) == "no ko\u2192en model is installed"
    assert caught.value.remedy == "install-model"
    assert caught.value.details == {"source_lang": "ko", "target_lang": "en"}


def test_reinstall_is_harmless(tiny_archive, isolated):
    first = models.install_from_file(tiny_archive)
    second = models.install_from_file(tiny_archive)
    assert second == first
    assert models.list_models() == [second]
    assert leftovers(isolated) == ["translate-ko_en-1_0"]


def test_newer_package_replaces_older(tmp_path, isolated):
    old = build_package(tmp_path / "old", "ko", "en", package_version="1.0")
    new = build_package(tmp_path / "new", "ko", "en", package_version="1.1")
    models.install_from_file(old)
    installed = models.install_from_file(new)
    assert installed.package_version == "1.1"
    assert [m.name for m in models.list_models()] == ["translate-ko_en-1_1"]
    assert leftovers(isolated) == ["translate-ko_en-1_1"]


def test_replace_false_refuses_when_pair_installed(tmp_path, tiny_archive, isolated):
    models.install_from_file(tiny_archive)
    newer = build_package(tmp_path, "ko", "en", package_version="2.0")
    with pytest.raises(ModelError, match="already installed") as caught:
        models.install_from_file(newer, replace=False)
    assert str(caught.value) == "a ko\u2192en model is already installed (translate-ko_en-1_0)"
    assert caught.value.remedy == "remove-model-first"
    assert caught.value.details == {"source_lang": "ko", "target_lang": "en"}
    assert [m.package_version for m in models.list_models()] == ["1.0"]
    assert leftovers(isolated) == ["translate-ko_en-1_0"]


def test_both_directions_coexist(tmp_path, tiny_archive):
    models.install_from_file(tiny_archive)
    models.install_from_file(build_package(tmp_path, "en", "ko"))
    pairs = [(m.source_lang, m.target_lang) for m in models.list_models()]
    assert pairs == [("en", "ko"), ("ko", "en")]


def test_target_prefix_read_from_metadata(tmp_path):
    archive = build_package(tmp_path, "ko", "en", target_prefix="__en__")
    assert models.install_from_file(archive).target_prefix == "__en__"


def test_remove_model(tiny_archive, isolated):
    installed = models.install_from_file(tiny_archive)
    removed = models.remove_model("ko", "en")
    assert removed == installed
    assert models.list_models() == []
    assert leftovers(isolated) == []
    with pytest.raises(ModelNotInstalled):
        models.remove_model("ko", "en")


def test_list_models_skips_broken_folders(tiny_archive, isolated):
    models.install_from_file(tiny_archive)
    (isolated / "no-metadata").mkdir()
    (isolated / "bad-json").mkdir()
    (isolated / "bad-json" / "metadata.json").write_text("{nope", encoding="utf-8")
    (isolated / "no-model").mkdir()
    (isolated / "no-model" / "metadata.json").write_text(
        json.dumps({"from_code": "ko", "to_code": "en"}), encoding="utf-8"
    )
    (isolated / ".install-leftover").mkdir()
    (isolated / "stray-file.txt").write_text("x", encoding="utf-8")
    assert [m.name for m in models.list_models()] == ["translate-ko_en-1_0"]


# --------------------------------------------------------------------------- refused archives


def _hostile_cases(files: dict[str, bytes]) -> dict[str, tuple[dict, dict]]:
    top = package_name("ko", "en", "1.0")
    metadata = f"{top}/metadata.json"

    def without(*names):
        return {k: v for k, v in files.items() if k not in names}

    def with_metadata(value):
        return {**files, metadata: value}

    return {
        "zip-slip": ({**files, "../evil.txt": b"x"}, {}),
        "zip-slip-nested": ({**files, f"{top}/../../evil.txt": b"x"}, {}),
        "absolute-path": ({**files, "/tmp/evil.txt": b"x"}, {}),
        "drive-letter": ({**files, "C:/evil.txt": b"x"}, {}),
        "backslash-slip": ({**files, f"{top}\\..\\..\\evil.txt": b"x"}, {}),
        "symlink": (files, {f"{top}/model/link": "/etc/passwd"}),
        "two-top-folders": ({**files, "other/readme.txt": b"x"}, {}),
        "file-beside-folder": ({**files, "evil.txt": b"x"}, {}),
        "missing-metadata": (without(metadata), {}),
        "metadata-not-json": (with_metadata(b"{not json"), {}),
        "metadata-not-object": (with_metadata(b"[1, 2]"), {}),
        "metadata-without-from-code": (with_metadata(json.dumps({"to_code": "en"}).encode()), {}),
        "metadata-bad-code": (
            with_metadata(json.dumps({"from_code": "../x", "to_code": "en"}).encode()),
            {},
        ),
        "missing-model-bin": (without(f"{top}/model/model.bin"), {}),
        "missing-tokenizer": (without(f"{top}/sentencepiece.model"), {}),
    }


HOSTILE = [
    "zip-slip",
    "zip-slip-nested",
    "absolute-path",
    "drive-letter",
    "backslash-slip",
    "symlink",
    "two-top-folders",
    "file-beside-folder",
    "missing-metadata",
    "metadata-not-json",
    "metadata-not-object",
    "metadata-without-from-code",
    "metadata-bad-code",
    "missing-model-bin",
    "missing-tokenizer",
]


@pytest.mark.parametrize("case", HOSTILE)
def test_hostile_or_broken_archive_refused(case, package_files, tmp_path, isolated):
    files, symlinks = _hostile_cases(package_files)[case]
    archive = write_zip(tmp_path / f"{case}.argosmodel", files, symlinks)
    with pytest.raises(ModelError) as caught:
        models.install_from_file(archive)
    assert str(archive) in str(caught.value)
    assert leftovers(isolated) == []
    assert not (tmp_path.parent / "evil.txt").exists()
    assert not Path("/tmp/evil.txt").exists()


def test_refusal_leaves_installed_model_alone(package_files, tiny_archive, tmp_path, isolated):
    models.install_from_file(tiny_archive)
    files, _ = _hostile_cases(package_files)["zip-slip"]
    with pytest.raises(ModelError):
        models.install_from_file(write_zip(tmp_path / "evil.argosmodel", files))
    assert leftovers(isolated) == ["translate-ko_en-1_0"]
    assert models.find_model("ko", "en").package_version == "1.0"


def test_not_a_zip_refused(tmp_path, isolated):
    archive = tmp_path / "notes.argosmodel"
    archive.write_text("this is not a zip archive\n", encoding="utf-8")
    with pytest.raises(ModelError, match="not a zip archive"):
        models.install_from_file(archive)
    assert leftovers(isolated) == []


def test_truncated_zip_refused(tiny_archive, tmp_path, isolated):
    data = tiny_archive.read_bytes()
    archive = tmp_path / "truncated.argosmodel"
    archive.write_bytes(data[: len(data) // 2])
    with pytest.raises(ModelError, match="damaged|truncated"):
        models.install_from_file(archive)
    assert leftovers(isolated) == []


def test_missing_file_refused(tmp_path):
    with pytest.raises(ModelError, match="does not exist"):
        models.install_from_file(tmp_path / "nowhere.argosmodel")


def test_corrupt_entry_fails_during_extraction_and_cleans_up(
    package_files, tiny_archive, tmp_path, isolated
):
    """The directory is fine, the data is not (bad CRC): caught while extracting, nothing left."""
    models.install_from_file(tiny_archive)
    archive = write_zip(tmp_path / "corrupt.argosmodel", package_files)
    with zipfile.ZipFile(archive) as zf:
        info = zf.getinfo(f"{package_name('ko', 'en', '1.0')}/sentencepiece.model")
        offset = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data = bytearray(archive.read_bytes())
    for i in range(offset + 10, offset + 60):
        data[i] ^= 0xFF
    archive.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="damaged"):
        models.install_from_file(archive)
    assert leftovers(isolated) == ["translate-ko_en-1_0"]  # the old install is untouched


def _declared_size_archive(path: Path, files: dict[str, bytes], name: str, size: int) -> Path:
    """An archive whose central directory declares `size` bytes for `name` (no real data)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for member, data in files.items():
            zf.writestr(member, data)
        zf.getinfo(name).file_size = size  # written into the central directory on close
    return path


def test_zip_bomb_total_size_refused(package_files, tmp_path, isolated):
    name = f"{package_name('ko', 'en', '1.0')}/model/model.bin"
    archive = _declared_size_archive(tmp_path / "big.argosmodel", package_files, name, 5 * 1024**3)
    with pytest.raises(ModelError, match="GiB"):
        models.install_from_file(archive)
    assert leftovers(isolated) == []


def test_zip_bomb_compression_ratio_refused(package_files, tmp_path, isolated):
    name = f"{package_name('ko', 'en', '1.0')}/model/model.bin"
    archive = _declared_size_archive(
        tmp_path / "bomb.argosmodel", package_files, name, 300 * 1024**2
    )
    with pytest.raises(ModelError, match="expands"):
        models.install_from_file(archive)
    assert leftovers(isolated) == []


def test_entry_larger_than_declared_refused(package_files, tmp_path, isolated):
    name = f"{package_name('ko', 'en', '1.0')}/model/model.bin"
    size = len(package_files[name]) // 2
    archive = _declared_size_archive(tmp_path / "liar.argosmodel", package_files, name, size)
    with pytest.raises(ModelError):
        models.install_from_file(archive)
    assert leftovers(isolated) == []


# --------------------------------------------------------------------------- the package index


def _block_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network blocked by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_install_from_index_offline_fails_fast(monkeypatch, isolated):
    _block_network(monkeypatch)
    start = time.perf_counter()
    with pytest.raises(NetworkError) as caught:
        models.install_from_index("ko", "en")
    assert time.perf_counter() - start < 5
    message = str(caught.value)
    assert message.startswith(
        f"could not reach the Argos package index ({models.DEFAULT_INDEX_URL})"
    )
    assert "bilingo" not in message and "--file" not in message  # the CLI words the remedy
    assert caught.value.remedy == "install-model-file"
    assert leftovers(isolated) == []


def test_describe_available_offline_fails_fast(monkeypatch):
    _block_network(monkeypatch)
    with pytest.raises(NetworkError) as caught:
        models.describe_available("ko", "en")
    assert caught.value.remedy == "install-model-file"


class _FakeResponse(io.BytesIO):
    def __init__(self, data: bytes):
        super().__init__(data)
        self.headers = {"Content-Length": str(len(data))}


def _serve(monkeypatch, pages: dict[str, bytes]) -> list[str]:
    """Replace urllib's urlopen with one that serves `pages` from memory; returns the URLs asked."""
    asked = []

    def fake_urlopen(request, timeout=None):
        url = request.full_url if isinstance(request, urllib.request.Request) else request
        asked.append(url)
        assert timeout is not None and timeout <= 60, "every request needs a short timeout"
        if url not in pages:
            raise urllib.error.HTTPError(url, 404, "Not Found", {}, None)
        return _FakeResponse(pages[url])

    monkeypatch.setattr(urllib.request, "urlopen", fake_urlopen)
    return asked


def _index(link: str) -> bytes:
    return json.dumps(
        [
            {
                "package_version": "1.0",
                "argos_version": "1.9.0",
                "from_code": "ko",
                "from_name": "Korean",
                "to_code": "en",
                "to_name": "English",
                "type": "translate",
                "links": [link],
            },
            {
                "package_version": "1.9",
                "from_code": "en",
                "to_code": "ja",
                "type": "translate",
                "links": ["https://example.invalid/en_ja.argosmodel"],
            },
        ]
    ).encode()


def test_install_from_index_with_mocked_download(monkeypatch, tiny_archive, isolated):
    """MOCK: the Argos package index cannot be reached here, so urllib's urlopen is
    replaced by a function serving an index and the tiny archive from memory.
    The index parser, the download loop, the progress callback and
    install_from_file run for real."""
    link = "https://example.invalid/translate-ko_en-1_0.argosmodel"
    archive_bytes = tiny_archive.read_bytes()
    asked = _serve(monkeypatch, {models.DEFAULT_INDEX_URL: _index(link), link: archive_bytes})
    _block_network(monkeypatch)  # nothing may slip past the mock
    progress = []

    available = models.describe_available("ko", "en")
    assert (available.name, available.package_version, available.links) == (
        "translate-ko_en",
        "1.0",
        [link],
    )
    installed = models.install_from_index(
        "ko", "en", progress=lambda done, total: progress.append((done, total))
    )

    assert installed == models.find_model("ko", "en")
    assert installed.package_version == "1.0"
    assert progress[0] == (0, len(archive_bytes))
    assert progress[-1] == (len(archive_bytes), len(archive_bytes))
    assert asked == [models.DEFAULT_INDEX_URL, models.DEFAULT_INDEX_URL, link]
    assert leftovers(isolated) == ["translate-ko_en-1_0"]  # the download is gone


def test_install_from_index_reuses_described_package(monkeypatch, tiny_archive):
    """MOCK (see above): passing `available` skips the second index read."""
    link = "https://example.invalid/ko_en.argosmodel"
    asked = _serve(
        monkeypatch, {models.DEFAULT_INDEX_URL: _index(link), link: tiny_archive.read_bytes()}
    )
    available = models.describe_available("ko", "en")
    models.install_from_index("ko", "en", available=available)
    assert asked == [models.DEFAULT_INDEX_URL, link]


def test_install_from_index_pair_not_offered(monkeypatch, isolated):
    """MOCK (see above): an index without the pair gives a ModelError naming what it offers."""
    _serve(monkeypatch, {models.DEFAULT_INDEX_URL: _index("https://example.invalid/x")})
    with pytest.raises(ModelError, match="no ko\u2192ja package; from ko it offers: en") as caught:
        models.install_from_index("ko", "ja")
    assert caught.value.details == {"source_lang": "ko", "target_lang": "ja", "offered": ["en"]}
    assert leftovers(isolated) == []


def test_install_from_index_broken_download(monkeypatch, isolated):
    """MOCK (see above): a download that is not a package is refused and removed."""
    link = "https://example.invalid/ko_en.argosmodel"
    _serve(monkeypatch, {models.DEFAULT_INDEX_URL: _index(link), link: b"<html>oops</html>"})
    with pytest.raises(ModelError, match="not a zip"):
        models.install_from_index("ko", "en")
    assert leftovers(isolated) == []


def test_install_from_index_missing_download(monkeypatch, isolated):
    """MOCK (see above): a dead link gives a NetworkError whose remedy is installing a file."""
    link = "https://example.invalid/gone"
    _serve(monkeypatch, {models.DEFAULT_INDEX_URL: _index(link)})
    with pytest.raises(NetworkError, match=f"could not download {link}") as caught:
        models.install_from_index("ko", "en")
    assert caught.value.remedy == "install-model-file"
    assert caught.value.details == {"url": link}
    assert leftovers(isolated) == []


def test_reading_the_index_has_no_side_effects(tmp_path):
    """MOCK: the Argos package index cannot be reached here, so the fetch is replaced by
    one returning an index from memory. Reading and parsing it for real neither imports
    argostranslate (which creates folders and reads settings on import) nor changes
    os.environ, and creates nothing in the home folder. A fresh interpreter, so that
    nothing imported by other tests can hide an import."""
    home = tmp_path / "fresh-home"
    home.mkdir()
    code = (
        "import os, sys, json\n"
        "import bilingo.models as models\n"
        "from bilingo.models import index\n"
        "data = sys.stdin.buffer.read()\n"
        "index._fetch_index = lambda url, timeout: data\n"
        "before = dict(os.environ)\n"
        "found = models.available_models()\n"
        "assert dict(os.environ) == before, 'os.environ changed'\n"
        "print(json.dumps([m.name for m in found]))\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('argostranslate', 'ctranslate2')))\n"
    )
    env = {"HOME": str(home), "PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        input=_index("https://example.invalid/ko_en.argosmodel"),
        capture_output=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr.decode()
    names, imported = result.stdout.decode().splitlines()
    assert json.loads(names) == ["translate-ko_en", "translate-en_ja"]
    assert imported == "[]"
    assert list(home.iterdir()) == []


def test_index_parsed_as_argostranslate_reads_it():
    """The fields and the package name argostranslate.package.AvailablePackage and
    argospm_package_name give; entries that are not one-pair translation packages are skipped."""
    data = json.dumps(
        [
            {
                "package_version": "1.1",
                "argos_version": "1.5",
                "from_code": "ko",
                "from_name": "Korean",
                "to_code": "en",
                "to_name": "English",
                "links": ["https://example.invalid/a.argosmodel", 7],
            },
            {"type": "sbd", "from_code": "ko", "to_code": "ko", "links": ["x"]},
            {"type": "translate", "code": "multi", "links": ["x"]},
            {"from_code": "en", "to_code": "", "links": ["x"]},
            "not a package",
            {"from_code": "en", "to_code": "ko", "package_version": 2, "links": "x"},
        ]
    ).encode()
    assert models.parse_index(data) == [
        models.AvailableModel(
            source_lang="ko",
            target_lang="en",
            package_version="1.1",
            name="translate-ko_en",
            links=["https://example.invalid/a.argosmodel"],
            source_lang_name="Korean",
            target_lang_name="English",
        ),
        models.AvailableModel(
            source_lang="en", target_lang="ko", package_version="2", name="translate-en_ko"
        ),
    ]


@pytest.mark.parametrize("data", [b"{not json", b'{"packages": []}', b"\xff\xfe\x00"])
def test_unreadable_index_is_a_network_error(data):
    with pytest.raises(NetworkError, match="could not be read") as caught:
        models.parse_index(data, "https://example.invalid/index.json")
    assert caught.value.remedy == "install-model-file"
